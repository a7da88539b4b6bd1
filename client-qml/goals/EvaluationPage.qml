import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The end evaluation, once the relationship has ended: the coachee's final
// rating and outcome for each goal, then the programme's questions (the
// coach or mentor answers theirs only). Never required; can be answered
// late. Kept on the device first and sent from there; kept as a draft as
// the person types.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: evaluationForm
    property bool isCoachee: false

    signal back()
    signal saved(string summary)
    signal queued(string summary)

    /// `plan` is the relationship's GoalPlan.
    function start(relationship: var, plan: GoalPlan) {
        isCoachee = relationship.isCoachee === true;
        const goals = isCoachee ? plan.goals.filter(goal => goal.state !== "dropped") : [];
        evaluationForm.start(relationship, plan.questions, goals);
        flick.contentY = 0;
    }

    objectName: "evaluationPage"
    background: Rectangle { color: Theme.background }

    EvaluationForm {
        id: evaluationForm
        objectName: "evaluationForm"
        onSubmitted: summary => page.saved(summary)
        onQueued: (key, summary) => page.queued(summary)
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
            width: Math.min(flick.width - 2 * page.margin, 700)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "evaluationBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                enabled: !evaluationForm.busy
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                text: evaluationForm.kind === "mentoring" ? qsTr("How did mentoring go?") : qsTr("How did coaching go?")
                font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Your answers help the programme improve. %1 sees that you answered, not what you said. Coordinators see only figures, and written answers only if you choose to share them without your name.").arg(evaluationForm.otherName)
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            ErrorSummary {
                objectName: "evaluationErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: evaluationForm.fieldErrors
                message: evaluationForm.errorMessage
            }
            GridLayout {
                Layout.fillWidth: true
                visible: evaluationForm.restoredFromDraft
                columns: page.compact && Theme.textScale > 1 ? 1 : 2
                columnSpacing: Theme.unit
                rowSpacing: 0
                Label {
                    Layout.fillWidth: true
                    text: qsTr("This is what you typed before; it was kept on this device.")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.warningText
                }
                TextButton {
                    text: qsTr("Start again")
                    onClicked: evaluationForm.discardDraft()
                }
            }
            SectionCard {
                Layout.fillWidth: true
                visible: evaluationForm.goals.length > 0
                title: qsTr("Your goals")
                subtitle: qsTr("Where did you end up with each goal, from 0 to 10, and how did it turn out?")
                Repeater {
                    model: evaluationForm.goals
                    // qmllint disable unqualified
                    delegate: ColumnLayout {
                        id: goalBlock
                        required property var modelData
                        required property int index
                        readonly property var result: evaluationForm.results[String(modelData.id)] || ({})
                        Layout.fillWidth: true
                        spacing: Theme.unit / 2
                        Label {
                            Layout.fillWidth: true
                            text: goalBlock.modelData.what
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.subtitleSize
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        FieldError { Layout.fillWidth: true; text: evaluationForm.fieldErrors["goal-" + goalBlock.modelData.id] || "" }
                        RadioChoice {
                            Layout.fillWidth: true
                            label: qsTr("Where did you end up?")
                            hint: goalBlock.modelData.latestRating >= 0 ? qsTr("Last time: %1 out of 10").arg(goalBlock.modelData.latestRating) : ""
                            inline: true
                            namePrefix: "evaluationRating-" + goalBlock.index + "-"
                            options: Goals.options("rating")
                            key: goalBlock.result.rating !== undefined && goalBlock.result.rating >= 0 ? String(goalBlock.result.rating) : ""
                            onPicked: key => evaluationForm.setGoalRating(goalBlock.modelData.id, parseInt(key))
                        }
                        RadioChoice {
                            Layout.fillWidth: true
                            label: qsTr("How did it turn out?")
                            namePrefix: "evaluationOutcome-" + goalBlock.index + "-"
                            options: Goals.options("outcome")
                            key: goalBlock.result.outcome || ""
                            onPicked: key => evaluationForm.setGoalOutcome(goalBlock.modelData.id, key)
                        }
                    }
                    // qmllint enable unqualified
                }
            }
            SectionCard {
                Layout.fillWidth: true
                visible: evaluationForm.questions.length > 0
                title: qsTr("About the programme")
                Repeater {
                    model: evaluationForm.questions
                    // qmllint disable unqualified
                    delegate: QuestionInput {
                        required property var modelData
                        required property int index
                        readonly property var answer: evaluationForm.answers[index] || ({})
                        Layout.fillWidth: true
                        question: modelData
                        number: index + 1
                        choice: answer.choice || 0
                        text: answer.text || ""
                        share: answer.share === true
                        canShare: page.isCoachee
                        error: evaluationForm.fieldErrors["question-" + index] || ""
                        namePrefix: "evaluationQuestion-" + index + "-"
                        onChose: choice => evaluationForm.setChoice(index, choice)
                        onEdited: text => evaluationForm.setText(index, text)
                        onShared: share => evaluationForm.setShare(index, share)
                    }
                    // qmllint enable unqualified
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "submitEvaluationButton"
                    Layout.fillWidth: page.compact
                    enabled: !evaluationForm.busy
                    text: evaluationForm.busy ? qsTr("Sending…") : qsTr("Send my answers")
                    onClicked: evaluationForm.submit()
                }
                BusyIndicator {
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                    visible: evaluationForm.busy
                    running: visible
                }
            }
        }
    }
}
