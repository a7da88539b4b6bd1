import QtQuick
import QtTest
import Tandem
import TandemTest

// The coordinator's Pool with the real Main.qml against the real server:
// filtering to applications, verifying a qualification, approving, the
// decline reason check, loading every page and sorting the whole pool.
TestCase {
    id: testCase

    property var window: null
    property var poolPage: null
    property var pool: null

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
        tryVerify(() => item("sideNav-pool") !== null, 30000,
                  "coordinator did not get in: " + Session.errorMessage);
        mouseClick(item("sideNav-pool"));
        tryVerify(() => item("poolPage") !== null, 5000);
        poolPage = item("poolPage");
        pool = poolPage.pool;
        tryVerify(() => !pool.loading && pool.count > 0, 15000, "empty pool");
        compare(pool.count, pool.totalCount, "the whole pool is loaded");
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

    /// The arrow on a column's header; empty when the table is not sorted by it.
    function arrow(key: string): string {
        const shown = findChild(item("sort-" + key), "sortArrow");
        verify(shown !== null, "no arrow in the " + key + " header");
        return shown.visible ? shown.text : "";
    }

    function openRow(row: int): var {
        const list = item("poolList");
        list.positionViewAtIndex(row, ListView.Beginning);
        waitForRendering(list);
        const rowItem = findChild(list, "poolRow-" + row);
        verify(rowItem !== null, "no row " + row);
        mouseClick(rowItem);
        tryVerify(() => poolPage.reviewPage !== null, 5000);
        const detail = poolPage.reviewPage.detail;
        tryVerify(() => !detail.loading && detail.exists, 15000, "member did not load: " + detail.errorMessage);
        return detail;
    }

    function test_reviewAndApproveApplication() {
        const everyone = pool.totalCount;
        // Lapsed members are in the demo pool and flagged.
        let lapsed = 0;
        for (let i = 0; i < pool.count; ++i) {
            if (pool.get(i).lapsed)
                ++lapsed;
        }
        verify(lapsed > 0, "no lapsed members among the first page");
        screenshot("pool-desktop.png");

        pool.status = "applied";
        compare(item("poolStatusFilter").currentText, "Applied");
        tryVerify(() => !pool.loading && pool.totalCount > 0, 15000, "no applications waiting");
        const applied = pool.totalCount;
        verify(applied < everyone);
        for (let i = 0; i < pool.count; ++i)
            compare(pool.get(i).status, "applied");
        const applicant = pool.get(0);

        const detail = openRow(0);
        compare(item("reviewName").text, applicant.displayName);
        // What to check before approving depends on what they offer:
        // mentors need no formal qualification.
        const review = poolPage.reviewPage;
        compare(item("reviewStatusCard").subtitle, review.appliedHint(applicant.kind));
        verify(review.appliedHint("coach").indexOf("verified coaching qualification") >= 0);
        verify(review.appliedHint("mentor").indexOf("no formal qualification") >= 0);
        verify(review.appliedHint("mentor").indexOf("verified") < 0);
        verify(review.appliedHint("coach_and_mentor").indexOf("mentoring") >= 0);
        const qualification = detail.profile.qualifications[0];
        verify(!qualification.verified, "an application's qualification starts unverified");
        verify(qualification.evidence.length > 0, "coordinators see the evidence");
        findChild(poolPage.reviewPage, "verifyButton-0").clicked();
        tryVerify(() => !detail.busy && detail.profile.qualifications[0].verified, 15000,
                  "not verified: " + detail.errorMessage);
        compare(findChild(poolPage.reviewPage, "verifyButton-0").text, "Unverify");
        screenshot("review-desktop.png");
        setSize(390, 844);
        screenshot("review-phone.png");
        setSize(1280, 800);

        mouseClick(item("approveButton"));
        tryVerify(() => !detail.busy && detail.profile.status === "approved", 15000,
                  "not approved: " + detail.errorMessage);
        verify(item("reviewNotice").text.indexOf(applicant.displayName) >= 0);

        // Back in the table, the applicant has left the Applied list.
        mouseClick(item("reviewBackButton"));
        tryVerify(() => poolPage.reviewPage === null, 5000);
        tryVerify(() => !pool.loading && pool.totalCount === applied - 1, 15000,
                  "Applied list still counts " + pool.totalCount);
        compare(pool.rowOf(applicant.accountId), -1);
    }

    function test_declineNeedsReason() {
        pool.status = "applied";
        tryVerify(() => !pool.loading && pool.totalCount > 0, 15000);
        const applied = pool.totalCount;
        const detail = openRow(0);
        item("declineReasonField").text = "no";
        mouseClick(item("declineButton"));
        compare(detail.profile.status, "applied");
        verify(item("reviewError").text.indexOf("at least 5 characters") >= 0, "no client-side check: " + item("reviewError").text);
        mouseClick(item("reviewBackButton"));
        tryVerify(() => poolPage.reviewPage === null, 5000);
        compare(pool.totalCount, applied);
    }

    function test_filtersAndSorting() {
        pool.lapsedOnly = true;
        tryVerify(() => !pool.loading && pool.totalCount >= 0, 15000);
        verify(pool.totalCount > 0, "no lapsed members");
        for (let i = 0; i < pool.count; ++i)
            verify(pool.get(i).lapsed && pool.get(i).unlistedReason.length > 0,
                   pool.get(i).displayName + " listed " + pool.get(i).listed + ": " + pool.get(i).unlistedReason);
        pool.lapsedOnly = false;
        tryVerify(() => !pool.loading && pool.count > 1, 15000);

        // By name to begin with; clicking the header reverses it.
        compare(pool.sortKey, "displayName");
        verify(pool.sortAscending);
        mouseClick(item("sort-displayName"));
        compare(pool.sortKey, "displayName");
        verify(!pool.sortAscending);
        for (let i = 1; i < pool.count; ++i)
            verify(pool.get(i - 1).displayName.localeCompare(pool.get(i).displayName) >= 0,
                   pool.get(i - 1).displayName + " before " + pool.get(i).displayName);
        setSize(390, 844);
        screenshot("pool-phone.png");
    }

    // Small pages, so that the pool takes several calls; the model fetches
    // them all by itself, and sorting then covers every row.
    function test_sortCoversWholePool() {
        const progress = [];
        const record = () => {
            if (pool.loading)
                progress.push(item("poolCount").text);
        };
        pool.countChanged.connect(record);
        pool.pageSize = 20;
        tryVerify(() => !pool.loading && pool.totalCount > 0, 15000);
        pool.countChanged.disconnect(record);
        verify(pool.totalCount > 2 * pool.pageSize, "the demo pool fits in " + pool.totalCount / pool.pageSize + " pages");
        compare(pool.count, pool.totalCount, "not every page was loaded");
        verify(!pool.hasMore);
        verify(progress.length >= 2, "pages: " + JSON.stringify(progress));
        compare(progress[0], "Loading 20 of " + pool.totalCount + "\u2026");
        compare(item("poolCount").text, pool.totalCount + " members");

        // Oldest supervision first, over every row; members without a date last.
        mouseClick(item("sort-lastSupervisionOn"));
        compare(pool.sortKey, "lastSupervisionOn");
        verify(pool.sortAscending);
        compare(arrow("lastSupervisionOn"), "\u25b2");
        compare(arrow("displayName"), "");
        let oldest = "";
        let newest = "";
        let dated = 0;
        for (let i = 0; i < pool.count; ++i) {
            const date = pool.get(i).lastSupervisionOn;
            if (date.length === 0)
                continue;
            ++dated;
            if (oldest.length === 0 || date < oldest)
                oldest = date;
            if (date > newest)
                newest = date;
        }
        verify(dated > 2 * pool.pageSize, "only " + dated + " dated rows");
        compare(pool.get(0).lastSupervisionOn, oldest);
        for (let i = 1; i < pool.count; ++i) {
            const before = pool.get(i - 1).lastSupervisionOn;
            const after = pool.get(i).lastSupervisionOn;
            verify(after.length === 0 || (before.length > 0 && before <= after),
                   "row " + i + ": " + before + " then " + after);
        }
        screenshot("pool-sorted-desktop.png");

        // Again: newest first, undated still last.
        mouseClick(item("sort-lastSupervisionOn"));
        verify(!pool.sortAscending);
        compare(arrow("lastSupervisionOn"), "\u25bc");
        compare(pool.get(0).lastSupervisionOn, newest);
        compare(pool.get(dated - 1).lastSupervisionOn, oldest);

        // The order holds for pages that arrive after a sort, and a filter
        // change mid-load drops the old filter's pages.
        pool.pageSize = 10;
        pool.status = "approved";
        tryVerify(() => !pool.loading && pool.totalCount > 0, 15000);
        compare(pool.count, pool.totalCount);
        compare(pool.sortKey, "lastSupervisionOn");
        for (let i = 0; i < pool.count; ++i)
            compare(pool.get(i).status, "approved");
        for (let i = 1; i < pool.count; ++i) {
            const before = pool.get(i - 1).lastSupervisionOn;
            const after = pool.get(i).lastSupervisionOn;
            verify(after.length === 0 || (before.length > 0 && before >= after),
                   "row " + i + ": " + before + " then " + after);
        }
    }

    name: "Pool"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
