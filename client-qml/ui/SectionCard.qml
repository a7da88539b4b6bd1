import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A white card with an optional title; children stack in a column layout.
Rectangle {
    id: card

    property string title
    property string subtitle
    default property alias content: body.data
    readonly property int padding: Window.width < Theme.compactWidth ? 2 * Theme.unit : 3 * Theme.unit

    implicitWidth: 320
    implicitHeight: column.implicitHeight + 2 * padding
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: 1

    // A positioner, not a layout, on the outside: wrapped text makes height
    // depend on width, which sends nested layouts round a polish loop.
    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: card.padding }
        spacing: 2 * Theme.unit

        Column {
            visible: card.title.length > 0
            width: parent.width
            spacing: Theme.unit / 2
            Label {
                width: parent.width
                text: card.title
                wrapMode: Text.Wrap
                font.pixelSize: Theme.subtitleSize + 1
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                visible: card.subtitle.length > 0
                width: parent.width
                text: card.subtitle
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
        }
        ColumnLayout {
            id: body
            width: parent.width
            spacing: 2 * Theme.unit
        }
    }
}
