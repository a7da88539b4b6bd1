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
        waitForRendering(window.contentItem, 500);
        wait(80);  // layouts settle after the resize
    }

    /// Audits what is on show; returns the problems, each naming the screen.
    function auditScreen(screen: string, look: var): var {
        waitForRendering(window.contentItem, 500);
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

    /// Signs in as `email` and opens the relationship `id` on its page;
    /// returns the page of relationships once its goals are loaded.
    function openRelationship(email: string, id: double): var {
        Session.signOut();
        signIn(email);
        const shell = item("appShell");
        shell.currentPage = "relationships";
        tryVerify(() => item("relationshipsPage") !== null, 10000, "Relationships did not show");
        const page = item("relationshipsPage");
        page.relationships.reload();
        tryVerify(() => !page.relationships.loading && page.relationships.rowOf(id) >= 0, 15000, "the relationship is not listed");
        page.openRelationship(id);
        const detail = page.detailPage.detail;
        tryVerify(() => detail.exists && !detail.loading && detail.relationship.id === id, 15000,
                  "the relationship did not load: " + detail.errorMessage);
        tryVerify(() => page.detailPage.goals.loaded && !page.detailPage.goals.loading, 15000,
                  "the goals did not load: " + page.detailPage.goals.unavailable);
        return page;
    }

    /// auditScreen, once what it waits for is on show: a frame is asked
    /// for first, since with nothing new to draw auditScreen's wait for one
    /// would sit out its whole timeout.
    function auditShown(screen: string, look: var): var {
        window.update();
        return auditScreen(screen, look);
    }

    /// Audits the relationship's Goals card in every look, scrolled to it.
    function auditGoalsCard(screen: string, page: var): var {
        let problems = [];
        for (const look of looks) {
            apply(look);
            page.view = "detail";
            tryVerify(() => item("goalsCard") !== null && item("goalsCard").visible, 5000, "no Goals card");
            const flick = item("relationshipDetailFlick");
            const y = item("goalsCard").mapToItem(flick.contentItem, 0, 0).y;
            flick.contentY = Math.max(0, Math.min(y - 16, flick.contentHeight - flick.height));
            wait(150);
            problems = problems.concat(auditShown(screen, look));
        }
        return problems;
    }

    /// In every look: presses `button` (a name, on the relationship's
    /// page), waits for `view`, audits it as `screen`, takes each of
    /// `steps` ({name, act}) and audits again, then goes back to the detail.
    function auditFromRelationship(screen: string, page: var, button: string, view: string, steps: var): var {
        let problems = [];
        for (const look of looks) {
            apply(look);
            page.view = "detail";
            tryVerify(() => item(button) !== null && item(button).visible && item(button).enabled, 5000, "no " + button);
            item(button).clicked();
            tryVerify(() => page.view === view, 5000, screen + " did not open");
            wait(150);
            problems = problems.concat(auditShown(screen, look));
            for (const step of steps) {
                step.act();
                wait(150);
                problems = problems.concat(auditShown(screen + "-" + step.name, look));
            }
            page.navigateBack();
        }
        return problems;
    }

    // The goals pages of a coaching relationship made here (the coach
    // accepts a request from the Inbox; its coachee signs in with the demo
    // password): the Goals card at each stage, the goal form (also as
    // refused), a goal's detail (also closing it), the review (also as
    // refused), the evaluation once the coach completes the coaching (also
    // as refused); and the coordinators' evaluation questions with their
    // preview.
    function test_goals() {
        // The coach accepts a coaching request, sets the terms and agrees.
        signIn("coach@demo.tandem.example");
        const inbox = Qt.createQmlObject("import Tandem; InboxModel {}", testCase);
        tryVerify(() => !inbox.loading && inbox.count > 0, 15000, "nothing in the coach's Inbox");
        let row = -1;
        for (let i = 0; i < inbox.count && row < 0; ++i) {
            if (inbox.get(i).kind === "coaching")
                row = i;
        }
        verify(row >= 0, "no coaching request in the coach's Inbox");
        const coachee = { name: inbox.get(row).coacheeName, id: inbox.get(row).coacheeId, email: "" };
        const before = inbox.count;
        inbox.accept(row);
        tryVerify(() => !inbox.busy && inbox.count < before, 15000, "not accepted");
        inbox.destroy();
        const list = Qt.createQmlObject("import Tandem; RelationshipListModel {}", testCase);
        tryVerify(() => !list.loading && list.count > 0, 15000);
        let relationshipId = 0;
        for (let i = 0; i < list.count; ++i) {
            if (list.get(i).otherName === coachee.name && list.get(i).state === "contracting")
                relationshipId = list.get(i).id;
        }
        list.destroy();
        verify(relationshipId > 0, "no relationship with " + coachee.name);
        let page = openRelationship("coach@demo.tandem.example", relationshipId);
        const terms = Qt.createQmlObject("import Tandem; ContractTermsForm {}", testCase);
        terms.start(page.detailPage.detail.relationship, false);
        terms.submit();
        tryVerify(() => !terms.busy, 15000);
        compare(terms.errorMessage, "");
        terms.destroy();
        page.detailPage.detail.reload();
        tryVerify(() => page.detailPage.detail.relationship.termsSet === true, 15000);
        page.detailPage.detail.agree(true, true, "");
        tryVerify(() => page.detailPage.detail.relationship.youAgreed === true, 15000, page.detailPage.errorText);
        let problems = auditGoalsCard("coach-goals-contracting", page);

        // The coordinator: the coachee's email, and the evaluation questions.
        Session.signOut();
        signIn("coordinator@demo.tandem.example");
        const accounts = Qt.createQmlObject("import Tandem; AccountListModel {}", testCase);
        accounts.query = coachee.name;
        tryVerify(() => !accounts.loading && accounts.count > 0, 15000, "no account named " + coachee.name);
        for (let i = 0; i < accounts.count; ++i) {
            if (accounts.get(i).accountId === coachee.id)
                coachee.email = accounts.get(i).email;
        }
        accounts.destroy();
        verify(coachee.email.length > 0, "no email for " + coachee.name);
        const shell = item("appShell");
        for (const look of looks) {
            apply(look);
            shell.currentPage = "questions";
            tryVerify(() => item("evaluationQuestionsPage") !== null && item("evaluationQuestionsPage").visible, 10000,
                      "the evaluation questions did not show");
            const questions = item("evaluationQuestionsPage");
            tryVerify(() => !questions.form.loading && questions.form.questions.length > 0, 15000,
                      "no questions: " + questions.form.errorMessage);
            questions.previewing = false;
            wait(150);
            problems = problems.concat(auditShown("coordinator-questions", look));
            item("questionsView-preview").clicked();
            tryVerify(() => item("questionsPreview").visible, 5000, "no preview");
            wait(150);
            problems = problems.concat(auditShown("coordinator-questions-preview", look));
            item("questionsView-edit").clicked();
            shell.currentPage = "home";
        }

        // The coachee, before any goal: the card, the goal form, refused.
        page = openRelationship(coachee.email, relationshipId);
        problems = problems.concat(auditGoalsCard("coachee-goals-contracting", page));
        problems = problems.concat(auditFromRelationship("coachee-goal-form", page, "agreeSetGoalButton", "goalForm", [
            { name: "refused", act: () => {
                item("saveGoalButton").clicked();
                tryVerify(() => item("goalErrorSummary").visible, 5000, "an empty goal was not refused");
            } }]));
        // Sets one and agrees.
        page.view = "detail";
        item("agreeSetGoalButton").clicked();
        tryVerify(() => page.view === "goalForm", 5000);
        item("goalWhatField").text = "Lead the morning huddle with confidence";
        item("goalMeasureField").text = "I run it three days in a row without notes";
        item("startingRating-3").clicked();
        item("saveGoalButton").clicked();
        tryVerify(() => page.view === "detail" && page.detailPage.goals.openGoalCount === 1, 15000,
                  "the goal did not save: " + page.goalFormPage.form.errorMessage);
        page.detailPage.detail.agree(true, true, "yes");
        tryVerify(() => page.detailPage.detail.relationship.state === "active", 15000, page.detailPage.errorText);
        tryVerify(() => !page.detailPage.goals.loading, 15000);
        problems = problems.concat(auditFromRelationship("coachee-goal-detail", page, "openGoal-0", "goal", [
            { name: "dropping", act: () => {
                findChild(item("goalDetailPage"), "closeGoal-dropped").clicked();
                tryVerify(() => item("dropReasonField").visible, 5000, "no reason to drop the goal");
            } }]));
        page.goalDetailPage.closeForm.state = "";

        // The coach asks for a review.
        page = openRelationship("coach@demo.tandem.example", relationshipId);
        page.detailPage.goals.requestReview();
        tryVerify(() => page.detailPage.goals.reviewDue, 15000, "the review was not asked for: " + page.detailPage.errorText);

        // The coachee: the card with the review due, the review, refused; then sends it.
        page = openRelationship(coachee.email, relationshipId);
        tryVerify(() => page.detailPage.goals.reviewDue, 15000, "no review due");
        problems = problems.concat(auditGoalsCard("coachee-goals-review-due", page));
        problems = problems.concat(auditFromRelationship("coachee-review-form", page, "startReviewButton", "review", [
            { name: "refused", act: () => {
                item("submitReviewButton").clicked();
                tryVerify(() => item("reviewErrorSummary").visible, 5000, "an unrated review was not refused");
            } }]));
        page.view = "detail";
        item("startReviewButton").clicked();
        tryVerify(() => page.view === "review", 5000);
        item("reviewRating-0-6").clicked();
        page.reviewFormPage.form.helped = "Practising at handover";
        item("submitReviewButton").clicked();
        tryVerify(() => page.view === "detail" && SyncQueue.count === 0 && page.detailPage.goals.reviews.length === 1, 15000,
                  "the review was not sent: " + page.reviewFormPage.form.errorMessage + SyncQueue.lastError);

        // The coach: the card with the review and the comment box; comments and completes.
        page = openRelationship("coach@demo.tandem.example", relationshipId);
        item("commentButton-0").clicked();
        problems = problems.concat(auditGoalsCard("coach-goals-commenting", page));
        item("goalsCard").commentForm.comment = "Real progress: well done.";
        item("sendCommentButton-0").clicked();
        tryVerify(() => page.detailPage.goals.reviews.length === 1 && page.detailPage.goals.reviews[0].hasComment, 15000,
                  "the comment did not save");
        page.detailPage.detail.complete();
        tryVerify(() => page.detailPage.detail.relationship.state === "completed", 15000, page.detailPage.errorText);

        // The coachee: the card with the chart, the evaluation, refused.
        page = openRelationship(coachee.email, relationshipId);
        tryVerify(() => page.detailPage.goals.hasEvaluation, 15000, "no evaluation after completing");
        problems = problems.concat(auditGoalsCard("coachee-goals-completed", page));
        problems = problems.concat(auditFromRelationship("coachee-evaluation", page, "startEvaluationButton", "evaluation", [
            { name: "refused", act: () => {
                item("submitEvaluationButton").clicked();
                tryVerify(() => item("evaluationErrorSummary").visible, 5000, "an empty evaluation was not refused");
            } }]));
        verifyNone("goals", problems);
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
