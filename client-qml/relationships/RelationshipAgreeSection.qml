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
    /// Coaching: the coachee sets a goal before agreeing (the server
    /// refuses the agreement until one is set).
    property bool needsGoal: false

    signal goalRequested()

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
    Column {
        objectName: "agreeNeedsGoal"
        width: parent.width
        visible: section.needsGoal
        spacing: Theme.unit
        Label {
            width: parent.width
            text: qsTr("Coaching works towards goals you set. Set at least one goal first: you can agree the contract once it is saved.")
            wrapMode: Text.Wrap
            font.weight: Font.DemiBold
            color: Theme.warningText
        }
        SecondaryButton {
            objectName: "agreeSetGoalButton"
            width: section.compact ? parent.width : implicitWidth
            text: qsTr("Set a goal")
            onClicked: section.goalRequested()
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
        enabled: !section.detail.busy && !section.needsGoal
        text: section.detail.busy ? qsTr("Sending…") : qsTr("Agree to the contract")
        onClicked: {
            section.agreeProblem = section.detail.agreementProblem(confidentialityBox.checked, ethicsBox.checked,
                                                                   section.lineManagerTold);
            if (section.agreeProblem.length === 0)
                section.detail.agree(confidentialityBox.checked, ethicsBox.checked, section.lineManagerTold);
        }
    }
}
