import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The notification centre: what happened, newest first, unread ones marked
// (a dot, bold words and "New", not colour alone); tapping one marks it
// read and opens the screen it is about. New ones arrive live; older ones
// load as the list is scrolled.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property int columnWidth: Math.min(width - 2 * margin, 760)
    readonly property alias list: list

    /// A notification was opened: show the screen it leads to.
    signal linkRequested(string screen, double relationshipId, string month)
    /// Which notifications also come by email: the Account page.
    signal settingsRequested()

    /// Opens the notification at `row`.
    function openRow(row: int) {
        const link = NotificationCentre.open(row);
        if (link.screen)
            page.linkRequested(link.screen, link.relationshipId, link.month);
    }

    objectName: "notificationsPage"
    title: qsTr("Notifications")
    background: Rectangle { color: Theme.background }

    ListView {
        id: list
        objectName: "notificationList"
        // Beside the page's edge, as the other pages' columns are.
        anchors { fill: parent; leftMargin: page.margin; rightMargin: page.margin }
        topMargin: page.margin
        bottomMargin: page.margin
        spacing: Theme.unit
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        model: NotificationCentre

        // The header, rows and footer are components: they reach the page by id.
        // qmllint disable unqualified
        header: ColumnLayout {
            width: page.columnWidth
            spacing: 2 * Theme.unit

            Label {
                Layout.fillWidth: true
                visible: !page.compact
                text: qsTr("Notifications")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }
            Label {
                objectName: "notificationSummary"
                Layout.fillWidth: true
                visible: NotificationCentre.loaded && NotificationCentre.count > 0
                text: NotificationCentre.unreadCount === 0 ? qsTr("You have read them all.")
                      : NotificationCentre.unreadCount === 1 ? qsTr("1 new notification")
                      : qsTr("%1 new notifications").arg(NotificationCentre.unreadCount)
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            GridLayout {
                Layout.fillWidth: true
                visible: NotificationCentre.loaded
                columns: page.compact ? 1 : 2
                columnSpacing: 2 * Theme.unit
                rowSpacing: Theme.unit
                // Each no wider than the column: large text wraps them.
                SecondaryButton {
                    id: markAll
                    objectName: "markAllRead"
                    Layout.maximumWidth: page.columnWidth
                    visible: NotificationCentre.unreadCount > 0
                    text: qsTr("Mark all as read")
                    onClicked: NotificationCentre.markAllRead()
                }
                TextButton {
                    objectName: "notificationSettingsLink"
                    Layout.maximumWidth: page.columnWidth
                    Layout.alignment: Qt.AlignLeft | Qt.AlignVCenter
                    leftPadding: markAll.visible && !page.compact ? 2 * Theme.unit : 0
                    text: qsTr("Choose which come by email")
                    onClicked: page.settingsRequested()
                }
            }

            // The stream ended and is being opened again.
            Rectangle {
                objectName: "notificationsOffline"
                Layout.fillWidth: true
                visible: NotificationCentre.loaded && NotificationCentre.reconnecting
                implicitHeight: visible ? offlineText.implicitHeight + 3 * Theme.unit : 0
                radius: Theme.radius
                color: Theme.warningTint
                border.color: Theme.warningBorder
                Accessible.role: Accessible.StaticText
                Accessible.name: offlineText.text
                Label {
                    id: offlineText
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                              leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                    text: qsTr("Tandem cannot reach the server just now. New notifications will show here when it can.")
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
            }

            // Could not load at all.
            SectionCard {
                objectName: "notificationsError"
                Layout.fillWidth: true
                visible: !NotificationCentre.loaded && NotificationCentre.errorMessage.length > 0
                title: qsTr("Your notifications could not be shown")
                subtitle: NotificationCentre.errorMessage
                SecondaryButton {
                    objectName: "notificationsRetry"
                    text: qsTr("Try again")
                    enabled: !NotificationCentre.loading
                    onClicked: NotificationCentre.retry()
                }
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: NotificationCentre.loading && NotificationCentre.count === 0
                running: visible
                Accessible.name: qsTr("Loading your notifications")
            }

            // Nothing yet: what will appear here.
            SectionCard {
                objectName: "notificationsEmpty"
                Layout.fillWidth: true
                visible: NotificationCentre.loaded && NotificationCentre.count === 0
                title: qsTr("No notifications yet")
                subtitle: qsTr("When someone sends you a request, a session is moved, or something is due, it will show here.")
                Icon {
                    Layout.alignment: Qt.AlignHCenter
                    name: "notifications"
                    font.pixelSize: 48
                    color: Theme.secondaryText
                }
            }
            // Room between the header and the first row.
            Item { implicitHeight: 1 }
        }
        // qmllint enable unqualified

        // qmllint disable unqualified
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string title
            required property string detail
            required property string when
            required property bool read

            objectName: "notification-" + index
            width: page.columnWidth
            implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
            topPadding: 1.5 * Theme.unit
            bottomPadding: 1.5 * Theme.unit
            leftPadding: 2 * Theme.unit
            rightPadding: 2 * Theme.unit
            Accessible.role: Accessible.Button
            Accessible.name: (read ? "" : qsTr("New: ")) + title
                             + (detail.length > 0 ? ". " + detail : "") + ". " + when
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
            onClicked: page.openRow(index)

            background: Rectangle {
                radius: Theme.radius
                color: row.visualFocus ? Theme.focus
                       : row.pressed ? Theme.pressed
                       : !row.read ? Theme.primaryTint
                       : row.hovered ? Theme.hover : Theme.surface
                border.color: !row.read && !row.visualFocus ? Theme.primary : Theme.border
                border.width: 1
                Rectangle {
                    visible: row.visualFocus
                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                    height: 4
                    color: Theme.focusText
                }
            }
            contentItem: RowLayout {
                spacing: 1.5 * Theme.unit
                // The unread dot; its place is kept when read so that rows line up.
                Item {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 6
                    implicitWidth: 10
                    implicitHeight: 10
                    Rectangle {
                        anchors.fill: parent
                        visible: !row.read
                        radius: 5
                        color: row.visualFocus ? Theme.focusText : Theme.primary
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: row.title
                        font.pixelSize: Theme.bodySize
                        font.weight: row.read ? Font.Normal : Font.Bold
                        color: row.visualFocus ? Theme.focusText : Theme.text
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: row.detail.length > 0
                        text: row.detail
                        color: row.visualFocus ? Theme.focusText : Theme.secondaryText
                        wrapMode: Text.Wrap
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        Label {
                            visible: !row.read
                            text: qsTr("New")
                            font.pixelSize: Theme.smallSize
                            font.weight: Font.Bold
                            color: row.visualFocus ? Theme.focusText : Theme.primaryDark
                        }
                        Label {
                            text: row.when
                            font.pixelSize: Theme.smallSize
                            color: row.visualFocus ? Theme.focusText : Theme.secondaryText
                        }
                    }
                }
            }
        }

        // qmllint enable unqualified

        // qmllint disable unqualified
        footer: ColumnLayout {
            width: page.columnWidth
            spacing: Theme.unit
            Item { implicitHeight: Theme.unit }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: NotificationCentre.loadingMore
                running: visible
                Accessible.name: qsTr("Loading older notifications")
            }
            SecondaryButton {
                objectName: "olderNotifications"
                visible: NotificationCentre.hasMore && !NotificationCentre.loadingMore
                text: qsTr("Show older notifications")
                onClicked: NotificationCentre.loadMore()
            }
        }
        // qmllint enable unqualified
    }
}
