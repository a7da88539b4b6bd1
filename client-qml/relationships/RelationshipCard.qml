import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One relationship in a list: the other person, coaching or mentoring, its
// state and what needs doing next. The whole card is a button.
AbstractButton {
    id: card

    /// The relationship, a map as RelationshipCatalogue::toMap makes.
    property var relationship: ({})
    /// Shown as the one selected (desktop, beside its detail).
    property bool selected: false
    /// Changes to it kept on this device, not sent yet (or refused).
    readonly property int pendingCount: SyncQueue.count >= 0 ? SyncQueue.countFor(relationship.id || 0) : 0

    implicitHeight: column.implicitHeight + 4 * Theme.unit
    hoverEnabled: true
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1, %2, %3").arg(relationship.otherName || "").arg(relationship.kindLabel || "").arg(relationship.stateLabel || "")

    background: Rectangle {
        radius: Theme.radius
        color: card.selected ? Theme.primaryTint : card.hovered ? Theme.surfaceSubtle : Theme.surface
        border.width: card.visualFocus ? 3 : 1
        border.color: card.visualFocus ? Theme.focus : card.selected ? Theme.primary : Theme.border
    }

    contentItem: Item {}

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * Theme.unit }
        spacing: Theme.unit / 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.unit
            Avatar {
                Layout.alignment: Qt.AlignTop
                name: card.relationship.otherName || ""
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    objectName: "relationshipName"
                    Layout.fillWidth: true
                    text: card.relationship.otherName || ""
                    font.pixelSize: Theme.subtitleSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: card.relationship.otherRole || ""
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.secondaryText
                }
            }
            InfoChip {
                Layout.alignment: Qt.AlignTop
                text: card.relationship.kindLabel || ""
                color: Theme.roleColor(card.relationship.kind === "mentoring" ? "mentor" : "coach")
                strong: true
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.unit
            InfoChip {
                objectName: "relationshipState"
                text: card.relationship.stateLabel || ""
                color: Theme.relationshipStateColor(card.relationship.state || "")
            }
            InfoChip {
                objectName: "relationshipPending"
                visible: card.pendingCount > 0
                text: card.pendingCount === 1 ? qsTr("1 change not on the server yet")
                                              : qsTr("%1 changes not on the server yet").arg(card.pendingCount)
                color: Theme.warningTint
            }
        }
        Label {
            objectName: "relationshipNextStep"
            Layout.fillWidth: true
            visible: text.length > 0
            text: card.relationship.nextStep || ""
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            font.weight: card.relationship.needsYou ? Font.DemiBold : Font.Normal
            color: card.relationship.needsYou ? Theme.warningText : Theme.secondaryText
        }
    }
}
