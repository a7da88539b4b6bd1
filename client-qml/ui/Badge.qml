import QtQuick
import QtQuick.Controls
import Tandem

// A count of what waits (unread, to answer, to correct) beside a
// navigation item. Hidden at zero; the item's accessible name says the count.
Rectangle {
    property int count

    visible: count > 0
    // Drawn over the icon it counts for.
    z: 1
    implicitWidth: Math.max(height, label.implicitWidth + Theme.unit)
    implicitHeight: label.implicitHeight + 2
    width: implicitWidth
    height: implicitHeight
    radius: height / 2
    color: Theme.error
    Accessible.ignored: true

    Label {
        id: label
        anchors.centerIn: parent
        text: parent.count > 99 ? "99+" : String(parent.count)
        font.pixelSize: Theme.smallSize - 1
        font.weight: Font.Bold
        color: Theme.textOnError
    }
}
