import QtQuick
import QtTest
import Tandem
import TandemTest

// A coach's and a mentor's inbox with the real Main.qml against the real
// server (demo requests are waiting in both): the count on Home, accepting,
// declining with a reason (checked before sending), and no Request button
// on one's own profile.
TestCase {
    id: testCase

    property var window: null

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

    function press(target: var) {
        const control = typeof target === "string" ? item(target) : target;
        verify(control !== null && control !== undefined, "no " + target);
        verify(control.visible, target + " is not on show");
        verify(control.enabled, target + " is disabled");
        control.clicked();
    }

    function test_coachAcceptsFromHome() {
        signIn("coach@demo.tandem.example");
        setSize(390, 844);
        // Home counts what is waiting and leads to the inbox.
        verify(item("inboxEntry") !== null, "no inbox count on a coach's Home");
        const homeInbox = item("inboxEntry").inbox;
        tryVerify(() => !homeInbox.loading && homeInbox.count >= 2, 15000, "the demo coach's inbox is empty");
        const waiting = homeInbox.count;
        compare(item("homeInboxCount").text, waiting + " requests waiting for your answer");
        screenshot("home-coach-phone.png");
        press("homeInboxButton");
        tryVerify(() => window.screenItem.currentPage === "inbox" && item("inboxPage") !== null, 5000);

        const inbox = item("inboxPage").inbox;
        tryVerify(() => !inbox.loading && inbox.count === waiting, 15000);
        for (let i = 0; i < inbox.count; ++i) {
            const r = inbox.get(i);
            compare(r.status, "pending");
            verify(r.gap.length >= 10);
            verify(r.answerDueLabel.length > 0, "no answer-by date");
            // Oldest first: the one to answer soonest at the top.
            if (i > 0)
                verify(inbox.get(i - 1).answerDueAt <= r.answerDueAt, "not by answer date");
        }
        verify(item("inboxDue").text.indexOf("answer by") >= 0, item("inboxDue").text);
        screenshot("inbox-phone.png");
        setSize(1280, 800);
        screenshot("inbox-desktop.png");

        const name = inbox.get(0).coacheeName;
        press(findChild(item("inboxCard-0"), "acceptButton"));
        tryVerify(() => !inbox.busy && inbox.count === waiting - 1, 15000, "not accepted: " + item("inboxError").text);
        compare(item("inboxNotice").text,
                "You accepted " + name + ". Agree your contract with them at your first session.");
        // What the server keeps (one fewer, or more if that filled the
        // coach's last place: the rest then go back to the waiting list).
        inbox.reload();
        tryVerify(() => !inbox.loading, 15000);
        verify(inbox.count <= waiting - 1, inbox.count + " still waiting");

        // Back on Home, the count follows.
        mouseClick(item("sideNav-home"));
        tryVerify(() => !homeInbox.loading && homeInbox.count === inbox.count, 15000);
    }

    function test_mentorDeclinesWithReason() {
        signIn("mentor@demo.tandem.example");
        mouseClick(item("sideNav-inbox"));
        tryVerify(() => item("inboxPage") !== null, 5000);
        const inbox = item("inboxPage").inbox;
        tryVerify(() => !inbox.loading && inbox.count > 0, 15000, "the demo mentor's inbox is empty");
        const count = inbox.count;
        compare(inbox.get(0).kind, "mentoring");
        const card = item("inboxCard-0");

        press(findChild(card, "declineButton"));
        verify(findChild(card, "declineReasonField").visible);
        verify(!findChild(card, "acceptButton").visible, "Accept stays on show while declining");

        // No reason: refused here, nothing sent.
        press(findChild(card, "sendDeclineButton"));
        compare(findChild(card, "declineReasonError").text,
                "Say why you are declining, in a sentence or two: the person who asked will see it.");
        compare(inbox.count, count);
        // Too long: refused here too.
        findChild(card, "declineReasonField").text = "x".repeat(501);
        compare(findChild(card, "declineReasonError").text, "", "typing clears the error");
        press(findChild(card, "sendDeclineButton"));
        verify(findChild(card, "declineReasonError").text.indexOf("500 characters") >= 0);
        compare(inbox.count, count);

        findChild(card, "declineReasonField").text = "I am on leave until the spring and cannot start anything new.";
        setSize(390, 844);
        screenshot("inbox-decline-phone.png");
        setSize(1280, 800);
        press(findChild(card, "sendDeclineButton"));
        tryVerify(() => !inbox.busy && inbox.count === count - 1, 15000, "not declined: " + item("inboxError").text);
        verify(item("inboxNotice").text.indexOf("They will see your reason.") > 0, item("inboxNotice").text);
        if (inbox.count === 0) {
            verify(item("inboxEmpty").visible);
            screenshot("inbox-empty-desktop.png");
        }
    }

    function test_noRequestButtonOnOwnProfile() {
        signIn("coach@demo.tandem.example");
        mouseClick(item("sideNav-find"));
        tryVerify(() => item("findPage") !== null, 5000);
        const find = item("findPage");
        const search = find.search;
        item("findSearch").text = "Grace Mwangi";
        search.searchNow();
        tryVerify(() => !search.loading && search.count > 0 && search.get(0).displayName === "Grace Mwangi", 15000);
        find.openAccountId = search.get(0).accountId;
        tryVerify(() => find.profilePage !== null && find.profilePage.detail.exists, 15000);
        compare(find.profilePage.accountId, Session.accountId);
        verify(!item("profileRequestSection").visible, "a Request button on one's own profile");
    }

    name: "Inbox"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
