import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The signed-in app: side navigation on desktops, a top bar and bottom
// navigation on phones. Shows only the pages the person's roles allow.
Item {
    id: shell

    readonly property bool compact: Window.width < Theme.compactWidth
    property string currentPage: "home"
    readonly property var pages: {
        const list = [{ key: "home", title: qsTr("Home") },
                      { key: "find", title: qsTr("Find") },
                      { key: "requests", title: qsTr("My requests"), short: qsTr("Requests") }];
        if (holdsPoolRole || Session.hasRole("coachee"))
            list.push({ key: "relationships", title: qsTr("Relationships"), short: qsTr("Sessions") });
        if (holdsPoolRole)
            list.push({ key: "inbox", title: qsTr("Inbox") });
        // Supervisors read concerns; coordinators may be a safeguarding lead
        // (the server decides what they see) and read the audit trail.
        // Coaches and mentors raise concerns from Home: the page is theirs
        // too, without a place in the navigation.
        // On a phone a coordinator (a desktop user, with seven tabs already)
        // reaches it from Home.
        if (Session.hasRole("supervisor"))
            list.push({ key: "concerns", title: qsTr("Concerns") });
        else if (Session.isCoordinator)
            list.push({ key: "concerns", title: qsTr("Safeguarding"), short: qsTr("Concerns"), hidden: compact });
        else if (holdsPoolRole)
            list.push({ key: "concerns", title: qsTr("Safeguarding"), hidden: true });
        if (Session.isCoordinator) {
            list.push({ key: "matching", title: qsTr("Matching"), short: qsTr("Match") });
            list.push({ key: "people", title: qsTr("People") });
            list.push({ key: "pool", title: qsTr("Pool") });
        }
        // Any member of staff may apply to join the pool; approval makes
        // them a coach or mentor.
        if (holdsPoolRole)
            list.push({ key: "myprofile", title: qsTr("My profile"), short: qsTr("Profile") });
        else if (!Session.isCoordinator)
            list.push({ key: "myprofile", title: qsTr("Join the pool"), short: qsTr("Join") });
        list.push({ key: "account", title: qsTr("Account") });
        return list;
    }
    /// The pages the navigation offers (all but those reached from Home).
    readonly property var navPages: pages.filter(page => !page.hidden)
    readonly property string currentTitle: {
        for (let i = 0; i < pages.length; ++i) {
            if (pages[i].key === currentPage)
                return pages[i].title;
        }
        return "";
    }
    /// Coaches and mentors keep a profile in the pool.
    readonly property bool holdsPoolRole: {
        const roles = Session.roles;
        for (let i = 0; i < roles.length; ++i) {
            if (roles[i] === "coach" || roles[i] === "mentor")
                return true;
        }
        return false;
    }
    /// Children of the page stack, in order.
    readonly property var stackKeys: ["home", "people", "account", "find", "pool", "myprofile",
                                      "requests", "inbox", "matching", "relationships", "concerns"]
    /// Whether the person's roles can give them safeguarding concerns to
    /// read or to raise.
    readonly property bool concernsRelevant: holdsPoolRole || Session.hasRole("supervisor")
                                             || Session.isCoordinator
    /// Safeguarding concerns the person may see (Home and the concerns page).
    readonly property alias concerns: concernsModel
    /// The page on show.
    readonly property Item currentItem: pageItem(currentPage)

    /// The page item for a key; null for People until it has loaded.
    function pageItem(key: string): Item {
        if (key === "people")
            return peopleLoader.item as Item;
        if (key === "find")
            return findLoader.item as Item;
        if (key === "pool")
            return poolLoader.item as Item;
        if (key === "myprofile")
            return myProfileLoader.item as Item;
        if (key === "requests")
            return requestsLoader.item as Item;
        if (key === "inbox")
            return inboxLoader.item as Item;
        if (key === "matching")
            return matchingLoader.item as Item;
        if (key === "relationships")
            return relationshipsLoader.item as Item;
        if (key === "concerns")
            return concernsLoader.item as Item;
        if (key === "account")
            return accountPage;
        return homePage;
    }

    /// Shows My requests with the request form open: for a named member
    /// (`memberId` > 0, offering `memberKind`) or to be matched.
    function openRequestForm(memberId: double, memberName: string, memberKind: string) {
        currentPage = "requests";
        const page = requestsLoader.item as RequestsPage;
        if (page)
            page.openForm(memberId, memberName, memberKind);
    }

    /// Shows Relationships with the record of a session open (choosing who
    /// with first).
    function openRecordSession() {
        currentPage = "relationships";
        const page = relationshipsLoader.item as RelationshipsPage;
        if (page)
            page.openRecord(null, null);
    }
    /// Shows Relationships with a queued record open to correct it.
    function editQueuedRecord(key: string, relationshipId: double) {
        currentPage = "relationships";
        const page = relationshipsLoader.item as RelationshipsPage;
        if (page)
            page.editQueued(key, relationshipId);
    }

    /// Shows the safeguarding page with the form to raise a concern open
    /// (choosing the relationship first).
    function openRaiseConcern() {
        currentPage = "concerns";
        const page = concernsLoader.item as ConcernsPage;
        if (page)
            page.openRaise();
    }
    /// Shows the safeguarding page on its concerns.
    function openConcerns() {
        currentPage = "concerns";
        const page = concernsLoader.item as ConcernsPage;
        if (page)
            page.openList();
    }
    /// Coordinators: shows the audit trail.
    function openAuditTrail() {
        currentPage = "concerns";
        const page = concernsLoader.item as ConcernsPage;
        if (page)
            page.openAudit();
    }

    /// Index of a page key in `navPages`, or -1 (a page reached from Home).
    function indexOf(key: string): int {
        for (let i = 0; i < navPages.length; ++i) {
            if (navPages[i].key === key)
                return i;
        }
        return -1;
    }
    /// Whether the person's roles offer the page `key`, in the navigation
    /// or not.
    function offers(key: string): bool {
        for (let i = 0; i < pages.length; ++i) {
            if (pages[i].key === key)
                return true;
        }
        return false;
    }
    /// Shows the page at `index` of `navPages` (both navigations call this).
    function showIndex(index: int) {
        if (index >= 0 && index < navPages.length)
            currentPage = navPages[index].key;
    }

    objectName: "appShell"

    // Safeguarding concerns, shared by Home (counts) and the concerns page,
    // so that one load serves both: each load of a concern's text is an
    // audited read.
    ConcernListModel {
        id: concernsModel
        objectName: "concernsModel"
        active: shell.concernsRelevant
    }


    // Someone who loses a role must not be left on its page.
    onPagesChanged: {
        if (!offers(currentPage))
            currentPage = "home";
    }

    // Desktop: side navigation.
    Rectangle {
        id: sideNav
        objectName: "sideNav"
        visible: !shell.compact
        width: shell.compact ? 0 : 248
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        color: Theme.surface

        Rectangle {
            anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
            width: 1
            color: Theme.border
        }

        ColumnLayout {
            anchors { fill: parent; topMargin: 3 * Theme.unit; bottomMargin: 2 * Theme.unit }
            spacing: Theme.unit / 2

            ColumnLayout {
                Layout.leftMargin: 3 * Theme.unit
                Layout.rightMargin: 2 * Theme.unit
                Layout.bottomMargin: 3 * Theme.unit
                spacing: 0
                Label {
                    text: qsTr("Tandem")
                    font.pixelSize: Theme.titleSize + 4
                    font.weight: Font.Bold
                    color: Theme.primary
                }
                Label {
                    text: qsTr("Coaching and mentoring")
                    font.pixelSize: Theme.smallSize
                    color: Theme.secondaryText
                }
            }

            ListView {
                id: sideList
                objectName: "sideNavList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.leftMargin: Theme.unit
                Layout.rightMargin: Theme.unit
                interactive: false
                spacing: Theme.unit / 2
                model: shell.navPages
                // Follows the page on show; only a tap navigates, so that a
                // change of the list (roles, window size) never does.
                currentIndex: shell.indexOf(shell.currentPage)

                delegate: ItemDelegate {
                    id: sideItem
                    required property var modelData
                    required property int index
                    readonly property bool current: ListView.isCurrentItem

                    objectName: "sideNav-" + modelData.key
                    width: ListView.view.width
                    height: Theme.touchTarget
                    text: modelData.title
                    font.pixelSize: Theme.bodySize + 1
                    font.weight: current ? Font.DemiBold : Font.Normal
                    leftPadding: 3 * Theme.unit
                    Accessible.role: Accessible.PageTab
                    Accessible.selected: current
                    background: Rectangle {
                        radius: Theme.radius
                        color: sideItem.current ? Theme.primaryTint
                               : sideItem.hovered ? "#F4F7F9" : "transparent"
                        Rectangle {
                            visible: sideItem.current
                            width: 4
                            radius: 2
                            height: parent.height - 16
                            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                            color: Theme.primary
                        }
                    }
                    contentItem: Label {
                        text: sideItem.text
                        font: sideItem.font
                        color: sideItem.current ? Theme.primaryDark : Theme.text
                        verticalAlignment: Text.AlignVCenter
                    }
                    // qmllint disable unqualified
                    onClicked: shell.showIndex(sideItem.index)
                    // qmllint enable unqualified
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.leftMargin: 2 * Theme.unit
                Layout.rightMargin: 2 * Theme.unit
                height: 1
                color: Theme.border
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 3 * Theme.unit
                Layout.rightMargin: 2 * Theme.unit
                Layout.topMargin: Theme.unit
                spacing: 0
                Label {
                    objectName: "sideNavName"
                    Layout.fillWidth: true
                    text: Session.displayName
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: Session.email
                    font.pixelSize: Theme.smallSize
                    elide: Text.ElideRight
                    color: Theme.secondaryText
                }
            }
        }
    }

    // Phone: top bar with the page title.
    Rectangle {
        id: topBar
        objectName: "topBar"
        visible: shell.compact
        height: shell.compact ? 56 : 0
        anchors { left: parent.left; right: parent.right; top: parent.top }
        color: Theme.primary

        Label {
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
            text: shell.currentPage === "home" ? qsTr("Tandem") : shell.currentTitle
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
            color: Theme.textOnPrimary
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
        }
    }

    // Phone: bottom navigation.
    Rectangle {
        id: bottomNav
        objectName: "bottomNav"
        visible: shell.compact
        height: shell.compact ? 64 : 0
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        color: Theme.surface

        Rectangle {
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: 1
            color: Theme.border
        }

        ListView {
            id: bottomList
            objectName: "bottomNavList"
            anchors { fill: parent; topMargin: 1 }
            orientation: ListView.Horizontal
            interactive: false
            model: shell.navPages
            currentIndex: shell.indexOf(shell.currentPage)

            delegate: AbstractButton {
                id: tab
                required property var modelData
                required property int index
                readonly property bool current: ListView.isCurrentItem

                objectName: "bottomNav-" + modelData.key
                width: ListView.view.width / Math.max(1, ListView.view.count)
                height: ListView.view.height
                // Short names, and smaller when there are many, so that
                // none is cut short on a phone.
                text: modelData.short || modelData.title
                font.pixelSize: ListView.view.count > 6 ? Theme.smallSize - 1
                                : ListView.view.count > 4 ? Theme.smallSize + 1 : Theme.bodySize
                leftPadding: 2
                rightPadding: 2
                font.weight: current ? Font.Bold : Font.Normal
                Accessible.role: Accessible.PageTab
                Accessible.name: modelData.title
                Accessible.selected: current
                // qmllint disable unqualified
                onClicked: shell.showIndex(tab.index)
                // qmllint enable unqualified

                background: Item {
                    Rectangle {
                        anchors.centerIn: parent
                        width: Math.min(parent.width - Theme.unit, tab.contentItem.implicitWidth + 5 * Theme.unit)
                        height: 36
                        radius: 18
                        color: tab.current ? Theme.primaryTint
                               : tab.pressed ? "#EEF2F4" : "transparent"
                    }
                }
                contentItem: Label {
                    text: tab.text
                    font: tab.font
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    // Many tabs on a narrow phone: smaller rather than cut short.
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: tab.ListView.view.count > 6 ? Theme.smallSize - 3 : Theme.smallSize - 2
                    elide: Text.ElideRight
                    color: tab.current ? Theme.primaryDark : Theme.secondaryText
                }
            }
        }
    }

    StackLayout {
        id: stack
        anchors {
            left: sideNav.visible ? sideNav.right : parent.left
            right: parent.right
            top: topBar.visible ? topBar.bottom : parent.top
            bottom: bottomNav.visible ? bottomNav.top : parent.bottom
        }
        currentIndex: Math.max(0, shell.stackKeys.indexOf(shell.currentPage))

        HomePage {
            id: homePage
            onNavigate: key => shell.currentPage = key
            onAskRequested: shell.openRequestForm(0, "", "")
            onRecordRequested: shell.openRecordSession()
            onEditQueuedRequested: (key, relationshipId) => shell.editQueuedRecord(key, relationshipId)
            concerns: concernsModel
            onRaiseConcernRequested: shell.openRaiseConcern()
            onConcernsRequested: shell.openConcerns()
            onAuditTrailRequested: shell.openAuditTrail()
        }
        Loader {
            id: peopleLoader
            objectName: "peopleLoader"
            active: Session.isCoordinator && (shell.currentPage === "people" || item !== null)
            sourceComponent: PeoplePage {}
        }
        AccountPage {
            id: accountPage
        }
        // Pages load when first shown and then keep their state.
        Loader {
            id: findLoader
            objectName: "findLoader"
            active: shell.currentPage === "find" || item !== null
            sourceComponent: FindPage {
                onRequestSupport: (accountId, displayName, kind) => shell.openRequestForm(accountId, displayName, kind)
            }
        }
        Loader {
            id: poolLoader
            objectName: "poolLoader"
            active: Session.isCoordinator && (shell.currentPage === "pool" || item !== null)
            sourceComponent: PoolPage {}
        }
        Loader {
            id: myProfileLoader
            objectName: "myProfileLoader"
            active: shell.currentPage === "myprofile" || item !== null
            sourceComponent: MyProfilePage {}
        }
        Loader {
            id: requestsLoader
            objectName: "requestsLoader"
            active: shell.currentPage === "requests" || item !== null
            sourceComponent: RequestsPage {}
        }
        Loader {
            id: inboxLoader
            objectName: "inboxLoader"
            active: shell.holdsPoolRole && (shell.currentPage === "inbox" || item !== null)
            sourceComponent: InboxPage {}
        }
        Loader {
            id: matchingLoader
            objectName: "matchingLoader"
            active: Session.isCoordinator && (shell.currentPage === "matching" || item !== null)
            sourceComponent: MatchingPage {}
        }
        Loader {
            id: relationshipsLoader
            objectName: "relationshipsLoader"
            active: shell.currentPage === "relationships" || item !== null
            sourceComponent: RelationshipsPage {}
        }
        Loader {
            id: concernsLoader
            objectName: "concernsLoader"
            active: shell.concernsRelevant && (shell.currentPage === "concerns" || item !== null)
            // qmllint disable unqualified
            sourceComponent: ConcernsPage {
                concerns: shell.concerns
            }
            // qmllint enable unqualified
        }
    }
}
