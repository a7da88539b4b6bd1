import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A labelled text field with optional helper text. The label sits above the
// field (Qt 6.4's Material fields have no floating label).
ColumnLayout {
    id: field

    property string label
    property string helperText
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
    RowLayout {
        Layout.fillWidth: true
        spacing: 0
        TextField {
            id: input
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 4
            font.pixelSize: Theme.bodySize + 1
            selectByMouse: true
            Accessible.name: field.label
            Accessible.description: field.helperText
            onAccepted: field.accepted()
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
    Label {
        visible: field.helperText.length > 0
        Layout.fillWidth: true
        text: field.helperText
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize
        color: Theme.secondaryText
    }
}
