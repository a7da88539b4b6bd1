import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The signed-in person's details, their optional answers about their work,
// a new password, the display settings, and signing out.
Page {
    id: page

    /// Phone layout: the window, not this page, decides.
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit

    /// Opens the optional questions about the person's work.
    signal declarationRequested()

    objectName: "accountPage"
    title: qsTr("Account")
    background: Rectangle { color: Theme.background }

    Flickable {
        id: flick
        objectName: "accountFlick"
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content
            width: Math.min(flick.width - 2 * page.margin, 720)
            x: page.margin
            y: page.margin
            spacing: 3 * Theme.unit

            Label {
                visible: !page.compact
                text: qsTr("Your account")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }

            SectionCard {
                objectName: "accountDetails"
                Layout.fillWidth: true
                title: qsTr("Details")

                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 3 * Theme.unit
                    rowSpacing: page.compact ? 2 : Theme.unit

                    Label { text: qsTr("Name"); color: Theme.secondaryText }
                    Label {
                        objectName: "accountName"
                        Layout.fillWidth: true
                        Layout.bottomMargin: page.compact ? Theme.unit : 0
                        text: Session.displayName
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    Label { text: qsTr("Email"); color: Theme.secondaryText }
                    Label {
                        Layout.fillWidth: true
                        Layout.bottomMargin: page.compact ? Theme.unit : 0
                        text: Session.email
                        wrapMode: Text.WrapAnywhere
                        color: Theme.text
                    }
                    Label { text: qsTr("Organisation"); color: Theme.secondaryText }
                    Label {
                        Layout.fillWidth: true
                        Layout.bottomMargin: page.compact ? Theme.unit : 0
                        text: Session.organisationName
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    Label { text: qsTr("Roles"); color: Theme.secondaryText }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        Repeater {
                            model: Session.roles
                            delegate: RoleChip {
                                required property string modelData
                                roleKey: modelData
                            }
                        }
                    }
                    Label {
                        visible: Session.isCoordinator
                        text: qsTr("Coordinating")
                        color: Theme.secondaryText
                    }
                    Label {
                        visible: Session.isCoordinator
                        Layout.fillWidth: true
                        text: Session.coordinatedOrganisationSummary
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                }
            }

            DeclarationSummaryCard {
                Layout.fillWidth: true
                compact: page.compact
                onOpenRequested: page.declarationRequested()
            }

            NotificationSettingsCard {
                Layout.fillWidth: true
                flickable: flick
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Change password")
                subtitle: qsTr("Your other signed-in devices will be signed out.")

                ErrorBanner {
                    id: passwordNotice
                    Layout.fillWidth: true
                    tone: "success"
                    onDismissed: text = ""
                }
                ChangePasswordForm {
                    Layout.fillWidth: true
                    onChanged: passwordNotice.text = qsTr("Your password has been changed.")
                }
            }

            SectionCard {
                Layout.fillWidth: true
                objectName: "displaySettings"
                title: qsTr("Display")
                subtitle: qsTr("How Tandem looks on this device.")

                RadioChoice {
                    objectName: "textSizeChoice"
                    Layout.fillWidth: true
                    label: qsTr("Text size")
                    options: [{ key: "1", label: qsTr("Standard") },
                              { key: "1.25", label: qsTr("Large (125%)") },
                              { key: "1.5", label: qsTr("Larger (150%)") },
                              { key: "1.75", label: qsTr("Very large (175%)") },
                              { key: "2", label: qsTr("Largest (200%)") }]
                    key: String(AppSettings.textScale)
                    onPicked: chosen => AppSettings.textScale = Number(chosen)
                }
                Switch {
                    id: darkSwitch
                    objectName: "darkThemeSwitch"
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight)
                    text: qsTr("Dark theme")
                    font.pixelSize: Theme.bodySize
                    checked: AppSettings.darkTheme
                    Accessible.name: text
                    onToggled: AppSettings.darkTheme = checked
                    contentItem: Label {
                        leftPadding: darkSwitch.indicator.width + Theme.unit
                        text: darkSwitch.text
                        font: darkSwitch.font
                        color: Theme.text
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Sign out")
                subtitle: qsTr("Sign out when you have finished, especially on a shared computer.")

                SignOutButton {
                    Layout.fillWidth: true
                    flickable: flick
                }
            }
        }
    }
}
