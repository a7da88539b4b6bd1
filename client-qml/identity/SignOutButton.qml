import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Signing out. When this device keeps changes or drafts of the person's that
// have not reached the server, it says how many first: signing out removes
// them from the device, so they never reach the server ("Stay signed in" /
// "Sign out and remove them"). With nothing waiting it signs out at once.
ColumnLayout {
    id: signOut

    /// A quiet text button rather than an outlined one.
    property bool quiet: false
    /// The sign-out button's objectName, for tests.
    property string buttonName: "signOutButton"
    property bool confirming: false
    /// The page's Flickable, if it scrolls: moved so that the question and
    /// its two buttons show whole when it is asked.
    property Flickable flickable: null
    /// Counted when the person asks to sign out (the queue's count follows).
    property int draftCount: 0
    readonly property int changeCount: SyncQueue.count

    function start() {
        errorBanner.text = "";
        draftCount = Drafts.count();
        if (changeCount + draftCount === 0) {
            Session.signOut();
            return;
        }
        confirming = true;
    }
    function showWhole() {
        if (!flickable)
            return;
        const margin = 2 * Theme.unit;
        const top = mapToItem(flickable.contentItem, 0, 0).y - margin;
        const bottom = mapToItem(flickable.contentItem, 0, height).y + margin;
        const limit = Math.max(0, flickable.contentHeight - flickable.height);
        if (bottom > flickable.contentY + flickable.height)
            flickable.contentY = Math.min(limit, bottom - flickable.height);
        if (top < flickable.contentY)
            flickable.contentY = Math.max(0, top);
    }
    function removeAndSignOut() {
        if (!SyncQueue.removeSignedInContent()) {
            errorBanner.text = qsTr("Your unsent changes could not be removed from this device, so you are still signed in. Try again.");
            return;
        }
        confirming = false;
        Session.signOut();
    }
    function changesLine(): string {
        if (changeCount === 0)
            return "";
        return changeCount === 1 ? qsTr("1 change is not sent yet.")
                                 : qsTr("%1 changes are not sent yet.").arg(changeCount);
    }
    function draftsLine(): string {
        if (draftCount === 0)
            return "";
        return draftCount === 1 ? qsTr("1 form you started is not saved yet.")
                                : qsTr("%1 forms you started are not saved yet.").arg(draftCount);
    }

    function warning(): string {
        let said = changesLine();
        const drafts = draftsLine();
        if (drafts.length > 0)
            said = said.length > 0 ? said + " " + drafts : drafts;
        return said + " " + qsTr("If you sign out now, they are removed from this device and never reach the server.");
    }

    spacing: Theme.unit
    onConfirmingChanged: {
        if (confirming)
            showLater.restart();
    }

    Timer {
        id: showLater
        interval: 0 // once the question is laid out
        onTriggered: signOut.showWhole()
    }

    SecondaryButton {
        objectName: signOut.quiet ? "" : signOut.buttonName
        visible: !signOut.quiet && !signOut.confirming
        enabled: !Session.busy
        text: qsTr("Sign out")
        onClicked: signOut.start()
    }
    TextButton {
        objectName: signOut.quiet ? signOut.buttonName : ""
        Layout.alignment: Qt.AlignHCenter
        visible: signOut.quiet && !signOut.confirming
        enabled: !Session.busy
        text: qsTr("Sign out")
        onClicked: signOut.start()
    }
    ErrorBanner {
        id: errorBanner
        objectName: "signOutError"
        Layout.fillWidth: true
        onDismissed: text = ""
    }
    Label {
        objectName: "signOutWarning"
        Layout.fillWidth: true
        visible: signOut.confirming
        text: signOut.warning()
        wrapMode: Text.Wrap
        font.weight: Font.DemiBold
        color: Theme.text
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Flow {
        Layout.fillWidth: true
        visible: signOut.confirming
        spacing: Theme.unit
        PrimaryButton {
            objectName: "signOutStayButton"
            text: qsTr("Stay signed in")
            onClicked: signOut.confirming = false
        }
        SecondaryButton {
            objectName: "signOutRemoveButton"
            enabled: !Session.busy
            text: qsTr("Sign out and remove them")
            onClicked: signOut.removeAndSignOut()
        }
    }
}
