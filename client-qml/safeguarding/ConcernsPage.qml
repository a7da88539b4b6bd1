import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Safeguarding. Supervisors (and a safeguarding lead, for escalated ones):
// the concerns to read, oldest unacknowledged first, each acknowledged with
// what was done. Coaches and mentors: raise a concern, and see whether and
// when the ones they raised were acknowledged, never the text. Coordinators
// also get the audit trail (who read what, when, without content) and the
// set-up of supervisors and safeguarding leads.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    /// The concerns the person may see, shared with Home (AppShell's).
    property ConcernListModel concerns: null
    /// "list", "raise" or "acknowledge".
    property string view: "list"
    /// Coordinators: "concerns", "audit" or "setup".
    property string tab: "concerns"
    readonly property bool isSupervisor: Session.hasRole("supervisor")

    /// Back (the Android back button, Escape): from a form to the list.
    function navigateBack(): bool {
        if (view === "list")
            return false;
        view = "list";
        return true;
    }
    readonly property bool holdsPoolRole: Session.hasRole("coach") || Session.hasRole("mentor")
    /// Shows the concerns to read (and their empty state).
    readonly property bool reader: isSupervisor || Session.isCoordinator
                                   || (concerns !== null && concerns.toReadCount > 0)
    /// Shows the concerns the person raised.
    readonly property bool raiser: holdsPoolRole || (concerns !== null && concerns.raisedCount > 0)
    readonly property alias raisePage: raiseConcernPage
    readonly property alias acknowledgePage: acknowledgeConcernPage
    /// Coordinators: the audit trail page; null for anyone else.
    readonly property AuditTrailPage auditPage: auditLoader.item as AuditTrailPage
    /// Coordinators: supervisors and safeguarding leads; null for anyone else.
    readonly property SafeguardingSetupPage setupPage: setupLoader.item as SafeguardingSetupPage
    property string notice
    property string errorText
    /// Queue keys of what was saved here and not yet sent.
    property var raisedKeys: []
    property var acknowledgedKeys: []
    /// Concerns the person raised that wait on this device to be sent.
    property int queuedRaises: 0

    function countQueuedRaises() {
        let n = 0;
        for (let i = 0; i < SyncQueue.count; ++i) {
            if (SyncQueue.get(i).kind === WriteKind.RaiseConcern)
                ++n;
        }
        queuedRaises = n;
    }
    Component.onCompleted: countQueuedRaises()

    function openList() {
        view = "list";
        tab = "concerns";
    }
    /// The form to raise a concern (choosing the relationship first).
    function openRaise() {
        notice = "";
        view = "raise";
        raiseConcernPage.start();
    }
    /// The acknowledgement of the concern in `row` of `concerns`.
    function openAcknowledge(row: int) {
        notice = "";
        acknowledgeConcernPage.start(page.concerns.get(row));
        view = "acknowledge";
    }
    /// Coordinators: the audit trail.
    function openAudit() {
        view = "list";
        tab = "audit";
        if (auditPage)
            auditPage.refresh();
    }
    function reload() {
        if (page.concerns)
            page.concerns.reload();
    }

    objectName: "concernsPage"
    title: qsTr("Concerns")
    background: Rectangle { color: Theme.background }

    onVisibleChanged: {
        if (visible && view === "list")
            reload();
    }

    Connections {
        target: page.concerns
        function onErrorOccurred(message: string) {
            page.errorText = message;
        }
        function onLoadingChanged() {
            if (page.concerns.loading)
                page.errorText = "";
        }
    }
    Connections {
        target: SyncQueue
        function onCountChanged() {
            page.countQueuedRaises();
        }
        // The list loads again by itself (ConcernListModel).
        function onSynced(key: string, summary: string, replayed: bool, kind: int, relationshipId: double) {
            if (page.raisedKeys.indexOf(key) >= 0) {
                page.raisedKeys = page.raisedKeys.filter(k => k !== key);
                page.notice = qsTr("Sent. Your supervisor can read your concern now.");
            } else if (page.acknowledgedKeys.indexOf(key) >= 0) {
                page.acknowledgedKeys = page.acknowledgedKeys.filter(k => k !== key);
                page.notice = qsTr("Acknowledged. The coach can see that you did, and when.");
            }
        }
        function onRefused(key: string, message: string, kind: int, relationshipId: double) {
            if (page.raisedKeys.indexOf(key) >= 0)
                page.errorText = qsTr("Your concern was not accepted: %1").arg(message);
            else if (page.acknowledgedKeys.indexOf(key) >= 0)
                page.errorText = qsTr("Your acknowledgement was not accepted: %1").arg(message);
        }
    }

    // Coordinators: concerns or the audit trail.
    TabBar {
        id: tabs
        objectName: "safeguardingTabs"
        visible: Session.isCoordinator && page.view === "list"
        height: visible ? implicitHeight : 0
        anchors { left: parent.left; right: parent.right; top: parent.top }
        currentIndex: page.tab === "setup" ? 2 : page.tab === "audit" ? 1 : 0
        TabItem {
            objectName: "concernsTab"
            text: qsTr("Concerns")
            onClicked: page.tab = "concerns"
        }
        TabItem {
            objectName: "auditTrailTab"
            text: qsTr("Audit trail")
            onClicked: page.openAudit()
        }
        TabItem {
            objectName: "setupTab"
            text: qsTr("Set-up")
            onClicked: page.tab = "setup"
        }
    }

    StackLayout {
        anchors { left: parent.left; right: parent.right; top: tabs.bottom; bottom: parent.bottom }
        currentIndex: page.view === "raise" ? 1
                      : page.view === "acknowledge" ? 2
                      : page.tab === "audit" && Session.isCoordinator ? 3
                      : page.tab === "setup" && Session.isCoordinator ? 4 : 0

        Flickable {
            id: flick
            objectName: "concernsFlick"
            contentHeight: column.implicitHeight + 2 * page.margin
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: column
                x: page.margin
                y: page.margin
                width: Math.min(flick.width - 2 * page.margin, 820)
                spacing: 2 * Theme.unit

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    Label {
                        visible: !page.compact
                        text: qsTr("Safeguarding concerns")
                        font.pixelSize: Theme.headlineSize
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                    }
                    Label {
                        objectName: "concernsExplainer"
                        Layout.fillWidth: true
                        text: page.isSupervisor
                              ? qsTr("Concerns raised by the coaches and mentors you supervise. Only you can read them, unless one is not acknowledged within 2 working days: then the organisation's safeguarding lead can read it too.")
                              : Session.isCoordinator
                                ? qsTr("As an organisation's safeguarding lead you see a concern here once it has gone 2 working days without the coach's supervisor acknowledging it. Otherwise coordinators never see concerns.")
                                : qsTr("When someone you coach or mentor is at real risk of harm, raise a concern. It reaches your supervisor and nobody else.")
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                }

                ErrorBanner {
                    objectName: "concernsNotice"
                    Layout.fillWidth: true
                    tone: "success"
                    text: page.notice
                    onDismissed: page.notice = ""
                }
                ErrorBanner {
                    objectName: "concernsError"
                    Layout.fillWidth: true
                    text: page.errorText
                    onDismissed: page.errorText = ""
                }
                TextButton {
                    objectName: "concernsRetry"
                    Layout.leftMargin: -Theme.unit
                    visible: page.errorText.length > 0 && page.concerns !== null && !page.concerns.loading
                    text: qsTr("Try again")
                    onClicked: page.reload()
                }
                BusyIndicator {
                    objectName: "concernsBusy"
                    Layout.alignment: Qt.AlignHCenter
                    visible: page.concerns !== null && page.concerns.loading
                    running: visible
                }

                // To read and acknowledge.
                Label {
                    objectName: "concernsToReadCount"
                    Layout.fillWidth: true
                    visible: page.reader && page.concerns !== null && page.concerns.toReadCount > 0
                    text: !page.concerns ? ""
                          : page.concerns.openCount === 0 ? qsTr("Every concern has been acknowledged.")
                          : page.concerns.openCount === 1 ? qsTr("1 concern waiting for acknowledgement")
                          : qsTr("%1 concerns waiting for acknowledgement").arg(page.concerns.openCount)
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.subtitleSize
                    font.weight: Font.DemiBold
                    color: page.concerns && page.concerns.escalatedCount > 0 ? Theme.error : Theme.text
                }
                SectionCard {
                    objectName: "concernsEmpty"
                    Layout.fillWidth: true
                    visible: page.reader && page.concerns !== null && !page.concerns.loading
                             && page.concerns.toReadCount === 0 && page.errorText.length === 0
                    title: qsTr("No concerns.")
                    subtitle: page.isSupervisor
                              ? qsTr("When a coach or mentor you supervise raises a safeguarding concern, it appears here for you to read and acknowledge.")
                              : qsTr("A concern appears here only if it has been escalated to you as safeguarding lead.")
                }
                Repeater {
                    model: page.concerns
                    // qmllint disable unqualified
                    delegate: ConcernCard {
                        required property int index
                        required property var model
                        objectName: "concernCard-" + index
                        Layout.fillWidth: true
                        visible: model.canRead === true
                        concern: model
                        onAcknowledgeRequested: page.openAcknowledge(index)
                    }
                    // qmllint enable unqualified
                }

                // Raised by the person.
                ColumnLayout {
                    objectName: "raisedSection"
                    Layout.fillWidth: true
                    Layout.topMargin: page.reader ? 2 * Theme.unit : 0
                    visible: page.raiser
                    spacing: 2 * Theme.unit

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Concerns you raised")
                        font.pixelSize: Theme.titleSize
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                    }
                    PrimaryButton {
                        objectName: "raiseConcernButton"
                        Layout.fillWidth: page.compact
                        visible: page.holdsPoolRole
                        text: qsTr("Raise a safeguarding concern")
                        onClicked: page.openRaise()
                    }
                    // Kept on this device, not sent yet.
                    Repeater {
                        model: SyncQueue
                        // qmllint disable unqualified
                        delegate: Rectangle {
                            id: queued
                            required property int index
                            required property int kind
                            required property string summary
                            required property string statusLabel
                            required property bool refused
                            objectName: "queuedConcern-" + index
                            Layout.fillWidth: true
                            visible: kind === WriteKind.RaiseConcern
                            implicitHeight: queuedColumn.implicitHeight + 2 * Theme.unit
                            radius: Theme.radius
                            color: refused ? Theme.errorTint : Theme.warningTint
                            border.color: refused ? Theme.error : Theme.warningBorder
                            Column {
                                id: queuedColumn
                                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit
                                          leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                                spacing: 2
                                Label {
                                    width: parent.width
                                    text: queued.summary
                                    wrapMode: Text.Wrap
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                                Label {
                                    objectName: "queuedConcernStatus"
                                    width: parent.width
                                    text: queued.refused ? queued.statusLabel
                                          : qsTr("Waiting to sync: kept on this device and sent to your supervisor as soon as the server can be reached.")
                                    wrapMode: Text.Wrap
                                    font.pixelSize: Theme.smallSize + 1
                                    color: queued.refused ? Theme.error : Theme.warningText
                                }
                            }
                        }
                        // qmllint enable unqualified
                    }
                    Label {
                        objectName: "raisedNone"
                        Layout.fillWidth: true
                        visible: page.concerns !== null && !page.concerns.loading && page.concerns.raisedCount === 0
                                 && page.queuedRaises === 0 && page.errorText.length === 0
                        text: qsTr("You have not raised any concerns.")
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                    Repeater {
                        model: page.concerns
                        // qmllint disable unqualified
                        delegate: ConcernCard {
                            required property int index
                            required property var model
                            objectName: "raisedConcernCard-" + index
                            Layout.fillWidth: true
                            visible: model.raisedByYou === true
                            concern: model
                        }
                        // qmllint enable unqualified
                    }
                }

                TextButton {
                    objectName: "refreshConcernsButton"
                    Layout.leftMargin: -Theme.unit
                    enabled: page.concerns !== null && !page.concerns.loading
                    text: qsTr("Refresh")
                    onClicked: page.reload()
                }
            }
        }

        RaiseConcernPage {
            id: raiseConcernPage
            onBack: page.openList()
            onSaved: (key, summary) => {
                page.raisedKeys = page.raisedKeys.concat([key]);
                page.openList();
                if (SyncQueue.contains(key))
                    page.notice = qsTr("Your concern is kept on this device and is sent to your supervisor as soon as the server can be reached.");
            }
        }
        AcknowledgeConcernPage {
            id: acknowledgeConcernPage
            onBack: page.openList()
            onSaved: (key, summary) => {
                page.acknowledgedKeys = page.acknowledgedKeys.concat([key]);
                page.openList();
                if (SyncQueue.contains(key))
                    page.notice = qsTr("Your acknowledgement is kept on this device and is sent as soon as the server can be reached.");
            }
        }
        // Only coordinators may read the trail: nobody else asks for it.
        Loader {
            id: auditLoader
            objectName: "auditTrailLoader"
            active: Session.isCoordinator
            sourceComponent: AuditTrailPage {}
        }
        Loader {
            id: setupLoader
            objectName: "safeguardingSetupLoader"
            active: Session.isCoordinator
            sourceComponent: SafeguardingSetupPage {}
        }
    }
}
