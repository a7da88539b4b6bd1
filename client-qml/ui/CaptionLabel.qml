import QtQuick
import QtQuick.Controls
import Tandem

// A caption over a question or a group of fields, in the body size.
Label {
    font.weight: Font.DemiBold
    wrapMode: Text.Wrap
    color: Theme.text
}
