import QtQuick
import QtQuick.Controls
import Tandem

// The main action of a screen: solid blue. Drawn without Material's shader
// shadow, so it also shows under software rendering (remote desktops, VMs).
Button {
    id: control

    implicitHeight: Theme.touchTarget + 4
    leftPadding: 3 * Theme.unit
    rightPadding: 3 * Theme.unit
    font.pixelSize: Theme.bodySize + 1
    font.weight: Font.DemiBold
    font.capitalization: Font.MixedCase
    Accessible.name: text

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.enabled ? Theme.textOnPrimary : "#F4F6F7"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 96
        radius: 6
        color: !control.enabled ? "#8D9BA5"
               : control.down ? Theme.primaryDark
               : control.hovered ? "#004A94" : Theme.primary
        border.width: control.visualFocus ? 3 : 0
        border.color: Theme.focus
    }
}
