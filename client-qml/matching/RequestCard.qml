import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One of the person's own requests: where it stands, who it is with, the
// latest note, a decline reason, and what they can do next. Withdrawing
// asks for a second tap in the card itself.
Rectangle {
    id: card

    /// The request, a map as MatchingCatalogue::toMap makes.
    property var request: ({})
    property SpecialismListModel taxonomy
    property bool busy: false
    property bool confirmingWithdraw: false
    readonly property string status: request.status || ""

    signal suggestionsRequested()
    signal withdrawRequested()

    implicitHeight: column.implicitHeight + 4 * Theme.unit
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("%1 request, %2").arg(request.kindLabel || "").arg(request.statusLabel || "")

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * Theme.unit }
        spacing: Theme.unit

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.unit
            Label {
                Layout.fillWidth: true
                text: card.request.kindLabel || ""
                font.pixelSize: Theme.subtitleSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            InfoChip {
                objectName: "requestStatus"
                text: card.request.statusLabel || ""
                color: Theme.requestStatusColor(card.status)
                strong: true
            }
        }
        Label {
            objectName: "requestWho"
            Layout.fillWidth: true
            text: card.status === "waiting"
                  ? ((card.request.daysWaited || 0) === 0 ? qsTr("Waiting to be matched since today")
                     : qsTr("Waiting to be matched for %1").arg(Matching.daysLabel(card.request.daysWaited)))
                  : card.status === "pending" ? qsTr("Sent to %1").arg(card.request.memberName)
                  : card.status === "accepted" ? qsTr("With %1").arg(card.request.memberName)
                  : card.status === "declined" ? qsTr("Declined by %1").arg(card.request.memberName)
                  : card.status === "withdrawn" && (card.request.memberName || "").length > 0
                    ? qsTr("Was with %1").arg(card.request.memberName)
                  : ""
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Theme.text
        }
        Label {
            objectName: "requestNext"
            Layout.fillWidth: true
            visible: card.status === "accepted"
            text: qsTr("Next: agree how you will work together at your first session with %1.").arg(card.request.memberName || "")
            wrapMode: Text.Wrap
            font.weight: Font.DemiBold
            color: Theme.success
        }
        Label {
            Layout.fillWidth: true
            text: {
                const parts = [qsTr("Asked on %1").arg(card.request.createdLabel || "")];
                if (card.status !== "waiting" && card.request.originLabel)
                    parts.push(card.request.originLabel);
                if (card.status === "pending" && card.request.answerDueLabel)
                    parts.push(qsTr("answer due by %1").arg(card.request.answerDueLabel));
                return parts.join("  \u00b7  ");
            }
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.secondaryText
        }
        Label {
            objectName: "requestGap"
            Layout.fillWidth: true
            text: "\u201c" + (card.request.gap || "") + "\u201d"
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            color: Theme.text
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
        Label {
            Layout.fillWidth: true
            visible: (card.request.preferencesLabel || "").length > 0
            text: card.request.preferencesLabel || ""
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.secondaryText
        }

        // The latest thing that happened, e.g. back on the waiting list.
        Rectangle {
            objectName: "requestNote"
            Layout.fillWidth: true
            visible: (card.request.note || "").length > 0
            implicitHeight: noteLabel.implicitHeight + 2 * Theme.unit
            radius: Theme.radius
            color: Theme.warningTint
            Label {
                id: noteLabel
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          leftMargin: Theme.unit + 4; rightMargin: Theme.unit + 4 }
                text: card.request.note || ""
                wrapMode: Text.Wrap
                color: Theme.text
            }
        }
        LabelledValue {
            objectName: "requestDeclineReason"
            Layout.fillWidth: true
            label: qsTr("Reason %1 gave").arg(card.request.memberName || "")
            // The note often says it already.
            value: (card.request.note || "").indexOf(card.request.declineReason || "") >= 0
                   ? "" : (card.request.declineReason || "")
        }

        // What can be done next.
        Flow {
            Layout.fillWidth: true
            visible: card.request.open === true && !card.confirmingWithdraw
            spacing: Theme.unit
            PrimaryButton {
                objectName: "seeSuggestionsButton"
                visible: card.status === "waiting"
                text: qsTr("See suggestions")
                onClicked: card.suggestionsRequested()
            }
            SecondaryButton {
                objectName: "withdrawButton"
                enabled: !card.busy
                text: qsTr("Withdraw")
                onClicked: card.confirmingWithdraw = true
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            visible: card.confirmingWithdraw
            spacing: Theme.unit
            Label {
                Layout.fillWidth: true
                text: card.status === "pending"
                      ? qsTr("Withdraw this request? %1 will no longer see it.").arg(card.request.memberName)
                      : qsTr("Withdraw this request? You will leave the waiting list.")
                wrapMode: Text.Wrap
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "confirmWithdrawButton"
                    enabled: !card.busy
                    text: qsTr("Yes, withdraw")
                    onClicked: {
                        card.confirmingWithdraw = false;
                        card.withdrawRequested();
                    }
                }
                TextButton {
                    objectName: "cancelWithdrawButton"
                    text: qsTr("Keep it")
                    onClicked: card.confirmingWithdraw = false
                }
            }
        }
    }
}
