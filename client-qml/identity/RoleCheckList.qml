import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One check box per role, each with what the role means.
ColumnLayout {
    id: list

    /// Role keys ticked.
    property var selectedKeys: []
    /// Role keys that cannot be unticked (e.g. a coordinator's own role).
    property var lockedKeys: []

    function isSelected(key: string): bool {
        return list.selectedKeys.indexOf(key) >= 0;
    }
    function isLocked(key: string): bool {
        return list.lockedKeys.indexOf(key) >= 0;
    }
    function toggle(key: string, on: bool) {
        const next = list.selectedKeys.filter(k => k !== key);
        if (on)
            next.push(key);
        const ordered = [];
        const keys = Roles.keys;
        for (let i = 0; i < keys.length; ++i) {
            if (next.indexOf(keys[i]) >= 0)
                ordered.push(keys[i]);
        }
        list.selectedKeys = ordered;
    }

    component RoleBox: CheckDelegate {
        id: box

        property string key
        property bool locked: false

        objectName: "roleCheck-" + key
        // Also places the indicator at the end rather than in the middle.
        text: Roles.label(key)
        Layout.fillWidth: true
        // The list owns the state: a click asks it to toggle, and `checked`
        // stays bound to it.
        checkable: false
        enabled: !locked || !checked
        leftPadding: 0
        Accessible.name: Roles.label(key)
        Accessible.description: Roles.description(key)

        contentItem: ColumnLayout {
            spacing: 0
            Label {
                Layout.fillWidth: true
                rightPadding: box.indicator.width + box.spacing
                text: box.text
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                rightPadding: box.indicator.width + box.spacing
                text: box.locked ? qsTr("You cannot remove your own coordinator role.")
                                 : Roles.description(box.key)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.secondaryText
            }
        }
    }

    spacing: 0

    // The five roles of tandem.v1.Role, in its order.
    RoleBox {
        key: "coachee"
        locked: list.isLocked(key)
        checked: list.isSelected(key)
        onClicked: list.toggle(key, !checked)
    }
    RoleBox {
        key: "coach"
        locked: list.isLocked(key)
        checked: list.isSelected(key)
        onClicked: list.toggle(key, !checked)
    }
    RoleBox {
        key: "mentor"
        locked: list.isLocked(key)
        checked: list.isSelected(key)
        onClicked: list.toggle(key, !checked)
    }
    RoleBox {
        key: "coordinator"
        locked: list.isLocked(key)
        checked: list.isSelected(key)
        onClicked: list.toggle(key, !checked)
    }
    RoleBox {
        key: "supervisor"
        locked: list.isLocked(key)
        checked: list.isSelected(key)
        onClicked: list.toggle(key, !checked)
    }
}
