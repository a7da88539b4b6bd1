import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Current password, new password twice, and a save button. Checks what it
// can before asking the server; the server's refusal shows as a sentence.
ColumnLayout {
    id: form

    property string currentLabel: qsTr("Current password")
    property string submitText: qsTr("Change password")
    property string localError
    readonly property int minimumLength: 10

    signal changed()

    function submit() {
        if (Session.busy)
            return;
        Session.clearError();
        if (currentField.text.length === 0)
            localError = qsTr("Enter your current password.");
        else if (newField.text.length < minimumLength)
            localError = qsTr("Your new password needs at least %1 characters.").arg(minimumLength);
        else if (newField.text !== confirmField.text)
            localError = qsTr("The two new passwords do not match. Type the same password in both boxes.");
        else if (newField.text === currentField.text)
            localError = qsTr("Choose a new password that is different from your current one.");
        else
            localError = "";
        if (localError.length === 0)
            Session.changePassword(currentField.text, newField.text);
    }

    function clear() {
        currentField.text = "";
        newField.text = "";
        confirmField.text = "";
        localError = "";
    }

    spacing: 2 * Theme.unit

    Connections {
        target: Session
        function onPasswordChanged() {
            form.clear();
            form.changed();
        }
    }

    FormField {
        id: currentField
        objectName: "currentPasswordField"
        Layout.fillWidth: true
        label: form.currentLabel
        echoMode: TextInput.Password
        revealable: true
        KeyNavigation.tab: newField.input
        onAccepted: newField.input.forceActiveFocus()
    }
    FormField {
        id: newField
        objectName: "newPasswordField"
        Layout.fillWidth: true
        label: qsTr("New password")
        helperText: qsTr("At least %1 characters. A few unrelated words make a strong password.")
                    .arg(form.minimumLength)
        echoMode: TextInput.Password
        revealable: true
        onAccepted: confirmField.input.forceActiveFocus()
    }
    FormField {
        id: confirmField
        objectName: "confirmPasswordField"
        Layout.fillWidth: true
        label: qsTr("New password again")
        echoMode: TextInput.Password
        revealable: true
        onAccepted: form.submit()
    }

    ErrorBanner {
        objectName: "changePasswordError"
        Layout.fillWidth: true
        text: form.localError.length > 0 ? form.localError : Session.errorMessage
        onDismissed: {
            form.localError = "";
            Session.clearError();
        }
    }

    PrimaryButton {
        objectName: "changePasswordButton"
        Layout.fillWidth: true
        enabled: !Session.busy
        text: Session.busy ? qsTr("Saving…") : form.submitText
        onClicked: form.submit()
    }
    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: Theme.touchTarget
        visible: Session.busy
        running: visible
    }
}
