import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: each organisation they coordinate, with its head-count
// (staff employed, so that the figures show reach as a share of staff) and
// whether it monitors equality (its people are then asked two more
// optional questions: ethnic group and disability).
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit

    objectName: "organisationsPage"
    title: qsTr("Organisations")
    background: Rectangle { color: Theme.background }

    Flickable {
        id: flick
        objectName: "organisationsFlick"
        anchors.fill: parent
        contentWidth: width
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
                text: qsTr("Your organisations")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("For each organisation you coordinate: how many staff it employs, so that the programme's figures can show the share of staff reached, and whether it monitors equality.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            Label {
                objectName: "organisationsEmpty"
                Layout.fillWidth: true
                visible: Session.coordinatedOrganisationIds.length === 0
                text: qsTr("You do not coordinate any organisation yet. Ask another coordinator to add you to one.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }

            Repeater {
                model: Session.coordinatedOrganisationIds
                // qmllint disable unqualified
                delegate: SectionCard {
                    id: card
                    required property var modelData
                    required property int index
                    readonly property string name: Session.organisationNameFor(modelData)
                    readonly property alias form: settingsForm
                    property string notice

                    objectName: "organisation-" + index
                    Layout.fillWidth: true
                    title: name
                    subtitle: !settingsForm.loaded ? ""
                              : settingsForm.savedEqualityMonitoring
                                ? qsTr("Head-count: %1. Equality monitoring: on.").arg(settingsForm.headcountText)
                                : qsTr("Head-count: %1. Equality monitoring: off.").arg(settingsForm.headcountText)

                    OrganisationSettingsForm {
                        id: settingsForm
                        objectName: "settingsForm-" + card.index
                        organisationId: card.modelData
                        onSaved: message => card.notice = message
                        onBusyChanged: {
                            if (busy)
                                card.notice = "";
                        }
                    }

                    Label {
                        Layout.fillWidth: true
                        visible: settingsForm.loading && !settingsForm.loaded
                        text: qsTr("Loading\u2026")
                        color: Theme.secondaryText
                    }
                    ErrorBanner {
                        objectName: "settingsNotice-" + card.index
                        Layout.fillWidth: true
                        tone: "success"
                        text: card.notice
                        onDismissed: card.notice = ""
                    }
                    ErrorSummary {
                        objectName: "settingsErrorSummary-" + card.index
                        Layout.fillWidth: true
                        flickable: flick
                        errors: settingsForm.fieldErrors
                        message: settingsForm.errorMessage
                        fields: [{ key: "headcount", item: headcountField }]
                    }
                    SecondaryButton {
                        visible: !settingsForm.loaded && !settingsForm.loading
                        text: qsTr("Try again")
                        Accessible.name: qsTr("Try loading %1 again").arg(card.name)
                        onClicked: settingsForm.reload()
                    }

                    FormField {
                        id: headcountField
                        objectName: "headcount-" + card.index
                        Layout.fillWidth: true
                        visible: settingsForm.loaded
                        label: qsTr("Staff employed (head-count)")
                        helperText: qsTr("The number of people the organisation employs, from its workforce records. Leave it empty if you do not know it yet.")
                        error: settingsForm.fieldErrors.headcount || ""
                        text: settingsForm.headcount
                        inputMethodHints: Qt.ImhDigitsOnly
                        placeholderText: qsTr("For example, 4200")
                        onTextChanged: settingsForm.headcount = text
                        onAccepted: settingsForm.save(card.name)
                    }
                    CheckOption {
                        objectName: "equalityMonitoring-" + card.index
                        Layout.fillWidth: true
                        visible: settingsForm.loaded
                        text: qsTr("Ask its people about their ethnic group and disability")
                        checked: settingsForm.equalityMonitoring
                        onToggled: settingsForm.equalityMonitoring = checked
                    }
                    HintLabel {
                        Layout.fillWidth: true
                        visible: settingsForm.loaded
                        text: qsTr("Turn this on where the organisation monitors equality of access to coaching and mentoring. Both questions stay optional, and the figures show only counts of people, never fewer than 8.")
                    }
                    PrimaryButton {
                        objectName: "saveSettings-" + card.index
                        visible: settingsForm.loaded
                        enabled: !settingsForm.busy
                        text: settingsForm.busy ? qsTr("Saving\u2026") : qsTr("Save")
                        Accessible.name: qsTr("Save the settings of %1").arg(card.name)
                        onClicked: settingsForm.save(card.name)
                    }
                }
                // qmllint enable unqualified
            }
        }
    }
}
