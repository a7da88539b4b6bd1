import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: every read of confidential content (private notes of a
// session, a safeguarding concern) by people of their organisations: who,
// what and when, newest first. Never the content itself.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias trail: trailModel
    property string errorText

    /// Loads the trail again.
    function refresh() {
        trailModel.reload();
    }

    objectName: "auditTrailPage"
    background: Rectangle { color: Theme.background }

    AuditTrailModel {
        id: trailModel
        objectName: "auditTrailModel"
        onErrorOccurred: message => page.errorText = message
        onLoadingChanged: {
            if (loading)
                page.errorText = "";
        }
    }

    Flickable {
        id: flick
        objectName: "auditTrailFlick"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 960)
            spacing: 2 * Theme.unit

            Label {
                Layout.fillWidth: true
                text: qsTr("Each time someone reads confidential content \u2014 the private notes of a session, or a safeguarding concern \u2014 it is written here: who, what and when. Never the content itself.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "auditTrailCount"
                    Layout.fillWidth: true
                    text: trailModel.loading && trailModel.count === 0 ? qsTr("Loading…")
                          : trailModel.count === 0 ? ""
                          : trailModel.readCount === 1 ? qsTr("1 read, newest first")
                          : qsTr("%1 reads, newest first").arg(trailModel.readCount)
                    wrapMode: Text.Wrap
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                BusyIndicator {
                    Layout.preferredWidth: 32
                    Layout.preferredHeight: 32
                    visible: trailModel.loading
                    running: visible
                }
                TextButton {
                    objectName: "auditTrailRefresh"
                    enabled: !trailModel.loading
                    text: qsTr("Refresh")
                    onClicked: trailModel.reload()
                }
            }

            ErrorBanner {
                objectName: "auditTrailError"
                Layout.fillWidth: true
                text: page.errorText
                onDismissed: page.errorText = ""
            }
            SectionCard {
                objectName: "auditTrailEmpty"
                Layout.fillWidth: true
                visible: !trailModel.loading && trailModel.count === 0 && page.errorText.length === 0
                title: qsTr("No reads recorded yet")
                subtitle: qsTr("When a coach reads their private notes, or a supervisor reads a safeguarding concern, it appears here.")
            }

            // A table on desktops, stacked rows on phones.
            Rectangle {
                objectName: "auditTrailTable"
                Layout.fillWidth: true
                visible: trailModel.count > 0
                implicitHeight: tableColumn.implicitHeight + 2
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border

                Column {
                    id: tableColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: 1 }

                    Rectangle {
                        visible: !page.compact
                        width: parent.width
                        height: 40
                        radius: Theme.radius
                        color: Theme.surfaceSubtle
                        Row {
                            anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: 2 * Theme.unit
                            Label {
                                width: 200
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTr("When")
                                font.weight: Font.DemiBold
                                color: Theme.secondaryText
                            }
                            Label {
                                width: 220
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTr("Who")
                                font.weight: Font.DemiBold
                                color: Theme.secondaryText
                            }
                            Label {
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTr("What they read")
                                font.weight: Font.DemiBold
                                color: Theme.secondaryText
                            }
                        }
                    }
                    Repeater {
                        model: trailModel
                        // qmllint disable unqualified
                        delegate: Rectangle {
                            id: entry
                            required property int index
                            required property string atLabel
                            required property string accountName
                            required property string what
                            objectName: "auditEntry-" + index
                            width: parent ? parent.width : 0
                            implicitHeight: (page.compact ? stacked.implicitHeight : wide.implicitHeight) + 2 * Theme.unit + 1
                            color: "transparent"
                            Rectangle {
                                visible: entry.index > 0 || !page.compact
                                anchors { left: parent.left; right: parent.right; top: parent.top }
                                height: 1
                                color: Theme.border
                            }
                            Row {
                                id: wide
                                visible: !page.compact
                                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                          leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                                spacing: 2 * Theme.unit
                                Label {
                                    width: 200
                                    text: entry.atLabel
                                    wrapMode: Text.Wrap
                                    color: Theme.secondaryText
                                }
                                Label {
                                    objectName: "auditEntryWho"
                                    width: 220
                                    text: entry.accountName
                                    wrapMode: Text.Wrap
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                                Label {
                                    objectName: "auditEntryWhat"
                                    width: Math.max(0, wide.width - 440 - 4 * Theme.unit)
                                    text: entry.what
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                }
                            }
                            Column {
                                id: stacked
                                visible: page.compact
                                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                          leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                                spacing: 2
                                Label {
                                    width: parent.width
                                    text: qsTr("%1 %2").arg(entry.accountName).arg(entry.what)
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                }
                                Label {
                                    width: parent.width
                                    text: entry.atLabel
                                    wrapMode: Text.Wrap
                                    font.pixelSize: Theme.smallSize + 1
                                    color: Theme.secondaryText
                                }
                            }
                        }
                        // qmllint enable unqualified
                    }
                }
            }
            SecondaryButton {
                objectName: "auditTrailMore"
                Layout.fillWidth: page.compact
                visible: trailModel.canShowMore
                enabled: !trailModel.loading
                text: qsTr("Show older reads")
                onClicked: trailModel.showMore()
            }
        }
    }
}
