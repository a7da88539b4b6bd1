import QtQuick
import QtQuick.Controls
import Tandem

// A text area for a few lines (a reason, agreed actions, notes), drawn as
// FormField's box: an outline, red and thicker with an `error`, and the
// NHS yellow focus ring. Its label and any message are the page's.
// `example` is shown in the empty box, wrapped (the style's placeholder
// would cut a long one short).
TextArea {
    id: box

    /// What is wrong with what was typed; empty when nothing is.
    property string error
    property string example

    wrapMode: TextEdit.Wrap
    font.pixelSize: Theme.bodySize + 1
    color: Theme.text
    placeholderTextColor: Theme.secondaryText
    selectByMouse: true
    leftPadding: 1.5 * Theme.unit
    rightPadding: 1.5 * Theme.unit
    topPadding: 1.5 * Theme.unit
    bottomPadding: 1.5 * Theme.unit
    implicitHeight: Math.max(implicitBackgroundHeight,
                             contentHeight + topPadding + bottomPadding,
                             exampleText.implicitHeight + topPadding + bottomPadding)
    Accessible.description: error.length > 0 ? error : example
    background: Rectangle {
        implicitWidth: 120
        implicitHeight: Theme.touchTarget + 4
        radius: 4
        color: Theme.surface
        border.width: box.activeFocus || box.error.length > 0 ? 3 : 2
        border.color: box.error.length > 0 ? Theme.error : box.activeFocus ? Theme.focusText : Theme.outline
        Rectangle {
            visible: box.activeFocus
            anchors { fill: parent; margins: -3 }
            z: -1
            radius: 6
            color: Theme.focus
        }
    }

    Label {
        id: exampleText
        x: box.leftPadding
        y: box.topPadding
        width: box.width - box.leftPadding - box.rightPadding
        visible: box.length === 0 && !box.preeditText
        text: box.example
        wrapMode: Text.Wrap
        font: box.font
        color: Theme.secondaryText
    }
}
