import QtQuick
import QtQuick.Controls
import Tandem

// A drop-down list with a plain outlined box and list, drawn without
// Material's shader shadows (see PrimaryButton).
ComboBox {
    id: control

    implicitHeight: Theme.touchTarget + 4
    font.pixelSize: Theme.bodySize

    background: Rectangle {
        implicitWidth: 160
        radius: 6
        color: Theme.surface
        border.width: control.visualFocus ? 2 : 1
        border.color: control.visualFocus ? Theme.primary : "#AEB7BD"
    }
    popup.background: Rectangle {
        radius: 6
        color: Theme.surface
        border.color: Theme.border
    }
}
