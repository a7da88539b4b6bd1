import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A date as the NHS service manual asks for it: Day, Month and Year in
// three boxes, with the label and any error above them. `text` is the date
// as the forms read it, "YYYY-MM-DD" — set it to fill the boxes. Boxes
// filled in part give a text the forms refuse as not a real date; all
// three empty give "".
ColumnLayout {
    id: field

    property string label
    property string helperText: qsTr("For example, 27 3 2027")
    /// What is wrong with the date; empty when nothing is.
    property string error
    property string text
    /// The first box, for focusing the field from an error summary.
    readonly property alias input: day.input
    property bool spreading: false
    /// Whether `text` is a date that exists ("2026-02-30" is not).
    readonly property bool valid: {
        const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(field.text);
        if (!parts)
            return false;
        const d = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
        return d.getFullYear() === Number(parts[1]) && d.getMonth() === Number(parts[2]) - 1
               && d.getDate() === Number(parts[3]);
    }

    function pad(value: string): string {
        return value.length === 1 ? "0" + value : value;
    }
    function composed(): string {
        if (day.text.length === 0 && month.text.length === 0 && year.text.length === 0)
            return "";
        return year.text + "-" + pad(month.text) + "-" + pad(day.text);
    }
    function take() {
        if (field.spreading)
            return;
        const value = composed();
        if (value !== field.text)
            field.text = value;
    }
    function spread() {
        if (field.text === composed())
            return;
        const parts = /^(\d{0,4})-(\d{0,2})-(\d{0,2})$/.exec(field.text);
        field.spreading = true;
        year.text = parts ? parts[1] : "";
        month.text = parts ? String(parseInt(parts[2], 10) || "") : "";
        day.text = parts ? String(parseInt(parts[3], 10) || "") : "";
        field.spreading = false;
    }

    spacing: Theme.unit / 2
    onTextChanged: spread()
    Component.onCompleted: spread()

    Label {
        Layout.fillWidth: true
        text: field.label
        font.pixelSize: Theme.bodySize
        font.weight: Font.DemiBold
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Label {
        visible: field.helperText.length > 0
        Layout.fillWidth: true
        text: field.helperText
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize
        color: Theme.secondaryText
    }
    FieldError {
        text: field.error
    }
    Flow {
        Layout.fillWidth: true
        spacing: 2 * Theme.unit
        DatePart {
            id: day
            objectName: "dayPart"
            label: qsTr("Day")
            fieldName: field.label
            invalid: field.error.length > 0
            onTextChanged: field.take()
        }
        DatePart {
            id: month
            objectName: "monthPart"
            label: qsTr("Month")
            fieldName: field.label
            invalid: field.error.length > 0
            onTextChanged: field.take()
        }
        DatePart {
            id: year
            objectName: "yearPart"
            label: qsTr("Year")
            digits: 4
            fieldName: field.label
            invalid: field.error.length > 0
            onTextChanged: field.take()
        }
    }
}
