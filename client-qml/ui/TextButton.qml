import QtQuick
import QtQuick.Controls
import Tandem

// A quiet action: blue text, tinted when pressed or hovered.
Button {
    id: control

    flat: true
    implicitHeight: Theme.touchTarget
    leftPadding: 2 * Theme.unit
    rightPadding: 2 * Theme.unit
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
        implicitWidth: 64
        radius: 6
        color: control.down ? Theme.primaryTint : control.hovered ? "#F2F7FC" : "transparent"
        border.width: control.visualFocus ? 3 : 0
        border.color: Theme.focus
    }
}
