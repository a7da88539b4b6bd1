import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A coach's or mentor's public profile, opened from Find, with a way to ask
// them for support (not on one's own profile, nor for a coordinator looking
// at their own pool).
Page {
    id: page

    property double accountId: 0
    property SpecialismListModel taxonomy
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias detail: profileDetail
    readonly property var profile: profileDetail.profile
    readonly property string firstName: (profile.displayName || "").split(" ")[0]
    /// A coordinator looking at a member of an organisation they run.
    readonly property bool coordinatesMember: Session.isCoordinator
        && Session.coordinatedOrganisationIds.indexOf(profile.organisationId) >= 0
    readonly property bool canRequest: profileDetail.exists && page.accountId !== Session.accountId
                                       && !coordinatesMember
    /// What to ask this member for, in words.
    readonly property string supportWord: profile.kind === "coach" ? qsTr("coaching")
                                          : profile.kind === "mentor" ? qsTr("mentoring")
                                          : qsTr("coaching or mentoring")

    signal back()
    /// Asks this member for support; `accountId` 0 asks to be matched.
    signal requestSupport(double accountId, string displayName, string kind)

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
            x: page.margin
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
                        objectName: "profileMoreSenior"
                        visible: page.profile.moreSeniorThanYou === true
                        text: qsTr("More senior than you")
                        color: Theme.roleColor("mentor")
                        strong: true
                    }
                    InfoChip {
                        objectName: "profileAccepting"
                        text: profileDetail.profile.accepting ? qsTr("Accepting new people") : qsTr("Full")
                        color: profileDetail.profile.accepting ? Theme.successTint : Theme.neutralTint
                        textColor: profileDetail.profile.accepting ? Theme.success : Theme.secondaryText
                        strong: true
                    }
                }
            }

            // Asking them for support.
            SectionCard {
                objectName: "profileRequestSection"
                visible: page.canRequest
                Layout.fillWidth: true
                title: page.profile.accepting ? qsTr("Would %1 be right for you?").arg(page.firstName)
                                              : qsTr("%1 is not taking anyone new just now").arg(page.firstName)
                subtitle: page.profile.accepting
                          ? [qsTr("Ask them for %1: say what gap you would like it to fill, and they accept or decline.").arg(page.supportWord),
                             page.profile.usualAnswerLabel ? page.profile.usualAnswerLabel + "." : ""].filter(s => s.length > 0).join(" ")
                          : qsTr("They are %1. Ask to be matched instead, and we will suggest people who have room, with the reasons.")
                            .arg((page.profile.availabilityLabel || qsTr("full")).toLowerCase())
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    PrimaryButton {
                        objectName: "profileRequestButton"
                        visible: page.profile.accepting === true
                        text: qsTr("Ask %1 for %2").arg(page.firstName).arg(page.supportWord)
                        onClicked: page.requestSupport(page.accountId, page.profile.displayName, page.profile.kind)
                    }
                    SecondaryButton {
                        objectName: "profileAskMatchedButton"
                        visible: page.profile.accepting !== true
                        text: qsTr("Ask to be matched")
                        onClicked: page.requestSupport(0, "", "")
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
