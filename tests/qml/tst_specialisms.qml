import QtQuick
import QtTest
import Tandem
import TandemTest

// A coordinator extends the specialism taxonomy from the Pool, with the
// real Main.qml against the real server: the check made in the app, the
// new specialism in the list and in Find's filter, and the server's
// refusal of a duplicate.
TestCase {
    id: testCase

    property var window: null
    property var poolPage: null

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

    function openSpecialisms(): var {
        mouseClick(item("openSpecialismsButton"));
        tryVerify(() => poolPage.specialismsPage !== null, 5000);
        const taxonomy = poolPage.taxonomy;
        tryVerify(() => !taxonomy.loading && taxonomy.count > 0, 15000, "the taxonomy did not load");
        return taxonomy;
    }

    function add(label: string) {
        item("specialismLabelField").text = label;
        mouseClick(item("addSpecialismButton"));
    }

    function test_coordinatorAddsSpecialism() {
        const taxonomy = openSpecialisms();
        const before = taxonomy.count;
        verify(findChild(poolPage.specialismsPage, "specialism-digital_transformation") === null,
               "the demo taxonomy already has it");

        // Too short: said at once, nothing sent.
        add(" x ");
        compare(item("specialismError").text, "Enter a name for the specialism, at least 2 characters.");
        verify(!taxonomy.adding);
        compare(taxonomy.count, before);

        // Typing clears the complaint; the server takes the new label.
        add("Digital transformation");
        compare(item("specialismError").text, "");
        tryVerify(() => !taxonomy.adding && taxonomy.count === before + 1, 15000,
                  "not added: " + taxonomy.addError);
        compare(taxonomy.labelFor("digital_transformation"), "Digital transformation");
        tryVerify(() => findChild(poolPage.specialismsPage, "specialism-digital_transformation") !== null, 5000);
        verify(item("specialismNotice").text.indexOf("Digital transformation") >= 0, item("specialismNotice").text);
        compare(item("specialismLabelField").text, "");
        // The reload afterwards agrees with the server.
        tryVerify(() => !taxonomy.loading, 15000);
        compare(taxonomy.count, before + 1);
        screenshot("specialisms-desktop.png");

        // Again: the server's own reason.
        add("Digital transformation");
        tryVerify(() => !taxonomy.adding && taxonomy.addError.length > 0, 15000);
        compare(taxonomy.addError, "Name: That specialism already exists.");
        compare(item("specialismError").text, "Name: That specialism already exists.");
        compare(item("specialismNotice").text, "");
        compare(taxonomy.count, before + 1);
        setSize(390, 844);
        screenshot("specialisms-phone.png");
        setSize(1280, 800);

        // Back to the pool, then to Find: the filter offers it.
        mouseClick(item("specialismsBackButton"));
        tryVerify(() => poolPage.specialismsPage === null, 5000);
        mouseClick(item("sideNav-find"));
        tryVerify(() => item("findPage") !== null, 5000);
        const find = item("findPage");
        find.taxonomy.reload();
        tryVerify(() => !find.taxonomy.loading && find.taxonomy.count === before + 1, 15000);
        tryVerify(() => item("specialismChip-digital_transformation") !== null, 5000,
                  "not in Find's specialism filter");
        compare(item("specialismChip-digital_transformation").text, "Digital transformation");
    }

    name: "Specialisms"
    when: windowShown
    width: 100
    height: 100

    Component {
        id: mainComponent
        Main {}
    }
}
