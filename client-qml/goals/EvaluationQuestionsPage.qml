import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: the end-of-relationship questions of one of their
// organisations, for coaching or mentoring and for coachees or for coaches
// and mentors. Add, remove and reorder questions, set each one's kind of
// answer, wording and options, and see the form as a coachee sees it.
// Saving makes a new version; answers already given keep their wording.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: editor
    property string notice
    /// Editing or seeing the preview.
    property bool previewing: false
    readonly property var organisationOptions: {
        const ids = Session.coordinatedOrganisationIds;
        const names = Session.coordinatedOrganisationNames;
        const list = [];
        for (let i = 0; i < ids.length; ++i)
            list.push({ key: String(ids[i]), label: names[i] || "" });
        return list;
    }

    objectName: "evaluationQuestionsPage"
    title: qsTr("Evaluation questions")
    background: Rectangle { color: Theme.background }

    Component.onCompleted: {
        if (organisationOptions.length > 0) {
            editor.organisationId = parseInt(organisationOptions[0].key);
            editor.load();
        }
    }

    QuestionEditorForm {
        id: editor
        objectName: "questionEditor"
        onSaved: summary => {
            page.notice = qsTr("Saved. Evaluations from now on ask these questions.");
            flick.contentY = 0;
        }
        onQueued: {
            page.notice = qsTr("Saved on this device. The questions are sent as soon as the server can be reached.");
            flick.contentY = 0;
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
            width: Math.min(flick.width - 2 * page.margin, 760)
            spacing: 2 * Theme.unit

            Label {
                Layout.fillWidth: true
                visible: !page.compact
                text: qsTr("Evaluation questions")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("What people are asked when a relationship ends. Changing the questions never changes answers already given.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            ErrorBanner {
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            ErrorSummary {
                objectName: "questionsErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: editor.fieldErrors
                message: editor.errorMessage
            }
            SectionCard {
                Layout.fillWidth: true
                KeyedSelect {
                    objectName: "questionsOrganisation"
                    Layout.fillWidth: true
                    visible: page.organisationOptions.length > 1
                    options: page.organisationOptions
                    key: String(editor.organisationId)
                    Accessible.name: qsTr("Organisation")
                    onPicked: key => {
                        editor.organisationId = parseInt(key);
                        editor.load();
                    }
                }
                RadioChoice {
                    Layout.fillWidth: true
                    label: qsTr("For")
                    inline: true
                    namePrefix: "questionsKind-"
                    options: Goals.options("kind")
                    key: editor.kind
                    onPicked: key => {
                        editor.kind = key;
                        editor.load();
                    }
                }
                RadioChoice {
                    Layout.fillWidth: true
                    label: qsTr("Answered by")
                    namePrefix: "questionsAudience-"
                    options: Goals.options("audience")
                    key: editor.audience
                    onPicked: key => {
                        editor.audience = key;
                        editor.load();
                    }
                }
                HintLabel { Layout.fillWidth: true; text: editor.versionLabel }
                GridLayout {
                    Layout.fillWidth: true
                    visible: editor.restoredFromDraft
                    columns: page.compact && Theme.textScale > 1 ? 1 : 2
                    columnSpacing: Theme.unit
                    rowSpacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("These are the changes you made before; they were kept on this device.")
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize + 1
                        color: Theme.warningText
                    }
                    TextButton {
                        text: qsTr("Start again")
                        onClicked: editor.discardDraft()
                    }
                }
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: editor.loading
                running: visible
            }
            RadioChoice {
                objectName: "questionsView"
                Layout.fillWidth: true
                inline: true
                label: qsTr("Show")
                namePrefix: "questionsView-"
                options: [{ key: "edit", label: qsTr("Edit") }, { key: "preview", label: qsTr("Preview") }]
                key: page.previewing ? "preview" : "edit"
                onPicked: key => page.previewing = key === "preview"
            }

            // Editing: one card per question.
            Repeater {
                // A count, not the list: typing a wording must not make the
                // cards again (and take the focus away).
                model: page.previewing ? 0 : editor.questions.length
                // qmllint disable unqualified
                delegate: SectionCard {
                    id: questionCard
                    required property int index
                    readonly property var modelData: editor.questions[index] || ({ options: [] })
                    objectName: "questionCard-" + index
                    Layout.fillWidth: true
                    title: qsTr("Question %1").arg(index + 1)
                    FieldError { Layout.fillWidth: true; text: editor.fieldErrors["question-" + questionCard.index] || "" }
                    // Wrapped over lines: a question is often longer than a phone is wide.
                    CaptionLabel { Layout.fillWidth: true; text: qsTr("Question") }
                    TextBox {
                        objectName: "questionWording-" + questionCard.index
                        Layout.fillWidth: true
                        wrapMode: TextEdit.Wrap
                        error: editor.fieldErrors["question-" + questionCard.index] || ""
                        text: questionCard.modelData.wording
                        onTextChanged: if (text !== questionCard.modelData.wording) editor.setWording(questionCard.index, text)
                        Accessible.name: qsTr("Question %1").arg(questionCard.index + 1)
                    }
                    KeyedSelect {
                        objectName: "questionType-" + questionCard.index
                        Layout.fillWidth: true
                        options: Goals.options("questionType")
                        key: questionCard.modelData.type
                        Accessible.name: qsTr("Kind of answer for question %1").arg(questionCard.index + 1)
                        onPicked: key => editor.setType(questionCard.index, key)
                    }
                    CheckOption {
                        Layout.fillWidth: true
                        text: qsTr("An answer is required")
                        checked: questionCard.modelData.required
                        onToggled: editor.setRequired(questionCard.index, checked)
                    }
                    CaptionLabel {
                        Layout.fillWidth: true
                        visible: questionCard.modelData.options.length > 0
                        text: questionCard.modelData.type === "rating" ? qsTr("Labels, from 1 (lowest) to 5 (highest)") : qsTr("Options")
                    }
                    Repeater {
                        model: questionCard.modelData.options.length
                        delegate: RowLayout {
                            id: optionRow
                            required property int index
                            readonly property string modelData: questionCard.modelData.options[index] || ""
                            Layout.fillWidth: true
                            spacing: Theme.unit
                            FormField {
                                Layout.fillWidth: true
                                label: questionCard.modelData.type === "rating" ? String(optionRow.index + 1) : qsTr("Option %1").arg(optionRow.index + 1)
                                text: optionRow.modelData
                                onTextChanged: if (text !== optionRow.modelData) editor.setOption(questionCard.index, optionRow.index, text)
                            }
                            TextButton {
                                Layout.alignment: Qt.AlignBottom
                                visible: questionCard.modelData.type === "choice" && questionCard.modelData.options.length > 2
                                text: qsTr("Remove")
                                Accessible.name: qsTr("Remove option %1").arg(optionRow.index + 1)
                                onClicked: editor.removeOption(questionCard.index, optionRow.index)
                            }
                        }
                    }
                    TextButton {
                        Layout.leftMargin: -Theme.unit
                        visible: questionCard.modelData.type === "choice" && questionCard.modelData.options.length < Goals.maxChoiceOptions
                        text: qsTr("Add an option")
                        onClicked: editor.addOption(questionCard.index)
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        TextButton {
                            visible: questionCard.index > 0
                            text: qsTr("Move up")
                            Accessible.name: qsTr("Move question %1 up").arg(questionCard.index + 1)
                            onClicked: editor.moveQuestion(questionCard.index, -1)
                        }
                        TextButton {
                            visible: questionCard.index < editor.questions.length - 1
                            text: qsTr("Move down")
                            Accessible.name: qsTr("Move question %1 down").arg(questionCard.index + 1)
                            onClicked: editor.moveQuestion(questionCard.index, 1)
                        }
                        TextButton {
                            objectName: "removeQuestion-" + questionCard.index
                            text: qsTr("Remove question")
                            Accessible.name: qsTr("Remove question %1").arg(questionCard.index + 1)
                            onClicked: editor.removeQuestion(questionCard.index)
                        }
                    }
                }
                // qmllint enable unqualified
            }
            SecondaryButton {
                objectName: "addQuestionButton"
                Layout.fillWidth: page.compact
                visible: !page.previewing && editor.questions.length < Goals.maxQuestions
                text: qsTr("Add a question")
                onClicked: editor.addQuestion("rating")
            }

            // The preview: the form as the person answering sees it.
            SectionCard {
                objectName: "questionsPreview"
                Layout.fillWidth: true
                visible: page.previewing
                title: editor.kind === "mentoring" ? qsTr("How did mentoring go?") : qsTr("How did coaching go?")
                subtitle: qsTr("This is how the questions look to the person answering. Nothing here is sent.")
                Repeater {
                    model: page.previewing ? editor.questions : []
                    // qmllint disable unqualified
                    delegate: QuestionInput {
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        question: modelData
                        number: index + 1
                        canShare: editor.audience === "coachee"
                        namePrefix: "previewQuestion-" + index + "-"
                    }
                    // qmllint enable unqualified
                }
            }

            PrimaryButton {
                objectName: "saveQuestionsButton"
                Layout.fillWidth: page.compact
                enabled: !editor.busy && !editor.loading
                text: editor.busy ? qsTr("Saving…") : qsTr("Save the questions")
                onClicked: editor.save()
            }
        }
    }
}
