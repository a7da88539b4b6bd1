import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One request waiting for a coach's or mentor's answer: who asks, for
// what, their preferences and the answer-by date. Accept, or decline with
// a reason written in the card itself.
Rectangle {
    id: card

    /// The request, a map as MatchingCatalogue::toMap makes.
    property var request: ({})
    property SpecialismListModel taxonomy
    property bool busy: false
    property bool declining: false
    /// What is wrong with the reason typed; set by the page.
    property string reasonError
    readonly property alias reason: reasonField.text

    signal acceptRequested()
    signal declineRequested(string reason)

    function originText(origin: string): string {
        switch (origin) {
        case "named": return qsTr("Asked for you by name");
        case "chosen": return qsTr("Chose you from their suggestions");
        case "coordinator": return qsTr("Matched with you by a coordinator");
        }
        return "";
    }

    implicitHeight: column.implicitHeight + 4 * Theme.unit
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("%1 asks for %2").arg(request.coacheeName || "").arg((request.kindLabel || "").toLowerCase())

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * Theme.unit }
        spacing: Theme.unit

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.unit
            Label {
                objectName: "inboxName"
                Layout.fillWidth: true
                text: card.request.coacheeName || ""
                font.pixelSize: Theme.subtitleSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            InfoChip {
                Layout.alignment: Qt.AlignTop
                text: card.request.kindLabel || ""
                color: Theme.roleColor(card.request.kind === "mentoring" ? "mentor" : "coach")
                strong: true
            }
        }
        Label {
            Layout.fillWidth: true
            text: card.request.coacheeOrganisationName || ""
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.secondaryText
        }
        Label {
            objectName: "inboxDue"
            Layout.fillWidth: true
            text: [card.originText(card.request.origin || ""),
                   card.request.answerDueLabel ? qsTr("answer by %1").arg(card.request.answerDueLabel) : ""]
                  .filter(s => s.length > 0).join("  \u00b7  ")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            font.weight: Font.DemiBold
            color: Theme.warningText
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("The gap they would like to fill")
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            color: Theme.secondaryText
        }
        Label {
            objectName: "inboxGap"
            Layout.fillWidth: true
            text: card.request.gap || ""
            wrapMode: Text.Wrap
            color: Theme.text
            lineHeight: 1.15
        }
        Flow {
            Layout.fillWidth: true
            visible: (card.request.themes || []).length > 0
            spacing: Theme.unit / 2
            Repeater {
                model: card.request.themes || []
                // qmllint disable unqualified
                delegate: InfoChip {
                    required property string modelData
                    color: Theme.primaryTint
                    // Reads `count` so that labels follow the taxonomy as it loads.
                    text: card.taxonomy && card.taxonomy.count >= 0 ? card.taxonomy.labelFor(modelData) : modelData
                }
                // qmllint enable unqualified
            }
        }
        LabelledValue {
            Layout.fillWidth: true
            label: qsTr("Their preferences")
            value: card.request.preferencesLabel || ""
        }

        Flow {
            Layout.fillWidth: true
            visible: !card.declining
            spacing: Theme.unit
            PrimaryButton {
                objectName: "acceptButton"
                enabled: !card.busy
                text: qsTr("Accept")
                Accessible.name: qsTr("Accept %1").arg(card.request.coacheeName || "")
                onClicked: card.acceptRequested()
            }
            SecondaryButton {
                objectName: "declineButton"
                enabled: !card.busy
                text: qsTr("Decline")
                Accessible.name: qsTr("Decline %1").arg(card.request.coacheeName || "")
                onClicked: {
                    card.declining = true;
                    reasonField.forceActiveFocus();
                }
            }
        }

        // Declining: the reason, which the person who asked will read.
        ColumnLayout {
            Layout.fillWidth: true
            visible: card.declining
            spacing: Theme.unit
            Label {
                Layout.fillWidth: true
                text: qsTr("Why are you declining?")
                font.weight: Font.DemiBold
                color: Theme.text
            }
            TextBox {
                id: reasonField
                objectName: "declineReasonField"
                error: card.reasonError
                Layout.fillWidth: true
                Layout.minimumHeight: 96
                wrapMode: TextEdit.Wrap
                example: qsTr("For example: I am on leave for the next two months.")
                Accessible.name: qsTr("Why are you declining?")
                onTextChanged: card.reasonError = ""
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("%1 will see this, kindly worded. %2 characters left.")
                      .arg(card.request.coacheeName || "").arg(Math.max(0, Matching.declineReasonMaxLength - reasonField.text.trim().length))
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.secondaryText
            }
            FieldError {
                objectName: "declineReasonError"
                text: card.reasonError
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "sendDeclineButton"
                    enabled: !card.busy
                    text: qsTr("Send decline")
                    onClicked: card.declineRequested(reasonField.text)
                }
                TextButton {
                    objectName: "cancelDeclineButton"
                    text: qsTr("Cancel")
                    onClicked: {
                        card.declining = false;
                        card.reasonError = "";
                    }
                }
            }
        }
    }
}
