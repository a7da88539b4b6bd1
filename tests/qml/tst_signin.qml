import QtQuick
import QtTest
import Tandem
import TandemTest

// Signing in with the real Main.qml against the real server (demo data), at
// phone and desktop sizes, with screenshots of each screen.
TestCase {
    id: testCase

    readonly property string demoPassword: "demo-password-1"
    property var window: null

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
    }

    function init() {
        Session.signOut();
        Session.clearError();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        setSize(1280, 800);
        tryVerify(() => item("signInPage") !== null, 5000, "the sign-in page is not shown");
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
        wait(50);  // let layouts settle after the resize
    }

    function screenshot(fileName: string) {
        waitForRendering(window.contentItem, 500);
        const image = grabImage(window.contentItem);
        verify(image.width > 0, "nothing to grab for " + fileName);
        image.save(TestEnv.screenshotDir + "/" + fileName);
    }

    function fillSignIn(address: string, email: string, password: string) {
        item("serverAddressField").text = address;
        item("emailField").text = email;
        item("passwordField").text = password;
    }

    function signInWithButton(address: string, email: string, password: string) {
        fillSignIn(address, email, password);
        mouseClick(item("signInButton"));
    }

    /// Fails unless the home page is the page on show and greets the person.
    function verifyHome() {
        tryVerify(() => Session.signedIn, 30000,
                  "sign-in did not complete: " + Session.errorMessage);
        tryVerify(() => item("appShell") !== null, 5000, "the app shell is not shown");
        const shell = item("appShell");
        const home = item("homePage");
        verify(home !== null, "no home page");
        compare(shell.currentItem, home, "home is not the current page");
        verify(home.visible, "the home page is not visible");
        verify(Session.displayName.length > 0, "the session has no display name");
        const greeting = findChild(home, "homeGreeting");
        verify(greeting !== null && greeting.visible, "no greeting on the home page");
        verify(greeting.text.indexOf(Session.displayName) >= 0,
               "greeting '" + greeting.text + "' does not name " + Session.displayName);
        compare(findChild(home, "homeOrganisation").text, Session.organisationName);
        return shell;
    }

    function test_signInScreenshots() {
        setSize(390, 844);
        verify(item("signInButton").visible);
        compare(item("serverAddressField").text, Session.serverAddress);
        screenshot("signin-phone.png");
        setSize(1280, 800);
        screenshot("signin-desktop.png");
    }

    function test_coacheeReachesHome() {
        signInWithButton(TestEnv.serverAddress, "coachee@demo.tandem.example", demoPassword);
        verify(Session.busy || Session.signedIn, "pressing Sign in did nothing");
        const shell = verifyHome();
        verify(Session.hasRole("coachee"));
        verify(!Session.isCoordinator);
        // Coachees get no People page, in either layout.
        compare(item("sideNav-people"), null);
        compare(item("bottomNav-people"), null);
        verify(item("sideNav-home").visible);
        verify(item("coachingExplainer").visible, "coachees should see what coaching and mentoring are");
        screenshot("home-coachee-desktop.png");

        setSize(390, 844);
        verify(shell.compact);
        verify(item("bottomNav-home").visible, "no bottom navigation on a phone");
        verify(!item("sideNav").visible, "side navigation shown on a phone");
        // The card's count sits below its heading and subtitle, inside the
        // card (it was once drawn over the heading).
        const card = item("relationshipsEntry");
        const count = item("homeRelationshipsCount");
        tryVerify(() => count.text === "None yet.", 5000, "no relationships count: " + count.text);
        waitForRendering(window.contentItem, 500);
        const top = count.mapToItem(card, 0, 0).y;
        verify(top >= card.height / 2, "the count is drawn over the card's heading (y " + top + " of " + card.height + ")");
        verify(top + count.height <= card.height, "the count runs out of its card");
        screenshot("home-coachee-phone.png");
    }

    function test_coordinatorReachesHomeAndPeople() {
        // Enter in the password field signs in.
        fillSignIn(TestEnv.serverAddress, "coordinator@demo.tandem.example", demoPassword);
        item("passwordField").input.forceActiveFocus();
        keyClick(Qt.Key_Return);
        const shell = verifyHome();
        verify(Session.isCoordinator);
        verify(item("sideNav-people") !== null && item("sideNav-people").visible,
               "coordinators should see People in the side navigation");

        // Real figures from the server.
        const summary = findChild(item("homePage"), "roleSummary");
        verify(summary !== null, "no role summary on the coordinator's home page");
        tryVerify(() => !summary.loading && summary.totalCount > 0, 15000,
                  "the figures did not load");
        const total = findChild(item("homePage"), "figure-total");
        compare(total.value, summary.totalCount);
        tryVerify(() => Session.coordinatedOrganisationSummary.indexOf("Organisation ") !== 0, 5000);
        screenshot("home-coordinator-desktop.png");

        setSize(390, 844);
        verify(item("bottomNav-people") !== null && item("bottomNav-people").visible,
               "coordinators should see People in the bottom navigation");
        screenshot("home-coordinator-phone.png");

        setSize(1280, 800);
        mouseClick(item("sideNav-people"));
        tryVerify(() => item("peoplePage") !== null && shell.currentItem === item("peoplePage"), 5000,
                  "People is not the current page");
        const people = item("peoplePage");
        const accounts = people.accounts;
        tryVerify(() => !accounts.loading && accounts.count > 0, 15000, "no people listed");
        compare(accounts.totalCount, summary.totalCount);
        screenshot("people-coordinator-desktop.png");
    }

    function test_wrongPasswordShowsError() {
        signInWithButton(TestEnv.serverAddress, "coachee@demo.tandem.example", "not-the-password");
        tryVerify(() => Session.errorMessage.length > 0, 30000, "no error after a wrong password");
        verify(!Session.signedIn);
        const banner = item("signInError");
        verify(banner.visible, "the error is not shown");
        compare(banner.text, Session.errorMessage);
        verify(/[.!]$/.test(banner.text), "not a sentence: " + banner.text);
        verify(item("signInPage") !== null, "left the sign-in page");
        verify(item("signInButton").enabled, "sign-in stays disabled after the error");
    }

    function test_unreachableServerShowsError() {
        // Nothing listens on port 1.
        signInWithButton("127.0.0.1:1", "coachee@demo.tandem.example", demoPassword);
        tryVerify(() => Session.errorMessage.length > 0, 30000, "no error for an unreachable server");
        verify(!Session.signedIn);
        compare(item("signInError").text,
                "Can't reach Tandem just now. Check your connection, then try again.");
        verify(item("signInError").visible);
        // Dismissing the error hides it.
        mouseClick(findChild(item("signInError"), "bannerDismiss"));
        compare(Session.errorMessage, "");
        verify(!item("signInError").visible);
    }

    name: "SignIn"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
