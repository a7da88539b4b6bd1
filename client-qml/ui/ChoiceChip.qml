import QtQuick
import QtQuick.Controls
import Tandem

// A pill that is on or off, for multi-select filters and pickers. The
// owner keeps the state: bind `checked`, and change it in onClicked.
AbstractButton {
    id: chip

    implicitWidth: implicitContentWidth + leftPadding + rightPadding
    leftPadding: Theme.unit + 4
    rightPadding: Theme.unit + 4
    implicitHeight: 36
    font.pixelSize: Theme.smallSize + 1
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    Accessible.checked: checked

    background: Rectangle {
        radius: height / 2
        color: chip.checked ? Theme.primaryTint : chip.hovered ? "#F4F7F9" : Theme.surface
        border.width: chip.visualFocus ? 2 : 1
        border.color: chip.visualFocus ? Theme.focus : chip.checked ? Theme.primary : "#AEB7BD"
    }
    contentItem: Label {
        text: (chip.checked ? "\u2713 " : "") + chip.text
        font: chip.font
        color: chip.checked ? Theme.primaryDark : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}
