import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A secondary action: outlined in blue, full width on a phone. No shader
// effects (see PrimaryButton).
Button {
    id: control

    readonly property bool phone: Window.width > 0 && Window.width < Theme.compactWidth

    implicitHeight: Math.max(Theme.touchTarget + 4, implicitContentHeight + topPadding + bottomPadding)
    Layout.fillWidth: phone
    leftPadding: 2 * Theme.unit + 4
    rightPadding: 2 * Theme.unit + 4
    topPadding: Theme.unit
    bottomPadding: Theme.unit
    font.pixelSize: Theme.bodySize
    font.weight: Font.DemiBold
    font.capitalization: Font.MixedCase
    // Material leaves 6 px above and below the drawn button: drawn to the
    // full 48 px here, as tapped.
    topInset: 0
    bottomInset: 0
    Accessible.name: text
    // Enter works as Space does (Qt's controls take only Space).
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.visualFocus ? Theme.focusText
               : control.enabled ? Theme.primary : Theme.disabledText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    background: Rectangle {
        implicitWidth: 88
        radius: 6
        color: !control.enabled ? Theme.disabledFill
               : control.down ? Theme.primaryTint : control.hovered ? Theme.hover : Theme.surface
        border.width: control.enabled ? 2 : 0
        border.color: Theme.primary
        FocusMark { shown: control.visualFocus }
    }
}
