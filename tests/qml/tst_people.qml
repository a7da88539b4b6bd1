import QtQuick
import QtTest
import Tandem
import TandemTest

// The coordinator's People page with the real Main.qml against the real
// server: search, role filter, paging, inviting a person and changing roles.
TestCase {
    id: testCase

    property var window: null
    property var people: null
    property var accounts: null

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
        tryVerify(() => item("sideNav-people") !== null, 30000,
                  "coordinator did not get in: " + Session.errorMessage);
        mouseClick(item("sideNav-people"));
        tryVerify(() => item("peoplePage") !== null, 5000);
        people = item("peoplePage");
        accounts = people.accounts;
        tryVerify(() => !accounts.loading && accounts.count > 0, 15000, "no people listed");
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
        grabImage(window.contentItem).save(TestEnv.screenshotDir + "/" + fileName);
    }

    function test_pagingLoadsMore() {
        verify(accounts.totalCount > accounts.count, "demo data should need more than one page");
        verify(accounts.hasMore);
        const before = accounts.count;
        // Scrolling to the end of the list asks for the next page.
        const list = item("peopleList");
        list.positionViewAtEnd();
        tryVerify(() => accounts.count > before, 15000, "scrolling to the end loaded nothing");
        tryVerify(() => !accounts.loading, 15000);
    }

    function test_searchAndRoleFilter() {
        const search = item("peopleSearch");
        search.text = "coach@demo.tandem.example";
        search.forceActiveFocus();
        keyClick(Qt.Key_Return);
        tryVerify(() => !accounts.loading && accounts.query === search.text, 15000);
        compare(accounts.count, 1);
        compare(accounts.get(0).email, "coach@demo.tandem.example");

        search.text = "";
        keyClick(Qt.Key_Return);
        accounts.role = "mentor";
        tryVerify(() => !accounts.loading && accounts.totalCount >= 1, 15000);
        for (let i = 0; i < accounts.count; ++i)
            verify(accounts.get(i).roles.indexOf("mentor") >= 0, accounts.get(i).email + " is no mentor");

        accounts.query = "no such person anywhere";
        tryVerify(() => !accounts.loading && accounts.totalCount === 0, 15000);
        verify(item("peopleEmpty").visible, "no empty state");
        accounts.query = "";
        accounts.role = "";
        tryVerify(() => !accounts.loading && accounts.count > 0, 15000);
        setSize(390, 844);
        screenshot("people-coordinator-phone.png");
    }

    function test_inviteShowsTemporaryPasswordOnce() {
        mouseClick(item("inviteButton"));
        const dialog = findChild(people, "inviteDialog");
        tryVerify(() => dialog.opened, 5000);
        const email = "new.starter." + Date.now() + "@demo.tandem.example";
        findChild(dialog.contentItem, "inviteEmailField").text = email;
        findChild(dialog.contentItem, "inviteNameField").text = "New Starter";
        const organisationBox = findChild(dialog.contentItem, "inviteOrganisationBox");
        tryVerify(() => organisationBox.count > 0, 15000, "no organisations to invite into");
        screenshot("invite-form-desktop.png");
        mouseClick(findChild(dialog.footer, "sendInvitationButton"));
        tryVerify(() => dialog.done, 20000, "the account was not created");
        const password = findChild(dialog.contentItem, "temporaryPasswordText");
        verify(password.visible);
        verify(password.text.length >= 10, "temporary password too short: " + password.text);
        const temporary = password.text;
        mouseClick(findChild(dialog.contentItem, "copyPasswordButton"));
        screenshot("invite-desktop.png");

        // The new person is in the list, waiting to sign in.
        mouseClick(findChild(dialog.footer, "closeInviteButton"));
        tryVerify(() => !dialog.visible, 5000);
        verify(!dialog.done, "the temporary password is kept after closing");
        accounts.query = email;
        tryVerify(() => !accounts.loading && accounts.count === 1, 15000);
        compare(accounts.get(0).displayName, "New Starter");
        verify(accounts.get(0).passwordChangeRequired);

        // The same email again is refused with the server's sentence.
        mouseClick(item("inviteButton"));
        tryVerify(() => dialog.opened, 5000);
        findChild(dialog.contentItem, "inviteEmailField").text = email;
        findChild(dialog.contentItem, "inviteNameField").text = "New Starter";
        mouseClick(findChild(dialog.footer, "sendInvitationButton"));
        const error = findChild(dialog.contentItem, "inviteError");
        tryVerify(() => error.text.length > 0, 20000, "no error for a duplicate email");
        verify(!dialog.done);
        dialog.close();
        tryVerify(() => !dialog.visible, 5000);

        // The new person's first sign-in asks for a password of their own,
        // and they can sign out from there (with nothing waiting: at once).
        Session.signOut();
        tryVerify(() => item("signInPage") !== null, 5000);
        item("serverAddressField").text = TestEnv.serverAddress;
        item("emailField").text = email;
        item("passwordField").text = temporary;
        tryVerify(() => !Session.busy && item("signInButton").enabled, 5000, "signing out did not finish");
        mouseClick(item("signInButton"));
        tryVerify(() => Session.signedIn && Session.passwordChangeRequired, 30000,
                  "the new person did not get in: " + Session.errorMessage);
        tryVerify(() => item("changePasswordSignOut") !== null, 5000, "no first-sign-in screen");
        screenshot("first-sign-in-desktop.png");
        setSize(390, 844);
        screenshot("first-sign-in-phone.png");
        mouseClick(item("changePasswordSignOut"));
        tryVerify(() => !Session.signedIn, 5000, "not signed out from the first-sign-in screen");
    }

    function test_changeRoles() {
        accounts.query = "mentor@demo.tandem.example";
        tryVerify(() => !accounts.loading && accounts.count === 1, 15000);
        const before = accounts.get(0).roles;
        verify(before.indexOf("coach") < 0);
        accounts.setRoles(0, ["mentor", "coach"]);
        tryVerify(() => !accounts.saving, 15000);
        tryVerify(() => accounts.get(0).roles.indexOf("coach") >= 0, 5000, "roles not saved");
        accounts.setRoles(0, ["mentor"]);
        tryVerify(() => !accounts.saving, 15000);
        compare(accounts.get(0).roles.length, 1);
    }

    name: "People"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
