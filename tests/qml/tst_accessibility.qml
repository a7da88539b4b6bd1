import QtQuick
import QtTest
import Tandem
import TandemTest

// Every page as each role, at phone size (light, dark, 200% text) and at
// desktop size, walked by the accessibility audit (accessibility_audit.h):
// accessible names, touch targets, text cut short or drawn over other
// things, contrast, and technical strings. A screenshot of each.
TestCase {
    id: testCase

    readonly property string demoPassword: "demo-password-1"
    readonly property var looks: [
        { name: "phone", width: 390, height: 844, dark: false, scale: 1 },
        { name: "phone-dark", width: 390, height: 844, dark: true, scale: 1 },
        { name: "phone-200", width: 390, height: 844, dark: false, scale: 2 },
        { name: "desktop", width: 1280, height: 800, dark: false, scale: 1 }
    ]
    /// Every problem found in this run (written beside the screenshots).
    property var found: []
    property var window: null

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
    }

    function init() {
        Session.signOut();
        Session.clearError();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
    }

    function cleanup() {
        Session.signOut();
        AppSettings.darkTheme = false;
        AppSettings.textScale = 1;
    }

    function item(name: string): var {
        return findChild(window.contentItem, name);
    }

    function apply(look: var) {
        AppSettings.darkTheme = look.dark;
        AppSettings.textScale = look.scale;
        window.width = look.width;
        window.height = look.height;
        waitForRendering(window.contentItem);
        wait(80);  // layouts settle after the resize
    }

    /// Audits what is on show; returns the problems, each naming the screen.
    function auditScreen(screen: string, look: var): var {
        waitForRendering(window.contentItem);
        const image = grabImage(window.contentItem);
        image.save(TestEnv.screenshotDir + "/a11y-" + screen + "-" + look.name + ".png");
        const problems = TestEnv.audit(window.contentItem.parent, look.width < Theme.compactWidth);
        return problems.map(problem => screen + " (" + look.name + "): " + problem);
    }

    function signIn(email: string) {
        Session.signIn(TestEnv.serverAddress, email, demoPassword);
        tryVerify(() => Session.signedIn, 30000, "sign-in did not complete: " + Session.errorMessage);
        tryVerify(() => item("appShell") !== null, 5000, "the app shell is not shown");
    }

    /// Every page the person's navigation offers, in every look.
    function auditRole(role: string): var {
        signIn(role + "@demo.tandem.example");
        const shell = item("appShell");
        let problems = [];
        for (let l = 0; l < looks.length; ++l) {
            const look = looks[l];
            apply(look);
            const keys = shell.navPages.map(page => page.key);
            if (shell.compact && shell.morePages.length > 0)
                keys.push("more");
            for (let k = 0; k < keys.length; ++k) {
                shell.currentPage = keys[k];
                tryVerify(() => shell.currentItem !== null && shell.currentItem.visible, 10000,
                          "page " + keys[k] + " did not show");
                wait(150);  // its first load from the server
                problems = problems.concat(auditScreen(role + "-" + keys[k], look));
            }
            shell.currentPage = "home";
        }
        return problems;
    }

    function verifyNone(problems: var) {
        found = found.concat(problems);
        TestEnv.writeFile(TestEnv.screenshotDir + "/a11y-problems.txt", found.join("\n") + "\n");
        verify(problems.length === 0, problems.length + " problems:\n" + problems.slice(0, 40).join("\n"));
    }

    function test_signIn() {
        let problems = [];
        for (let l = 0; l < looks.length; ++l) {
            apply(looks[l]);
            tryVerify(() => item("signInPage") !== null, 5000);
            problems = problems.concat(auditScreen("signin", looks[l]));
            item("advancedSettingsButton").clicked();
            problems = problems.concat(auditScreen("signin-advanced", looks[l]));
            item("advancedSettingsButton").clicked();
        }
        verifyNone(problems);
    }

    function test_roles_data() {
        return [{ tag: "coachee" }, { tag: "coach" }, { tag: "mentor" },
                { tag: "coordinator" }, { tag: "supervisor" }];
    }

    function test_roles(data) {
        verifyNone(auditRole(data.tag));
    }

    function test_darkAndLargeTextAreSettings() {
        apply(looks[0]);
        signIn("coachee@demo.tandem.example");
        const shell = item("appShell");
        shell.currentPage = "account";
        tryVerify(() => item("darkThemeSwitch") !== null);
        // Below the fold on a phone: toggled as a tap would.
        item("darkThemeSwitch").toggle();
        item("darkThemeSwitch").toggled();
        verify(AppSettings.darkTheme, "the switch did not turn the dark theme on");
        compare(window.color, Theme.background);
        verify(Theme.background.hslLightness < 0.2, "the dark background is not dark");
        item("radio-2").clicked();
        compare(AppSettings.textScale, 2);
        compare(Theme.bodySize, 30);
    }

    name: "Accessibility"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }
}
