import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Sessions recorded or cancelled, latest first: when, held or not, how long
// and how, why one was called off, its themes and agreed actions, and the
// writer's private notes (shown to them alone).
SectionCard {
    id: card

    /// The sessions, as RelationshipDetail.past.
    required property var sessions
    /// Sessions held so far.
    required property int heldCount
    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship
    /// Names the themes.
    required property SpecialismListModel taxonomy

    objectName: "pastCard"
    title: qsTr("Past sessions")
    subtitle: relationship.kind === "coaching" && relationship.termsSet
              ? qsTr("%1 of %2 contracted sessions held.").arg(heldCount).arg(relationship.numberOfSessions)
              : heldCount === 1 ? qsTr("1 session held.") : qsTr("%1 sessions held.").arg(heldCount)

    Column {
        Layout.fillWidth: true
        spacing: Theme.unit + 4
        Repeater {
            model: card.sessions
            delegate: Rectangle {
                id: pastRow
                required property var modelData
                required property int index
                objectName: "pastSession-" + index
                width: parent ? parent.width : 0
                implicitHeight: pastColumn.implicitHeight + 2 * Theme.unit
                radius: Theme.radius
                color: Theme.surfaceSubtle
                border.color: Theme.border

                Column {
                    id: pastColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit + 4 }
                    spacing: Theme.unit / 2
                    Flow {
                        width: parent.width
                        spacing: Theme.unit
                        Label {
                            height: 26
                            verticalAlignment: Text.AlignVCenter
                            text: pastRow.modelData.dateLabel + "  " + pastRow.modelData.timeLabel
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        InfoChip {
                            objectName: "pastStatus"
                            text: pastRow.modelData.statusLabel
                            color: Theme.sessionStatusColor(pastRow.modelData.status)
                        }
                        InfoChip {
                            visible: pastRow.modelData.actualMinutes > 0
                            text: qsTr("%1 min").arg(pastRow.modelData.actualMinutes)
                        }
                        InfoChip {
                            visible: pastRow.modelData.modeLabel.length > 0
                            text: pastRow.modelData.modeLabel
                        }
                    }
                    Label {
                        width: parent.width
                        visible: pastRow.modelData.status === "not_held" || pastRow.modelData.status === "cancelled"
                        text: [pastRow.modelData.cancelledByLabel.length > 0
                               ? qsTr("Called off by %1").arg(pastRow.modelData.cancelledByLabel.toLowerCase()) : "",
                               pastRow.modelData.cancelReason].filter(s => s.length > 0).join(": ")
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                    Flow {
                        width: parent.width
                        visible: pastRow.modelData.themes.length > 0
                        spacing: Theme.unit / 2
                        Repeater {
                            model: pastRow.modelData.themes
                            // qmllint disable unqualified
                            delegate: InfoChip {
                                required property string modelData
                                color: Theme.primaryTint
                                text: card.taxonomy.count >= 0 ? card.taxonomy.labelFor(modelData) : modelData
                            }
                            // qmllint enable unqualified
                        }
                    }
                    Label {
                        width: parent.width
                        visible: pastRow.modelData.agreedActions.length > 0
                        text: qsTr("Agreed actions: %1").arg(pastRow.modelData.agreedActions)
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    Rectangle {
                        objectName: "privateNotesBox"
                        width: parent.width
                        visible: pastRow.modelData.privateNotes.length > 0
                        implicitHeight: notesColumn.implicitHeight + 2 * Theme.unit
                        radius: Theme.radius
                        color: Theme.purpleTint
                        border.color: Theme.purpleBorder
                        Column {
                            id: notesColumn
                            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit }
                            spacing: 2
                            Label {
                                width: parent.width
                                text: qsTr("Private notes \u2014 only you can read these")
                                font.pixelSize: Theme.smallSize
                                font.weight: Font.DemiBold
                                color: Theme.purpleText
                                wrapMode: Text.Wrap
                            }
                            Label {
                                objectName: "privateNotesText"
                                width: parent.width
                                text: pastRow.modelData.privateNotes
                                wrapMode: Text.Wrap
                                color: Theme.text
                            }
                        }
                    }
                }
            }
        }
    }
}
