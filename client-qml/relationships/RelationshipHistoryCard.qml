import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// What happened to a relationship, and when: who did what, the state it
// moved to, and why.
SectionCard {
    id: card

    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship

    objectName: "historyCard"
    title: qsTr("History")
    subtitle: qsTr("Started %1, when the request was accepted.").arg(relationship.createdLabel || "")
    Column {
        Layout.fillWidth: true
        visible: (card.relationship.history || []).length > 0
        spacing: Theme.unit + 4
        Repeater {
            model: card.relationship.history || []
            delegate: RowLayout {
                id: step
                required property var modelData
                required property int index
                objectName: "historyEntry-" + index
                width: parent ? parent.width : 0
                spacing: 2 * Theme.unit
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 6
                    width: 10
                    height: 10
                    radius: 5
                    color: step.modelData.stateChanged ? Theme.primary : Theme.border
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        objectName: "historyText"
                        Layout.fillWidth: true
                        text: step.modelData.byName + " " + step.modelData.event
                              + (step.modelData.stateChanged ? "  \u2192  " + step.modelData.toStateLabel : "")
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: step.modelData.reason.length > 0
                        text: qsTr("Why: %1").arg(step.modelData.reason)
                        wrapMode: Text.Wrap
                        color: Theme.text
                        font.italic: true
                    }
                    Label {
                        Layout.fillWidth: true
                        text: step.modelData.atLabel
                        font.pixelSize: Theme.smallSize
                        color: Theme.secondaryText
                    }
                }
            }
        }
    }
}
