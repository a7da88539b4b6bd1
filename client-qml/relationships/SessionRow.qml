import QtQuick
import QtQuick.Controls
import Tandem

// One session to come: when, how long, how and where, whether it is
// proposed or booked, and what the viewer can do: accept it, move it to
// another time or cancel it (each with a reason the other person sees),
// add it to their calendar, or (the coach or mentor) record it. A change
// kept on the device and not yet sent shows instead of the actions. What
// is typed as a reason is kept as a draft (a Draft of the change's kind about
// the session), so it survives the app closing; RelationshipDetail forgets
// the draft of the same kind and session once the change is queued.
Rectangle {
    id: row

    /// The session, a map as RelationshipDetail makes (with `pendingLabel`).
    property var session: ({})
    property string otherName
    property bool busy: false
    property bool exporting: false
    property bool cancelling: false
    property bool rescheduling: false
    /// What is wrong with the reason typed; set by the page.
    property string reasonError
    /// What is wrong with the new time, as {date, time, reason}; set by the page.
    property var rescheduleErrors: ({})
    readonly property bool hasPending: (session.pendingLabel || "").length > 0

    signal acceptRequested()
    signal cancelRequested(string reason)
    signal rescheduleRequested(string date, string time, string reason)
    signal exportRequested()
    signal recordRequested()

    /// A text field of a draft (a map), or "".
    function textOf(draft: var, field: string): string {
        return draft[field] || "";
    }
    /// Forgets the problem with one field of the move once it is edited.
    function clearRescheduleError(field: string) {
        if (!rescheduleErrors[field])
            return;
        const left = Object.assign({}, rescheduleErrors);
        delete left[field];
        rescheduleErrors = left;
    }
    function openCancel() {
        const kept = cancelDraft.load();
        reasonField.text = textOf(kept, "reason");
        reasonError = "";
        rescheduling = false;
        cancelling = true;
        reasonField.forceActiveFocus();
    }
    function openReschedule() {
        const kept = rescheduleDraft.load();
        const when = session.startsAt ? new Date(session.startsAt) : new Date();
        rescheduleDate.text = textOf(kept, "date") || Qt.formatDate(when, "yyyy-MM-dd");
        rescheduleTime.text = textOf(kept, "time") || Qt.formatTime(when, "HH:mm");
        rescheduleReason.text = textOf(kept, "reason");
        rescheduleErrors = {};
        cancelling = false;
        rescheduling = true;
        rescheduleDate.input.forceActiveFocus();
    }

    implicitHeight: column.implicitHeight + 2 * Theme.unit
    radius: Theme.radius
    color: Theme.surfaceSubtle
    border.color: hasPending ? Theme.warningBorder : Theme.border

    // Drafts are kept half a second after the last key press, while open.
    Draft {
        id: cancelDraft
        kind: WriteKind.CancelSession
        subject: row.session.id || 0
        active: row.cancelling
        fields: ({ reason: reasonField.text })
    }
    Draft {
        id: rescheduleDraft
        kind: WriteKind.RescheduleSession
        subject: row.session.id || 0
        active: row.rescheduling
        fields: ({ date: rescheduleDate.text, time: rescheduleTime.text, reason: rescheduleReason.text })
    }

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
            visible: row.session.status === "proposed" && !row.hasPending
            text: row.session.proposedByYou ? qsTr("You proposed this. Waiting for %1 to accept.").arg(row.otherName)
                                            : qsTr("%1 proposed this. Accept it to book it.").arg(row.otherName)
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.warningText
        }
        Label {
            objectName: "sessionRescheduleReason"
            width: parent.width
            visible: (row.session.rescheduleReason || "").length > 0
            text: qsTr("Moved: %1").arg(row.session.rescheduleReason || "")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            font.italic: true
            color: Theme.secondaryText
        }
        // A change to this session kept on the device, not sent yet.
        Label {
            objectName: "sessionPending"
            width: parent.width
            visible: row.hasPending
            text: row.session.pendingLabel || ""
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            font.weight: Font.DemiBold
            color: Theme.warningText
        }
        Flow {
            width: parent.width
            visible: !row.cancelling && !row.rescheduling
            spacing: Theme.unit
            PrimaryButton {
                objectName: "acceptSessionButton"
                visible: row.session.canAccept === true && !row.hasPending
                enabled: !row.busy
                text: qsTr("Accept")
                onClicked: row.acceptRequested()
            }
            SecondaryButton {
                objectName: "recordSessionButton"
                visible: row.session.canRecord === true && row.session.past === true && !row.hasPending
                text: qsTr("Record it")
                onClicked: row.recordRequested()
            }
            SecondaryButton {
                objectName: "exportCalendarButton"
                visible: row.session.canExport === true
                enabled: !row.exporting
                text: row.exporting ? qsTr("Saving…") : qsTr("Add to calendar")
                onClicked: row.exportRequested()
            }
            TextButton {
                objectName: "rescheduleSessionButton"
                visible: row.session.canReschedule === true && !row.hasPending
                enabled: !row.busy
                text: qsTr("Reschedule")
                onClicked: row.openReschedule()
            }
            TextButton {
                objectName: "cancelSessionButton"
                visible: row.session.canCancel === true && !row.hasPending
                enabled: !row.busy
                text: qsTr("Cancel session")
                onClicked: row.openCancel()
            }
        }

        // Cancelling: why.
        Column {
            objectName: "cancelSection"
            width: parent.width
            visible: row.cancelling
            spacing: Theme.unit / 2
            topPadding: Theme.unit
            Label {
                width: parent.width
                text: qsTr("Why are you cancelling?")
                font.weight: Font.DemiBold
                color: Theme.text
            }
            TextBox {
                id: reasonField
                objectName: "cancelReasonField"
                error: row.reasonError
                width: parent.width
                height: Math.max(80, implicitHeight)
                wrapMode: TextEdit.Wrap
                example: qsTr("For example: I am on a late shift that day.")
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
                    onClicked: {
                        cancelDraft.save(); // kept until the change is
                        row.cancelRequested(reasonField.text);
                    }
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

        // Moving it: a new date and time, and why.
        Column {
            objectName: "rescheduleSection"
            width: parent.width
            visible: row.rescheduling
            spacing: Theme.unit
            topPadding: Theme.unit
            Rectangle {
                width: parent.width
                height: 1
                color: Theme.border
            }
            Label {
                width: parent.width
                text: qsTr("Move this session")
                font.pixelSize: Theme.subtitleSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
            }
            Flow {
                id: newTime
                readonly property real cell: width < 420 ? width : (width - spacing) / 2
                width: parent.width
                spacing: 2 * Theme.unit
                DateField {
                    id: rescheduleDate
                    objectName: "rescheduleDateField"
                    width: newTime.cell
                    label: qsTr("New date")
                    error: row.rescheduleErrors.date || ""
                    onTextChanged: row.clearRescheduleError("date")
                }
                FormField {
                    id: rescheduleTime
                    objectName: "rescheduleTimeField"
                    width: newTime.cell
                    label: qsTr("New start time")
                    helperText: qsTr("24-hour clock, like 14:30")
                    inputMethodHints: Qt.ImhTime
                    error: row.rescheduleErrors.time || ""
                    onTextChanged: row.clearRescheduleError("time")
                }
            }
            Label {
                width: parent.width
                text: qsTr("Why does it move?")
                font.weight: Font.DemiBold
                color: Theme.text
            }
            TextBox {
                id: rescheduleReason
                objectName: "rescheduleReasonField"
                error: row.rescheduleErrors.reason || ""
                width: parent.width
                height: Math.max(80, implicitHeight)
                wrapMode: TextEdit.Wrap
                example: qsTr("For example: the ward round moved to the morning.")
                Accessible.name: qsTr("Why does it move?")
                onTextChanged: row.clearRescheduleError("reason")
            }
            FieldError { objectName: "rescheduleReasonError"; width: parent.width; text: row.rescheduleErrors.reason || "" }
            Label {
                width: parent.width
                text: qsTr("%1 sees the reason and is asked to accept the new time.").arg(row.otherName)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.secondaryText
            }
            Flow {
                width: parent.width
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "confirmRescheduleButton"
                    enabled: !row.busy
                    text: qsTr("Move the session")
                    onClicked: {
                        rescheduleDraft.save(); // kept until the change is
                        row.rescheduleRequested(rescheduleDate.text, rescheduleTime.text, rescheduleReason.text);
                    }
                }
                TextButton {
                    text: qsTr("Keep the time")
                    onClicked: {
                        row.rescheduling = false;
                        row.rescheduleErrors = {};
                    }
                }
            }
        }
    }
}
