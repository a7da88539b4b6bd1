import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: everyone waiting to be matched, and "Run matching" for all
// of them at once. The proposed pairs are reviewed here (remove a pair,
// give it another member from that request's suggestions) and confirmed;
// each pair then shows what became of it. The weights open over the page.
// About 700 lines, on purpose: the waiting list and the proposal are two
// views of one run (the same models, the same selection, the same busy
// state, and the row components below); split, each file would take all of
// it as properties.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias waiting: waitingModel
    readonly property alias proposal: proposalModel
    /// "waiting" or "proposal".
    property string view: "waiting"
    /// "weights", "change" or "" for none.
    property string overlay
    /// The row of the pair whose member is being changed.
    property int changingRow: -1
    property string notice
    property string errorText
    readonly property Item weightsPage: weightsLoader.item as Item
    readonly property Item changeMemberPage: changeLoader.item as Item

    function openChange(row: int) {
        changingRow = row;
        overlay = "change";
    }
    function plural(n: int, one: string, many: string): string {
        return n === 1 ? one : many.arg(n);
    }

    // The tables' headers come and go with the layout, and rows change
    // height with the text size; keep the headers clear of the rows.
    onCompactChanged: toTop.restart()
    Connections {
        target: Theme
        function onTextScaleChanged() {
            toTop.restart();
        }
    }
    Timer {
        id: toTop
        interval: 0
        onTriggered: {
            waitingList.positionViewAtBeginning();
            pairList.positionViewAtBeginning();
        }
    }

    objectName: "matchingPage"
    title: qsTr("Matching")
    background: Rectangle { color: Theme.background }

    WaitingListModel {
        id: waitingModel
        objectName: "waitingListModel"
        onErrorOccurred: message => page.errorText = message
    }
    MatchProposalModel {
        id: proposalModel
        objectName: "matchProposalModel"
        onErrorOccurred: message => page.errorText = message
        onProposed: {
            page.view = "proposal";
            page.notice = "";
            pairList.positionViewAtBeginning();
        }
        onOutcomesArrived: {
            page.notice = confirmedCount === count
                          ? page.plural(confirmedCount, qsTr("The pair is confirmed: the request is in the member's inbox now."),
                                        qsTr("All %1 pairs are confirmed: each request is in the member's inbox now."))
                          : qsTr("%1 of %2 pairs confirmed; they are in the members' inboxes now. The others stay on the waiting list: see why below.")
                            .arg(confirmedCount).arg(count);
            waitingModel.reload();
        }
        onLoadingChanged: {
            if (loading)
                page.errorText = "";
        }
    }
    SpecialismListModel {
        id: specialismModel
    }

    // A column heading of the tables.
    component HeaderLabel: Label {
        font.weight: Font.DemiBold
        color: Theme.secondaryText
        wrapMode: Text.Wrap
    }
    // Change and Remove for a proposed pair, or its outcome once confirmed.
    // Change and Remove for a proposed pair, or its outcome once confirmed.
    // Only the copy on show (phone or desktop row) carries object names.
    component PairActions: RowLayout {
        id: actions
        property int row
        property string name
        property string outcome
        property bool editable
        signal changeClicked()
        signal removeClicked()
        spacing: Theme.unit / 2
        TextButton {
            objectName: actions.visible ? "changeMemberButton-" + actions.row : ""
            visible: actions.editable
            text: qsTr("Change")
            Accessible.name: qsTr("Change the member for %1").arg(actions.name)
            onClicked: actions.changeClicked()
        }
        TextButton {
            objectName: actions.visible ? "removePairButton-" + actions.row : ""
            visible: actions.editable
            text: qsTr("Remove")
            Accessible.name: qsTr("Remove the pair for %1").arg(actions.name)
            onClicked: actions.removeClicked()
        }
        InfoChip {
            objectName: actions.visible ? "pairOutcome-" + actions.row : ""
            visible: actions.outcome.length > 0
            text: actions.outcome === "confirmed" ? qsTr("\u2713 Sent to member") : qsTr("Not confirmed")
            color: actions.outcome === "confirmed" ? Theme.successTint : Theme.errorTint
            textColor: actions.outcome === "confirmed" ? Theme.success : Theme.error
            strong: true
        }
    }
    ColumnLayout {
        anchors { fill: parent; margins: page.margin }
        spacing: 2 * Theme.unit

        // Title and the main actions.
        GridLayout {
            Layout.fillWidth: true
            columns: page.compact ? 1 : 2
            columnSpacing: 2 * Theme.unit
            rowSpacing: Theme.unit
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    visible: !page.compact
                    text: qsTr("Matching")
                    font.pixelSize: Theme.headlineSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "waitingCount"
                    Layout.fillWidth: true
                    text: waitingModel.totalCount < 0 ? qsTr("Loading the waiting list…")
                          : waitingModel.totalCount === 0 ? qsTr("No one is waiting to be matched.")
                          : page.plural(waitingModel.totalCount, qsTr("1 person waiting to be matched"),
                                        qsTr("%1 people waiting to be matched"))
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }
            RowLayout {
                Layout.alignment: page.compact ? Qt.AlignLeft : Qt.AlignRight
                spacing: Theme.unit
                SecondaryButton {
                    objectName: "openWeightsButton"
                    text: qsTr("Weights")
                    Accessible.description: qsTr("See and change how much each part of a match counts")
                    onClicked: page.overlay = "weights"
                }
                PrimaryButton {
                    objectName: "runMatchingButton"
                    enabled: !proposalModel.loading && !proposalModel.confirming && waitingModel.totalCount !== 0
                    text: proposalModel.loading ? qsTr("Matching…")
                          : proposalModel.hasProposal ? qsTr("Run matching again") : qsTr("Run matching")
                    Accessible.description: qsTr("Propose the best pairs for everyone waiting")
                    onClicked: proposalModel.run()
                }
            }
        }

        // The two views, as tabs like Safeguarding's.
        RowLayout {
            Layout.fillWidth: true
            spacing: 0
            TabItem {
                objectName: "waitingTab"
                // Short on phones, so that both tabs fit.
                text: waitingModel.totalCount < 0 ? qsTr("Waiting list")
                      : page.compact ? qsTr("Waiting (%1)").arg(waitingModel.totalCount)
                      : qsTr("Waiting list (%1)").arg(waitingModel.totalCount)
                checkable: false
                checked: page.view === "waiting"
                onClicked: page.view = "waiting"
            }
            TabItem {
                objectName: "proposalTab"
                visible: proposalModel.hasProposal
                text: page.compact ? qsTr("Pairs (%1)").arg(proposalModel.count)
                                   : qsTr("Proposed pairs (%1)").arg(proposalModel.count)
                checkable: false
                checked: page.view === "proposal"
                onClicked: page.view = "proposal"
            }
            Item { Layout.fillWidth: true }
        }

        ErrorBanner {
            objectName: "matchingError"
            Layout.fillWidth: true
            text: page.errorText
            onDismissed: page.errorText = ""
        }
        ErrorBanner {
            objectName: "matchingNotice"
            Layout.fillWidth: true
            tone: "success"
            text: page.notice
            onDismissed: page.notice = ""
        }
        RowLayout {
            objectName: "matchingBusy"
            visible: proposalModel.loading || proposalModel.confirming
            spacing: Theme.unit
            BusyIndicator {
                Layout.preferredWidth: 40
                Layout.preferredHeight: 40
                running: parent.visible
            }
            Label {
                Layout.fillWidth: true
                text: proposalModel.loading ? qsTr("Finding the best pairs for everyone waiting…")
                                            : qsTr("Confirming the pairs…")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: page.view === "proposal" && proposalModel.hasProposal ? 1 : 0

            // The waiting list, longest waiting first.
            Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                clip: true

                // qmllint disable unqualified
                ListView {
                    id: waitingList
                    objectName: "waitingList"
                    anchors { fill: parent; margins: 1 }
                    model: waitingModel
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    headerPositioning: ListView.OverlayHeader
                    onAtYEndChanged: {
                        if (atYEnd && waitingModel.hasMore && !waitingModel.loading)
                            waitingModel.loadMore();
                    }

                    header: Rectangle {
                        id: waitingHeader
                        readonly property real tableWidth: ListView.view.width
                        visible: !(Window.width < Theme.compactWidth)
                        z: 2
                        width: tableWidth
                        height: visible ? 44 : 0
                        color: Theme.surface
                        RowLayout {
                            anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: 2 * Theme.unit
                            HeaderLabel { Layout.preferredWidth: Math.round(waitingHeader.tableWidth * 0.22); text: qsTr("Person") }
                            HeaderLabel { Layout.preferredWidth: Math.round(waitingHeader.tableWidth * 0.10); text: qsTr("Kind") }
                            HeaderLabel { Layout.preferredWidth: Math.round(waitingHeader.tableWidth * 0.08); text: qsTr("Waited") }
                            HeaderLabel { Layout.fillWidth: true; Layout.preferredWidth: 1; text: qsTr("What they would like") }
                            HeaderLabel { Layout.preferredWidth: Math.round(waitingHeader.tableWidth * 0.22); text: qsTr("Preferences") }
                        }
                        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                    }

                    delegate: Item {
                        id: waitingRow
                        required property int index
                        required property string coacheeName
                        required property string coacheeOrganisationName
                        required property string kindLabel
                        required property int daysWaited
                        required property string gap
                        required property var themes
                        required property string preferencesLabel
                        readonly property bool compact: Window.width < Theme.compactWidth
                        readonly property real tableWidth: ListView.view.width
                        readonly property string themeText: specialismModel.count >= 0 ? specialismModel.labelsFor(themes).join(", ") : ""
                        readonly property string waitedText: Matching.daysLabel(daysWaited)

                        objectName: "waitingRow-" + index
                        width: tableWidth
                        height: compact ? phoneRow.implicitHeight + 3 * Theme.unit
                                        : Math.max(72, wideRow.implicitHeight + 2 * Theme.unit)
                        Accessible.role: Accessible.Row
                        Accessible.name: qsTr("%1, %2, waiting %3").arg(coacheeName).arg(kindLabel).arg(waitedText)

                        ColumnLayout {
                            id: phoneRow
                            visible: waitingRow.compact
                            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                      leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: 2
                            RowLayout {
                                Layout.fillWidth: true
                                Label { Layout.fillWidth: true; text: waitingRow.coacheeName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                                InfoChip { text: waitingRow.waitedText; color: Theme.warningTint; strong: true }
                            }
                            Label { Layout.fillWidth: true; text: waitingRow.kindLabel + "  \u00b7  " + waitingRow.coacheeOrganisationName; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                            Label { Layout.fillWidth: true; text: waitingRow.gap; maximumLineCount: 2; elide: Text.ElideRight; wrapMode: Text.Wrap; color: Theme.text }
                        }
                        RowLayout {
                            id: wideRow
                            visible: !waitingRow.compact
                            anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                            spacing: 2 * Theme.unit
                            ColumnLayout {
                                // A nested layout fills by default; this column keeps its width.
                                Layout.fillWidth: false
                                Layout.preferredWidth: Math.round(waitingRow.tableWidth * 0.22)
                                spacing: 2
                                Label { Layout.fillWidth: true; text: waitingRow.coacheeName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                                Label { Layout.fillWidth: true; text: waitingRow.coacheeOrganisationName; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                            }
                            Label { Layout.preferredWidth: Math.round(waitingRow.tableWidth * 0.10); text: waitingRow.kindLabel; wrapMode: Text.Wrap; color: Theme.text }
                            Label { Layout.preferredWidth: Math.round(waitingRow.tableWidth * 0.08); text: waitingRow.waitedText; font.weight: waitingRow.daysWaited >= 28 ? Font.DemiBold : Font.Normal; color: waitingRow.daysWaited >= 28 ? Theme.warningText : Theme.text }
                            ColumnLayout {
                                Layout.fillWidth: true
                                // What is left over, whatever the text's length,
                                // so that the columns line up with the header.
                                Layout.preferredWidth: 1
                                spacing: 2
                                Label { Layout.fillWidth: true; text: waitingRow.gap; wrapMode: Text.Wrap; color: Theme.text }
                                Label { Layout.fillWidth: true; visible: text.length > 0; text: waitingRow.themeText; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                            }
                            Label { Layout.preferredWidth: Math.round(waitingRow.tableWidth * 0.22); text: waitingRow.preferencesLabel || "\u2014"; maximumLineCount: 2; elide: Text.ElideRight; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                        }
                        Rectangle { anchors { bottom: parent.bottom; left: parent.left; right: parent.right } height: 1; color: Theme.border; opacity: 0.7 }
                    }
                }

                // qmllint enable unqualified
                ColumnLayout {
                    objectName: "waitingEmpty"
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 4 * Theme.unit, 420)
                    visible: !waitingModel.loading && waitingModel.totalCount === 0
                    spacing: Theme.unit
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("No one is waiting")
                        font.pixelSize: Theme.subtitleSize
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("Everyone who asked to be matched has a coach or mentor, or is waiting for one to answer.")
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                }
                BusyIndicator {
                    anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
                    visible: waitingModel.loading
                    running: visible
                }
            }

            // The proposal: figures, the pairs, and who could not be matched.
            ColumnLayout {
                spacing: 2 * Theme.unit

                GridLayout {
                    objectName: "proposalFigures"
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: Theme.unit
                    FigureCard {
                        objectName: "figure-pairs"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        emphasised: true
                        value: proposalModel.count
                        label: qsTr("Pairs")
                    }
                    FigureCard {
                        objectName: "figure-membersConsidered"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        value: proposalModel.membersConsidered
                        label: qsTr("Members considered")
                    }
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: Theme.unit
                    Label {
                        objectName: "proposalSummary"
                        Layout.fillWidth: true
                        text: {
                            if (proposalModel.confirmed)
                                return qsTr("Confirmed: %1. Not confirmed: %2.").arg(proposalModel.confirmedCount).arg(proposalModel.refusedCount);
                            const parts = [qsTr("From %1 allowed pairings; nothing is sent until you confirm.").arg(proposalModel.pairsConsidered)];
                            if (proposalModel.removedCount > 0)
                                parts.push(page.plural(proposalModel.removedCount, qsTr("1 pair removed."), qsTr("%1 pairs removed.")));
                            return parts.join(" ");
                        }
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                    PrimaryButton {
                        objectName: "confirmMatchesButton"
                        Layout.alignment: page.compact ? Qt.AlignLeft : Qt.AlignRight
                        Layout.fillWidth: page.compact
                        visible: !proposalModel.confirmed
                        enabled: !proposalModel.confirming && !proposalModel.loading && proposalModel.count > 0
                        text: proposalModel.confirming ? qsTr("Confirming…")
                              : page.plural(proposalModel.count, qsTr("Confirm 1 pair"), qsTr("Confirm %1 pairs"))
                        onClicked: proposalModel.confirm()
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    clip: true

                    // qmllint disable unqualified
                    ListView {
                        id: pairList
                        objectName: "pairList"
                        anchors { fill: parent; margins: 1 }
                        model: proposalModel
                        clip: true
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}
                        headerPositioning: ListView.OverlayHeader

                        header: Rectangle {
                            id: pairHeader
                            readonly property real tableWidth: ListView.view.width
                            visible: !(Window.width < Theme.compactWidth)
                            z: 2
                            width: tableWidth
                            height: visible ? 44 : 0
                            color: Theme.surface
                            RowLayout {
                                anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                                spacing: 2 * Theme.unit
                                HeaderLabel { Layout.preferredWidth: Math.round(pairHeader.tableWidth * 0.20); text: qsTr("Person waiting") }
                                HeaderLabel { Layout.preferredWidth: Math.round(pairHeader.tableWidth * 0.20); text: qsTr("Proposed member") }
                                HeaderLabel { Layout.preferredWidth: 96; text: qsTr("Fit") }
                                HeaderLabel { Layout.fillWidth: true; Layout.preferredWidth: 1; text: qsTr("Why") }
                                HeaderLabel { Layout.preferredWidth: 196; text: proposalModel.confirmed ? qsTr("Outcome") : "" }
                            }
                            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                        }

                        delegate: Item {
                            id: pairRow
                            required property int index
                            required property string coacheeName
                            required property string coacheeOrganisationName
                            required property string kindLabel
                            required property int daysWaited
                            required property string memberName
                            required property string memberOrganisationName
                            required property string fitLabel
                            required property string reasonsText
                            required property bool replaced
                            required property string outcome
                            required property string problem
                            readonly property bool compact: Window.width < Theme.compactWidth
                            readonly property real tableWidth: ListView.view.width
                            readonly property string whyText: outcome === "refused" ? problem : reasonsText

                            objectName: "pairRow-" + index
                            width: tableWidth
                            height: compact ? phonePair.implicitHeight + 3 * Theme.unit
                                            : Math.max(84, widePair.implicitHeight + 2 * Theme.unit)
                            Accessible.role: Accessible.Row
                            Accessible.name: qsTr("%1 with %2, %3").arg(coacheeName).arg(memberName).arg(fitLabel.toLowerCase())

                            ColumnLayout {
                                id: phonePair
                                visible: pairRow.compact
                                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                          leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                                spacing: 2
                                RowLayout {
                                    Layout.fillWidth: true
                                    Label { Layout.fillWidth: true; text: pairRow.coacheeName + "  \u2192  " + pairRow.memberName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                                    InfoChip { visible: text.length > 0; text: pairRow.fitLabel; color: Theme.primaryTint; strong: true }
                                }
                                Label { Layout.fillWidth: true; text: pairRow.kindLabel + "  \u00b7  " + qsTr("waited %1").arg(Matching.daysLabel(pairRow.daysWaited)) + (pairRow.replaced ? "  \u00b7  " + qsTr("changed by you") : ""); wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                                Label { Layout.fillWidth: true; text: pairRow.whyText; maximumLineCount: 3; elide: Text.ElideRight; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: pairRow.outcome === "refused" ? Theme.error : Theme.text }
                                PairActions {
                                    visible: pairRow.compact
                                    Layout.leftMargin: -Theme.unit
                                    row: pairRow.index
                                    name: pairRow.coacheeName
                                    outcome: pairRow.outcome
                                    editable: !proposalModel.confirmed && !proposalModel.confirming
                                    onChangeClicked: page.openChange(pairRow.index)
                                    onRemoveClicked: proposalModel.removePair(pairRow.index)
                                }
                            }
                            RowLayout {
                                id: widePair
                                visible: !pairRow.compact
                                anchors { fill: parent; leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                                spacing: 2 * Theme.unit
                                ColumnLayout {
                                    // A nested layout fills by default; this column keeps its width.
                                    Layout.fillWidth: false
                                    Layout.preferredWidth: Math.round(pairRow.tableWidth * 0.20)
                                    spacing: 2
                                    Label { Layout.fillWidth: true; text: pairRow.coacheeName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                                    Label { Layout.fillWidth: true; text: pairRow.kindLabel + "  \u00b7  " + qsTr("waited %1").arg(Matching.daysLabel(pairRow.daysWaited)); wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                                    Label { Layout.fillWidth: true; text: pairRow.coacheeOrganisationName; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                                }
                                ColumnLayout {
                                    // A nested layout fills by default; this column keeps its width.
                                    Layout.fillWidth: false
                                    Layout.preferredWidth: Math.round(pairRow.tableWidth * 0.20)
                                    spacing: 2
                                    Label { Layout.fillWidth: true; text: pairRow.memberName; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                                    Label { Layout.fillWidth: true; text: pairRow.memberOrganisationName; wrapMode: Text.Wrap; font.pixelSize: Theme.smallSize + 1; color: Theme.secondaryText }
                                    Label { Layout.fillWidth: true; visible: pairRow.replaced; text: qsTr("Changed by you"); font.pixelSize: Theme.smallSize; font.weight: Font.DemiBold; color: Theme.warningText }
                                }
                                Label { Layout.preferredWidth: 96; text: pairRow.fitLabel; wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.primaryDark }
                                Label {
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    text: pairRow.whyText
                                    maximumLineCount: 3
                                    elide: Text.ElideRight
                                    wrapMode: Text.Wrap
                                    font.pixelSize: Theme.smallSize + 1
                                    color: pairRow.outcome === "refused" ? Theme.error : Theme.text
                                }
                                PairActions {
                                    visible: !pairRow.compact
                                    Layout.fillWidth: false
                                    Layout.preferredWidth: 196
                                    row: pairRow.index
                                    name: pairRow.coacheeName
                                    outcome: pairRow.outcome
                                    editable: !proposalModel.confirmed && !proposalModel.confirming
                                    onChangeClicked: page.openChange(pairRow.index)
                                    onRemoveClicked: proposalModel.removePair(pairRow.index)
                                }
                            }
                            Rectangle { anchors { bottom: parent.bottom; left: parent.left; right: parent.right } height: 1; color: Theme.border; opacity: 0.7 }
                        }

                        // Who could not be matched, and why.
                        footer: Column {
                            id: unmatchedFooter
                            objectName: "unmatchedList"
                            width: ListView.view.width
                            visible: proposalModel.unmatched.length > 0 || proposalModel.count === 0
                            padding: 2 * Theme.unit
                            spacing: Theme.unit
                            Label {
                                width: unmatchedFooter.width - 4 * Theme.unit
                                visible: proposalModel.count === 0
                                text: proposalModel.removedCount > 0 ? qsTr("Every pair is removed. Run matching again to start over.")
                                                                     : qsTr("Matching found no pair that keeps to every rule.")
                                wrapMode: Text.Wrap
                                color: Theme.secondaryText
                            }
                            Label {
                                visible: proposalModel.unmatched.length > 0
                                width: unmatchedFooter.width - 4 * Theme.unit
                                text: page.plural(proposalModel.unmatched.length, qsTr("Not matched this time (1)"),
                                                  qsTr("Not matched this time (%1)"))
                                font.pixelSize: Theme.subtitleSize
                                font.weight: Font.DemiBold
                                color: Theme.text
                                Accessible.role: Accessible.Heading
                            }
                            Repeater {
                                model: proposalModel.unmatched
                                delegate: Column {
                                    id: unmatchedRow
                                    required property var modelData
                                    required property int index
                                    objectName: "unmatchedRow-" + index
                                    width: unmatchedFooter.width - 4 * Theme.unit
                                    spacing: 2
                                    Label {
                                        width: parent.width
                                        text: unmatchedRow.modelData.coacheeName + "  \u00b7  " + unmatchedRow.modelData.kindLabel
                                              + "  \u00b7  " + qsTr("waited %1").arg(Matching.daysLabel(unmatchedRow.modelData.daysWaited))
                                        font.weight: Font.DemiBold
                                        wrapMode: Text.Wrap
                                        color: Theme.text
                                    }
                                    Label {
                                        width: parent.width
                                        text: unmatchedRow.modelData.reason
                                        wrapMode: Text.Wrap
                                        color: Theme.secondaryText
                                    }
                                }
                            }
                        }
                    }
                    // qmllint enable unqualified
                }
            }
        }
    }

    Loader {
        id: changeLoader
        objectName: "changeMemberLoader"
        anchors.fill: parent
        z: 10
        active: page.overlay === "change" && page.changingRow >= 0
        // qmllint disable unqualified
        sourceComponent: ChangeMemberPage {
            proposal: proposalModel
            row: page.changingRow
            taxonomy: specialismModel
            onBack: page.overlay = ""
        }
        // qmllint enable unqualified
    }
    Loader {
        id: weightsLoader
        objectName: "weightsLoader"
        anchors.fill: parent
        z: 10
        active: page.overlay === "weights"
        // qmllint disable unqualified
        sourceComponent: MatchWeightsPage {
            onBack: page.overlay = ""
        }
        // qmllint enable unqualified
    }
}
