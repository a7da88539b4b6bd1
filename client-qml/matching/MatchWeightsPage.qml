import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: how much each part of a match counts for the coachees of
// one of their organisations. Hard rules are not weights: they always hold.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias weights: weightsModel
    property string notice

    signal back()

    function organisationOptions(): var {
        const ids = Session.coordinatedOrganisationIds;
        const list = [];
        for (let i = 0; i < ids.length; ++i)
            list.push({ key: String(ids[i]), label: Session.organisationNameFor(ids[i]) });
        list.sort((a, b) => a.label.localeCompare(b.label));
        return list;
    }

    objectName: "matchWeightsPage"
    background: Rectangle { color: Theme.background }

    MatchWeightsModel {
        id: weightsModel
        objectName: "matchWeightsModel"
        onSaved: page.notice = qsTr("Weights saved for %1. They count from the next time matching runs.")
                 .arg(Session.organisationNameFor(organisationId))
        onLoadingChanged: {
            if (loading)
                page.notice = "";
        }
    }

    Flickable {
        id: flick
        objectName: "weightsFlick"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 820)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "weightsBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back to matching")
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Matching weights")
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Each weight, from 0 to %1, is the most that part adds to a pair's score; 0 leaves it out. The rules always hold whatever the weights: the kind of support, room to take someone on, a verified qualification and current supervision for coaches, a more senior mentor, and nobody on the person's avoid list.").arg(Matching.maxWeight)
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                visible: Session.coordinatedOrganisationIds.length > 1
                spacing: Theme.unit / 2
                Label {
                    text: qsTr("For people from")
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                KeyedSelect {
                    objectName: "weightsOrganisationField"
                    Layout.fillWidth: page.compact
                    Layout.preferredWidth: page.compact ? -1 : 520
                    options: page.organisationOptions()
                    key: String(weightsModel.organisationId)
                    enabled: !weightsModel.saving
                    Accessible.name: qsTr("Organisation")
                    onPicked: key => weightsModel.organisationId = Number(key)
                }
            }

            ErrorBanner {
                objectName: "weightsError"
                Layout.fillWidth: true
                text: weightsModel.errorMessage
                onDismissed: weightsModel.clearError()
            }
            ErrorBanner {
                objectName: "weightsNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            BusyIndicator {
                visible: weightsModel.loading
                running: visible
            }

            SectionCard {
                objectName: "weightsCard"
                Layout.fillWidth: true
                visible: weightsModel.loaded

                Repeater {
                    model: weightsModel.fields
                    // qmllint disable unqualified
                    delegate: ColumnLayout {
                        id: weightRow
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        Rectangle {
                            visible: weightRow.index > 0
                            Layout.fillWidth: true
                            implicitHeight: 1
                            color: Theme.border
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: page.compact ? 1 : 2
                            columnSpacing: 2 * Theme.unit
                            rowSpacing: Theme.unit
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                Label {
                                    Layout.fillWidth: true
                                    text: weightRow.modelData.label
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: weightRow.modelData.description
                                    wrapMode: Text.Wrap
                                    font.pixelSize: Theme.smallSize + 1
                                    color: Theme.secondaryText
                                }
                            }
                            SpinBox {
                                objectName: "weight-" + weightRow.modelData.key
                                Layout.alignment: page.compact ? Qt.AlignLeft : Qt.AlignRight
                                from: 0
                                to: Matching.maxWeight
                                editable: true
                                value: weightsModel.values[weightRow.modelData.key] || 0
                                enabled: !weightsModel.saving
                                Accessible.name: weightRow.modelData.label
                                onValueModified: weightsModel.setValue(weightRow.modelData.key, value)
                            }
                        }
                    }
                    // qmllint enable unqualified
                }
            }

            Flow {
                Layout.fillWidth: true
                visible: weightsModel.loaded
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "saveWeightsButton"
                    enabled: weightsModel.dirty && !weightsModel.saving
                    text: weightsModel.saving ? qsTr("Saving…") : qsTr("Save weights")
                    onClicked: {
                        page.notice = "";
                        weightsModel.save();
                    }
                }
                TextButton {
                    objectName: "revertWeightsButton"
                    enabled: weightsModel.dirty && !weightsModel.saving
                    text: qsTr("Undo changes")
                    onClicked: weightsModel.revert()
                }
            }
        }
    }
}
