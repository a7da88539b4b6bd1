import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// Asking for support with the real Main.qml against the real server: the
// form's checks, asking to be matched, the suggestions and their reasons,
// choosing one, the chosen member accepting in their inbox, asking a member
// by name from their profile, and withdrawing.
TestCase {
    id: testCase

    property var window: null
    readonly property string coachee: "coachee@demo.tandem.example"
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

    /// Presses a button by name (or the item itself), which must be on show
    /// and enabled; the press goes through its clicked() signal so that it
    /// works wherever the page is scrolled.
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

    function requestsPage(): var {
        const page = item("requestsPage");
        verify(page !== null, "My requests is not loaded");
        return page;
    }

    /// Opens the form from Home ("Ask for a coach or mentor").
    function openFormFromHome(): var {
        showPage("home");
        press("homeAskButton");
        tryVerify(() => item("requestsPage") !== null && requestsPage().formPage !== null
                  && requestsPage().formPage.visible, 5000, "the form did not open");
        return requestsPage().formPage;
    }

    /// Chooses the first `n` themes of the taxonomy in the form.
    function chooseThemes(form: var, n: int) {
        const chips = item("themeChips");
        tryVerify(() => chips.children.length > n, 10000, "the taxonomy did not load");
        let chosen = 0;
        for (let i = 0; i < chips.children.length && chosen < n; ++i) {
            const chip = chips.children[i];
            if (chip.objectName.indexOf("themeChip-") === 0) {
                press(chip);
                ++chosen;
            }
        }
        compare(form.themes.length, n);
    }

    function test_formChecksBeforeSending() {
        signIn(coachee);
        setSize(390, 844);
        const formPage = openFormFromHome();
        const form = formPage.form;
        const requests = requestsPage().requests;
        tryVerify(() => !requests.loading, 15000);
        compare(requests.count, 0, "the demo coachee starts with no requests");
        compare(item("requestFormTitle").text, "Ask for a coach or mentor");
        screenshot("request-form-phone.png");

        // Nothing filled in: what is missing, next to each field.
        press("submitRequestButton");
        verify(!form.busy, "sent to the server despite the problems");
        compare(item("kindChoice").error, "Choose coaching or mentoring.");
        verify(item("gapError").text.indexOf("at least 10 characters") >= 0, item("gapError").text);

        // Mentoring needs a pay band; a gap of a few words is too short.
        press("requestKind-mentoring");
        compare(form.kind, "mentoring");
        compare(item("kindChoice").error, "", "choosing a kind clears its error");
        item("gapField").text = "Leading";
        press("submitRequestButton");
        verify(item("gapError").text.indexOf("(7 so far)") >= 0, item("gapError").text);
        verify(item("payBandError").text.indexOf("more senior than you") >= 0, item("payBandError").text);
        verify(item("payBandError").visible);
        screenshot("request-form-errors-phone.png");

        // At most five themes.
        chooseThemes(form, 5);
        const chips = item("themeChips");
        let sixth = null;
        for (let i = 0; i < chips.children.length && sixth === null; ++i) {
            const chip = chips.children[i];
            if (chip.objectName.indexOf("themeChip-") === 0 && !chip.checked)
                sixth = chip;
        }
        press(sixth);
        compare(form.themes.length, 5);
        verify(item("themesError").text.indexOf("at most 5 themes") >= 0, item("themesError").text);
        compare(item("themesCounter").text, "5 of 5 chosen");

        // Still nothing sent.
        requests.reload();
        tryVerify(() => !requests.loading, 15000);
        compare(requests.count, 0);

        setSize(1280, 800);
        screenshot("request-form-desktop.png");
        press("requestFormBack");
        tryVerify(() => !requestsPage().formPage.visible, 5000);
        // The empty state of My requests.
        verify(item("requestsEmpty").visible);
        screenshot("my-requests-empty-desktop.png");
    }

    // The whole journey: ask to be matched, see suggestions with reasons,
    // choose one; the chosen member accepts in their inbox.
    function test_journeyAskChooseAccept() {
        signIn(coachee);
        setSize(390, 844);
        // Home offers to ask.
        verify(item("askEntry").visible);
        screenshot("home-coachee-phone.png");
        const form = openFormFromHome().form;

        press("requestKind-coaching");
        item("gapField").text = "I have just become a ward manager and want to lead my team with confidence.";
        chooseThemes(form, 2);
        item("requestDeliveryField").picked("video");
        compare(form.deliveryMode, "video");

        // Someone to avoid, found by name.
        item("avoidSearchField").text = "Rajesh";
        const results = requestsPage().formPage.avoidResults;
        tryVerify(() => results.query === "Rajesh" && !results.loading && results.count > 0, 15000,
                  "no one found by name");
        tryVerify(() => item("avoidResult-0") !== null, 5000);
        const avoided = results.get(0);
        press("avoidResult-0");
        compare(form.avoid.length, 1);
        compare(form.avoid[0].displayName, avoided.displayName);
        verify(item("avoidChip-" + avoided.accountId) !== null);
        screenshot("request-form-filled-phone.png");

        press("submitRequestButton");
        tryVerify(() => requestsPage().suggestionsPage !== null, 15000,
                  "no suggestions after asking: " + form.errorMessage);
        const suggestionsPage = requestsPage().suggestionsPage;
        const suggestions = suggestionsPage.suggestions;
        compare(suggestionsPage.request.status, "waiting");
        tryVerify(() => suggestions.loaded, 15000, "suggestions did not load");
        verify(suggestions.count > 0, "no suggestions: " + suggestions.emptyReason);
        verify(suggestions.eligibleCount >= suggestions.count);
        let grace = -1;
        for (let i = 0; i < suggestions.count; ++i) {
            const s = suggestions.get(i);
            verify(s.reasons.length > 0, s.displayName + " comes without reasons");
            verify(s.accountId !== avoided.accountId, "the avoided person was suggested");
            verify(s.kind !== "mentor", s.displayName + " does not coach");
            if (i > 0)
                verify(s.score <= suggestions.get(i - 1).score, "not best first");
            if (s.displayName === "Grace Mwangi")
                grace = i;
        }
        tryVerify(() => item("suggestionCard-0") !== null, 5000);
        screenshot("suggestions-phone.png");
        setSize(1280, 800);
        screenshot("suggestions-desktop.png");

        // Prefer the demo coach, whose sign-in we know.
        const row = grace >= 0 ? grace : 0;
        const chosen = suggestions.get(row);
        press("chooseButton-" + row);
        tryVerify(() => requestsPage().overlay === "", 15000, "choosing failed: " + suggestionsPage.errorText);
        const requests = requestsPage().requests;
        tryVerify(() => !requests.loading && requests.count === 1, 15000);
        compare(requests.get(0).status, "pending");
        compare(requests.get(0).memberName, chosen.displayName);
        compare(requests.get(0).origin, "chosen");
        verify(item("requestsNotice").text.indexOf(chosen.displayName) >= 0, item("requestsNotice").text);
        compare(item("requestWho").text, "Sent to " + chosen.displayName);
        screenshot("my-requests-pending-desktop.png");
        setSize(390, 844);
        screenshot("my-requests-pending-phone.png");

        // Whom to sign in as: the demo coach, or the member's contact email
        // as the coordinator sees it.
        let memberEmail = coach;
        if (grace < 0) {
            signIn(coordinator);
            const lookup = Qt.createQmlObject("import Tandem; ProfileDetail {}", testCase);
            lookup.accountId = chosen.accountId;
            tryVerify(() => !lookup.loading && lookup.exists, 15000, "no profile: " + lookup.errorMessage);
            memberEmail = lookup.profile.contactEmail;
            lookup.destroy();
            verify(memberEmail.length > 0, "the coordinator does not see the member's email");
        }

        signIn(memberEmail);
        showPage("inbox");
        const inbox = item("inboxPage").inbox;
        tryVerify(() => !inbox.loading && inbox.count > 0, 15000, "empty inbox");
        let mine = -1;
        for (let i = 0; i < inbox.count; ++i) {
            if (inbox.get(i).coacheeName === "Emily Carter")
                mine = i;
        }
        verify(mine >= 0, "Emily's request is not in " + chosen.displayName + "'s inbox");
        compare(inbox.get(mine).origin, "chosen");
        compare(inbox.get(mine).gap, "I have just become a ward manager and want to lead my team with confidence.");
        const before = inbox.count;
        press(findChild(item("inboxCard-" + mine), "acceptButton"));
        tryVerify(() => !inbox.busy && inbox.count === before - 1, 15000, "not accepted: " + item("inboxError").text);
        verify(item("inboxNotice").text.indexOf("You accepted Emily Carter") === 0, item("inboxNotice").text);

        // Emily sees it accepted.
        signIn(coachee);
        showPage("requests");
        const mineNow = requestsPage().requests;
        tryVerify(() => !mineNow.loading && mineNow.count === 1, 15000);
        compare(mineNow.get(0).status, "accepted");
        compare(item("requestWho").text, "With " + chosen.displayName);
        screenshot("my-requests-accepted-phone.png");
    }

    // A named request from a member's profile; the Request button explains
    // itself when the member is not taking anyone on.
    function test_requestFromProfile() {
        signIn(coachee);
        showPage("find");
        const find = item("findPage");
        const search = find.search;
        tryVerify(() => !search.loading && search.count > 0, 15000);

        // Someone who is not accepting: no Request button, a way on instead.
        search.acceptingOnly = false;
        let full = -1;
        tryVerify(() => {
            for (let i = 0; i < search.count; ++i) {
                if (!search.get(i).accepting)
                    return true;
            }
            if (search.hasMore && !search.loading)
                search.loadMore();
            return false;
        }, 20000, "every listed member is accepting");
        for (let i = 0; i < search.count && full < 0; ++i) {
            if (!search.get(i).accepting)
                full = i;
        }
        find.openAccountId = search.get(full).accountId;
        tryVerify(() => find.profilePage !== null && find.profilePage.detail.exists, 15000);
        verify(item("profileRequestSection").visible);
        verify(!item("profileRequestButton").visible);
        verify(item("profileAskMatchedButton").visible);
        screenshot("profile-not-accepting-desktop.png");
        press("profileBackButton");
        tryVerify(() => find.profilePage === null, 5000);

        // Grace is accepting: ask her for coaching by name.
        item("findSearch").text = "Grace Mwangi";
        search.searchNow();
        tryVerify(() => !search.loading && search.count > 0 && search.get(0).displayName === "Grace Mwangi", 15000);
        find.openAccountId = search.get(0).accountId;
        tryVerify(() => find.profilePage !== null && find.profilePage.detail.exists, 15000);
        verify(item("profileRequestButton").visible);
        compare(item("profileRequestButton").text, "Ask Grace for coaching");
        screenshot("profile-request-desktop.png");
        setSize(390, 844);
        screenshot("profile-request-phone.png");
        press("profileRequestButton");
        tryVerify(() => window.screenItem.currentPage === "requests" && requestsPage().formPage !== null
                  && requestsPage().formPage.visible, 5000, "the form did not open");
        const form = requestsPage().formPage.form;
        compare(item("requestFormTitle").text, "Ask Grace Mwangi for support");
        compare(form.kind, "coaching", "Grace only coaches");
        verify(item("requestKind-mentoring") === null, "mentoring offered for a coach");
        verify(!item("avoidCard").visible, "an avoid list for a named request");
        item("gapField").text = "I would like to prepare for a band 7 interview next spring.";
        screenshot("request-form-named-phone.png");
        press("submitRequestButton");
        tryVerify(() => !form.busy && requestsPage().overlay === "", 15000, "not sent: " + form.errorMessage);
        verify(item("requestsNotice").text.indexOf("Grace Mwangi") >= 0);
        const requests = requestsPage().requests;
        tryVerify(() => !requests.loading && requests.count > 0, 15000);
        compare(requests.get(0).status, "pending");
        compare(requests.get(0).origin, "named");
        compare(requests.get(0).memberName, "Grace Mwangi");

        // A second open coaching request: the server's refusal, in words.
        press("askButton");
        tryVerify(() => requestsPage().formPage.visible, 5000);
        press("requestKind-coaching");
        item("gapField").text = "Another coaching request while one is still open.";
        press("submitRequestButton");
        tryVerify(() => !form.busy && form.errorMessage.length > 0, 15000, "the server accepted a second open request");
        verify(item("requestErrorSummary").visible);
        screenshot("request-form-refused-phone.png");
        press("requestFormBack");
    }

    function test_withdraw() {
        signIn(coachee);
        const form = openFormFromHome().form;
        press("requestKind-mentoring");
        item("gapField").text = "I would like to plan the next step in my career in research.";
        item("requestPayBandField").picked("4");
        compare(form.payBand, "4");
        press("submitRequestButton");
        tryVerify(() => requestsPage().suggestionsPage !== null, 15000, "not sent: " + form.errorMessage);
        const suggestions = requestsPage().suggestionsPage.suggestions;
        tryVerify(() => suggestions.loaded, 15000);
        for (let i = 0; i < suggestions.count; ++i)
            verify(suggestions.get(i).kind !== "coach", "a coach suggested for mentoring");
        press("suggestionsBack");
        tryVerify(() => requestsPage().overlay === "", 5000);

        const requests = requestsPage().requests;
        tryVerify(() => !requests.loading && requests.count > 0, 15000);
        const row = requests.rowOf(requestsPage().suggestionsFor.id);
        verify(row >= 0);
        compare(requests.get(row).status, "waiting");
        const card = item("requestCard-" + row);
        press(findChild(card, "withdrawButton"));
        // A second tap, in the card, before anything is sent.
        verify(findChild(card, "confirmWithdrawButton").visible);
        compare(requests.get(row).status, "waiting");
        screenshot("my-requests-withdraw-desktop.png");
        press(findChild(card, "confirmWithdrawButton"));
        tryVerify(() => !requests.busy && requests.get(row).status === "withdrawn", 15000,
                  "not withdrawn: " + item("requestsError").text);
        verify(item("requestsNotice").text.indexOf("withdrawn") >= 0, item("requestsNotice").text);
        verify(!findChild(card, "withdrawButton").visible, "an open action on a withdrawn request");
        // What the server keeps.
        requests.reload();
        tryVerify(() => !requests.loading && requests.count > 0, 15000);
        compare(requests.get(requests.rowOf(requestsPage().suggestionsFor.id)).status, "withdrawn");
        screenshot("my-requests-desktop.png");
        setSize(390, 844);
        screenshot("my-requests-phone.png");
    }

    name: "RequestSupport"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
