import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Everyone: find a coach or mentor. Text search and filters (a side panel
// on desktops, a sheet on phones), result cards that load more as you
// scroll, and a profile opened over the results.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias search: searchModel
    readonly property alias taxonomy: specialismModel
    /// The profile on show over the results; 0 for none.
    property double openAccountId: 0
    property bool filtersOpen: false
    readonly property Item profilePage: profileLoader.item as Item

    /// Asks a member for support from their profile; 0 to be matched.
    signal requestSupport(double accountId, string displayName, string kind)

    /// Names of the filters set, to suggest which to relax.
    function nonEmpty(list: var): var {
        return list.filter(name => name.length > 0);
    }
    function activeFilterNames(): var {
        const chosen = searchModel.specialisms;
        const names = [
            searchModel.language,
            searchModel.acceptingOnly ? qsTr("Accepting only") : "",
            searchModel.kind.length > 0 ? Directory.supportKindLabel(searchModel.kind) : "",
            searchModel.deliveryMode.length > 0 ? Directory.deliveryModeLabel(searchModel.deliveryMode) : "",
            searchModel.organisationScope === "mine" ? qsTr("My organisation")
                : searchModel.organisationScope === "others" ? qsTr("Other organisations") : "",
            chosen.length === 1 ? specialismModel.labelFor(chosen[0])
                : chosen.length > 1 ? qsTr("some specialisms") : ""
        ];
        return nonEmpty(names);
    }
    function emptyHint(): string {
        const names = activeFilterNames();
        if (names.length === 1)
            return qsTr("Try removing '%1'.").arg(names[0]);
        if (names.length > 1)
            return qsTr("Try removing '%1' or '%2'.").arg(names[0]).arg(names[1]);
        if (searchModel.query.trim().length > 0)
            return qsTr("Try a shorter or different search.");
        return qsTr("No coaches or mentors are listed yet.");
    }

    objectName: "findPage"
    title: qsTr("Find")
    background: Rectangle { color: Theme.background }

    ProfileSearchModel {
        id: searchModel
        objectName: "profileSearchModel"
        onErrorOccurred: message => findError.text = message
    }
    SpecialismListModel {
        id: specialismModel
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Desktop: filters in a side panel.
        Rectangle {
            visible: !page.compact
            Layout.preferredWidth: 300
            Layout.fillHeight: true
            color: Theme.surface
            Rectangle {
                anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
                width: 1
                color: Theme.border
            }
            Flickable {
                id: sideFlick
                anchors { fill: parent; rightMargin: 1 }
                contentHeight: sideColumn.implicitHeight + 6 * Theme.unit
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                ColumnLayout {
                    id: sideColumn
                    x: 3 * Theme.unit
                    y: 3 * Theme.unit
                    width: sideFlick.width - 6 * Theme.unit
                    spacing: Theme.unit
                    Label {
                        text: qsTr("Filters")
                        font.pixelSize: Theme.subtitleSize + 1
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                    }
                    FindFilters {
                        Layout.fillWidth: true
                        search: searchModel
                        specialisms: specialismModel
                    }
                }
            }
        }

        // Search and results.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: page.margin
            spacing: Theme.unit + 4

            Label {
                visible: !page.compact
                text: qsTr("Find a coach or mentor")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.unit
                TextField {
                    id: searchField
                    placeholderTextColor: Theme.secondaryText
                    objectName: "findSearch"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget + 4
                    placeholderText: qsTr("Search")
                    inputMethodHints: Qt.ImhNoPredictiveText
                    selectByMouse: true
                    Accessible.name: qsTr("Search coaches and mentors")
                    onTextChanged: searchModel.query = text
                    onAccepted: searchModel.searchNow()
                }
                SecondaryButton {
                    objectName: "openFiltersButton"
                    visible: page.compact
                    Layout.preferredHeight: Theme.touchTarget + 4
                    text: searchModel.activeFilterCount > 0
                          ? qsTr("Filters (%1)").arg(searchModel.activeFilterCount) : qsTr("Filters")
                    onClicked: page.filtersOpen = true
                }
            }
            Label {
                objectName: "findCount"
                Layout.fillWidth: true
                text: searchModel.totalCount < 0 ? qsTr("Searching…")
                      : searchModel.totalCount === 1 ? qsTr("1 coach or mentor")
                      : qsTr("%1 coaches and mentors").arg(searchModel.totalCount)
                color: Theme.secondaryText
                wrapMode: Text.Wrap
            }
            ErrorBanner {
                id: findError
                Layout.fillWidth: true
                onDismissed: text = ""
            }

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                GridView {
                    id: results
                    objectName: "findResults"
                    readonly property int columns: Math.max(1, Math.floor(width / 340))
                    /// The tallest card made so far: every cell is as tall,
                    /// so that no card runs into the one below (more
                    /// specialisms, longer names, larger text).
                    property real tallest: 0

                    /// Makes the cells tall enough for a card of `height`.
                    function fit(height: real) {
                        if (height > tallest)
                            tallest = height;
                    }
                    /// Measures again (after the width or the text size changed).
                    function refit() {
                        tallest = 0;
                        for (const cellItem of contentItem.children) {
                            if (cellItem.children.length > 0)
                                fit(cellItem.children[0].implicitHeight);
                        }
                    }

                    anchors.fill: parent
                    model: searchModel
                    clip: true
                    cellWidth: Math.floor(width / columns)
                    cellHeight: Math.max(204, Math.ceil(tallest) + Theme.unit + 4)
                    onCellWidthChanged: refitLater.restart()
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    onAtYEndChanged: {
                        if (atYEnd && searchModel.hasMore && !searchModel.loading)
                            searchModel.loadMore();
                    }
                    // qmllint disable unqualified
                    delegate: Item {
                        id: cell
                        required property int index
                        required property var model
                        width: results.cellWidth
                        height: results.cellHeight
                        ProfileCard {
                            objectName: "profileCard-" + cell.index
                            anchors { fill: parent; rightMargin: results.columns > 1 ? 2 * Theme.unit : 0
                                      bottomMargin: Theme.unit + 4 }
                            accountId: cell.model.accountId
                            displayName: cell.model.displayName
                            headline: cell.model.headline
                            kindLabel: cell.model.kindLabel
                            organisationName: cell.model.organisationName
                            deliveryLabels: cell.model.deliveryLabels
                            specialisms: cell.model.specialisms
                            accepting: cell.model.accepting
                            availabilityLabel: cell.model.availabilityLabel
                            taxonomy: specialismModel
                            onClicked: page.openAccountId = accountId
                            onImplicitHeightChanged: results.fit(implicitHeight)
                            Component.onCompleted: results.fit(implicitHeight)
                        }
                    }
                    // qmllint enable unqualified
                    Timer {
                        id: refitLater
                        interval: 0
                        onTriggered: results.refit()
                    }
                    Connections {
                        target: Theme
                        function onTextScaleChanged() {
                            refitLater.restart();
                        }
                    }
                }

                // Loading: in the middle at first, at the foot for more.
                BusyIndicator {
                    objectName: "findBusy"
                    anchors { horizontalCenter: parent.horizontalCenter
                              verticalCenter: searchModel.count === 0 ? parent.verticalCenter : undefined
                              bottom: searchModel.count === 0 ? undefined : parent.bottom }
                    visible: searchModel.loading
                    running: visible
                }

                // Nothing matches: say which filter to relax.
                ColumnLayout {
                    objectName: "findEmpty"
                    anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: 6 * Theme.unit }
                    width: Math.min(parent.width - 4 * Theme.unit, 420)
                    visible: !searchModel.loading && searchModel.totalCount === 0
                    spacing: Theme.unit
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("No matches.")
                        font.pixelSize: Theme.subtitleSize
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    Label {
                        objectName: "findEmptyHint"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: page.emptyHint()
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                    SecondaryButton {
                        Layout.alignment: Qt.AlignHCenter
                        visible: searchModel.activeFilterCount > 0
                        text: qsTr("Clear filters")
                        onClicked: searchModel.clearFilters()
                    }
                }
            }
        }
    }

    // Phone: the filters as a sheet over the results. An item, not a
    // popup: Qt 6.4's software renderer draws no Flickable in a popup.
    Rectangle {
        id: sheet
        objectName: "filterSheet"
        anchors.fill: parent
        visible: page.compact && page.filtersOpen
        color: Theme.surface
        z: 5

        ColumnLayout {
            anchors.fill: parent
            spacing: 0
            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 2 * Theme.unit
                Layout.rightMargin: Theme.unit
                Layout.preferredHeight: Theme.touchTarget + 8
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Filters")
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                PrimaryButton {
                    objectName: "closeFiltersButton"
                    text: searchModel.totalCount >= 0 ? qsTr("Show %1").arg(searchModel.totalCount) : qsTr("Done")
                    onClicked: page.filtersOpen = false
                }
            }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
            Flickable {
                id: sheetFlick
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentHeight: sheetFilters.implicitHeight + 4 * Theme.unit
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                FindFilters {
                    id: sheetFilters
                    x: 2 * Theme.unit
                    y: Theme.unit
                    width: sheetFlick.width - 4 * Theme.unit
                    search: searchModel
                    specialisms: specialismModel
                }
            }
        }
    }

    Loader {
        id: profileLoader
        objectName: "profileLoader"
        anchors.fill: parent
        z: 10
        active: page.openAccountId > 0
        // qmllint disable unqualified
        sourceComponent: ProfilePage {
            accountId: page.openAccountId
            taxonomy: specialismModel
            onBack: page.openAccountId = 0
            onRequestSupport: (accountId, displayName, kind) => page.requestSupport(accountId, displayName, kind)
        }
        // qmllint enable unqualified
    }
}
