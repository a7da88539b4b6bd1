import QtQuick
import QtTest
import Tandem
import TandemTest

// The coordinator's Matching with the real Main.qml against the real server
// (demo requests are on the waiting list): the waiting list, Run matching,
// removing a pair and giving one another member, confirming and the
// outcomes, and the weights.
TestCase {
    id: testCase

    property var window: null
    property var page: null

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
        item("emailField").text = "coordinator@demo.tandem.example";
        item("passwordField").text = "demo-password-1";
        mouseClick(item("signInButton"));
        tryVerify(() => item("sideNav-matching") !== null, 30000,
                  "coordinator did not get in: " + Session.errorMessage);
        mouseClick(item("sideNav-matching"));
        tryVerify(() => item("matchingPage") !== null, 5000);
        page = item("matchingPage");
        tryVerify(() => !page.waiting.loading && page.waiting.totalCount >= 0, 15000,
                  "the waiting list did not load: " + page.errorText);
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

    function press(target: var) {
        const control = typeof target === "string" ? item(target) : target;
        verify(control !== null && control !== undefined, "no " + target);
        verify(control.visible, target + " is not on show");
        verify(control.enabled, target + " is disabled");
        control.clicked();
    }

    function test_runEditAndConfirm() {
        const waiting = page.waiting;
        verify(waiting.totalCount >= 10, "the demo waiting list has " + waiting.totalCount);
        compare(waiting.count, waiting.totalCount);
        for (let i = 1; i < waiting.count; ++i)
            verify(waiting.get(i - 1).daysWaited >= waiting.get(i).daysWaited, "not longest waiting first");
        verify(waiting.get(0).daysWaited > 0);
        compare(item("waitingCount").text, waiting.totalCount + " people waiting to be matched");
        tryVerify(() => item("waitingRow-0") !== null, 5000);
        screenshot("matching-waiting-desktop.png");
        setSize(390, 844);
        screenshot("matching-waiting-phone.png");
        setSize(1280, 800);

        // Run matching: busy while it runs, then the proposal.
        const waitingBefore = waiting.totalCount;
        const proposal = page.proposal;
        press("runMatchingButton");
        verify(proposal.loading);
        verify(item("matchingBusy").visible);
        verify(!item("runMatchingButton").enabled, "Run matching can be pressed twice");
        tryVerify(() => !proposal.loading && proposal.hasProposal, 30000, "no proposal: " + page.errorText);
        compare(page.view, "proposal");
        verify(proposal.count > 1, "too few pairs to edit: " + proposal.count);
        verify(proposal.membersConsidered > 0);
        verify(proposal.solveMillis >= 0);
        compare(proposal.totalScore, proposal.proposedTotalScore);
        compare(proposal.count + proposal.unmatched.length, waiting.totalCount);
        for (let i = 0; i < proposal.count; ++i) {
            const pair = proposal.get(i);
            verify(pair.score > 0, pair.coacheeName + " scores " + pair.score);
            verify(pair.reasons.length > 0, pair.coacheeName + " has no reasons");
            verify(pair.memberName.length > 0);
        }
        for (let i = 0; i < proposal.unmatched.length; ++i)
            verify(proposal.unmatched[i].reason.length > 0, "unmatched without a reason");
        compare(findChild(item("figure-pairs"), "figureValue").text, String(proposal.count));
        tryVerify(() => item("pairRow-0") !== null, 5000);
        screenshot("matching-proposal-desktop.png");
        setSize(390, 844);
        screenshot("matching-proposal-phone.png");
        setSize(1280, 800);

        // Remove one pair: its request stays on the waiting list.
        const pairs = proposal.count;
        const removed = proposal.get(0);
        press("removePairButton-0");
        compare(proposal.count, pairs - 1);
        compare(proposal.removedCount, 1);
        compare(proposal.rowOf(removed.requestId), -1);
        compare(proposal.totalScore, proposal.proposedTotalScore - removed.score);
        compare(item("confirmMatchesButton").text, "Confirm " + (pairs - 1) + " pairs");

        // Give another pair a different member, from its suggestions.
        const before = proposal.get(0);
        press("changeMemberButton-0");
        tryVerify(() => page.changeMemberPage !== null, 5000);
        const suggestions = page.changeMemberPage.suggestions;
        tryVerify(() => suggestions.loaded, 15000, "no suggestions for the pair");
        let other = -1;
        for (let i = 0; i < suggestions.count && other < 0; ++i) {
            if (suggestions.get(i).accountId !== before.memberId)
                other = i;
        }
        verify(other >= 0, "no one else to choose for " + before.coacheeName);
        tryVerify(() => item("pickMemberButton-" + other) !== null, 5000);
        screenshot("change-member-desktop.png");
        setSize(390, 844);
        screenshot("change-member-phone.png");
        setSize(1280, 800);
        const replacement = suggestions.get(other);
        press("pickMemberButton-" + other);
        tryVerify(() => page.changeMemberPage === null, 5000);
        const changed = proposal.get(0);
        compare(changed.requestId, before.requestId);
        compare(changed.memberId, replacement.accountId);
        compare(changed.memberName, replacement.displayName);
        compare(changed.score, replacement.score);
        verify(changed.replaced);

        // Confirm: every pair gets its outcome.
        const toConfirm = proposal.count;
        press("confirmMatchesButton");
        tryVerify(() => !proposal.confirming && proposal.confirmed, 30000, "no outcomes: " + page.errorText);
        compare(proposal.confirmedCount + proposal.refusedCount, toConfirm);
        verify(proposal.confirmedCount > 0, "nothing confirmed: " + proposal.get(0).problem);
        for (let i = 0; i < proposal.count; ++i) {
            const pair = proposal.get(i);
            verify(pair.outcome === "confirmed" || (pair.outcome === "refused" && pair.problem.length > 0),
                   pair.coacheeName + ": " + pair.outcome + " " + pair.problem);
        }
        verify(item("pairOutcome-0").visible);
        verify(item("changeMemberButton-0") === null || !item("changeMemberButton-0").visible,
               "pairs can still change after confirming");
        verify(item("matchingNotice").text.length > 0);
        screenshot("matching-outcomes-desktop.png");
        setSize(390, 844);
        screenshot("matching-outcomes-phone.png");
        setSize(1280, 800);

        // The confirmed requests have left the waiting list; the removed one
        // has not.
        tryVerify(() => !waiting.loading && waiting.totalCount === waitingBefore - proposal.confirmedCount,
                  15000, waiting.totalCount + " still waiting");
        verify(waiting.rowOf(removed.requestId) >= 0, "the removed pair's request left the waiting list");
        press("waitingTab");
        compare(page.view, "waiting");
    }

    function test_weights() {
        press("openWeightsButton");
        tryVerify(() => page.weightsPage !== null, 5000);
        const weights = page.weightsPage.weights;
        tryVerify(() => !weights.loading && weights.loaded, 15000, "weights did not load: " + weights.errorMessage);
        verify(weights.organisationId > 0);
        compare(weights.fields.length, 8);
        const themes = weights.value("themes");
        verify(themes >= 0 && themes <= 100);
        screenshot("weights-desktop.png");
        setSize(390, 844);
        screenshot("weights-phone.png");
        setSize(1280, 800);

        // Change one and save.
        const next = themes === 80 ? 70 : 80;
        weights.setValue("themes", next);
        compare(item("weight-themes").value, next);
        verify(weights.dirty);
        press("saveWeightsButton");
        tryVerify(() => !weights.saving && !weights.dirty, 15000, "not saved: " + weights.errorMessage);
        verify(item("weightsNotice").text.indexOf("Weights saved for") === 0, item("weightsNotice").text);
        weights.reload();
        tryVerify(() => !weights.loading, 15000);
        compare(weights.value("themes"), next);

        // Out of range is kept in range; all at 0 is refused before sending.
        weights.setValue("site", 250);
        compare(weights.value("site"), 100);
        const keys = weights.fields.map(f => f.key);
        for (let i = 0; i < keys.length; ++i)
            weights.setValue(keys[i], 0);
        press("saveWeightsButton");
        verify(!weights.saving);
        verify(item("weightsError").text.indexOf("at least one weight") >= 0, item("weightsError").text);
        press("revertWeightsButton");
        compare(weights.value("themes"), next);
        verify(!weights.dirty);

        press("weightsBack");
        tryVerify(() => page.weightsPage === null, 5000);
    }

    name: "Matching"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
