import QtQuick
import QtTest
import Tandem
import TandemTest
import "navigation.js" as Navigation

// The notification centre with the real Main.qml against the real server.
// A new member of staff sees the empty centre. The demo coach, signed in
// with the count on show, gets a request made by someone else over gRPC:
// it arrives live and the count rises with no reload; they open the centre
// from the bell, tap it, land on their Inbox, and it is read (also on the
// server). The server is restarted under them: the stream comes back by
// itself, and what was made meanwhile arrives once. They choose a kind to
// come by email and quiet hours, are refused the same time for both ends,
// save, and after signing in again it is all kept. Screenshots at 390×844
// and 1280×800 of the centre (empty and with items), the badge, the
// centre while the server is away and the settings.
TestCase {
    id: testCase

    readonly property string password: "notify-password-1"
    property var window: null

    name: "Notifications"
    when: windowShown
    width: 1280
    height: 800

    function initTestCase() {
        verify(TestEnv.serverAddress.length > 0, "tandem-server did not start: " + TestEnv.serverError);
    }

    function init() {
        Session.signOut();
        window = createTemporaryObject(mainComponent, testCase);
        verify(window !== null, "Main.qml did not load");
        setSize(390, 844);
    }

    function cleanup() {
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

    function shot(name: string) {
        wait(150);
        waitForRendering(window.contentItem, 500);
        const size = window.width < Theme.compactWidth ? "phone" : "desktop";
        grabImage(window.contentItem).save(TestEnv.screenshotDir + "/notifications-" + name + "-" + size + ".png");
    }

    /// A screenshot at each size, `before` run at each first.
    function screenshots(name: string, before: var) {
        for (const size of [[390, 844], [1280, 800]]) {
            setSize(size[0], size[1]);
            if (before)
                before();
            shot(name);
        }
        setSize(390, 844);
    }

    function signIn(email: string, secret: string) {
        tryVerify(() => item("signInPage") !== null, 5000);
        item("serverAddressField").text = TestEnv.serverAddress;
        item("emailField").text = email;
        item("passwordField").text = secret;
        mouseClick(item("signInButton"));
        tryVerify(() => {
            if (window.screen !== "app" && !Session.busy && Session.errorMessage.indexOf("Can't reach") === 0)
                mouseClick(item("signInButton"));
            return window.screen === "app" && item("appShell") !== null;
        }, 30000, email + " did not get in");
    }

    /// Opens the centre as a person would: the bell on a phone, the side
    /// navigation on a desktop.
    function openCentre() {
        const shell = item("appShell");
        if (shell.currentPage === "notifications") {
            // Already there.
        } else if (window.compact) {
            tryVerify(() => item("notificationBell") !== null && item("notificationBell").visible, 5000, "no bell");
            waitForRendering(window.contentItem, 500);
            mouseClick(item("notificationBell"));
            tryVerify(() => shell.currentPage === "notifications", 5000, "the bell did not open the centre");
        } else {
            Navigation.showPage(testCase, window, "notifications");
        }
        tryVerify(() => item("notificationsPage") !== null && item("notificationsPage").visible, 5000);
    }

    /// Scrolls the flickable holding `target` so that it is at the top.
    function scrollTo(target: var) {
        let flick = target.parent;
        while (flick && flick.contentY === undefined)
            flick = flick.parent;
        if (!flick)
            return;
        const y = target.mapToItem(flick.contentItem, 0, 0).y;
        flick.contentY = Math.max(0, Math.min(y - 16, flick.contentHeight - flick.height));
        wait(50);
    }

    /// The centre's sequences, newest first.
    function sequences(): var {
        const list = [];
        for (let i = 0; i < NotificationCentre.count; ++i)
            list.push(NotificationCentre.get(i).sequence);
        return list;
    }

    /// Each sequence once, newest first.
    function verifyInOrderOnce() {
        const list = sequences();
        for (let i = 1; i < list.length; ++i)
            verify(list[i - 1] > list[i], "out of order or twice: " + list.join(", "));
    }

    function test_1_theEmptyCentreSaysWhatWillShow() {
        compare(TestEnv.makeAccount("robin.new@demo.tandem.example", "Robin New", password), "");
        signIn("robin.new@demo.tandem.example", password);
        tryVerify(() => NotificationCentre.loaded, 15000, "the centre did not load: " + NotificationCentre.errorMessage);
        compare(NotificationCentre.count, 0);
        compare(NotificationCentre.unreadCount, 0);
        // No badge while nothing is new.
        verify(!item("notificationBadge").visible);
        openCentre();
        const empty = item("notificationsEmpty");
        verify(empty.visible, "no empty state");
        verify(empty.subtitle.indexOf("When someone sends you a request") === 0, empty.subtitle);
        verify(!item("markAllRead").visible);
        screenshots("empty", () => item("appShell").openNotifications());
    }

    function test_2_aRequestArrivesLiveAndOpensTheInbox() {
        signIn("coach@demo.tandem.example", "demo-password-1");
        const shell = item("appShell");
        tryVerify(() => NotificationCentre.loaded && NotificationCentre.live, 20000,
                  "the centre did not load and go live: " + NotificationCentre.errorMessage);
        // The demo coach was told of the requests waiting in their inbox.
        verify(NotificationCentre.count > 0, "nothing for the demo coach");
        const before = NotificationCentre.unreadCount;
        const beforeCount = NotificationCentre.count;
        verify(before > 0, "nothing new for the demo coach");
        // The count on show: the bell's badge on a phone, the side
        // navigation on a desktop.
        tryVerify(() => item("notificationBadge").visible);
        compare(item("notificationBadge").count, before);
        verify(item("notificationBell").Accessible.name.indexOf(String(before)) > 0, item("notificationBell").Accessible.name);
        screenshots("badge-before");

        // Someone else asks the coach for coaching, through the server.
        const loads = loadSpy.count;
        compare(TestEnv.makeAccount("sam.asks@demo.tandem.example", "Sam Asks", password), "");
        compare(TestEnv.requestCoaching("sam.asks@demo.tandem.example", password, Session.accountId), "");
        tryVerify(() => NotificationCentre.unreadCount === before + 1, 15000, "the count did not rise");
        compare(item("notificationBadge").count, before + 1);
        compare(NotificationCentre.count, beforeCount + 1);
        // It came over the stream, not by loading the list again.
        compare(loadSpy.count, loads, "the list was loaded again");
        verify(arrivedSpy.count > 0, "nothing arrived over the stream");
        const newest = NotificationCentre.get(0);
        compare(newest.kind, "request_received");
        compare(newest.read, false);
        compare(newest.screen, "inbox");
        // Home's inbox count follows too.
        tryVerify(() => item("appShell").badges.inbox === 3, 10000, "the inbox badge did not follow");
        verify(newest.title.length > 0 && newest.when.length > 0, JSON.stringify(newest));
        verifyInOrderOnce();
        screenshots("badge-after");

        // From the bell: the centre, with the new one on top.
        openCentre();
        const first = item("notification-0");
        tryVerify(() => first !== null && first.visible && first.height >= 48, 5000, "no first row");
        verify(first.Accessible.name.indexOf(newest.title) >= 0, first.Accessible.name);
        verify(first.Accessible.name.indexOf("New") === 0, "an unread row does not say so: " + first.Accessible.name);
        screenshots("centre", () => shell.openNotifications());
        openCentre();

        // Tap it: the Inbox, and it is read.
        const sequence = newest.sequence;
        mouseClick(item("notification-0"));
        tryVerify(() => shell.currentPage === "inbox", 5000, "the notification did not open the inbox");
        tryVerify(() => item("inboxPage") !== null && !item("inboxPage").inbox.loading
                        && item("inboxPage").inbox.count === 3, 10000, "the new request is not in the inbox");
        compare(NotificationCentre.get(0).read, true);
        tryVerify(() => NotificationCentre.unreadCount === before, 10000, "the count did not fall");
        // Read on the server too: the list as loaded afresh says so.
        NotificationCentre.reload();
        tryVerify(() => NotificationCentre.loaded && NotificationCentre.count > 0, 15000);
        compare(NotificationCentre.get(0).sequence, sequence);
        compare(NotificationCentre.get(0).read, true);
        compare(NotificationCentre.unreadCount, before);
        // Back from the inbox goes to the centre.
        verify(shell.goBack());
        compare(shell.currentPage, "notifications");

        // Mark all as read.
        item("markAllRead").clicked();
        compare(NotificationCentre.unreadCount, 0);
        tryVerify(() => !item("notificationBadge").visible || item("notificationBadge").count === 0);
        NotificationCentre.reload();
        tryVerify(() => NotificationCentre.loaded, 15000);
        compare(NotificationCentre.unreadCount, 0);
    }

    function test_3_theStreamComesBackAfterTheServerRestarts() {
        signIn("coach@demo.tandem.example", "demo-password-1");
        tryVerify(() => NotificationCentre.loaded && NotificationCentre.live, 20000);
        const beforeCount = NotificationCentre.count;
        const newestBefore = NotificationCentre.get(0).sequence;
        compare(TestEnv.makeAccount("kit.later@demo.tandem.example", "Kit Later", password), "");

        verify(TestEnv.stopServer(), "the server did not stop");
        tryVerify(() => !NotificationCentre.live && NotificationCentre.reconnecting, 15000,
                  "the centre did not notice the server go");
        openCentre();
        tryVerify(() => item("notificationsOffline") !== null && item("notificationsOffline").visible, 5000);
        screenshots("offline", () => item("appShell").openNotifications());
        verify(TestEnv.startServer(), "the server did not start again");

        // Made while the app may still be waiting to reconnect (the
        // server may take a moment to answer a new connection too).
        let asked = "";
        for (let tries = 0; tries < 40; ++tries) {
            asked = TestEnv.requestCoaching("kit.later@demo.tandem.example", password, Session.accountId);
            if (asked.length === 0)
                break;
            wait(500);
        }
        compare(asked, "", "could not ask for coaching");
        tryVerify(() => NotificationCentre.live, 45000, "the stream did not come back");
        // Kit's request arrives once; with anything else made meanwhile,
        // every sequence after the last one held is there, once, with no gap.
        const requestsAfter = () => {
            let n = 0;
            for (let i = 0; i < NotificationCentre.count; ++i) {
                const row = NotificationCentre.get(i);
                if (row.sequence > newestBefore && row.kind === "request_received")
                    ++n;
            }
            return n;
        };
        tryVerify(() => requestsAfter() === 1, 15000, "Kit's request did not arrive once");
        verifyInOrderOnce();
        const newest = NotificationCentre.get(0).sequence;
        compare(NotificationCentre.count, beforeCount + (newest - newestBefore),
                "a gap after " + newestBefore + ": " + sequences().join(", "));
        verify(!item("notificationsOffline").visible, "still says it cannot reach the server");
    }

    function test_4_preferencesAndQuietHoursAreKept() {
        signIn("coach@demo.tandem.example", "demo-password-1");
        Navigation.showPage(testCase, window, "account");
        const card = item("notificationSettings");
        verify(card !== null, "no notification settings on the Account page");
        tryVerify(() => card.form.loaded, 15000, "the settings did not load: " + card.form.errorMessage);
        // The test server has no mail relay, and says so.
        verify(item("noEmailNote").visible);
        verify(item("notificationGroup-requests") !== null);
        verify(item("notificationGroup-returns") !== null, "a coach has monthly returns");
        compare(item("notificationGroup-safeguarding"), null, "a coach is not told of concerns");
        scrollTo(card);
        screenshots("settings", () => scrollTo(item("notificationSettings")));

        // "A session tomorrow" by email too (off by default).
        const tomorrow = item("emailCheck-session_tomorrow");
        verify(!tomorrow.checked);
        scrollTo(tomorrow);
        mouseClick(tomorrow);
        verify(card.form.emailFor("session_tomorrow"));
        // Quiet hours, first with the same time at both ends: refused.
        scrollTo(item("quietHoursCheck"));
        mouseClick(item("quietHoursCheck"));
        verify(card.form.quietHours);
        tryVerify(() => item("quietFromSelect").visible);
        item("quietFromSelect").picked("22:00");
        item("quietToSelect").picked("22:00");
        compare(card.form.quietFrom, "22:00");
        item("saveNotificationSettings").clicked();
        const summary = item("notificationSettingsErrors");
        tryVerify(() => summary.visible, 5000, "the same start and end was not refused");
        verify(summary.Accessible.name.indexOf("quiet hours end") >= 0, summary.Accessible.name);
        screenshots("settings-refused", () => scrollTo(item("notificationSettingsErrors")));
        screenshots("settings-quiet-hours", () => scrollTo(item("quietHours")));

        item("quietToSelect").picked("06:30");
        item("saveNotificationSettings").clicked();
        tryVerify(() => item("notificationSettingsNotice").visible, 10000,
                  "not saved: " + card.form.errorMessage);
        verify(!summary.visible);
        screenshots("settings-saved", () => scrollTo(item("notificationSettingsNotice")));

        // Kept: after signing in again the page loads them as saved.
        Session.signOut();
        signIn("coach@demo.tandem.example", "demo-password-1");
        Navigation.showPage(testCase, window, "account");
        const again = item("notificationSettings");
        tryVerify(() => again.form.loaded, 15000);
        verify(again.form.emailFor("session_tomorrow"));
        verify(item("emailCheck-session_tomorrow").checked);
        verify(again.form.quietHours);
        compare(again.form.quietFrom, "22:00");
        compare(again.form.quietTo, "06:30");
        verify(item("quietHoursCheck").checked);
        compare(item("quietToSelect").currentText, "06:30");
    }

    SignalSpy {
        id: loadSpy
        target: NotificationCentre
        signalName: "loadingChanged"
    }
    SignalSpy {
        id: arrivedSpy
        target: NotificationCentre
        signalName: "arrived"
    }

    Component {
        id: mainComponent
        Main {}
    }
}
