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
    /// Whether goBack() has somewhere to go (anywhere but Home).
    readonly property bool canGoBack: currentPage !== "home"
    readonly property var pages: {
        const list = [{ key: "home", title: qsTr("Home") },
                      // Phones reach it from the bell in the top bar.
                      { key: "notifications", title: qsTr("Notifications"), topBar: true },
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
        if (Session.hasRole("supervisor"))
            list.push({ key: "concerns", title: qsTr("Concerns") });
        else if (Session.isCoordinator)
            list.push({ key: "concerns", title: qsTr("Safeguarding"), short: qsTr("Concerns") });
        else if (holdsPoolRole)
            list.push({ key: "concerns", title: qsTr("Safeguarding"), hidden: true });
        if (Session.isCoordinator) {
            list.push({ key: "matching", title: qsTr("Matching"), short: qsTr("Match") });
            list.push({ key: "people", title: qsTr("People") });
            list.push({ key: "pool", title: qsTr("Pool") });
            list.push({ key: "questions", title: qsTr("Evaluation questions"), short: qsTr("Questions"), icon: "questions" });
            list.push({ key: "figures", title: qsTr("Programme figures"), short: qsTr("Figures") });
            list.push({ key: "programme", title: qsTr("Programme relationships") });
            list.push({ key: "organisations", title: qsTr("Organisations") });
        }
        if (holdsPoolRole)
            list.push({ key: "returns", title: qsTr("Monthly returns"), short: qsTr("Returns") });
        // Any member of staff may apply to join the pool; approval makes
        // them a coach or mentor.
        if (holdsPoolRole)
            list.push({ key: "myprofile", title: qsTr("My profile"), short: qsTr("Profile") });
        else if (!Session.isCoordinator)
            list.push({ key: "myprofile", title: qsTr("Join the pool"), short: qsTr("Join"), icon: "join" });
        // Anyone's optional answers about their work: from Home (asked
        // once) and the Account page.
        list.push({ key: "declaration", title: qsTr("About your work"), hidden: true });
        list.push({ key: "account", title: qsTr("Account") });
        return list;
    }
    /// The pages the navigation offers (all but those reached from Home).
    readonly property var navPages: pages.filter(page => !page.hidden)
    /// Phones show at most five destinations: these first, the rest on More.
    readonly property var phonePriority: ["home", "inbox", "relationships", "matching", "people",
                                          "concerns", "requests", "find", "pool", "figures", "programme", "returns", "questions",
                                          "organisations", "myprofile", "account"]
    readonly property var phoneOrdered: navPages.filter(page => !page.topBar).sort(
        (a, b) => phonePriority.indexOf(a.key) - phonePriority.indexOf(b.key))
    /// The phone's bottom navigation: four pages and More when there are
    /// more than five.
    readonly property var bottomPages: phoneOrdered.length <= 5 ? phoneOrdered
        : phoneOrdered.slice(0, 4).concat([{ key: "more", title: qsTr("More") }])
    /// What More lists on a phone.
    readonly property var morePages: phoneOrdered.length <= 5 ? [] : phoneOrdered.slice(4)
    /// Unread or waiting counts per page key, for badges.
    readonly property var badges: ({
        inbox: homePage.inboxCount,
        concerns: concernsModel.toReadCount,
        relationships: SyncQueue.refusedCount,
        notifications: NotificationCentre.unreadCount,
        more: morePages.some(page => page.key === "inbox") ? homePage.inboxCount : 0
    })
    /// Where Back goes from the page on show.
    property string backPage: ""
    readonly property string currentTitle: {
        if (currentPage === "more")
            return qsTr("More");
        // On a phone the title is the name on the tab that opened the page.
        for (let i = 0; i < pages.length; ++i) {
            if (pages[i].key === currentPage)
                return compact && pages[i].short ? pages[i].short : pages[i].title;
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
                                      "requests", "inbox", "matching", "relationships", "concerns",
                                      "questions", "figures", "returns", "programme", "organisations",
                                      "declaration", "notifications", "more"]
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
        if (key === "questions")
            return questionsLoader.item as Item;
        if (key === "figures")
            return figuresLoader.item as Item;
        if (key === "returns")
            return returnsLoader.item as Item;
        if (key === "programme")
            return programmeLoader.item as Item;
        if (key === "organisations")
            return organisationsLoader.item as Item;
        if (key === "declaration")
            return declarationLoader.item as Item;
        if (key === "notifications")
            return notificationsLoader.item as Item;
        if (key === "account")
            return accountPage;
        if (key === "more")
            return morePage;
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
    /// Shows Relationships with one relationship open.
    function openRelationship(relationshipId: double) {
        currentPage = "relationships";
        const page = relationshipsLoader.item as RelationshipsPage;
        if (page)
            page.openRelationship(relationshipId);
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
    /// Coaches and mentors: shows one month's return.
    function openReturn(month: string) {
        currentPage = "returns";
        const page = returnsLoader.item as ReturnsPage;
        if (page)
            page.open(month);
    }
    /// Shows the person's optional answers about their work; Back returns
    /// to the page it was opened from.
    function openDeclaration() {
        backPage = currentPage === "home" ? "" : currentPage;
        currentPage = "declaration";
    }
    /// Shows the notification centre; Back returns to the page it was
    /// opened from.
    function openNotifications() {
        if (currentPage !== "notifications")
            backPage = currentPage === "home" ? "" : currentPage;
        currentPage = "notifications";
    }
    /// Shows the screen a notification leads to (NotificationLinkInfo);
    /// Back returns to the notifications. Stays put for a screen the
    /// person's roles no longer offer.
    function openNotificationLink(screen: string, relationshipId: double, month: string) {
        if ((screen === "relationship" || screen === "record_session") && offers("relationships")) {
            if (screen === "record_session")
                openRecordFor(relationshipId);
            else
                openRelationship(relationshipId);
        } else if (screen === "monthly_return" && offers("returns")) {
            openReturn(month);
        } else if (screen === "concerns" && offers("concerns")) {
            openConcerns();
        } else {
            const pageKeys = { inbox: "inbox", my_requests: "requests", my_profile: "myprofile", pool: "pool" };
            const key = pageKeys[screen] || "";
            if (key.length === 0 || !offers(key))
                return;
            currentPage = key;
            // What the notification is about is new: show the list as it is now.
            const inboxPage = inboxLoader.item as InboxPage;
            if (key === "inbox" && inboxPage)
                inboxPage.inbox.reload();
            const requestsPage = requestsLoader.item as RequestsPage;
            if (key === "requests" && requestsPage)
                requestsPage.requests.reload();
        }
        backPage = "notifications";
    }
    /// Shows the record of a session with `relationshipId` open, or the
    /// relationship while the list has not loaded it.
    function openRecordFor(relationshipId: double) {
        currentPage = "relationships";
        const page = relationshipsLoader.item as RelationshipsPage;
        if (!page)
            return;
        const row = page.relationships.rowOf(relationshipId);
        if (row >= 0)
            page.openRecord(page.relationships.get(row), null);
        else
            page.openRelationship(relationshipId);
    }
    /// Coordinators: shows the audit trail.
    function openAuditTrail() {
        currentPage = "concerns";
        const page = concernsLoader.item as ConcernsPage;
        if (page)
            page.openAudit();
    }

    /// Index of a page key in `list`, or -1.
    function indexIn(list: var, key: string): int {
        for (let i = 0; i < list.length; ++i) {
            if (list[i].key === key)
                return i;
        }
        return -1;
    }
    /// Shows a page from a navigation; the page it came from is where Back
    /// goes for pages off the bottom bar.
    function show(key: string) {
        backPage = key === "home" || indexIn(bottomPages, key) >= 0 ? ""
                 : currentPage === "more" ? "more" : "home";
        currentPage = key;
    }
    /// Back (the Android back button, Escape): out of what the page has
    /// open, else to where the page was reached from, else Home. False
    /// when there is nowhere to go back to.
    function goBack(): bool {
        // Pages with views of their own step out of them first.
        const relationships = relationshipsLoader.item as RelationshipsPage;
        if (currentPage === "relationships" && relationships && relationships.navigateBack())
            return true;
        const concernsPage = concernsLoader.item as ConcernsPage;
        if (currentPage === "concerns" && concernsPage && concernsPage.navigateBack())
            return true;
        const programme = programmeLoader.item as ProgrammeRelationshipsPage;
        if (currentPage === "programme" && programme && programme.navigateBack())
            return true;
        if (currentPage === "home")
            return false;
        currentPage = backPage.length > 0 ? backPage : "home";
        backPage = "";
        return true;
    }
    /// Whether the person's roles offer the page `key`, in the navigation
    /// or not.
    function offers(key: string): bool {
        if (key === "more")
            return morePages.length > 0;
        for (let i = 0; i < pages.length; ++i) {
            if (pages[i].key === key)
                return true;
        }
        return false;
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
                interactive: contentHeight > height
                clip: true
                spacing: Theme.unit / 2
                model: shell.navPages
                // Follows the page on show; only a tap navigates, so that a
                // change of the list (roles, window size) never does.
                currentIndex: shell.indexIn(shell.navPages, shell.currentPage)

                delegate: ItemDelegate {
                    id: sideItem
                    required property var modelData
                    readonly property bool current: ListView.isCurrentItem
                    // qmllint disable unqualified
                readonly property int badge: shell.badges[modelData.key] || 0
                // qmllint enable unqualified

                    objectName: "sideNav-" + modelData.key
                    width: ListView.view.width
                    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                    text: modelData.title
                    font.pixelSize: Theme.bodySize + 1
                    font.weight: current ? Font.DemiBold : Font.Normal
                    leftPadding: 2 * Theme.unit
                    topPadding: Theme.unit / 2
                    bottomPadding: Theme.unit / 2
                    Accessible.role: Accessible.PageTab
                    Accessible.name: badge > 0 ? qsTr("%1, %2 waiting").arg(modelData.title).arg(badge) : modelData.title
                    Accessible.selected: current
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                    background: Rectangle {
                        radius: Theme.radius
                        color: sideItem.visualFocus ? Theme.focus
                               : sideItem.current ? Theme.primaryTint
                               : sideItem.hovered ? Theme.hover : "transparent"
                        Rectangle {
                            visible: sideItem.current && !sideItem.visualFocus
                            width: 4
                            radius: 2
                            height: parent.height - 16
                            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                            color: Theme.primary
                        }
                        Rectangle {
                            visible: sideItem.visualFocus
                            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                            height: 4
                            color: Theme.focusText
                        }
                    }
                    contentItem: RowLayout {
                        spacing: 2 * Theme.unit
                        Icon {
                            name: sideItem.modelData.icon || sideItem.modelData.key
                            color: sideItem.visualFocus ? Theme.focusText
                                   : sideItem.current ? Theme.primaryDark : Theme.secondaryText
                        }
                        Label {
                            Layout.fillWidth: true
                            text: sideItem.text
                            font: sideItem.font
                            color: sideItem.visualFocus ? Theme.focusText
                                   : sideItem.current ? Theme.primaryDark : Theme.text
                            verticalAlignment: Text.AlignVCenter
                            wrapMode: Text.Wrap
                        }
                        Badge {
                            count: sideItem.badge
                        }
                    }
                    // qmllint disable unqualified
                onClicked: shell.show(modelData.key)
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
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    // May break after "@", never inside a word.
                    text: Session.email.replace("@", "@\u200b")
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }
        }
    }

    // Phone: top bar with the page title, and Back for pages reached from
    // Home or More.
    Rectangle {
        id: topBar
        objectName: "topBar"
        visible: shell.compact
        height: shell.compact ? Math.max(56, titleLabel.implicitHeight + Theme.unit) : 0
        anchors { left: parent.left; right: parent.right; top: parent.top }
        color: Theme.primaryFill

        // The notification centre and its count.
        NotificationBell {
            id: bell
            visible: shell.currentPage !== "notifications"
            anchors { right: parent.right; rightMargin: Theme.unit / 2; verticalCenter: parent.verticalCenter }
            onClicked: shell.openNotifications()
        }
        ToolButton {
            id: backButton
            objectName: "topBarBack"
            visible: shell.currentPage !== "home" && shell.indexIn(shell.bottomPages, shell.currentPage) < 0
            width: Theme.touchTarget
            height: Theme.touchTarget
            anchors { left: parent.left; leftMargin: Theme.unit / 2; verticalCenter: parent.verticalCenter }
            Accessible.name: qsTr("Back")
            contentItem: Icon {
                name: "back"
                color: backButton.visualFocus ? Theme.focusText : Theme.textOnPrimary
            }
            background: Rectangle {
                radius: height / 2
                color: backButton.visualFocus ? Theme.focus : backButton.pressed ? Theme.primaryFillPressed : "transparent"
            }
            onClicked: shell.goBack()
        }
        Label {
            id: titleLabel
            anchors { left: backButton.visible ? backButton.right : parent.left
                      right: bell.visible ? bell.left : parent.right
                      verticalCenter: parent.verticalCenter
                      leftMargin: backButton.visible ? Theme.unit : 2 * Theme.unit; rightMargin: 2 * Theme.unit }
            text: shell.currentPage === "home" ? qsTr("Tandem") : shell.currentTitle
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
            color: Theme.textOnPrimary
            // Whole words: a title one long word ("Notifications" at 200%)
            // is made smaller to fit rather than broken.
            wrapMode: Text.WordWrap
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 16
            // Made smaller, it stays level with the back button and the bell.
            verticalAlignment: Text.AlignVCenter
            Accessible.role: Accessible.Heading
        }
    }

    // Phone: bottom navigation, at most five destinations with icons.
    Rectangle {
        id: bottomNav
        objectName: "bottomNav"
        visible: shell.compact
        height: shell.compact ? 48 + Math.round(13 * Math.min(Theme.textScale, 1.5)) + Theme.unit : 0
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
            model: shell.bottomPages
            currentIndex: shell.indexIn(shell.bottomPages,
                                        shell.currentPage !== "home" && shell.backPage === "more" ? "more" : shell.currentPage)

            delegate: AbstractButton {
                id: tab
                required property var modelData
                readonly property bool current: ListView.isCurrentItem
                // qmllint disable unqualified
                readonly property int badge: shell.badges[modelData.key] || 0
                // qmllint enable unqualified

                objectName: "bottomNav-" + modelData.key
                width: ListView.view.width / Math.max(1, ListView.view.count)
                height: ListView.view.height
                text: modelData.short || modelData.title
                // Navigation labels grow with the text size up to 150%, as
                // platform navigation bars do; the page content grows to 200%.
                font.pixelSize: Math.round(13 * Math.min(Theme.textScale, 1.5))
                font.weight: current ? Font.Bold : Font.DemiBold
                Accessible.role: Accessible.PageTab
                Accessible.name: badge > 0 ? qsTr("%1, %2 waiting").arg(modelData.title).arg(badge) : modelData.title
                Accessible.selected: current
                // qmllint disable unqualified
                onClicked: shell.show(modelData.key)
                // qmllint enable unqualified

                background: Rectangle {
                    color: tab.visualFocus ? Theme.focus : "transparent"
                }
                contentItem: Column {
                    spacing: 2
                    topPadding: Theme.unit
                    Rectangle {
                        // The Material 3 indicator behind the icon.
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: 56
                        height: 32
                        radius: 16
                        color: tab.current ? Theme.primaryTint : tab.pressed ? Theme.pressed : "transparent"
                        Icon {
                            anchors.centerIn: parent
                            name: tab.modelData.icon || tab.modelData.key
                            color: tab.visualFocus ? Theme.focusText : tab.current ? Theme.primaryDark : Theme.secondaryText
                        }
                        Badge {
                            anchors { left: parent.horizontalCenter; leftMargin: 6; top: parent.top; topMargin: -2 }
                            count: tab.badge
                        }
                    }
                    Label {
                        width: tab.width - 4
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: tab.text
                        font: tab.font
                        horizontalAlignment: Text.AlignHCenter
                        // Five names side by side: large text shrinks a name
                        // to fit its tab rather than breaking the word (the
                        // screen reader reads the whole title either way).
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 11
                        color: tab.visualFocus ? Theme.focusText : tab.current ? Theme.primaryDark : Theme.secondaryText
                    }
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
            onRelationshipRequested: relationshipId => shell.openRelationship(relationshipId)
            onReturnRequested: month => shell.openReturn(month)
            onDeclarationRequested: shell.openDeclaration()
        }
        Loader {
            id: peopleLoader
            objectName: "peopleLoader"
            active: Session.isCoordinator && (shell.currentPage === "people" || item !== null)
            sourceComponent: PeoplePage {}
        }
        AccountPage {
            id: accountPage
            onDeclarationRequested: shell.openDeclaration()
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
        Loader {
            id: questionsLoader
            objectName: "questionsLoader"
            active: Session.isCoordinator && (shell.currentPage === "questions" || item !== null)
            sourceComponent: EvaluationQuestionsPage {}
        }
        Loader {
            id: figuresLoader
            objectName: "figuresLoader"
            active: Session.isCoordinator && (shell.currentPage === "figures" || item !== null)
            sourceComponent: FiguresPage {}
        }
        Loader {
            id: returnsLoader
            objectName: "returnsLoader"
            active: shell.holdsPoolRole && (shell.currentPage === "returns" || item !== null)
            sourceComponent: ReturnsPage {}
        }
        Loader {
            id: programmeLoader
            objectName: "programmeLoader"
            active: Session.isCoordinator && (shell.currentPage === "programme" || item !== null)
            sourceComponent: ProgrammeRelationshipsPage {}
        }
        Loader {
            id: organisationsLoader
            objectName: "organisationsLoader"
            active: Session.isCoordinator && (shell.currentPage === "organisations" || item !== null)
            sourceComponent: OrganisationsPage {}
        }
        Loader {
            id: declarationLoader
            objectName: "declarationLoader"
            active: shell.currentPage === "declaration" || item !== null
            // qmllint disable unqualified
            sourceComponent: DeclarationPage {
                onClosed: shell.goBack()
            }
            // qmllint enable unqualified
        }
        Loader {
            id: notificationsLoader
            objectName: "notificationsLoader"
            active: shell.currentPage === "notifications" || item !== null
            // qmllint disable unqualified
            sourceComponent: NotificationsPage {
                onLinkRequested: (screen, relationshipId, month) => shell.openNotificationLink(screen, relationshipId, month)
                onSettingsRequested: shell.show("account")
            }
            // qmllint enable unqualified
        }
        MorePage {
            id: morePage
            objectName: "morePage"
            pages: shell.morePages
            badges: shell.badges
            onOpened: key => shell.show(key)
        }
    }
}
