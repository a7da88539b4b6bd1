import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coaches and mentors: requests waiting for their answer, oldest first.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias inbox: inboxModel
    property string notice
    property string errorText

    objectName: "inboxPage"
    title: qsTr("Inbox")
    background: Rectangle { color: Theme.background }

    InboxModel {
        id: inboxModel
        objectName: "inboxModel"
        onErrorOccurred: message => page.errorText = message
        onAnswered: message => page.notice = message
        onBusyChanged: {
            if (busy) {
                page.notice = "";
                page.errorText = "";
            }
        }
    }
    SpecialismListModel {
        id: specialismModel
    }

    Flickable {
        id: flick
        objectName: "inboxFlick"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 820)
            spacing: 2 * Theme.unit

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    visible: !page.compact
                    text: qsTr("Inbox")
                    font.pixelSize: Theme.headlineSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "inboxCount"
                    Layout.fillWidth: true
                    text: inboxModel.loading && inboxModel.count === 0 ? qsTr("Loading…")
                          : inboxModel.count === 0 ? qsTr("Nothing waiting for your answer.")
                          : inboxModel.count === 1 ? qsTr("1 request waiting for your answer")
                          : qsTr("%1 requests waiting for your answer").arg(inboxModel.count)
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
                Label {
                    Layout.fillWidth: true
                    visible: inboxModel.count > 0
                    text: qsTr("Answer each by the date shown. Unanswered requests go back to the waiting list, and the person is matched with someone else.")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.secondaryText
                }
            }

            ErrorBanner {
                objectName: "inboxError"
                Layout.fillWidth: true
                text: page.errorText
                onDismissed: page.errorText = ""
            }
            ErrorBanner {
                objectName: "inboxNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: inboxModel.loading
                running: visible
            }

            SectionCard {
                objectName: "inboxEmpty"
                Layout.fillWidth: true
                visible: !inboxModel.loading && inboxModel.count === 0
                title: qsTr("You are all caught up")
                subtitle: qsTr("When someone asks you for coaching or mentoring, or a coordinator matches someone with you, their request appears here for you to accept or decline.")
            }

            Repeater {
                model: inboxModel
                // qmllint disable unqualified
                delegate: InboxCard {
                    id: inboxCard
                    required property int index
                    objectName: "inboxCard-" + index
                    Layout.fillWidth: true
                    // A row on its way out reads as an empty request.
                    request: inboxModel.get(index) || ({})
                    taxonomy: specialismModel
                    busy: inboxModel.busy
                    onAcceptRequested: inboxModel.accept(index)
                    onDeclineRequested: reason => {
                        const problem = inboxModel.declineReasonProblem(reason);
                        if (problem.length > 0) {
                            inboxCard.reasonError = problem;
                            return;
                        }
                        inboxModel.decline(index, reason);
                    }
                }
                // qmllint enable unqualified
            }
            TextButton {
                objectName: "refreshInboxButton"
                Layout.leftMargin: -Theme.unit
                enabled: !inboxModel.loading
                text: qsTr("Refresh")
                onClicked: inboxModel.reload()
            }
        }
    }
}
