import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One relationship: who with, the contract and each party's agreement,
// sessions to come (propose, accept, move, cancel, add to a calendar),
// sessions recorded, the actions agreed, the history, and completing or
// ending it. Every change is kept on the device first and sent from there:
// what has not reached the server yet shows at the top ("Waiting to sync:
// you agreed to the contract") and in the session it is about.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    property double relationshipId: 0
    /// Shows a "back to the list" button (phones).
    property bool showBack: compact
    readonly property alias detail: detailModel
    readonly property alias proposal: proposalForm
    readonly property var relationship: detailModel.relationship
    readonly property bool isMember: relationship.isMember === true
    readonly property bool isCoachee: relationship.isCoachee === true
    readonly property bool contracting: relationship.state === "contracting"
    readonly property bool active: relationship.state === "active"
    readonly property bool open: relationship.open === true
    /// Kinds of this relationship's changes kept on the device, not sent yet.
    readonly property var pendingKinds: detailModel.pendingKinds
    /// The person agreed here; the server has not had it yet.
    readonly property bool agreementWaiting: pendingKinds.indexOf("agree_contract") >= 0 && relationship.youAgreed !== true
    readonly property bool needsYou: relationship.needsYou === true && !agreementWaiting
    readonly property string agreementWaitingLabel: qsTr("Agreed on this device, waiting to sync")
    property string notice
    property string errorText
    /// The line-manager answer chosen while agreeing.
    property string lineManagerTold
    property bool proposing: false
    property bool ending: false
    /// What stops the agreement or the ending, shown by its button.
    property string agreeProblem
    property string endProblem

    signal back()
    /// Opens the terms form: setting them, or reviewing an active contract.
    signal termsRequested(var relationship, bool review)
    /// Opens the record form, of `session` (a map) or of an unscheduled meeting.
    signal recordRequested(var relationship, var session)
    /// The relationship changed here (for the list beside it).
    signal relationshipUpdated(var relationship)

    function showNotice(message: string) {
        errorText = "";
        notice = message;
        flick.contentY = 0;
    }
    /// A text field of a draft (a map), or "".
    function textOf(draft: var, field: string): string {
        return draft[field] || "";
    }
    function anyRefused(changes: var): bool {
        for (let i = 0; i < changes.length; ++i) {
            if (changes[i].refused)
                return true;
        }
        return false;
    }
    function hasPending(kind: string): bool {
        return pendingKinds.indexOf(kind) >= 0;
    }
    /// Opens a queued proposal the server refused, to correct it.
    function editProposal(key: string): bool {
        if (!proposalForm.editQueued(key, relationship))
            return false;
        proposing = true;
        return true;
    }
    /// Opens the ending form with what was typed before, if anything.
    function startEnding() {
        const kept = SyncQueue.draft(detailModel.endDraftName());
        endReason.text = textOf(kept, "reason");
        endProblem = "";
        ending = true;
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

    objectName: "relationshipDetailPage"
    background: Rectangle { color: Theme.background }

    RelationshipDetail {
        id: detailModel
        objectName: "relationshipDetail"
        relationshipId: page.relationshipId
        onErrorOccurred: message => {
            page.notice = "";
            page.errorText = message;
        }
        onChanged: message => {
            page.showNotice(message);
            page.relationshipUpdated(detailModel.relationship);
        }
    }
    SessionProposalForm {
        id: proposalForm
        objectName: "proposalForm"
        onSubmitted: {
            page.proposing = false;
            page.showNotice(qsTr("Session proposed. %1 will see it and can accept it.").arg(page.relationship.otherName));
            detailModel.reload();
        }
        onQueued: {
            page.proposing = false;
            page.showNotice(qsTr("Saved on this device. The proposal is sent as soon as the server can be reached."));
        }
    }
    // The reason for ending is kept as it is typed.
    Timer {
        id: endDraftTimer
        interval: 500
        onTriggered: SyncQueue.saveDraft(detailModel.endDraftName(), { reason: endReason.text })
    }
    SpecialismListModel {
        id: specialismModel
    }

    Flickable {
        id: flick
        objectName: "relationshipDetailFlick"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin + Math.max(0, (flick.width - 2 * page.margin - width) / 2)
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 760)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "relationshipBack"
                visible: page.showBack
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 All relationships")
                onClicked: page.back()
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: detailModel.loading && !detailModel.exists
                running: visible
            }

            // Who with, and what needs doing.
            ColumnLayout {
                Layout.fillWidth: true
                visible: detailModel.exists
                spacing: Theme.unit / 2
                Label {
                    objectName: "relationshipTitle"
                    Layout.fillWidth: true
                    text: page.relationship.otherName || ""
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Label {
                        height: 26
                        verticalAlignment: Text.AlignVCenter
                        text: page.relationship.otherRole || ""
                        color: Theme.secondaryText
                    }
                    InfoChip {
                        text: page.relationship.kindLabel || ""
                        color: Theme.roleColor(page.relationship.kind === "mentoring" ? "mentor" : "coach")
                        strong: true
                    }
                    InfoChip {
                        objectName: "relationshipStateChip"
                        text: page.relationship.stateLabel || ""
                        color: Theme.relationshipStateColor(page.relationship.state || "")
                    }
                }
            }
            Rectangle {
                objectName: "nextStepBox"
                Layout.fillWidth: true
                visible: detailModel.exists && (page.relationship.nextStep || "").length > 0
                implicitHeight: nextStepLabel.implicitHeight + 2 * Theme.unit + 4
                radius: Theme.radius
                color: page.needsYou ? "#FFF4D6" : Theme.primaryTint
                Label {
                    id: nextStepLabel
                    objectName: "nextStepText"
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                              leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                    text: page.agreementWaiting
                          ? qsTr("You agreed on this device. It is sent as soon as the server can be reached.")
                          : page.relationship.nextStep || ""
                    wrapMode: Text.Wrap
                    font.weight: Font.DemiBold
                    color: page.needsYou ? "#6B4100" : Theme.primaryDark
                }
            }

            // Changes kept on this device that the server has not had yet.
            Rectangle {
                objectName: "pendingBox"
                Layout.fillWidth: true
                visible: detailModel.exists && detailModel.pending.length > 0
                implicitHeight: pendingColumn.implicitHeight + 2 * Theme.unit + 4
                radius: Theme.radius
                color: page.anyRefused(detailModel.pending) ? Theme.errorTint : "#FFF8E6"
                border.color: page.anyRefused(detailModel.pending) ? Theme.error : "#E0B252"
                Column {
                    id: pendingColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top
                              margins: 2 * Theme.unit; topMargin: Theme.unit + 2 }
                    spacing: Theme.unit / 2
                    Repeater {
                        model: detailModel.pending
                        // qmllint disable unqualified
                        delegate: Column {
                            id: change
                            required property var modelData
                            required property int index
                            objectName: "pendingChange-" + index
                            width: parent ? parent.width : 0
                            spacing: 2
                            Label {
                                objectName: "pendingText"
                                width: parent.width
                                text: (change.modelData.refused ? "\u26A0 " : "\u21BB ") + change.modelData.text
                                wrapMode: Text.Wrap
                                font.weight: Font.DemiBold
                                color: change.modelData.refused ? Theme.error : "#6B4100"
                            }
                            Label {
                                objectName: "pendingError"
                                width: parent.width
                                visible: change.modelData.refused
                                text: qsTr("The server said: %1").arg(change.modelData.lastError)
                                wrapMode: Text.Wrap
                                font.pixelSize: Theme.smallSize + 1
                                color: Theme.text
                            }
                        }
                        // qmllint enable unqualified
                    }
                    Label {
                        objectName: "pendingHint"
                        width: parent.width
                        text: page.anyRefused(detailModel.pending)
                              ? qsTr("Correct it, send it again or discard it in the list of changes kept on this device, under Relationships or Home.")
                              : qsTr("Kept safely on this device and sent as soon as the server can be reached.")
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize
                        color: Theme.secondaryText
                    }
                }
            }

            Label {
                objectName: "relationshipOffline"
                Layout.fillWidth: true
                visible: detailModel.offline
                text: qsTr("You are offline: this is what this device knows. Sessions show again once the server can be reached.")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize + 1
                color: "#8A5300"
            }
            ErrorBanner {
                objectName: "relationshipError"
                Layout.fillWidth: true
                text: page.errorText
                onDismissed: page.errorText = ""
            }
            ErrorBanner {
                objectName: "relationshipNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }

            // The record of a session, for the coach or mentor.
            PrimaryButton {
                objectName: "detailRecordButton"
                Layout.fillWidth: page.compact
                visible: detailModel.exists && page.isMember && page.open
                text: qsTr("Record a session")
                onClicked: page.recordRequested(page.relationship, null)
            }

            // The contract.
            SectionCard {
                objectName: "contractCard"
                Layout.fillWidth: true
                visible: detailModel.exists
                title: qsTr("Contract")
                subtitle: page.relationship.termsSet ? ""
                          : !page.contracting ? qsTr("No terms were set.")
                          : page.isMember ? qsTr("Agree the terms with %1 at your first session, then set them here.").arg(page.relationship.otherName)
                          : qsTr("Your %1 sets the terms you agree at your first session.").arg(page.relationship.memberWord)

                ColumnLayout {
                    Layout.fillWidth: true
                    visible: page.relationship.termsSet === true
                    spacing: Theme.unit
                    LabelledValue {
                        objectName: "termsSummary"
                        Layout.fillWidth: true
                        label: qsTr("Terms")
                        value: page.relationship.termsSummary || ""
                    }
                    LabelledValue {
                        Layout.fillWidth: true
                        visible: (page.relationship.reviews || 0) > 0
                        label: qsTr("Reviews")
                        value: page.relationship.reviews === 1 ? qsTr("Reviewed once; see the history for why.")
                                                               : qsTr("Reviewed %1 times; see the history for why.").arg(page.relationship.reviews)
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: page.compact ? 1 : 2
                        columnSpacing: 2 * Theme.unit
                        rowSpacing: Theme.unit
                        LabelledValue {
                            objectName: "coacheeAgreement"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            label: qsTr("%1 (%2)").arg(page.relationship.coacheeName || "").arg(page.relationship.coacheeWord || "")
                            value: page.agreementWaiting && page.isCoachee ? page.agreementWaitingLabel
                                                                          : page.relationship.coacheeAgreedLabel || ""
                        }
                        LabelledValue {
                            objectName: "memberAgreement"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            label: qsTr("%1 (%2)").arg(page.relationship.memberName || "").arg(page.relationship.memberWord || "")
                            value: page.agreementWaiting && page.isMember ? page.agreementWaitingLabel
                                                                         : page.relationship.memberAgreedLabel || ""
                        }
                    }
                    LabelledValue {
                        objectName: "lineManagerTold"
                        Layout.fillWidth: true
                        label: qsTr("Line manager told")
                        value: page.relationship.lineManagerToldLabel || ""
                    }
                    Hint {
                        Layout.fillWidth: true
                        text: qsTr("Both agree to keep what is said confidential and to work to the EMCC Global Code of Ethics. Each agreement is time-stamped.")
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    visible: page.isMember && (page.contracting || (page.active && page.relationship.kind === "coaching"))
                    PrimaryButton {
                        objectName: "setTermsButton"
                        visible: page.contracting && !page.relationship.termsSet
                        text: qsTr("Set the terms")
                        onClicked: page.termsRequested(page.relationship, false)
                    }
                    SecondaryButton {
                        objectName: "changeTermsButton"
                        visible: page.contracting && page.relationship.termsSet === true
                        text: qsTr("Change the terms")
                        onClicked: page.termsRequested(page.relationship, false)
                    }
                    SecondaryButton {
                        objectName: "reviewContractButton"
                        visible: page.active && page.relationship.kind === "coaching"
                        text: qsTr("Review the contract")
                        onClicked: page.termsRequested(page.relationship, true)
                    }
                }

                // Agreeing, for each party in turn.
                Column {
                    id: agreeSection
                    objectName: "agreeSection"
                    Layout.fillWidth: true
                    visible: page.contracting && page.relationship.termsSet === true && !page.relationship.youAgreed
                             && (page.isMember || page.isCoachee) && !page.hasPending("agree_contract")
                    spacing: Theme.unit
                    Rectangle {
                        width: parent.width
                        height: 1
                        color: Theme.border
                    }
                    Caption {
                        width: parent.width
                        text: qsTr("Your agreement")
                        font.pixelSize: Theme.subtitleSize
                    }
                    CheckBox {
                        id: confidentialityBox
                        objectName: "confidentialityCheck"
                        onCheckedChanged: page.agreeProblem = ""
                        width: parent.width
                        text: qsTr("I will keep what is said in our sessions confidential, except where someone's safety is at risk.")
                        contentItem: Label {
                            leftPadding: confidentialityBox.indicator.width + confidentialityBox.spacing
                            text: confidentialityBox.text
                            wrapMode: Text.Wrap
                            color: Theme.text
                            verticalAlignment: Text.AlignVCenter
                        }
                    }
                    CheckBox {
                        id: ethicsBox
                        objectName: "ethicsCheck"
                        onCheckedChanged: page.agreeProblem = ""
                        width: parent.width
                        text: qsTr("I have read the EMCC Global Code of Ethics and will work to it.")
                        contentItem: Label {
                            leftPadding: ethicsBox.indicator.width + ethicsBox.spacing
                            text: ethicsBox.text
                            wrapMode: Text.Wrap
                            color: Theme.text
                            verticalAlignment: Text.AlignVCenter
                        }
                    }
                    Column {
                        width: parent.width
                        visible: page.isCoachee
                        spacing: Theme.unit
                        Caption {
                            width: parent.width
                            text: qsTr("Have you told your line manager about this %1?").arg(page.relationship.kind === "mentoring" ? qsTr("mentoring") : qsTr("coaching"))
                        }
                        Hint {
                            width: parent.width
                            text: qsTr("It is encouraged, not required. Your line manager never sees what you talk about.")
                        }
                        Flow {
                            width: parent.width
                            spacing: Theme.unit
                            Repeater {
                                model: Relationships.options("lineManagerTold")
                                // qmllint disable unqualified
                                delegate: ChoiceChip {
                                    required property var modelData
                                    objectName: "lineManager-" + modelData.key
                                    implicitHeight: Theme.touchTarget
                                    text: modelData.label
                                    checked: page.lineManagerTold === modelData.key
                                    onClicked: {
                                        page.lineManagerTold = modelData.key;
                                        page.agreeProblem = "";
                                    }
                                }
                                // qmllint enable unqualified
                            }
                        }
                    }
                    FieldError {
                        objectName: "agreeError"
                        width: parent.width
                        text: page.agreeProblem
                    }
                    PrimaryButton {
                        objectName: "agreeButton"
                        width: page.compact ? parent.width : implicitWidth
                        enabled: !detailModel.busy
                        text: detailModel.busy ? qsTr("Sending…") : qsTr("Agree to the contract")
                        onClicked: {
                            page.agreeProblem = detailModel.agreementProblem(confidentialityBox.checked, ethicsBox.checked,
                                                                             page.lineManagerTold);
                            if (page.agreeProblem.length === 0)
                                detailModel.agree(confidentialityBox.checked, ethicsBox.checked, page.lineManagerTold);
                        }
                    }
                }
            }

            // Agreed actions, shared by both.
            SectionCard {
                objectName: "actionsCard"
                Layout.fillWidth: true
                visible: detailModel.exists && detailModel.sharedActions.length > 0
                title: qsTr("Agreed actions")
                subtitle: page.isCoachee ? qsTr("What you agreed to do at your sessions.")
                                         : qsTr("Shared with %1.").arg(page.relationship.otherName)
                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit + 4
                    Repeater {
                        model: detailModel.sharedActions
                        delegate: ColumnLayout {
                            id: action
                            required property var modelData
                            required property int index
                            objectName: "sharedAction-" + index
                            width: parent ? parent.width : 0
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: action.modelData.dateLabel
                                font.pixelSize: Theme.smallSize
                                font.weight: Font.DemiBold
                                color: Theme.secondaryText
                            }
                            Label {
                                objectName: "sharedActionText"
                                Layout.fillWidth: true
                                text: action.modelData.text
                                wrapMode: Text.Wrap
                                color: Theme.text
                            }
                        }
                    }
                }
            }

            // Sessions to come.
            SectionCard {
                objectName: "upcomingCard"
                Layout.fillWidth: true
                visible: detailModel.exists && (page.open || detailModel.upcoming.length > 0)
                title: qsTr("Upcoming sessions")
                subtitle: page.hasPending("propose_session")
                          ? qsTr("Your proposal waits on this device; it shows here once the server has it.")
                          : detailModel.upcoming.length === 0 ? qsTr("Nothing booked yet.") : ""

                Column {
                    Layout.fillWidth: true
                    visible: detailModel.upcoming.length > 0
                    spacing: Theme.unit + 4
                    Repeater {
                        model: detailModel.upcoming
                        // qmllint disable unqualified
                        delegate: SessionRow {
                            required property var modelData
                            required property int index
                            objectName: "upcomingSession-" + index
                            width: parent ? parent.width : 0
                            session: modelData
                            otherName: page.relationship.otherName || ""
                            busy: detailModel.busy
                            exporting: detailModel.exporting
                            onAcceptRequested: detailModel.acceptSession(modelData.id)
                            onRescheduleRequested: (date, time, reason) => {
                                const problems = detailModel.rescheduleProblems(date, time, reason);
                                rescheduleErrors = problems;
                                if (Object.keys(problems).length === 0)
                                    detailModel.rescheduleSession(modelData.id, date, time, reason);
                            }
                            onExportRequested: detailModel.exportCalendar(modelData.id)
                            onCancelRequested: reason => {
                                const problem = detailModel.reasonProblem(reason);
                                if (problem.length > 0) {
                                    reasonError = problem;
                                    return;
                                }
                                detailModel.cancelSession(modelData.id, reason);
                            }
                            onRecordRequested: page.recordRequested(page.relationship, modelData)
                        }
                        // qmllint enable unqualified
                    }
                }

                SecondaryButton {
                    objectName: "proposeButton"
                    visible: page.open && !page.proposing
                    text: qsTr("Propose a session")
                    onClicked: {
                        proposalForm.start(page.relationship);
                        page.proposing = true;
                    }
                }
                RowLayout {
                    objectName: "proposalDraftNote"
                    Layout.fillWidth: true
                    visible: page.proposing && (proposalForm.restoredFromDraft || proposalForm.queuedKey.length > 0)
                    spacing: Theme.unit
                    Label {
                        Layout.fillWidth: true
                        text: proposalForm.queuedKey.length > 0
                              ? qsTr("The server did not accept this proposal. Correct it and send it again.")
                              : qsTr("This is what you typed before; it was kept on this device.")
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize + 1
                        color: "#8A5300"
                    }
                    TextButton {
                        visible: proposalForm.restoredFromDraft
                        text: qsTr("Start again")
                        onClicked: proposalForm.discardDraft()
                    }
                }

                // Proposing: date, time, length, how and where.
                Column {
                    objectName: "proposalSection"
                    Layout.fillWidth: true
                    visible: page.proposing
                    spacing: Theme.unit
                    Caption {
                        width: parent.width
                        text: qsTr("Propose a session")
                        font.pixelSize: Theme.subtitleSize
                    }
                    Flow {
                        id: whenRow
                        readonly property real cell: page.compact ? width : (width - spacing) / 2
                        width: parent.width
                        spacing: 2 * Theme.unit
                        FormField {
                            objectName: "proposalDateField"
                            width: whenRow.cell
                            label: qsTr("Date")
                            helperText: qsTr("Year-month-day")
                            text: proposalForm.date
                            onTextChanged: proposalForm.date = text
                        }
                        FormField {
                            objectName: "proposalTimeField"
                            width: whenRow.cell
                            label: qsTr("Start time")
                            helperText: qsTr("24-hour clock, like 14:30")
                            text: proposalForm.time
                            onTextChanged: proposalForm.time = text
                        }
                    }
                    FieldError { width: parent.width; text: proposalForm.fieldErrors.date || "" }
                    FieldError { width: parent.width; text: proposalForm.fieldErrors.time || "" }
                    Caption { width: parent.width; text: qsTr("How long") }
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
                                checked: proposalForm.plannedMinutes === modelData
                                onClicked: proposalForm.plannedMinutes = modelData
                            }
                            // qmllint enable unqualified
                        }
                    }
                    FieldError { width: parent.width; text: proposalForm.fieldErrors.plannedMinutes || "" }
                    Caption { width: parent.width; text: qsTr("How you will meet") }
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
                                checked: proposalForm.mode === modelData.key
                                onClicked: proposalForm.mode = modelData.key
                            }
                            // qmllint enable unqualified
                        }
                    }
                    FieldError { objectName: "proposalModeError"; width: parent.width; text: proposalForm.fieldErrors.mode || "" }
                    FormField {
                        objectName: "proposalPlaceField"
                        width: parent.width
                        label: qsTr("Where (optional)")
                        placeholderText: qsTr("Room, video link or phone number")
                        text: proposalForm.place
                        onTextChanged: proposalForm.place = text
                    }
                    FieldError { width: parent.width; text: proposalForm.fieldErrors.place || "" }
                    ErrorBanner {
                        objectName: "proposalError"
                        width: parent.width
                        text: Object.keys(proposalForm.fieldErrors).length === 0 ? proposalForm.errorMessage : ""
                        onDismissed: proposalForm.clearError()
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.unit
                        PrimaryButton {
                            objectName: "sendProposalButton"
                            enabled: !proposalForm.busy
                            text: proposalForm.busy ? qsTr("Sending…") : qsTr("Send proposal")
                            onClicked: proposalForm.submit()
                        }
                        TextButton {
                            text: qsTr("Cancel")
                            onClicked: page.proposing = false
                        }
                    }
                }
            }

            // Sessions recorded or cancelled.
            SectionCard {
                objectName: "pastCard"
                Layout.fillWidth: true
                visible: detailModel.exists && detailModel.past.length > 0
                title: qsTr("Past sessions")
                subtitle: page.relationship.kind === "coaching" && page.relationship.termsSet
                          ? qsTr("%1 of %2 contracted sessions held.").arg(detailModel.heldCount).arg(page.relationship.numberOfSessions)
                          : detailModel.heldCount === 1 ? qsTr("1 session held.") : qsTr("%1 sessions held.").arg(detailModel.heldCount)

                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit + 4
                    Repeater {
                        model: detailModel.past
                        delegate: Rectangle {
                            id: pastRow
                            required property var modelData
                            required property int index
                            objectName: "pastSession-" + index
                            width: parent ? parent.width : 0
                            implicitHeight: pastColumn.implicitHeight + 2 * Theme.unit
                            radius: Theme.radius
                            color: "#F8FAFB"
                            border.color: Theme.border

                            Column {
                                id: pastColumn
                                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit + 4 }
                                spacing: Theme.unit / 2
                                Flow {
                                    width: parent.width
                                    spacing: Theme.unit
                                    Label {
                                        height: 26
                                        verticalAlignment: Text.AlignVCenter
                                        text: pastRow.modelData.dateLabel + "  " + pastRow.modelData.timeLabel
                                        font.weight: Font.DemiBold
                                        color: Theme.text
                                    }
                                    InfoChip {
                                        objectName: "pastStatus"
                                        text: pastRow.modelData.statusLabel
                                        color: Theme.sessionStatusColor(pastRow.modelData.status)
                                    }
                                    InfoChip {
                                        visible: pastRow.modelData.actualMinutes > 0
                                        text: qsTr("%1 min").arg(pastRow.modelData.actualMinutes)
                                    }
                                    InfoChip {
                                        visible: pastRow.modelData.modeLabel.length > 0
                                        text: pastRow.modelData.modeLabel
                                    }
                                }
                                Label {
                                    width: parent.width
                                    visible: pastRow.modelData.status === "not_held" || pastRow.modelData.status === "cancelled"
                                    text: [pastRow.modelData.cancelledByLabel.length > 0
                                           ? qsTr("Called off by %1").arg(pastRow.modelData.cancelledByLabel.toLowerCase()) : "",
                                           pastRow.modelData.cancelReason].filter(s => s.length > 0).join(": ")
                                    wrapMode: Text.Wrap
                                    color: Theme.secondaryText
                                }
                                Flow {
                                    width: parent.width
                                    visible: pastRow.modelData.themes.length > 0
                                    spacing: Theme.unit / 2
                                    Repeater {
                                        model: pastRow.modelData.themes
                                        // qmllint disable unqualified
                                        delegate: InfoChip {
                                            required property string modelData
                                            color: Theme.primaryTint
                                            text: specialismModel.count >= 0 ? specialismModel.labelFor(modelData) : modelData
                                        }
                                        // qmllint enable unqualified
                                    }
                                }
                                Label {
                                    width: parent.width
                                    visible: pastRow.modelData.agreedActions.length > 0
                                    text: qsTr("Agreed actions: %1").arg(pastRow.modelData.agreedActions)
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                }
                                Rectangle {
                                    objectName: "privateNotesBox"
                                    width: parent.width
                                    visible: pastRow.modelData.privateNotes.length > 0
                                    implicitHeight: notesColumn.implicitHeight + 2 * Theme.unit
                                    radius: Theme.radius
                                    color: "#F3EFFA"
                                    border.color: "#C9B8E8"
                                    Column {
                                        id: notesColumn
                                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit }
                                        spacing: 2
                                        Label {
                                            width: parent.width
                                            text: qsTr("Private notes \u2014 only you can read these")
                                            font.pixelSize: Theme.smallSize
                                            font.weight: Font.DemiBold
                                            color: "#4A2C82"
                                            wrapMode: Text.Wrap
                                        }
                                        Label {
                                            objectName: "privateNotesText"
                                            width: parent.width
                                            text: pastRow.modelData.privateNotes
                                            wrapMode: Text.Wrap
                                            color: Theme.text
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            // What happened, and when.
            SectionCard {
                objectName: "historyCard"
                Layout.fillWidth: true
                visible: detailModel.exists
                title: qsTr("History")
                subtitle: qsTr("Started %1, when the request was accepted.").arg(page.relationship.createdLabel || "")
                Column {
                    Layout.fillWidth: true
                    visible: (page.relationship.history || []).length > 0
                    spacing: Theme.unit + 4
                    Repeater {
                        model: page.relationship.history || []
                        delegate: RowLayout {
                            id: step
                            required property var modelData
                            required property int index
                            objectName: "historyEntry-" + index
                            width: parent ? parent.width : 0
                            spacing: 2 * Theme.unit
                            Rectangle {
                                Layout.alignment: Qt.AlignTop
                                Layout.topMargin: 6
                                width: 10
                                height: 10
                                radius: 5
                                color: step.modelData.stateChanged ? Theme.primary : Theme.border
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    objectName: "historyText"
                                    Layout.fillWidth: true
                                    text: step.modelData.byName + " " + step.modelData.event
                                          + (step.modelData.stateChanged ? "  \u2192  " + step.modelData.toStateLabel : "")
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                }
                                Label {
                                    Layout.fillWidth: true
                                    visible: step.modelData.reason.length > 0
                                    text: qsTr("Why: %1").arg(step.modelData.reason)
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                    font.italic: true
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: step.modelData.atLabel
                                    font.pixelSize: Theme.smallSize
                                    color: Theme.secondaryText
                                }
                            }
                        }
                    }
                }
            }

            // Completing or ending.
            SectionCard {
                objectName: "endCard"
                Layout.fillWidth: true
                visible: detailModel.exists && page.open && (page.isMember || page.isCoachee)
                         && !page.hasPending("end_relationship") && !page.hasPending("complete_relationship")
                title: page.isMember && page.active ? qsTr("Completing or ending") : qsTr("Ending")
                subtitle: page.isMember && page.active
                          ? qsTr("Complete the relationship when you have finished working together. End it early if it has to stop before then.")
                          : qsTr("If this has to stop, end it early and say why. Its record is kept.")

                Flow {
                    Layout.fillWidth: true
                    visible: !page.ending
                    spacing: Theme.unit
                    SecondaryButton {
                        objectName: "completeButton"
                        visible: page.isMember && page.active
                        enabled: !detailModel.busy
                        text: qsTr("Complete")
                        onClicked: detailModel.complete()
                    }
                    TextButton {
                        objectName: "endEarlyButton"
                        text: qsTr("End early")
                        onClicked: page.startEnding()
                    }
                }
                Column {
                    Layout.fillWidth: true
                    visible: page.ending
                    spacing: Theme.unit
                    Caption { width: parent.width; text: qsTr("Why does it end early?") }
                    TextArea {
                        id: endReason
                        objectName: "endReasonField"
                        width: parent.width
                        height: Math.max(96, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("For example: I am moving to another trust.")
                        Accessible.name: qsTr("Why does it end early?")
                        onTextChanged: {
                            page.endProblem = "";
                            if (page.ending)
                                endDraftTimer.restart();
                        }
                    }
                    FieldError {
                        objectName: "endError"
                        width: parent.width
                        text: page.endProblem
                    }
                    Hint {
                        width: parent.width
                        text: qsTr("%1 will see this.").arg(page.relationship.otherName || "")
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.unit
                        PrimaryButton {
                            objectName: "confirmEndButton"
                            enabled: !detailModel.busy
                            text: qsTr("End the relationship")
                            onClicked: {
                                endDraftTimer.stop();
                                SyncQueue.saveDraft(detailModel.endDraftName(), { reason: endReason.text });
                                page.endProblem = detailModel.reasonProblem(endReason.text);
                                if (page.endProblem.length > 0)
                                    return;
                                detailModel.end(endReason.text);
                                page.ending = false;
                            }
                        }
                        TextButton {
                            text: qsTr("Cancel")
                            onClicked: page.ending = false
                        }
                    }
                }
            }
        }
    }
}
