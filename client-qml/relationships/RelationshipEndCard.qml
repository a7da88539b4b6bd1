import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Completing a relationship (the coach or mentor, once it is active) or
// ending it early with a reason the other person sees. The reason is kept
// as a draft as it is typed, so it survives the app closing.
SectionCard {
    id: card

    required property RelationshipDetail detail
    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship
    required property bool isMember
    required property bool active
    /// The form for ending early is open.
    property bool ending: false
    /// What stops the ending, shown by its button.
    property string endProblem

    /// A text field of a draft (a map), or "".
    function textOf(draft: var, field: string): string {
        return draft[field] || "";
    }
    /// Opens the ending form with what was typed before, if anything.
    function startEnding() {
        endReason.text = card.textOf(endDraft.load(), "reason");
        endProblem = "";
        ending = true;
    }

    objectName: "endCard"
    title: isMember && active ? qsTr("Completing or ending") : qsTr("Ending")
    subtitle: isMember && active
              ? qsTr("Complete the relationship when you have finished working together. End it early if it has to stop before then.")
              : qsTr("If this has to stop, end it early and say why. Its record is kept.")

    // The reason for ending is kept half a second after it is typed;
    // RelationshipDetail forgets it once the ending is kept.
    Draft {
        id: endDraft
        kind: WriteKind.EndRelationship
        subject: card.relationship.id || 0
        active: card.ending
        fields: ({ reason: endReason.text })
    }

    Flow {
        Layout.fillWidth: true
        visible: !card.ending
        spacing: Theme.unit
        SecondaryButton {
            objectName: "completeButton"
            visible: card.isMember && card.active
            enabled: !card.detail.busy
            text: qsTr("Complete")
            onClicked: card.detail.complete()
        }
        TextButton {
            objectName: "endEarlyButton"
            text: qsTr("End early")
            onClicked: card.startEnding()
        }
    }
    Column {
        Layout.fillWidth: true
        visible: card.ending
        spacing: Theme.unit
        CaptionLabel { width: parent.width; text: qsTr("Why does it end early?") }
        TextBox {
            id: endReason
            objectName: "endReasonField"
            error: card.endProblem
            width: parent.width
            height: Math.max(96, implicitHeight)
            wrapMode: TextEdit.Wrap
            example: qsTr("For example: I am moving to another trust.")
            Accessible.name: qsTr("Why does it end early?")
            onTextChanged: card.endProblem = ""
        }
        FieldError {
            objectName: "endError"
            width: parent.width
            text: card.endProblem
        }
        HintLabel {
            width: parent.width
            text: qsTr("%1 will see this.").arg(card.relationship.otherName || "")
        }
        Flow {
            width: parent.width
            spacing: Theme.unit
            PrimaryButton {
                objectName: "confirmEndButton"
                enabled: !card.detail.busy
                text: qsTr("End the relationship")
                onClicked: {
                    endDraft.save(); // kept until the ending is
                    card.endProblem = card.detail.reasonProblem(endReason.text);
                    if (card.endProblem.length > 0)
                        return;
                    card.detail.end(endReason.text);
                    card.ending = false;
                }
            }
            TextButton {
                text: qsTr("Cancel")
                onClicked: card.ending = false
            }
        }
    }
}
