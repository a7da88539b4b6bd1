import QtQuick
import QtQuick.Controls
import Tandem

// A line of help under a question, small and grey.
Label {
    wrapMode: Text.Wrap
    font.pixelSize: Theme.smallSize
    color: Theme.secondaryText
}
