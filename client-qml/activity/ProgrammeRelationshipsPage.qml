import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: the relationships of the organisations they coordinate —
// the two people, coaching or mentoring, state, when it started, sessions
// held and the last one, never what was said — longest without a session
// first. Filter by organisation, state and time since the last session; a
// table on a desktop, cards on a phone; end one early with a reason.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias relationships: relationshipModel
    /// The relationship being ended (a row), or null for the list.
    property var ending: null
    readonly property ProgrammeEndView endView: endLoader.item as ProgrammeEndView
    property string notice

    /// Out of the ending, back to the list; false when on the list.
    function navigateBack(): bool {
        if (ending === null)
            return false;
        ending = null;
        return true;
    }
    /// Opens the ending of the relationship in `row`.
    function startEnding(row: int) {
        notice = "";
        ending = relationshipModel.get(row);
    }
    /// "All your organisations" and each one.
    function organisationOptions(): var {
        const ids = Session.coordinatedOrganisationIds;
        const list = [{ key: "0", label: qsTr("All your organisations") }];
        for (let i = 0; i < ids.length; ++i)
            list.push({ key: String(ids[i]), label: Session.organisationNameFor(ids[i]) });
        return list;
    }
    /// `n` with the locale's digit grouping: 1,250.
    function grouped(n: int): string {
        return Number(n).toLocaleString(Qt.locale(), "f", 0);
    }

    objectName: "programmeRelationshipsPage"
    title: qsTr("Programme relationships")
    background: Rectangle { color: Theme.background }

    ProgrammeRelationshipList {
        id: relationshipModel
        objectName: "programmeRelationships"
    }

    ColumnLayout {
        anchors { fill: parent; margins: page.margin }
        visible: page.ending === null
        spacing: 2 * Theme.unit

        // Nested layouts fill the height by default: only the list does here.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false
            visible: !page.compact
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: qsTr("Programme relationships")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Coaching and mentoring in the organisations you coordinate, longest without a session first. You see who is involved and when they met, never what was said.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
        }

        // The filters, each with its caption on a desktop (a phone's
        // drop-downs say what they hold, and their accessible names what
        // they are).
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false
            columns: page.compact ? 1 : 3
            columnSpacing: 2 * Theme.unit
            rowSpacing: Theme.unit / 2

            Column {
                Layout.fillWidth: true
                Layout.fillHeight: false
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                visible: Session.coordinatedOrganisationIds.length > 1
                spacing: Theme.unit / 2
                CaptionLabel { width: parent.width; visible: !page.compact; text: qsTr("Organisation") }
                KeyedSelect {
                    width: parent.width
                    objectName: "programmeOrganisationFilter"
                    options: page.organisationOptions()
                    key: String(relationshipModel.organisationId)
                    Accessible.name: qsTr("Organisation")
                    Accessible.description: displayText
                    onPicked: key => relationshipModel.organisationId = Number(key)
                }
            }
            Column {
                Layout.fillWidth: true
                Layout.fillHeight: false
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.unit / 2
                CaptionLabel { width: parent.width; visible: !page.compact; text: qsTr("State") }
                KeyedSelect {
                    width: parent.width
                    objectName: "programmeStateFilter"
                    options: relationshipModel.stateOptions()
                    key: relationshipModel.stateFilter
                    Accessible.name: qsTr("State")
                    Accessible.description: displayText
                    onPicked: key => relationshipModel.stateFilter = key
                }
            }
            Column {
                Layout.fillWidth: true
                Layout.fillHeight: false
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.unit / 2
                CaptionLabel { width: parent.width; visible: !page.compact; text: qsTr("Last session") }
                KeyedSelect {
                    width: parent.width
                    objectName: "programmeQuietFilter"
                    options: relationshipModel.quietOptions()
                    key: String(relationshipModel.noSessionForWeeks)
                    Accessible.name: qsTr("Time since the last session")
                    Accessible.description: displayText
                    onPicked: key => relationshipModel.noSessionForWeeks = Number(key)
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false
            spacing: Theme.unit
            Label {
                objectName: "programmeCount"
                Layout.fillWidth: true
                text: relationshipModel.totalCount < 0
                      ? (relationshipModel.loading ? qsTr("Loading\u2026") : "")
                      : relationshipModel.totalCount === 1 ? qsTr("1 relationship")
                      : relationshipModel.hasMore
                        ? qsTr("%1 relationships; the first %2 are shown").arg(page.grouped(relationshipModel.totalCount)).arg(page.grouped(relationshipModel.count))
                      : qsTr("%1 relationships").arg(page.grouped(relationshipModel.totalCount))
                wrapMode: Text.WordWrap
                font.weight: Font.DemiBold
                color: Theme.text
            }
            TextButton {
                objectName: "programmeRefresh"
                enabled: !relationshipModel.loading
                text: qsTr("Refresh")
                Accessible.name: qsTr("Refresh the relationships")
                onClicked: relationshipModel.reload()
            }
        }

        ErrorBanner {
            objectName: "programmeNotice"
            Layout.fillWidth: true
            tone: "success"
            text: page.notice
            onDismissed: page.notice = ""
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false
            visible: relationshipModel.errorMessage.length > 0
            spacing: Theme.unit
            ErrorBanner {
                objectName: "programmeError"
                Layout.fillWidth: true
                text: relationshipModel.errorMessage
                onDismissed: relationshipModel.clearError()
            }
            SecondaryButton {
                objectName: "programmeRetry"
                text: qsTr("Try again")
                enabled: !relationshipModel.loading
                onClicked: relationshipModel.reload()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: page.compact ? "transparent" : Theme.surface
            border.color: page.compact ? "transparent" : Theme.border
            clip: true

            ListView {
                id: list
                objectName: "programmeList"
                anchors { fill: parent; margins: 1 }
                model: relationshipModel
                clip: true
                spacing: page.compact ? Theme.unit : 0
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                headerPositioning: ListView.OverlayHeader

                header: Rectangle {
                    id: tableHeader
                    readonly property real tableWidth: ListView.view.width
                    visible: !(Window.width < Theme.compactWidth)
                    z: 2
                    width: tableWidth
                    height: visible ? Math.max(44, headerRow.implicitHeight + Theme.unit) : 0
                    color: Theme.surface
                    // The header comes and goes with the layout (phone or
                    // desktop): start from the top row again rather than
                    // leave it under the header.
                    onHeightChanged: toTop.restart()
                    Timer {
                        id: toTop
                        interval: 0
                        onTriggered: tableHeader.ListView.view.positionViewAtBeginning()
                    }
                    RowLayout {
                        id: headerRow
                        anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                        spacing: Theme.unit
                        Label { Layout.fillWidth: true; text: qsTr("Coachee or mentee, with"); font.weight: Font.DemiBold; color: Theme.secondaryText; wrapMode: Text.Wrap }
                        Label { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.17); text: qsTr("Kind and state"); font.weight: Font.DemiBold; color: Theme.secondaryText; wrapMode: Text.Wrap }
                        Label { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.14); text: qsTr("Started"); font.weight: Font.DemiBold; color: Theme.secondaryText; wrapMode: Text.Wrap }
                        Label { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.08); text: qsTr("Sessions"); font.weight: Font.DemiBold; color: Theme.secondaryText; wrapMode: Text.Wrap }
                        Label { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.17); text: qsTr("Last session"); font.weight: Font.DemiBold; color: Theme.secondaryText; wrapMode: Text.Wrap }
                        Item { Layout.preferredWidth: 120 }
                    }
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string coacheeName
                    required property string memberName
                    required property string kindLabel
                    // The row's state key ("active"): `state` itself is
                    // every Item's own property.
                    required property var model
                    required property string stateLabel
                    required property string startedText
                    required property int sessionsHeld
                    required property string sessionsText
                    required property string lastSessionText
                    required property string quietText
                    required property bool canEnd
                    readonly property bool compact: Window.width < Theme.compactWidth
                    readonly property real tableWidth: ListView.view.width
                    readonly property string lastText: quietText.length > 0 ? qsTr("%1 (%2)").arg(lastSessionText).arg(quietText) : lastSessionText

                    objectName: "programmeRow-" + index
                    width: tableWidth
                    implicitHeight: (compact ? card.implicitHeight : tableRow.implicitHeight) + 2 * Theme.unit
                    height: implicitHeight
                    radius: compact ? Theme.radius : 0
                    color: Theme.surface
                    border.color: compact ? Theme.border : "transparent"
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1 with %2. %3, %4. Started %5. %6. Last session: %7.")
                                     .arg(coacheeName).arg(memberName).arg(kindLabel).arg(stateLabel.toLowerCase())
                                     .arg(startedText).arg(sessionsText).arg(lastText)

                    // Phone: a card.
                    ColumnLayout {
                        id: card
                        visible: row.compact
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * Theme.unit }
                        spacing: Theme.unit / 2
                        Label { Layout.fillWidth: true; text: row.coacheeName; font.weight: Font.DemiBold; font.pixelSize: Theme.subtitleSize; wrapMode: Text.Wrap; color: Theme.text }
                        Label { Layout.fillWidth: true; text: qsTr("with %1").arg(row.memberName); wrapMode: Text.Wrap; color: Theme.text }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.unit
                            InfoChip { text: row.kindLabel }
                            InfoChip { text: row.stateLabel; strong: true; color: Theme.relationshipStateColor(row.model.state) }
                            Item { Layout.fillWidth: true }
                        }
                        Label { Layout.fillWidth: true; text: qsTr("Started %1. %2.").arg(row.startedText).arg(row.sessionsText); wrapMode: Text.Wrap; color: Theme.secondaryText }
                        Label { Layout.fillWidth: true; text: qsTr("Last session: %1").arg(row.lastText); wrapMode: Text.Wrap; color: Theme.secondaryText }
                        TextButton {
                            objectName: "programmeEnd-" + row.index
                            Layout.leftMargin: -Theme.unit
                            visible: row.canEnd
                            text: qsTr("End early")
                            Accessible.name: qsTr("End early: %1 with %2").arg(row.coacheeName).arg(row.memberName)
                            // qmllint disable unqualified
                            onClicked: page.startEnding(row.index)
                            // qmllint enable unqualified
                        }
                    }

                    // Desktop: a row of the table.
                    RowLayout {
                        id: tableRow
                        visible: !row.compact
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                  leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                        spacing: Theme.unit
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label { Layout.fillWidth: true; text: row.coacheeName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.fillWidth: true; text: qsTr("with %1").arg(row.memberName); wrapMode: Text.Wrap; color: Theme.secondaryText }
                        }
                        ColumnLayout {
                            Layout.preferredWidth: Math.round(row.tableWidth * 0.17)
                            Layout.maximumWidth: Math.round(row.tableWidth * 0.17)
                            spacing: 2
                            Label { Layout.fillWidth: true; text: row.kindLabel; wrapMode: Text.Wrap; color: Theme.text }
                            RowLayout {
                                Layout.fillWidth: true
                                InfoChip { text: row.stateLabel; strong: true; color: Theme.relationshipStateColor(row.model.state) }
                                Item { Layout.fillWidth: true }
                            }
                        }
                        Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.14); text: row.startedText; wrapMode: Text.Wrap; color: Theme.text }
                        Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.08); text: String(row.sessionsHeld); color: Theme.text }
                        ColumnLayout {
                            Layout.preferredWidth: Math.round(row.tableWidth * 0.17)
                            Layout.maximumWidth: Math.round(row.tableWidth * 0.17)
                            spacing: 0
                            Label { Layout.fillWidth: true; text: row.lastSessionText; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.fillWidth: true; visible: row.quietText.length > 0; text: row.quietText; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize; color: Theme.secondaryText }
                        }
                        Item {
                            Layout.preferredWidth: 120
                            implicitHeight: endButton.visible ? endButton.implicitHeight : 0
                            TextButton {
                                id: endButton
                                objectName: "programmeEndDesktop-" + row.index
                                anchors.right: parent.right
                                width: Math.min(implicitWidth, parent.width)
                                visible: row.canEnd
                                text: qsTr("End early")
                                Accessible.name: qsTr("End early: %1 with %2").arg(row.coacheeName).arg(row.memberName)
                                // qmllint disable unqualified
                                onClicked: page.startEnding(row.index)
                                // qmllint enable unqualified
                            }
                        }
                    }
                    Rectangle {
                        visible: !row.compact
                        anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
                        height: 1
                        color: Theme.border
                        opacity: 0.7
                    }
                }

                footer: Item {
                    width: ListView.view.width
                    height: moreButton.visible ? moreButton.implicitHeight + 2 * Theme.unit : 0
                    SecondaryButton {
                        id: moreButton
                        objectName: "programmeMore"
                        anchors.centerIn: parent
                        // qmllint disable unqualified
                        visible: relationshipModel.hasMore
                        enabled: !relationshipModel.loading
                        onClicked: relationshipModel.loadMore()
                        // qmllint enable unqualified
                        text: qsTr("Show more")
                    }
                }
            }

            ColumnLayout {
                objectName: "programmeEmpty"
                // Over the (empty) list, on purpose.
                z: 1
                anchors.centerIn: parent
                width: Math.min(parent.width - 4 * Theme.unit, 460)
                visible: !relationshipModel.loading && relationshipModel.totalCount === 0
                spacing: Theme.unit
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: relationshipModel.stateFilter === "open" && relationshipModel.noSessionForWeeks === 0
                          ? qsTr("No coaching or mentoring is under way in these organisations.")
                          : qsTr("No relationships match these filters.")
                    font.pixelSize: Theme.subtitleSize
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    visible: relationshipModel.stateFilter !== "all" || relationshipModel.noSessionForWeeks !== 0
                    text: qsTr("Try another state, or any time since the last session.")
                    color: Theme.secondaryText
                }
            }
            BusyIndicator {
                anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.unit }
                visible: relationshipModel.loading
                running: visible
            }
        }
    }

    Loader {
        id: endLoader
        objectName: "programmeEndLoader"
        anchors.fill: parent
        active: page.ending !== null
        // qmllint disable unqualified
        sourceComponent: ProgrammeEndView {
            relationship: page.ending
            onClosed: page.ending = null
            onDone: message => {
                page.notice = message;
                page.ending = null;
                relationshipModel.reload();
            }
        }
        // qmllint enable unqualified
    }
}
