import QtQuick
import QtQuick.Controls
import Tandem

// A drop-down list with a plain outlined box and list, drawn without
// Material's shader shadows (see PrimaryButton). Long choices wrap rather
// than being cut.
ComboBox {
    id: control

    implicitHeight: Math.max(Theme.touchTarget + 4, implicitContentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.bodySize
    topPadding: Theme.unit / 2
    bottomPadding: Theme.unit / 2
    Accessible.name: displayText

    contentItem: Label {
        leftPadding: 2 * Theme.unit
        rightPadding: control.indicator ? control.indicator.width : Theme.unit
        text: control.displayText
        font: control.font
        color: control.enabled ? Theme.text : Theme.disabledText
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    background: Rectangle {
        implicitWidth: 160
        radius: 6
        color: control.visualFocus ? Theme.focus : Theme.surface
        border.width: control.visualFocus ? 3 : 1
        border.color: control.visualFocus ? Theme.focusText : Theme.outline
    }
    // The delegate reads its owner by id (Qt 6.4 has no pragma ComponentBehavior).
    // qmllint disable unqualified
    delegate: ItemDelegate {
        id: option
        required property int index
        required property var model
        width: ListView.view ? ListView.view.width : implicitWidth
        implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
        highlighted: control.highlightedIndex === index
        contentItem: Label {
            text: control.textRole ? option.model[control.textRole] : option.model.modelData
            font: control.font
            color: Theme.text
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            color: option.highlighted ? Theme.primaryTint : option.hovered ? Theme.hover : Theme.surface
        }
    }
    // qmllint enable unqualified
    popup.background: Rectangle {
        radius: 6
        color: Theme.surface
        border.color: Theme.border
    }
}
