import QtQuick
import QtQuick.Controls
import Tandem

// One session to come: when, how long, how and where, whether it is
// proposed or booked, and what the viewer can do: accept it, cancel it
// with a reason the other person sees, or (the coach or mentor) record it.
Rectangle {
    id: row

    /// The session, a map as RelationshipCatalogue::toMap makes.
    property var session: ({})
    property string otherName
    property bool busy: false
    property bool cancelling: false
    /// What is wrong with the reason typed; set by the page.
    property string reasonError

    signal acceptRequested()
    signal cancelRequested(string reason)
    signal recordRequested()

    implicitHeight: column.implicitHeight + 2 * Theme.unit
    radius: Theme.radius
    color: "#F8FAFB"
    border.color: Theme.border

    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit + 4 }
        spacing: Theme.unit / 2

        Flow {
            width: parent.width
            spacing: Theme.unit
            Label {
                objectName: "sessionWhen"
                height: 26
                verticalAlignment: Text.AlignVCenter
                text: (row.session.dateLabel || "") + "  " + (row.session.timeLabel || "")
                font.weight: Font.DemiBold
                color: Theme.text
            }
            InfoChip {
                objectName: "sessionStatus"
                text: row.session.statusLabel || ""
                color: Theme.sessionStatusColor(row.session.status || "")
            }
        }
        Label {
            width: parent.width
            text: [qsTr("%1 minutes").arg(row.session.plannedMinutes || 0), row.session.modeLabel || "", row.session.place || ""]
                  .filter(s => s.length > 0).join("  \u00b7  ")
            wrapMode: Text.Wrap
            color: Theme.secondaryText
        }
        Label {
            width: parent.width
            visible: row.session.status === "proposed"
            text: row.session.proposedByYou ? qsTr("You proposed this. Waiting for %1 to accept.").arg(row.otherName)
                                            : qsTr("%1 proposed this. Accept it to book it.").arg(row.otherName)
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: "#8A5300"
        }
        Flow {
            width: parent.width
            visible: !row.cancelling
            spacing: Theme.unit
            PrimaryButton {
                objectName: "acceptSessionButton"
                visible: row.session.canAccept === true
                enabled: !row.busy
                text: qsTr("Accept")
                onClicked: row.acceptRequested()
            }
            SecondaryButton {
                objectName: "recordSessionButton"
                visible: row.session.canRecord === true && row.session.past === true
                text: qsTr("Record it")
                onClicked: row.recordRequested()
            }
            TextButton {
                objectName: "cancelSessionButton"
                visible: row.session.canCancel === true
                enabled: !row.busy
                text: qsTr("Cancel session")
                onClicked: row.cancelling = true
            }
        }
        Column {
            width: parent.width
            visible: row.cancelling
            spacing: Theme.unit / 2
            Label {
                width: parent.width
                text: qsTr("Why are you cancelling?")
                font.weight: Font.DemiBold
                color: Theme.text
            }
            TextArea {
                id: reasonField
                objectName: "cancelReasonField"
                width: parent.width
                height: Math.max(80, implicitHeight)
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("For example: I am on a late shift that day.")
                Accessible.name: qsTr("Why are you cancelling?")
                onTextChanged: row.reasonError = ""
            }
            Label {
                width: parent.width
                text: qsTr("%1 will see this.").arg(row.otherName)
                font.pixelSize: Theme.smallSize
                color: Theme.secondaryText
            }
            FieldError {
                objectName: "cancelReasonError"
                width: parent.width
                text: row.reasonError
            }
            Flow {
                width: parent.width
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "confirmCancelButton"
                    enabled: !row.busy
                    text: qsTr("Cancel the session")
                    onClicked: row.cancelRequested(reasonField.text)
                }
                TextButton {
                    text: qsTr("Keep it")
                    onClicked: {
                        row.cancelling = false;
                        row.reasonError = "";
                    }
                }
            }
        }
    }
}
