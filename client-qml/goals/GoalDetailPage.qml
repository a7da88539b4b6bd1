import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One goal: its wording, how the coachee will know, its ratings as a
// chart and in words, its earlier wordings, and (the coachee, while it is
// open) rewording it, or marking it achieved or dropping it with a reason.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    required property GoalPlan plan
    property var relationship: ({})
    property double goalId: 0
    readonly property var goal: {
        plan.goals; // follows the plan
        return goalId > 0 ? plan.goal(goalId) : ({});
    }
    readonly property bool isCoachee: relationship.isCoachee === true
    readonly property bool canChange: isCoachee && goal.open === true
                                      && (relationship.state === "contracting" || relationship.state === "active")
    readonly property alias closeForm: closeGoalForm

    signal back()
    signal rewordRequested(var goal)
    signal closed(string summary)
    signal queued(string summary)

    function start(relationshipMap: var, goalMap: var) {
        relationship = relationshipMap;
        goalId = goalMap.id;
        closeGoalForm.start(relationshipMap, goalMap);
        flick.contentY = 0;
    }

    objectName: "goalDetailPage"
    background: Rectangle { color: Theme.background }

    CloseGoalForm {
        id: closeGoalForm
        objectName: "closeGoalForm"
        onSubmitted: summary => page.closed(summary)
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
                objectName: "goalDetailBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                onClicked: page.back()
            }
            Label {
                objectName: "goalDetailTitle"
                Layout.fillWidth: true
                text: page.goal.what || ""
                font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            ErrorSummary {
                Layout.fillWidth: true
                flickable: flick
                errors: closeGoalForm.fieldErrors
                message: closeGoalForm.errorMessage
                fields: [{ key: "state", item: stateChoice }, { key: "reason", item: reasonField }]
            }
            SectionCard {
                Layout.fillWidth: true
                LabelledValue { Layout.fillWidth: true; label: qsTr("How I will know"); value: page.goal.measure || "" }
                LabelledValue { Layout.fillWidth: true; label: qsTr("Target date"); value: page.goal.targetLabel || "" }
                LabelledValue {
                    Layout.fillWidth: true
                    label: qsTr("Where it stands")
                    value: page.goal.outcomeLabel ? page.goal.outcomeLabel : (page.goal.stateLabel || "")
                }
                LabelledValue { Layout.fillWidth: true; label: qsTr("Why it was dropped"); value: page.goal.closedReason || "" }
                CaptionLabel {
                    Layout.fillWidth: true
                    visible: (page.goal.ratings || []).length > 0
                    text: qsTr("Progress, out of 10")
                }
                GoalProgressChart {
                    objectName: "goalDetailChart"
                    visible: (page.goal.ratings || []).length > 0
                    ratings: page.goal.ratings || []
                    summary: page.goal.progressLabel || ""
                }
                Repeater {
                    model: page.goal.ratings || []
                    // qmllint disable unqualified
                    delegate: Label {
                        required property var modelData
                        Layout.fillWidth: true
                        text: qsTr("%1, %2: %3 out of 10").arg(modelData.label).arg(modelData.dateLabel).arg(modelData.rating)
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                    // qmllint enable unqualified
                }
            }
            SectionCard {
                Layout.fillWidth: true
                visible: (page.goal.earlier || []).length > 0
                title: qsTr("Earlier wordings")
                Repeater {
                    model: page.goal.earlier || []
                    // qmllint disable unqualified
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        Label { Layout.fillWidth: true; text: modelData.what; wrapMode: Text.Wrap; color: Theme.text; font.weight: Font.DemiBold }
                        Label { Layout.fillWidth: true; text: qsTr("How I would know: %1").arg(modelData.measure); wrapMode: Text.Wrap; color: Theme.secondaryText }
                        Label { Layout.fillWidth: true; text: qsTr("Changed on %1").arg(modelData.replacedLabel); wrapMode: Text.Wrap; color: Theme.secondaryText; font.pixelSize: Theme.smallSize }
                    }
                    // qmllint enable unqualified
                }
            }
            SectionCard {
                Layout.fillWidth: true
                visible: page.canChange
                title: qsTr("Change this goal")
                SecondaryButton {
                    objectName: "rewordGoalButton"
                    Layout.fillWidth: page.compact
                    text: qsTr("Reword the goal")
                    onClicked: page.rewordRequested(page.goal)
                }
                RadioChoice {
                    id: stateChoice
                    Layout.fillWidth: true
                    label: qsTr("Close the goal")
                    namePrefix: "closeGoal-"
                    options: Goals.options("closeGoal")
                    key: closeGoalForm.state
                    error: closeGoalForm.fieldErrors.state || ""
                    onPicked: key => closeGoalForm.state = key
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: closeGoalForm.state === "dropped"
                    spacing: Theme.unit / 2
                    CaptionLabel { Layout.fillWidth: true; text: qsTr("Why are you dropping it?") }
                    FieldError { Layout.fillWidth: true; text: closeGoalForm.fieldErrors.reason || "" }
                    TextBox {
                        id: reasonField
                        objectName: "dropReasonField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.max(72, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        error: closeGoalForm.fieldErrors.reason || ""
                        example: qsTr("For example: my role changed and it no longer fits")
                        text: closeGoalForm.reason
                        onTextChanged: closeGoalForm.reason = text
                        Accessible.name: qsTr("Why are you dropping it?")
                    }
                }
                PrimaryButton {
                    objectName: "closeGoalButton"
                    Layout.fillWidth: page.compact
                    visible: closeGoalForm.state.length > 0
                    enabled: !closeGoalForm.busy
                    text: closeGoalForm.busy ? qsTr("Saving…")
                          : closeGoalForm.state === "dropped" ? qsTr("Drop the goal") : qsTr("Mark it achieved")
                    onClicked: closeGoalForm.submit()
                }
            }
        }
    }
}
