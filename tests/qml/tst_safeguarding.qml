import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// Safeguarding with the real Main.qml against the real server. The demo
// coach raises a concern through the app (Home → the relationship → the
// form: two taps), with its description checked first and kept as a draft
// while typed; the demo supervisor sees it on Home and in the concerns
// inbox with the text, acknowledges it (offline: it waits to sync, then is
// sent) and records what was done; the coach then sees that and when it was
// acknowledged, never the text; the coachee it is about, the demo coachee
// and the demo mentor see no concern at all; the coordinator's audit trail
// names the supervisor's reads without any content, and the coordinator
// records a coach's supervisor and the safeguarding lead (refusals shown).
// Offline: a concern is
// raised with the server stopped, its draft survives the app being closed,
// and it is sent once the server is back. Screenshots at phone and desktop
// sizes.
TestCase {
    id: testCase

    property var window: null
    readonly property string coach: "coach@demo.tandem.example"
    readonly property string supervisor: "supervisor@demo.tandem.example"
    readonly property string coordinator: "coordinator@demo.tandem.example"
    readonly property string mentor: "mentor@demo.tandem.example"
    readonly property string demoCoachee: "coachee@demo.tandem.example"
    readonly property string marker: "CONCERN-MARKER: she said her partner hurts her and she is afraid to go home after her shift."
    readonly property string action: "ACTION-MARKER: spoke to the coach the same day; referred to the trust safeguarding team."
    /// The coachees of the requests accepted in initTestCase: [{name, id}].
    property var coachees: []
    property string coachName
    property string supervisorName

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
        // Two relationships for the demo coach: two requests accepted.
        Session.signIn(TestEnv.serverAddress, supervisor, "demo-password-1");
        tryVerify(() => Session.signedIn, 30000, Session.errorMessage);
        supervisorName = Session.displayName;
        Session.signOut();
        Session.signIn(TestEnv.serverAddress, coach, "demo-password-1");
        tryVerify(() => Session.signedIn, 30000, Session.errorMessage);
        coachName = Session.displayName;
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

    /// Both sizes of one view.
    function screenshots(name: string) {
        const wasCompact = window.compact;
        setSize(390, 844);
        screenshot(name + "-phone.png");
        setSize(1280, 800);
        screenshot(name + "-desktop.png");
        if (wasCompact)
            setSize(390, 844);
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

    function concernsPage(): var {
        const page = item("concernsPage");
        verify(page !== null, "the concerns page is not loaded");
        return page;
    }

    /// The shared list of concerns, loaded.
    function loadedConcerns(): var {
        const model = item("appShell").concerns;
        verify(model !== null, "no concerns model");
        tryVerify(() => !model.loading, 15000, "concerns did not load");
        return model;
    }

    /// Home → "Raise a safeguarding concern" → the relationship with `name`:
    /// two taps.
    function startRaiseFromHome(name: string): var {
        showPage("home");
        press("homeRaiseConcernButton"); // tap 1
        tryVerify(() => window.screenItem.currentPage === "concerns", 5000);
        const page = concernsPage();
        compare(page.view, "raise");
        const raise = page.raisePage;
        tryVerify(() => !raise.relationships.loading && raise.choices.length === 2, 15000, "not two relationships to choose from");
        verify(raise.choosing, "no choice of relationship");
        let row = -1;
        for (let i = 0; i < raise.choices.length; ++i) {
            if (raise.choices[i].otherName === name)
                row = i;
        }
        verify(row >= 0, "no " + name + " to choose");
        press(findChild(raise, "raiseConcernChoice-" + row)); // tap 2
        verify(!raise.choosing);
        compare(raise.form.otherName, name);
        return raise;
    }

    /// Every text an item and its children show, joined.
    function textsOf(root: var): string {
        let out = "";
        if (root.text !== undefined && typeof root.text === "string" && root.visible)
            out += root.text + "\n";
        const kids = root.children || [];
        for (let i = 0; i < kids.length; ++i)
            out += textsOf(kids[i]);
        return out;
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

    /// Signs in as `email` and checks that no concern reaches them, in the
    /// app or from the server.
    function seesNoConcern(email: string) {
        signIn(email);
        const model = loadedConcerns();
        compare(model.count, 0, email + " sees a concern");
        const own = Qt.createQmlObject("import Tandem; ConcernListModel {}", testCase);
        tryVerify(() => !own.loading, 15000);
        compare(own.count, 0, email + " is sent a concern by the server");
        own.destroy();
        verify(item("concernsEntry") === null, email + " has a concerns inbox on Home");
        verify(textsOf(window.contentItem).indexOf("CONCERN-MARKER") < 0);
    }

    function test_1_raiseAcknowledgeAndAudit() {
        const name = coachees[0].name;
        signIn(coach);
        setSize(390, 844);
        verify(item("raiseConcernEntryLoader").visible && item("raiseConcernEntry") !== null, "no safeguarding card on a coach's Home");
        verify(!item("concernsEntryLoader").visible && item("concernsEntry") === null, "a coach has a concerns inbox");
        verify(item("homeRaiseConcernButton").height >= 48, "the Home button is too small to tap");
        const raise = startRaiseFromHome(name);
        const form = raise.form;

        // Who will see it, in plain words.
        const whoSees = textsOf(item("raiseConcernWhoSees"));
        verify(whoSees.indexOf("Your supervisor, and nobody else") >= 0, whoSees);
        verify(whoSees.indexOf("safeguarding lead as well, if your supervisor has not acknowledged it within 2 working days") >= 0, whoSees);
        verify(whoSees.indexOf("Not " + name) >= 0, whoSees);

        // Checked before it is kept.
        press("raiseConcernSaveButton");
        compare(item("concernDescriptionError").text, "Describe the risk: what you saw or heard, who is at risk and how urgent it is.");
        item("concernDescriptionField").text = "  unsafe  ";
        press("raiseConcernSaveButton");
        compare(item("concernDescriptionError").text, "Say a little more: at least 10 characters, so that your supervisor can act on it (6 now).");
        compare(item("concernDescriptionLength").text, "6 / 5000 characters (at least 10)");
        item("concernDescriptionField").text = "x".repeat(5001);
        press("raiseConcernSaveButton");
        compare(item("concernDescriptionError").text, "Keep it to 5000 characters (it is 5001 now). Your supervisor can ask you for more.");
        compare(SyncQueue.count, 0, "an invalid concern was queued");

        // Kept as a draft while typed.
        item("concernDescriptionField").text = marker;
        compare(item("concernDescriptionError").text, "", "the error stayed after typing");
        compare(item("concernDescriptionLength").text, marker.length + " / 5000 characters");
        compare(Drafts.load("raise_concern").description, marker);
        compare(Drafts.load("raise_concern").relationshipId, raise.form.relationshipId);
        screenshots("concern-raise-form");

        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        press("raiseConcernSaveButton");
        const page = concernsPage();
        compare(page.view, "list");
        tryVerify(() => synced.count === 1, 15000, "not sent: " + SyncQueue.lastError);
        compare(synced.signalArguments[0][3], WriteKind.RaiseConcern);
        compare(SyncQueue.count, 0);
        verify(!Drafts.load("raise_concern").description, "the draft stayed after the concern was kept");
        tryVerify(() => item("concernsNotice").text === "Sent. Your supervisor can read your concern now.", 5000, item("concernsNotice").text);

        // The coach sees it as raised, not acknowledged, without the text.
        const concerns = loadedConcerns();
        tryVerify(() => concerns.raisedCount === 1, 15000);
        compare(concerns.toReadCount, 0);
        const mine = concerns.get(0);
        compare(mine.raisedByYou, true);
        compare(mine.description, "", "the coach is sent the text back");
        compare(mine.relationshipLabel, "Your relationship with " + name);
        const card = item("raisedConcernCard-0");
        verify(card.visible);
        compare(findChild(card, "concernStatus").text, "Not acknowledged");
        compare(findChild(card, "concernTitle").text, "Your relationship with " + name);
        verify(findChild(card, "concernEscalation").text.indexOf("If your supervisor has not acknowledged it by ") === 0);
        verify(!findChild(card, "concernDescriptionBox").visible);
        verify(textsOf(window.contentItem).indexOf("CONCERN-MARKER") < 0, "the coach's list shows the text");
        verify(!item("concernCard-0").visible, "the coach is shown the concern to read");
        screenshots("concern-raised-status-open");
        const concernId = mine.id;

        // The supervisor: Home says one is waiting, the inbox has the text.
        signIn(supervisor);
        setSize(390, 844);
        verify(item("concernsEntryLoader").visible && item("concernsEntry") !== null, "no concerns card on the supervisor's Home");
        tryVerify(() => item("homeConcernsCount").text === "1 concern not acknowledged yet", 15000, item("homeConcernsCount").text);
        verify(!item("homeConcernsEscalated").visible);
        verify(item("raiseConcernEntry") === null, "a supervisor is offered to raise a concern");
        verify(item("homeConcernsButton").height >= 48);
        screenshots("home-supervisor");
        press("homeConcernsButton");
        tryVerify(() => window.screenItem.currentPage === "concerns", 5000);
        const inbox = loadedConcerns();
        compare(inbox.count, 1);
        compare(inbox.openCount, 1);
        compare(inbox.escalatedCount, 0);
        const read = inbox.get(0);
        compare(read.id, concernId);
        compare(read.canRead, true);
        compare(read.description, marker);
        compare(read.raisedByName, coachName);
        compare(read.yourPart, "supervisor");
        const readCard = item("concernCard-0");
        verify(readCard.visible);
        compare(findChild(readCard, "concernTitle").text, "Raised by " + coachName);
        compare(findChild(readCard, "concernDescription").text, marker);
        verify(findChild(readCard, "concernMeta").text.indexOf("About " + name + " · raised on ") === 0,
               findChild(readCard, "concernMeta").text);
        verify(findChild(readCard, "concernEscalation").text.indexOf("Goes to the safeguarding lead on ") === 0);
        compare(item("concernsToReadCount").text, "1 concern waiting for acknowledgement");
        verify(!item("raisedSection").visible, "a supervisor sees a section of concerns they raised");
        verify(!item("concernsEmpty").visible);
        screenshots("concerns-inbox-supervisor");

        // Acknowledging: checked first, kept as a draft.
        press(findChild(readCard, "concernAcknowledgeButton"));
        const page2 = concernsPage();
        compare(page2.view, "acknowledge");
        compare(page2.acknowledgePage.form.concernId, concernId);
        compare(findChild(item("acknowledgeConcernCard"), "concernDescription").text, marker);
        verify(!findChild(item("acknowledgeConcernCard"), "concernAcknowledgeButton").visible);
        press("acknowledgeConcernSaveButton");
        compare(item("actionTakenError").text, "Record what was done about this concern: who you spoke to, what was agreed or where it was referred.");
        item("actionTakenField").text = "Called.";
        press("acknowledgeConcernSaveButton");
        compare(item("actionTakenError").text, "Say a little more about what was done: at least 10 characters (7 now).");
        compare(SyncQueue.count, 0, "an invalid acknowledgement was queued");
        item("actionTakenField").text = action;
        compare(Drafts.load("acknowledge_concern:" + concernId).actionTaken, action);
        screenshots("concern-acknowledge-form");

        // With no server: kept on the device, shown as waiting to sync.
        verify(TestEnv.stopServer(), "the server did not stop");
        press("acknowledgeConcernSaveButton");
        compare(page2.view, "list");
        compare(SyncQueue.count, 1);
        tryVerify(() => !SyncQueue.syncing && SyncQueue.lastError.length > 0, 15000, "the first try did not fail");
        compare(item("concernsNotice").text, "Your acknowledgement is kept on this device and is sent as soon as the server can be reached.");
        tryVerify(() => inbox.get(0).pending === true, 5000, "not shown as waiting to sync");
        compare(findChild(readCard, "concernStatus").text, "Waiting to sync");
        verify(findChild(readCard, "concernPending").visible);
        verify(!findChild(readCard, "concernAcknowledgeButton").visible, "acknowledge offered twice");
        screenshot("concern-acknowledge-waiting-phone.png");

        // The server is back: sent once, and the list shows it acknowledged.
        const acked = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        verify(TestEnv.startServer(), "the server did not start again");
        tryVerify(() => {
            if (!SyncQueue.syncing && acked.count === 0)
                SyncQueue.syncNow();
            return acked.count === 1;
        }, 30000, "not synced: " + SyncQueue.lastError);
        compare(acked.signalArguments[0][3], WriteKind.AcknowledgeConcern);
        compare(SyncQueue.count, 0);
        tryVerify(() => !inbox.loading && inbox.count === 1 && inbox.get(0).acknowledged === true, 15000, "not reloaded as acknowledged");
        compare(inbox.get(0).pending, false);
        compare(inbox.get(0).actionTaken, action);
        compare(inbox.get(0).acknowledgedByName, supervisorName);
        compare(inbox.openCount, 0);
        tryVerify(() => item("concernsNotice").text === "Acknowledged. The coach can see that you did, and when.", 5000, item("concernsNotice").text);
        const done = item("concernCard-0");
        compare(findChild(done, "concernStatus").text, "Acknowledged");
        verify(findChild(done, "concernStatusText").text.indexOf("Acknowledged by " + supervisorName + " on ") === 0);
        compare(findChild(done, "concernActionTaken").text, action);
        verify(!findChild(done, "concernAcknowledgeButton").visible);
        compare(item("concernsToReadCount").text, "Every concern has been acknowledged.");
        screenshots("concerns-inbox-acknowledged");

        // The coach: acknowledged, by whom and when; still no text.
        signIn(coach);
        setSize(390, 844);
        const theirs = loadedConcerns();
        tryVerify(() => theirs.raisedCount === 1 && theirs.get(0).acknowledged === true, 15000);
        tryVerify(() => item("homeRaisedStatus").text === "The concern you raised was acknowledged.", 5000, item("homeRaisedStatus").text);
        // Home with the card in view.
        const homeFlick = item("homeFlick");
        const homeCard = item("raiseConcernEntry");
        for (const size of [[390, 844, "phone"], [1280, 800, "desktop"]]) {
            setSize(size[0], size[1]);
            homeFlick.contentY = Math.max(0, Math.min(homeCard.mapToItem(homeFlick.contentItem, 0, 0).y - (window.compact ? 16 : 240),
                                                      homeFlick.contentHeight - homeFlick.height));
            screenshot("home-coach-safeguarding-" + size[2] + ".png");
        }
        homeFlick.contentY = 0;
        setSize(390, 844);
        press("homeRaisedButton");
        tryVerify(() => window.screenItem.currentPage === "concerns", 5000);
        tryVerify(() => !theirs.loading && theirs.count === 1, 15000);
        const status = theirs.get(0);
        compare(status.description, "");
        compare(status.actionTaken, "", "the coach is sent what was done");
        verify(status.statusLabel.indexOf("Acknowledged by " + supervisorName + " on ") === 0, status.statusLabel);
        const coachCard = item("raisedConcernCard-0");
        compare(findChild(coachCard, "concernStatus").text, "Acknowledged");
        verify(!findChild(coachCard, "concernActionTaken").parent.visible, "the coach sees what was done");
        const shown = textsOf(window.contentItem);
        verify(shown.indexOf("CONCERN-MARKER") < 0 && shown.indexOf("ACTION-MARKER") < 0, "the coach sees the text");
        screenshots("concern-raised-status");

        // Nobody else sees it: the coachee it is about, the demo coachee and
        // the demo mentor.
        seesNoConcern(emailOf(name, coachees[0].id));
        seesNoConcern(demoCoachee);
        seesNoConcern(mentor);
        verify(item("raiseConcernEntry") !== null && item("raiseConcernEntryLoader").visible, "a mentor cannot raise a concern");
        verify(!item("homeRaisedStatus").visible);

        // The coordinator: no concern (not escalated), and the audit trail
        // names the supervisor's reads without any content.
        signIn(coordinator);
        setSize(1280, 800);
        verify(item("concernsEntry") !== null);
        press("homeAuditTrailButton");
        tryVerify(() => window.screenItem.currentPage === "concerns", 5000);
        const audit = concernsPage().auditPage;
        verify(audit.visible, "the audit trail is not on show");
        tryVerify(() => !audit.trail.loading && audit.trail.count > 0, 15000, "no audit entries");
        let supervisorReads = 0;
        for (let i = 0; i < audit.trail.count; ++i) {
            const entry = audit.trail.get(i);
            verify(entry.what.indexOf("MARKER") < 0, "content in the audit trail: " + entry.what);
            if (entry.accountName === supervisorName && entry.what.startsWith("read a safeguarding concern raised on "))
                supervisorReads += entry.times;
        }
        verify(supervisorReads >= 2, "the supervisor's reads are not in the trail");
        const trailTexts = textsOf(item("auditTrailTable"));
        verify(trailTexts.indexOf(supervisorName) >= 0);
        verify(trailTexts.indexOf("MARKER") < 0);
        screenshots("audit-trail");
        press("concernsTab");
        const leads = loadedConcerns();
        compare(leads.count, 0, "the lead sees a concern that is not escalated");
        verify(item("concernsEmpty").visible);
        compare(item("concernsEmpty").title, "No concerns.");
        screenshots("concerns-empty-coordinator");

        // Set-up: a coach's supervisor and an organisation's lead, checked
        // in the app and by the server.
        press("setupTab");
        const setup = concernsPage().setupPage;
        verify(setup.visible, "the set-up is not on show");
        press("setupSupervisorSave");
        compare(item("setupCoachError").text, "Choose the coach or mentor.");
        compare(item("setupSupervisorError").text, "Choose their supervisor.");
        /// The account id of the option labelled `name (…)`, once listed.
        function optionFor(options, name) {
            for (const option of options) {
                if (option.label.indexOf(name + " (") === 0)
                    return Number(option.key);
            }
            return 0;
        }
        item("setupCoachSearch").text = coachName;
        tryVerify(() => !setup.coaches.loading && optionFor(setup.coachOptions, coachName) > 0, 15000, "the coach is not offered");
        const coachId = optionFor(setup.coachOptions, coachName);
        tryVerify(() => !setup.supervisors.loading && optionFor(setup.supervisorOptions, supervisorName) > 0, 15000, "the supervisor is not offered");
        const supervisorId = optionFor(setup.supervisorOptions, supervisorName);
        compare(optionFor(setup.supervisorOptions, coachName), 0, "a coach offered as supervisor");
        item("setupCoachField").picked(String(coachId));
        compare(setup.form.coachId, coachId);
        compare(item("setupCoachError").text, "");
        // The server refuses a supervisor without the supervisor role.
        setup.form.supervisorId = coachId;
        press("setupSupervisorSave");
        tryVerify(() => !setup.form.busy && item("setupSupervisorError").text.length > 0, 15000);
        verify(item("setupSupervisorError").text.indexOf("supervisor role") >= 0, item("setupSupervisorError").text);
        item("setupSupervisorField").picked(String(supervisorId));
        press("setupSupervisorSave");
        tryVerify(() => item("setupNotice").text === supervisorName + " now supervises " + coachName + ": concerns " + coachName
                  + " raises reach " + supervisorName + ".", 15000, item("setupError").text);
        // The coordinator names themself lead of their own organisation.
        const ownOrganisation = Session.coordinatedOrganisationIds[0];
        item("setupOrganisationField").picked(String(ownOrganisation));
        item("setupLeadSearch").text = Session.displayName;
        tryVerify(() => !setup.leads.loading && optionFor(setup.leadOptions, Session.displayName) > 0, 15000, "the lead is not offered");
        item("setupLeadField").picked(String(optionFor(setup.leadOptions, Session.displayName)));
        press("setupLeadSave");
        tryVerify(() => item("setupNotice").text === Session.displayName + " is now the safeguarding lead of "
                  + Session.organisationNameFor(ownOrganisation) + ".", 15000, item("setupError").text);
        screenshots("safeguarding-setup");
    }

    function test_2_raiseOfflineKeepsDraft() {
        const name = coachees[1].name;
        signIn(coach);
        setSize(390, 844);
        // The relationships are loaded (and kept on the device) while online.
        const kept = item("relationshipsEntry").relationships;
        tryVerify(() => !kept.loading && kept.count === 2, 15000);

        verify(TestEnv.stopServer(), "the server did not stop");
        const raise = startRaiseFromHome(name);
        verify(raise.relationships.offline, "the list should come from the device");
        const text = "OFFLINE-MARKER: he talked about ending his life and has a plan.";
        item("concernDescriptionField").text = text;
        compare(Drafts.load("raise_concern").description, text);
        verify(!onDisk("OFFLINE-MARKER"), "the concern's draft is readable in the outbox's files");

        // The app is closed and opened again: the draft is still there.
        window.destroy();
        wait(50);
        SyncQueue.reopen();
        window = createTemporaryObject(mainComponent, testCase);
        setSize(390, 844);
        tryVerify(() => window.screen === "app" && item("appShell") !== null, 5000);
        press("homeRaiseConcernButton");
        tryVerify(() => window.screenItem.currentPage === "concerns", 5000);
        const again = concernsPage().raisePage;
        tryVerify(() => !again.relationships.loading, 15000);
        verify(again.choosing);
        verify(item("raiseConcernDraftCard").visible, "the draft is not offered");
        compare(item("raiseConcernDraftCard").subtitle, "About your relationship with " + name + ", kept on this device as you typed it.");
        press("raiseConcernResumeButton");
        verify(!again.choosing);
        compare(again.form.otherName, name);
        compare(item("concernDescriptionField").text, text);

        // Kept on the device and shown as waiting.
        press("raiseConcernSaveButton");
        const page = concernsPage();
        compare(page.view, "list");
        compare(SyncQueue.count, 1);
        tryVerify(() => !SyncQueue.syncing && SyncQueue.lastError.length > 0, 15000, "the first try did not fail");
        compare(SyncQueue.waitingCount, 1);
        compare(item("concernsNotice").text, "Your concern is kept on this device and is sent to your supervisor as soon as the server can be reached.");
        const queued = item("queuedConcern-0");
        verify(queued.visible, "the waiting concern is not shown");
        verify(findChild(queued, "queuedConcernStatus").text.indexOf("Waiting to sync") === 0);
        verify(textsOf(queued).indexOf("OFFLINE-MARKER") < 0, "the summary carries the text");
        verify(!onDisk("OFFLINE-MARKER"), "the queued concern is readable in the outbox's files");
        screenshot("concern-raise-waiting-phone.png");

        // The server is back: sent, once.
        const synced = signalSpy.createObject(testCase, { target: SyncQueue, signalName: "synced" });
        verify(TestEnv.startServer(), "the server did not start again");
        tryVerify(() => {
            if (!SyncQueue.syncing && synced.count === 0)
                SyncQueue.syncNow();
            return synced.count === 1;
        }, 30000, "not synced: " + SyncQueue.lastError);
        compare(synced.signalArguments[0][3], WriteKind.RaiseConcern);
        compare(SyncQueue.count, 0);
        const concerns = loadedConcerns();
        tryVerify(() => !concerns.loading && concerns.raisedCount === 2, 15000, "the concern raised offline is not listed");
        let about = 0;
        for (let i = 0; i < concerns.count; ++i) {
            if (concerns.get(i).relationshipLabel === "Your relationship with " + name)
                ++about;
        }
        compare(about, 1);
        compare(concerns.raisedOpenCount, 1);

        // The supervisor reads it from the server, once.
        signIn(supervisor);
        tryVerify(() => item("homeConcernsButton") !== null && item("homeConcernsButton").visible, 15000, "no concerns on the supervisor's Home");
        press("homeConcernsButton");
        tryVerify(() => window.screenItem.currentPage === "concerns", 5000);
        const inbox = loadedConcerns();
        let read = 0;
        for (let i = 0; i < inbox.count; ++i) {
            if (inbox.get(i).description === text)
                ++read;
        }
        compare(read, 1, "the supervisor does not have the concern typed offline once");
    }

    /// Whether `text` can be read anywhere in the bytes of the outbox's
    /// files on the disk (the SQLite file and any journal beside it).
    function onDisk(text: string): bool {
        const base = TestEnv.appDataDir + "/outbox.sqlite";
        verify(TestEnv.fileExists(base), "no outbox file at " + base);
        return ["", "-journal", "-wal", "-shm"].some(suffix => TestEnv.fileContains(base + suffix, text));
    }

    name: "Safeguarding"
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
