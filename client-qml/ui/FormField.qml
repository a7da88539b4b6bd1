import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A labelled text field with optional helper text and an error: the label
// sits above the field (Qt 6.4's Material fields have no floating label);
// with an `error`, a red bar down the left, the message in red over the
// field and a red outline, as the NHS service manual shows them.
ColumnLayout {
    id: field

    property string label
    property string helperText
    /// What is wrong with what was typed; empty when nothing is.
    property string error
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias echoMode: input.echoMode
    property alias inputMethodHints: input.inputMethodHints
    property alias input: input
    property bool revealable: false

    signal accepted()

    spacing: Theme.unit / 2

    Label {
        Layout.fillWidth: true
        text: field.label
        font.pixelSize: Theme.bodySize
        font.weight: Font.DemiBold
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Label {
        visible: field.helperText.length > 0
        Layout.fillWidth: true
        text: field.helperText
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize
        color: Theme.secondaryText
    }
    FieldError {
        text: field.error
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 0
        TextField {
            id: input
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(Theme.touchTarget + 4, implicitHeight)
            font.pixelSize: Theme.bodySize + 1
            // Inside the box drawn below (Material's own field is a line
            // with no side padding).
            leftPadding: 1.5 * Theme.unit
            rightPadding: 1.5 * Theme.unit
            color: Theme.text
            placeholderTextColor: Theme.secondaryText
            selectByMouse: true
            Accessible.name: field.label
            Accessible.description: field.error.length > 0 ? field.error : field.helperText
            onAccepted: field.accepted()
            background: Rectangle {
                implicitWidth: 120
                radius: 4
                color: Theme.surface
                border.width: input.activeFocus || field.error.length > 0 ? 3 : 2
                border.color: field.error.length > 0 ? Theme.error
                              : input.activeFocus ? Theme.focusText : Theme.outline
                // The NHS focus style: a yellow ring outside the black one.
                Rectangle {
                    visible: input.activeFocus
                    anchors { fill: parent; margins: -3 }
                    z: -1
                    radius: 6
                    color: Theme.focus
                }
            }
        }
        TextButton {
            visible: field.revealable
            text: input.echoMode === TextInput.Password ? qsTr("Show") : qsTr("Hide")
            Layout.preferredHeight: Theme.touchTarget + 4
            focusPolicy: Qt.NoFocus
            Accessible.name: input.echoMode === TextInput.Password ? qsTr("Show password")
                                                                  : qsTr("Hide password")
            onClicked: input.echoMode = input.echoMode === TextInput.Password
                       ? TextInput.Normal : TextInput.Password
        }
    }
}
