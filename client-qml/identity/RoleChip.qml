import QtQuick
import QtQuick.Controls
import Tandem

// A small pill naming one role.
Rectangle {
    id: chip

    required property string roleKey

    implicitWidth: label.implicitWidth + 2 * Theme.unit + 4
    implicitHeight: 28
    radius: height / 2
    color: Theme.roleColor(roleKey)

    Label {
        id: label
        anchors.centerIn: parent
        text: Roles.label(chip.roleKey)
        color: Theme.text
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
    }
}
