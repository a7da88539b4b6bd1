import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coaches and mentors: their monthly returns, newest first, each opening
// the month's return; and their hours log as CSV.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias returns: returnsModel
    /// Where the hours log goes; empty for the documents folder.
    property string exportFolder
    property string notice
    /// The month open, or "" for the list.
    property string openMonth

    /// Shows one month's return.
    function open(month: string) {
        openMonth = month;
    }

    objectName: "returnsPage"
    title: qsTr("Monthly returns")
    background: Rectangle { color: Theme.background }

    MonthlyReturns {
        id: returnsModel
        objectName: "returnsList"
        onHoursLogSaved: path => page.notice = qsTr("Saved as %1").arg(path)
    }

    Loader {
        id: monthLoader
        anchors.fill: parent
        active: page.openMonth.length > 0
        visible: active
        // qmllint disable unqualified
        sourceComponent: MonthlyReturnPage {
            month: page.openMonth
            onClosed: {
                page.openMonth = "";
                returnsModel.reload();
            }
        }
        // qmllint enable unqualified
    }

    Flickable {
        id: flick
        anchors.fill: parent
        visible: !monthLoader.active
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 760)
            spacing: 2 * Theme.unit

            Label {
                Layout.fillWidth: true
                visible: !page.compact
                text: qsTr("Monthly returns")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Each month the programme needs your hours of coaching and mentoring and any emerging themes. Tandem counts your recorded sessions; you add the rest and confirm.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            ErrorBanner {
                Layout.fillWidth: true
                text: returnsModel.errorMessage
            }
            ErrorBanner {
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            SecondaryButton {
                objectName: "exportHoursLog"
                text: qsTr("Export my hours log (CSV)")
                onClicked: returnsModel.exportHoursLog(page.exportFolder)
            }
            Label {
                Layout.fillWidth: true
                visible: !returnsModel.loading && returnsModel.items.length === 0 && returnsModel.errorMessage.length === 0
                text: qsTr("No returns yet: your first is due the month after you join the pool.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            Repeater {
                model: returnsModel.items
                // qmllint disable unqualified
                delegate: ItemDelegate {
                    id: row
                    required property var modelData
                    required property int index
                    objectName: "return-" + modelData.month
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + 2 * Theme.unit)
                    Accessible.name: modelData.monthWords + ". " + modelData.stateText + ". " + modelData.hoursText
                    onClicked: page.open(modelData.month)
                    background: Rectangle {
                        radius: Theme.radius
                        color: row.visualFocus ? Theme.focus : row.hovered ? Theme.hover : Theme.surface
                        border.color: Theme.border
                    }
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: row.modelData.monthWords
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.modelData.stateText
                            color: row.modelData.state === "confirmed" ? Theme.success
                                   : row.modelData.state === "overdue" ? Theme.error : Theme.warningText
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.modelData.hoursText
                            color: Theme.secondaryText
                            wrapMode: Text.Wrap
                        }
                    }
                }
                // qmllint enable unqualified
            }
        }
    }
}
