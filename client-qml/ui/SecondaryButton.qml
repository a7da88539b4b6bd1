import QtQuick
import QtQuick.Controls
import Tandem

// A secondary action: outlined in blue on white. No shader effects (see
// PrimaryButton).
Button {
    id: control

    implicitHeight: Theme.touchTarget
    leftPadding: 2 * Theme.unit + 4
    rightPadding: 2 * Theme.unit + 4
    font.pixelSize: Theme.bodySize
    font.weight: Font.DemiBold
    font.capitalization: Font.MixedCase
    Accessible.name: text

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.enabled ? Theme.primary : Theme.secondaryText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 88
        radius: 6
        color: control.down ? Theme.primaryTint : control.hovered ? "#F2F7FC" : Theme.surface
        border.width: control.visualFocus ? 3 : 1
        border.color: control.visualFocus ? Theme.focus : control.enabled ? Theme.primary : Theme.border
    }
}
