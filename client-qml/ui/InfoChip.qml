import QtQuick
import QtQuick.Controls
import Tandem

// A small read-only pill: a specialism, a status, a delivery mode.
Rectangle {
    id: chip

    property string text
    property color textColor: Theme.text
    property bool strong: false

    implicitWidth: label.implicitWidth + 2 * Theme.unit
    // In a Flow or a Column, never wider than it (the text wraps instead);
    // a layout sets the width itself.
    width: parent ? Math.min(implicitWidth, parent.width) : implicitWidth
    implicitHeight: label.implicitHeight + Theme.unit
    radius: Math.min(height / 2, 14)
    color: Theme.neutralTint
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Label {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, chip.width - 2 * Theme.unit)
        text: chip.text
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: chip.textColor
        font.pixelSize: Theme.smallSize
        font.weight: chip.strong ? Font.DemiBold : Font.Normal
    }
}
