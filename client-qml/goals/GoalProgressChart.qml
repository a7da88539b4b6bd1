import QtQuick
import QtQuick.Layouts
import Tandem

// A goal's ratings from the start through each review to the end, as a row
// of bars out of 10, each with its number over it and where it came from
// under it ("Start", "Review 1", "End"). Read out as one sentence
// (`summary`), since the bars alone say nothing to a screen reader.
Item {
    id: chart

    /// [{rating, source, label, dateLabel}], oldest first.
    property var ratings: []
    /// The chart in words.
    property string summary
    readonly property int barWidth: 28
    readonly property int plotHeight: 64

    implicitWidth: row.implicitWidth
    implicitHeight: row.implicitHeight
    Accessible.role: Accessible.Chart
    Accessible.name: summary

    Row {
        id: row
        spacing: Theme.unit * 2
        Repeater {
            model: chart.ratings
            // qmllint disable unqualified
            delegate: Column {
                id: step
                required property var modelData
                required property int index
                readonly property bool last: index === chart.ratings.length - 1
                width: Math.max(chart.barWidth, source.implicitWidth)
                spacing: 2
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: String(step.modelData.rating)
                    font.pixelSize: Theme.smallSize
                    font.weight: step.last ? Font.Bold : Font.Normal
                    color: Theme.text
                }
                Item {
                    width: parent.width
                    height: chart.plotHeight
                    Rectangle {
                        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                        height: 1
                        color: Theme.border
                    }
                    Rectangle {
                        width: chart.barWidth
                        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
                        height: Math.max(3, chart.plotHeight * step.modelData.rating / 10)
                        radius: 3
                        color: step.last ? Theme.primary : Theme.accent
                    }
                }
                Text {
                    id: source
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: step.modelData.source === "start" ? qsTr("Start")
                          : step.modelData.source === "end" ? qsTr("End") : qsTr("Review %1").arg(step.index)
                    font.pixelSize: Theme.smallSize
                    color: Theme.secondaryText
                }
            }
            // qmllint enable unqualified
        }
    }
}
