import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One relationship: who with, the contract and each party's agreement,
// sessions to come (propose, accept, move, cancel, add to a calendar),
// sessions recorded, the actions agreed, the history, and completing or
// ending it. Every change is kept on the device first and sent from there:
// what has not reached the server yet shows at the top ("Waiting to sync:
// you agreed to the contract") and in the session it is about. Each card is
// its own component (components/Relationship*.qml); this page holds the
// models, lays the cards out and passes on what they ask for.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    property double relationshipId: 0
    /// Shows a "back to the list" button (phones).
    property bool showBack: compact
    readonly property alias detail: detailModel
    readonly property alias proposal: proposalForm
    /// The relationship's goals, reviews and evaluation.
    readonly property alias goals: goalPlan
    readonly property var relationship: detailModel.relationship
    readonly property bool isMember: relationship.isMember === true
    readonly property bool isCoachee: relationship.isCoachee === true
    readonly property bool contracting: relationship.state === "contracting"
    readonly property bool active: relationship.state === "active"
    readonly property bool open: relationship.open === true
    /// Kinds (WriteKind) of this relationship's changes kept on the device, not sent yet.
    readonly property var pendingKinds: detailModel.pendingWriteKinds
    /// The person agreed here; the server has not had it yet.
    readonly property bool agreementWaiting: hasPending(WriteKind.AgreeContract) && relationship.youAgreed !== true
    readonly property bool needsYou: relationship.needsYou === true && !agreementWaiting
    property string notice
    property string errorText
    /// The proposal form is open.
    property alias proposing: upcomingCard.proposing
    /// The form for ending early is open.
    property alias ending: endCard.ending

    signal back()
    /// Opens the terms form: setting them, or reviewing an active contract.
    signal termsRequested(var relationship, bool review)
    /// Opens the record form, of `session` (a map) or of an unscheduled meeting.
    signal recordRequested(var relationship, var session)
    /// The relationship changed here (for the list beside it).
    signal relationshipUpdated(var relationship)
    /// Opens the goal form: adding one (goal null) or rewording `goal`.
    signal goalFormRequested(var relationship, var goal)
    /// Opens one goal with its history.
    signal goalRequested(var relationship, var goal)
    signal reviewRequested(var relationship)
    signal evaluationRequested(var relationship)
    signal followUpRequested(var relationship)

    function showNotice(message: string) {
        errorText = "";
        notice = message;
        flick.contentY = 0;
    }
    function hasPending(kind: int): bool {
        return pendingKinds.indexOf(kind) >= 0;
    }
    /// Opens a queued proposal the server refused, to correct it.
    function editProposal(key: string): bool {
        if (!proposalForm.editQueued(key, relationship))
            return false;
        proposing = true;
        return true;
    }

    objectName: "relationshipDetailPage"
    background: Rectangle { color: Theme.background }

    RelationshipDetail {
        id: detailModel
        objectName: "relationshipDetail"
        relationshipId: page.relationshipId
        onErrorOccurred: message => {
            page.notice = "";
            page.errorText = message;
        }
        onChanged: message => {
            page.showNotice(message);
            page.relationshipUpdated(detailModel.relationship);
        }
    }
    GoalPlan {
        id: goalPlan
        objectName: "goalPlan"
        relationshipId: page.relationshipId
        onChanged: message => page.showNotice(message)
        onErrorOccurred: message => {
            page.notice = "";
            page.errorText = message;
        }
    }
    // A change of state (agreed, completed, ended) changes what is due.
    Connections {
        target: detailModel
        property string lastState
        function onRelationshipChanged() {
            const state = detailModel.relationship.state || "";
            if (state !== lastState) {
                lastState = state;
                goalPlan.reload();
            }
        }
    }
    SessionProposalForm {
        id: proposalForm
        objectName: "proposalForm"
        onSubmitted: {
            page.proposing = false;
            page.showNotice(qsTr("Session proposed. %1 will see it and can accept it.").arg(page.relationship.otherName));
            detailModel.reload();
        }
        onQueued: {
            page.proposing = false;
            page.showNotice(qsTr("Saved on this device. The proposal is sent as soon as the server can be reached."));
        }
    }
    SpecialismListModel {
        id: specialismModel
    }

    Flickable {
        id: flick
        objectName: "relationshipDetailFlick"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 760)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "relationshipBack"
                visible: page.showBack
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 All relationships")
                onClicked: page.back()
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: detailModel.loading && !detailModel.exists
                running: visible
            }

            // Who with, and what needs doing.
            RelationshipHeader {
                Layout.fillWidth: true
                visible: detailModel.exists
                relationship: page.relationship
                compact: page.compact
                needsYou: page.needsYou
                agreementWaiting: page.agreementWaiting
            }

            // Changes kept on this device that the server has not had yet.
            RelationshipPendingBox {
                Layout.fillWidth: true
                visible: detailModel.exists && detailModel.pending.length > 0
                changes: detailModel.pending
            }

            Label {
                objectName: "relationshipOffline"
                Layout.fillWidth: true
                visible: detailModel.offline
                text: qsTr("You are offline: this is what this device knows. Sessions show again once the server can be reached.")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize + 1
                color: Theme.warningText
            }
            ErrorBanner {
                objectName: "relationshipError"
                Layout.fillWidth: true
                text: page.errorText
                onDismissed: page.errorText = ""
            }
            ErrorBanner {
                objectName: "relationshipNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }

            // The record of a session, for the coach or mentor.
            PrimaryButton {
                objectName: "detailRecordButton"
                Layout.fillWidth: page.compact
                visible: detailModel.exists && page.isMember && page.open
                text: qsTr("Record a session")
                onClicked: page.recordRequested(page.relationship, null)
            }

            RelationshipContractCard {
                Layout.fillWidth: true
                visible: detailModel.exists
                detail: detailModel
                relationship: page.relationship
                compact: page.compact
                isMember: page.isMember
                isCoachee: page.isCoachee
                contracting: page.contracting
                active: page.active
                agreementWaiting: page.agreementWaiting
                agreementPending: page.hasPending(WriteKind.AgreeContract)
                needsGoal: page.isCoachee && page.relationship.kind !== "mentoring" && goalPlan.loaded
                           && goalPlan.openGoalCount === 0 && !page.hasPending(WriteKind.AddGoal)
                onTermsRequested: review => page.termsRequested(page.relationship, review)
                onGoalRequested: page.goalFormRequested(page.relationship, null)
            }

            GoalsCard {
                Layout.fillWidth: true
                visible: detailModel.exists
                plan: goalPlan
                relationship: page.relationship
                compact: page.compact
                isCoachee: page.isCoachee
                isMember: page.isMember
                onAddRequested: page.goalFormRequested(page.relationship, null)
                onGoalRequested: goal => page.goalRequested(page.relationship, goal)
                onReviewRequested: page.reviewRequested(page.relationship)
                onEvaluationRequested: page.evaluationRequested(page.relationship)
                onFollowUpRequested: page.followUpRequested(page.relationship)
            }

            RelationshipActionsCard {
                Layout.fillWidth: true
                visible: detailModel.exists && detailModel.sharedActions.length > 0
                actions: detailModel.sharedActions
                isCoachee: page.isCoachee
                otherName: page.relationship.otherName || ""
            }

            RelationshipUpcomingCard {
                id: upcomingCard
                Layout.fillWidth: true
                visible: detailModel.exists && (page.open || detailModel.upcoming.length > 0)
                detail: detailModel
                form: proposalForm
                relationship: page.relationship
                compact: page.compact
                open: page.open
                proposalPending: page.hasPending(WriteKind.ProposeSession)
                onRecordRequested: session => page.recordRequested(page.relationship, session)
            }

            RelationshipPastCard {
                Layout.fillWidth: true
                visible: detailModel.exists && detailModel.past.length > 0
                sessions: detailModel.past
                heldCount: detailModel.heldCount
                relationship: page.relationship
                taxonomy: specialismModel
            }

            RelationshipHistoryCard {
                Layout.fillWidth: true
                visible: detailModel.exists
                relationship: page.relationship
            }

            RelationshipEndCard {
                id: endCard
                Layout.fillWidth: true
                visible: detailModel.exists && page.open && (page.isMember || page.isCoachee)
                         && !page.hasPending(WriteKind.EndRelationship) && !page.hasPending(WriteKind.CompleteRelationship)
                detail: detailModel
                relationship: page.relationship
                isMember: page.isMember
                active: page.active
            }
        }
    }
}
