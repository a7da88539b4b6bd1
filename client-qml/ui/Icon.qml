import QtQuick
import Tandem

// One icon from the Material Design Icons font (Theme.icons names them).
// Decoration only: the control it sits in carries the accessible name.
Text {
    property string name

    text: Theme.icons[name] || ""
    font.family: Theme.iconFont.name
    font.pixelSize: Theme.iconSize
    horizontalAlignment: Text.AlignHCenter
    verticalAlignment: Text.AlignVCenter
    color: Theme.text
    Accessible.ignored: true
}
