import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: the pool of the organisations they run. Filter by status
// or lapsed listing, sort the whole pool by a column, open a member to
// review them, and extend the specialism taxonomy.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias pool: poolModel
    property double openAccountId: 0
    readonly property Item reviewPage: reviewLoader.item as Item
    property bool specialismsOpen: false
    readonly property Item specialismsPage: specialismsLoader.item as Item
    readonly property alias taxonomy: specialismModel

    /// `n` with the locale's digit grouping: 1,250.
    function grouped(n: int): string {
        return Number(n).toLocaleString(Qt.locale(), "f", 0);
    }

    objectName: "poolPage"
    title: qsTr("Pool")
    background: Rectangle { color: Theme.background }

    PoolModel {
        id: poolModel
        objectName: "poolModel"
        onErrorOccurred: message => poolError.text = message
    }
    SpecialismListModel {
        id: specialismModel
    }

    // A header cell that sorts by its column.
    // qmllint disable unqualified
    component HeaderCell: AbstractButton {
        id: cell
        property string key
        readonly property bool sorted: poolModel.sortKey === key
        objectName: "sort-" + key
        Layout.fillHeight: true
        Accessible.name: !sorted ? qsTr("Sort by %1").arg(text)
                         : poolModel.sortAscending ? qsTr("%1, sorted ascending").arg(text)
                         : qsTr("%1, sorted descending").arg(text)
        onClicked: poolModel.sortBy(key)
        // Room for the arrow, which stays visible when a narrow column
        // elides the name.
        readonly property int arrowSpace: sorted ? 16 : 0
        contentItem: Label {
            text: cell.text
            rightPadding: cell.arrowSpace
            font.weight: Font.DemiBold
            color: cell.sorted ? Theme.primaryDark : Theme.secondaryText
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "sortArrow"
            visible: cell.sorted
            x: cell.leftPadding + Math.min(cell.contentItem.implicitWidth, cell.availableWidth) - cell.arrowSpace + 4
            anchors.verticalCenter: parent.verticalCenter
            text: poolModel.sortAscending ? "\u25b2" : "\u25bc"
            font.pixelSize: Theme.smallSize - 2
            color: Theme.primaryDark
        }
        background: Rectangle { color: cell.hovered ? Theme.surfaceSubtle : "transparent" }
    }
    // qmllint enable unqualified

    ColumnLayout {
        anchors { fill: parent; margins: page.margin }
        spacing: 2 * Theme.unit

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                visible: !page.compact
                text: qsTr("Pool")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                objectName: "poolCount"
                Layout.fillWidth: true
                text: poolModel.totalCount < 0 ? qsTr("Loading…")
                      : poolModel.loading && poolModel.count < poolModel.totalCount
                        ? qsTr("Loading %1 of %2…").arg(page.grouped(poolModel.count)).arg(page.grouped(poolModel.totalCount))
                      : poolModel.totalCount === 1 ? qsTr("1 member")
                      : qsTr("%1 members").arg(page.grouped(poolModel.totalCount))
                color: Theme.secondaryText
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: page.compact ? 1 : 3
            columnSpacing: 2 * Theme.unit
            rowSpacing: Theme.unit
            KeyedSelect {
                objectName: "poolStatusFilter"
                Layout.preferredWidth: page.compact ? -1 : 240
                Layout.fillWidth: page.compact
                options: Directory.options("status", true, qsTr("Every status"))
                key: poolModel.status
                Accessible.name: qsTr("Filter by status")
                onPicked: key => poolModel.status = key
            }
            CheckOption {
                objectName: "lapsedOnlyFilter"
                Layout.fillWidth: true
                text: qsTr("Lapsed only (supervision or qualification)")
                checked: poolModel.lapsedOnly
                onToggled: poolModel.lapsedOnly = checked
            }
            SecondaryButton {
                objectName: "openSpecialismsButton"
                Layout.alignment: page.compact ? Qt.AlignLeft : Qt.AlignRight
                Layout.fillWidth: false
                text: qsTr("Specialisms")
                Accessible.description: qsTr("See and extend the specialism list")
                onClicked: page.specialismsOpen = true
            }
        }

        ErrorBanner {
            id: poolError
            Layout.fillWidth: true
            onDismissed: text = ""
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            clip: true

            ListView {
                id: list
                objectName: "poolList"
                anchors { fill: parent; margins: 1 }
                model: poolModel
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                headerPositioning: ListView.OverlayHeader

                header: Rectangle {
                    id: tableHeader
                    readonly property real tableWidth: ListView.view.width
                    visible: !(Window.width < Theme.compactWidth)
                    z: 2
                    width: tableWidth
                    height: visible ? 44 : 0
                    color: Theme.surface
                    RowLayout {
                        anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                        spacing: Theme.unit
                        HeaderCell { Layout.fillWidth: true; key: "displayName"; text: qsTr("Name") }
                        HeaderCell { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.12); key: "kindLabel"; text: qsTr("Kind") }
                        HeaderCell { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.18); key: "organisationName"; text: qsTr("Organisation") }
                        HeaderCell { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.09); key: "statusLabel"; text: qsTr("Status") }
                        HeaderCell { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.19); key: "listed"; text: qsTr("Listing") }
                        HeaderCell { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.07); key: "currentLoad"; text: qsTr("Load") }
                        HeaderCell { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.13); key: "lastSupervisionOn"; text: qsTr("Supervision") }
                    }
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                }

                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property double accountId
                    required property string displayName
                    required property string kindLabel
                    required property string organisationName
                    required property string statusLabel
                    required property bool listed
                    required property bool lapsed
                    required property string unlistedReason
                    required property int capacity
                    required property int currentLoad
                    required property string lastSupervisionLabel
                    readonly property bool compact: Window.width < Theme.compactWidth
                    readonly property real tableWidth: ListView.view.width
                    readonly property string listing: listed ? qsTr("Listed")
                                                      : unlistedReason.length > 0 ? qsTr("Unlisted: %1").arg(unlistedReason)
                                                      : qsTr("Unlisted")

                    objectName: "poolRow-" + index
                    width: tableWidth
                    // As tall as the layout on show (phone or table row) needs.
                    height: Math.max(compact ? 84 : 56, 2 * Theme.unit
                                     + (contentItem.visibleChildren.length > 0 ? contentItem.visibleChildren[0].implicitHeight : 0))
                    padding: 0
                    Accessible.name: displayName + ", " + statusLabel + ", " + listing
                    // qmllint disable unqualified
                    onClicked: page.openAccountId = accountId
                    // qmllint enable unqualified

                    background: Rectangle {
                        // Lapsed members stand out for follow-up.
                        color: row.lapsed ? Theme.warningTint : row.down ? Theme.surfaceSubtle : row.hovered ? Theme.surfaceSubtle : Theme.surface
                    }
                    contentItem: Item {
                        ColumnLayout {
                            visible: row.compact
                            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                      leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: 2
                            RowLayout {
                                Layout.fillWidth: true
                                Label { Layout.fillWidth: true; text: row.displayName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                                InfoChip { text: row.statusLabel; strong: true }
                            }
                            Label { Layout.fillWidth: true; text: row.kindLabel + "  \u00b7  " + row.organisationName; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                            Label { Layout.fillWidth: true; text: row.listing + "  \u00b7  " + qsTr("%1/%2").arg(row.currentLoad).arg(row.capacity); wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: row.lapsed ? Theme.warningText : Theme.secondaryText }
                        }
                        RowLayout {
                            visible: !row.compact
                            anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: Theme.unit
                            Label { Layout.fillWidth: true; text: row.displayName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.12); text: row.kindLabel; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.18); text: row.organisationName; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.09); text: row.statusLabel; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.19); text: row.listing; wrapMode: Text.Wrap; color: row.lapsed ? Theme.warningText : Theme.text
                                    ToolTip.visible: row.hovered && !row.listed; ToolTip.text: row.listing }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.07); text: qsTr("%1/%2").arg(row.currentLoad).arg(row.capacity); color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.13); text: row.lastSupervisionLabel || "\u2014"; color: Theme.text }
                        }
                    }
                    Rectangle {
                        anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
                        height: 1
                        color: Theme.border
                        opacity: 0.7
                    }
                }
            }

            Label {
                objectName: "poolEmpty"
                anchors.centerIn: parent
                width: Math.min(parent.width - 4 * Theme.unit, 420)
                visible: !poolModel.loading && poolModel.totalCount === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("No one in the pool matches these filters.")
                color: Theme.secondaryText
            }
            BusyIndicator {
                anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
                visible: poolModel.loading
                running: visible
            }
        }
    }

    Loader {
        id: reviewLoader
        objectName: "reviewLoader"
        anchors.fill: parent
        z: 10
        active: page.openAccountId > 0
        // qmllint disable unqualified
        sourceComponent: ReviewPage {
            accountId: page.openAccountId
            taxonomy: specialismModel
            onBack: page.openAccountId = 0
            onChanged: poolModel.reload()
        }
        // qmllint enable unqualified
    }

    Loader {
        id: specialismsLoader
        objectName: "specialismsLoader"
        anchors.fill: parent
        z: 10
        active: page.specialismsOpen
        // qmllint disable unqualified
        sourceComponent: SpecialismsPage {
            taxonomy: specialismModel
            onBack: page.specialismsOpen = false
        }
        // qmllint enable unqualified
    }
}
