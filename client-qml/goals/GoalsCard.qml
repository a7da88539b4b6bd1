import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The goals of a relationship on its page: each goal with where it stands
// now and a small chart from the start through the reviews, what is due,
// the reviews with the coach's or mentor's comments, and the way to the
// review, the evaluation and the follow-up. A coaching contract needs a
// goal before the coachee can agree to it; mentoring invites goals.
SectionCard {
    id: card

    required property GoalPlan plan
    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship
    required property bool compact
    required property bool isCoachee
    required property bool isMember
    readonly property bool coaching: relationship.kind !== "mentoring"
    readonly property bool open: relationship.state === "contracting" || relationship.state === "active"
    readonly property bool active: relationship.state === "active"
    readonly property string otherName: relationship.otherName || ""
    readonly property alias commentForm: commentForm
    /// The review whose comment box is open; 0 for none.
    property double commentingId: 0

    signal addRequested()
    signal goalRequested(var goal)
    signal reviewRequested()
    signal evaluationRequested()
    signal followUpRequested()

    objectName: "goalsCard"
    title: qsTr("Goals")
    subtitle: coaching
              ? qsTr("What the coaching is for: set at the start, reviewed half-way and looked at together at the end.")
              : qsTr("Goals are optional in mentoring, and they help you both see how far you have come. They are reviewed at the rhythm you agreed.")

    ReviewCommentForm {
        id: commentForm
        objectName: "reviewCommentForm"
        onSubmitted: {
            card.commentingId = 0;
            card.plan.changed(qsTr("Comment added. %1 sees it with the review.").arg(card.otherName));
        }
        onQueued: {
            card.commentingId = 0;
            card.plan.changed(qsTr("Saved on this device. Your comment is sent as soon as the server can be reached."));
        }
    }

    Label {
        objectName: "goalsUnavailable"
        Layout.fillWidth: true
        visible: card.plan.unavailable.length > 0
        text: card.plan.unavailable
        wrapMode: Text.Wrap
        color: Theme.secondaryText
    }
    Label {
        Layout.fillWidth: true
        visible: card.plan.offline
        text: qsTr("You are offline: these are the goals as this device last saw them.")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize + 1
        color: Theme.warningText
    }

    // Coaching: the coachee agrees the contract only once a goal is set.
    Rectangle {
        objectName: "goalsNeededNotice"
        Layout.fillWidth: true
        visible: card.coaching && card.relationship.state === "contracting" && card.plan.loaded
                 && card.plan.openGoalCount === 0
        implicitHeight: neededText.implicitHeight + 3 * Theme.unit
        radius: Theme.radius
        color: Theme.warningTint
        border.color: Theme.warningBorder
        Label {
            id: neededText
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      leftMargin: 1.5 * Theme.unit; rightMargin: 1.5 * Theme.unit }
            text: card.isCoachee
                  ? qsTr("Set at least one goal before you agree the contract: coaching works towards goals you choose. You can add more and change them later.")
                  : qsTr("%1 sets at least one goal before agreeing the contract. You can talk them through together at your first session.").arg(card.otherName)
            wrapMode: Text.Wrap
            color: Theme.text
        }
    }

    // What is due on this relationship and waits for the other person (the
    // caller's own have their buttons below).
    Repeater {
        model: card.plan.due
        // qmllint disable unqualified
        delegate: Label {
            required property var modelData
            Layout.fillWidth: true
            visible: !modelData.yours
            text: modelData.title
            wrapMode: Text.Wrap
            font.weight: Font.DemiBold
            color: modelData.yours ? Theme.warningText : Theme.secondaryText
        }
        // qmllint enable unqualified
    }

    Label {
        objectName: "goalsEmpty"
        Layout.fillWidth: true
        visible: card.plan.loaded && card.plan.goals.length === 0
        text: card.isCoachee
              ? (card.coaching ? qsTr("No goals yet. What would you like the coaching to help you achieve?")
                               : qsTr("No goals yet. Would you like to set one for your mentoring?"))
              : qsTr("No goals yet. %1 sets them, and you both see them here.").arg(card.otherName)
        wrapMode: Text.Wrap
        color: Theme.secondaryText
    }

    // Each goal.
    Repeater {
        model: card.plan.goals
        // qmllint disable unqualified
        delegate: Rectangle {
            id: goalBox
            required property var modelData
            required property int index
            objectName: "goalRow-" + index
            Layout.fillWidth: true
            implicitHeight: goalColumn.implicitHeight + 3 * Theme.unit
            radius: Theme.radius
            color: modelData.open ? Theme.surfaceSubtle : Theme.neutralTint
            border.color: Theme.border

            ColumnLayout {
                id: goalColumn
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 1.5 * Theme.unit }
                spacing: Theme.unit / 2
                Label {
                    Layout.fillWidth: true
                    text: goalBox.modelData.what
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.subtitleSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("How I will know: %1").arg(goalBox.modelData.measure)
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    InfoChip {
                        text: goalBox.modelData.outcomeLabel.length > 0 ? goalBox.modelData.outcomeLabel : goalBox.modelData.stateLabel
                        strong: !goalBox.modelData.open
                    }
                    InfoChip {
                        visible: goalBox.modelData.targetLabel.length > 0
                        text: qsTr("Target %1").arg(goalBox.modelData.targetLabel)
                    }
                }
                Label {
                    objectName: "goalLatest-" + goalBox.index
                    Layout.fillWidth: true
                    visible: goalBox.modelData.latestRating >= 0
                    text: qsTr("Now %1 out of 10").arg(goalBox.modelData.latestRating)
                    wrapMode: Text.Wrap
                    font.weight: Font.DemiBold
                    color: Theme.primaryDark
                }
                GoalProgressChart {
                    objectName: "goalChart-" + goalBox.index
                    visible: goalBox.modelData.ratings.length > 0
                    ratings: goalBox.modelData.ratings
                    summary: goalBox.modelData.progressLabel
                }
                TextButton {
                    objectName: "openGoal-" + goalBox.index
                    Layout.leftMargin: -Theme.unit
                    // Wraps at large text rather than widening the goal's box.
                    Layout.maximumWidth: goalColumn.width + Theme.unit
                    text: qsTr("See the goal and its history")
                    Accessible.name: qsTr("See the goal %1 and its history").arg(goalBox.modelData.what)
                    onClicked: card.goalRequested(goalBox.modelData)
                }
            }
        }
        // qmllint enable unqualified
    }

    // What can be done next: hidden as a whole when nothing can, so that
    // an empty row leaves no gap.
    Flow {
        id: actions

        readonly property bool canReview: card.isCoachee && card.active && card.plan.reviewDue && card.plan.openGoalCount > 0
        readonly property bool canAdd: card.isCoachee && card.open && card.plan.loaded
        readonly property bool canAsk: card.active && !card.plan.reviewDue && card.plan.openGoalCount > 0
        readonly property bool canEvaluate: card.plan.hasEvaluation && !card.plan.evaluated
        readonly property bool canFollowUp: card.isCoachee && card.plan.followUp.open === true

        Layout.fillWidth: true
        visible: canReview || canAdd || canAsk || canEvaluate || canFollowUp
        spacing: Theme.unit
        PrimaryButton {
            objectName: "startReviewButton"
            width: card.compact ? parent.width : implicitWidth
            visible: actions.canReview
            text: qsTr("Complete your goal review")
            onClicked: card.reviewRequested()
        }
        PrimaryButton {
            objectName: "addGoalButton"
            width: card.compact ? parent.width : implicitWidth
            visible: actions.canAdd && !actions.canReview
            text: card.plan.goals.length === 0 ? qsTr("Set a goal") : qsTr("Add a goal")
            onClicked: card.addRequested()
        }
        SecondaryButton {
            objectName: "addAnotherGoalButton"
            width: card.compact ? parent.width : implicitWidth
            visible: actions.canAdd && actions.canReview
            text: qsTr("Add a goal")
            onClicked: card.addRequested()
        }
        SecondaryButton {
            objectName: "requestReviewButton"
            width: card.compact ? parent.width : implicitWidth
            visible: actions.canAsk
            enabled: !card.plan.busy
            text: card.plan.busy ? qsTr("Sending…") : qsTr("Ask for a goal review")
            onClicked: card.plan.requestReview()
        }
        PrimaryButton {
            objectName: "startEvaluationButton"
            width: card.compact ? parent.width : implicitWidth
            visible: actions.canEvaluate
            text: card.coaching ? qsTr("Tell us how coaching went") : qsTr("Tell us how mentoring went")
            onClicked: card.evaluationRequested()
        }
        PrimaryButton {
            objectName: "startFollowUpButton"
            width: card.compact ? parent.width : implicitWidth
            visible: actions.canFollowUp
            text: qsTr("Answer the six-month follow-up")
            onClicked: card.followUpRequested()
        }
    }
    Label {
        objectName: "evaluationDone"
        Layout.fillWidth: true
        visible: card.plan.evaluated
        text: qsTr("You answered the evaluation on %1. Thank you.").arg(card.plan.evaluatedLabel)
              + (card.plan.otherEvaluated ? " " + qsTr("%1 has answered theirs too.").arg(card.otherName) : "")
        wrapMode: Text.Wrap
        color: Theme.success
    }
    Label {
        Layout.fillWidth: true
        visible: card.isCoachee && card.plan.followUp.due === true && card.plan.followUp.open !== true
                 && card.plan.followUp.done !== true
        text: qsTr("We will ask you once more, around %1, whether the change has lasted.").arg(card.plan.followUp.dueLabel || "")
        wrapMode: Text.Wrap
        color: Theme.secondaryText
    }

    // The reviews, newest first.
    CaptionLabel {
        Layout.fillWidth: true
        Layout.topMargin: Theme.unit
        visible: card.plan.reviews.length > 0
        text: qsTr("Reviews")
        font.pixelSize: Theme.subtitleSize
    }
    Repeater {
        model: card.plan.reviews
        // qmllint disable unqualified
        delegate: ColumnLayout {
            id: reviewBox
            required property var modelData
            required property int index
            readonly property bool commenting: card.commentingId === modelData.id
            objectName: "reviewRow-" + index
            Layout.fillWidth: true
            spacing: Theme.unit / 2
            Rectangle {
                Layout.fillWidth: true
                height: 1
                color: Theme.border
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("%1, %2").arg(reviewBox.modelData.occasionLabel || qsTr("Review")).arg(reviewBox.modelData.dateLabel)
                wrapMode: Text.Wrap
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Repeater {
                model: reviewBox.modelData.ratings
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: qsTr("%1: %2 out of 10").arg(modelData.what).arg(modelData.rating)
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("What has helped")
                value: reviewBox.modelData.helped
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("What next")
                value: reviewBox.modelData.next
            }
            LabelledValue {
                objectName: "reviewComment-" + reviewBox.index
                Layout.fillWidth: true
                label: card.isMember ? qsTr("Your comment") : qsTr("Comment from %1").arg(card.otherName)
                value: reviewBox.modelData.comment
            }
            TextButton {
                objectName: "commentButton-" + reviewBox.index
                Layout.leftMargin: -Theme.unit
                visible: card.isMember && !reviewBox.commenting
                text: reviewBox.modelData.hasComment ? qsTr("Change your comment") : qsTr("Add a comment")
                onClicked: {
                    commentForm.start(card.relationship, reviewBox.modelData);
                    card.commentingId = reviewBox.modelData.id;
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                visible: reviewBox.commenting
                spacing: Theme.unit / 2
                CaptionLabel {
                    Layout.fillWidth: true
                    text: qsTr("Your comment, seen by %1").arg(card.otherName)
                }
                FieldError {
                    Layout.fillWidth: true
                    text: commentForm.fieldErrors.comment || commentForm.errorMessage
                }
                TextBox {
                    objectName: "commentField-" + reviewBox.index
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(96, implicitHeight)
                    wrapMode: TextEdit.Wrap
                    error: commentForm.fieldErrors.comment || ""
                    example: qsTr("For example: you have made real progress on delegating. Let's look at saying no next time.")
                    text: reviewBox.commenting ? commentForm.comment : ""
                    onTextChanged: if (reviewBox.commenting) commentForm.comment = text
                    Accessible.name: qsTr("Your comment")
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    PrimaryButton {
                        objectName: "sendCommentButton-" + reviewBox.index
                        width: card.compact ? parent.width : implicitWidth
                        enabled: !commentForm.busy
                        text: commentForm.busy ? qsTr("Sending…") : qsTr("Send the comment")
                        onClicked: commentForm.submit()
                    }
                    TextButton {
                        text: qsTr("Cancel")
                        onClicked: card.commentingId = 0
                    }
                }
            }
        }
        // qmllint enable unqualified
    }
}
