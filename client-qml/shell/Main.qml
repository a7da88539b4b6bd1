import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Tandem

// The window: sign-in, then (if needed) a new password, then the app.
ApplicationWindow {
    id: window

    readonly property bool compact: width < Theme.compactWidth
    /// "signIn", "changePassword" or "app".
    readonly property string screen: !Session.signedIn ? "signIn"
                                     : Session.passwordChangeRequired ? "changePassword" : "app"
    readonly property Item screenItem: screenLoader.item as Item
    readonly property bool mobile: Qt.platform.os === "android" || Qt.platform.os === "ios"

    width: 1280
    height: 800
    // A desktop window no smaller than a small phone; a phone's window is
    // the screen (in landscape often under 480 px tall).
    minimumWidth: mobile ? 0 : 320
    minimumHeight: mobile ? 0 : 480
    visible: true
    title: qsTr("Tandem")
    color: Theme.background
    font.pixelSize: Theme.bodySize

    Material.theme: Theme.dark ? Material.Dark : Material.Light
    Material.primary: Theme.primaryFill
    Material.accent: Theme.primary
    Material.foreground: Theme.text
    Material.background: Theme.surface

    // The Android back button and Escape: close what is open, else go back
    // a page. (Popups close themselves on Escape first.)
    // On Home there is nothing to go back to: the key is left to the
    // platform, so that Android's Back leaves the app.
    Shortcut {
        sequences: ["Esc", "Back"]
        enabled: window.screen === "app" && (window.screenItem as AppShell)?.canGoBack === true
        onActivated: {
            const shell = window.screenItem as AppShell;
            if (shell)
                shell.goBack();
        }
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        anchors.fill: parent
        sourceComponent: window.screen === "signIn" ? signInScreen
                         : window.screen === "changePassword" ? changePasswordScreen : appScreen
    }

    Component {
        id: signInScreen
        SignInPage {}
    }
    Component {
        id: changePasswordScreen
        ChangePasswordPage {}
    }
    Component {
        id: appScreen
        AppShell {}
    }

    // Errors from anywhere once signed in (sign-in shows its own).
    ToolTip {
        id: toast
        objectName: "errorToast"
        x: (window.width - width) / 2
        y: window.height - height - 88
        width: Math.min(window.width - 32, 560)
        timeout: 8000
        contentItem: Label {
            text: toast.text
            wrapMode: Text.Wrap
            color: Theme.toastText
        }
        background: Rectangle {
            radius: Theme.radius
            color: Theme.toast
        }
        closePolicy: Popup.CloseOnPressOutside | Popup.CloseOnEscape
    }
    Connections {
        target: Session
        function onErrorOccurred(message: string) {
            if (window.screen === "app")
                toast.show(message);
        }
    }
}
