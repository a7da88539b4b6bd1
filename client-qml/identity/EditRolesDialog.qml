import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Changes the roles of one account in an AccountListModel.
Dialog {
    id: dialog

    property AccountListModel accounts
    property int row: -1
    property string personName
    property string personEmail
    property string errorText

    function edit(accountRow: int) {
        const account = accounts.get(accountRow);
        row = accountRow;
        personName = account.displayName;
        personEmail = account.email;
        roleList.selectedKeys = account.roles;
        roleList.lockedKeys = personEmail === Session.email ? ["coordinator"] : [];
        errorText = "";
        open();
    }

    objectName: "editRolesDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.unit : 520, 520)
    height: Math.min(Overlay.overlay ? Overlay.overlay.height - 4 * Theme.unit : 720,
                     implicitHeight)
    padding: 3 * Theme.unit
    // A plain card: Material's shadow is a shader effect that software
    // rendering cannot draw.
    background: Rectangle {
        radius: 12
        color: Theme.surface
        border.color: Theme.border
    }
    title: qsTr("Roles for %1").arg(personName)
    closePolicy: accounts && accounts.saving ? Popup.NoAutoClose : Popup.CloseOnEscape

    Connections {
        target: dialog.accounts
        function onRolesSaved() {
            dialog.close();
        }
        function onErrorOccurred(message: string) {
            if (dialog.opened)
                dialog.errorText = message;
        }
    }

    // No ScrollView: Qt 6.4's software renderer draws nothing inside a
    // Flickable in a popup. The dialog fits its content instead.
    ColumnLayout {
        id: column
        width: dialog.availableWidth
        spacing: Theme.unit

        Label {
            Layout.fillWidth: true
            text: dialog.personEmail
            color: Theme.secondaryText
            wrapMode: Text.Wrap
        }
        RoleCheckList {
            id: roleList
            Layout.fillWidth: true
        }
        ErrorBanner {
            Layout.fillWidth: true
            text: dialog.errorText
            onDismissed: dialog.errorText = ""
        }
    }

    footer: Item {
        implicitHeight: footerRow.implicitHeight + 2 * Theme.unit
        RowLayout {
            id: footerRow
            anchors { right: parent.right; verticalCenter: parent.verticalCenter
                      rightMargin: 2 * Theme.unit }
            spacing: Theme.unit
            TextButton {
                text: qsTr("Cancel")
                enabled: !(dialog.accounts && dialog.accounts.saving)
                onClicked: dialog.close()
            }
            PrimaryButton {
                objectName: "saveRolesButton"
                enabled: !(dialog.accounts && dialog.accounts.saving) && roleList.selectedKeys.length > 0
                text: dialog.accounts && dialog.accounts.saving ? qsTr("Saving…") : qsTr("Save roles")
                onClicked: {
                    dialog.errorText = "";
                    dialog.accounts.setRoles(dialog.row, roleList.selectedKeys);
                }
            }
        }
    }
}
