import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The coach or mentor sets the contract's terms agreed at the first
// session (coaching: sessions, length, how often, planned end; mentoring:
// how often to review), or reviews an active coaching contract. Kept on
// the device first and sent from there; what is typed is kept as a draft.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: termsForm
    /// Six months from today, as a DateField example ("2 6 2027").
    readonly property string exampleEnd: {
        const d = new Date();
        d.setMonth(d.getMonth() + 6);
        return Qt.formatDate(d, "d M yyyy");
    }
    readonly property bool coaching: termsForm.kind !== "mentoring"
    property string otherName

    signal back()
    /// The terms are saved; `relationship` is its new map.
    signal saved(var relationship)
    /// The server could not be reached: the change waits on the device.
    signal queued(string summary)

    /// Starts from a relationship map: setting its terms or reviewing them.
    function start(relationship: var, review: bool) {
        otherName = relationship.otherName || "";
        termsForm.start(relationship, review);
        flick.contentY = 0;
    }
    /// Opens a queued change the server refused, to correct it.
    function edit(key: string, relationship: var): bool {
        otherName = relationship.otherName || "";
        flick.contentY = 0;
        return termsForm.editQueued(key, relationship);
    }

    component Caption: Label {
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        color: Theme.text
    }

    objectName: "contractTermsPage"
    background: Rectangle { color: Theme.background }

    ContractTermsForm {
        id: termsForm
        objectName: "contractTermsForm"
        onSubmitted: relationship => page.saved(relationship)
        onQueued: (key, summary) => page.queued(summary)
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
            width: Math.min(flick.width - 2 * page.margin, 700)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "termsBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                enabled: !termsForm.busy
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    objectName: "termsTitle"
                    Layout.fillWidth: true
                    text: termsForm.review ? qsTr("Review the contract with %1").arg(page.otherName)
                                           : qsTr("Contract with %1").arg(page.otherName)
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: termsForm.queuedKey.length > 0
                          ? qsTr("The server did not accept this change. Correct it and save: it is sent again, and made once.")
                          : termsForm.review
                          ? qsTr("Reset the number of sessions and the end date, and say why. %1 sees the review in the history.").arg(page.otherName)
                          : qsTr("Enter what you agreed at your first session. You and %1 then each agree to it; changing it later asks you both again.").arg(page.otherName)
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }
            ErrorSummary {
                objectName: "termsErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: termsForm.fieldErrors
                message: termsForm.errorMessage
                fields: [{ key: "numberOfSessions", item: sessionsField }, { key: "plannedEndOn", item: plannedEndField },
                         { key: "sessionMinutes", item: minutesChoice }, { key: "regularity", item: regularityChoice },
                         { key: "reviewCadence", item: cadenceChoice }, { key: "reason", item: reviewReasonField }]
            }
            // The action under the words on a phone with large text.
            GridLayout {
                objectName: "termsDraftNote"
                Layout.fillWidth: true
                visible: termsForm.restoredFromDraft
                columns: page.compact && Theme.textScale > 1 ? 1 : 2
                columnSpacing: Theme.unit
                rowSpacing: 0
                Label {
                    Layout.fillWidth: true
                    text: qsTr("This is what you typed before; it was kept on this device.")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.warningText
                }
                TextButton {
                    objectName: "termsDiscardDraftButton"
                    text: qsTr("Start again")
                    onClicked: termsForm.discardDraft()
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: page.coaching ? qsTr("Coaching terms") : qsTr("Mentoring terms")

                // Coaching: sessions and end date (also when reviewing).
                Flow {
                    id: numbers
                    readonly property real cell: page.compact ? width : (width - spacing) / 2
                    Layout.fillWidth: true
                    visible: page.coaching
                    spacing: 2 * Theme.unit
                    Column {
                        width: numbers.cell
                        spacing: Theme.unit / 2
                        FormField {
                            id: sessionsField
                            objectName: "sessionsField"
                            width: parent.width
                            label: qsTr("Number of sessions")
                            helperText: qsTr("1 to %1").arg(Relationships.maxContractSessions)
                            text: termsForm.numberOfSessions > 0 ? String(termsForm.numberOfSessions) : ""
                            inputMethodHints: Qt.ImhDigitsOnly
                            error: termsForm.fieldErrors.numberOfSessions || ""
                            onTextChanged: termsForm.numberOfSessions = parseInt(text) || 0
                        }
                    }
                    Column {
                        width: numbers.cell
                        spacing: Theme.unit / 2
                        DateField {
                            id: plannedEndField
                            objectName: "plannedEndField"
                            width: parent.width
                            label: qsTr("Planned end date")
                            helperText: qsTr("Within two years, for example %1").arg(page.exampleEnd)
                            error: termsForm.fieldErrors.plannedEndOn || ""
                            text: termsForm.plannedEndOn
                            onTextChanged: termsForm.plannedEndOn = text
                        }
                    }
                }

                Column {
                    Layout.fillWidth: true
                    visible: page.coaching && !termsForm.review
                    spacing: Theme.unit
                    RadioChoice {
                        id: minutesChoice
                        width: parent.width
                        label: qsTr("Length of each session")
                        inline: true
                        namePrefix: "termsMinutes-"
                        options: Relationships.options("sessionLength")
                        key: String(termsForm.sessionMinutes)
                        error: termsForm.fieldErrors.sessionMinutes || ""
                        onPicked: key => termsForm.sessionMinutes = parseInt(key)
                    }
                    RadioChoice {
                        id: regularityChoice
                        width: parent.width
                        label: qsTr("How often you meet")
                        namePrefix: "regularity-"
                        options: Relationships.options("regularity")
                        key: termsForm.regularity
                        error: termsForm.fieldErrors.regularity || ""
                        onPicked: key => termsForm.regularity = key
                    }
                }

                // Mentoring: how often to review.
                Column {
                    Layout.fillWidth: true
                    visible: !page.coaching
                    spacing: Theme.unit
                    RadioChoice {
                        id: cadenceChoice
                        width: parent.width
                        label: qsTr("How often you review the mentoring together")
                        hint: qsTr("Mentoring has no fixed end: meet as and when the mentee needs, and look back together at this rhythm.")
                        namePrefix: "cadence-"
                        options: Relationships.options("reviewCadence")
                        key: termsForm.reviewCadence
                        error: termsForm.fieldErrors.reviewCadence || ""
                        onPicked: key => termsForm.reviewCadence = key
                    }
                }

                // Reviewing: why.
                Column {
                    Layout.fillWidth: true
                    visible: termsForm.review
                    spacing: Theme.unit / 2
                    Caption { width: parent.width; text: qsTr("Why the contract changes") }
                    TextBox {
                        id: reviewReasonField
                        objectName: "reviewReasonField"
                        error: termsForm.fieldErrors.reason || ""
                        width: parent.width
                        height: Math.max(96, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        example: qsTr("For example: we agreed two more sessions to finish the leadership goal.")
                        text: termsForm.reason
                        onTextChanged: termsForm.reason = text
                        Accessible.name: qsTr("Why the contract changes")
                    }
                    FieldError { objectName: "reviewReasonError"; width: parent.width; text: termsForm.fieldErrors.reason || "" }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "saveTermsButton"
                    Layout.fillWidth: page.compact
                    enabled: !termsForm.busy
                    text: termsForm.busy ? qsTr("Saving…")
                          : termsForm.queuedKey.length > 0 ? qsTr("Save and send again")
                          : termsForm.review ? qsTr("Save the review") : qsTr("Save the terms")
                    onClicked: termsForm.submit()
                }
                BusyIndicator {
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                    visible: termsForm.busy
                    running: visible
                }
            }
        }
    }
}
