import QtQuick
import QtTest
import Tandem
import TandemTest

// Find, as a coachee with the real Main.qml against the real server: text
// search with a filter, opening a profile, the empty state, paging.
TestCase {
    id: testCase

    property var window: null
    property var find: null
    property var search: null

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
        item("emailField").text = "coachee@demo.tandem.example";
        item("passwordField").text = "demo-password-1";
        mouseClick(item("signInButton"));
        tryVerify(() => item("sideNav-find") !== null, 30000,
                  "coachee did not get in: " + Session.errorMessage);
        // Find comes straight after Home for a coachee (and, on a desktop,
        // the notifications, which a phone reaches from its top bar).
        compare(window.screenItem.pages.filter(p => !p.topBar)[1].key, "find");
        mouseClick(item("sideNav-find"));
        tryVerify(() => item("findPage") !== null, 5000);
        find = item("findPage");
        search = find.search;
        tryVerify(() => !search.loading && search.count > 0, 15000, "nothing listed");
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

    function test_searchFilterAndOpenProfile() {
        const everyone = search.totalCount;
        verify(everyone > 20, "demo pool should fill more than a page: " + everyone);
        screenshot("find-desktop.png");

        // Typing searches after a pause; "Grace" finds the demo coach.
        const field = item("findSearch");
        field.forceActiveFocus();
        keyClick(Qt.Key_G);
        keyClick(Qt.Key_R);
        keyClick(Qt.Key_A);
        keyClick(Qt.Key_C);
        tryVerify(() => search.query === "grac" && !search.loading && search.totalCount >= 1
                  && search.totalCount < everyone, 15000, "text search did not narrow: " + search.totalCount);
        let found = -1;
        for (let i = 0; i < search.count; ++i) {
            if (search.get(i).displayName === "Grace Mwangi")
                found = i;
        }
        verify(found >= 0, "Grace Mwangi not found by a name prefix");

        // A filter on top: coaching only keeps her (she is a coach).
        search.kind = "coaching";
        tryVerify(() => !search.loading && search.totalCount >= 0, 15000);
        for (let i = 0; i < search.count; ++i)
            verify(search.get(i).kind !== "mentor", search.get(i).displayName + " is a mentor only");
        found = -1;
        for (let i = 0; i < search.count; ++i) {
            if (search.get(i).displayName === "Grace Mwangi")
                found = i;
        }
        verify(found >= 0, "Grace Mwangi lost by the coaching filter");
        compare(item("kindFilter").currentText, "Coaching");

        // Open her profile.
        const results = item("findResults");
        results.positionViewAtIndex(found, GridView.Beginning);
        waitForRendering(results);
        const card = findChild(results, "profileCard-" + found);
        verify(card !== null, "no card for the result");
        mouseClick(card);
        tryVerify(() => find.profilePage !== null, 5000);
        const detail = find.profilePage.detail;
        tryVerify(() => !detail.loading && detail.exists, 15000, "profile did not load: " + detail.errorMessage);
        compare(item("profileName").text, "Grace Mwangi");
        verify(item("profileHeadline").text.length > 0);
        verify(detail.profile.specialisms.length > 0);
        verify(detail.profile.qualifications.length > 0, "a listed coach has a verified qualification");
        screenshot("profile-desktop.png");
        setSize(390, 844);
        screenshot("profile-phone.png");
        mouseClick(item("profileBackButton"));
        tryVerify(() => find.profilePage === null, 5000);
        search.kind = "";
        field.text = "";
        search.searchNow();
        tryVerify(() => !search.loading && search.totalCount === everyone, 15000);
        screenshot("find-phone.png");

        // The phone filter sheet.
        mouseClick(item("openFiltersButton"));
        tryVerify(() => item("filterSheet").visible, 5000);
        search.acceptingOnly = true;
        tryVerify(() => !search.loading && search.totalCount >= 0, 15000);
        verify(search.totalCount < everyone, "accepting only did not narrow");
        for (let i = 0; i < search.count; ++i)
            verify(search.get(i).accepting, search.get(i).displayName + " is not accepting");
        compare(item("openFiltersButton").text, "Filters (1)");
        screenshot("find-filters-phone.png");
        mouseClick(item("closeFiltersButton"));
        tryVerify(() => !item("filterSheet").visible, 5000);
    }

    // Escape (and Android's Back, the same shortcut) goes back to Home; on
    // Home it is left to the platform, which leaves the app on Android.
    function test_escapeGoesBackAndHomeLetsItThrough() {
        const shell = window.screenItem;
        compare(shell.currentPage, "find");
        verify(shell.canGoBack);
        keyClick(Qt.Key_Escape);
        tryVerify(() => shell.currentPage === "home", 5000, "Escape did not go back to Home");
        verify(!shell.canGoBack, "Home claims the Back key");
        keyClick(Qt.Key_Escape);
        compare(shell.currentPage, "home");
        // Enter on a focused navigation item or button acts as a click.
        item("sideNav-find").forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Return);
        tryVerify(() => shell.currentPage === "find", 5000, "Enter on Find did not open it");
        setSize(390, 844);
        item("openFiltersButton").forceActiveFocus(Qt.TabFocusReason);
        verify(!find.filtersOpen);
        keyClick(Qt.Key_Return);
        tryVerify(() => find.filtersOpen, 5000, "Enter on a button did nothing");
    }

    function test_emptyStateSuggestsRelaxing() {
        search.language = "Welsh";
        search.acceptingOnly = true;
        search.query = "zzzzqqq";
        search.searchNow();
        tryVerify(() => !search.loading && search.totalCount === 0, 15000, "an impossible search matched");
        compare(search.count, 0);
        tryVerify(() => item("findEmpty").visible, 5000);
        compare(item("findEmptyHint").text, "Try removing 'Welsh' or 'Accepting only'.");
        search.clearFilters();
        search.query = "";
        search.searchNow();
        tryVerify(() => !search.loading && search.count > 0, 15000);
        verify(!item("findEmpty").visible);
    }

    function test_scrollingLoadsMore() {
        verify(search.hasMore);
        const before = search.count;
        item("findResults").positionViewAtEnd();
        tryVerify(() => search.count > before, 15000, "scrolling to the end loaded nothing");
        // No profile twice across pages.
        tryVerify(() => !search.loading, 15000);
        const seen = {};
        for (let i = 0; i < search.count; ++i) {
            const id = search.get(i).accountId;
            verify(seen[id] === undefined, "duplicate across pages: " + id + " at rows " + seen[id] + " and " + i
                   + " (" + search.get(i).displayName + ", accepting " + search.get(i).accepting + ", load "
                   + search.get(i).currentLoad + "/" + search.get(i).capacity + ")");
            seen[id] = i;
        }
    }

    name: "Find"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
