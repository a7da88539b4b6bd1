import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A coach's or mentor's public profile, opened from Find.
Page {
    id: page

    property double accountId: 0
    property SpecialismListModel taxonomy
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias detail: profileDetail

    signal back()

    objectName: "profilePage"
    background: Rectangle { color: Theme.background }

    ProfileDetail {
        id: profileDetail
        accountId: page.accountId
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin + Math.max(0, (flick.width - 2 * page.margin - width) / 2)
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, Theme.contentMaxWidth)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "profileBackButton"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back to results")
                onClicked: page.back()
            }
            BusyIndicator {
                visible: profileDetail.loading
                running: visible
            }
            ErrorBanner {
                Layout.fillWidth: true
                text: profileDetail.errorMessage
                onDismissed: profileDetail.clearError()
            }

            // Who they are.
            ColumnLayout {
                visible: profileDetail.exists
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    objectName: "profileName"
                    Layout.fillWidth: true
                    text: profileDetail.profile.displayName || ""
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "profileHeadline"
                    Layout.fillWidth: true
                    text: profileDetail.profile.headline || ""
                    font.pixelSize: Theme.subtitleSize
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                Flow {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.unit / 2
                    spacing: Theme.unit / 2
                    InfoChip {
                        text: profileDetail.profile.kindLabel || ""
                        color: Theme.roleColor(profileDetail.profile.kind === "mentor" ? "mentor" : "coach")
                        strong: true
                    }
                    InfoChip {
                        text: profileDetail.profile.organisationName || ""
                    }
                    InfoChip {
                        objectName: "profileAccepting"
                        text: profileDetail.profile.accepting ? qsTr("Accepting new people") : qsTr("Full")
                        color: profileDetail.profile.accepting ? Theme.successTint : "#ECEFF1"
                        textColor: profileDetail.profile.accepting ? Theme.success : Theme.secondaryText
                        strong: true
                    }
                }
            }

            ProfileView {
                visible: profileDetail.exists
                Layout.fillWidth: true
                profile: profileDetail.profile
                taxonomy: page.taxonomy
            }
        }
    }
}
