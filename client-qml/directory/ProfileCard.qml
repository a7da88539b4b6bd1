import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One search result: name, headline, kind, organisation, how they meet,
// specialisms and whether they take on new people. Clicking opens it.
ItemDelegate {
    id: card

    required property double accountId
    required property string displayName
    required property string headline
    required property string kindLabel
    required property string organisationName
    required property string deliveryLabels
    required property var specialisms
    required property bool accepting
    required property string availabilityLabel
    property SpecialismListModel taxonomy

    padding: 2 * Theme.unit
    Accessible.name: displayName + ", " + kindLabel + ", " + headline + ", "
                     + (accepting ? qsTr("accepting") : qsTr("full"))

    background: Rectangle {
        radius: Theme.radius
        color: card.down ? Theme.surfaceSubtle : Theme.surface
        border.width: card.visualFocus ? 3 : 1
        border.color: card.visualFocus ? Theme.focus : card.hovered ? Theme.outline : Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.unit / 2
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.unit
            Avatar {
                Layout.alignment: Qt.AlignTop
                name: card.displayName
            }
            Label {
                Layout.fillWidth: true
                text: card.displayName
                font.pixelSize: Theme.subtitleSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
            }
            InfoChip {
                text: card.accepting ? qsTr("Accepting") : qsTr("Full")
                color: card.accepting ? Theme.successTint : Theme.neutralTint
                textColor: card.accepting ? Theme.success : Theme.secondaryText
                strong: true
            }
        }
        Label {
            Layout.fillWidth: true
            text: card.headline
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: card.kindLabel + "  \u00b7  " + card.organisationName
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.secondaryText
        }
        Label {
            Layout.fillWidth: true
            visible: card.deliveryLabels.length > 0
            text: card.deliveryLabels
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.secondaryText
        }
        // Specialisms wrap onto at most two lines; the rest are on the profile.
        Flow {
            Layout.fillWidth: true
            Layout.topMargin: Theme.unit / 2
            Layout.maximumHeight: 2 * 26 + Theme.unit / 2
            spacing: Theme.unit / 2
            clip: true
            Repeater {
                model: card.specialisms.slice(0, 4)
                // qmllint disable unqualified
                delegate: InfoChip {
                    required property string modelData
                    width: Math.min(implicitWidth, card.availableWidth)
                    color: Theme.primaryTint
                    // Read again once the list has loaded (count).
                    text: card.taxonomy && card.taxonomy.count >= 0 ? card.taxonomy.labelFor(modelData) : ""
                }
                // qmllint enable unqualified
            }
            Label {
                visible: card.specialisms.length > 4
                height: 26
                verticalAlignment: Text.AlignVCenter
                text: qsTr("+%1").arg(card.specialisms.length - 4)
                font.pixelSize: Theme.smallSize
                color: Theme.secondaryText
            }
        }
        Item { Layout.fillHeight: true }
    }
}
