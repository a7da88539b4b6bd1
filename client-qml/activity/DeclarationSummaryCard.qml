import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The Account page: the person's optional answers about their work, as
// they saved them (only they see them here), and the way to change them.
SectionCard {
    id: card

    required property bool compact
    readonly property alias declaration: declarationForm

    /// Opens the questions.
    signal openRequested()

    objectName: "declarationSummary"
    title: qsTr("About your work")
    subtitle: qsTr("Optional answers that help the programme see who it reaches. Only you can see them: the programme sees counts, never who answered what.")

    DeclarationForm {
        id: declarationForm
        objectName: "accountDeclaration"
    }
    // Saved elsewhere in the app (or on another device) since.
    onVisibleChanged: {
        if (visible)
            declarationForm.reload();
    }

    Label {
        objectName: "declarationSummaryStatus"
        Layout.fillWidth: true
        text: declarationForm.loading && !declarationForm.loaded ? qsTr("Loading\u2026")
              : !declarationForm.loaded ? declarationForm.errorMessage
              : declarationForm.savedText.length > 0 ? declarationForm.savedText
              : qsTr("You have not answered these questions.")
        wrapMode: Text.Wrap
        color: declarationForm.loaded || declarationForm.loading ? Theme.secondaryText : Theme.error
    }
    GridLayout {
        Layout.fillWidth: true
        visible: declarationForm.loaded && declarationForm.savedText.length > 0
        columns: card.compact ? 1 : 2
        columnSpacing: 3 * Theme.unit
        rowSpacing: Theme.unit
        Repeater {
            model: declarationForm.summary
            delegate: LabelledValue {
                required property var modelData
                objectName: "declarationAnswer-" + modelData.set
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                label: modelData.question
                value: modelData.answer
            }
        }
    }
    PrimaryButton {
        objectName: "declarationEdit"
        visible: declarationForm.loaded || !declarationForm.loading
        text: !declarationForm.loaded ? qsTr("Try again")
              : declarationForm.savedText.length > 0 ? qsTr("Change your answers")
              : qsTr("Answer the questions")
        onClicked: declarationForm.loaded ? card.openRequested() : declarationForm.reload()
    }
}
