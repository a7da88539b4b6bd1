import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// Who the programme reaches, and the coordinators' list of its
// relationships, with the real Main.qml against the real server (demo
// data). A coachee answers the optional questions about their work from
// Home's card (asked once) and changes them from the Account page; a coach
// says no thanks and is not asked again; a coordinator enters an
// organisation's head-count and turns on equality monitoring, after which a
// person of that organisation is asked about ethnic group and disability;
// a coordinator lists the programme's relationships, filters them by state
// and by weeks without a session, pages through them, and ends one early
// with a reason. Every answer is read back over the backend. Screenshots at
// 390×844 and 1280×800 of each screen, each also walked by the
// accessibility audit.
TestCase {
    id: testCase

    property var window: null
    /// What the audit found on the screens of the test under way.
    property var problems: []
    readonly property string eastmoor: "Eastmoor County Council Adult Social Care"

    name: "Reach"
    when: windowShown
    width: 1280
    height: 800

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
    }

    function init() {
        Session.signOut();
        problems = [];
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        setSize(390, 844);
    }

    function cleanup() {
        Session.signOut();
        Session.clearError();
    }

    function item(name: string): var {
        return findChild(window.contentItem, name);
    }

    function shell(): var {
        return item("appShell");
    }

    /// The answers Home's card holds (a non-visual child: found through its
    /// card), or null while the card is not made.
    function homeDeclaration(): var {
        const card = item("declarationCard");
        return card ? card.declaration : null;
    }

    /// The answers the Account page holds.
    function accountDeclaration(): var {
        const card = item("declarationSummary");
        return card ? card.declaration : null;
    }

    function setSize(w: int, h: int) {
        window.width = w;
        window.height = h;
        waitForRendering(window.contentItem, 500);
        wait(50);
    }

    /// Saves the window at phone and desktop size as reach-`name`-phone/
    /// desktop.png, and audits each (the problems are checked at the end
    /// of the test, by verifyAudited()).
    function screenshots(name: string, before: var) {
        for (const size of [[390, 844, "phone"], [1280, 800, "desktop"]]) {
            setSize(size[0], size[1]);
            if (before)
                before();
            wait(150);
            waitForRendering(window.contentItem, 500);
            grabImage(window.contentItem).save(TestEnv.screenshotDir + "/reach-" + name + "-" + size[2] + ".png");
            const found = TestEnv.audit(window.contentItem.parent, size[0] < Theme.compactWidth);
            problems = problems.concat(found.map(p => name + " (" + size[2] + "): " + p));
        }
        setSize(390, 844);
    }

    function verifyAudited() {
        verify(problems.length === 0, problems.length + " accessibility problems:\n" + problems.slice(0, 30).join("\n"));
    }

    function signIn(email: string) {
        tryVerify(() => item("signInPage") !== null, 5000);
        item("serverAddressField").text = TestEnv.serverAddress;
        item("emailField").text = email;
        item("passwordField").text = "demo-password-1";
        mouseClick(item("signInButton"));
        tryVerify(() => {
            if (window.screen !== "app" && !Session.busy && Session.errorMessage.indexOf("Can't reach") === 0)
                mouseClick(item("signInButton"));
            return window.screen === "app" && item("appShell") !== null;
        }, 30000, email + " did not get in");
    }

    function signOutAndIn(email: string) {
        Session.signOut();
        tryVerify(() => item("signInPage") !== null, 10000, "not signed out");
        signIn(email);
    }

    function press(target: var) {
        const control = typeof target === "string" ? item(target) : target;
        verify(control !== null && control !== undefined, "no " + target);
        verify(control.visible, target + " is not on show");
        verify(control.enabled, target + " is disabled");
        control.clicked();
    }

    /// Scrolls the flickable holding `target` so that it is at the top.
    function scrollTo(target: var) {
        let flick = target.parent;
        while (flick && flick.contentY === undefined)
            flick = flick.parent;
        if (!flick)
            return;
        const y = target.mapToItem(flick.contentItem, 0, 0).y;
        flick.contentY = Math.max(0, Math.min(y - 16, flick.contentHeight - flick.height));
        wait(50);
    }

    /// The declaration as the server holds it now, through a form of its own.
    function savedDeclaration(): var {
        const form = createTemporaryObject(declarationComponent, testCase);
        tryVerify(() => form.loaded, 15000, "the declaration did not load: " + form.errorMessage);
        return form;
    }

    /// The declaration page, open and loaded.
    function declarationPage(): var {
        tryVerify(() => shell().currentPage === "declaration" && item("declarationPage") !== null, 5000,
                  "the questions did not open");
        const page = item("declarationPage");
        tryVerify(() => page.form.loaded && !page.form.loading, 15000, "the answers did not load: " + page.form.errorMessage);
        return page;
    }

    function test_1_aCoacheeAnswersFromHomeAndChangesFromAccount() {
        signIn("coachee@demo.tandem.example");
        // Home asks, once, since the demo coachee never answered.
        tryVerify(() => homeDeclaration() !== null && homeDeclaration().loaded, 15000, "Home did not load the answers");
        tryVerify(() => item("declarationEntryLoader").visible && item("declarationCard").visible, 5000, "Home does not ask");
        screenshots("home-card", () => scrollTo(item("declarationCard")));

        press("declarationStart");
        let page = declarationPage();
        let form = page.form;
        // Eastmoor does not monitor equality (yet): two questions fewer.
        compare(form.equalityMonitoring, false);
        verify(!item("equalityQuestions").visible, "equality questions asked where the organisation does not monitor");
        compare(form.staffGroup, "");
        verify(item("declarationPrivacy").visible, "the page says nobody sees the answers");
        screenshots("declaration-form");

        item("staffGroupSelect").picked("social_care");
        item("professionSelect").picked("social_worker");
        item("payBandSelect").picked("not_afc");
        press("clinical-non_clinical");
        compare(form.staffGroup, "social_care");
        compare(form.profession, "social_worker");
        compare(form.payBand, "not_afc");
        compare(form.clinical, "non_clinical");
        // An answer the organisation does not ask for is never sent.
        form.ethnicGroup = "white";
        screenshots("declaration-filled", () => scrollTo(item("declarationSave")));
        press("declarationSave");
        tryVerify(() => !form.busy && form.savedText.length > 0, 15000, "not saved: " + form.errorMessage);
        verify(page.notice.indexOf("Only you can see them") >= 0, page.notice);
        screenshots("declaration-saved");

        let saved = savedDeclaration();
        compare(saved.staffGroup, "social_care");
        compare(saved.profession, "social_worker");
        compare(saved.payBand, "not_afc");
        compare(saved.clinical, "non_clinical");
        compare(saved.ethnicGroup, "");
        verify(saved.savedText.length > 0);
        compare(saved.shouldAsk, false);

        // Home no longer asks.
        verify(shell().goBack());
        compare(shell().currentPage, "home");
        tryVerify(() => !item("declarationEntryLoader").visible, 15000, "Home still asks after the answers were saved");

        // The Account page shows the answers, and changes them.
        Navigation.showPage(testCase, window, "account");
        // Loaded again as the page shows: the answers were saved since.
        tryVerify(() => accountDeclaration().loaded && item("declarationAnswer-payBand") !== null
                  && item("declarationAnswer-payBand").value === "Not on Agenda for Change", 15000,
                  "the answers are not on Account");
        compare(item("declarationAnswer-clinical").value, "Non-clinical");
        verify(item("declarationAnswer-ethnicGroup") === null, "an equality question shows where it is not asked");
        screenshots("account-summary", () => scrollTo(item("declarationSummary")));

        press("declarationEdit");
        page = declarationPage();
        form = page.form;
        compare(form.payBand, "not_afc");
        compare(form.clinical, "non_clinical");
        item("payBandSelect").picked("prefer_not_to_say");
        press("clinicalClear");
        compare(form.clinical, "");
        press("declarationSave");
        tryVerify(() => !form.busy && page.notice.length > 0, 15000, "not saved: " + form.errorMessage);

        saved = savedDeclaration();
        compare(saved.staffGroup, "social_care");
        compare(saved.payBand, "prefer_not_to_say");
        compare(saved.clinical, "");

        // Back where it was opened from, with the change.
        verify(shell().goBack());
        compare(shell().currentPage, "account");
        tryVerify(() => item("declarationAnswer-clinical") !== null
                  && item("declarationAnswer-clinical").value === "Not answered"
                  && item("declarationAnswer-payBand").value === "Prefer not to say", 15000,
                  "the Account page shows the old answers");
        verifyAudited();
    }

    function test_2_aCoachSaysNoThanksAndIsNotAskedAgain() {
        signIn("coach@demo.tandem.example");
        tryVerify(() => item("declarationCard") !== null && item("declarationEntryLoader").visible, 15000,
                  "Home does not ask the coach (who is a coachee too)");
        press("declarationDismiss");
        tryVerify(() => !item("declarationEntryLoader").visible, 5000, "the card stayed");

        // Not on this device again, though nothing was answered.
        signOutAndIn("coach@demo.tandem.example");
        tryVerify(() => homeDeclaration() !== null && homeDeclaration().loaded, 15000);
        wait(200);
        verify(!item("declarationEntryLoader").visible, "asked again after no thanks");
        compare(homeDeclaration().savedText, "");
        // Still open from the Account page.
        Navigation.showPage(testCase, window, "account");
        tryVerify(() => accountDeclaration().loaded, 15000);
        compare(item("declarationEdit").text, "Answer the questions");
        compare(item("declarationSummaryStatus").text, "You have not answered these questions.");
    }

    function test_3_aCoordinatorSetsHeadcountAndEqualityMonitoring() {
        signIn("coordinator@demo.tandem.example");
        Navigation.showPage(testCase, window, "organisations");
        const page = item("organisationsPage");
        verify(page !== null);
        const ids = Session.coordinatedOrganisationIds;
        verify(ids.length > 1, "the demo coordinator runs several organisations");
        let card = null;
        tryVerify(() => {
            for (let i = 0; i < ids.length; ++i) {
                const c = findChild(page, "organisation-" + i);
                if (c && c.title === eastmoor)
                    card = c;
            }
            return card !== null;
        }, 10000, "no card for " + eastmoor);
        const form = card.form;
        tryVerify(() => form.loaded, 15000, "the settings did not load: " + form.errorMessage);
        compare(form.savedHeadcount, 0);
        compare(form.savedEqualityMonitoring, false);
        screenshots("organisations");

        // Refused on the device: not a number, then too many.
        const index = card.objectName.split("-")[1];
        const field = findChild(card, "headcount-" + index);
        field.text = "lots";
        press(findChild(card, "saveSettings-" + index));
        tryVerify(() => (form.fieldErrors.headcount || "").length > 0, 2000, "\"lots\" was not refused");
        verify(findChild(card, "settingsErrorSummary-" + index).visible);
        screenshots("organisations-refused", () => scrollTo(card));
        field.text = "3000000";
        press(findChild(card, "saveSettings-" + index));
        tryVerify(() => (form.fieldErrors.headcount || "").indexOf("2") > 0, 2000, "3,000,000 was not refused");
        compare(form.savedHeadcount, 0);

        // 4,200 staff, and equality monitoring on.
        field.text = "4,200";
        findChild(card, "equalityMonitoring-" + index).toggle();
        findChild(card, "equalityMonitoring-" + index).toggled();
        compare(form.equalityMonitoring, true);
        verify(form.changed);
        press(findChild(card, "saveSettings-" + index));
        tryVerify(() => !form.busy && card.notice.length > 0, 15000, "not saved: " + form.errorMessage);
        compare(form.savedHeadcount, 4200);
        compare(form.savedEqualityMonitoring, true);
        verify(!form.changed);
        screenshots("organisations-saved", () => scrollTo(card));

        // As the server holds them.
        const saved = createTemporaryObject(settingsComponent, testCase, { organisationId: ids[Number(index)] });
        tryVerify(() => saved.loaded, 15000, "the settings did not load again: " + saved.errorMessage);
        compare(saved.savedHeadcount, 4200);
        compare(saved.savedEqualityMonitoring, true);

        // A person of Eastmoor is now asked two more questions.
        signOutAndIn("coachee@demo.tandem.example");
        Navigation.showPage(testCase, window, "account");
        tryVerify(() => accountDeclaration().loaded, 15000);
        press("declarationEdit");
        const declaration = declarationPage();
        const answers = declaration.form;
        compare(answers.equalityMonitoring, true);
        tryVerify(() => item("equalityQuestions").visible, 5000, "no equality questions");
        press("ethnicGroup-mixed");
        press("disability-prefer_not_to_say");
        screenshots("declaration-equality", () => scrollTo(item("equalityQuestions")));
        press("declarationSave");
        tryVerify(() => !answers.busy && declaration.notice.length > 0, 15000, "not saved: " + answers.errorMessage);
        const read = savedDeclaration();
        compare(read.equalityMonitoring, true);
        compare(read.ethnicGroup, "mixed");
        compare(read.disability, "prefer_not_to_say");
        // The earlier answers stay as they were.
        compare(read.staffGroup, "social_care");
        compare(read.payBand, "prefer_not_to_say");
        verify(shell().goBack());
        tryVerify(() => item("declarationAnswer-ethnicGroup") !== null
                  && item("declarationAnswer-ethnicGroup").value === "Mixed or multiple ethnic groups", 15000,
                  "the Account page does not show the ethnic group");
        verifyAudited();
    }

    /// Days since the later of the last session and the start of `row`.
    function quietDays(row: var): real {
        const since = row.lastSessionAt && !isNaN(row.lastSessionAt.getTime()) ? row.lastSessionAt : row.startedAt;
        return (Date.now() - since.getTime()) / 86400000;
    }

    /// Waits for the list to load, then checks every row with `check`.
    function checkRows(model: var, what: string, check: var) {
        tryVerify(() => !model.loading && model.totalCount >= 0, 15000, what + " did not load: " + model.errorMessage);
        compare(model.errorMessage, "");
        for (let i = 0; i < model.count; ++i)
            verify(check(model.get(i)), what + ": row " + i + " " + JSON.stringify(model.get(i)));
    }

    function test_4_aCoordinatorListsFiltersAndEndsARelationship() {
        signIn("coordinator@demo.tandem.example");
        Navigation.showPage(testCase, window, "programme");
        const page = item("programmeRelationshipsPage");
        verify(page !== null);
        const model = page.relationships;

        // Under way by default, longest without a session first.
        checkRows(model, "under way", row => row.state === "contracting" || row.state === "active");
        verify(model.count > 0, "the demo has relationships under way");
        const underWay = model.totalCount;
        verify(underWay >= model.count);
        for (let i = 1; i < model.count; ++i)
            verify(quietDays(model.get(i - 1)) + 0.001 >= quietDays(model.get(i)), "not longest-quiet first at row " + i);
        for (let i = 0; i < model.count; ++i) {
            const row = model.get(i);
            verify(row.coacheeName.length > 0 && row.memberName.length > 0);
            verify(row.canEnd);
        }
        verify(item("programmeCount").text.indexOf(String(underWay)) >= 0, item("programmeCount").text);
        wait(300); // the page's first frames
        screenshots("programme-list");

        // By state.
        item("programmeStateFilter").picked("completed");
        checkRows(model, "completed", row => row.state === "completed" && !row.canEnd);
        verify(model.count > 0, "the demo's year has completed relationships");
        screenshots("programme-completed");
        item("programmeStateFilter").picked("ended_early");
        checkRows(model, "ended early", row => row.state === "ended_early");

        // By weeks without a session, under way.
        item("programmeStateFilter").picked("open");
        item("programmeQuietFilter").picked("8");
        compare(model.noSessionForWeeks, 8);
        checkRows(model, "8 weeks quiet", row => (row.state === "contracting" || row.state === "active")
                                                 && quietDays(row) >= 8 * 7 - 1);
        verify(model.totalCount <= underWay);
        screenshots("programme-quiet");
        item("programmeQuietFilter").picked("4");
        checkRows(model, "4 weeks quiet", row => quietDays(row) >= 4 * 7 - 1);

        // One organisation: rows from it alone (either person's), fewer.
        item("programmeQuietFilter").picked("0");
        item("programmeOrganisationFilter").picked(String(Session.coordinatedOrganisationIds[0]));
        checkRows(model, "one organisation", () => true);
        verify(model.totalCount <= underWay);
        item("programmeOrganisationFilter").picked("0");

        // Paged: five at a time, no row twice (a list of its own: the page's
        // view asks for more by itself while it has room).
        const paged = createTemporaryObject(listComponent, testCase, { pageSize: 5, stateFilter: "all" });
        checkRows(paged, "pages of five", () => true);
        verify(paged.totalCount > 5, "the demo has more than five relationships");
        compare(paged.count, 5);
        verify(paged.hasMore);
        paged.loadMore();
        tryVerify(() => !paged.loading && paged.count === 10, 15000, "the next page did not come");
        const seen = {};
        for (let i = 0; i < paged.count; ++i) {
            const id = paged.get(i).id;
            verify(seen[id] === undefined, "row twice: " + id);
            seen[id] = true;
        }

        // Nothing matches: said so, not a blank page. The first choice of
        // weeks beyond the quietest relationship under way matches none.
        checkRows(model, "under way", () => true);
        const quietest = quietDays(model.get(0)) / 7;
        const beyond = [4, 8, 12, 26].find(weeks => weeks > quietest + 1);
        verify(beyond !== undefined, "a relationship under way has had no session for " + quietest + " weeks");
        item("programmeQuietFilter").picked(String(beyond));
        checkRows(model, beyond + " weeks quiet", () => true);
        compare(model.totalCount, 0);
        tryVerify(() => item("programmeEmpty").visible, 5000, "no empty state");
        screenshots("programme-empty");
        item("programmeQuietFilter").picked("0");
        checkRows(model, "under way again", () => true);
        compare(model.totalCount, underWay);

        // End the first early: refused without a reason, then with one.
        const ended = model.get(0);
        press("programmeEnd-0");
        tryVerify(() => page.endView !== null && page.endView.visible, 5000, "the ending did not open");
        const form = page.endView.form;
        compare(form.relationshipId, ended.id);
        compare(form.reason, "");
        screenshots("programme-end");
        press("programmeEndConfirm");
        tryVerify(() => (form.fieldErrors.reason || "").length > 0, 2000, "an empty reason was not refused");
        verify(item("programmeEndErrorSummary").visible);
        screenshots("programme-end-refused");
        item("programmeEndReason").text = "The coach has left the trust; the coachee will be matched again.";
        compare(form.reason, "The coach has left the trust; the coachee will be matched again.");
        press("programmeEndConfirm");
        tryVerify(() => page.ending === null && page.notice.indexOf("has ended") >= 0, 15000,
                  "not ended: " + form.errorMessage);
        // Sent through the outbox, once: nothing left waiting.
        compare(SyncQueue.count, 0);
        checkRows(model, "under way after the ending", row => row.id !== ended.id);
        compare(model.totalCount, underWay - 1);
        screenshots("programme-ended");

        item("programmeStateFilter").picked("ended_early");
        checkRows(model, "ended early after the ending", () => true);
        const row = model.rowOf(ended.id);
        verify(row >= 0, "the ended relationship is not listed as ended early");
        compare(model.get(row).state, "ended_early");
        verifyAudited();
    }

    Component {
        id: mainComponent
        Main {}
    }
    Component {
        id: declarationComponent
        DeclarationForm {}
    }
    Component {
        id: settingsComponent
        OrganisationSettingsForm {}
    }
    Component {
        id: listComponent
        ProgrammeRelationshipList {}
    }
}
