import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One box of a DateField ("Day", "Month" or "Year"): its label above a
// field sized for `digits` digits, numbers only.
ColumnLayout {
    id: part

    property string label
    property int digits: 2
    property bool invalid
    /// The date's own name, for a screen reader ("Date, day").
    property string fieldName
    property alias text: input.text
    property alias input: input

    spacing: Theme.unit / 2

    Label {
        text: part.label
        font.pixelSize: Theme.bodySize
        color: Theme.text
    }
    TextField {
        id: input
        Layout.preferredWidth: metrics.advanceWidth * (part.digits + 1) + leftPadding + rightPadding
        Layout.preferredHeight: Math.max(Theme.touchTarget + 4, implicitHeight)
        font.pixelSize: Theme.bodySize + 1
        leftPadding: 1.5 * Theme.unit
        rightPadding: 1.5 * Theme.unit
        color: Theme.text
        maximumLength: part.digits
        inputMethodHints: Qt.ImhDigitsOnly
        validator: RegularExpressionValidator { regularExpression: /[0-9]*/ }
        selectByMouse: true
        Accessible.name: qsTr("%1, %2").arg(part.fieldName).arg(part.label)
        background: Rectangle {
            radius: 4
            color: Theme.surface
            border.width: input.activeFocus || part.invalid ? 3 : 2
            border.color: part.invalid ? Theme.error : input.activeFocus ? Theme.focusText : Theme.outline
            Rectangle {
                visible: input.activeFocus
                anchors { fill: parent; margins: -3 }
                z: -1
                radius: 6
                color: Theme.focus
            }
        }
        TextMetrics {
            id: metrics
            font: input.font
            text: "0"
        }
    }
}
