import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Sessions to come, each with what the viewer can do with it (accept, move,
// cancel, add to a calendar, record), and proposing another: the form opens
// in the card, with what was typed before if it was kept.
SectionCard {
    id: card

    required property RelationshipDetail detail
    /// Fills in and sends a proposal.
    required property SessionProposalForm form
    /// The relationship, a map as RelationshipDetail makes.
    required property var relationship
    required property bool compact
    /// The relationship is open: sessions can be proposed.
    required property bool open
    /// A proposal is kept on the device, not sent yet.
    required property bool proposalPending
    /// The proposal form is open.
    property bool proposing: false

    /// Opens the record form of `session` (a map).
    signal recordRequested(var session)

    objectName: "upcomingCard"
    title: qsTr("Upcoming sessions")
    subtitle: proposalPending
              ? qsTr("Your proposal waits on this device; it shows here once the server has it.")
              : detail.upcoming.length === 0 ? qsTr("Nothing booked yet.") : ""

    Column {
        Layout.fillWidth: true
        visible: card.detail.upcoming.length > 0
        spacing: Theme.unit + 4
        Repeater {
            model: card.detail.upcoming
            // qmllint disable unqualified
            delegate: SessionRow {
                required property var modelData
                required property int index
                objectName: "upcomingSession-" + index
                width: parent ? parent.width : 0
                session: modelData
                otherName: card.relationship.otherName || ""
                busy: card.detail.busy
                exporting: card.detail.exporting
                onAcceptRequested: card.detail.acceptSession(modelData.id)
                onRescheduleRequested: (date, time, reason) => {
                    const problems = card.detail.rescheduleProblems(date, time, reason);
                    rescheduleErrors = problems;
                    if (Object.keys(problems).length === 0)
                        card.detail.rescheduleSession(modelData.id, date, time, reason);
                }
                onExportRequested: card.detail.exportCalendar(modelData.id)
                onCancelRequested: reason => {
                    const problem = card.detail.reasonProblem(reason);
                    if (problem.length > 0) {
                        reasonError = problem;
                        return;
                    }
                    card.detail.cancelSession(modelData.id, reason);
                }
                onRecordRequested: card.recordRequested(modelData)
            }
            // qmllint enable unqualified
        }
    }

    SecondaryButton {
        objectName: "proposeButton"
        visible: card.open && !card.proposing
        text: qsTr("Propose a session")
        onClicked: {
            card.form.start(card.relationship);
            card.proposing = true;
        }
    }
    RowLayout {
        objectName: "proposalDraftNote"
        Layout.fillWidth: true
        visible: card.proposing && (card.form.restoredFromDraft || card.form.queuedKey.length > 0)
        spacing: Theme.unit
        Label {
            Layout.fillWidth: true
            text: card.form.queuedKey.length > 0
                  ? qsTr("The server did not accept this proposal. Correct it and send it again.")
                  : qsTr("This is what you typed before; it was kept on this device.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize + 1
            color: Theme.warningText
        }
        TextButton {
            visible: card.form.restoredFromDraft
            text: qsTr("Start again")
            onClicked: card.form.discardDraft()
        }
    }

    // Proposing: date, time, length, how and where.
    RelationshipProposalSection {
        Layout.fillWidth: true
        visible: card.proposing
        form: card.form
        compact: card.compact
        onCancelled: card.proposing = false
    }
}
