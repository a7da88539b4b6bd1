import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: everyone in the organisations they run. Search, filter by
// role, load more on scroll, invite a person and change roles.
Page {
    id: page

    /// Phone layout: the window, not this page, decides.
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias accounts: accountModel

    /// "All roles" and then each role, for the filter.
    function roleFilterOptions(): var {
        const options = [{ key: "", label: qsTr("All roles") }];
        const keys = Roles.keys;
        for (let i = 0; i < keys.length; ++i)
            options.push({ key: keys[i], label: Roles.pluralLabel(keys[i]) });
        return options;
    }

    objectName: "peoplePage"
    title: qsTr("People")
    background: Rectangle { color: Theme.background }

    AccountListModel {
        id: accountModel
        objectName: "accountModel"
        onErrorOccurred: message => peopleError.text = message
        onRolesSaved: name => notice.text = qsTr("Roles saved for %1.").arg(name)
    }

    // Search as the person types, but not on every key stroke.
    Timer {
        id: searchDelay
        interval: 300
        onTriggered: accountModel.query = searchField.text
    }

    ColumnLayout {
        anchors { fill: parent; margins: page.margin }
        spacing: 2 * Theme.unit

        // Title and the main action.
        RowLayout {
            Layout.fillWidth: true
            spacing: 2 * Theme.unit
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    visible: !page.compact
                    text: qsTr("People")
                    font.pixelSize: Theme.headlineSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "peopleCount"
                    Layout.fillWidth: true
                    text: {
                        const n = accountModel.totalCount;
                        if (n < 0)
                            return qsTr("Loading…");
                        if (accountModel.query.length > 0 || accountModel.role.length > 0)
                            return n === 1 ? qsTr("1 match") : qsTr("%1 matches").arg(n.toLocaleString(Qt.locale(), "f", 0));
                        if (page.compact)
                            return n === 1 ? qsTr("1 person") : qsTr("%1 people").arg(n.toLocaleString(Qt.locale(), "f", 0));
                        return n === 1 ? qsTr("1 person in the organisations you coordinate")
                                       : qsTr("%1 people in the organisations you coordinate").arg(n.toLocaleString(Qt.locale(), "f", 0));
                    }
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }
            PrimaryButton {
                objectName: "inviteButton"
                text: qsTr("Invite person")
                onClicked: inviteDialog.openFresh()
            }
        }

        // Filters.
        GridLayout {
            Layout.fillWidth: true
            columns: page.compact ? 1 : 2
            columnSpacing: 2 * Theme.unit
            rowSpacing: Theme.unit

            TextField {
                id: searchField

                placeholderTextColor: Theme.secondaryText
                objectName: "peopleSearch"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                placeholderText: qsTr("Search")
                inputMethodHints: Qt.ImhNoAutoUppercase
                selectByMouse: true
                Accessible.name: qsTr("Search people")
                onTextEdited: searchDelay.restart()
                onAccepted: {
                    searchDelay.stop();
                    accountModel.query = text;
                }
            }
            SelectField {
                id: roleFilter
                objectName: "roleFilter"
                Layout.preferredWidth: page.compact ? -1 : 240
                Layout.fillWidth: page.compact
                model: page.roleFilterOptions()
                textRole: "label"
                valueRole: "key"
                Accessible.name: qsTr("Filter by role")
                onActivated: accountModel.role = currentValue
            }
        }

        ErrorBanner {
            id: peopleError
            objectName: "peopleError"
            Layout.fillWidth: true
            onDismissed: text = ""
        }
        ErrorBanner {
            id: notice
            Layout.fillWidth: true
            tone: "success"
            onDismissed: text = ""
        }

        // The list: a table on desktops, two-line rows on phones.
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            clip: true

            ListView {
                id: list
                objectName: "peopleList"
                anchors { fill: parent; margins: 1 }
                model: accountModel
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                headerPositioning: ListView.OverlayHeader
                onAtYEndChanged: {
                    if (atYEnd && accountModel.hasMore && !accountModel.loading)
                        accountModel.loadMore();
                }

                // Delegates size their table columns from the view's width;
                // the fractions match the header's.
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
                        Label { Layout.fillWidth: true; text: qsTr("Name"); font.weight: Font.DemiBold; color: Theme.secondaryText }
                        Label { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.25); text: qsTr("Email"); font.weight: Font.DemiBold; color: Theme.secondaryText }
                        Label { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.22); text: qsTr("Organisation"); font.weight: Font.DemiBold; color: Theme.secondaryText }
                        Label { Layout.preferredWidth: Math.round(tableHeader.tableWidth * 0.18); text: qsTr("Roles"); font.weight: Font.DemiBold; color: Theme.secondaryText }
                        Item { Layout.preferredWidth: 128 }
                    }
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                }

                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property string displayName
                    required property string email
                    required property string organisationName
                    required property string roleLabels
                    required property bool passwordChangeRequired
                    readonly property bool compact: Window.width < Theme.compactWidth
                    readonly property real tableWidth: ListView.view.width

                    width: tableWidth
                    // As tall as the layout on show (phone or table row) needs.
                    height: Math.max(compact ? 80 : 56, 2 * Theme.unit
                                     + (contentItem.visibleChildren.length > 0 ? contentItem.visibleChildren[0].implicitHeight : 0))
                    padding: 0
                    Accessible.name: displayName + ", " + email + ", " + roleLabels
                    // qmllint disable unqualified
                    // (Qt 6.4's qmllint cannot tell that this delegate only
                    // ever lives in this file; ComponentBehavior: Bound is 6.5.)
                    onClicked: editDialog.edit(index)
                    // qmllint enable unqualified

                    contentItem: Item {
                        // Phone: three short lines.
                        ColumnLayout {
                            visible: row.compact
                            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                      leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: row.displayName
                                font.weight: Font.DemiBold
                                wrapMode: Text.Wrap
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                text: row.email
                                wrapMode: Text.Wrap
                                font.pixelSize: Theme.smallSize + 1
                                color: Theme.secondaryText
                            }
                            Label {
                                Layout.fillWidth: true
                                text: row.roleLabels + "  \u00b7  " + row.organisationName
                                wrapMode: Text.Wrap
                                font.pixelSize: Theme.smallSize + 1
                                color: Theme.secondaryText
                            }
                        }
                        // Desktop: a table row.
                        RowLayout {
                            visible: !row.compact
                            anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: Theme.unit
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    Layout.fillWidth: true
                                    text: row.displayName
                                    font.weight: Font.DemiBold
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                }
                                Label {
                                    visible: row.passwordChangeRequired
                                    text: qsTr("Has not signed in yet")
                                    font.pixelSize: Theme.smallSize
                                    color: Theme.secondaryText
                                }
                            }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.25); text: row.email; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.22); text: row.organisationName; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(row.tableWidth * 0.18); text: row.roleLabels; wrapMode: Text.Wrap; color: Theme.text }
                            TextButton {
                                Layout.preferredWidth: 128
                                text: qsTr("Edit roles")
                                Accessible.name: qsTr("Change roles of %1").arg(row.displayName)
                                onClicked: row.clicked()
                            }
                        }
                    }
                    Rectangle {
                        anchors { bottom: parent.bottom; left: parent.left; right: parent.right
                                  leftMargin: 2 * Theme.unit }
                        height: 1
                        color: Theme.border
                        opacity: 0.7
                    }
                }

            }

            // Empty state.
            ColumnLayout {
                objectName: "peopleEmpty"
                anchors.centerIn: parent
                width: Math.min(parent.width - 4 * Theme.unit, 420)
                visible: !accountModel.loading && accountModel.count === 0 && accountModel.totalCount >= 0
                spacing: Theme.unit
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: accountModel.query.length > 0 || accountModel.role.length > 0
                          ? qsTr("No one matches these filters.")
                          : qsTr("No one here yet.")
                    font.pixelSize: Theme.subtitleSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: accountModel.query.length > 0 || accountModel.role.length > 0
                          ? qsTr("Try a shorter search, or choose All roles.")
                          : qsTr("Invite the first person to get the programme going.")
                    color: Theme.secondaryText
                    wrapMode: Text.Wrap
                }
            }
        }

        // Progress and paging.
        Item {
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget

            BusyIndicator {
                id: listBusy
                objectName: "peopleBusy"
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                width: visible ? 36 : 0
                height: 36
                visible: accountModel.loading
                running: visible
            }
            Label {
                anchors { left: listBusy.right; leftMargin: listBusy.visible ? Theme.unit : 0
                          right: showMore.left; rightMargin: Theme.unit
                          verticalCenter: parent.verticalCenter }
                text: accountModel.loading ? qsTr("Loading people…")
                      : accountModel.totalCount > 0 ? qsTr("Showing %1 of %2").arg(accountModel.count).arg(accountModel.totalCount)
                      : ""
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            TextButton {
                id: showMore
                objectName: "showMoreButton"
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                visible: accountModel.hasMore
                enabled: !accountModel.loading
                text: qsTr("Show more")
                onClicked: accountModel.loadMore()
            }
        }
    }

    InviteDialog {
        id: inviteDialog
        onInvited: accountModel.reload()
    }

    EditRolesDialog {
        id: editDialog
        accounts: accountModel
    }
}
