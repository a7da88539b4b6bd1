import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: one pool member. Verify qualifications against their
// evidence, approve or decline an application (with a reason the applicant
// sees), and pause, remove or reinstate an approved member.
Page {
    id: page

    property double accountId: 0
    property SpecialismListModel taxonomy
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias detail: profileDetail
    readonly property string status: profileDetail.profile.status || ""
    property string notice

    signal back()

    /// What to check before approving, by what the applicant offers:
    /// coaches need a verified coaching qualification to be listed, mentors
    /// no formal qualification at all.
    function appliedHint(kind: string): string {
        switch (kind) {
        case "coach":
            return qsTr("Waiting for your review. Verify the qualifications first: coaches are listed only with a verified coaching qualification.");
        case "mentor":
            return qsTr("Waiting for your review. Mentors need no formal qualification: check their experience, then approve. They are listed for mentoring once approved.");
        case "coach_and_mentor":
            return qsTr("Waiting for your review. Once approved they are listed for mentoring; for coaching only with a verified coaching qualification, so verify it first.");
        }
        return qsTr("Waiting for your review.");
    }
    /// The member's status or qualifications changed.
    signal changed()

    objectName: "reviewPage"
    background: Rectangle { color: Theme.background }

    ProfileDetail {
        id: profileDetail
        accountId: page.accountId
        onChanged: message => {
            page.notice = message;
            page.changed();
        }
        onErrorMessageChanged: {
            if (errorMessage.length > 0)
                page.notice = "";
        }
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
                objectName: "reviewBackButton"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back to the pool")
                onClicked: page.back()
            }
            BusyIndicator {
                visible: profileDetail.loading
                running: visible
            }

            ColumnLayout {
                visible: profileDetail.exists
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    objectName: "reviewName"
                    Layout.fillWidth: true
                    text: profileDetail.profile.displayName || ""
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: profileDetail.profile.headline || ""
                    font.pixelSize: Theme.subtitleSize
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: [profileDetail.profile.kindLabel, profileDetail.profile.organisationName,
                           profileDetail.profile.contactEmail].filter(s => !!s).join("  \u00b7  ")
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            ErrorBanner {
                objectName: "reviewError"
                Layout.fillWidth: true
                text: profileDetail.errorMessage
                onDismissed: profileDetail.clearError()
            }
            ErrorBanner {
                objectName: "reviewNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }

            // Where they stand, and what the coordinator can do about it.
            SectionCard {
                objectName: "reviewStatusCard"
                visible: profileDetail.exists
                Layout.fillWidth: true
                title: qsTr("Pool status: %1").arg(profileDetail.profile.statusLabel || "")
                subtitle: page.status === "applied"
                          ? page.appliedHint(profileDetail.profile.kind || "")
                          : page.status === "approved"
                            ? (profileDetail.profile.listed ? qsTr("Listed: people looking for support can find them.")
                                                            : qsTr("Not listed: %1.").arg(profileDetail.profile.unlistedReason))
                            : page.status === "declined" ? qsTr("Declined: %1").arg(profileDetail.profile.declineReason)
                            : qsTr("Not listed.")

                LabelledValue {
                    Layout.fillWidth: true
                    label: qsTr("Capacity")
                    value: qsTr("%1 of %2 places taken").arg(profileDetail.profile.currentLoad || 0)
                                                        .arg(profileDetail.profile.capacity || 0)
                }
                LabelledValue {
                    Layout.fillWidth: true
                    label: qsTr("Last supervision")
                    value: profileDetail.profile.lastSupervisionLabel || ""
                }

                // Applied: approve, or decline with a reason.
                ColumnLayout {
                    visible: page.status === "applied"
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    PrimaryButton {
                        objectName: "approveButton"
                        enabled: !profileDetail.busy
                        text: qsTr("Approve")
                        onClicked: profileDetail.approve()
                    }
                    FormField {
                        id: declineReason
                        objectName: "declineReasonField"
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.unit
                        label: qsTr("Or decline, saying why")
                        helperText: qsTr("The applicant sees this. At least 5 characters.")
                    }
                    SecondaryButton {
                        objectName: "declineButton"
                        enabled: !profileDetail.busy
                        text: qsTr("Decline")
                        onClicked: profileDetail.decline(declineReason.text)
                    }
                }

                // Approved: pause or remove. Paused or removed: reinstate.
                Flow {
                    visible: page.status === "approved" || page.status === "paused" || page.status === "removed"
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    SecondaryButton {
                        objectName: "pauseButton"
                        visible: page.status === "approved"
                        enabled: !profileDetail.busy
                        text: qsTr("Pause")
                        onClicked: profileDetail.setPoolStatus("paused")
                    }
                    SecondaryButton {
                        objectName: "removeButton"
                        visible: page.status === "approved" || page.status === "paused"
                        enabled: !profileDetail.busy
                        text: qsTr("Remove from pool")
                        onClicked: profileDetail.setPoolStatus("removed")
                    }
                    PrimaryButton {
                        objectName: "reinstateButton"
                        visible: page.status === "paused" || page.status === "removed"
                        enabled: !profileDetail.busy
                        text: qsTr("Reinstate")
                        onClicked: profileDetail.setPoolStatus("approved")
                    }
                }
            }

            ProfileView {
                visible: profileDetail.exists
                Layout.fillWidth: true
                profile: profileDetail.profile
                taxonomy: page.taxonomy
                reviewing: true
                busy: profileDetail.busy
                onVerifyRequested: (id, verified) => profileDetail.verifyQualification(id, verified)
            }
        }
    }
}
