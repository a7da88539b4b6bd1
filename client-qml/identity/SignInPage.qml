import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Email and password; the server's address is the build's default, changed
// under "Advanced settings". Enter in any field signs in.
Page {
    id: page

    /// Phone layout: the window, not this page, decides.
    readonly property bool compact: Window.width < Theme.compactWidth
    /// A brand panel beside the form when there is room for it.
    readonly property bool wide: width >= 900

    /// Whether the advanced settings (the server's address) are open.
    property bool advancedOpen: false

    function submit() {
        Session.signIn(addressField.text, emailField.text, passwordField.text);
    }

    objectName: "signInPage"
    background: Rectangle { color: page.compact ? Theme.surface : Theme.background }

    // Brand panel (wide windows) or band (narrow ones).
    Rectangle {
        id: brand
        color: Theme.primaryFill
        x: 0
        y: 0
        width: page.wide ? Math.round(page.width * 0.42) : page.width
        height: page.wide ? page.height : Math.max(page.compact ? 176 : 200, brandText.implicitHeight + 6 * Theme.unit)

        ColumnLayout {
            id: brandText
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      leftMargin: page.wide ? 8 * Theme.unit : 3 * Theme.unit
                      rightMargin: page.wide ? 8 * Theme.unit : 3 * Theme.unit }
            spacing: Theme.unit

            Label {
                text: qsTr("Tandem")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.scaled(page.wide ? 48 : 36)
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Coaching and mentoring for health and social care staff")
                color: Theme.textOnPrimary
                wrapMode: Text.Wrap
                font.pixelSize: page.wide ? Theme.titleSize : Theme.subtitleSize
            }
            Label {
                visible: page.wide
                Layout.fillWidth: true
                Layout.topMargin: 2 * Theme.unit
                text: qsTr("Find a coach or mentor, keep the record of each relationship, and keep what is said in coaching confidential.")
                color: Theme.textOnPrimary
                wrapMode: Text.Wrap
                font.pixelSize: Theme.bodySize + 1
                lineHeight: 1.3
            }
        }
    }

    Flickable {
        id: flick
        anchors {
            left: page.wide ? brand.right : parent.left
            right: parent.right
            top: page.wide ? parent.top : brand.bottom
            bottom: parent.bottom
        }
        contentWidth: width
        contentHeight: Math.max(height, card.height + 6 * Theme.unit)
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        Rectangle {
            id: card
            width: Math.min(flick.width - (page.compact ? 0 : 6 * Theme.unit), 440)
            height: form.implicitHeight + 2 * form.anchors.margins
            x: Math.round((flick.width - width) / 2)
            y: page.compact ? 0 : Math.max(3 * Theme.unit, Math.round((flick.height - height) / 2))
            radius: page.compact ? 0 : Theme.radius
            color: Theme.surface
            border.color: page.compact ? "transparent" : Theme.border

            ColumnLayout {
                id: form
                anchors { fill: parent; margins: page.compact ? 3 * Theme.unit : 4 * Theme.unit }
                spacing: 2 * Theme.unit

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Sign in")
                    font.pixelSize: Theme.headlineSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }

                FormField {
                    id: emailField
                    objectName: "emailField"
                    Layout.fillWidth: true
                    label: qsTr("Email address")
                    placeholderText: qsTr("name@nhs.net")
                    inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                    input.KeyNavigation.tab: passwordField.input
                    onAccepted: page.submit()
                }
                FormField {
                    id: passwordField
                    objectName: "passwordField"
                    Layout.fillWidth: true
                    label: qsTr("Password")
                    echoMode: TextInput.Password
                    revealable: true
                    input.KeyNavigation.tab: signInButton
                    onAccepted: page.submit()
                }

                ErrorBanner {
                    objectName: "signInError"
                    Layout.fillWidth: true
                    text: Session.errorMessage
                    onDismissed: Session.clearError()
                }

                PrimaryButton {
                    id: signInButton
                    objectName: "signInButton"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget + 8
                    enabled: !Session.busy
                    text: Session.busy ? qsTr("Signing in…") : qsTr("Sign in")
                    font.pixelSize: Theme.subtitleSize
                    Keys.onReturnPressed: page.submit()
                    Keys.onEnterPressed: page.submit()
                    onClicked: page.submit()
                }
                BusyIndicator {
                    objectName: "signInBusy"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.preferredWidth: Theme.touchTarget
                    visible: Session.busy
                    running: visible
                }
                // The organisation's server is built in; this changes it.
                TextButton {
                    objectName: "advancedSettingsButton"
                    Layout.alignment: Qt.AlignLeft
                    // Wraps at large text rather than widening the form.
                    Layout.maximumWidth: form.width
                    leftPadding: 0
                    text: page.advancedOpen ? qsTr("Hide advanced settings") : qsTr("Advanced settings")
                    Accessible.role: Accessible.Button
                    onClicked: page.advancedOpen = !page.advancedOpen
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: page.advancedOpen
                    spacing: Theme.unit
                    FormField {
                        id: addressField
                        objectName: "serverAddressField"
                        Layout.fillWidth: true
                        label: qsTr("Server")
                        helperText: qsTr("Only change this if your programme coordinator asks you to.")
                        text: Session.serverAddress
                        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                        onAccepted: page.submit()
                    }
                    TextButton {
                        objectName: "resetServerButton"
                        Layout.maximumWidth: form.width
                        visible: addressField.text !== AppSettings.defaultServerAddress
                        leftPadding: 0
                        text: qsTr("Use the standard server")
                        onClicked: addressField.text = AppSettings.defaultServerAddress
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Forgotten your password? Ask your programme coordinator for a new temporary one.")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize
                    color: Theme.secondaryText
                }
            }
        }
    }

    Component.onCompleted: emailField.input.forceActiveFocus()
}
