import QtQuick
import Tandem

// The NHS focus style for a control's background: yellow, with a black bar
// along the bottom. Shown while `shown` (the control's visualFocus).
Rectangle {
    property bool shown

    visible: shown
    anchors.fill: parent
    radius: 4
    color: Theme.focus
    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 4
        color: Theme.focusText
    }
}
