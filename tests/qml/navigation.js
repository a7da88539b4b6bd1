.pragma library

// Opens page `key` as a person would: the side navigation on a desktop, the
// bottom bar on a phone, or More for pages beyond the bottom bar. `test` is
// the TestCase and `window` the Main.qml under test.
function showPage(test, window, key) {
    // Only in the shell on show: one being replaced after a sign-in may
    // still be in the tree for a moment.
    const item = name => window.screenItem ? test.findChild(window.screenItem, name) : null;
    // The navigation is built just after sign-in, which can take seconds on
    // a loaded machine: wait for it.
    const navName = (window.compact ? "bottomNav-" : "sideNav-") + key;
    test.tryVerify(() => item(navName) !== null || (window.compact && item("bottomNav-more") !== null),
                   30000, "no navigation to " + key);
    let nav = item(navName);
    if (nav === null) {
        test.mouseClick(item("bottomNav-more"));
        // More's list is built once it shows.
        test.tryVerify(() => item("more-" + key) !== null, 5000, "no " + key + " on More");
        nav = item("more-" + key);
    }
    // Laid out and drawn before the tap: a navigation item just made can
    // still be at no size, and a tap there reaches nothing.
    test.tryVerify(() => nav.visible && nav.width > 0 && nav.height > 0, 5000, key + " is not laid out");
    test.waitForRendering(window.contentItem);
    test.mouseClick(nav);
    test.tryVerify(() => window.screenItem.currentPage === key, 5000, "did not open " + key);
}
