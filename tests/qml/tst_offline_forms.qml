import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// Every form of a relationship works with no connection, with the real
// Main.qml against the real server. The server is stopped; the coach sets
// terms, agrees and proposes a session, and the coachee sets a goal, agrees
// and accepts it: each change waits on the device with its idempotency key, survives
// SyncQueue.reopen() (an app restart), and once the server is back it is
// sent and the relationship is active with its session, as the server says.
// A change the server refuses stays with the server's words. The same
// change sent three times with one key changes the server once. Sessions
// move to a new time and go to a calendar file. What is typed in a form is
// kept as a draft and comes back after a restart.
TestCase {
    id: testCase

    property var window: null
    readonly property string coach: "coach@demo.tandem.example"
    readonly property string mentor: "mentor@demo.tandem.example"
    readonly property string coordinator: "coordinator@demo.tandem.example"
    /// The coach's two relationships, made in initTestCase: [{name, id}].
    property var coachees: []
    /// The mentor's one relationship: {name, id}.
    property var mentee: null
    /// The first coachee's email, once looked up.
    property string coacheeEmail

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
        coachees = acceptAll(coach, 2);
        mentee = acceptAll(mentor, 1)[0];
    }

    /// Accepts `count` requests from the inbox of `email`; who they came from.
    function acceptAll(email: string, count: int): var {
        Session.signIn(TestEnv.serverAddress, email, "demo-password-1");
        tryVerify(() => Session.signedIn, 30000, Session.errorMessage);
        const inbox = Qt.createQmlObject("import Tandem; InboxModel {}", testCase);
        tryVerify(() => !inbox.loading && inbox.count >= count, 15000, email + " has fewer than " + count + " requests");
        const accepted = [];
        for (let i = 0; i < count; ++i) {
            accepted.push({ name: inbox.get(0).coacheeName, id: inbox.get(0).coacheeId });
            const before = inbox.count;
            inbox.accept(0);
            tryVerify(() => !inbox.busy && inbox.count < before, 15000);
        }
        inbox.destroy();
        Session.signOut();
        return accepted;
    }

    function init() {
        Session.signOut();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        setSize(1280, 800);
    }

    function cleanup() {
        if (!TestEnv.serverRunning)
            TestEnv.startServer();
        Session.signOut();
        Session.clearError();
    }

    function item(name: string): var {
        return findChild(window.contentItem, name);
    }

    function setSize(width: int, height: int) {
        window.width = width;
        window.height = height;
        waitForRendering(window.contentItem, 500);
        wait(50);
    }

    function screenshot(fileName: string) {
        waitForRendering(window.contentItem, 500);
        wait(100);
        grabImage(window.contentItem).save(TestEnv.screenshotDir + "/" + fileName);
    }

    function signIn(email: string) {
        Session.signOut();
        tryVerify(() => item("signInPage") !== null, 5000);
        item("serverAddressField").text = TestEnv.serverAddress;
        item("emailField").text = email;
        item("passwordField").text = "demo-password-1";
        mouseClick(item("signInButton"));
        // Right after the server is back the connection may still be
        // waiting to try again: the person presses once more, as anyone would.
        tryVerify(() => {
            if (window.screen !== "app" && !Session.busy && Session.errorMessage.indexOf("Can't reach") === 0)
                mouseClick(item("signInButton"));
            return window.screen === "app" && item("appShell") !== null;
        }, 30000, email + " did not get in");
    }

    function press(target: var) {
        const control = typeof target === "string" ? item(target) : target;
        verify(control !== null && control !== undefined, "no " + target);
        verify(control.visible, target + " is not on show");
        verify(control.enabled, target + " is disabled");
        control.clicked();
    }

    function showPage(key: string) {
        Navigation.showPage(testCase, window, key);
    }

    function relationshipsPage(): var {
        const page = item("relationshipsPage");
        verify(page !== null, "Relationships is not loaded");
        return page;
    }

    /// Opens Relationships (loading the list, which the device keeps) and
    /// the relationship with `otherName`; returns the detail model.
    function openRelationship(otherName: string): var {
        showPage("relationships");
        const page = relationshipsPage();
        const list = page.relationships;
        page.view = "list";
        list.reload();
        tryVerify(() => !list.loading && list.count > 0, 15000, "no relationships");
        let row = -1;
        for (let i = 0; i < list.count; ++i) {
            if (list.get(i).otherName === otherName)
                row = i;
        }
        verify(row >= 0, "no relationship with " + otherName);
        press(findChild(page, "relationshipCard-" + row));
        const detail = page.detailPage.detail;
        tryVerify(() => detail.exists && detail.relationship.otherName === otherName && !detail.loading, 15000,
                  "the relationship did not load: " + detail.errorMessage);
        return detail;
    }

    /// A model of its own that asks the server, not the screen.
    function fromServer(relationshipId: double): var {
        const fresh = Qt.createQmlObject("import Tandem; RelationshipDetail {}", testCase);
        fresh.relationshipId = relationshipId;
        tryVerify(() => fresh.exists && !fresh.loading && !fresh.offline, 15000,
                  "the server did not answer: " + fresh.errorMessage);
        return fresh;
    }

    function emailOf(name: string, accountId: double): string {
        signIn(coordinator);
        const accounts = Qt.createQmlObject("import Tandem; AccountListModel {}", testCase);
        accounts.query = name;
        tryVerify(() => !accounts.loading && accounts.count > 0, 15000, "no account named " + name);
        let email = "";
        for (let i = 0; i < accounts.count; ++i) {
            if (accounts.get(i).accountId === accountId)
                email = accounts.get(i).email;
        }
        accounts.destroy();
        verify(email.length > 0, "the coordinator does not see " + name + "'s email");
        return email;
    }

    function firstCoacheeEmail(): string {
        if (coacheeEmail.length === 0)
            coacheeEmail = emailOf(coachees[0].name, coachees[0].id);
        return coacheeEmail;
    }

    /// Presses Sync now until `done()` holds.
    function syncUntil(done: var, message: string) {
        tryVerify(() => {
            if (!SyncQueue.syncing && SyncQueue.waitingCount > 0)
                SyncQueue.syncNow();
            return done();
        }, 30000, message + ": " + SyncQueue.lastError);
    }

    function keysOfQueue(): var {
        const keys = [];
        for (let i = 0; i < SyncQueue.count; ++i)
            keys.push(SyncQueue.get(i).key);
        return keys;
    }

    function isoDate(daysAhead: int): string {
        const day = new Date();
        day.setDate(day.getDate() + daysAhead);
        return Qt.formatDate(day, "yyyy-MM-dd");
    }

    // The coach sets terms, agrees and proposes a session with no server;
    // the coachee agrees and accepts it with no server; after each restart
    // and reconnection the server has it all: active, with a booked session.
    function test_1_offlineContractingSyncs() {
        const first = coachees[0].name;
        const second = coachees[1].name;
        signIn(coach);
        // Online: the terms of the first relationship, so that it can be agreed.
        let detail = openRelationship(first);
        const relationshipId = detail.relationship.id;
        const page = relationshipsPage();
        press("setTermsButton");
        tryVerify(() => page.view === "terms");
        press("saveTermsButton");
        tryVerify(() => page.view === "detail" && detail.relationship.termsSet === true, 15000,
                  "terms not saved: " + item("contractTermsPage").form.errorMessage);
        compare(SyncQueue.count, 0, "a change sent at once stays in the queue");
        // The list is kept on the device with the terms.
        openRelationship(second);
        detail = openRelationship(first);

        // No server. The coach agrees.
        verify(TestEnv.stopServer(), "the server did not stop");
        item("confidentialityCheck").checked = true;
        item("ethicsCheck").checked = true;
        press("agreeButton");
        tryVerify(() => !detail.busy && SyncQueue.waitingCount === 1, 15000, "the agreement was not kept");
        compare(item("relationshipNotice").text, "Saved on this device. It is sent as soon as the server can be reached.");
        compare(item("relationshipError").text, "", "an alarm for what is expected offline");
        compare(detail.relationship.memberAgreed, false, "agreed before the server said so");
        compare(item("memberAgreement").value, "Agreed on this device, waiting to sync");
        compare(item("nextStepText").text, "You agreed on this device. It is sent as soon as the server can be reached.");
        tryVerify(() => item("pendingBox").visible, 5000, "the pending change does not show");
        compare(findChild(item("pendingChange-0"), "pendingText").text, "\u21BB Waiting to sync: you agreed to the contract");
        verify(!item("agreeSection").visible, "the agreement can be made twice");

        // And proposes a session.
        press("proposeButton");
        press("proposalMode-in_person");
        item("proposalPlaceField").text = "Quiet room, level 2";
        press("sendProposalButton");
        tryVerify(() => !item("proposalSection").visible && SyncQueue.waitingCount === 2, 15000,
                  "the proposal was not kept: " + item("relationshipDetailPage").proposal.errorMessage);
        compare(detail.pending.length, 2);
        verify(detail.pending[1].text.indexOf("Waiting to sync: you proposed a session on ") === 0, detail.pending[1].text);
        verify(item("relationshipOffline").visible || detail.upcoming.length === 0);
        setSize(390, 844);
        screenshot("offline-relationship-pending-phone.png");
        setSize(1280, 800);
        screenshot("offline-relationship-pending-desktop.png");

        // And sets the terms of the second relationship.
        openRelationshipOffline(second);
        press("setTermsButton");
        tryVerify(() => page.view === "terms");
        item("sessionsField").text = "4";
        press("saveTermsButton");
        tryVerify(() => page.view === "detail" && SyncQueue.waitingCount === 3, 15000, "the terms were not kept: " + item("contractTermsPage").form.errorMessage);
        compare(item("relationshipNotice").text, "Saved on this device. It is sent as soon as the server can be reached.");

        // Everything that waits, in words.
        page.view = "list";
        const panel = findChild(page, "syncPanel");
        tryVerify(() => panel.visible);
        compare(panel.title, "3 changes waiting to sync");
        const kinds = [];
        for (let i = 0; i < SyncQueue.count; ++i)
            kinds.push(SyncQueue.get(i).kind);
        compare(kinds, [WriteKind.AgreeContract, WriteKind.ProposeSession, WriteKind.SetContractTerms]);
        compare(findChild(findChild(panel, "syncEntry-0"), "syncEntrySummary").text, "Agreed the contract with " + first);
        verify(findChild(findChild(panel, "syncEntry-1"), "syncEntrySummary").text.indexOf("Proposed a session with " + first + " on ") === 0);
        compare(findChild(findChild(panel, "syncEntry-2"), "syncEntrySummary").text,
                "Set the coaching terms with " + second + ": 4 sessions of 60 minutes");
        verify(findChild(findChild(page, "relationshipCard-0"), "relationshipPending").visible
               || findChild(findChild(page, "relationshipCard-1"), "relationshipPending").visible, "no card says a change waits");
        setSize(390, 844);
        screenshot("offline-sync-panel-phone.png");
        setSize(1280, 800);
        screenshot("offline-sync-panel-desktop.png");

        // The app restarts: the same entries, keys and all.
        const keys = keysOfQueue();
        SyncQueue.reopen();
        compare(keysOfQueue(), keys);
        compare(SyncQueue.waitingCount, 3);

        // The server is back: each is sent once, in order.
        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        verify(TestEnv.startServer(), "the server did not start again");
        syncUntil(() => synced.count === 3, "not all synced");
        compare([synced.signalArguments[0][0], synced.signalArguments[1][0], synced.signalArguments[2][0]], keys);
        compare(synced.signalArguments[0][3], WriteKind.AgreeContract);
        compare(synced.signalArguments[0][4], relationshipId);
        compare(SyncQueue.count, 0);
        let server = fromServer(relationshipId);
        compare(server.relationship.memberAgreed, true);
        compare(server.relationship.state, "contracting");
        compare(server.upcoming.length, 1);
        compare(server.upcoming[0].status, "proposed");
        compare(server.upcoming[0].place, "Quiet room, level 2");
        server.destroy();
        server = fromServer(relationshipIdOf(second));
        compare(server.relationship.termsSet, true);
        compare(server.relationship.numberOfSessions, 4);
        server.destroy();

        // The coachee, with no server, sets a goal (coaching needs one
        // before the coachee can agree), agrees and accepts the session.
        signIn(firstCoacheeEmail());
        detail = openRelationship("Grace Mwangi");
        const coacheePage = relationshipsPage();
        tryVerify(() => detail.upcoming.length === 1, 15000);
        tryVerify(() => coacheePage.detailPage.goals.loaded, 15000, "the goals did not load: " + coacheePage.detailPage.goals.unavailable);
        verify(TestEnv.stopServer(), "the server did not stop");
        verify(item("agreeNeedsGoal").visible, "the coachee is not told that a goal comes first");
        verify(!item("agreeButton").enabled, "the agreement can be sent with no goal");
        press("agreeSetGoalButton");
        tryVerify(() => coacheePage.view === "goalForm", 5000, "the goal form did not open");
        item("goalWhatField").text = "Delegate the rota without checking it twice";
        item("goalMeasureField").text = "Two rotas go out that I did not redo";
        press("startingRating-2");
        press("saveGoalButton");
        tryVerify(() => coacheePage.view === "detail" && SyncQueue.waitingCount === 1, 15000,
                  "the goal was not kept: " + coacheePage.goalFormPage.form.errorMessage);
        compare(SyncQueue.get(0).kind, WriteKind.AddGoal);
        compare(item("relationshipNotice").text, "Saved on this device. It is sent as soon as the server can be reached.");
        // The goal waiting on the device is enough to agree.
        tryVerify(() => !item("agreeNeedsGoal").visible && item("agreeButton").enabled, 5000,
                  "the agreement still waits for the goal kept on the device");
        item("confidentialityCheck").checked = true;
        item("ethicsCheck").checked = true;
        press("lineManager-yes");
        press("agreeButton");
        tryVerify(() => !detail.busy && SyncQueue.waitingCount === 2, 15000, "the agreement was not kept");
        press(findChild(item("upcomingSession-0"), "acceptSessionButton"));
        tryVerify(() => !detail.busy && SyncQueue.waitingCount === 3, 15000, "the acceptance was not kept");
        tryVerify(() => findChild(item("upcomingSession-0"), "sessionPending").visible, 5000);
        verify(findChild(item("upcomingSession-0"), "sessionPending").text.indexOf("Waiting to sync: you accepted the session on ") === 0,
               findChild(item("upcomingSession-0"), "sessionPending").text);
        verify(!findChild(item("upcomingSession-0"), "acceptSessionButton").visible, "it can be accepted twice");
        SyncQueue.reopen();
        compare(SyncQueue.waitingCount, 3);
        // The goal goes first, so the server takes the agreement after it.
        compare([SyncQueue.get(0).kind, SyncQueue.get(1).kind, SyncQueue.get(2).kind],
                [WriteKind.AddGoal, WriteKind.AgreeContract, WriteKind.AcceptSession]);
        verify(TestEnv.startServer(), "the server did not start again");
        syncUntil(() => SyncQueue.count === 0, "the coachee's changes did not sync");
        // The screen follows, and the server agrees.
        tryVerify(() => detail.relationship.state === "active" && detail.upcoming.length === 1
                  && detail.upcoming[0].status === "accepted", 15000);
        verify(!item("pendingBox").visible);
        server = fromServer(relationshipId);
        compare(server.relationship.state, "active");
        compare(server.relationship.lineManagerTold, "yes");
        compare(server.upcoming.length, 1, "not exactly one session");
        compare(server.upcoming[0].status, "accepted");
        server.destroy();
        const plan = Qt.createQmlObject("import Tandem; GoalPlan {}", testCase);
        plan.relationshipId = relationshipId;
        tryVerify(() => plan.loaded && !plan.loading, 15000, "the goals did not load: " + plan.unavailable);
        compare(plan.goals.length, 1, "not exactly one goal");
        compare(plan.goals[0].what, "Delegate the rota without checking it twice");
        plan.destroy();
    }

    /// Opens a relationship from the list the device kept (no server).
    function openRelationshipOffline(otherName: string): var {
        const page = relationshipsPage();
        page.view = "list";
        const list = page.relationships;
        let row = -1;
        for (let i = 0; i < list.count; ++i) {
            if (list.get(i).otherName === otherName)
                row = i;
        }
        verify(row >= 0, "no relationship with " + otherName);
        press(findChild(page, "relationshipCard-" + row));
        const detail = page.detailPage.detail;
        tryVerify(() => detail.exists && detail.relationship.otherName === otherName && !detail.loading, 15000);
        return detail;
    }

    /// The id of the coach's relationship with `otherName`, from the list.
    function relationshipIdOf(otherName: string): double {
        const list = relationshipsPage().relationships;
        for (let i = 0; i < list.count; ++i) {
            if (list.get(i).otherName === otherName)
                return list.get(i).id;
        }
        return 0;
    }

    // The coach cancels a session with no server; meanwhile the coachee
    // cancels it too. When the coach is back the server refuses the
    // coach's change, and it stays, with the server's words, until
    // discarded.
    function test_2_refusedChangeStaysVisible() {
        const first = coachees[0].name;
        signIn(coach);
        let detail = openRelationship(first);
        tryVerify(() => detail.upcoming.length === 1 && detail.upcoming[0].status === "accepted", 15000);
        verify(TestEnv.stopServer(), "the server did not stop");
        press(findChild(item("upcomingSession-0"), "cancelSessionButton"));
        findChild(item("upcomingSession-0"), "cancelReasonField").text = "A clinic was added that afternoon.";
        press(findChild(item("upcomingSession-0"), "confirmCancelButton"));
        tryVerify(() => !detail.busy && SyncQueue.waitingCount === 1, 15000, "the cancellation was not kept");
        const key = SyncQueue.get(0).key;
        compare(SyncQueue.get(0).kind, WriteKind.CancelSession);
        // Signed out (the device keeps the coach's change) while the coachee acts.
        Session.signOut();
        verify(TestEnv.startServer(), "the server did not start again");
        signIn(firstCoacheeEmail());
        compare(SyncQueue.count, 0, "the coach's change shows to the coachee");
        detail = openRelationship("Grace Mwangi");
        tryVerify(() => detail.upcoming.length === 1, 15000);
        press(findChild(item("upcomingSession-0"), "cancelSessionButton"));
        findChild(item("upcomingSession-0"), "cancelReasonField").text = "I am on leave that week.";
        press(findChild(item("upcomingSession-0"), "confirmCancelButton"));
        tryVerify(() => !detail.busy && detail.upcoming.length === 0, 15000, item("relationshipError").text);

        // The coach again: the change is sent, and refused.
        const refused = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "refused" });
        signIn(coach);
        tryVerify(() => refused.count === 1, 15000, "not refused: " + SyncQueue.lastError);
        compare(refused.signalArguments[0][0], key);
        compare(refused.signalArguments[0][1], "Only a session still to come can be cancelled.");
        compare(SyncQueue.count, 1, "a refused change left the device");
        compare(SyncQueue.refusedCount, 1);
        showPage("relationships");
        const page = relationshipsPage();
        const panel = findChild(page, "syncPanel");
        tryVerify(() => panel.visible);
        compare(panel.title, "Changes to check");
        const entry = findChild(panel, "syncEntry-0");
        compare(findChild(entry, "syncEntryError").text, "Only a session still to come can be cancelled.");
        verify(!findChild(entry, "syncEditButton").visible, "an edit form for a cancellation");
        verify(findChild(entry, "syncRetryButton").visible);
        // The relationship says so too.
        detail = openRelationship(first);
        tryVerify(() => item("pendingBox").visible);
        verify(findChild(item("pendingChange-0"), "pendingText").text.indexOf("Not accepted by the server: you cancelled the session on ") >= 0,
               findChild(item("pendingChange-0"), "pendingText").text);
        compare(findChild(item("pendingChange-0"), "pendingError").text,
                "Only a session still to come can be cancelled.");
        setSize(390, 844);
        screenshot("offline-refused-phone.png");
        setSize(1280, 800);

        // Discarding asks first.
        page.view = "list";
        press(findChild(entry, "syncDiscardButton"));
        compare(SyncQueue.count, 1, "discarded without asking");
        press(findChild(entry, "syncConfirmDiscardButton"));
        compare(SyncQueue.count, 0);
        verify(!SyncQueue.contains(key));
    }

    // One change sent three times with its key (answers lost, say) is made
    // once: a review counts once, and an ending is not refused as "already
    // ended" the second time. The same key with another change is refused.
    function test_3_sameKeyThriceChangesOnce() {
        const first = coachees[0].name;
        signIn(coach);
        const detail = openRelationship(first);
        compare(detail.relationship.state, "active");
        const relationshipId = detail.relationship.id;
        const reviewsBefore = detail.relationship.reviews;
        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        const refused = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "refused" });
        const key = "offline-forms-review-" + Date.now();
        const review = { relationshipId: relationshipId, numberOfSessions: 9, plannedEndOn: isoDate(150),
                         reason: "Two more sessions for the rota goal.", idempotencyKey: key };
        for (let i = 0; i < 3; ++i) {
            compare(SyncQueue.enqueueWrite(WriteKind.ReviewContract, review, ""), key);
            tryVerify(() => synced.count === i + 1 || refused.count > 0, 15000, "try " + (i + 1) + " not answered: " + SyncQueue.lastError);
            compare(refused.count, 0, "try " + (i + 1) + " refused: " + (refused.count > 0 ? refused.signalArguments[0][1] : ""));
            compare(synced.signalArguments[i][0], key);
        }
        const server = fromServer(relationshipId);
        compare(server.relationship.reviews, reviewsBefore + 1, "three sends of one review did not count once");
        compare(server.relationship.numberOfSessions, 9);
        compare(server.relationship.history.filter(step => step.reason === "Two more sessions for the rota goal.").length, 1);
        server.destroy();
        // The screen follows what was written.
        tryVerify(() => detail.relationship.reviews === reviewsBefore + 1, 5000);

        // The same key with another review: refused, kept, not made.
        review.numberOfSessions = 12;
        compare(SyncQueue.enqueueWrite(WriteKind.ReviewContract, review, ""), key);
        tryVerify(() => refused.count === 1, 15000, "a different change under one key was not refused");
        verify(refused.signalArguments[0][1].indexOf("Idempotency key was already used") === 0, refused.signalArguments[0][1]);
        compare(SyncQueue.refusedCount, 1);
        SyncQueue.discard(key);
        compare(fromServer(relationshipId).relationship.numberOfSessions, 9);

        // The mentor ends a relationship early from the screen; the same
        // ending sent twice more is answered, not refused.
        signIn(mentor);
        const ending = openRelationship(mentee.name);
        press("endEarlyButton");
        item("endReasonField").text = "We agreed a coach would suit this better.";
        press("confirmEndButton");
        tryVerify(() => synced.count === 4, 15000, "not ended: " + item("relationshipError").text);
        tryVerify(() => ending.relationship.state === "ended_early", 5000);
        const endKey = synced.signalArguments[3][0];
        const again = { relationshipId: ending.relationship.id, reason: "We agreed a coach would suit this better.", idempotencyKey: endKey };
        for (let i = 0; i < 2; ++i) {
            compare(SyncQueue.enqueueWrite(WriteKind.EndRelationship, again, ""), endKey);
            tryVerify(() => synced.count === 5 + i || refused.count > 1, 15000);
            compare(refused.count, 1, "a repeat of the ending was refused: "
                    + (refused.count > 1 ? refused.signalArguments[1][1] : ""));
        }
        const ended = fromServer(ending.relationship.id);
        compare(ended.relationship.state, "ended_early");
        compare(ended.relationship.history.filter(step => step.toState === "ended_early" && step.stateChanged).length, 1);
        ended.destroy();
    }

    // A session moves to a new time, with a reason; it goes to a calendar file.
    function test_4_rescheduleAndCalendar() {
        const first = coachees[0].name;
        signIn(coach);
        const detail = openRelationship(first);
        press("proposeButton");
        press("proposalMode-video");
        press("sendProposalButton");
        tryVerify(() => !item("proposalSection").visible && detail.upcoming.length === 1, 15000,
                  "not proposed: " + item("relationshipDetailPage").proposal.errorMessage);
        const sessionId = detail.upcoming[0].id;

        const row = item("upcomingSession-0");
        press(findChild(row, "rescheduleSessionButton"));
        verify(findChild(row, "rescheduleSection").visible);
        findChild(row, "rescheduleDateField").text = isoDate(12);
        findChild(row, "rescheduleTimeField").text = "25:00";
        press(findChild(row, "confirmRescheduleButton"));
        compare(findChild(row, "rescheduleTimeField").error, "Enter the time on the 24-hour clock, like 14:30.");
        compare(findChild(row, "rescheduleReasonError").text, "Say why, in a sentence or two.");
        compare(SyncQueue.count, 0, "an invalid move was queued");
        findChild(row, "rescheduleTimeField").text = "15:30";
        compare(findChild(row, "rescheduleTimeField").error, "", "a corrected time still shows its error");
        findChild(row, "rescheduleReasonField").text = "The ward round moved to the afternoon.";
        setSize(390, 844);
        flickTo(row);
        screenshot("reschedule-form-phone.png");
        setSize(1280, 800);
        flickTo(row);
        screenshot("reschedule-form-desktop.png");
        press(findChild(row, "confirmRescheduleButton"));
        tryVerify(() => !detail.busy && detail.upcoming.length === 1
                  && detail.upcoming[0].rescheduleReason === "The ward round moved to the afternoon.", 15000,
                  "not moved: " + item("relationshipError").text);
        const moved = detail.upcoming[0];
        compare(moved.id, sessionId);
        compare(moved.status, "proposed");
        compare(moved.proposedByYou, true);
        compare(Qt.formatDateTime(moved.startsAt, "yyyy-MM-dd HH:mm"), isoDate(12) + " 15:30");
        verify(item("relationshipNotice").text.indexOf("Session moved to ") === 0, item("relationshipNotice").text);
        compare(findChild(item("upcomingSession-0"), "sessionRescheduleReason").text, "Moved: The ward round moved to the afternoon.");
        compare(Drafts.load("reschedule_session:" + sessionId), {}, "the draft outlived the change");
        const server = fromServer(detail.relationship.id);
        compare(server.upcoming[0].rescheduleReason, "The ward round moved to the afternoon.");
        server.destroy();

        // Add to calendar: an .ics file where it says.
        const folder = TestEnv.appDataDir + "/calendar";
        detail.exportFolder = folder;
        detail.openExportedFiles = false;
        press(findChild(item("upcomingSession-0"), "exportCalendarButton"));
        tryVerify(() => detail.lastExportPath.length > 0, 15000, "no calendar file: " + item("relationshipError").text);
        compare(detail.lastExportPath, folder + "/tandem-session-" + sessionId + ".ics");
        compare(item("relationshipNotice").text, "Calendar file saved in " + detail.lastExportPath
                + ": the session with " + first + " on " + moved.dateLabel + " at " + moved.timeLabel
                + ". Open it to add the session to your calendar.");
        // What the file on the disk holds, as a calendar app reads it
        // (folded lines joined): the session at its new time.
        const ics = TestEnv.readFile(detail.lastExportPath).replace(/\r\n[ \t]/g, "");
        verify(ics.indexOf("BEGIN:VCALENDAR\r\n") === 0, ics);
        const utc = moved.startsAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
        verify(ics.indexOf("\r\nDTSTART:" + utc + "\r\n") > 0, utc + " not in " + ics);
        verify(ics.indexOf("\r\nSUMMARY:Coaching session: " + first + " and Grace Mwangi\r\n") > 0, ics);
        compare(item("relationshipError").text, "");
    }

    /// Scrolls the detail so that `target` shows.
    function flickTo(target: var) {
        const flick = item("relationshipDetailFlick");
        const y = target.mapToItem(flick.contentItem, 0, 0).y;
        flick.contentY = Math.max(0, Math.min(y - 16, flick.contentHeight - flick.height));
        waitForRendering(window.contentItem, 500);
    }

    // What is typed in the record form and the reason for ending is kept
    // as it is typed and comes back after a restart.
    function test_5_draftsSurviveRestart() {
        const first = coachees[0].name;
        signIn(coach);
        setSize(390, 844);
        const detail = openRelationship(first);
        const page = relationshipsPage();
        press("detailRecordButton");
        tryVerify(() => page.view === "record");
        const form = page.recordPage.form;
        compare(form.restoredFromDraft, false);
        const draftName = "record_session:" + detail.relationship.id + ":0";
        compare(Drafts.load(draftName), {}, "a draft before anything was typed");
        item("recordMinutesField").text = "40";
        item("agreedActionsField").text = "Draft: book the leadership course.";
        item("privateNotesField").text = "Draft: more confident than last time.";
        tryVerify(() => Drafts.load(draftName).privateNotes === "Draft: more confident than last time.", 5000, "the draft was not kept");

        // The app is killed and started again.
        press("recordBack");
        SyncQueue.reopen();
        press("detailRecordButton");
        tryVerify(() => page.view === "record");
        compare(form.restoredFromDraft, true);
        compare(form.actualMinutes, 40);
        compare(form.agreedActions, "Draft: book the leadership course.");
        compare(form.privateNotes, "Draft: more confident than last time.");
        compare(item("agreedActionsField").text, "Draft: book the leadership course.");
        verify(item("recordDraftNote").visible, "no word that it was restored");
        verify(item("recordDraftText").text.indexOf("Restored what you typed on ") === 0, item("recordDraftText").text);
        screenshot("record-draft-restored-phone.png");
        const flick = item("recordSessionFlick");
        flick.contentY = item("privateNotesCard").mapToItem(flick.contentItem, 0, 0).y - 260;
        screenshot("record-draft-restored-notes-phone.png");
        flick.contentY = 0;
        setSize(1280, 800);
        screenshot("record-draft-restored-desktop.png");

        // Saved: the draft goes, the record reaches the server.
        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        press("saveRecordButton");
        compare(Drafts.load(draftName), {}, "the draft outlived the record");
        tryVerify(() => synced.count === 1, 15000, "not synced: " + SyncQueue.lastError);
        tryVerify(() => detail.past.some(s => s.agreedActions === "Draft: book the leadership course."), 15000);

        // Start again forgets a draft.
        press("detailRecordButton");
        item("agreedActionsField").text = "Typed by mistake.";
        tryVerify(() => Drafts.load(draftName).agreedActions === "Typed by mistake.", 5000);
        press("recordBack");
        press("detailRecordButton");
        press("recordDiscardDraftButton");
        compare(form.agreedActions, "");
        compare(form.restoredFromDraft, false);
        compare(Drafts.load(draftName), {});
        press("recordBack");

        // The reason for ending.
        press("endEarlyButton");
        item("endReasonField").text = "I am leaving the trust in June.";
        tryVerify(() => Drafts.load("end_relationship:" + detail.relationship.id).reason === "I am leaving the trust in June.", 5000);
        SyncQueue.reopen();
        page.detailPage.ending = false;
        press("endEarlyButton");
        compare(item("endReasonField").text, "I am leaving the trust in June.");
        compare(detail.relationship.state, "active", "ended by typing");
    }

    /// Whether `text` can be read anywhere in the bytes of the outbox's
    /// files on the disk (the SQLite file and any journal beside it).
    function onDisk(text: string): bool {
        const base = TestEnv.appDataDir + "/outbox.sqlite";
        verify(TestEnv.fileExists(base), "no outbox file at " + base);
        return ["", "-journal", "-wal", "-shm"].some(suffix => TestEnv.fileContains(base + suffix, text));
    }

    /// With no server: records a session with private notes `notes` from
    /// the form; it waits on the device.
    function recordOffline(notes: string) {
        const page = relationshipsPage();
        const before = SyncQueue.count;
        press("detailRecordButton");
        tryVerify(() => page.view === "record");
        item("recordMinutesField").text = "35";
        item("privateNotesField").text = notes;
        press("saveRecordButton");
        tryVerify(() => SyncQueue.count === before + 1 && !SyncQueue.syncing && SyncQueue.lastError.length > 0, 15000,
                  "the record was not kept: " + page.recordPage.form.errorMessage);
        tryVerify(() => page.view === "detail", 5000);
    }

    // What is typed offline never sits readable on the device: a private
    // note queued from the record form and a reason kept as a draft are not
    // in the outbox's bytes; the note is sent once when the server is back
    // and the server has it.
    function test_6_nothingTypedIsReadableOnTheDevice() {
        const first = coachees[0].name;
        const note = "MARKER-NOTE-" + Date.now() + ": she is thinking of leaving nursing.";
        const reason = "MARKER-DRAFT-" + Date.now() + ": I am not sure this is working.";
        signIn(coach);
        const detail = openRelationship(first);
        const relationshipId = detail.relationship.id;
        verify(TestEnv.stopServer(), "the server did not stop");
        recordOffline(note);
        press("endEarlyButton");
        item("endReasonField").text = reason;
        tryVerify(() => Drafts.load("end_relationship:" + relationshipId).reason === reason, 5000, "the draft was not kept");

        verify(!onDisk(note), "the private note is readable in the outbox's files");
        verify(!onDisk(reason), "the draft is readable in the outbox's files");
        verify(!onDisk("MARKER-"), "a marker is readable in the outbox's files");
        // The app reads them back, after a restart too.
        SyncQueue.reopen();
        compare(SyncQueue.count, 1);
        compare(SyncQueue.recordOf(SyncQueue.get(0).key).privateNotes, note);
        compare(Drafts.load("end_relationship:" + relationshipId).reason, reason);
        verify(!onDisk("MARKER-"), "a marker is readable after a restart");

        // Sent once when the server is back, and the server has it.
        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        verify(TestEnv.startServer(), "the server did not start again");
        syncUntil(() => synced.count === 1, "the record did not sync");
        compare(synced.signalArguments[0][3], WriteKind.RecordSession);
        compare(SyncQueue.count, 0);
        wait(500);
        compare(synced.count, 1, "sent more than once");
        const server = fromServer(relationshipId);
        compare(server.past.filter(session => session.privateNotes === note).length, 1, "the server does not have the note once");
        server.destroy();
        relationshipsPage().detailPage.ending = false;
        Drafts.clear("end_relationship:" + relationshipId);
    }

    // Signing out with changes not sent yet says what would be lost first:
    // staying keeps them; signing out removes them (and the drafts) from the
    // device, so they never reach the server. With nothing waiting, signing
    // out is one press, as before.
    function test_7_signingOutSaysWhatWouldBeLost() {
        const first = coachees[0].name;
        const note = "MARKER-SIGNOUT-" + Date.now();
        signIn(coach);
        const detail = openRelationship(first);
        const relationshipId = detail.relationship.id;
        const recordedBefore = detail.past.length;
        verify(TestEnv.stopServer(), "the server did not stop");
        recordOffline(note);
        press("endEarlyButton");
        item("endReasonField").text = "Typed, then signed out.";
        tryVerify(() => Drafts.count() > 0, 5000, "the draft was not kept");
        const drafts = Drafts.count();

        showPage("account");
        press("signOutButton");
        verify(Session.signedIn, "signed out without asking");
        const warning = item("signOutWarning");
        verify(warning.visible, "no word of what would be lost");
        compare(warning.text, "1 change is not sent yet. "
                + (drafts === 1 ? "1 form you started is not saved yet. " : drafts + " forms you started are not saved yet. ")
                + "If you sign out now, they are removed from this device and never reach the server.");
        verify(item("signOutRemoveButton").visible);
        // Scrolled so that the question shows whole, buttons and all.
        const accountFlick = item("accountFlick");
        const onScreen = () => {
            const remove = item("signOutRemoveButton");
            const top = warning.mapToItem(accountFlick, 0, 0).y;
            const bottom = remove.mapToItem(accountFlick, 0, remove.height).y;
            return top >= 0 && bottom <= accountFlick.height;
        };
        tryVerify(onScreen, 5000, "the question to sign out is not on show");
        screenshot("sign-out-confirm-desktop.png");
        setSize(390, 844);
        press("signOutStayButton");
        press("signOutButton");
        tryVerify(onScreen, 5000, "the question to sign out is not on show on a phone");
        screenshot("sign-out-confirm-phone.png");
        setSize(1280, 800);

        // Staying keeps everything.
        press("signOutStayButton");
        verify(Session.signedIn);
        verify(!warning.visible);
        compare(SyncQueue.count, 1);
        compare(Drafts.count(), drafts);

        // Signing out removes them from the device.
        press("signOutButton");
        press("signOutRemoveButton");
        tryVerify(() => !Session.signedIn, 5000, "not signed out");
        verify(!onDisk(note), "the removed note is readable in the outbox's files");
        verify(TestEnv.startServer(), "the server did not start again");
        signIn(coach);
        compare(SyncQueue.count, 0, "the removed change came back");
        compare(Drafts.count(), 0, "a removed draft came back");
        const server = fromServer(relationshipId);
        compare(server.past.length, recordedBefore, "the removed record reached the server");
        server.destroy();

        // Nothing waiting: one press.
        showPage("account");
        press("signOutButton");
        tryVerify(() => !Session.signedIn, 5000, "not signed out at once");
    }

    name: "OfflineForms"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
    Component {
        id: signalSpy
        SignalSpy {}
    }
}
