import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: another member for one proposed pair, picked from that
// request's suggestions (each with its score and reasons).
Page {
    id: page

    required property MatchProposalModel proposal
    /// The pair's row in `proposal`.
    required property int row
    property SpecialismListModel taxonomy
    readonly property var pair: proposal.get(row) || ({})
    readonly property alias suggestions: suggestionsModel
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    property string errorText

    signal back()

    /// A note for a member who is in other pairs too.
    function otherPairsNote(memberId: double): string {
        const others = proposal.pairsWithMember(memberId) - (memberId === pair.memberId ? 1 : 0);
        if (others <= 0)
            return "";
        return others === 1 ? qsTr("Also proposed for 1 other person: check they have room for both.")
                            : qsTr("Also proposed for %1 other people: check they have room for all.").arg(others);
    }

    objectName: "changeMemberPage"
    background: Rectangle { color: Theme.background }

    SuggestionsModel {
        id: suggestionsModel
        objectName: "changeSuggestionsModel"
        requestId: page.pair.requestId || 0
        limit: 10
        onErrorOccurred: message => page.errorText = message
    }

    Flickable {
        id: flick
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

            TextButton {
                objectName: "changeMemberBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back to the proposal")
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Another member for %1").arg(page.pair.coacheeName || "")
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1, waited %2: \u201c%3\u201d").arg(page.pair.kindLabel || "")
                          .arg(Matching.daysLabel(page.pair.daysWaited || 0)).arg(page.pair.gap || "")
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    color: Theme.secondaryText
                }
                Label {
                    objectName: "currentMember"
                    Layout.fillWidth: true
                    text: page.pair.fitLabel ? qsTr("Proposed now: %1 (%2).").arg(page.pair.memberName || "").arg(page.pair.fitLabel.toLowerCase())
                                            : qsTr("Proposed now: %1.").arg(page.pair.memberName || "")
                    wrapMode: Text.Wrap
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
            }

            ErrorBanner {
                Layout.fillWidth: true
                text: page.errorText
                onDismissed: page.errorText = ""
            }
            BusyIndicator {
                visible: suggestionsModel.loading
                running: visible
            }
            SectionCard {
                objectName: "changeMemberEmpty"
                Layout.fillWidth: true
                visible: suggestionsModel.loaded && suggestionsModel.count === 0
                title: qsTr("No one else fits")
                subtitle: suggestionsModel.emptyReason.length > 0 ? suggestionsModel.emptyReason
                                                                  : qsTr("No other member keeps to every rule for this request.")
            }

            Repeater {
                model: suggestionsModel
                // qmllint disable unqualified
                delegate: SuggestionCard {
                    required property int index
                    required property var model
                    readonly property bool current: model.accountId === page.pair.memberId
                    objectName: "changeCard-" + index
                    actionName: "pickMemberButton-" + index
                    Layout.fillWidth: true
                    displayName: model.displayName
                    headline: model.headline
                    kindLabel: model.kindLabel
                    organisationName: model.organisationName
                    deliveryLabels: model.deliveryLabels
                    fitLabel: model.fitLabel
                    reasons: model.reasons
                    usualAnswerLabel: model.usualAnswerLabel
                    specialisms: model.specialisms
                    taxonomy: page.taxonomy
                    note: current ? qsTr("Proposed now.") : page.otherPairsNote(model.accountId)
                    busy: current
                    actionText: current ? qsTr("Proposed now") : qsTr("Choose %1").arg(model.displayName)
                    onChosen: {
                        page.proposal.replaceMember(page.row, suggestionsModel.get(index));
                        page.back();
                    }
                }
                // qmllint enable unqualified
            }
        }
    }
}
