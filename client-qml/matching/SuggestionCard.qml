import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One suggested pool member: who they are, how well they fit ("Strong
// match") and every reason for it, and the action (choose them).
Rectangle {
    id: card

    property string displayName
    property string headline
    property string kindLabel
    property string organisationName
    property string deliveryLabels
    /// "Strong match", "Good match" or "Partial match".
    property string fitLabel
    property var reasons: []
    property bool moreSeniorThanYou: false
    property string usualAnswerLabel
    property var specialisms: []
    property SpecialismListModel taxonomy
    property string actionText: qsTr("Request")
    property bool busy: false
    /// An extra line under the reasons, e.g. "Also proposed for 2 others".
    property string note
    /// Names the action button for tests.
    property string actionName

    signal chosen()

    implicitHeight: column.implicitHeight + 4 * Theme.unit
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: fitLabel.length > 0 ? qsTr("%1, %2").arg(displayName).arg(fitLabel) : displayName

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * Theme.unit }
        spacing: Theme.unit

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.unit
            Avatar {
                Layout.alignment: Qt.AlignTop
                name: card.displayName
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: card.displayName
                    font.pixelSize: Theme.subtitleSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: card.organisationName.length > 0 ? card.kindLabel + "  \u00b7  " + card.organisationName : card.kindLabel
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.secondaryText
                }
            }
            // How well they fit, as a tag.
            InfoChip {
                objectName: "suggestionFit"
                Layout.alignment: Qt.AlignTop
                visible: card.fitLabel.length > 0
                text: card.fitLabel
                color: Theme.primaryTint
                strong: true
            }
        }
        Label {
            Layout.fillWidth: true
            visible: card.headline.length > 0
            text: card.headline
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            color: Theme.text
        }

        // Why, weightiest first.
        ColumnLayout {
            objectName: "suggestionReasons"
            Layout.fillWidth: true
            spacing: 2
            Label {
                text: qsTr("Why we suggest them")
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                color: Theme.secondaryText
            }
            Repeater {
                model: card.reasons
                delegate: Label {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "\u2713  " + modelData
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.unit / 2
            InfoChip {
                visible: card.moreSeniorThanYou
                text: qsTr("More senior than you")
                color: Theme.roleColor("mentor")
                strong: true
            }
            InfoChip {
                visible: card.usualAnswerLabel.length > 0
                text: card.usualAnswerLabel
            }
            InfoChip {
                visible: card.deliveryLabels.length > 0
                text: card.deliveryLabels
            }
            Repeater {
                model: card.specialisms.slice(0, 3)
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
            visible: card.note.length > 0
            text: card.note
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.warningText
        }
        PrimaryButton {
            objectName: card.actionName
            Layout.fillWidth: Window.width < Theme.compactWidth
            enabled: !card.busy
            text: card.actionText
            Accessible.name: qsTr("%1: %2").arg(card.actionText).arg(card.displayName)
            onClicked: card.chosen()
        }
    }
}
