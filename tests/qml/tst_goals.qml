import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// Goals, reviews and the end evaluation with the real Main.qml against the
// real server. The coach accepts a coaching request and sets the terms;
// the coachee cannot agree until they set a goal, sets one and agrees; the
// coach sees the goal and asks for a review; the coachee completes it with
// no connection and it reaches the server once; the coach comments and
// completes the relationship; the coachee answers the evaluation. A
// coordinator edits the evaluation questions and previews them.
// Screenshots at 390×844 and 1280×800 of each step.
TestCase {
    id: testCase

    property var window: null
    readonly property string coach: "coach@demo.tandem.example"
    readonly property string coordinator: "coordinator@demo.tandem.example"
    /// The coachee of the relationship made in initTestCase: {name, id, email}.
    property var coachee: null
    property double relationshipId: 0

    name: "Goals"
    when: windowShown
    width: 1280
    height: 800

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
        Session.signIn(TestEnv.serverAddress, coach, "demo-password-1");
        tryVerify(() => Session.signedIn, 30000, Session.errorMessage);
        const inbox = Qt.createQmlObject("import Tandem; InboxModel {}", testCase);
        tryVerify(() => !inbox.loading && inbox.count > 0, 15000, "the coach has no requests");
        // A coaching request, so that a goal is needed before agreeing.
        let row = 0;
        for (let i = 0; i < inbox.count; ++i) {
            if (inbox.get(i).kind === "coaching") {
                row = i;
                break;
            }
        }
        coachee = { name: inbox.get(row).coacheeName, id: inbox.get(row).coacheeId };
        const before = inbox.count;
        inbox.accept(row);
        tryVerify(() => !inbox.busy && inbox.count < before, 15000);
        inbox.destroy();
        const list = Qt.createQmlObject("import Tandem; RelationshipListModel {}", testCase);
        tryVerify(() => !list.loading && list.count > 0, 15000);
        for (let i = 0; i < list.count; ++i) {
            if (list.get(i).otherName === coachee.name)
                relationshipId = list.get(i).id;
        }
        list.destroy();
        verify(relationshipId > 0, "no relationship with " + coachee.name);
        Session.signOut();
        // The coachee's email, as a coordinator sees it.
        Session.signIn(TestEnv.serverAddress, coordinator, "demo-password-1");
        tryVerify(() => Session.signedIn, 30000, Session.errorMessage);
        const accounts = Qt.createQmlObject("import Tandem; AccountListModel {}", testCase);
        accounts.query = coachee.name;
        tryVerify(() => !accounts.loading && accounts.count > 0, 15000, "no account named " + coachee.name);
        for (let i = 0; i < accounts.count; ++i) {
            if (accounts.get(i).accountId === coachee.id)
                coachee.email = accounts.get(i).email;
        }
        accounts.destroy();
        verify((coachee.email || "").length > 0, "no email for " + coachee.name);
        Session.signOut();
    }

    function init() {
        Session.signOut();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        setSize(390, 844);
    }

    function cleanup() {
        if (!TestEnv.serverRunning)
            TestEnv.startServer();
        Session.signOut();
        Session.clearError();
    }

    function item(name: string): var {
        return findChild(window.contentItem, name);
    }

    function setSize(w: int, h: int) {
        window.width = w;
        window.height = h;
        waitForRendering(window.contentItem, 500);
        wait(50);
    }

    /// Saves the window at phone and desktop size as `name`-phone/desktop.png.
    function screenshots(name: string) {
        for (const size of [[390, 844, "phone"], [1280, 800, "desktop"]]) {
            setSize(size[0], size[1]);
            wait(150);
            waitForRendering(window.contentItem, 500);
            grabImage(window.contentItem).save(TestEnv.screenshotDir + "/goals-" + name + "-" + size[2] + ".png");
        }
        setSize(390, 844);
    }

    /// Scrolls the relationship page so that `target` is at the top.
    function scrollTo(target: var) {
        const flick = item("relationshipDetailFlick");
        const y = target.mapToItem(flick.contentItem, 0, 0).y;
        flick.contentY = Math.max(0, Math.min(y - 16, flick.contentHeight - flick.height));
        wait(50);
    }

    function signIn(email: string) {
        Session.signOut();
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

    function press(target: var) {
        const control = typeof target === "string" ? item(target) : target;
        verify(control !== null && control !== undefined, "no " + target);
        verify(control.visible, target + " is not on show");
        verify(control.enabled, target + " is disabled");
        control.clicked();
    }

    /// Opens the relationship of this test; returns the page of relationships.
    function openRelationship(): var {
        Navigation.showPage(testCase, window, "relationships");
        const page = item("relationshipsPage");
        page.relationships.reload();
        tryVerify(() => !page.relationships.loading && page.relationships.rowOf(relationshipId) >= 0, 15000,
                  "the relationship is not listed");
        page.openRelationship(relationshipId);
        const detail = page.detailPage.detail;
        tryVerify(() => detail.exists && !detail.loading && detail.relationship.id === relationshipId, 15000,
                  "the relationship did not load: " + detail.errorMessage);
        tryVerify(() => page.detailPage.goals.loaded, 15000, "the goals did not load: " + page.detailPage.goals.unavailable);
        return page;
    }

    function syncUntil(done: var, message: string) {
        tryVerify(() => {
            if (!SyncQueue.syncing && SyncQueue.waitingCount > 0)
                SyncQueue.syncNow();
            return done();
        }, 30000, message + ": " + SyncQueue.lastError);
    }

    function test_1_goalsFromContractToEvaluation() {
        // The coach sets the terms and agrees.
        signIn(coach);
        let page = openRelationship();
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

        // The coachee can't agree with no goal, and is told so.
        signIn(coachee.email);
        page = openRelationship();
        tryVerify(() => item("agreeNeedsGoal") !== null && item("agreeNeedsGoal").visible, 15000,
                  "the coachee is not told that a goal comes first");
        verify(!item("agreeButton").enabled, "the agreement can be sent with no goal");
        verify(item("goalsNeededNotice").visible);
        scrollTo(item("goalsCard"));
        screenshots("contract-needs-a-goal");

        // …sets one…
        press("agreeSetGoalButton");
        tryVerify(() => page.view === "goalForm", 5000);
        press("saveGoalButton");
        tryVerify(() => item("goalErrorSummary").visible, 5000, "an empty goal was not refused");
        screenshots("goal-form-refused");
        const goalForm = page.goalFormPage.form;
        goalForm.what = "Lead the morning huddle with confidence";
        goalForm.measure = "I run it three days in a row without notes";
        press("startingRating-3");
        press("saveGoalButton");
        tryVerify(() => page.view === "detail" && page.detailPage.goals.openGoalCount === 1, 15000,
                  "the goal did not save: " + goalForm.errorMessage);

        // …and agrees.
        tryVerify(() => item("agreeButton").enabled, 5000);
        item("confidentialityCheck").checked = true;
        item("ethicsCheck").checked = true;
        press("lineManager-yes");
        press("agreeButton");
        tryVerify(() => page.detailPage.detail.relationship.state === "active", 15000,
                  "the coachee could not agree: " + page.detailPage.errorText);

        // The coach sees the goal and asks for a review.
        signIn(coach);
        page = openRelationship();
        compare(page.detailPage.goals.goals.length, 1);
        compare(page.detailPage.goals.goals[0].what, "Lead the morning huddle with confidence");
        press("requestReviewButton");
        tryVerify(() => page.detailPage.goals.reviewDue, 15000, "the review was not asked for: " + page.detailPage.errorText);

        // The coachee sees it due on Home and completes it with no connection.
        signIn(coachee.email);
        const due = item("dueCard") ? item("dueCard").due : null;
        tryVerify(() => due !== null && !due.loading && due.yoursCount > 0, 15000,
                  "nothing due on Home: " + (due ? JSON.stringify(due.items) : "no list"));
        verify(item("dueEntryLoader").visible, "Home does not show what is due");
        verify(item("dueItem-0").visible);
        screenshots("home-due");
        page = openRelationship();
        scrollTo(item("goalsCard"));
        screenshots("goals-review-due");
        press("startReviewButton");
        tryVerify(() => page.view === "review", 5000);
        verify(TestEnv.stopServer(), "the server did not stop");
        press("submitReviewButton");
        tryVerify(() => item("reviewErrorSummary").visible, 5000, "an unrated review was not refused");
        press("reviewRating-0-6");
        page.reviewFormPage.form.helped = "Practising at handover";
        screenshots("review-form");
        press("submitReviewButton");
        tryVerify(() => page.view === "detail" && SyncQueue.waitingCount === 1, 20000, "the review did not wait on the device");
        verify(TestEnv.startServer(), "the server did not start again");
        syncUntil(() => SyncQueue.count === 0, "the review was not sent");
        const fresh = Qt.createQmlObject("import Tandem; GoalPlan {}", testCase);
        fresh.relationshipId = relationshipId;
        tryVerify(() => fresh.loaded && !fresh.loading, 15000);
        compare(fresh.reviews.length, 1, "the review reached the server once");
        compare(fresh.goals[0].latestRating, 6);
        fresh.destroy();

        // The coachee rewords the goal (the earlier wording stays in its
        // history), adds a second and drops it with a reason.
        page = openRelationship();
        press("openGoal-0");
        tryVerify(() => page.view === "goal", 5000);
        press("rewordGoalButton");
        tryVerify(() => page.view === "goalForm" && page.goalFormPage.form.rewording, 5000);
        compare(page.goalFormPage.form.what, "Lead the morning huddle with confidence");
        page.goalFormPage.form.what = "Lead the morning huddle calmly and with confidence";
        press("saveGoalButton");
        tryVerify(() => page.view === "detail" && (page.detailPage.goals.goals[0].earlier || []).length === 1, 15000,
                  "the goal was not reworded");
        press("openGoal-0");
        tryVerify(() => page.view === "goal", 5000);
        compare(page.goalDetailPage.goal.what, "Lead the morning huddle calmly and with confidence");
        compare(page.goalDetailPage.goal.earlier[0].what, "Lead the morning huddle with confidence");
        verify(item("goalDetailChart").visible);
        screenshots("goal-detail");
        press("goalDetailBack");
        tryVerify(() => page.view === "detail", 5000);
        // No review is due now: the card's own "Add a goal".
        press("addGoalButton");
        tryVerify(() => page.view === "goalForm" && !page.goalFormPage.form.rewording, 5000);
        page.goalFormPage.form.what = "Take my breaks on long shifts";
        page.goalFormPage.form.measure = "I take both breaks on four shifts in five";
        press("startingRating-2");
        press("saveGoalButton");
        tryVerify(() => page.view === "detail" && page.detailPage.goals.goals.length === 2, 15000,
                  "the second goal did not save: " + page.goalFormPage.form.errorMessage);
        press("openGoal-1");
        tryVerify(() => page.view === "goal", 5000);
        press("closeGoal-dropped");
        press("closeGoalButton");
        tryVerify(() => (page.goalDetailPage.closeForm.fieldErrors.reason || "").length > 0, 5000,
                  "a goal was dropped with no reason");
        page.goalDetailPage.closeForm.reason = "The rota changed and breaks are now fixed";
        press("closeGoalButton");
        tryVerify(() => page.detailPage.goals.goals.length === 2 && page.detailPage.goals.goals[1].state === "dropped",
                  15000, "the goal was not dropped: " + page.goalDetailPage.closeForm.errorMessage);
        compare(page.detailPage.goals.openGoalCount, 1);

        // The coach comments and completes the coaching.
        signIn(coach);
        page = openRelationship();
        press("commentButton-0");
        item("goalsCard").commentForm.comment = "Real progress: well done.";
        press("sendCommentButton-0");
        tryVerify(() => page.detailPage.goals.reviews.length === 1 && page.detailPage.goals.reviews[0].hasComment, 15000,
                  "the comment did not save");
        page.detailPage.detail.complete();
        tryVerify(() => page.detailPage.detail.relationship.state === "completed", 15000, page.detailPage.errorText);

        // The coachee sees the chart and answers the evaluation.
        signIn(coachee.email);
        page = openRelationship();
        tryVerify(() => page.detailPage.goals.hasEvaluation, 15000, "no evaluation after completing");
        scrollTo(item("goalsCard"));
        verify(item("goalChart-0").visible);
        screenshots("goals-chart");
        press("startEvaluationButton");
        tryVerify(() => page.view === "evaluation", 5000);
        const evaluation = page.evaluationPage.form;
        press("submitEvaluationButton");
        tryVerify(() => item("evaluationErrorSummary").visible, 5000, "an empty evaluation was not refused");
        screenshots("evaluation-refused");
        const goalId = evaluation.goals[0].id;
        evaluation.setGoalRating(goalId, 8);
        evaluation.setGoalOutcome(goalId, "partly");
        for (let i = 0; i < evaluation.questions.length; ++i) {
            const question = evaluation.questions[i];
            if (question.type === "text") {
                evaluation.setText(i, "I speak up in huddles now.");
                evaluation.setShare(i, true);
            } else {
                evaluation.setChoice(i, 1);
            }
        }
        screenshots("evaluation");
        press("submitEvaluationButton");
        tryVerify(() => page.view === "detail" && page.detailPage.goals.evaluated, 15000,
                  "the evaluation was not saved: " + evaluation.errorMessage);
        scrollTo(item("goalsCard"));
        screenshots("evaluated");

        // The follow-up's page as it will look in six months: opened early
        // here, the server says when it opens, and nothing waits to sync.
        page.detailPage.followUpRequested(page.detailPage.relationship);
        tryVerify(() => page.view === "followUp", 5000);
        const followUp = page.followUpPage.form;
        followUp.rating = 7;
        followUp.answer = "I still plan my week on Mondays.";
        screenshots("follow-up");
        press("submitFollowUpButton");
        tryVerify(() => !followUp.busy && followUp.errorMessage.indexOf("six months") >= 0, 15000,
                  "the server did not say the follow-up is not open yet");
        compare(SyncQueue.count, 0);
        screenshots("follow-up-not-yet");
    }

    function test_2_questionEditor() {
        signIn(coordinator);
        setSize(1280, 800);
        Navigation.showPage(testCase, window, "questions");
        const page = item("evaluationQuestionsPage");
        verify(page !== null);
        tryVerify(() => !page.form.loading && page.form.questions.length > 0, 15000,
                  "no questions: " + page.form.errorMessage);
        screenshots("question-editor");
        const before = page.form.questions.length;
        press("addQuestionButton");
        compare(page.form.questions.length, before + 1);
        press("saveQuestionsButton");
        tryVerify(() => item("questionsErrorSummary").visible, 5000, "a question with no wording was not refused");
        page.form.setWording(before, "How confident do you feel in your role now?");
        press("questionsView-preview");
        tryVerify(() => item("questionsPreview").visible, 5000);
        screenshots("question-preview");
        press("questionsView-edit");
        press("saveQuestionsButton");
        tryVerify(() => page.notice.length > 0, 15000, "the questions did not save: " + page.form.errorMessage);
        verify(page.form.versionLabel.indexOf("Version 1") === 0, page.form.versionLabel);
    }

    Component {
        id: mainComponent
        Main {}
    }
}
