import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Invites a person: email, name, organisation and roles. On success shows the
// temporary password once, with a copy button.
Dialog {
    id: dialog

    signal invited()

    function openFresh() {
        invitation.reset();
        emailField.text = "";
        nameField.text = "";
        roleList.selectedKeys = ["coachee"];
        copiedNote.visible = false;
        open();
        emailField.input.forceActiveFocus();
    }

    readonly property bool done: invitation.temporaryPassword.length > 0

    objectName: "inviteDialog"
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.unit : 520, 560)
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
    title: done ? qsTr("Account created") : qsTr("Invite a person")
    closePolicy: invitation.busy ? Popup.NoAutoClose : Popup.CloseOnEscape

    AccountInvitation {
        id: invitation
        onInvited: dialog.invited()
    }

    OrganisationListModel {
        id: organisations
        coordinatedOnly: true
    }

    // No ScrollView: Qt 6.4's software renderer draws nothing inside a
    // Flickable in a popup. The dialog fits its content instead.
    ColumnLayout {
        width: dialog.availableWidth
        spacing: 0

        ColumnLayout {
            id: formColumn
            visible: !dialog.done
            Layout.fillWidth: true
            spacing: 2 * Theme.unit

            Label {
                Layout.fillWidth: true
                text: qsTr("They will get a temporary password to sign in with, and choose their own the first time they do.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            FormField {
                id: emailField
                objectName: "inviteEmailField"
                Layout.fillWidth: true
                label: qsTr("Email address")
                placeholderText: qsTr("name@nhs.net")
                inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                onAccepted: nameField.input.forceActiveFocus()
            }
            FormField {
                id: nameField
                objectName: "inviteNameField"
                Layout.fillWidth: true
                label: qsTr("Full name")
                placeholderText: qsTr("As they would like to be known")
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    text: qsTr("Organisation")
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                SelectField {
                    id: organisationBox
                    objectName: "inviteOrganisationBox"
                    Layout.fillWidth: true
                    model: organisations
                    textRole: "name"
                    valueRole: "organisationId"
                    displayText: organisations.loading ? qsTr("Loading organisations…")
                                 : currentIndex < 0 ? qsTr("Choose an organisation")
                                 : currentText
                    Accessible.name: qsTr("Organisation")
                    Component.onCompleted: if (count > 0) currentIndex = 0
                    onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    text: qsTr("Roles")
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                RoleCheckList {
                    id: roleList
                    Layout.fillWidth: true
                    selectedKeys: ["coachee"]
                }
            }
            ErrorBanner {
                objectName: "inviteError"
                Layout.fillWidth: true
                text: invitation.errorMessage
                onDismissed: invitation.reset()
            }
        }

        ColumnLayout {
            id: doneColumn
            visible: dialog.done
            Layout.fillWidth: true
            spacing: 2 * Theme.unit

            Label {
                Layout.fillWidth: true
                text: qsTr("%1 (%2) can now sign in with this temporary password.")
                      .arg(invitation.invitedName).arg(invitation.invitedEmail)
                wrapMode: Text.Wrap
                color: Theme.text
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: passwordRow.implicitHeight + 2 * Theme.unit
                radius: Theme.radius
                color: Theme.primaryTint
                border.color: Theme.primary
                RowLayout {
                    id: passwordRow
                    anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: Theme.unit }
                    TextEdit {
                        objectName: "temporaryPasswordText"
                        Layout.fillWidth: true
                        text: invitation.temporaryPassword
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.WrapAnywhere
                        font.family: "monospace"
                        font.pixelSize: Theme.subtitleSize + 1
                        color: Theme.text
                        Accessible.name: qsTr("Temporary password")
                    }
                    SecondaryButton {
                        objectName: "copyPasswordButton"
                        text: qsTr("Copy")
                        onClicked: {
                            Clipboard.setText(invitation.temporaryPassword);
                            copiedNote.visible = true;
                        }
                    }
                }
            }
            Label {
                id: copiedNote
                visible: false
                text: qsTr("Copied to the clipboard.")
                color: Theme.success
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("This is the only time the password is shown. Give it to the person in a safe way; they will choose their own password when they first sign in.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
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
                objectName: "closeInviteButton"
                text: dialog.done ? qsTr("Done") : qsTr("Cancel")
                enabled: !invitation.busy
                onClicked: dialog.close()
            }
            PrimaryButton {
                objectName: "sendInvitationButton"
                visible: !dialog.done
                enabled: !invitation.busy
                text: invitation.busy ? qsTr("Creating…") : qsTr("Create account")
                onClicked: invitation.invite(emailField.text, nameField.text,
                                             organisationBox.currentIndex >= 0 ? organisationBox.currentValue : 0,
                                             roleList.selectedKeys)
            }
        }
    }

    onClosed: invitation.reset()
}
