import QtQuick
import QtTest
import Tandem
import TandemTest

// Monthly returns and the programme's figures with the real Main.qml
// against the real server (demo data with a year of history). A coach sees
// last month's return due on Home, opens it, adds hours and a theme and a
// new theme, confirms it, then corrects it with a reason; exports their
// hours log. A coordinator opens the figures, changes the period and the
// scope, and exports CSV and the PDF report. Screenshots at 390×844 and
// 1280×800 of each.
TestCase {
    id: testCase

    property var window: null

    name: "Activity"
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

    function screenshots(name: string, before: var) {
        for (const size of [[390, 844, "phone"], [1280, 800, "desktop"]]) {
            setSize(size[0], size[1]);
            if (before)
                before();
            wait(150);
            waitForRendering(window.contentItem, 500);
            grabImage(window.contentItem).save(TestEnv.screenshotDir + "/activity-" + name + "-" + size[2] + ".png");
        }
        setSize(390, 844);
    }

    function signIn(email: string) {
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

    function test_1_aCoachConfirmsAReturnWithATheme() {
        signIn("coach@demo.tandem.example");
        // Home: last month's return waits (the demo coach has been in the
        // pool for over a year and has confirmed none).
        tryVerify(() => item("returnsCard") !== null && item("returnsCard").visible, 20000,
                  "no return due on Home");
        screenshots("home-return-due");
        press("openReturn");
        tryVerify(() => item("monthlyReturnPage") !== null, 15000, "the return did not open");
        const form = item("monthlyReturnPage").form;
        tryVerify(() => form.loaded, 15000, "the return did not load: " + form.errorMessage);
        compare(form.amending, false);
        verify(form.monthlyReturn.state === "due" || form.monthlyReturn.state === "overdue",
               "state " + form.monthlyReturn.state);
        screenshots("return-form");

        // Two hours of group coaching outside Tandem, a theme, a new theme.
        press("addHours");
        tryVerify(() => form.added.length === 1, 2000);
        press("theme-wellbeing");
        tryVerify(() => form.hasTheme("wellbeing"), 2000);
        item("newTheme").text = "Winter pressures";
        compare(form.newTheme, "Winter pressures");
        scrollTo(item("submitReturn"));
        screenshots("return-filled", () => scrollTo(item("submitReturn")));
        press("submitReturn");
        tryVerify(() => form.amending, 15000, "not confirmed: " + form.errorMessage);
        compare(form.monthlyReturn.current.version, 1);
        compare(form.monthlyReturn.current.newTheme, "Winter pressures");
        verify(form.monthlyReturn.current.themes.indexOf("wellbeing") >= 0);
        compare(form.monthlyReturn.current.added.length, 1);
        screenshots("return-confirmed");

        // A correction needs a reason; with one it becomes version 2.
        press("submitReturn");
        tryVerify(() => form.errorMessage.length > 0, 2000);
        item("amendReason").text = "I missed a session outside Tandem.";
        press("addHours");
        press("submitReturn");
        tryVerify(() => !form.busy && form.monthlyReturn.current.version === 2, 15000,
                  "not amended: " + form.errorMessage);
        compare(form.monthlyReturn.history.length, 1);
        screenshots("return-amended", () => scrollTo(item("submitReturn")));

        // The list shows it confirmed; the hours log is saved as a file.
        const month = form.month;
        press("backToReturns");
        const page = item("returnsPage");
        tryVerify(() => !page.returns.loading && page.returns.items.length > 0, 15000);
        compare(page.returns.items.find(r => r.month === month).state, "confirmed");
        page.exportFolder = TestEnv.screenshotDir;
        press("exportHoursLog");
        tryVerify(() => page.notice.indexOf("tandem-hours-log.csv") >= 0, 15000,
                  "hours log not saved: " + page.returns.errorMessage);
        screenshots("returns-list");
    }

    function test_2_aCoordinatorReadsAndExportsTheFigures() {
        signIn("coordinator@demo.tandem.example");
        // Home: last quarter at a glance, and the way to every figure.
        const glance = item("figuresGlance");
        verify(glance !== null && glance.visible, "the coordinator's Home shows the figures");
        tryVerify(() => glance.figures.loaded, 20000, "no figures on Home: " + glance.figures.errorMessage);
        const glanced = glance.figures.headlines.filter(h => glance.shown.indexOf(h.id) >= 0);
        compare(glanced.length, glance.shown.length);
        screenshots("home-glance", () => scrollTo(glance));
        press("openFigures");
        tryVerify(() => item("figuresPage") !== null && item("figuresPage").visible, 5000);
        const page = item("figuresPage");
        const figures = page.figures;
        tryVerify(() => !figures.loading && figures.loaded, 20000, "no figures: " + figures.errorMessage);
        compare(figures.scopeLabel, "The whole system");
        compare(figures.periodLabel, glance.figures.periodLabel, "Home and Figures show the same quarter");
        for (const h of glanced)
            compare(figures.headlines.find(f => f.id === h.id).currentText, h.currentText, h.label);
        verify(figures.headlines.length >= 10);
        const hours = figures.headlines.find(h => h.id === "hours");
        verify(!hours.current.suppressed && hours.current.value > 0, "the demo year shows hours");
        compare(hours.current.value % 5, 0);
        screenshots("figures-quarter");
        screenshots("figures-charts", () => scrollTo(item("table-hours_by_month")));
        screenshots("figures-themes", () => scrollTo(item("table-themes_by_quarter")));
        screenshots("figures-reach", () => scrollTo(item("table-reach_by_organisation")));
        screenshots("figures-outcomes", () => scrollTo(item("table-goal_outcomes")));

        // A month, then the month before.
        const quarterLabel = figures.periodLabel;
        press("period-month");
        tryVerify(() => !figures.loading && figures.periodKind === "month" && figures.periodLabel !== quarterLabel, 15000);
        const monthLabel = figures.periodLabel;
        press("previousPeriod");
        tryVerify(() => !figures.loading && figures.periodLabel !== monthLabel, 15000);
        screenshots("figures-month");

        // One organisation.
        const scope = item("scopeSelect");
        verify(scope.visible, "the demo coordinator runs several organisations");
        scope.currentIndex = 1;
        scope.activated(1);
        tryVerify(() => !figures.loading && figures.scopeLabel !== "The whole system", 15000);
        screenshots("figures-one-organisation");

        // Exports of what is on show: the same figures as the page and its
        // charts, in the CSV and in the PDF's text.
        checkCharts(page, figures);
        page.exportFolder = TestEnv.screenshotDir;
        press("exportCsv");
        verify(page.notice.indexOf(".csv") > 0, page.notice + " " + figures.errorMessage);
        const csv = TestEnv.readFile(savedPath(page.notice));
        verify(csv.indexOf(figures.scopeLabel) > 0, "the CSV names its scope");
        for (const h of figures.headlines)
            verify(csv.indexOf(csvLine([h.label, csvCell(h.current), h.previous.missing ? "" : csvCell(h.previous)])) >= 0,
                   "the CSV's headline " + h.label);
        for (const t of figures.tables) {
            verify(csv.indexOf(csvLine(t.columns)) >= 0, "the CSV's heading of " + t.title);
            for (const row of t.rows)
                verify(csv.indexOf(csvLine([row.label].concat(row.cells.map(csvCell)))) >= 0,
                       "the CSV's row " + row.label + " of " + t.title);
        }
        press("exportPdf");
        verify(page.notice.indexOf(".pdf") > 0, page.notice + " " + figures.errorMessage);
        const pdf = TestEnv.pdfText(savedPath(page.notice)).replace(/\s+/g, " ");
        verify(pdf.indexOf(figures.scopeLabel) >= 0, "the PDF names its scope: " + pdf);
        for (const h of figures.headlines)
            verify(pdf.indexOf(h.currentText) >= 0, "the PDF's headline " + h.label + " " + h.currentText);
        const hoursTable = figures.tables.find(t => t.id === "hours_by_month");
        for (const row of hoursTable.rows)
            verify(pdf.indexOf(row.label + " " + row.texts.join(" ")) >= 0,
                   "the PDF's hours for " + row.label + " " + row.texts.join(" "));
        screenshots("figures-exported");
    }

    /// A path the page said it saved ("Saved as /tmp/…").
    function savedPath(notice: string): string {
        return notice.substring(notice.indexOf("/"));
    }

    /// A figure as the CSV writes it: the number, or * when suppressed.
    function csvCell(figure: var): string {
        return figure.suppressed ? "*" : String(figure.value);
    }

    /// One CSV record (RFC 4180), without its line end.
    function csvLine(fields: var): string {
        return fields.map(f => /[",\r\n]/.test(f) ? '"' + f.replace(/"/g, '""') + '"' : f).join(",");
    }

    /// Every chart on the page is a Qt Charts bar chart of its table's
    /// figures: a bar set per column (a share of staff in per cent is read
    /// in the table only), a bar per row (first row at the top), no bar
    /// where a figure is suppressed.
    function checkCharts(page: var, figures: var) {
        let charts = 0;
        for (const t of figures.tables) {
            const chart = findChild(page, "chart-" + t.id);
            if (t.chart === "none" || t.rows.length === 0) {
                verify(chart === null, t.id + " has no chart");
                continue;
            }
            verify(chart !== null, "no chart of " + t.id);
            ++charts;
            compare(chart.count, 1, t.id);
            const series = chart.series(0);
            // Every column but a percentage beside the counts.
            const drawn = [];
            for (let c = 1; c < t.columns.length; ++c) {
                if (t.columns[c].indexOf("(%)") < 0)
                    drawn.push(c - 1);
            }
            compare(series.count, drawn.length, t.id + "'s bar sets");
            for (let k = 0; k < drawn.length; ++k) {
                const c = drawn[k];
                const set = series.at(k);
                compare(set.label, t.columns[c + 1]);
                compare(set.count, t.rows.length);
                for (let r = 0; r < t.rows.length; ++r) {
                    const cell = t.rows[r].cells[c];
                    compare(set.at(t.rows.length - 1 - r), cell.suppressed ? 0 : cell.value,
                            t.id + " " + t.rows[r].label + " " + t.columns[c + 1]);
                }
            }
        }
        verify(charts >= 3, "the figures have charts");
    }

    Component {
        id: mainComponent
        Main {}
    }
}
