import QtQuick
import QtQuick.Controls
import Tandem

// One party's agreement to the contract: confidentiality, the EMCC Global
// Code of Ethics and (the coachee or mentee) whether their line manager
// knows; refused with the reason beside the button.
Column {
    id: section

    required property RelationshipDetail detail
    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship
    required property bool compact
    required property bool isCoachee
    /// The line-manager answer chosen.
    property string lineManagerTold
    /// What stops the agreement, shown by its button.
    property string agreeProblem

    objectName: "agreeSection"
    spacing: Theme.unit

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.border
    }
    CaptionLabel {
        width: parent.width
        text: qsTr("Your agreement")
        font.pixelSize: Theme.subtitleSize
    }
    CheckOption {
        id: confidentialityBox
        objectName: "confidentialityCheck"
        onCheckedChanged: section.agreeProblem = ""
        width: parent.width
        text: qsTr("I will keep what is said in our sessions confidential, except where someone's safety is at risk.")
    }
    CheckOption {
        id: ethicsBox
        objectName: "ethicsCheck"
        onCheckedChanged: section.agreeProblem = ""
        width: parent.width
        text: qsTr("I have read the EMCC Global Code of Ethics and will work to it.")
    }
    Column {
        width: parent.width
        visible: section.isCoachee
        spacing: Theme.unit
        CaptionLabel {
            width: parent.width
            text: qsTr("Have you told your line manager about this %1?").arg(section.relationship.kind === "mentoring" ? qsTr("mentoring") : qsTr("coaching"))
        }
        HintLabel {
            width: parent.width
            text: qsTr("It is encouraged, not required. Your line manager never sees what you talk about.")
        }
        RadioChoice {
            width: parent.width
            namePrefix: "lineManager-"
            options: Relationships.options("lineManagerTold")
            key: section.lineManagerTold
            onPicked: key => {
                section.lineManagerTold = key;
                section.agreeProblem = "";
            }
        }
    }
    FieldError {
        objectName: "agreeError"
        width: parent.width
        text: section.agreeProblem
    }
    PrimaryButton {
        objectName: "agreeButton"
        width: section.compact ? parent.width : implicitWidth
        enabled: !section.detail.busy
        text: section.detail.busy ? qsTr("Sending…") : qsTr("Agree to the contract")
        onClicked: {
            section.agreeProblem = section.detail.agreementProblem(confidentialityBox.checked, ethicsBox.checked,
                                                                   section.lineManagerTold);
            if (section.agreeProblem.length === 0)
                section.detail.agree(confidentialityBox.checked, ethicsBox.checked, section.lineManagerTold);
        }
    }
}
