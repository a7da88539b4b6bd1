import QtQuick
import QtQuick.Layouts
import Tandem

// The contract: its terms, how often it was reviewed, each party's
// agreement and the line-manager answer; setting, changing or reviewing the
// terms (the coach or mentor); and, while contracting, agreeing to them.
SectionCard {
    id: card

    required property RelationshipDetail detail
    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship
    required property bool compact
    required property bool isMember
    required property bool isCoachee
    required property bool contracting
    required property bool active
    /// The person agreed on this device; the server has not had it yet.
    required property bool agreementWaiting
    /// An agreement to this contract is kept on the device, not sent yet.
    required property bool agreementPending
    readonly property string agreementWaitingLabel: qsTr("Agreed on this device, waiting to sync")

    /// Opens the terms form: setting them, or reviewing an active contract.
    /// Coaching: the coachee has no goal yet, so cannot agree.
    property bool needsGoal: false

    signal termsRequested(bool review)
    /// The coachee asks to set a goal (before agreeing).
    signal goalRequested()

    objectName: "contractCard"
    title: qsTr("Contract")
    subtitle: relationship.termsSet ? ""
              : !contracting ? qsTr("No terms were set.")
              : isMember ? qsTr("Agree the terms with %1 at your first session, then set them here.").arg(relationship.otherName)
              : qsTr("Your %1 sets the terms you agree at your first session.").arg(relationship.memberWord)

    ColumnLayout {
        Layout.fillWidth: true
        visible: card.relationship.termsSet === true
        spacing: Theme.unit
        LabelledValue {
            objectName: "termsSummary"
            Layout.fillWidth: true
            label: qsTr("Terms")
            value: card.relationship.termsSummary || ""
        }
        LabelledValue {
            Layout.fillWidth: true
            visible: (card.relationship.reviews || 0) > 0
            label: qsTr("Reviews")
            value: card.relationship.reviews === 1 ? qsTr("Reviewed once; see the history for why.")
                                                   : qsTr("Reviewed %1 times; see the history for why.").arg(card.relationship.reviews)
        }
        GridLayout {
            Layout.fillWidth: true
            columns: card.compact ? 1 : 2
            columnSpacing: 2 * Theme.unit
            rowSpacing: Theme.unit
            LabelledValue {
                objectName: "coacheeAgreement"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                label: qsTr("%1 (%2)").arg(card.relationship.coacheeName || "").arg(card.relationship.coacheeWord || "")
                value: card.agreementWaiting && card.isCoachee ? card.agreementWaitingLabel
                                                               : card.relationship.coacheeAgreedLabel || ""
            }
            LabelledValue {
                objectName: "memberAgreement"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                label: qsTr("%1 (%2)").arg(card.relationship.memberName || "").arg(card.relationship.memberWord || "")
                value: card.agreementWaiting && card.isMember ? card.agreementWaitingLabel
                                                              : card.relationship.memberAgreedLabel || ""
            }
        }
        LabelledValue {
            objectName: "lineManagerTold"
            Layout.fillWidth: true
            label: qsTr("Line manager told")
            value: card.relationship.lineManagerToldLabel || ""
        }
        HintLabel {
            Layout.fillWidth: true
            text: qsTr("Both agree to keep what is said confidential and to work to the EMCC Global Code of Ethics. Each agreement is time-stamped.")
        }
    }
    // One above another on a phone, where buttons are full width.
    GridLayout {
        Layout.fillWidth: true
        columns: Window.width < Theme.compactWidth ? 1 : 3
        columnSpacing: Theme.unit
        rowSpacing: Theme.unit
        visible: card.isMember && (card.contracting || (card.active && card.relationship.kind === "coaching"))
        PrimaryButton {
            objectName: "setTermsButton"
            visible: card.contracting && !card.relationship.termsSet
            text: qsTr("Set the terms")
            onClicked: card.termsRequested(false)
        }
        SecondaryButton {
            objectName: "changeTermsButton"
            visible: card.contracting && card.relationship.termsSet === true
            text: qsTr("Change the terms")
            onClicked: card.termsRequested(false)
        }
        SecondaryButton {
            objectName: "reviewContractButton"
            visible: card.active && card.relationship.kind === "coaching"
            text: qsTr("Review the contract")
            onClicked: card.termsRequested(true)
        }
    }

    // Agreeing, for each party in turn.
    RelationshipAgreeSection {
        Layout.fillWidth: true
        visible: card.contracting && card.relationship.termsSet === true && !card.relationship.youAgreed
                 && (card.isMember || card.isCoachee) && !card.agreementPending
        detail: card.detail
        relationship: card.relationship
        compact: card.compact
        isCoachee: card.isCoachee
        needsGoal: card.needsGoal
        onGoalRequested: card.goalRequested()
    }
}
