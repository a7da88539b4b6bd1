import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The person's coaching and mentoring relationships. Desktops show the list
// beside the one chosen; phones show one at a time. From here: the
// contract, sessions, the record of a session, and what is waiting to sync.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias relationships: listModel
    readonly property alias detailPage: detailPage
    readonly property alias termsPage: termsPage
    readonly property alias recordPage: recordPage
    readonly property alias goalFormPage: goalFormPage
    readonly property alias goalDetailPage: goalDetailPage
    readonly property alias reviewFormPage: reviewFormPage
    readonly property alias evaluationPage: evaluationPage
    readonly property alias followUpPage: followUpPage
    /// "list", "detail", "terms", "record", or one of the goal pages:
    /// "goalForm", "goal", "review", "evaluation", "followUp" (what the
    /// second pane shows).
    property string view: "list"
    property double selectedId: 0
    /// The second pane's children, in order ("none": nothing chosen).
    readonly property var paneViews: ["detail", "terms", "record", "none", "goalForm", "goal", "review",
                                      "evaluation", "followUp"]
    /// Where Back from the record form goes.
    property string recordReturn: "list"
    /// The queue entry of the record just saved, to say when it reaches the server.
    property string pendingKey
    property string errorText

    /// Shows one relationship.
    function openRelationship(id: double) {
        selectedId = id;
        // What the list knows shows at once (and offline) while it loads.
        const row = listModel.rowOf(id);
        if (row >= 0)
            detailPage.detail.setRelationshipMap(listModel.get(row));
        view = "detail";
    }
    /// Opens the record form for `relationship` (null: choose first).
    function openRecord(relationship: var, session: var) {
        recordReturn = view === "record" ? recordReturn : view;
        recordPage.start(relationship, session);
        view = "record";
    }
    /// Opens a queued change the server refused in its form, to correct
    /// it: a record, the contract's terms or review, or a proposal.
    function editQueued(key: string, relationshipId: double) {
        const row = listModel.rowOf(relationshipId);
        const chosen = row >= 0 ? listModel.get(row) : null;
        if (!chosen) {
            errorText = qsTr("That relationship is not in your list any more. Discard the change, or refresh and try again.");
            return;
        }
        const kind = SyncQueue.kindOf(key);
        if (kind === WriteKind.RecordSession) {
            recordReturn = view;
            recordPage.edit(key, chosen);
            view = "record";
        } else if (kind === WriteKind.SetContractTerms || kind === WriteKind.ReviewContract) {
            openRelationship(relationshipId);
            if (termsPage.edit(key, chosen))
                view = "terms";
        } else if (kind === WriteKind.ProposeSession) {
            openRelationship(relationshipId);
            detailPage.editProposal(key);
        } else {
            errorText = qsTr("This change cannot be edited: send it again or discard it.");
        }
    }
    /// Back on the relationship from a goal page, with `message` at the top.
    function backToDetail(message: string) {
        view = "detail";
        detailPage.showNotice(message);
        detailPage.goals.reload();
    }
    function goBack(to: string) {
        view = (to === "detail" && selectedId <= 0) ? "list" : to;
    }
    /// Back (the Android back button, Escape): one step out; false on the list.
    function navigateBack(): bool {
        if (view === "list")
            return false;
        goBack(view === "record" ? recordReturn
               : view === "goalForm" && goalDetailPage.goalId > 0 && goalFormPage.form.rewording ? "goal"
               : view === "terms" || view === "goalForm" || view === "goal" || view === "review"
                 || view === "evaluation" || view === "followUp" ? "detail" : "list");
        return true;
    }

    objectName: "relationshipsPage"
    title: qsTr("Relationships")
    background: Rectangle { color: Theme.background }

    RelationshipListModel {
        id: listModel
        objectName: "relationshipList"
        onErrorOccurred: message => page.errorText = message
    }
    Connections {
        target: SyncQueue
        function onSynced(key: string, summary: string, replayed: bool) {
            if (key !== page.pendingKey)
                return;
            page.pendingKey = "";
            detailPage.showNotice(qsTr("Recorded: %1.").arg(summary));
            detailPage.detail.reload();
        }
        function onRefused(key: string, message: string) {
            if (key !== page.pendingKey)
                return;
            page.pendingKey = "";
            detailPage.notice = "";
            detailPage.errorText = qsTr("The server did not accept the record: %1 It is kept on this device for you to correct.").arg(message);
        }
        function onLastErrorChanged() {
            if (page.pendingKey.length > 0 && SyncQueue.contains(page.pendingKey) && SyncQueue.lastError.length > 0)
                detailPage.showNotice(qsTr("Saved on this device. It will be sent as soon as the server can be reached."));
        }
    }

    // The list: always on desktops, alone on phones.
    Rectangle {
        id: listPane
        visible: !page.compact || page.view === "list"
        width: page.compact ? parent.width : 380
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        color: page.compact ? Theme.background : Theme.surfaceSubtle

        Rectangle {
            visible: !page.compact
            anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
            width: 1
            color: Theme.border
        }

        Flickable {
            id: listFlick
            objectName: "relationshipListFlick"
            anchors.fill: parent
            contentHeight: listColumn.implicitHeight + 2 * page.margin
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: listColumn
                x: page.margin
                y: page.margin
                width: listFlick.width - 2 * page.margin
                spacing: 2 * Theme.unit

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        visible: !page.compact
                        text: qsTr("Relationships")
                        font.pixelSize: Theme.headlineSize
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                    }
                    Label {
                        objectName: "relationshipCount"
                        Layout.fillWidth: true
                        text: listModel.loading && listModel.count === 0 ? qsTr("Loading…")
                              : listModel.count === 0 ? qsTr("No relationships yet.")
                              : listModel.needsYouCount === 1 ? qsTr("1 needs something from you")
                              : listModel.needsYouCount > 1 ? qsTr("%1 need something from you").arg(listModel.needsYouCount)
                              : listModel.count === 1 ? qsTr("1 relationship") : qsTr("%1 relationships").arg(listModel.count)
                        wrapMode: Text.Wrap
                        color: listModel.needsYouCount > 0 ? Theme.warningText : Theme.secondaryText
                        font.weight: listModel.needsYouCount > 0 ? Font.DemiBold : Font.Normal
                    }
                }

                Label {
                    objectName: "relationshipsOffline"
                    Layout.fillWidth: true
                    visible: listModel.offline
                    text: listModel.offlineNote
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.warningText
                }
                ErrorBanner {
                    objectName: "relationshipsError"
                    Layout.fillWidth: true
                    text: page.errorText
                    onDismissed: page.errorText = ""
                }
                SyncPanel {
                    Layout.fillWidth: true
                    onEditRequested: (key, relationshipId) => page.editQueued(key, relationshipId)
                }
                PrimaryButton {
                    objectName: "listRecordButton"
                    Layout.fillWidth: true
                    visible: Session.hasRole("coach") || Session.hasRole("mentor")
                    text: qsTr("Record a session")
                    onClicked: page.openRecord(null, null)
                }
                BusyIndicator {
                    Layout.alignment: Qt.AlignHCenter
                    visible: listModel.loading
                    running: visible
                }
                SectionCard {
                    objectName: "relationshipsEmpty"
                    Layout.fillWidth: true
                    visible: !listModel.loading && listModel.count === 0
                    title: qsTr("Nothing here yet")
                    subtitle: qsTr("When a coach or mentor accepts your request, or you accept someone's, your relationship starts here with agreeing the contract.")
                }
                // A positioner holds the cards (see SyncPanel).
                Column {
                    Layout.fillWidth: true
                    visible: listModel.count > 0
                    spacing: 2 * Theme.unit
                    Repeater {
                        model: listModel
                        // qmllint disable unqualified
                        delegate: RelationshipCard {
                            required property int index
                            required property double id
                            // The row's roles, which follow changes to the row.
                            required property var model
                            objectName: "relationshipCard-" + index
                            width: parent ? parent.width : 0
                            relationship: model
                            selected: !page.compact && page.view !== "list" && page.selectedId === id
                            onClicked: page.openRelationship(id)
                        }
                        // qmllint enable unqualified
                    }
                }
                TextButton {
                    objectName: "refreshRelationshipsButton"
                    Layout.leftMargin: -Theme.unit
                    enabled: !listModel.loading
                    text: qsTr("Refresh")
                    onClicked: listModel.reload()
                }
            }
        }
    }

    // The second pane: one relationship, its terms, or a record.
    StackLayout {
        id: detailPane
        visible: !page.compact || page.view !== "list"
        anchors {
            left: page.compact ? parent.left : listPane.right
            right: parent.right
            top: parent.top
            bottom: parent.bottom
        }
        currentIndex: page.paneViews.indexOf(page.view) < 0 ? 3 : page.paneViews.indexOf(page.view)

        RelationshipDetailPage {
            id: detailPage
            relationshipId: page.selectedId
            onBack: page.view = "list"
            onTermsRequested: (relationship, review) => {
                termsPage.start(relationship, review);
                page.view = "terms";
            }
            onRecordRequested: (relationship, session) => page.openRecord(relationship, session)
            onRelationshipUpdated: relationship => listModel.replace(relationship)
            onGoalFormRequested: (relationship, goal) => {
                goalFormPage.start(relationship, goal);
                page.view = "goalForm";
            }
            onGoalRequested: (relationship, goal) => {
                goalDetailPage.start(relationship, goal);
                page.view = "goal";
            }
            onReviewRequested: relationship => {
                reviewFormPage.start(relationship, detailPage.goals.openGoals);
                page.view = "review";
            }
            onEvaluationRequested: relationship => {
                evaluationPage.start(relationship, detailPage.goals);
                page.view = "evaluation";
            }
            onFollowUpRequested: relationship => {
                followUpPage.start(relationship, detailPage.goals);
                page.view = "followUp";
            }
        }
        ContractTermsPage {
            id: termsPage
            onBack: page.view = "detail"
            onQueued: summary => {
                page.view = "detail";
                detailPage.showNotice(qsTr("Saved on this device. It is sent as soon as the server can be reached."));
            }
            onSaved: relationship => {
                listModel.replace(relationship);
                detailPage.detail.setRelationshipMap(relationship);
                detailPage.showNotice(termsPage.form.review
                                      ? qsTr("The contract is reviewed. %1 sees why in the history.").arg(relationship.otherName)
                                      : qsTr("Terms saved. Now agree to them, and ask %1 to agree too.").arg(relationship.otherName));
                page.view = "detail";
            }
        }
        RecordSessionPage {
            id: recordPage
            onBack: page.goBack(page.recordReturn === "record" ? "list" : page.recordReturn)
            onSaved: (relationship, key, summary) => {
                page.pendingKey = SyncQueue.contains(key) ? key : "";
                page.openRelationship(relationship.id);
                if (page.pendingKey.length > 0)
                    detailPage.showNotice(qsTr("Saved on this device. Sending…"));
                else {
                    detailPage.showNotice(qsTr("Recorded: %1.").arg(summary));
                    detailPage.detail.reload();
                }
            }
        }
        // Desktop, nothing chosen yet.
        Item {
            Label {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 420)
                horizontalAlignment: Text.AlignHCenter
                text: listModel.count > 0 ? qsTr("Choose a relationship to see its contract and sessions.") : ""
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
        }
        GoalFormPage {
            id: goalFormPage
            onBack: page.navigateBack()
            onSaved: summary => page.backToDetail(qsTr("Saved: %1.").arg(summary))
            onQueued: summary => page.backToDetail(qsTr("Saved on this device. It is sent as soon as the server can be reached."))
        }
        GoalDetailPage {
            id: goalDetailPage
            plan: detailPage.goals
            onBack: page.view = "detail"
            onRewordRequested: goal => {
                goalFormPage.start(goalDetailPage.relationship, goal);
                page.view = "goalForm";
            }
            onClosed: summary => page.backToDetail(qsTr("Saved: %1.").arg(summary))
            onQueued: summary => page.backToDetail(qsTr("Saved on this device. It is sent as soon as the server can be reached."))
        }
        ReviewFormPage {
            id: reviewFormPage
            onBack: page.view = "detail"
            onSaved: summary => page.backToDetail(qsTr("Review sent. %1 sees it and can add a comment.").arg(reviewFormPage.form.otherName))
            onQueued: summary => page.backToDetail(qsTr("Saved on this device. Your review is sent as soon as the server can be reached."))
        }
        EvaluationPage {
            id: evaluationPage
            onBack: page.view = "detail"
            onSaved: summary => page.backToDetail(qsTr("Thank you: your answers are sent."))
            onQueued: summary => page.backToDetail(qsTr("Saved on this device. Your answers are sent as soon as the server can be reached."))
        }
        FollowUpPage {
            id: followUpPage
            onBack: page.view = "detail"
            onSaved: summary => page.backToDetail(qsTr("Thank you: your follow-up is sent."))
            onQueued: summary => page.backToDetail(qsTr("Saved on this device. It is sent as soon as the server can be reached."))
        }
    }
}
