import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: ends one of the programme's relationships early, with a
// reason both people see. The ending is kept on the device and sent like
// every change to a relationship (it goes once, even offline); the reason
// is kept as a draft as it is typed.
Page {
    id: view

    /// The relationship, a row of ProgrammeRelationshipList.
    required property var relationship
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias form: endForm

    /// Back to the list, with nothing done.
    signal closed()
    /// Ended (`message` says so), or kept to send when the server can be
    /// reached.
    signal done(string message)

    objectName: "programmeEndView"
    background: Rectangle { color: Theme.background }

    ProgrammeEndForm {
        id: endForm
        objectName: "programmeEndForm"
        onEnded: message => view.done(message)
        onQueued: view.done(qsTr("Saved on this device. The relationship ends as soon as the server can be reached."))
    }
    Component.onCompleted: endForm.start(view.relationship)

    Flickable {
        id: flick
        objectName: "programmeEndFlick"
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * view.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: view.margin
            y: view.margin
            width: Math.min(flick.width - 2 * view.margin, 720)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "programmeEndBack"
                Layout.leftMargin: -Theme.unit
                visible: !view.compact
                text: qsTr("\u2039 All relationships")
                enabled: !endForm.busy
                onClicked: view.closed()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("End a relationship early")
                font.pixelSize: view.compact ? Theme.titleSize : Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }

            ErrorSummary {
                objectName: "programmeEndErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: endForm.fieldErrors
                message: endForm.errorMessage
                fields: [{ key: "reason", item: reasonField }]
            }

            SectionCard {
                objectName: "programmeEndSummary"
                Layout.fillWidth: true
                title: endForm.pairNames
                Label {
                    objectName: "programmeEndWho"
                    Layout.fillWidth: true
                    text: qsTr("%1 is the coachee or mentee; %2 is the coach or mentor.")
                          .arg(view.relationship.coacheeName || "").arg(view.relationship.memberName || "")
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                Label {
                    objectName: "programmeEndFacts"
                    Layout.fillWidth: true
                    text: qsTr("%1, %2. Started %3. %4. Last session: %5.")
                          .arg(view.relationship.kindLabel || "")
                          .arg((view.relationship.stateLabel || "").toLowerCase())
                          .arg(view.relationship.startedText || "")
                          .arg(view.relationship.sessionsText || "")
                          .arg(view.relationship.quietText
                               ? qsTr("%1 (%2)").arg(view.relationship.lastSessionText).arg(view.relationship.quietText)
                               : (view.relationship.lastSessionText || ""))
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Why does it end early?")
                subtitle: qsTr("Both of them will see this reason, and it stays in the relationship's history. Say nothing confidential.")
                FieldError {
                    objectName: "programmeEndReasonError"
                    text: endForm.fieldErrors.reason || ""
                }
                TextBox {
                    id: reasonField
                    objectName: "programmeEndReason"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(120, implicitHeight)
                    error: endForm.fieldErrors.reason || ""
                    example: qsTr("For example: the coach has left the trust and the coachee would like to be matched again.")
                    text: endForm.reason
                    Accessible.name: qsTr("Why does it end early?")
                    onTextChanged: endForm.reason = text
                }
                HintLabel {
                    Layout.fillWidth: true
                    text: qsTr("Up to %1 characters.").arg(endForm.reasonMaxLength)
                }
                HintLabel {
                    Layout.fillWidth: true
                    visible: endForm.restoredFromDraft
                    text: qsTr("This is the reason you started typing before.")
                }
            }

            Flow {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "programmeEndConfirm"
                    width: view.compact ? parent.width : implicitWidth
                    enabled: !endForm.busy
                    text: endForm.busy ? qsTr("Ending\u2026") : qsTr("End the relationship")
                    onClicked: endForm.submit()
                }
                TextButton {
                    objectName: "programmeEndCancel"
                    width: view.compact ? parent.width : implicitWidth
                    enabled: !endForm.busy
                    text: qsTr("Cancel")
                    onClicked: view.closed()
                }
            }
        }
    }
}
