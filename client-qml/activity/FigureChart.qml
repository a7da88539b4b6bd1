import QtQuick
import QtCharts
import Tandem

// One table of figures as a Qt Charts bar chart: a horizontal bar per row
// of the table (its label on the left, the first row at the top), the
// columns stacked or side by side as the table says, and a legend when
// there is more than one column. Suppressed figures draw no bar: the table
// of figures shown with the chart reads them as "fewer than 8". Read out
// as the table's title and its rows in words.
ChartView {
    id: chart

    /// A table of ProgrammeFigures.tables (chart "stacked" or "bars").
    required property var table
    readonly property bool stacked: table.chart === "stacked"
    /// The columns drawn: counts and hours, not a percentage beside them
    /// (a share of staff is read in the table, never stacked on people).
    readonly property var drawn: {
        const out = [];
        for (let c = 1; c < table.columns.length; ++c) {
            if (table.columns[c].indexOf("(%)") < 0)
                out.push(c - 1);
        }
        return out;
    }
    readonly property int columnCount: Math.max(1, drawn.length)
    /// Row labels longer than this are shortened on the axis (the table
    /// under the chart and the chart's accessible name have them whole).
    readonly property int labelChars: width < 500 ? 14 : 36
    readonly property var colours: [Theme.primaryFill, Theme.accent, Theme.purpleText, Theme.warningText]
    /// The height of one row's bars: room for the label beside them.
    readonly property real rowHeight: Math.max(Theme.smallSize * 2,
                                               stacked ? 26 : 10 + 14 * columnCount)

    implicitHeight: table.rows.length * rowHeight + (legend.visible ? 40 : 0) + 56
    antialiasing: true
    backgroundColor: Theme.surface
    backgroundRoundness: 0
    dropShadowEnabled: false
    animationOptions: ChartView.NoAnimation
    margins.top: 0
    margins.bottom: 0
    margins.left: 0
    margins.right: 0
    legend.visible: drawn.length > 1
    legend.alignment: Qt.AlignTop
    legend.labelColor: Theme.text
    legend.font.pixelSize: Theme.smallSize
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

    BarCategoryAxis {
        id: categories
        labelsColor: Theme.text
        labelsFont.pixelSize: Theme.smallSize
        gridVisible: false
        lineVisible: false
        truncateLabels: false
    }
    // Qt 6.4's qmltypes give QValueAxis twice (ValueAxis and the old
    // ValuesAxis), and qmllint resolves neither name.
    // qmllint disable
    ValueAxis {
        id: amounts
        min: 0
        labelFormat: "%.0f"
        labelsColor: Theme.secondaryText
        labelsFont.pixelSize: Theme.smallSize
        gridLineColor: Theme.border
        lineVisible: false
    }
    // qmllint enable

    /// The axis's top: a round number at or above the largest bar.
    function niceMax(most: real): real {
        if (most <= 0)
            return 5;
        const step = Math.pow(10, Math.floor(Math.log(most) / Math.LN10));
        for (const f of [1, 2, 2.5, 5, 10]) {
            if (f * step >= most)
                return f * step;
        }
        return 10 * step;
    }

    /// `label`, cut at a word and marked with an ellipsis if it is long.
    function shortened(label: string): string {
        if (label.length <= chart.labelChars)
            return label;
        const cut = label.lastIndexOf(" ", chart.labelChars - 1);
        return label.substring(0, cut > chart.labelChars / 2 ? cut : chart.labelChars - 1) + "\u2026";
    }

    function rebuild() {
        chart.removeAllSeries();
        const rows = chart.table.rows;
        // A horizontal chart lists its categories from the bottom up.
        const labels = [];
        let most = 0;
        for (let r = rows.length - 1; r >= 0; --r) {
            labels.push(chart.shortened(rows[r].label));
            let total = 0;
            for (const c of chart.drawn) {
                const value = rows[r].values[c] || 0;
                total += value;
                most = Math.max(most, value);
            }
            if (chart.stacked)
                most = Math.max(most, total);
        }
        categories.categories = labels;
        amounts.max = chart.niceMax(most);
        amounts.tickCount = 6;
        const series = chart.createSeries(chart.stacked ? ChartView.SeriesTypeHorizontalStackedBar
                                                        : ChartView.SeriesTypeHorizontalBar,
                                          chart.table.title, amounts, categories);
        series.barWidth = chart.stacked ? 0.6 : 0.8;
        for (let k = 0; k < chart.drawn.length; ++k) {
            const c = chart.drawn[k];
            const values = [];
            for (let r = rows.length - 1; r >= 0; --r)
                values.push(rows[r].values[c] || 0);
            const set = series.append(chart.table.columns[c + 1], values);
            set.color = chart.colours[k % chart.colours.length];
            set.borderColor = set.color;
        }
    }

    // Bars take their colours when they are made: make them again for the
    // other theme.
    readonly property bool darkTheme: Theme.dark
    onDarkThemeChanged: rebuild()
    onTableChanged: rebuild()
    onLabelCharsChanged: rebuild()
    Component.onCompleted: rebuild()
}
