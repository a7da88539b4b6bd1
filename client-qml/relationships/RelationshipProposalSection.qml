import QtQuick
import Tandem

// The fields of a session proposal: date, start time, how long, how the two
// will meet and where; each refusal under its field, then Send or Cancel.
Column {
    id: section

    /// Fills in and sends the proposal.
    required property SessionProposalForm form
    required property bool compact

    /// Cancel was pressed.
    signal cancelled()

    objectName: "proposalSection"
    spacing: Theme.unit

    CaptionLabel {
        width: parent.width
        text: qsTr("Propose a session")
        font.pixelSize: Theme.subtitleSize
    }
    Flow {
        id: whenRow
        readonly property real cell: section.compact ? width : (width - spacing) / 2
        width: parent.width
        spacing: 2 * Theme.unit
        DateField {
            objectName: "proposalDateField"
            width: whenRow.cell
            label: qsTr("Date")
            error: section.form.fieldErrors.date || ""
            text: section.form.date
            onTextChanged: section.form.date = text
        }
        FormField {
            objectName: "proposalTimeField"
            width: whenRow.cell
            label: qsTr("Start time")
            helperText: qsTr("24-hour clock, like 14:30")
            error: section.form.fieldErrors.time || ""
            text: section.form.time
            onTextChanged: section.form.time = text
        }
    }
    RadioChoice {
        width: parent.width
        label: qsTr("How long")
        inline: true
        namePrefix: "proposalMinutes-"
        options: Relationships.options("sessionLength")
        key: String(section.form.plannedMinutes)
        error: section.form.fieldErrors.plannedMinutes || ""
        onPicked: key => section.form.plannedMinutes = parseInt(key)
    }
    RadioChoice {
        objectName: "proposalModeChoice"
        width: parent.width
        label: qsTr("How you will meet")
        namePrefix: "proposalMode-"
        options: Directory.options("deliveryMode")
        key: section.form.mode
        error: section.form.fieldErrors.mode || ""
        onPicked: key => section.form.mode = key
    }
    FormField {
        objectName: "proposalPlaceField"
        width: parent.width
        label: qsTr("Where (optional)")
        placeholderText: qsTr("Room, video link or phone number")
        text: section.form.place
        onTextChanged: section.form.place = text
    }
    FieldError { width: parent.width; text: section.form.fieldErrors.place || "" }
    ErrorBanner {
        objectName: "proposalError"
        width: parent.width
        text: Object.keys(section.form.fieldErrors).length === 0 ? section.form.errorMessage : ""
        onDismissed: section.form.clearError()
    }
    Flow {
        width: parent.width
        spacing: Theme.unit
        PrimaryButton {
            objectName: "sendProposalButton"
            enabled: !section.form.busy
            text: section.form.busy ? qsTr("Sending…") : qsTr("Send proposal")
            onClicked: section.form.submit()
        }
        TextButton {
            text: qsTr("Cancel")
            onClicked: section.cancelled()
        }
    }
}
