import QtQuick
import QtTest
import Tandem
import TandemTest

// Every page as each role, at phone size (light, dark, 200% text) and at
// desktop size, walked by the accessibility audit (accessibility_audit.h):
// accessible names, touch targets, text cut short or drawn over other
// things, contrast, and technical strings. A screenshot of each. The forms
// reached from Home are walked too, also as refused.
TestCase {
    id: testCase

    readonly property string demoPassword: "demo-password-1"
    readonly property var looks: [
        { name: "phone", width: 390, height: 844, dark: false, scale: 1 },
        { name: "phone-dark", width: 390, height: 844, dark: true, scale: 1 },
        { name: "phone-200", width: 390, height: 844, dark: false, scale: 2 },
        { name: "desktop", width: 1280, height: 800, dark: false, scale: 1 }
    ]
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

    /// Fails on any problem, and writes them beside the screenshots
    /// (a11y-problems-<part>.txt: ctest runs the parts side by side).
    function verifyNone(part: string, problems: var) {
        TestEnv.writeFile(TestEnv.screenshotDir + "/a11y-problems-" + part + ".txt", problems.join("\n") + "\n");
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
        verifyNone("signin", problems);
    }

    function test_roles_data() {
        return [{ tag: "coachee" }, { tag: "coach" }, { tag: "mentor" },
                { tag: "coordinator" }, { tag: "supervisor" }];
    }

    function test_roles(data) {
        verifyNone(data.tag, auditRole(data.tag));
    }

    /// Opens a view with `button` (on Home), waits for `ready`, audits it as
    /// `screen` in every look, then takes each of `steps` ({name, act}) and
    /// audits again, and goes back Home.
    function auditView(screen: string, button: string, ready: var, steps: var): var {
        const shell = item("appShell");
        let problems = [];
        for (let l = 0; l < looks.length; ++l) {
            apply(looks[l]);
            shell.currentPage = "home";
            tryVerify(() => item(button) !== null && item(button).visible, 10000, "no " + button + " on Home");
            item(button).clicked();
            tryVerify(ready, 15000, screen + " did not open");
            wait(150);
            problems = problems.concat(auditScreen(screen, looks[l]));
            for (const step of steps) {
                if (!step.act())
                    continue;
                wait(150);
                problems = problems.concat(auditScreen(screen + "-" + step.name, looks[l]));
            }
            while (shell.goBack()) {}
        }
        return problems;
    }

    // Forms reached from Home, also as refused: the error summary and the
    // fields it marks.
    function test_requestForm() {
        signIn("coachee@demo.tandem.example");
        verifyNone("request-form", auditView("coachee-request-form", "homeAskButton", () => {
            const requests = item("requestsPage");
            return requests !== null && requests.formPage !== null && requests.formPage.visible;
        }, [{ name: "refused", act: () => {
            item("submitRequestButton").clicked();
            tryVerify(() => item("requestErrorSummary").visible, 5000, "the empty request was not refused");
            return true;
        } }]));
    }

    function test_recordAndRaise() {
        signIn("coach@demo.tandem.example");
        const record = () => item("relationshipsPage").recordPage;
        let problems = auditView("coach-record", "homeRecordButton", () => {
            const page = item("relationshipsPage");
            return page !== null && page.view === "record" && !page.recordPage.choices.loading;
        }, [{ name: "form", act: () => {
            if (record().choices.count === 0)
                return false;
            findChild(record(), "recordChoice-0").clicked();
            tryVerify(() => !record().choosing);
            return true;
        } }, { name: "refused", act: () => {
            if (record().choosing)
                return false;
            item("recordMinutesField").text = "2";
            item("saveRecordButton").clicked();
            tryVerify(() => item("recordErrorSummary").visible, 5000, "2 minutes was not refused");
            return true;
        } }]);
        problems = problems.concat(auditView("coach-raise-concern", "homeRaiseConcernButton", () => {
            const page = item("raiseConcernPage");
            return page !== null && page.visible;
        }, []));
        verifyNone("record-and-raise", problems);
    }

    // A relationship's detail and its contract terms, also as refused: the
    // coach accepts a request from the Inbox first (the demo data has no
    // relationship yet).
    function test_relationshipAndTerms() {
        signIn("coach@demo.tandem.example");
        const shell = item("appShell");
        shell.currentPage = "inbox";
        tryVerify(() => item("inboxCard-0") !== null, 15000, "nothing in the coach's Inbox");
        findChild(item("inboxCard-0"), "acceptButton").clicked();
        tryVerify(() => item("inboxNotice") !== null && item("inboxNotice").text.length > 0, 15000, "not accepted");
        shell.currentPage = "relationships";
        const page = item("relationshipsPage");
        page.relationships.reload();
        tryVerify(() => !page.relationships.loading && page.relationships.count > 0, 15000, "no relationship");
        let problems = [];
        for (let l = 0; l < looks.length; ++l) {
            apply(looks[l]);
            page.view = "list";
            findChild(page, "relationshipCard-0").clicked();
            const detail = page.detailPage.detail;
            tryVerify(() => page.view === "detail" && !detail.loading && detail.exists, 15000, "the detail did not open");
            wait(150);
            problems = problems.concat(auditScreen("coach-relationship", looks[l]));
            item("setTermsButton").clicked();
            tryVerify(() => page.view === "terms", 5000, "the terms did not open");
            wait(150);
            problems = problems.concat(auditScreen("coach-contract-terms", looks[l]));
            item("sessionsField").text = "0";
            item("plannedEndField").text = "2020-01-01";
            item("saveTermsButton").clicked();
            tryVerify(() => item("termsErrorSummary").visible, 5000, "the terms were not refused");
            wait(150);
            problems = problems.concat(auditScreen("coach-contract-terms-refused", looks[l]));
            page.termsPage.back();
        }
        verifyNone("relationship-and-terms", problems);
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
