import QtQuick
import QtQuick.Controls
import Tandem

// One safeguarding concern. Its supervisor (or the safeguarding lead once
// escalated) sees who raised it, about which relationship, when, when it
// escalates, the description and, once acknowledged, by whom, when and what
// was done. The coach who raised it sees whether and when it was
// acknowledged, never the text.
Rectangle {
    id: card

    /// The concern, a map as SafeguardingCatalogue::toMap makes.
    property var concern: ({})
    /// Offers "Acknowledge" when the reader may; off inside the form itself.
    property bool showActions: true
    readonly property bool canRead: concern.canRead === true
    readonly property bool acknowledged: concern.acknowledged === true
    readonly property bool escalated: concern.escalated === true
    readonly property bool pending: concern.pending === true
    readonly property bool compact: Window.width < Theme.compactWidth

    /// The reader asks to acknowledge it.
    signal acknowledgeRequested()

    implicitHeight: column.implicitHeight + 2 * padding
    readonly property int padding: compact ? 2 * Theme.unit : 3 * Theme.unit
    radius: Theme.radius
    color: Theme.surface
    border.width: escalated ? 2 : 1
    border.color: escalated ? Theme.error : Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: canRead ? qsTr("Concern raised by %1, %2").arg(concern.raisedByName || "").arg(statusChip.text)
                             : qsTr("Concern you raised, %1").arg(statusChip.text)

    // A stripe on the left says how urgent it is at a glance.
    Rectangle {
        width: 5
        radius: 2
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 1 }
        color: card.acknowledged ? Theme.success : card.escalated ? Theme.error : Theme.warningBorder
    }

    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: card.padding
                  leftMargin: card.padding + 4 }
        spacing: Theme.unit

        Flow {
            width: parent.width
            spacing: Theme.unit
            InfoChip {
                id: statusChip
                objectName: "concernStatus"
                text: card.pending ? qsTr("Waiting to sync")
                      : card.acknowledged ? qsTr("Acknowledged")
                      : card.escalated ? qsTr("Escalated") : qsTr("Not acknowledged")
                color: card.pending ? Theme.warningTint
                       : card.acknowledged ? Theme.successTint
                       : card.escalated ? Theme.errorTint : Theme.warningTint
                textColor: card.escalated && !card.pending ? Theme.error : Theme.text
                strong: true
            }
            InfoChip {
                visible: text.length > 0
                text: card.concern.yourPartLabel || ""
                color: Theme.roleColor(card.canRead ? "supervisor" : "coach")
            }
        }

        Label {
            objectName: "concernTitle"
            width: parent.width
            text: card.canRead ? qsTr("Raised by %1").arg(card.concern.raisedByName || "")
                               : (card.concern.relationshipLabel || "")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.subtitleSize
            font.weight: Font.DemiBold
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            objectName: "concernMeta"
            width: parent.width
            text: card.canRead ? qsTr("%1 · raised on %2").arg(card.concern.relationshipLabel || "").arg(card.concern.raisedLabel || "")
                               : qsTr("Raised on %1").arg(card.concern.raisedLabel || "")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.secondaryText
        }

        // What the coach wrote: the reader's alone.
        Rectangle {
            objectName: "concernDescriptionBox"
            visible: card.canRead
            width: parent.width
            implicitHeight: descriptionText.implicitHeight + 2 * Theme.unit
            radius: Theme.radius
            color: Theme.surfaceSubtle
            border.color: Theme.border
            Label {
                id: descriptionText
                objectName: "concernDescription"
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit }
                text: card.concern.description || ""
                wrapMode: Text.Wrap
                color: Theme.text
                lineHeight: 1.15
            }
        }
        Label {
            objectName: "concernPrivacyNote"
            visible: !card.canRead
            width: parent.width
            text: qsTr("Only your supervisor can read what you wrote (and the safeguarding lead, if it is escalated).")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.secondaryText
        }

        Label {
            objectName: "concernStatusText"
            width: parent.width
            text: card.concern.statusLabel || ""
            wrapMode: Text.Wrap
            font.weight: Font.DemiBold
            color: card.acknowledged ? Theme.success : card.escalated ? Theme.error : Theme.warningText
        }
        Label {
            objectName: "concernEscalation"
            width: parent.width
            visible: text.length > 0
            text: card.concern.escalationLabel || ""
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: card.escalated ? Theme.error : Theme.secondaryText
        }

        // What was done, for the reader.
        Column {
            visible: card.canRead && card.acknowledged
            width: parent.width
            spacing: 2
            Label {
                width: parent.width
                text: qsTr("What was done")
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Label {
                objectName: "concernActionTaken"
                width: parent.width
                text: card.concern.actionTaken || ""
                wrapMode: Text.Wrap
                color: Theme.text
                lineHeight: 1.15
            }
        }

        Label {
            objectName: "concernPending"
            visible: card.pending
            width: parent.width
            text: (card.concern.syncProblem || "").length > 0
                  ? qsTr("The server did not accept your acknowledgement: %1").arg(card.concern.syncProblem)
                  : qsTr("Your acknowledgement is kept on this device and is sent as soon as the server can be reached.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            font.weight: Font.DemiBold
            color: (card.concern.syncProblem || "").length > 0 ? Theme.error : Theme.warningText
        }

        PrimaryButton {
            objectName: "concernAcknowledgeButton"
            visible: card.showActions && card.canRead && !card.acknowledged && !card.pending
            width: card.compact ? parent.width : implicitWidth
            text: qsTr("Acknowledge")
            onClicked: card.acknowledgeRequested()
        }
    }
}
