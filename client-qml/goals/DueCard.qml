import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Home: what waits on goals across the person's relationships ("Your goal
// review is due", "Tell us how coaching went", "Set your coaching goals
// before you agree the contract"), theirs first, then what waits for the
// other person. Hidden when nothing is due.
SectionCard {
    id: card

    required property bool compact
    readonly property alias due: dueList

    /// Opens the relationship the item is about.
    signal openRequested(double relationshipId)

    objectName: "dueCard"
    visible: dueList.count > 0
    title: dueList.yoursCount > 0 ? qsTr("Goals: waiting for you") : qsTr("Goals")

    DueList {
        id: dueList
        objectName: "dueList"
    }

    Repeater {
        model: dueList.items
        // qmllint disable unqualified
        delegate: ColumnLayout {
            id: item
            required property var modelData
            required property int index
            objectName: "dueItem-" + index
            Layout.fillWidth: true
            spacing: Theme.unit / 2
            Label {
                Layout.fillWidth: true
                text: item.modelData.title
                wrapMode: Text.Wrap
                font.pixelSize: item.modelData.yours ? Theme.subtitleSize : Theme.bodySize
                font.weight: item.modelData.yours ? Font.DemiBold : Font.Normal
                color: item.modelData.yours ? Theme.warningText : Theme.secondaryText
            }
            Label {
                Layout.fillWidth: true
                text: item.modelData.detail
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            PrimaryButton {
                objectName: "dueAction-" + item.index
                Layout.fillWidth: card.compact
                visible: item.modelData.yours
                text: item.modelData.action
                onClicked: card.openRequested(item.modelData.relationshipId)
            }
        }
        // qmllint enable unqualified
    }
}
