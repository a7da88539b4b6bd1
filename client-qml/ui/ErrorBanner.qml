import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A message strip that the person can dismiss. `tone` is "error" (default)
// or "success". Hidden while `text` is empty.
Rectangle {
    id: banner

    property string text
    property string tone: "error"
    readonly property color toneColor: tone === "success" ? Theme.success : Theme.error

    signal dismissed()

    visible: text.length > 0
    implicitHeight: visible ? row.implicitHeight + 2 * Theme.unit : 0
    radius: Theme.radius
    color: tone === "success" ? Theme.successTint : Theme.errorTint
    border.color: toneColor
    border.width: 1

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Rectangle {
        width: 4
        radius: 2
        color: banner.toneColor
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 1 }
    }

    RowLayout {
        id: row
        anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: Theme.unit / 2 }
        spacing: Theme.unit

        Label {
            objectName: "bannerText"
            Layout.fillWidth: true
            Layout.topMargin: Theme.unit / 2
            Layout.bottomMargin: Theme.unit / 2
            text: banner.text
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.bodySize
        }
        ToolButton {
            objectName: "bannerDismiss"
            text: "\u2715"
            font.pixelSize: Theme.bodySize
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Dismiss")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Dismiss")
            onClicked: banner.dismissed()
        }
    }
}
