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
        FormField {
            objectName: "proposalDateField"
            width: whenRow.cell
            label: qsTr("Date")
            helperText: qsTr("Year-month-day")
            text: section.form.date
            onTextChanged: section.form.date = text
        }
        FormField {
            objectName: "proposalTimeField"
            width: whenRow.cell
            label: qsTr("Start time")
            helperText: qsTr("24-hour clock, like 14:30")
            text: section.form.time
            onTextChanged: section.form.time = text
        }
    }
    FieldError { width: parent.width; text: section.form.fieldErrors.date || "" }
    FieldError { width: parent.width; text: section.form.fieldErrors.time || "" }
    CaptionLabel { width: parent.width; text: qsTr("How long") }
    Flow {
        width: parent.width
        spacing: Theme.unit
        Repeater {
            model: [30, 45, 60, 90, 120]
            // qmllint disable unqualified
            delegate: ChoiceChip {
                required property int modelData
                objectName: "proposalMinutes-" + modelData
                implicitHeight: Theme.touchTarget
                text: qsTr("%1 min").arg(modelData)
                checked: section.form.plannedMinutes === modelData
                onClicked: section.form.plannedMinutes = modelData
            }
            // qmllint enable unqualified
        }
    }
    FieldError { width: parent.width; text: section.form.fieldErrors.plannedMinutes || "" }
    CaptionLabel { width: parent.width; text: qsTr("How you will meet") }
    Flow {
        width: parent.width
        spacing: Theme.unit
        Repeater {
            model: Directory.options("deliveryMode")
            // qmllint disable unqualified
            delegate: ChoiceChip {
                required property var modelData
                objectName: "proposalMode-" + modelData.key
                implicitHeight: Theme.touchTarget
                text: modelData.label
                checked: section.form.mode === modelData.key
                onClicked: section.form.mode = modelData.key
            }
            // qmllint enable unqualified
        }
    }
    FieldError { objectName: "proposalModeError"; width: parent.width; text: section.form.fieldErrors.mode || "" }
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
