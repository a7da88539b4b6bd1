import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One of the programme's evaluation questions as the person answering sees
// it: a rating from 1 to 5 with its labels, yes or no, one of several
// options, or a written answer with the choice to share it with the
// programme without their name. Shows `choice`, `text` and `share` and
// reports changes; the owner keeps them (an EvaluationForm, or nothing in
// the question editor's preview).
ColumnLayout {
    id: input

    /// {type, wording, required, options}
    property var question: ({})
    property int number: 1
    property int choice: 0
    property string text
    property bool share: false
    property string error
    /// Whether the person answering may share a written answer.
    property bool canShare: true
    property string namePrefix: "question-"

    signal chose(int choice)
    signal edited(string text)
    signal shared(bool share)

    readonly property var choiceOptions: {
        const options = input.question.options || [];
        if (input.question.type === "yes_no")
            return Goals.options("yesNo");
        const list = [];
        for (let i = 0; i < options.length; ++i) {
            const label = input.question.type === "rating" ? qsTr("%1 \u2013 %2").arg(i + 1).arg(options[i]) : options[i];
            list.push({ key: String(i + 1), label: label });
        }
        return list;
    }

    spacing: Theme.unit / 2

    RadioChoice {
        Layout.fillWidth: true
        visible: input.question.type !== "text"
        label: qsTr("%1. %2").arg(input.number).arg(input.question.wording || "") + (input.question.required ? "" : " " + qsTr("(optional)"))
        namePrefix: input.namePrefix + "choice-"
        inline: input.question.type === "yes_no"
        options: input.choiceOptions
        key: input.choice > 0 ? String(input.choice) : ""
        error: input.error
        onPicked: key => input.chose(parseInt(key))
    }
    ColumnLayout {
        Layout.fillWidth: true
        visible: input.question.type === "text"
        spacing: Theme.unit / 2
        CaptionLabel {
            Layout.fillWidth: true
            text: qsTr("%1. %2").arg(input.number).arg(input.question.wording || "") + (input.question.required ? "" : " " + qsTr("(optional)"))
        }
        FieldError { Layout.fillWidth: true; text: input.error }
        TextBox {
            objectName: input.namePrefix + "text"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(96, implicitHeight)
            wrapMode: TextEdit.Wrap
            error: input.error
            text: input.text
            onTextChanged: if (text !== input.text) input.edited(text)
            Accessible.name: input.question.wording || ""
        }
        CheckOption {
            objectName: input.namePrefix + "share"
            Layout.fillWidth: true
            visible: input.canShare
            text: qsTr("Share with the programme, without my name")
            checked: input.share
            onToggled: input.shared(checked)
        }
    }
}
