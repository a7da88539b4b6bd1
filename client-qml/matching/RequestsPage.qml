import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Everyone: their own requests for coaching or mentoring, and asking for
// more. The form and a waiting request's suggestions open over the list.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias requests: myRequests
    /// "form", "suggestions" or "" for the list.
    property string overlay
    /// The waiting request whose suggestions are on show.
    property var suggestionsFor: ({})
    property string notice
    property string errorText
    readonly property Item formPage: formLoader.item as Item
    readonly property Item suggestionsPage: suggestionsLoader.item as Item

    /// Opens the form: for a named member (`memberId` > 0, what they offer
    /// in `memberKind`) or to be matched.
    function openForm(memberId: double, memberName: string, memberKind: string) {
        notice = "";
        errorText = "";
        overlay = "form";
        const form = formLoader.item as RequestFormPage;
        if (form)
            form.start(memberId, memberName, memberKind, myRequests.latest());
    }
    function openSuggestions(request: var) {
        notice = "";
        suggestionsFor = request;
        overlay = "suggestions";
    }

    objectName: "requestsPage"
    title: qsTr("My requests")
    background: Rectangle { color: Theme.background }

    MyRequestsModel {
        id: myRequests
        objectName: "myRequestsModel"
        onErrorOccurred: message => page.errorText = message
        onChanged: message => page.notice = message
    }
    SpecialismListModel {
        id: specialismModel
    }

    Flickable {
        id: flick
        objectName: "requestsFlick"
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

            RowLayout {
                Layout.fillWidth: true
                spacing: 2 * Theme.unit
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        visible: !page.compact
                        text: qsTr("My requests")
                        font.pixelSize: Theme.headlineSize
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                    }
                    Label {
                        objectName: "requestsCount"
                        Layout.fillWidth: true
                        text: myRequests.loading && myRequests.count === 0 ? qsTr("Loading…")
                              : myRequests.count === 0 ? qsTr("Coaching and mentoring are free and confidential.")
                              : myRequests.openCount === 0 ? qsTr("None open")
                              : myRequests.openCount === 1 ? qsTr("1 open") : qsTr("%1 open").arg(myRequests.openCount)
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                }
                PrimaryButton {
                    objectName: "askButton"
                    visible: myRequests.count > 0
                    text: qsTr("Ask for support")
                    onClicked: page.openForm(0, "", "")
                }
            }

            ErrorBanner {
                objectName: "requestsError"
                Layout.fillWidth: true
                text: page.errorText
                onDismissed: page.errorText = ""
            }
            ErrorBanner {
                objectName: "requestsNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            BusyIndicator {
                objectName: "requestsBusy"
                Layout.alignment: Qt.AlignHCenter
                visible: myRequests.loading
                running: visible
            }

            // Nothing asked yet.
            SectionCard {
                objectName: "requestsEmpty"
                Layout.fillWidth: true
                visible: !myRequests.loading && myRequests.count === 0
                title: qsTr("Looking for a coach or mentor?")
                subtitle: qsTr("Tell us what gap you would like it to fill. We suggest people who fit, with the reasons, and you choose who to ask. You can also find someone yourself and ask them from their profile.")
                PrimaryButton {
                    objectName: "askFirstButton"
                    Layout.fillWidth: page.compact
                    text: qsTr("Ask for a coach or mentor")
                    onClicked: page.openForm(0, "", "")
                }
            }

            Repeater {
                model: myRequests
                // qmllint disable unqualified
                delegate: RequestCard {
                    id: requestCard
                    required property int index
                    objectName: "requestCard-" + index
                    Layout.fillWidth: true
                    // A row on its way out reads as an empty request.
                    request: myRequests.get(index) || ({})
                    taxonomy: specialismModel
                    busy: myRequests.busy
                    onSuggestionsRequested: page.openSuggestions(myRequests.get(index))
                    onWithdrawRequested: {
                        page.notice = "";
                        myRequests.withdraw(index);
                    }
                    // Follow changes to the row (withdrawn).
                    Connections {
                        target: myRequests
                        function onDataChanged() {
                            requestCard.request = myRequests.get(requestCard.index) || ({});
                        }
                    }
                }
                // qmllint enable unqualified
            }
            TextButton {
                objectName: "refreshRequestsButton"
                visible: myRequests.count > 0
                Layout.leftMargin: -Theme.unit
                enabled: !myRequests.loading
                text: qsTr("Refresh")
                onClicked: myRequests.reload()
            }
        }
    }

    Loader {
        id: formLoader
        objectName: "requestFormLoader"
        anchors.fill: parent
        z: 10
        visible: page.overlay === "form"
        // Kept once made, so that the form survives a trip back.
        active: page.overlay === "form" || item !== null
        // qmllint disable unqualified
        sourceComponent: RequestFormPage {
            onBack: page.overlay = ""
            onSubmitted: request => {
                myRequests.reload();
                if (request.status === "waiting") {
                    page.openSuggestions(request);
                } else {
                    page.overlay = "";
                    page.notice = qsTr("Your request is with %1. You will see their answer here.").arg(request.memberName);
                }
            }
        }
        // qmllint enable unqualified
    }

    Loader {
        id: suggestionsLoader
        objectName: "suggestionsLoader"
        anchors.fill: parent
        z: 10
        active: page.overlay === "suggestions"
        // qmllint disable unqualified
        sourceComponent: SuggestionsPage {
            request: page.suggestionsFor
            onBack: {
                page.overlay = "";
                myRequests.reload();
            }
            onChosen: request => {
                page.overlay = "";
                page.notice = qsTr("Your request is with %1. You will see their answer here.").arg(request.memberName);
                myRequests.reload();
            }
        }
        // qmllint enable unqualified
    }
}
