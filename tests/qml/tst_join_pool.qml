import QtQuick
import QtTest
import Tandem
import TandemTest

// A member of staff with no pool role applies to join the pool from the app,
// with the real Main.qml against the real server.
TestCase {
    id: testCase

    property var window: null

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
    }

    function cleanup() {
        Session.signOut();
        Session.clearError();
    }

    function item(name: string): var {
        return findChild(window.contentItem, name);
    }

    function init() {
        Session.signOut();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        window.width = 1280;
        window.height = 800;
        waitForRendering(window.contentItem, 500);
        wait(50);
    }

    function test_coacheeAppliesToJoinThePool() {
        tryVerify(() => item("signInPage") !== null, 5000);
        item("serverAddressField").text = TestEnv.serverAddress;
        item("emailField").text = "coachee@demo.tandem.example";
        item("passwordField").text = "demo-password-1";
        mouseClick(item("signInButton"));
        tryVerify(() => item("sideNav-myprofile") !== null, 30000,
                  "coachee did not get in: " + Session.errorMessage);
        mouseClick(item("sideNav-myprofile"));
        tryVerify(() => item("myProfilePage") !== null, 5000);
        const page = item("myProfilePage");
        const detail = page.detail;
        tryVerify(() => !detail.loading, 15000);
        verify(!detail.exists, "the demo coachee already has a profile");

        page.kind = "coach";
        item("headlineField").text = "Coaching for healthcare assistants";
        page.specialisms = ["team_working"];
        page.deliveryModes = ["video"];
        item("languagesField").text = "English";
        item("saveProfileButton").clicked();
        tryVerify(() => !detail.busy && item("myProfileNotice").text.indexOf("Application sent") === 0,
                  15000, "not sent: " + detail.errorMessage);
        verify(detail.exists);
        compare(detail.profile.status, "applied");
        // What the server keeps, not just what the form shows.
        detail.reload();
        tryVerify(() => !detail.loading && detail.exists, 15000);
        compare(detail.profile.headline, "Coaching for healthcare assistants");
        compare(detail.profile.status, "applied");
    }

    name: "JoinPool"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
