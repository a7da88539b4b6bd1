import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The supervisor (or the safeguarding lead) acknowledges a concern and
// records what was done. The concern is shown in full above the form.
// What is typed is kept on this device as a draft; saving keeps the
// acknowledgement on the device and it is sent as soon as the server can be
// reached.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias form: acknowledgeForm

    signal back()
    /// Kept on the device and on its way: `key` is the queue entry.
    signal saved(string key, string summary)

    /// Opens the form for `concern` (a map from ConcernListModel).
    function start(concern: var) {
        acknowledgeForm.start(concern);
        flick.contentY = 0;
    }

    objectName: "acknowledgeConcernPage"
    background: Rectangle { color: Theme.background }

    AcknowledgeConcernForm {
        id: acknowledgeForm
        objectName: "acknowledgeConcernForm"
        onSaved: (key, summary) => page.saved(key, summary)
    }

    Flickable {
        id: flick
        objectName: "acknowledgeConcernFlick"
        anchors.fill: parent
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

            TextButton {
                objectName: "acknowledgeConcernBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                onClicked: page.back()
            }
            Label {
                objectName: "acknowledgeConcernTitle"
                Layout.fillWidth: true
                text: qsTr("Acknowledge the concern")
                font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }

            ConcernCard {
                objectName: "acknowledgeConcernCard"
                Layout.fillWidth: true
                concern: acknowledgeForm.concern
                showActions: false
            }

            ErrorSummary {
                objectName: "acknowledgeErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: acknowledgeForm.fieldErrors
                message: acknowledgeForm.errorMessage
                fields: [{ key: "actionTaken", item: actionTakenField }]
            }
            SectionCard {
                objectName: "acknowledgeConcernFormCard"
                Layout.fillWidth: true
                title: qsTr("What was done")
                subtitle: qsTr("Who you spoke to, what was agreed, where it was referred. %1 sees that you acknowledged it and when, not what you write here.")
                          .arg(acknowledgeForm.concern.raisedByName || qsTr("The coach"))
                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    TextBox {
                        id: actionTakenField
                        objectName: "actionTakenField"
                        error: acknowledgeForm.fieldErrors.actionTaken || ""
                        width: parent.width
                        height: Math.max(140, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        example: qsTr("For example: spoke to the coach the same day; referred to the ward manager and the trust's safeguarding team.")
                        text: acknowledgeForm.actionTaken
                        onTextChanged: acknowledgeForm.actionTaken = text
                        Accessible.name: qsTr("What was done")
                    }
                    RowLayout {
                        width: parent.width
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Kept on this device as you type.")
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.smallSize + 1
                            color: Theme.secondaryText
                        }
                        Label {
                            objectName: "actionTakenLength"
                            text: Safeguarding.lengthLabel(acknowledgeForm.actionTaken)
                            font.pixelSize: Theme.smallSize + 1
                            color: Safeguarding.lengthOf(acknowledgeForm.actionTaken) > Safeguarding.textMaxLength ? Theme.error : Theme.secondaryText
                        }
                    }
                    FieldError {
                        objectName: "actionTakenError"
                        width: parent.width
                        text: acknowledgeForm.fieldErrors.actionTaken || ""
                    }
                }
            }

            PrimaryButton {
                objectName: "acknowledgeConcernSaveButton"
                Layout.fillWidth: page.compact
                enabled: !acknowledgeForm.busy
                text: qsTr("Acknowledge")
                onClicked: acknowledgeForm.save()
            }
        }
    }
}
