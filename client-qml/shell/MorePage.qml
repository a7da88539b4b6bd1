import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Phones: the pages that do not fit in the bottom navigation, as a list of
// large rows.
Page {
    id: page

    /// [{key, title, icon?}]
    property var pages: []
    property var badges: ({})

    signal opened(string key)

    background: Rectangle { color: Theme.background }

    ListView {
        anchors.fill: parent
        anchors.topMargin: Theme.unit
        model: page.pages
        delegate: ItemDelegate {
            id: row
            required property var modelData
            // qmllint disable unqualified
            readonly property int badge: page.badges[modelData.key] || 0
            // qmllint enable unqualified
            objectName: "more-" + modelData.key
            width: ListView.view.width
            implicitHeight: Math.max(56, implicitContentHeight + topPadding + bottomPadding)
            leftPadding: 2 * Theme.unit
            rightPadding: 2 * Theme.unit
            text: modelData.title
            font.pixelSize: Theme.bodySize + 1
            Accessible.role: Accessible.Button
            Accessible.name: badge > 0 ? qsTr("%1, %2 waiting").arg(modelData.title).arg(badge) : modelData.title
            background: Rectangle {
                color: row.visualFocus ? Theme.focus : row.pressed ? Theme.pressed : Theme.surface
                Rectangle {
                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                    height: row.visualFocus ? 4 : 1
                    color: row.visualFocus ? Theme.focusText : Theme.border
                }
            }
            contentItem: RowLayout {
                spacing: 2 * Theme.unit
                Icon {
                    name: row.modelData.icon || row.modelData.key
                    color: row.visualFocus ? Theme.focusText : Theme.primary
                }
                Label {
                    Layout.fillWidth: true
                    text: row.text
                    font: row.font
                    color: row.visualFocus ? Theme.focusText : Theme.text
                    wrapMode: Text.Wrap
                }
                Badge {
                    count: row.badge
                }
            }
            // qmllint disable unqualified
            onClicked: page.opened(modelData.key)
            // qmllint enable unqualified
        }
    }
}
