import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The actions agreed at held sessions, latest first: what both parties see
// of the records.
SectionCard {
    id: card

    /// The actions, as RelationshipDetail.sharedActions: {dateLabel, text}.
    required property var actions
    required property bool isCoachee
    required property string otherName

    objectName: "actionsCard"
    title: qsTr("Agreed actions")
    subtitle: isCoachee ? qsTr("What you agreed to do at your sessions.")
                        : qsTr("Shared with %1.").arg(otherName)
    Column {
        Layout.fillWidth: true
        spacing: Theme.unit + 4
        Repeater {
            model: card.actions
            delegate: ColumnLayout {
                id: action
                required property var modelData
                required property int index
                objectName: "sharedAction-" + index
                width: parent ? parent.width : 0
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: action.modelData.dateLabel
                    font.pixelSize: Theme.smallSize
                    font.weight: Font.DemiBold
                    color: Theme.secondaryText
                }
                Label {
                    objectName: "sharedActionText"
                    Layout.fillWidth: true
                    text: action.modelData.text
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
            }
        }
    }
}
