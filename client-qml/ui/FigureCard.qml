import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One figure with its label, e.g. "42 Coaches". A negative value shows as
// a dash while it loads.
Rectangle {
    id: card

    property int value: -1
    property string label
    property bool emphasised: false

    implicitWidth: 160
    implicitHeight: column.implicitHeight + 3 * Theme.unit
    radius: Theme.radius
    color: emphasised ? Theme.primaryFill : Theme.surface
    border.color: emphasised ? Theme.primaryFill : Theme.border
    border.width: 1

    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + (value < 0 ? qsTr("loading") : value)

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter;
                  leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
        spacing: 2

        Label {
            objectName: "figureValue"
            text: card.value < 0 ? "\u2014" : card.value.toLocaleString(Qt.locale(), "f", 0)
            font.pixelSize: Theme.figureSize
            font.weight: Font.Bold
            color: card.emphasised ? Theme.textOnPrimary : Theme.primaryDark
        }
        Label {
            Layout.fillWidth: true
            text: card.label
            wrapMode: Text.Wrap
            font.pixelSize: Theme.bodySize
            color: card.emphasised ? Theme.textOnPrimary : Theme.secondaryText
        }
    }
}
