import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: the programme's figures for one organisation or all they
// coordinate, by month, quarter or financial year, against the period
// before — headlines, every table with its chart, the pool's notes — and
// exports of the same figures as CSV and a one-page PDF report. Every
// number has been through the server's disclosure control.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias figures: figuresModel
    /// Where exports go; empty for the documents folder.
    property string exportFolder
    property string notice
    readonly property var scopeOptions: {
        const ids = Session.coordinatedOrganisationIds;
        const names = Session.coordinatedOrganisationNames;
        const list = [{ key: "0", label: ids.length > 1 ? qsTr("All my organisations") : (names[0] || "") }];
        if (ids.length > 1) {
            for (let i = 0; i < ids.length; ++i)
                list.push({ key: String(ids[i]), label: names[i] || "" });
        }
        return list;
    }

    objectName: "figuresPage"
    title: qsTr("Programme figures")
    background: Rectangle { color: Theme.background }

    ProgrammeFigures {
        id: figuresModel
        objectName: "programmeFigures"
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 1100)
            spacing: 2 * Theme.unit

            Label {
                Layout.fillWidth: true
                visible: !page.compact
                text: qsTr("Programme figures")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Figures are rounded to the nearest 5, and fewer than 8 are not shown, so that nobody can be recognised.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }

            // What the figures cover.
            GridLayout {
                Layout.fillWidth: true
                columns: page.compact ? 1 : 3
                columnSpacing: 2 * Theme.unit
                rowSpacing: Theme.unit
                SelectField {
                    id: scope
                    objectName: "scopeSelect"
                    Layout.fillWidth: true
                    visible: page.scopeOptions.length > 1
                    model: page.scopeOptions
                    textRole: "label"
                    valueRole: "key"
                    Accessible.name: qsTr("Organisations")
                    onActivated: figuresModel.organisationId = parseInt(currentValue)
                }
                // Wraps at large text sizes rather than running off a phone.
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Repeater {
                        model: [{ key: "month", label: qsTr("Month") },
                                { key: "quarter", label: qsTr("Quarter") },
                                { key: "year", label: qsTr("Year") }]
                        // qmllint disable unqualified
                        delegate: ChoiceChip {
                            required property var modelData
                            objectName: "period-" + modelData.key
                            text: modelData.label
                            checked: figuresModel.periodKind === modelData.key
                            onClicked: figuresModel.periodKind = modelData.key
                        }
                        // qmllint enable unqualified
                    }
                }
                RowLayout {
                    spacing: Theme.unit
                    SecondaryButton {
                        objectName: "previousPeriod"
                        text: "\u2039"
                        Accessible.name: qsTr("Period before")
                        onClicked: figuresModel.previous()
                    }
                    Label {
                        Layout.fillWidth: true
                        objectName: "periodLabel"
                        text: figuresModel.periodLabel
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                    }
                    SecondaryButton {
                        objectName: "nextPeriod"
                        text: "\u203A"
                        enabled: figuresModel.canGoForward
                        Accessible.name: qsTr("Period after")
                        onClicked: figuresModel.next()
                    }
                }
            }

            ErrorBanner {
                Layout.fillWidth: true
                text: figuresModel.errorMessage
            }
            ErrorBanner {
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: figuresModel.loading
                visible: running
            }
            Label {
                Layout.fillWidth: true
                visible: figuresModel.loaded
                text: qsTr("%1 · %2, compared with %3").arg(figuresModel.scopeLabel).arg(figuresModel.periodLabel).arg(figuresModel.previousPeriodLabel)
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }

            // Headlines.
            GridLayout {
                Layout.fillWidth: true
                columns: page.compact ? 2 : 4
                columnSpacing: Theme.unit
                rowSpacing: Theme.unit
                Repeater {
                    model: figuresModel.headlines
                    // qmllint disable unqualified
                    delegate: Rectangle {
                        id: headline
                        required property var modelData
                        required property int index
                        objectName: "headline-" + modelData.id
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        implicitHeight: cardText.implicitHeight + 2 * Theme.unit
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.border
                        Accessible.role: Accessible.StaticText
                        Accessible.name: modelData.label + ": " + modelData.currentText + ". " + modelData.previousText
                        ColumnLayout {
                            id: cardText
                            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                      leftMargin: 1.5 * Theme.unit; rightMargin: 1.5 * Theme.unit }
                            spacing: 2
                            Label {
                                text: headline.modelData.currentText
                                font.pixelSize: headline.modelData.current.suppressed ? Theme.bodySize : Theme.figureSize
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

            // Exports of what is on show.
            Flow {
                Layout.fillWidth: true
                spacing: Theme.unit
                visible: figuresModel.loaded
                PrimaryButton {
                    objectName: "exportCsv"
                    text: qsTr("Export all as CSV")
                    onClicked: {
                        const path = figuresModel.exportCsv(page.exportFolder);
                        if (path.length > 0)
                            page.notice = qsTr("Saved as %1").arg(path);
                    }
                }
                SecondaryButton {
                    objectName: "exportPdf"
                    text: qsTr("Board report (PDF)")
                    onClicked: {
                        const path = figuresModel.exportPdf(page.exportFolder);
                        if (path.length > 0)
                            page.notice = qsTr("Saved as %1").arg(path);
                    }
                }
            }

            // Every table, with its chart.
            Repeater {
                model: figuresModel.tables
                // qmllint disable unqualified
                delegate: SectionCard {
                    id: tableCard
                    required property var modelData
                    objectName: "table-" + modelData.id
                    Layout.fillWidth: true
                    title: modelData.title
                    Loader {
                        Layout.fillWidth: true
                        active: tableCard.modelData.chart !== "none" && tableCard.modelData.rows.length > 0
                        visible: active
                        sourceComponent: FigureChart {
                            objectName: "chart-" + tableCard.modelData.id
                            table: tableCard.modelData
                        }
                    }
                    // The figures themselves, under their chart if they have one.
                    FigureTable {
                        Layout.fillWidth: true
                        table: tableCard.modelData
                    }
                    TextButton {
                        // As wide as its words, narrower (wrapping) when
                        // large text would not fit a phone.
                        Layout.fillWidth: true
                        Layout.maximumWidth: implicitWidth
                        text: qsTr("Export this table as CSV")
                        onClicked: {
                            const path = figuresModel.exportCsv(page.exportFolder, tableCard.modelData.id);
                            if (path.length > 0)
                                page.notice = qsTr("Saved as %1").arg(path);
                        }
                    }
                }
                // qmllint enable unqualified
            }

            SectionCard {
                Layout.fillWidth: true
                visible: figuresModel.poolNotes.length > 0
                title: qsTr("Pool members to follow up")
                Repeater {
                    model: figuresModel.poolNotes
                    // qmllint disable unqualified
                    delegate: Label {
                        required property var modelData
                        Layout.fillWidth: true
                        text: modelData.name + " \u2014 " + modelData.note
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    // qmllint enable unqualified
                }
            }
        }
    }
}
