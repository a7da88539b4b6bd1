import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One table of figures as text. Wide: a grid, the row's label first and a
// column per figure. Narrow (a phone, or large text): each row on its own,
// its label and then each figure with its column's name, so that long
// labels and "fewer than 8" never crowd each other. Both are always made
// and only one is shown: changing a layout's items while the width that
// chose them is being laid out crashes Qt 6.4's GridLayout.
ColumnLayout {
    id: figureTable

    /// A table of ProgrammeFigures.tables.
    required property var table
    readonly property bool narrow: width < 560

    spacing: Theme.unit / 2

    GridLayout {
        Layout.fillWidth: true
        visible: !figureTable.narrow
        columns: figureTable.table.columns.length
        columnSpacing: 2 * Theme.unit
        rowSpacing: Theme.unit / 2
        Repeater {
            model: figureTable.table.columns
            // qmllint disable unqualified
            delegate: Label {
                required property string modelData
                required property int index
                Layout.fillWidth: index === 0
                Layout.preferredWidth: index === 0 ? -1 : 120
                Layout.alignment: Qt.AlignBottom
                text: modelData
                wrapMode: Text.Wrap
                font.weight: Font.DemiBold
                color: Theme.secondaryText
                font.pixelSize: Theme.smallSize
            }
            // qmllint enable unqualified
        }
        Repeater {
            model: {
                const cells = [];
                const rows = figureTable.table.rows;
                for (let r = 0; r < rows.length; ++r) {
                    cells.push({ text: rows[r].label, first: true });
                    for (let c = 0; c < rows[r].texts.length; ++c)
                        cells.push({ text: rows[r].texts[c], first: false });
                }
                return cells;
            }
            // qmllint disable unqualified
            delegate: Label {
                required property var modelData
                Layout.fillWidth: modelData.first
                Layout.preferredWidth: modelData.first ? -1 : 120
                Layout.alignment: Qt.AlignTop
                text: modelData.text
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.smallSize + 1
            }
            // qmllint enable unqualified
        }
    }

    Repeater {
        model: figureTable.table.rows
        // qmllint disable unqualified
        // A Column with widths set, not a layout: a nested layout kept the
        // height of the unwrapped text and the rows overlapped.
        delegate: Column {
            id: row
            required property var modelData
            visible: figureTable.narrow
            Layout.fillWidth: true
            Layout.bottomMargin: Theme.unit / 2
            Label {
                width: row.width
                text: row.modelData.label
                wrapMode: Text.Wrap
                font.weight: Font.DemiBold
                color: Theme.text
                font.pixelSize: Theme.smallSize + 1
            }
            Label {
                width: row.width
                text: {
                    const parts = [];
                    for (let c = 0; c < row.modelData.texts.length; ++c)
                        parts.push(figureTable.table.columns[c + 1] + ": " + row.modelData.texts[c]);
                    return parts.join(" \u00B7 ");
                }
                wrapMode: Text.Wrap
                color: Theme.secondaryText
                font.pixelSize: Theme.smallSize + 1
            }
        }
        // qmllint enable unqualified
    }
}
