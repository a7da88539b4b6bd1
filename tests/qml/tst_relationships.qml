import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// The contracting journey with the real Main.qml against the real server:
// the demo coach accepts a request from the Inbox, which starts a
// relationship in contracting; the coach sets the terms (checked first)
// and agrees; the coachee of that request signs in, sets a goal (coaching
// needs one before the coachee can agree), agrees (saying whether their
// line manager knows) and the relationship is active; the coachee
// proposes a session, the coach accepts it, and it is cancelled with a
// reason. Screenshots at phone and desktop sizes.
TestCase {
    id: testCase

    property var window: null
    readonly property string coach: "coach@demo.tandem.example"
    readonly property string coordinator: "coordinator@demo.tandem.example"

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
    }

    function init() {
        Session.signOut();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        setSize(1280, 800);
    }

    function cleanup() {
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

    /// Presses a button (by name or the item), which must be on show and
    /// enabled, through its clicked() signal.
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

    /// Opens Relationships and the relationship with `otherName`; returns
    /// the detail model once loaded.
    function openRelationship(otherName: string): var {
        showPage("relationships");
        const page = item("relationshipsPage");
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
        tryVerify(() => !detail.loading && detail.exists && detail.relationship.otherName === otherName, 15000,
                  "the relationship did not load: " + detail.errorMessage);
        return detail;
    }

    /// The email of an account, as the coordinator sees it.
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

    function test_contractingJourney() {
        // The coach accepts a request from the Inbox.
        signIn(coach);
        showPage("inbox");
        const inbox = item("inboxPage").inbox;
        tryVerify(() => !inbox.loading && inbox.count > 0, 15000, "the demo coach's inbox is empty");
        const request = inbox.get(0);
        compare(request.kind, "coaching");
        const coacheeName = request.coacheeName;
        const coacheeId = request.coacheeId;
        press(findChild(item("inboxCard-0"), "acceptButton"));
        tryVerify(() => !inbox.busy && item("inboxNotice").text.length > 0, 15000, "not accepted: " + item("inboxError").text);

        // Home says a relationship needs the coach.
        showPage("home");
        const entry = item("relationshipsEntry");
        verify(entry !== null, "no relationships on a coach's Home");
        tryVerify(() => !entry.relationships.loading && entry.relationships.count >= 1, 15000);
        compare(item("homeRelationshipsCount").text, "1 needs something from you");

        // It starts in contracting, waiting for the coach's terms.
        let detail = openRelationship(coacheeName);
        const page = item("relationshipsPage");
        compare(detail.relationship.state, "contracting");
        compare(detail.relationship.yourPart, "member");
        compare(item("relationshipStateChip").text, "Agreeing the contract");
        compare(item("nextStepText").text, "Set the contract's terms with " + coacheeName + ", then agree them.");
        verify(!item("agreeSection").visible, "agreeing before there are terms");
        // The server keeps no history entry for the start; the page says when it began.
        verify(item("historyCard").subtitle.indexOf("Started ") === 0, item("historyCard").subtitle);
        screenshot("relationship-contracting-desktop.png");
        setSize(390, 844);
        screenshot("relationship-contracting-phone.png");
        press("relationshipBack");
        tryVerify(() => page.view === "list");
        screenshot("relationships-list-phone.png");
        setSize(1280, 800);
        screenshot("relationships-list-desktop.png");
        press(findChild(page, "relationshipCard-0"));
        tryVerify(() => page.view === "detail");

        // The terms: checked before sending.
        press("setTermsButton");
        tryVerify(() => page.view === "terms");
        const terms = page.termsPage.form;
        compare(terms.kind, "coaching");
        compare(terms.numberOfSessions, 6);
        compare(terms.regularity, "fortnightly");
        item("plannedEndField").text = "2020-01-01";
        item("sessionsField").text = "30";
        press("saveTermsButton");
        compare(item("plannedEndField").error, "The end date must be after today.");
        compare(item("sessionsField").error, "Choose 1 to 24 sessions.");
        item("sessionsField").text = "8";
        const end = new Date();
        end.setMonth(end.getMonth() + 5);
        const endIso = Qt.formatDate(end, "yyyy-MM-dd");
        item("plannedEndField").text = endIso;
        press("termsMinutes-90");
        press("regularity-monthly");
        compare(item("plannedEndField").error, "", "typing clears the error");
        setSize(390, 844);
        screenshot("contract-terms-phone.png");
        setSize(1280, 800);
        screenshot("contract-terms-desktop.png");
        press("saveTermsButton");
        tryVerify(() => page.view === "detail", 15000, "terms not saved: " + item("contractTermsPage").form.errorMessage);
        detail = page.detailPage.detail;
        compare(detail.relationship.numberOfSessions, 8);
        compare(detail.relationship.sessionMinutes, 90);
        compare(detail.relationship.regularity, "monthly");
        compare(detail.relationship.plannedEndOn, endIso);
        verify(item("termsSummary").visible);
        verify(detail.relationship.termsSummary.indexOf("8 sessions of 90 minutes, every month, until") === 0,
               detail.relationship.termsSummary);
        compare(item("relationshipNotice").text, "Terms saved. Now agree to them, and ask " + coacheeName + " to agree too.");

        // The coach agrees: both acknowledgements are needed.
        verify(item("agreeSection").visible, "no agreement for the coach");
        verify(!findChild(item("agreeSection"), "lineManager-yes").visible, "the coach is asked about a line manager");
        item("confidentialityCheck").checked = true;
        press("agreeButton");
        compare(item("agreeError").text, "Tick both boxes to agree: confidentiality, and the EMCC code of ethics.");
        compare(detail.relationship.memberAgreed, false);
        item("ethicsCheck").checked = true;
        compare(item("agreeError").text, "", "ticking clears the problem");
        press("agreeButton");
        tryVerify(() => !detail.busy && detail.relationship.memberAgreed, 15000, "the coach did not agree: " + item("relationshipError").text);
        compare(detail.relationship.state, "contracting");
        compare(item("relationshipNotice").text, "You have agreed to the contract. Waiting for " + coacheeName + " to agree.");
        verify(item("memberAgreement").value.indexOf("Agreed ") === 0, item("memberAgreement").value);
        compare(item("coacheeAgreement").value, "Not agreed yet");
        compare(item("nextStepText").text, "Waiting for " + coacheeName + " to agree to the contract.");
        verify(!item("agreeSection").visible, "the agreement stays on show");
        // The card in the list beside it follows.
        compare(findChild(findChild(page, "relationshipCard-0"), "relationshipNextStep").text,
                "Waiting for " + coacheeName + " to agree to the contract.");
        screenshot("relationship-agreed-by-coach-desktop.png");

        // The coachee agrees, saying whether their line manager knows.
        const coacheeEmail = emailOf(coacheeName, coacheeId);
        signIn(coacheeEmail);
        setSize(390, 844);
        const home = item("relationshipsEntry");
        verify(home !== null, "no relationships on a coachee's Home");
        tryVerify(() => !home.relationships.loading && home.relationships.count === 1, 15000);
        compare(item("homeRelationshipsCount").text, "1 needs something from you");
        screenshot("home-coachee-relationship-phone.png");
        press("homeRelationshipsButton");
        tryVerify(() => window.screenItem.currentPage === "relationships", 5000);
        detail = openRelationship("Grace Mwangi");
        compare(detail.relationship.yourPart, "coachee");
        compare(item("nextStepText").text, "Read the contract and agree to it.");
        verify(item("agreeSection").visible);
        // Coaching: a goal comes first, and the agreement waits for it.
        const coacheePage = item("relationshipsPage");
        tryVerify(() => coacheePage.detailPage.goals.loaded, 15000, "the goals did not load: " + coacheePage.detailPage.goals.unavailable);
        verify(item("agreeNeedsGoal").visible, "the coachee is not told that a goal comes first");
        compare(item("agreeNeedsGoal").children[0].text,
                "Coaching works towards goals you set. Set at least one goal first: you can agree the contract once it is saved.");
        verify(!item("agreeButton").enabled, "the agreement can be sent with no goal");
        press("agreeSetGoalButton");
        tryVerify(() => coacheePage.view === "goalForm", 5000, "the goal form did not open");
        item("goalWhatField").text = "Feel ready to apply for a band 7 role";
        item("goalMeasureField").text = "I have a development plan my manager has seen";
        press("startingRating-4");
        press("saveGoalButton");
        tryVerify(() => coacheePage.view === "detail" && coacheePage.detailPage.goals.openGoalCount === 1, 15000,
                  "the goal did not save: " + coacheePage.goalFormPage.form.errorMessage);
        tryVerify(() => !item("agreeNeedsGoal").visible && item("agreeButton").enabled, 5000, "the agreement still waits for a goal");
        verify(item("agreeSection").visible);
        item("confidentialityCheck").checked = true;
        item("ethicsCheck").checked = true;
        press("agreeButton");
        compare(item("agreeError").text,
                "Say whether your line manager knows: yes, not yet, or you chose not to tell them.");
        press("lineManager-not_yet");
        screenshot("relationship-agree-coachee-phone.png");
        press("agreeButton");
        tryVerify(() => !detail.busy && detail.relationship.state === "active", 15000, "not active: " + item("relationshipError").text);
        compare(item("relationshipNotice").text, "You have both agreed: the relationship is active.");
        compare(item("relationshipStateChip").text, "Active");
        compare(item("lineManagerTold").value, "Not yet");
        verify(item("coacheeAgreement").value.indexOf("Agreed ") === 0);
        const history = detail.relationship.history;
        compare(history[0].toState, "active", "newest first");
        verify(history[0].stateChanged);

        // The coachee proposes a session.
        press("proposeButton");
        verify(item("proposalSection").visible);
        const proposal = item("relationshipDetailPage").proposal;
        press("sendProposalButton");
        compare(item("proposalModeChoice").error, "Choose in person, video or phone.");
        press("proposalMode-video");
        item("proposalPlaceField").text = "Teams: link in the calendar invite";
        screenshot("propose-session-phone.png");
        // The form itself, scrolled to.
        const flick = findChild(item("relationshipDetailPage"), "relationshipDetailFlick");
        verify(flick !== null);
        flick.contentY = Math.max(0, item("proposalSection").mapToItem(flick.contentItem, 0, 0).y - 16);
        screenshot("propose-session-form-phone.png");
        setSize(1280, 800);
        screenshot("propose-session-form-desktop.png");
        setSize(390, 844);
        flick.contentY = 0;
        press("sendProposalButton");
        tryVerify(() => !proposal.busy && !item("proposalSection").visible, 15000, "not proposed: " + proposal.errorMessage);
        tryVerify(() => !detail.loading && detail.upcoming.length === 1, 15000);
        compare(detail.upcoming[0].status, "proposed");
        compare(detail.upcoming[0].proposedByYou, true);
        compare(detail.upcoming[0].canAccept, false);
        compare(detail.upcoming[0].place, "Teams: link in the calendar invite");
        setSize(1280, 800);
        screenshot("relationship-active-coachee-desktop.png");

        // The coach accepts it, then cancels it with a reason.
        signIn(coach);
        detail = openRelationship(coacheeName);
        compare(detail.relationship.state, "active");
        tryVerify(() => detail.upcoming.length === 1, 15000);
        compare(detail.upcoming[0].canAccept, true);
        const row = item("upcomingSession-0");
        press(findChild(row, "acceptSessionButton"));
        tryVerify(() => !detail.busy && detail.upcoming[0].status === "accepted", 15000, "not accepted: " + item("relationshipError").text);
        compare(item("relationshipNotice").text, "Session booked.");
        compare(findChild(item("upcomingSession-0"), "sessionStatus").text, "Booked");
        setSize(390, 844);
        screenshot("relationship-active-coach-phone.png");
        setSize(1280, 800);
        press(findChild(item("upcomingSession-0"), "cancelSessionButton"));
        press(findChild(item("upcomingSession-0"), "confirmCancelButton"));
        compare(findChild(item("upcomingSession-0"), "cancelReasonError").text, "Say why, in a sentence or two.");
        findChild(item("upcomingSession-0"), "cancelReasonField").text = "I am on call that afternoon after all.";
        press(findChild(item("upcomingSession-0"), "confirmCancelButton"));
        tryVerify(() => !detail.busy && detail.upcoming.length === 0 && detail.past.length === 1, 15000,
                  "not cancelled: " + item("relationshipError").text);
        compare(detail.past[0].status, "cancelled");
        compare(detail.past[0].cancelReason, "I am on call that afternoon after all.");
        compare(detail.past[0].cancelledByLabel, "You");
        verify(item("reviewContractButton").visible, "no review for an active coaching contract");
    }

    // Ending early needs a reason, and either party may do it.
    function test_endEarly() {
        signIn(coach);
        showPage("inbox");
        const inbox = item("inboxPage").inbox;
        tryVerify(() => !inbox.loading && inbox.count > 0, 15000, "nothing left in the coach's inbox");
        const name = inbox.get(0).coacheeName;
        press(findChild(item("inboxCard-0"), "acceptButton"));
        tryVerify(() => !inbox.busy && item("inboxNotice").text.length > 0, 15000);
        const detail = openRelationship(name);
        compare(detail.relationship.state, "contracting");
        press("endEarlyButton");
        press("confirmEndButton");
        compare(item("endError").text, "Say why, in a sentence or two.");
        compare(detail.relationship.state, "contracting");
        item("endReasonField").text = "We agreed a mentor would suit this better.";
        press("confirmEndButton");
        tryVerify(() => !detail.busy && detail.relationship.state === "ended_early", 15000, item("relationshipError").text);
        compare(item("relationshipNotice").text, "The relationship has ended. Its record is kept.");
        compare(detail.relationship.history[0].reason, "We agreed a mentor would suit this better.");
        verify(!item("endCard").visible, "ending an ended relationship");
        verify(!item("detailRecordButton").visible, "recording in an ended relationship");
        setSize(390, 844);
        screenshot("relationship-ended-phone.png");
    }

    name: "Relationships"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
