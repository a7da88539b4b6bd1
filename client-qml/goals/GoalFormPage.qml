import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The coachee sets a goal, or rewords one: what they want to achieve, how
// they will know, a target date if they like, and (a new goal) where they
// are now from 0 to 10. Kept on the device first and sent from there; what
// is typed is kept as a draft.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: goalForm
    readonly property string exampleTarget: {
        const d = new Date();
        d.setMonth(d.getMonth() + 3);
        return Qt.formatDate(d, "d M yyyy");
    }

    signal back()
    signal saved(string summary)
    signal queued(string summary)

    /// Adds a goal to `relationship` (goal null) or rewords `goal`.
    function start(relationship: var, goal: var) {
        goalForm.start(relationship, goal);
        flick.contentY = 0;
    }

    objectName: "goalFormPage"
    background: Rectangle { color: Theme.background }

    GoalForm {
        id: goalForm
        objectName: "goalForm"
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
                objectName: "goalFormBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                enabled: !goalForm.busy
                onClicked: page.back()
            }
            Label {
                objectName: "goalFormTitle"
                Layout.fillWidth: true
                text: goalForm.rewording ? qsTr("Reword your goal") : qsTr("Set a goal")
                font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: goalForm.rewording
                      ? qsTr("Your earlier wording stays in the goal's history, so you can both see how it changed.")
                      : qsTr("Only you and %1 see your goals. Programme coordinators never do.").arg(goalForm.otherName)
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            ErrorSummary {
                objectName: "goalErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: goalForm.fieldErrors
                message: goalForm.errorMessage
                fields: [{ key: "what", item: whatField }, { key: "measure", item: measureField },
                         { key: "targetOn", item: targetField }, { key: "startingRating", item: ratingChoice }]
            }
            GridLayout {
                objectName: "goalDraftNote"
                Layout.fillWidth: true
                visible: goalForm.restoredFromDraft
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
                    onClicked: goalForm.discardDraft()
                }
            }

            SectionCard {
                Layout.fillWidth: true
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    CaptionLabel { Layout.fillWidth: true; text: qsTr("What do you want to achieve?") }
                    HintLabel { Layout.fillWidth: true; text: qsTr("In your own words, up to %1 characters.").arg(Goals.whatMaxLength) }
                    FieldError { Layout.fillWidth: true; text: goalForm.fieldErrors.what || "" }
                    TextBox {
                        id: whatField
                        objectName: "goalWhatField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.max(72, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        error: goalForm.fieldErrors.what || ""
                        example: qsTr("For example: lead the morning huddle with confidence")
                        text: goalForm.what
                        onTextChanged: goalForm.what = text
                        Accessible.name: qsTr("What do you want to achieve?")
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    CaptionLabel { Layout.fillWidth: true; text: qsTr("How will you know you have got there?") }
                    FieldError { Layout.fillWidth: true; text: goalForm.fieldErrors.measure || "" }
                    TextBox {
                        id: measureField
                        objectName: "goalMeasureField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.max(72, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        error: goalForm.fieldErrors.measure || ""
                        example: qsTr("For example: I run it three times in a row without notes")
                        text: goalForm.measure
                        onTextChanged: goalForm.measure = text
                        Accessible.name: qsTr("How will you know you have got there?")
                    }
                }
                DateField {
                    id: targetField
                    objectName: "goalTargetField"
                    Layout.fillWidth: true
                    label: qsTr("Target date (optional)")
                    helperText: qsTr("Within two years, for example %1").arg(page.exampleTarget)
                    error: goalForm.fieldErrors.targetOn || ""
                    text: goalForm.targetOn
                    onTextChanged: goalForm.targetOn = text
                }
                RadioChoice {
                    id: ratingChoice
                    Layout.fillWidth: true
                    visible: !goalForm.rewording
                    label: qsTr("Where are you now?")
                    hint: qsTr("0 is not started, 10 is there. You rate it again at each review and at the end.")
                    inline: true
                    namePrefix: "startingRating-"
                    options: Goals.options("rating")
                    key: goalForm.startingRating >= 0 ? String(goalForm.startingRating) : ""
                    error: goalForm.fieldErrors.startingRating || ""
                    onPicked: key => goalForm.startingRating = parseInt(key)
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "saveGoalButton"
                    Layout.fillWidth: page.compact
                    enabled: !goalForm.busy
                    text: goalForm.busy ? qsTr("Saving…") : goalForm.rewording ? qsTr("Save the new wording") : qsTr("Save the goal")
                    onClicked: goalForm.submit()
                }
                BusyIndicator {
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                    visible: goalForm.busy
                    running: visible
                }
            }
        }
    }
}
