import QtQuick
import QtQuick.Controls
import Tandem

// A pill that is on or off, for multi-select filters and pickers (a single
// choice is a RadioChoice). The owner keeps the state: bind `checked`, and
// change it in onClicked.
AbstractButton {
    id: chip

    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.unit + 8
    rightPadding: Theme.unit + 8
    topPadding: Theme.unit / 2
    bottomPadding: Theme.unit / 2
    font.pixelSize: Theme.smallSize + 1
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    // Enter works as Space does (Qt's controls take only Space).
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()
    Accessible.checked: checked

    background: Rectangle {
        radius: Math.min(height / 2, 24)
        color: chip.visualFocus ? Theme.focus
               : chip.checked ? Theme.primaryTint : chip.hovered ? Theme.hover : Theme.surface
        border.width: chip.checked ? 2 : 1
        border.color: chip.visualFocus ? Theme.focusText : chip.checked ? Theme.primary : Theme.outline
    }
    contentItem: Label {
        text: (chip.checked ? "\u2713 " : "") + chip.text
        font: chip.font
        color: chip.visualFocus ? Theme.focusText : chip.checked ? Theme.primaryDark : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
}
