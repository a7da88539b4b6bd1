import QtQuick
import QtQuick.Controls
import Tandem

// Changes to a relationship kept on this device that the server has not
// had yet, each in words; one the server refused shows what it said.
Rectangle {
    id: box

    /// The changes, oldest first, as RelationshipDetail.pending: {text, refused, problem, …}.
    required property var changes
    readonly property bool anyRefused: {
        for (let i = 0; i < changes.length; ++i) {
            if (changes[i].refused)
                return true;
        }
        return false;
    }

    objectName: "pendingBox"
    implicitHeight: pendingColumn.implicitHeight + 2 * Theme.unit + 4
    radius: Theme.radius
    color: anyRefused ? Theme.errorTint : Theme.warningTint
    border.color: anyRefused ? Theme.error : Theme.warningBorder

    Column {
        id: pendingColumn
        anchors { left: parent.left; right: parent.right; top: parent.top
                  margins: 2 * Theme.unit; topMargin: Theme.unit + 2 }
        spacing: Theme.unit / 2
        Repeater {
            model: box.changes
            // qmllint disable unqualified
            delegate: Column {
                id: change
                required property var modelData
                required property int index
                objectName: "pendingChange-" + index
                width: parent ? parent.width : 0
                spacing: 2
                Label {
                    objectName: "pendingText"
                    width: parent.width
                    text: (change.modelData.refused ? "\u26A0 " : "\u21BB ") + change.modelData.text
                    wrapMode: Text.Wrap
                    font.weight: Font.DemiBold
                    color: change.modelData.refused ? Theme.error : Theme.warningText
                }
                Label {
                    objectName: "pendingError"
                    width: parent.width
                    visible: change.modelData.refused
                    text: change.modelData.problem
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.text
                }
            }
            // qmllint enable unqualified
        }
        Label {
            objectName: "pendingHint"
            width: parent.width
            text: box.anyRefused
                  ? qsTr("Correct it, send it again or discard it in the list of changes kept on this device, under Relationships or Home.")
                  : qsTr("Kept safely on this device and sent as soon as the server can be reached.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize
            color: Theme.secondaryText
        }
    }
}
