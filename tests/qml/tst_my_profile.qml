import QtQuick
import QtTest
import Tandem
import TandemTest

// A coach's own profile with the real Main.qml against the real server:
// editing and saving, and a refusal from the server shown to them.
TestCase {
    id: testCase

    property var window: null
    property var page: null
    property var detail: null

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
    }

    function init() {
        Session.signOut();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        setSize(1280, 800);
        tryVerify(() => item("signInPage") !== null, 5000);
        item("serverAddressField").text = TestEnv.serverAddress;
        item("emailField").text = "coach@demo.tandem.example";
        item("passwordField").text = "demo-password-1";
        mouseClick(item("signInButton"));
        tryVerify(() => item("sideNav-myprofile") !== null, 30000,
                  "coach did not get in: " + Session.errorMessage);
        verify(item("sideNav-pool") === null, "a coach sees the coordinator's pool");
        mouseClick(item("sideNav-myprofile"));
        tryVerify(() => item("myProfilePage") !== null, 5000);
        page = item("myProfilePage");
        detail = page.detail;
        tryVerify(() => !detail.loading && detail.exists, 15000, "no profile: " + detail.errorMessage);
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

    function test_editHeadlineAndSave() {
        compare(detail.profile.displayName, "Grace Mwangi");
        compare(detail.profile.status, "approved");
        compare(item("headlineField").text, detail.profile.headline);
        screenshot("my-profile-desktop.png");
        setSize(390, 844);
        screenshot("my-profile-phone.png");

        const headline = "Coaching for new ward managers " + Date.now() % 1000;
        item("headlineField").text = headline;
        item("saveProfileButton").clicked();
        tryVerify(() => !detail.busy && item("myProfileNotice").text === "Profile saved.", 15000,
                  "not saved: " + detail.errorMessage);
        compare(detail.profile.headline, headline);
        // What the server keeps, not just what the form shows.
        detail.reload();
        tryVerify(() => !detail.loading && detail.exists, 15000);
        compare(detail.profile.headline, headline);
        compare(item("headlineField").text, headline);
    }

    function test_serverRefusalIsShown() {
        // A supervision date in the future passes the client's format check;
        // the server refuses it and says which field.
        item("supervisionField").text = "2099-01-01";
        item("saveProfileButton").clicked();
        const error = item("myProfileError");
        tryVerify(() => !detail.busy && error.text.length > 0, 15000, "no error shown");
        verify(error.text.indexOf("Last supervision date must") === 0, "unexpected message: " + error.text);
        verify(error.visible);

        // An empty headline is caught before asking the server.
        detail.clearError();
        item("headlineField").text = "";
        item("saveProfileButton").clicked();
        compare(error.text, "Headline is required.");
    }

    name: "MyProfile"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
