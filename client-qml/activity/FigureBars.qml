import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One table of figures as horizontal bars: a row per line of the table,
// stacked by column or one bar per column, each with its number beside it,
// and a legend. Suppressed figures draw no bar and read "fewer than 8".
// Read out as the table's title and its rows in words.
ColumnLayout {
    id: chart

    /// A table of ProgrammeFigures.tables.
    required property var table
    readonly property bool stacked: table.chart === "stacked"
    readonly property var colours: [Theme.primaryFill, Theme.accent, Theme.purpleText, Theme.warningText]
    readonly property real labelWidth: Math.min(width * 0.34, 220)

    spacing: Theme.unit
    Accessible.role: Accessible.Chart
    Accessible.name: {
        const parts = [table.title];
        for (let r = 0; r < table.rows.length; ++r) {
            const row = table.rows[r];
            const cells = [];
            for (let c = 0; c < row.texts.length; ++c)
                cells.push(table.columns[c + 1] + " " + row.texts[c]);
            parts.push(row.label + ": " + cells.join(", "));
        }
        return parts.join(". ");
    }

    Flow {
        Layout.fillWidth: true
        spacing: 2 * Theme.unit
        visible: chart.table.columns.length > 2
        Repeater {
            model: chart.table.columns.slice(1)
            // qmllint disable unqualified
            delegate: Row {
                id: key
                required property string modelData
                required property int index
                spacing: Theme.unit
                Rectangle {
                    width: 14
                    height: 14
                    radius: 3
                    anchors.verticalCenter: parent.verticalCenter
                    color: chart.colours[key.index % chart.colours.length]
                }
                Label {
                    text: key.modelData
                    color: Theme.secondaryText
                    font.pixelSize: Theme.smallSize
                }
            }
            // qmllint enable unqualified
        }
    }

    Repeater {
        model: chart.table.rows
        // qmllint disable unqualified
        delegate: RowLayout {
            id: line
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.unit
            Label {
                Layout.preferredWidth: chart.labelWidth
                Layout.alignment: Qt.AlignTop
                text: line.modelData.label
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.smallSize + 1
            }
            ColumnLayout {
                id: bars
                Layout.fillWidth: true
                spacing: 2
                readonly property real room: Math.max(0, width - 110)
                // Stacked: one bar of every column's part, then the parts in words.
                Row {
                    visible: chart.stacked
                    spacing: 0
                    height: 18
                    Repeater {
                        model: line.modelData.values
                        delegate: Rectangle {
                            required property real modelData
                            required property int index
                            height: 18
                            width: chart.table.max > 0 ? bars.room * modelData / chart.table.max : 0
                            color: chart.colours[index % chart.colours.length]
                        }
                    }
                }
                Label {
                    visible: chart.stacked
                    Layout.fillWidth: true
                    text: line.modelData.texts.join(" · ")
                    color: Theme.secondaryText
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                }
                Repeater {
                    model: chart.stacked ? [] : line.modelData.values
                    delegate: RowLayout {
                        id: bar
                        required property real modelData
                        required property int index
                        spacing: Theme.unit
                        Rectangle {
                            Layout.preferredHeight: 14
                            Layout.preferredWidth: chart.table.max > 0
                                                   ? Math.max(2, bars.room * bar.modelData / chart.table.max) : 2
                            color: chart.colours[bar.index % chart.colours.length]
                            radius: 2
                        }
                        Label {
                            text: line.modelData.texts[bar.index]
                            color: Theme.secondaryText
                            font.pixelSize: Theme.smallSize
                        }
                    }
                }
            }
        }
        // qmllint enable unqualified
    }
}
