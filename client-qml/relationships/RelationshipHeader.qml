import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The top of a relationship: who with, their role, coaching or mentoring,
// its state, and what needs doing next.
ColumnLayout {
    id: header

    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship
    required property bool compact
    /// Something is waiting for the person who looks at it.
    required property bool needsYou
    /// The person agreed on this device; the server has not had it yet.
    required property bool agreementWaiting

    spacing: 2 * Theme.unit

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.unit / 2
        Label {
            objectName: "relationshipTitle"
            Layout.fillWidth: true
            text: header.relationship.otherName || ""
            font.pixelSize: header.compact ? Theme.titleSize : Theme.headlineSize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.unit
            Label {
                height: 26
                verticalAlignment: Text.AlignVCenter
                text: header.relationship.otherRole || ""
                color: Theme.secondaryText
            }
            InfoChip {
                text: header.relationship.kindLabel || ""
                color: Theme.roleColor(header.relationship.kind === "mentoring" ? "mentor" : "coach")
                strong: true
            }
            InfoChip {
                objectName: "relationshipStateChip"
                text: header.relationship.stateLabel || ""
                color: Theme.relationshipStateColor(header.relationship.state || "")
            }
        }
    }
    Rectangle {
        objectName: "nextStepBox"
        Layout.fillWidth: true
        visible: (header.relationship.nextStep || "").length > 0
        implicitHeight: nextStepLabel.implicitHeight + 2 * Theme.unit + 4
        radius: Theme.radius
        color: header.needsYou ? Theme.warningTint : Theme.primaryTint
        Label {
            id: nextStepLabel
            objectName: "nextStepText"
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
            text: header.agreementWaiting
                  ? qsTr("You agreed on this device. It is sent as soon as the server can be reached.")
                  : header.relationship.nextStep || ""
            wrapMode: Text.Wrap
            font.weight: Font.DemiBold
            color: header.needsYou ? Theme.warningText : Theme.primaryDark
        }
    }
}
