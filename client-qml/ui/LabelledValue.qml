import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A small caption over a value, for facts on a profile. Hidden when empty.
ColumnLayout {
    id: item

    property string label
    property string value

    visible: value.length > 0
    spacing: 2
    Label {
        Layout.fillWidth: true
        text: item.label
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
        color: Theme.secondaryText
    }
    Label {
        Layout.fillWidth: true
        text: item.value
        wrapMode: Text.Wrap
        color: Theme.text
    }
}
