import QtQuick
import QtQuick.Controls
import Tandem

// A yes-or-no choice as NHS checkboxes: a large square box with its label
// beside it, the label wrapping rather than pushing the page wider, and the
// yellow focus style.
CheckBox {
    id: control

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 0
    font.pixelSize: Theme.bodySize
    Accessible.name: text
    Keys.onReturnPressed: toggle()
    Keys.onEnterPressed: toggle()

    indicator: Rectangle {
        x: control.leftPadding
        y: (control.height - height) / 2
        width: 32
        height: 32
        radius: 2
        color: control.visualFocus ? Theme.focus : Theme.surface
        border.width: control.visualFocus ? 4 : 2
        border.color: control.visualFocus ? Theme.focusText : Theme.text
        Label {
            anchors.centerIn: parent
            visible: control.checked
            text: "\u2713"
            font.pixelSize: 24
            font.weight: Font.Bold
            color: control.visualFocus ? Theme.focusText : Theme.text
        }
    }
    contentItem: Label {
        leftPadding: 32 + Theme.unit * 1.5
        text: control.text
        font: control.font
        color: Theme.text
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
    }
}
