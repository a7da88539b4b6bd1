import QtQuick
import QtQuick.Controls
import Tandem

// A quiet action, drawn as a link: blue text, underlined, tinted when
// pressed or hovered.
Button {
    id: control

    flat: true
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: 2 * Theme.unit
    rightPadding: 2 * Theme.unit
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
        implicitWidth: 64
        radius: 6
        color: control.down ? Theme.primaryTint : control.hovered ? Theme.hover : "transparent"
        FocusMark { shown: control.visualFocus }
    }
}
