import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The Account page's notification settings: for each kind, in groups, "also
// by email" as NHS checkboxes (everything shows in the app), and quiet hours
// with no email. Saved straight to the server, with a confirmation beside
// the button, or an error summary naming what to change.
SectionCard {
    id: card

    /// The page's Flickable, for the error summary to scroll to.
    property Flickable flickable
    readonly property alias form: prefs
    property string notice

    objectName: "notificationSettings"
    title: qsTr("Notifications")
    subtitle: qsTr("Everything shows here in Tandem. Tick what you would also like by email.")

    NotificationPreferencesForm {
        id: prefs
        onSaved: message => card.notice = message
    }

    RowLayout {
        Layout.fillWidth: true
        visible: !prefs.loaded && prefs.loading
        spacing: Theme.unit
        BusyIndicator {
            Layout.preferredWidth: 32
            Layout.preferredHeight: 32
            running: parent.visible
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Loading your notification settings\u2026")
            color: Theme.secondaryText
            wrapMode: Text.Wrap
        }
    }
    ColumnLayout {
        Layout.fillWidth: true
        visible: !prefs.loaded && !prefs.loading && prefs.errorMessage.length > 0
        spacing: Theme.unit
        ErrorBanner {
            Layout.fillWidth: true
            text: prefs.loaded ? "" : prefs.errorMessage
            onDismissed: prefs.clearError()
        }
        SecondaryButton {
            text: qsTr("Try again")
            onClicked: prefs.reload()
        }
    }

    // Where email goes, or that none is sent.
    Rectangle {
        objectName: "noEmailNote"
        Layout.fillWidth: true
        visible: prefs.loaded && !prefs.emailAvailable
        implicitHeight: visible ? noEmailText.implicitHeight + 2 * Theme.unit : 0
        radius: Theme.radius
        color: Theme.warningTint
        border.color: Theme.warningBorder
        Accessible.role: Accessible.StaticText
        Accessible.name: noEmailText.text
        Label {
            id: noEmailText
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
            text: qsTr("This server does not send email: notifications show in the app only. What you choose here is kept in case it starts to.")
            wrapMode: Text.Wrap
            color: Theme.text
        }
    }
    Label {
        objectName: "emailAddressText"
        Layout.fillWidth: true
        visible: prefs.loaded && prefs.emailAvailable
        text: qsTr("Emails go to %1").arg(prefs.emailAddress.replace("@", "@\u200b"))
        wrapMode: Text.Wrap
        color: Theme.text
    }

    ErrorSummary {
        objectName: "notificationSettingsErrors"
        Layout.fillWidth: true
        flickable: card.flickable
        errors: prefs.fieldErrors
        message: prefs.loaded ? prefs.errorMessage : ""
        fields: [{ key: "quietFrom", item: fromSelect }, { key: "quietTo", item: toSelect }]
    }

    Repeater {
        model: prefs.loaded ? prefs.groups : []
        // qmllint disable unqualified
        delegate: ColumnLayout {
            id: group
            required property var modelData
            objectName: "notificationGroup-" + modelData.key
            Layout.fillWidth: true
            spacing: 0

            Label {
                Layout.fillWidth: true
                Layout.bottomMargin: Theme.unit / 2
                text: group.modelData.title
                font.pixelSize: Theme.subtitleSize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }
            Repeater {
                model: group.modelData.kinds
                delegate: CheckOption {
                    required property var modelData
                    objectName: "emailCheck-" + modelData.kind
                    Layout.fillWidth: true
                    text: modelData.label
                    checked: prefs.emailKinds.indexOf(modelData.kind) >= 0
                    Accessible.name: qsTr("%1: also by email").arg(text)
                    onToggled: prefs.setEmail(modelData.kind, checked)
                }
            }
        }
        // qmllint enable unqualified
    }

    // Quiet hours.
    ColumnLayout {
        objectName: "quietHours"
        Layout.fillWidth: true
        visible: prefs.loaded
        spacing: Theme.unit

        Label {
            Layout.fillWidth: true
            text: qsTr("Quiet hours")
            font.pixelSize: Theme.subtitleSize
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("No email between these times. What comes then is emailed when they end, except about a safeguarding concern, which is never held back.")
            color: Theme.secondaryText
            wrapMode: Text.Wrap
        }
        CheckOption {
            objectName: "quietHoursCheck"
            Layout.fillWidth: true
            text: qsTr("No email at night")
            checked: prefs.quietHours
            onToggled: prefs.quietHours = checked
        }
        GridLayout {
            Layout.fillWidth: true
            visible: prefs.quietHours
            columns: card.width < 420 ? 1 : 2
            columnSpacing: 2 * Theme.unit
            rowSpacing: Theme.unit

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.unit / 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("From")
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                FieldError { text: prefs.fieldErrors["quietFrom"] || "" }
                KeyedSelect {
                    id: fromSelect
                    objectName: "quietFromSelect"
                    Layout.fillWidth: true
                    options: prefs.timeOptions
                    key: prefs.quietFrom
                    Accessible.name: qsTr("Quiet hours from %1").arg(displayText)
                    onPicked: chosen => prefs.quietFrom = chosen
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.unit / 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("To")
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                FieldError { text: prefs.fieldErrors["quietTo"] || "" }
                KeyedSelect {
                    id: toSelect
                    objectName: "quietToSelect"
                    Layout.fillWidth: true
                    options: prefs.timeOptions
                    key: prefs.quietTo
                    Accessible.name: qsTr("Quiet hours to %1").arg(displayText)
                    onPicked: chosen => prefs.quietTo = chosen
                }
            }
        }
    }

    ErrorBanner {
        objectName: "notificationSettingsNotice"
        Layout.fillWidth: true
        tone: "success"
        text: card.notice
        onDismissed: card.notice = ""
    }
    PrimaryButton {
        objectName: "saveNotificationSettings"
        visible: prefs.loaded
        text: prefs.busy ? qsTr("Saving\u2026") : qsTr("Save notification settings")
        enabled: !prefs.busy
        onClicked: {
            card.notice = "";
            prefs.save();
        }
    }
}
