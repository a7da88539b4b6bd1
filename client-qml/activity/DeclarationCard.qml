import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Home: asks once for the optional answers about the person's work, until
// they save them (here or on another device) or say no thanks on this
// device. Hidden otherwise. Why it asks, and that nobody sees the answers,
// come first.
SectionCard {
    id: card

    required property bool compact
    readonly property alias declaration: declarationForm

    /// Opens the questions.
    signal openRequested()

    objectName: "declarationCard"
    visible: declarationForm.shouldAsk
    title: qsTr("Help the programme see who it reaches")
    subtitle: qsTr("A few questions about your work: your staff group, profession, pay band, and whether your role is clinical. They show whether coaching and mentoring reach every part of the workforce.")

    DeclarationForm {
        id: declarationForm
        objectName: "homeDeclaration"
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Nobody sees your answers: the programme only sees how many people gave each one. Every question is optional.")
        wrapMode: Text.Wrap
        font.weight: Font.DemiBold
        color: Theme.text
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.unit
        PrimaryButton {
            id: startButton
            objectName: "declarationStart"
            width: card.compact ? parent.width : implicitWidth
            text: qsTr("Answer the questions")
            onClicked: card.openRequested()
        }
        TextButton {
            objectName: "declarationDismiss"
            width: card.compact ? parent.width : implicitWidth
            // Level with the button beside it.
            height: card.compact ? implicitHeight : startButton.height
            text: qsTr("No thanks")
            Accessible.name: qsTr("No thanks, do not ask me again")
            onClicked: declarationForm.dismiss()
        }
    }
    HintLabel {
        Layout.fillWidth: true
        text: qsTr("You can answer or change them at any time from your Account page.")
    }
}
