import QtQuick
import QtQuick.Controls
import Tandem

// Phones: the bell at the end of the top bar, with the unread count as a
// badge (Material 3's answer when the bottom navigation is full). Opens
// the notification centre. The badge sits at the bell's top corner and the
// button grows with it, so that large text never covers the bell.
ToolButton {
    id: bell

    readonly property int unread: NotificationCentre.unreadCount

    objectName: "notificationBell"
    padding: 0
    implicitWidth: Math.max(Theme.touchTarget, bell.unread > 0 ? badge.x + badge.width + Theme.unit / 2 : 0)
    implicitHeight: Theme.touchTarget
    Accessible.name: unread > 0 ? qsTr("Notifications, %n new", "", unread) : qsTr("Notifications")
    ToolTip.visible: hovered
    ToolTip.text: Accessible.name

    // Drawn over the background, not as the content item (which QML
    // builds late, so nothing outside it could size the button by them).
    contentItem: Item {}
    Icon {
        id: icon
        x: (Theme.touchTarget - width) / 2
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.iconSize
        name: "notifications"
        color: bell.visualFocus ? Theme.focusText : Theme.textOnPrimary
    }
    Badge {
        id: badge
        objectName: "notificationBadge"
        x: icon.x + icon.width - 6
        y: Math.max(2, icon.y - height / 2 + 2)
        count: bell.unread
    }
    background: Rectangle {
        radius: height / 2
        color: bell.visualFocus ? Theme.focus : bell.pressed ? Theme.primaryFillPressed : "transparent"
    }
}
