import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// Recording a session with the real Main.qml against the real server: two
// taps from Home, done with a few fields; the coach alone reads the private
// notes, the coachee sees the agreed actions. Offline: the server is
// stopped, a record is kept on the device (and survives the queue being
// reopened, as after the app is killed), the server starts again and the
// record syncs exactly once; sending it again with the same key is a
// replay, not a second session. A record the server refuses stays, with
// the server's words, until corrected.
TestCase {
    id: testCase

    property var window: null
    readonly property string coach: "coach@demo.tandem.example"
    readonly property string coordinator: "coordinator@demo.tandem.example"
    /// The coachees of the requests accepted in initTestCase: [{name, id}].
    property var coachees: []

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
        // Two relationships for the demo coach: two requests accepted.
        Session.signIn(TestEnv.serverAddress, coach, "demo-password-1");
        tryVerify(() => Session.signedIn, 30000, Session.errorMessage);
        const inbox = Qt.createQmlObject("import Tandem; InboxModel {}", testCase);
        tryVerify(() => !inbox.loading && inbox.count >= 2, 15000, "the demo coach's inbox has fewer than two requests");
        const accepted = [];
        for (let i = 0; i < 2; ++i) {
            accepted.push({ name: inbox.get(0).coacheeName, id: inbox.get(0).coacheeId });
            const before = inbox.count;
            inbox.accept(0);
            tryVerify(() => !inbox.busy && inbox.count < before, 15000);
        }
        inbox.destroy();
        coachees = accepted;
        Session.signOut();
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
        tryVerify(() => window.screen === "app" && item("appShell") !== null, 30000,
                  email + " did not get in: " + Session.errorMessage);
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

    /// Home → "Record a session" → the relationship with `name`: two taps.
    function startRecordFromHome(name: string): var {
        showPage("home");
        press("homeRecordButton"); // tap 1
        tryVerify(() => window.screenItem.currentPage === "relationships", 5000);
        const page = relationshipsPage();
        compare(page.view, "record");
        const record = page.recordPage;
        verify(record.choosing, "no choice of whom with");
        tryVerify(() => !record.choices.loading && record.choices.count === 2, 15000, "not two relationships to choose from");
        let row = -1;
        for (let i = 0; i < record.choices.count; ++i) {
            if (record.choices.get(i).otherName === name)
                row = i;
        }
        verify(row >= 0, "no " + name + " to choose");
        press(findChild(record, "recordChoice-" + row)); // tap 2
        verify(!record.choosing);
        compare(record.form.otherName, name);
        return record;
    }

    /// Counts the sessions held in the detail on show with `actions`.
    function heldWith(detail: var, actions: string): int {
        let found = 0;
        for (let i = 0; i < detail.past.length; ++i) {
            if (detail.past[i].status === "held" && detail.past[i].agreedActions === actions)
                ++found;
        }
        return found;
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

    function test_1_recordFromHome() {
        const name = coachees[0].name;
        signIn(coach);
        setSize(390, 844);
        verify(item("recordEntry").visible, "no Record on a coach's Home");
        screenshot("home-record-phone.png");
        showPage("home");
        press("homeRecordButton");
        tryVerify(() => window.screenItem.currentPage === "relationships", 5000);
        const record = relationshipsPage().recordPage;
        tryVerify(() => !record.choices.loading && record.choices.count === 2, 15000);
        screenshot("record-choose-phone.png");
        setSize(1280, 800);
        screenshot("record-choose-desktop.png");
        setSize(390, 844);

        startRecordFromHome(name);
        const form = record.form;
        // Defaults: held, today, an hour.
        compare(form.held, true);
        compare(form.actualMinutes, 60);
        compare(form.date.length, 10);
        verify(item("privateNotesTitle").text.indexOf("only you can read these") >= 0);
        // Checked before it is kept.
        item("recordMinutesField").text = "2";
        const dateField = item("recordDateField");
        const today = form.date;
        findChild(dateField, "dayPart").text = "31";
        findChild(dateField, "monthPart").text = "2";
        compare(form.date, today.slice(0, 4) + "-02-31", "the three boxes make the form's date");
        press("saveRecordButton");
        compare(item("recordMinutesField").error, "Enter how long it took: 5 to 480 minutes.");
        verify(dateField.error.indexOf("Enter a real date, with the day, month and year") === 0, dateField.error);
        compare(SyncQueue.count, 0, "an invalid record was queued");
        // The summary at the top names both, in page order, and moves into view.
        const summary = item("recordErrorSummary");
        verify(summary.visible);
        compare(summary.problems.map(p => p.key), ["date", "actualMinutes"]);
        tryVerify(() => summary.activeFocus, 5000, "the summary did not take focus");
        const flick = findChild(record, "recordSessionFlick");
        tryVerify(() => {
            const top = summary.mapToItem(flick, 0, 0).y;
            return top >= 0 && top < flick.height;
        }, 5000, "the summary is not in view");
        screenshot("record-refused-phone.png");
        setSize(1280, 800);
        screenshot("record-refused-desktop.png");
        setSize(390, 844);
        // Each problem links to its field.
        press("errorSummaryLink-actualMinutes");
        verify(item("recordMinutesField").input.activeFocus, "the link did not move to the field");
        dateField.text = today;
        compare(findChild(dateField, "monthPart").text, String(parseInt(today.slice(5, 7), 10)),
                "the form's date fills the boxes");
        item("recordMinutesField").text = "50";
        press("recordMode-in_person");
        tryVerify(() => findChild(record, "recordTheme-leadership") !== null, 15000, "no themes");
        press("recordTheme-leadership");
        item("agreedActionsField").text = "Try a two-minute check-in at each handover.";
        item("privateNotesField").text = "NOTES-MARKER: seemed tired; ask about workload next time.";
        screenshot("record-form-phone.png");
        setSize(1280, 800);
        screenshot("record-form-desktop.png");

        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        press("saveRecordButton");
        const page = relationshipsPage();
        compare(page.view, "detail");
        tryVerify(() => synced.count === 1, 15000, "not synced");
        compare(synced.signalArguments[0][2], false, "a first record is not a replay");
        compare(SyncQueue.count, 0);
        const detail = page.detailPage.detail;
        tryVerify(() => !detail.loading && heldWith(detail, "Try a two-minute check-in at each handover.") === 1, 15000);
        verify(item("relationshipNotice").text.indexOf("Recorded: Session with " + name) === 0, item("relationshipNotice").text);
        const held = detail.past[0];
        compare(held.actualMinutes, 50);
        compare(held.mode, "in_person");
        compare(held.themes, ["leadership"]);
        compare(held.privateNotes, "NOTES-MARKER: seemed tired; ask about workload next time.");
        verify(item("privateNotesBox").visible, "the author does not see their notes");
        compare(detail.heldCount, 1);
        screenshot("relationship-recorded-desktop.png");
        setSize(390, 844);
        screenshot("relationship-recorded-phone.png");

        // The coachee sees the agreed actions, never the notes.
        const email = emailOf(name, coachees[0].id);
        signIn(email);
        showPage("relationships");
        const theirs = relationshipsPage();
        tryVerify(() => !theirs.relationships.loading && theirs.relationships.count === 1, 15000);
        press(findChild(theirs, "relationshipCard-0"));
        const seen = theirs.detailPage.detail;
        tryVerify(() => !seen.loading && seen.exists && seen.past.length === 1, 15000);
        compare(seen.past[0].agreedActions, "Try a two-minute check-in at each handover.");
        compare(seen.past[0].privateNotes, "");
        compare(seen.sharedActions.length, 1);
        compare(findChild(item("sharedAction-0"), "sharedActionText").text, "Try a two-minute check-in at each handover.");
        verify(item("actionsCard").visible);
        verify(!item("privateNotesBox") || !item("privateNotesBox").visible, "the coachee sees private notes");
        screenshot("relationship-actions-coachee-phone.png");
    }

    function test_2_offlineRecordSyncsOnce() {
        const name = coachees[1].name;
        signIn(coach);
        setSize(390, 844);
        // The list is loaded (and kept on the device) while online.
        showPage("relationships");
        const page = relationshipsPage();
        tryVerify(() => !page.relationships.loading && page.relationships.count === 2, 15000);

        // No server: the record is kept on the device.
        verify(TestEnv.stopServer(), "the server did not stop");
        const record = startRecordFromHome(name);
        verify(record.choices.offline, "the list should come from the device");
        item("recordMinutesField").text = "45";
        item("agreedActionsField").text = "Offline: write the rota proposal and share it.";
        item("privateNotesField").text = "Recorded in the basement with no signal.";
        press("saveRecordButton");
        compare(SyncQueue.count, 1);
        tryVerify(() => !SyncQueue.syncing && SyncQueue.lastError.length > 0, 15000, "the first try did not fail");
        verify(SyncQueue.lastError.indexOf("Can't reach Tandem") === 0, SyncQueue.lastError);
        compare(SyncQueue.waitingCount, 1);
        const entry = SyncQueue.get(0);
        const key = entry.key;
        verify(key.length >= 32, "key too short: " + key);
        verify(entry.attempts >= 1);
        compare(entry.refused, false);
        tryVerify(() => item("relationshipNotice").text === "Saved on this device. It will be sent as soon as the server can be reached.", 5000,
                  item("relationshipNotice").text);
        // The relationship still shows, from what the device kept.
        compare(item("relationshipTitle").text, name);
        tryVerify(() => item("relationshipOffline").visible, 15000, "not shown as offline");
        compare(item("relationshipError").text, "", "an alarm for what is expected offline");
        screenshot("record-saved-offline-phone.png");
        // What is waiting shows on the list and on Home.
        press("relationshipBack");
        tryVerify(() => page.view === "list");
        const panel = findChild(page, "syncPanel");
        verify(panel.visible, "nothing shows what is waiting");
        compare(panel.title, "1 change waiting to sync");
        compare(findChild(panel, "syncEntrySummary").text.indexOf("Session with " + name), 0);
        screenshot("sync-waiting-phone.png");
        setSize(1280, 800);
        screenshot("sync-waiting-desktop.png");
        setSize(390, 844);
        showPage("home");
        verify(item("homeSyncPanel").visible, "Home does not show what is waiting");
        screenshot("home-sync-waiting-phone.png");

        // As after the app is killed: the file still holds it, key and all.
        const kept = SyncQueue.recordOf(key);
        SyncQueue.reopen();
        compare(SyncQueue.count, 1);
        compare(SyncQueue.get(0).key, key);
        compare(kept.agreedActions, "Offline: write the rota proposal and share it.");

        // The server is back: Sync now sends it, once.
        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        verify(TestEnv.startServer(), "the server did not start again");
        showPage("relationships");
        tryVerify(() => {
            const now = findChild(page, "syncNowButton");
            if (now && now.visible && now.enabled)
                now.clicked();
            return synced.count === 1;
        }, 30000, "not synced: " + SyncQueue.lastError);
        compare(synced.signalArguments[0][0], key);
        compare(synced.signalArguments[0][2], false);
        compare(SyncQueue.count, 0);
        verify(!findChild(page, "syncPanel").visible);

        // Sent again with the same key (a retry whose answer was lost): the
        // server answers with the same record.
        kept.idempotencyKey = key;
        SyncQueue.enqueueWrite(WriteKind.RecordSession, kept, "Session with " + name + " (again)");
        tryVerify(() => synced.count === 2, 15000, "the replay was not answered: " + SyncQueue.lastError);
        compare(synced.signalArguments[1][0], key);
        compare(synced.signalArguments[1][2], true, "the server did not say replayed");
        compare(SyncQueue.count, 0);

        // Exactly one session.
        page.view = "list";
        page.relationships.reload();
        tryVerify(() => !page.relationships.loading && page.relationships.count === 2, 15000);
        compare(page.relationships.offline, false);
        let row = -1;
        for (let i = 0; i < page.relationships.count; ++i) {
            if (page.relationships.get(i).otherName === name)
                row = i;
        }
        press(findChild(page, "relationshipCard-" + row));
        const detail = page.detailPage.detail;
        tryVerify(() => !detail.loading && detail.exists && detail.relationship.otherName === name && detail.past.length > 0, 15000);
        compare(heldWith(detail, "Offline: write the rota proposal and share it."), 1);
        compare(detail.past.length, 1);
    }

    function test_3_refusedRecordStaysUntilCorrected() {
        const name = coachees[1].name;
        signIn(coach);
        setSize(390, 844);
        showPage("relationships");
        const page = relationshipsPage();
        tryVerify(() => !page.relationships.loading && page.relationships.count === 2, 15000);
        let relationship = null;
        for (let i = 0; i < page.relationships.count; ++i) {
            if (page.relationships.get(i).otherName === name)
                relationship = page.relationships.get(i);
        }
        // What the form would never send: the server refuses it for good.
        const refused = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "refused" });
        const key = SyncQueue.enqueueWrite(WriteKind.RecordSession, { relationshipId: relationship.id, held: true, startedAt: new Date(Date.now() - 3600000),
                                              actualMinutes: 3, agreedActions: "Corrected later." }, "Session with " + name);
        verify(key.length > 0);
        tryVerify(() => refused.count === 1, 15000, "not refused: " + SyncQueue.lastError);
        compare(refused.signalArguments[0][1], "Minutes must be 5 to 480.");
        compare(SyncQueue.count, 1, "a refused record left the device");
        compare(SyncQueue.refusedCount, 1);
        const panel = findChild(page, "syncPanel");
        verify(panel.visible);
        compare(findChild(panel, "syncEntryError").text, "Minutes must be 5 to 480.");
        screenshot("sync-refused-phone.png");

        // Corrected in the form: sent again with its key, and recorded.
        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        press(findChild(panel, "syncEditButton"));
        compare(page.view, "record");
        compare(page.recordPage.form.queuedKey, key);
        compare(page.recordPage.form.actualMinutes, 3);
        compare(page.recordPage.form.agreedActions, "Corrected later.");
        screenshot("record-correct-phone.png");
        item("recordMinutesField").text = "30";
        press("saveRecordButton");
        tryVerify(() => synced.count === 1, 15000, "not synced: " + SyncQueue.lastError);
        compare(synced.signalArguments[0][0], key);
        compare(SyncQueue.count, 0);

        // Discarding asks first, then drops the record for good.
        const other = SyncQueue.enqueueWrite(WriteKind.RecordSession, { relationshipId: relationship.id, held: false, cancelledBy: "",
                                                startedAt: new Date(Date.now() - 3600000) }, "Not held");
        tryVerify(() => refused.count === 2, 15000);
        page.view = "list";
        press(findChild(panel, "syncDiscardButton"));
        compare(SyncQueue.count, 1, "discarded without asking");
        press(findChild(panel, "syncConfirmDiscardButton"));
        compare(SyncQueue.count, 0);
        verify(!SyncQueue.contains(other));
    }

    name: "RecordSession"
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
