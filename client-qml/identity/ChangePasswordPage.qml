import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Shown straight after signing in with a temporary password: the person
// chooses their own before anything else.
Page {
    id: page

    /// Phone layout: the window, not this page, decides.
    readonly property bool compact: Window.width < Theme.compactWidth

    objectName: "changePasswordPage"
    background: Rectangle { color: page.compact ? Theme.surface : Theme.background }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, card.height + 6 * Theme.unit)
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        Rectangle {
            id: card
            width: Math.min(flick.width - (page.compact ? 0 : 6 * Theme.unit), 480)
            height: column.implicitHeight + 2 * column.anchors.margins
            x: Math.round((flick.width - width) / 2)
            y: page.compact ? 0 : Math.max(3 * Theme.unit, Math.round((flick.height - height) / 2))
            radius: page.compact ? 0 : Theme.radius
            color: Theme.surface
            border.color: page.compact ? "transparent" : Theme.border

            ColumnLayout {
                id: column
                anchors { fill: parent; margins: page.compact ? 3 * Theme.unit : 4 * Theme.unit }
                spacing: 2 * Theme.unit

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Choose your own password")
                    font.pixelSize: Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Welcome, %1. You signed in with a temporary password. Choose a new one that only you know before you carry on.")
                          .arg(Session.displayName)
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
                ChangePasswordForm {
                    Layout.fillWidth: true
                    currentLabel: qsTr("Temporary password")
                    submitText: qsTr("Save and continue")
                }
                SignOutButton {
                    Layout.fillWidth: true
                    quiet: true
                    buttonName: "changePasswordSignOut"
                    flickable: flick
                }
            }
        }
    }
}
