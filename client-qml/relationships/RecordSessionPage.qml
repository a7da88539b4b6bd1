import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The coach's or mentor's record of a meeting, made right after it and in
// under a minute: pick who with (skipped when there is one choice), then
// whether it happened, when and how long, themes, the actions agreed
// (shared) and private notes (the author's only). Saving keeps the record
// on this device first; it is sent when the server can be reached. What is
// typed is kept as a draft as it is typed, and comes back when the form is
// opened again for the same session, even after the app was closed.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: recordForm
    readonly property alias choices: choicesModel
    /// The relationship being recorded (a map); null while choosing.
    property var relationship: null
    readonly property bool choosing: relationship === null
    readonly property bool mentoring: recordForm.kind === "mentoring"

    signal back()
    /// Kept on the device and on its way: `key` is the queue entry.
    signal saved(var relationship, string key, string summary)

    /// Starts a record: of `relationship` (a map; null to choose first) and
    /// of a scheduled `session` (a map) if given.
    function start(chosen: var, session: var) {
        relationship = chosen;
        if (chosen)
            recordForm.start(chosen, session);
        else
            choicesModel.reload(); // one choice: straight on once loaded
        flick.contentY = 0;
    }
    /// Opens a queued record (refused by the server) to correct it.
    function edit(key: string, chosen: var) {
        relationship = chosen;
        recordForm.editQueued(key, chosen);
        flick.contentY = 0;
    }
    function choose(row: int) {
        start(choicesModel.get(row), null);
    }

    component Caption: Label {
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        color: Theme.text
    }
    component Hint: Label {
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize
        color: Theme.secondaryText
    }

    objectName: "recordSessionPage"
    background: Rectangle { color: Theme.background }

    RecordSessionForm {
        id: recordForm
        objectName: "recordSessionForm"
        onSaved: (key, summary) => page.saved(page.relationship, key, summary)
    }
    // Whom the person can record a session with (kept for offline use).
    RelationshipListModel {
        id: choicesModel
        objectName: "recordChoices"
        recordableOnly: true
        onLoadingChanged: {
            // One choice: straight to the form.
            if (!loading && page.choosing && count === 1)
                page.choose(0);
        }
    }
    SpecialismListModel {
        id: specialismModel
    }

    Flickable {
        id: flick
        objectName: "recordSessionFlick"
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
                objectName: "recordBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    objectName: "recordTitle"
                    Layout.fillWidth: true
                    text: page.choosing ? qsTr("Record a session")
                          : recordForm.queuedKey.length > 0 ? qsTr("Correct the record with %1").arg(recordForm.otherName)
                          : qsTr("Session with %1").arg(recordForm.otherName)
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: page.choosing ? qsTr("Who was the session with?")
                          : recordForm.queuedKey.length > 0 ? qsTr("The server did not accept this record. Correct it and save: it is sent again, and recorded once.")
                          : qsTr("Saved on this device first, so it works with no signal. It is sent as soon as the server can be reached.")
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            ErrorSummary {
                objectName: "recordErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: recordForm.fieldErrors
                message: recordForm.errorMessage
                fields: [{ key: "cancelledBy", item: cancelledByChoice }, { key: "cancelReason", item: recordCancelReasonField },
                         { key: "date", item: recordDateField },
                         { key: "time", item: recordTimeField }, { key: "actualMinutes", item: recordMinutesField },
                         { key: "themes", item: themeFlow }, { key: "agreedActions", item: agreedActionsField },
                         { key: "privateNotes", item: privateNotesField }]
            }

            // What was typed before, kept on the device.
            Rectangle {
                objectName: "recordDraftNote"
                Layout.fillWidth: true
                visible: !page.choosing && recordForm.restoredFromDraft
                implicitHeight: draftRow.implicitHeight + 2 * Theme.unit
                radius: Theme.radius
                color: Theme.warningTint
                border.color: Theme.warningBorder
                // The action under the words on a phone with large text.
                GridLayout {
                    id: draftRow
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                              leftMargin: 2 * Theme.unit; rightMargin: Theme.unit }
                    columns: page.compact && Theme.textScale > 1 ? 1 : 2
                    columnSpacing: Theme.unit
                    rowSpacing: 0
                    Label {
                        objectName: "recordDraftText"
                        Layout.fillWidth: true
                        text: recordForm.draftSavedLabel.length > 0
                              ? qsTr("Restored what you typed on %1. It was kept on this device.").arg(recordForm.draftSavedLabel)
                              : qsTr("Restored what you typed before. It was kept on this device.")
                        wrapMode: Text.Wrap
                        color: Theme.warningText
                    }
                    TextButton {
                        objectName: "recordDiscardDraftButton"
                        text: qsTr("Start again")
                        onClicked: recordForm.discardDraft()
                    }
                }
            }

            // Choosing who with.
            Label {
                objectName: "recordChoicesOffline"
                Layout.fillWidth: true
                visible: page.choosing && choicesModel.offline
                text: choicesModel.offlineNote
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize + 1
                color: Theme.warningText
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: page.choosing && choicesModel.loading
                running: visible
            }
            SectionCard {
                objectName: "recordNoChoices"
                Layout.fillWidth: true
                visible: page.choosing && !choicesModel.loading && choicesModel.count === 0
                title: qsTr("No one to record a session with yet")
                subtitle: qsTr("When you accept a request, the relationship appears here once it starts.")
            }
            Column {
                Layout.fillWidth: true
                visible: page.choosing && choicesModel.count > 0
                spacing: 2 * Theme.unit
                Repeater {
                    model: page.choosing ? choicesModel : null
                    // qmllint disable unqualified
                    delegate: RelationshipCard {
                        required property int index
                        required property var model
                        objectName: "recordChoice-" + index
                        width: parent ? parent.width : 0
                        relationship: model
                        onClicked: page.choose(index)
                    }
                    // qmllint enable unqualified
                }
            }

            // The record.
            SectionCard {
                objectName: "recordHappenedCard"
                Layout.fillWidth: true
                visible: !page.choosing
                title: qsTr("Did it happen?")
                RadioChoice {
                    Layout.fillWidth: true
                    options: [{ key: "yes", label: qsTr("Yes, we met"), name: "heldYes" },
                              { key: "no", label: qsTr("No, it was called off"), name: "heldNo" }]
                    key: recordForm.held ? "yes" : "no"
                    onPicked: key => recordForm.held = key === "yes"
                }
                Column {
                    Layout.fillWidth: true
                    visible: !recordForm.held
                    spacing: Theme.unit
                    RadioChoice {
                        id: cancelledByChoice
                        width: parent.width
                        label: qsTr("Who called it off?")
                        options: [{ key: "coachee", label: recordForm.otherName, name: "cancelledByCoachee" },
                                  { key: "member", label: qsTr("I did"), name: "cancelledByMember" }]
                        key: recordForm.cancelledBy
                        error: recordForm.fieldErrors.cancelledBy || ""
                        onPicked: key => recordForm.cancelledBy = key
                    }
                    FormField {
                        id: recordCancelReasonField
                        objectName: "recordCancelReasonField"
                        width: parent.width
                        label: qsTr("Why (optional)")
                        error: recordForm.fieldErrors.cancelReason || ""
                        text: recordForm.cancelReason
                        onTextChanged: recordForm.cancelReason = text
                    }
                }

                // When, and how long.
                Flow {
                    id: whenRow
                    // The date's three boxes on a line of their own.
                    readonly property real cell: (width - spacing) / 2
                    Layout.fillWidth: true
                    spacing: page.compact ? Theme.unit : 2 * Theme.unit
                    DateField {
                        id: recordDateField
                        objectName: "recordDateField"
                        visible: recordForm.sessionId === 0
                        width: whenRow.width
                        label: qsTr("Date")
                        error: recordForm.fieldErrors.date || ""
                        text: recordForm.date
                        onTextChanged: recordForm.date = text
                    }
                    FormField {
                        id: recordTimeField
                        objectName: "recordTimeField"
                        visible: recordForm.sessionId === 0
                        width: whenRow.cell
                        label: qsTr("Started")
                        helperText: qsTr("For example, 14:30")
                        error: recordForm.fieldErrors.time || ""
                        text: recordForm.time
                        onTextChanged: recordForm.time = text
                    }
                    FormField {
                        id: recordMinutesField
                        objectName: "recordMinutesField"
                        visible: recordForm.held
                        width: whenRow.cell
                        label: qsTr("Minutes")
                        helperText: qsTr("%1 to %2").arg(5).arg(480)
                        error: recordForm.fieldErrors.actualMinutes || ""
                        text: recordForm.actualMinutes > 0 ? String(recordForm.actualMinutes) : ""
                        inputMethodHints: Qt.ImhDigitsOnly
                        onTextChanged: recordForm.actualMinutes = parseInt(text) || 0
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: recordForm.sessionId > 0
                    text: qsTr("The booked session of %1 at %2.")
                          .arg(Qt.formatDate(new Date(recordForm.date + "T00:00"), "d MMMM yyyy")).arg(recordForm.time)
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
                RadioChoice {
                    Layout.fillWidth: true
                    visible: recordForm.held
                    label: qsTr("How you met (optional)")
                    inline: true
                    namePrefix: "recordMode-"
                    options: Directory.options("deliveryMode")
                    key: recordForm.mode
                    onPicked: key => recordForm.mode = key
                }
            }

            SectionCard {
                objectName: "recordContentCard"
                Layout.fillWidth: true
                visible: !page.choosing && recordForm.held
                title: qsTr("What you worked on")

                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Caption { width: parent.width; text: qsTr("Themes (up to %1, optional)").arg(Relationships.maxThemes) }
                    Hint { width: parent.width; text: qsTr("Counted, never read, in the programme's figures.") }
                    Flow {
                        id: themeFlow
                        objectName: "recordThemeChips"
                        width: parent.width
                        spacing: Theme.unit
                        Repeater {
                            model: specialismModel
                            // qmllint disable unqualified
                            delegate: ChoiceChip {
                                required property string code
                                required property string label
                                objectName: "recordTheme-" + code
                                width: Math.min(implicitWidth, themeFlow.width)
                                text: label
                                checked: recordForm.themes.indexOf(code) >= 0
                                onClicked: recordForm.toggleTheme(code)
                            }
                            // qmllint enable unqualified
                        }
                    }
                    FieldError { objectName: "recordThemesError"; width: parent.width; text: recordForm.fieldErrors.themes || "" }
                }
                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    Caption { width: parent.width; text: qsTr("Actions you agreed") }
                    Hint { width: parent.width; text: qsTr("Shared: %1 sees these.").arg(recordForm.otherName) }
                    TextBox {
                        id: agreedActionsField
                        objectName: "agreedActionsField"
                        error: recordForm.fieldErrors.agreedActions || ""
                        width: parent.width
                        height: Math.max(96, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        example: qsTr("For example: try the two-minute check-in at the start of each shift handover.")
                        text: recordForm.agreedActions
                        onTextChanged: recordForm.agreedActions = text
                        Accessible.name: qsTr("Actions you agreed")
                    }
                    FieldError { width: parent.width; text: recordForm.fieldErrors.agreedActions || "" }
                }
            }

            // Private notes: clearly the author's alone.
            Rectangle {
                objectName: "privateNotesCard"
                Layout.fillWidth: true
                visible: !page.choosing
                implicitHeight: notesColumn.implicitHeight + 2 * (page.compact ? 2 : 3) * Theme.unit
                radius: Theme.radius
                color: Theme.purpleTint
                border.color: Theme.purpleBorder

                Column {
                    id: notesColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: (page.compact ? 2 : 3) * Theme.unit }
                    spacing: Theme.unit / 2
                    Label {
                        objectName: "privateNotesTitle"
                        width: parent.width
                        text: qsTr("Private notes \u2014 only you can read these")
                        font.pixelSize: Theme.subtitleSize
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                        color: Theme.purpleText
                    }
                    Hint {
                        width: parent.width
                        text: qsTr("Not %1, not coordinators, not supervisors. Kept encrypted on the server.").arg(recordForm.otherName)
                    }
                    TextBox {
                        id: privateNotesField
                        objectName: "privateNotesField"
                        error: recordForm.fieldErrors.privateNotes || ""
                        width: parent.width
                        height: Math.max(110, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        example: qsTr("Your reflections, for your next session and supervision.")
                        text: recordForm.privateNotes
                        onTextChanged: recordForm.privateNotes = text
                        Accessible.name: qsTr("Private notes, only you can read these")
                    }
                    FieldError { width: parent.width; text: recordForm.fieldErrors.privateNotes || "" }
                }
            }

            PrimaryButton {
                objectName: "saveRecordButton"
                Layout.fillWidth: page.compact
                visible: !page.choosing
                enabled: !recordForm.busy
                text: recordForm.queuedKey.length > 0 ? qsTr("Save and send again") : qsTr("Save the record")
                onClicked: recordForm.save()
            }
        }
    }
}
