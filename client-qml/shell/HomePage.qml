import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Who is signed in, and what matters to them: figures for coordinators, what
// coaching and mentoring are for coachees, their part for pool members.
Page {
    id: page

    /// Phone layout: the window, not this page, decides.
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property bool holdsPoolRole: holds("coach") || holds("mentor")
    /// Safeguarding concerns the person may see (AppShell's, shared with the
    /// concerns page); null shows no safeguarding cards.
    property ConcernListModel concerns: null
    /// Requests waiting for the person's answer (coaches and mentors), for
    /// the navigation's badge.
    readonly property int inboxCount: {
        const entry = inboxEntry.item as SectionCard;
        return entry ? entry.inbox.count : 0;
    }

    /// Shows another page of the app by its key.
    signal navigate(string key)
    /// Opens the "Ask for support" form.
    signal askRequested()
    /// Opens the record of a session (choosing who with first).
    signal recordRequested()
    /// Opens a queued record the server refused, to correct it.
    signal editQueuedRequested(string key, double relationshipId)
    /// Opens the form to raise a safeguarding concern (choosing who first).
    signal raiseConcernRequested()
    /// Opens the safeguarding concerns.
    signal concernsRequested()
    /// Coordinators: opens the audit trail.
    signal auditTrailRequested()
    /// Opens one relationship (from what is due on its goals).
    signal relationshipRequested(double relationshipId)
    /// Coaches and mentors: open a month's return.
    signal returnRequested(string month)
    /// Opens the optional questions about the person's work.
    signal declarationRequested()

    function greeting(): string {
        const hour = new Date().getHours();
        if (hour < 12)
            return qsTr("Good morning");
        if (hour < 18)
            return qsTr("Good afternoon");
        return qsTr("Good evening");
    }

    /// Whether the signed-in person holds a role. Reads Session.roles, so
    /// bindings that call it follow role changes.
    function holds(key: string): bool {
        const roles = Session.roles;
        for (let i = 0; i < roles.length; ++i) {
            if (roles[i] === key)
                return true;
        }
        return false;
    }

    component RolePart: RowLayout {
        id: part
        property string key
        property string text

        Layout.fillWidth: true
        spacing: 2 * Theme.unit
        RoleChip {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 104
            roleKey: part.key
        }
        Label {
            Layout.fillWidth: true
            text: part.text
            wrapMode: Text.Wrap
            color: Theme.text
        }
    }

    objectName: "homePage"

    // Counts of concerns change as they are raised and acknowledged.
    onVisibleChanged: {
        if (visible && concerns)
            concerns.reload();
    }
    title: qsTr("Home")
    background: Rectangle { color: Theme.background }

    Flickable {
        id: flick
        objectName: "homeFlick"
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content
            width: Math.min(flick.width - 2 * page.margin, Theme.contentMaxWidth)
            x: Math.round((flick.width - width) / 2)
            y: page.margin
            spacing: 3 * Theme.unit

            // Greeting
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit

                Label {
                    objectName: "homeGreeting"
                    Layout.fillWidth: true
                    text: qsTr("%1, %2").arg(page.greeting()).arg(Session.displayName)
                    wrapMode: Text.Wrap
                    font.pixelSize: page.compact ? Theme.titleSize + 2 : Theme.headlineSize + 4
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "homeOrganisation"
                    Layout.fillWidth: true
                    text: Session.organisationName
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.subtitleSize
                    color: Theme.secondaryText
                }
                Flow {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.unit / 2
                    spacing: Theme.unit
                    Repeater {
                        model: Session.roles
                        delegate: RoleChip {
                            required property string modelData
                            roleKey: modelData
                        }
                    }
                }
            }

            // Records kept on this device, waiting to reach the server.
            SyncPanel {
                objectName: "homeSyncPanel"
                Layout.fillWidth: true
                onEditRequested: (key, relationshipId) => page.editQueuedRequested(key, relationshipId)
            }

            // Supervisors and safeguarding leads: concerns waiting for them.
            // Prominent when one is escalated (not acknowledged in time).
            Loader {
                objectName: "concernsEntryLoader"
                Layout.fillWidth: true
                active: page.concerns !== null && (page.holds("supervisor") || Session.isCoordinator)
                visible: active
                sourceComponent: concernsEntryComponent
            }
            // qmllint disable unqualified
            Component {
                id: concernsEntryComponent
                SectionCard {
                    id: concernsEntry
                    readonly property int open: page.concerns ? page.concerns.openCount : 0
                    readonly property int escalated: page.concerns ? page.concerns.escalatedCount : 0
                    objectName: "concernsEntry"
                    title: Session.isCoordinator && !page.holds("supervisor") ? qsTr("Safeguarding")
                                                                                : qsTr("Safeguarding concerns")
                    subtitle: page.holds("supervisor")
                              ? qsTr("Concerns raised by the coaches and mentors you supervise. Only you can read them until one goes 2 working days without your acknowledgement.")
                              : qsTr("Escalated concerns, if you are a safeguarding lead, and the audit trail of who read confidential content.")
                    color: escalated > 0 ? Theme.errorTint : Theme.surface
                    border.color: escalated > 0 ? Theme.error : open > 0 ? Theme.warningBorder : Theme.border
                    border.width: escalated > 0 ? 2 : 1

                    Label {
                        objectName: "homeConcernsCount"
                        Layout.fillWidth: true
                        text: !page.concerns ? ""
                              : page.concerns.loading && page.concerns.count === 0 ? qsTr("Checking…")
                              : concernsEntry.open === 0 ? qsTr("No concerns waiting for acknowledgement.")
                              : concernsEntry.open === 1 ? qsTr("1 concern not acknowledged yet")
                              : qsTr("%1 concerns not acknowledged yet").arg(concernsEntry.open)
                        wrapMode: Text.Wrap
                        font.pixelSize: concernsEntry.open > 0 ? Theme.subtitleSize : Theme.bodySize
                        font.weight: concernsEntry.open > 0 ? Font.DemiBold : Font.Normal
                        color: concernsEntry.escalated > 0 ? Theme.error
                               : concernsEntry.open > 0 ? Theme.warningText : Theme.secondaryText
                    }
                    Label {
                        objectName: "homeConcernsEscalated"
                        Layout.fillWidth: true
                        visible: concernsEntry.escalated > 0
                        text: concernsEntry.escalated === 1
                              ? qsTr("1 was not acknowledged in time and has gone to the safeguarding lead. Act on it now.")
                              : qsTr("%1 were not acknowledged in time and have gone to the safeguarding lead. Act on them now.").arg(concernsEntry.escalated)
                        wrapMode: Text.Wrap
                        font.weight: Font.DemiBold
                        color: Theme.error
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        PrimaryButton {
                            objectName: "homeConcernsButton"
                            width: page.compact ? parent.width : implicitWidth
                            text: concernsEntry.open > 0 ? qsTr("Read and acknowledge") : qsTr("Open concerns")
                            onClicked: page.concernsRequested()
                        }
                        SecondaryButton {
                            objectName: "homeAuditTrailButton"
                            width: page.compact ? parent.width : implicitWidth
                            visible: Session.isCoordinator
                            text: qsTr("Audit trail")
                            onClicked: page.auditTrailRequested()
                        }
                    }
                }
            }
            // qmllint enable unqualified

            // Coaches and mentors: the monthly return waiting to be confirmed.
            Loader {
                objectName: "returnsEntryLoader"
                Layout.fillWidth: true
                active: page.holdsPoolRole
                visible: active && item !== null && (item as ReturnsCard).returns.dueCount > 0
                sourceComponent: returnsEntryComponent
            }
            // qmllint disable unqualified
            Component {
                id: returnsEntryComponent
                ReturnsCard {
                    id: returnsCard
                    compact: page.compact
                    onOpenRequested: month => page.returnRequested(month)
                    Connections {
                        target: page
                        function onVisibleChanged() {
                            if (page.visible)
                                returnsCard.returns.reload();
                        }
                    }
                }
            }
            // qmllint enable unqualified
            // Goals: reviews, evaluations and follow-ups due, and coaching
            // goals still to set, for both people.
            Loader {
                objectName: "dueEntryLoader"
                Layout.fillWidth: true
                active: page.holds("coachee") || page.holdsPoolRole
                // By the list's count: the card's own `visible` reads false
                // while this Loader is hidden, so it cannot show it.
                visible: active && item !== null && (item as DueCard).due.count > 0
                sourceComponent: dueEntryComponent
            }
            // qmllint disable unqualified
            Component {
                id: dueEntryComponent
                DueCard {
                    id: dueCard
                    compact: page.compact
                    onOpenRequested: relationshipId => page.relationshipRequested(relationshipId)
                    Connections {
                        target: page
                        function onVisibleChanged() {
                            if (page.visible)
                                dueCard.due.reload();
                        }
                    }
                }
            }
            // qmllint enable unqualified

            // Coaches and mentors: the record of a session, right after it.
            SectionCard {
                objectName: "recordEntry"
                Layout.fillWidth: true
                visible: page.holdsPoolRole
                title: qsTr("Just had a session?")
                subtitle: qsTr("Record it now: it takes under a minute and works with no signal.")
                PrimaryButton {
                    objectName: "homeRecordButton"
                    Layout.fillWidth: page.compact
                    text: qsTr("Record a session")
                    onClicked: page.recordRequested()
                }
            }

            // Anyone in a relationship: what needs doing.
            Loader {
                objectName: "relationshipsEntryLoader"
                Layout.fillWidth: true
                active: page.holds("coachee") || page.holdsPoolRole
                visible: active
                sourceComponent: relationshipsEntryComponent
            }
            // qmllint disable unqualified
            Component {
                id: relationshipsEntryComponent
                SectionCard {
                    readonly property alias relationships: homeRelationships
                    objectName: "relationshipsEntry"
                    title: qsTr("Your relationships")
                    subtitle: qsTr("Contracts to agree, sessions to come and the actions you agreed.")

                    RelationshipListModel {
                        id: homeRelationships
                        objectName: "homeRelationships"
                    }
                    Connections {
                        target: page
                        function onVisibleChanged() {
                            if (page.visible)
                                homeRelationships.reload();
                        }
                    }
                    Label {
                        objectName: "homeRelationshipsCount"
                        Layout.fillWidth: true
                        text: homeRelationships.loading && homeRelationships.count === 0 ? qsTr("Checking…")
                              : homeRelationships.count === 0 ? qsTr("None yet.")
                              : homeRelationships.needsYouCount === 1 ? qsTr("1 needs something from you")
                              : homeRelationships.needsYouCount > 1 ? qsTr("%1 need something from you").arg(homeRelationships.needsYouCount)
                              : homeRelationships.count === 1 ? qsTr("1 relationship") : qsTr("%1 relationships").arg(homeRelationships.count)
                        wrapMode: Text.Wrap
                        font.pixelSize: homeRelationships.needsYouCount > 0 ? Theme.subtitleSize : Theme.bodySize
                        font.weight: homeRelationships.needsYouCount > 0 ? Font.DemiBold : Font.Normal
                        color: homeRelationships.needsYouCount > 0 ? Theme.warningText : Theme.secondaryText
                    }
                    SecondaryButton {
                        objectName: "homeRelationshipsButton"
                        Layout.fillWidth: page.compact
                        visible: homeRelationships.count > 0
                        text: qsTr("Open relationships")
                        onClicked: page.navigate("relationships")
                    }
                }
            }
            // qmllint enable unqualified

            // Coachees: ask for a coach or mentor.
            SectionCard {
                objectName: "askEntry"
                Layout.fillWidth: true
                visible: page.holds("coachee")
                title: qsTr("Ask for a coach or mentor")
                subtitle: qsTr("Say what gap you would like it to fill. We suggest people who fit, with the reasons, and you choose who to ask.")
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    PrimaryButton {
                        objectName: "homeAskButton"
                        width: page.compact ? parent.width : implicitWidth
                        text: qsTr("Ask for a coach or mentor")
                        onClicked: page.askRequested()
                    }
                    TextButton {
                        objectName: "homeMyRequestsButton"
                        text: qsTr("See my requests")
                        onClicked: page.navigate("requests")
                    }
                }
            }

            // Coachees: the optional questions about their work, asked once.
            Loader {
                objectName: "declarationEntryLoader"
                Layout.fillWidth: true
                active: page.holds("coachee")
                // By the form's state: the card's own `visible` reads false
                // while this Loader is hidden, so it cannot show it.
                visible: active && item !== null && (item as DeclarationCard).declaration.shouldAsk
                sourceComponent: declarationEntryComponent
            }
            // qmllint disable unqualified
            Component {
                id: declarationEntryComponent
                DeclarationCard {
                    id: declarationCard
                    compact: page.compact
                    onOpenRequested: page.declarationRequested()
                    // Answered elsewhere (the Account page, another device).
                    Connections {
                        target: page
                        function onVisibleChanged() {
                            if (page.visible)
                                declarationCard.declaration.reload();
                        }
                    }
                }
            }
            // qmllint enable unqualified

            // Coaches and mentors: requests waiting for their answer.
            Loader {
                id: inboxEntry
                objectName: "inboxEntryLoader"
                Layout.fillWidth: true
                active: page.holdsPoolRole
                visible: active
                sourceComponent: inboxEntryComponent
            }
            // qmllint disable unqualified
            Component {
                id: inboxEntryComponent
                SectionCard {
                    readonly property alias inbox: inbox
                    objectName: "inboxEntry"
                    title: qsTr("Your inbox")
                    subtitle: qsTr("Requests from people who would like you as their coach or mentor. Accept or decline each by the date shown.")

                    InboxModel {
                        id: inbox
                        objectName: "homeInbox"
                    }
                    // A request sent to the person arrives as a notification:
                    // the count follows at once.
                    Connections {
                        target: NotificationCentre
                        function onArrived() {
                            inbox.reload();
                        }
                    }
                    // Answers given on the Inbox page change the count.
                    Connections {
                        target: page
                        function onVisibleChanged() {
                            if (page.visible)
                                inbox.reload();
                        }
                    }
                    // Straight in the card's layout: a positioner in it was
                    // left behind (overlapping the title) after a resize.
                    Label {
                        objectName: "homeInboxCount"
                        Layout.fillWidth: true
                        text: inbox.loading && inbox.count === 0 ? qsTr("Checking…")
                              : inbox.count === 0 ? qsTr("Nothing waiting for your answer.")
                              : inbox.count === 1 ? qsTr("1 request waiting for your answer")
                              : qsTr("%1 requests waiting for your answer").arg(inbox.count)
                        wrapMode: Text.Wrap
                        font.pixelSize: inbox.count > 0 ? Theme.subtitleSize : Theme.bodySize
                        font.weight: inbox.count > 0 ? Font.DemiBold : Font.Normal
                        color: inbox.count > 0 ? Theme.primaryDark : Theme.secondaryText
                    }
                    PrimaryButton {
                        objectName: "homeInboxButton"
                        Layout.fillWidth: page.compact
                        visible: inbox.count > 0
                        text: qsTr("Open inbox")
                        onClicked: page.navigate("inbox")
                    }
                }
            }
            // qmllint enable unqualified

            // Coaches and mentors: raise a safeguarding concern, and see
            // whether the ones they raised were acknowledged.
            Loader {
                objectName: "raiseConcernEntryLoader"
                Layout.fillWidth: true
                active: page.holdsPoolRole && page.concerns !== null
                visible: active
                sourceComponent: raiseEntryComponent
            }
            // qmllint disable unqualified
            Component {
                id: raiseEntryComponent
                SectionCard {
                    id: raiseEntry
                    readonly property int raised: page.concerns ? page.concerns.raisedCount : 0
                    readonly property int raisedOpen: page.concerns ? page.concerns.raisedOpenCount : 0
                    objectName: "raiseConcernEntry"
                    title: qsTr("Worried about someone's safety?")
                    subtitle: qsTr("Raise a safeguarding concern. Only your supervisor reads it (and your safeguarding lead, if it is not acknowledged within 2 working days). It works with no signal.")
                    SecondaryButton {
                        objectName: "homeRaiseConcernButton"
                        Layout.fillWidth: page.compact
                        text: qsTr("Raise a safeguarding concern")
                        onClicked: page.raiseConcernRequested()
                    }
                    Label {
                        objectName: "homeRaisedStatus"
                        Layout.fillWidth: true
                        visible: raiseEntry.raised > 0
                        text: raiseEntry.raisedOpen === 0
                              ? (raiseEntry.raised === 1 ? qsTr("The concern you raised was acknowledged.")
                                                         : qsTr("All %1 concerns you raised were acknowledged.").arg(raiseEntry.raised))
                              : raiseEntry.raisedOpen === 1 ? qsTr("1 concern you raised is not acknowledged yet.")
                              : qsTr("%1 concerns you raised are not acknowledged yet.").arg(raiseEntry.raisedOpen)
                        wrapMode: Text.Wrap
                        color: raiseEntry.raisedOpen > 0 ? Theme.warningText : Theme.secondaryText
                    }
                    TextButton {
                        objectName: "homeRaisedButton"
                        Layout.leftMargin: -Theme.unit
                        Layout.topMargin: -Theme.unit
                        visible: raiseEntry.raised > 0
                        text: qsTr("See your concerns")
                        onClicked: page.concernsRequested()
                    }
                }
            }
            // qmllint enable unqualified

            // Coordinators: last quarter's headline figures, then head-counts.
            Loader {
                objectName: "figuresGlanceLoader"
                Layout.fillWidth: true
                active: Session.isCoordinator
                visible: active
                // qmllint disable unqualified
                sourceComponent: FiguresGlanceCard {
                    compact: page.compact
                    onOpenRequested: page.navigate("figures")
                }
                // qmllint enable unqualified
            }
            Loader {
                objectName: "coordinatorFiguresLoader"
                Layout.fillWidth: true
                active: Session.isCoordinator
                visible: active
                sourceComponent: figuresComponent
            }

            Component {
                id: figuresComponent
                SectionCard {
                    objectName: "coordinatorFigures"
                    title: qsTr("Your programme at a glance")
                    subtitle: Session.coordinatedOrganisationSummary.length > 0
                              ? qsTr("People in the organisations you coordinate: %1.")
                                .arg(Session.coordinatedOrganisationSummary)
                              : qsTr("People in the organisations you coordinate.")

                    RoleSummaryModel {
                        id: summary
                        objectName: "roleSummary"
                    }

                    ErrorBanner {
                        id: summaryError
                        Layout.fillWidth: true
                        onDismissed: text = ""
                        Connections {
                            target: summary
                            function onErrorOccurred(message: string) {
                                summaryError.text = message;
                            }
                        }
                    }

                    GridLayout {
                        Layout.fillWidth: true
                        columns: Math.max(2, Math.min(6, Math.floor(width / 150)))
                        columnSpacing: 2 * Theme.unit
                        rowSpacing: 2 * Theme.unit

                        FigureCard {
                            objectName: "figure-total"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            emphasised: true
                            value: summary.totalCount
                            label: qsTr("People")
                        }
                        Repeater {
                            model: summary
                            delegate: FigureCard {
                                required property string key
                                required label
                                required property int count
                                objectName: "figure-" + key
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                value: count
                            }
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("One person may hold several roles. Coordinators see figures, never what is said in coaching.")
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.smallSize
                            color: Theme.secondaryText
                        }
                        BusyIndicator {
                            Layout.preferredWidth: 32
                            Layout.preferredHeight: 32
                            visible: summary.loading
                            running: visible
                        }
                        TextButton {
                            text: qsTr("Refresh")
                            enabled: !summary.loading
                            onClicked: summary.reload()
                        }
                    }
                }
            }

            // Coachees: what coaching and mentoring are.
            SectionCard {
                objectName: "coachingExplainer"
                Layout.fillWidth: true
                visible: page.holds("coachee")
                title: qsTr("Coaching or mentoring?")
                subtitle: qsTr("Both are free, confidential and open to every member of staff. They are different, so it helps to know which you are looking for.")

                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: 2 * Theme.unit

                    Repeater {
                        model: [
                            {
                                title: qsTr("Coaching"),
                                points: [
                                    qsTr("Works towards specific development goals that you set and review together at the end."),
                                    qsTr("A set number of structured, regular sessions, agreed at the start."),
                                    qsTr("You set the agenda. Your coach is qualified and supervised, and need not know your job.")
                                ]
                            },
                            {
                                title: qsTr("Mentoring"),
                                points: [
                                    qsTr("Career and professional development, with goals if you want them."),
                                    qsTr("Ongoing, meeting as and when you need to."),
                                    qsTr("You set the agenda. Your mentor is more experienced or senior, guides you and shares what they have learned.")
                                ]
                            }
                        ]
                        delegate: Rectangle {
                            id: kind
                            required property var modelData
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            Layout.fillHeight: true
                            implicitHeight: kindColumn.implicitHeight + 4 * Theme.unit
                            radius: Theme.radius
                            color: Theme.primaryTint

                            ColumnLayout {
                                id: kindColumn
                                anchors { left: parent.left; right: parent.right; top: parent.top
                                          margins: 2 * Theme.unit }
                                spacing: Theme.unit
                                Label {
                                    text: kind.modelData.title
                                    font.pixelSize: Theme.subtitleSize
                                    font.weight: Font.Bold
                                    color: Theme.primaryDark
                                }
                                Repeater {
                                    model: kind.modelData.points
                                    delegate: Label {
                                        required property string modelData
                                        Layout.fillWidth: true
                                        text: "\u2022  " + modelData
                                        wrapMode: Text.Wrap
                                        color: Theme.text
                                        lineHeight: 1.15
                                    }
                                }
                            }
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("What you talk about stays between you and your coach or mentor: programme coordinators only ever see figures. Mentoring is not counselling or therapy; for that kind of help, occupational health, the employee assistance programme and wellbeing services are there for you.")
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                    lineHeight: 1.15
                }
            }

            // Pool members and supervisors: their part in the programme.
            SectionCard {
                objectName: "poolRoles"
                Layout.fillWidth: true
                visible: page.holds("coach") || page.holds("mentor") || page.holds("supervisor")
                title: qsTr("Your part in the programme")

                RolePart {
                    visible: page.holds(key)
                    key: "coach"
                    text: qsTr("You coach colleagues towards goals they set, over an agreed number of sessions, and stay qualified, supervised and doing CPD.")
                }
                RolePart {
                    visible: page.holds(key)
                    key: "mentor"
                    text: qsTr("You share your experience with less experienced colleagues for their career and professional development, for as long as it helps them.")
                }
                RolePart {
                    visible: page.holds(key)
                    key: "supervisor"
                    text: qsTr("You supervise coaches in the pool, and you are the only person who receives a safeguarding concern that a coach raises.")
                }
            }
        }
    }
}
