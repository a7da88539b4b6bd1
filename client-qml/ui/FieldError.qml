import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// What is wrong with one field, in red under it. Hidden while empty.
Label {
    visible: text.length > 0
    Layout.fillWidth: true
    wrapMode: Text.Wrap
    font.pixelSize: Theme.smallSize + 1
    font.weight: Font.DemiBold
    color: Theme.error
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
}
