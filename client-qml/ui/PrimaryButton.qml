import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The main action of a screen: solid blue, full width on a phone. Drawn
// without Material's shader shadow, so it also shows under software
// rendering (remote desktops, VMs).
Button {
    id: control

    readonly property bool phone: Window.width > 0 && Window.width < Theme.compactWidth

    implicitHeight: Math.max(Theme.touchTarget + 4, implicitContentHeight + topPadding + bottomPadding)
    Layout.fillWidth: phone
    leftPadding: 3 * Theme.unit
    rightPadding: 3 * Theme.unit
    topPadding: Theme.unit
    bottomPadding: Theme.unit
    font.pixelSize: Theme.bodySize + 1
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
               : control.enabled ? Theme.textOnPrimary : Theme.disabledText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    background: Rectangle {
        implicitWidth: 96
        radius: 6
        color: !control.enabled ? Theme.disabledFill
               : control.down ? Theme.primaryFillPressed
               : control.hovered ? Theme.primaryFillHover : Theme.primaryFill
        FocusMark { shown: control.visualFocus }
    }
}
