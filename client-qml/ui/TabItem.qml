import QtQuick
import QtQuick.Controls
import Tandem

// One tab of a TabBar: its name wraps rather than being cut at large text
// sizes, with the NHS focus style.
TabButton {
    id: control

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.bodySize
    font.weight: Font.DemiBold
    font.capitalization: Font.MixedCase
    Accessible.name: text
    // Enter works as Space does (Qt's controls take only Space).
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.visualFocus ? Theme.focusText
               : control.checked ? Theme.primary : Theme.secondaryText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    background: Rectangle {
        color: Theme.surface
        FocusMark { shown: control.visualFocus }
        Rectangle {
            visible: control.checked
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            height: 3
            color: Theme.primary
        }
    }
}
