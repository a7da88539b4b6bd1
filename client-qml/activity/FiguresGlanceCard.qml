import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Home, for coordinators: the last full quarter's headline figures for all
// the organisations they coordinate (hours, relationships under way, people
// waiting, time to match), each against the quarter before, and the way to
// every figure. The numbers have been through the server's disclosure
// control, as on the Figures page.
SectionCard {
    id: card

    required property bool compact
    readonly property alias figures: figuresModel
    /// The headlines shown here, in this order.
    readonly property var shown: ["hours", "active_relationships", "waiting_now", "median_days_to_match"]

    /// The `headlines` that are shown here, in their order.
    function inOrder(headlines: var): var {
        return shown.map(id => headlines.find(h => h.id === id)).filter(h => h !== undefined);
    }

    /// Opens the Figures page.
    signal openRequested()

    objectName: "figuresGlance"
    title: figuresModel.loaded ? qsTr("Last quarter: %1").arg(figuresModel.periodLabel) : qsTr("Last quarter")
    subtitle: qsTr("Rounded to the nearest 5; fewer than 8 are not shown.")

    ProgrammeFigures {
        id: figuresModel
        objectName: "glanceFigures"
    }

    ErrorBanner {
        Layout.fillWidth: true
        text: figuresModel.errorMessage
    }
    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        running: figuresModel.loading && !figuresModel.loaded
        visible: running
    }
    GridLayout {
        Layout.fillWidth: true
        visible: figuresModel.loaded
        columns: card.compact ? 2 : 4
        columnSpacing: Theme.unit
        rowSpacing: Theme.unit
        Repeater {
            model: card.inOrder(figuresModel.headlines)
            // qmllint disable unqualified
            delegate: Rectangle {
                id: headline
                required property var modelData
                objectName: "glance-" + modelData.id
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                implicitHeight: lines.implicitHeight + 2 * Theme.unit
                radius: Theme.radius
                color: Theme.surfaceSubtle
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.label + ": " + modelData.currentText + ". " + modelData.previousText
                ColumnLayout {
                    id: lines
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                              leftMargin: 1.5 * Theme.unit; rightMargin: 1.5 * Theme.unit }
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: headline.modelData.currentText
                        wrapMode: Text.Wrap
                        font.pixelSize: headline.modelData.current.suppressed ? Theme.bodySize : Theme.titleSize
                        font.weight: Font.Bold
                        color: Theme.primaryDark
                    }
                    Label {
                        Layout.fillWidth: true
                        text: headline.modelData.label
                        wrapMode: Text.Wrap
                        color: Theme.text
                        font.pixelSize: Theme.smallSize + 1
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: headline.modelData.previousText
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                        font.pixelSize: Theme.smallSize
                    }
                }
            }
            // qmllint enable unqualified
        }
    }
    SecondaryButton {
        objectName: "openFigures"
        Layout.fillWidth: card.compact
        text: qsTr("All the programme's figures")
        onClicked: card.openRequested()
    }
}
