import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// About six months after the end: has the change lasted (0 to 10), one
// answer in the coachee's words, and whether to share it with the
// programme without their name.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: followUpForm
    property string question

    signal back()
    signal saved(string summary)
    signal queued(string summary)

    function start(relationship: var, plan: GoalPlan) {
        question = plan.followUpQuestion;
        followUpForm.start(relationship);
        flick.contentY = 0;
    }

    objectName: "followUpPage"
    background: Rectangle { color: Theme.background }

    FollowUpForm {
        id: followUpForm
        objectName: "followUpForm"
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
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                enabled: !followUpForm.busy
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Six months on")
                font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            ErrorSummary {
                Layout.fillWidth: true
                flickable: flick
                errors: followUpForm.fieldErrors
                message: followUpForm.errorMessage
                fields: [{ key: "rating", item: ratingChoice }, { key: "answer", item: answerField }]
            }
            SectionCard {
                Layout.fillWidth: true
                RadioChoice {
                    id: ratingChoice
                    Layout.fillWidth: true
                    label: qsTr("How much of the change has lasted?")
                    hint: qsTr("0 is none of it, 10 is all of it.")
                    inline: true
                    namePrefix: "followUpRating-"
                    options: Goals.options("rating")
                    key: followUpForm.rating >= 0 ? String(followUpForm.rating) : ""
                    error: followUpForm.fieldErrors.rating || ""
                    onPicked: key => followUpForm.rating = parseInt(key)
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    CaptionLabel { Layout.fillWidth: true; text: page.question.length > 0 ? page.question : qsTr("What has lasted?") }
                    FieldError { Layout.fillWidth: true; text: followUpForm.fieldErrors.answer || "" }
                    TextBox {
                        id: answerField
                        objectName: "followUpAnswerField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.max(96, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        error: followUpForm.fieldErrors.answer || ""
                        text: followUpForm.answer
                        onTextChanged: followUpForm.answer = text
                        Accessible.name: page.question
                    }
                    CheckOption {
                        objectName: "followUpShare"
                        Layout.fillWidth: true
                        text: qsTr("Share with the programme, without my name")
                        checked: followUpForm.shareWithProgramme
                        onToggled: followUpForm.shareWithProgramme = checked
                    }
                }
            }
            PrimaryButton {
                objectName: "submitFollowUpButton"
                Layout.fillWidth: page.compact
                enabled: !followUpForm.busy
                text: followUpForm.busy ? qsTr("Sending…") : qsTr("Send")
                onClicked: followUpForm.submit()
            }
        }
    }
}
