import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A waiting request's suggestions: the pool members who fit best, each with
// its score and reasons. Choosing one sends the request to them.
Page {
    id: page

    /// The request, as a map from MyRequestsModel.
    property var request: ({})
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias suggestions: suggestionsModel
    property string errorText

    signal back()
    /// The request went to a member; `request` is its new map.
    signal chosen(var request)

    objectName: "suggestionsPage"
    background: Rectangle { color: Theme.background }

    SuggestionsModel {
        id: suggestionsModel
        objectName: "suggestionsModel"
        requestId: page.request.id || 0
        limit: 5
        onErrorOccurred: message => page.errorText = message
        onChosen: request => page.chosen(request)
        onLoadingChanged: {
            if (loading)
                page.errorText = "";
        }
    }
    SpecialismListModel {
        id: specialismModel
    }

    Flickable {
        id: flick
        objectName: "suggestionsFlick"
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
                objectName: "suggestionsBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 My requests")
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Suggested for you")
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "suggestionsIntro"
                    Layout.fillWidth: true
                    text: qsTr("For your %1 request: \u201c%2\u201d").arg((page.request.kindLabel || "").toLowerCase())
                                                                  .arg(page.request.gap || "")
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    color: Theme.secondaryText
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Each suggestion says why it fits. Choose one to send your request to them; if they decline, you can choose again.")
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            ErrorBanner {
                objectName: "suggestionsError"
                Layout.fillWidth: true
                text: page.errorText
                onDismissed: page.errorText = ""
            }
            RowLayout {
                visible: suggestionsModel.loading
                spacing: Theme.unit
                BusyIndicator {
                    objectName: "suggestionsBusy"
                    running: suggestionsModel.loading
                }
                Label {
                    text: qsTr("Finding people who fit…")
                    color: Theme.secondaryText
                }
            }

            // No one fits: why, and what happens now.
            SectionCard {
                objectName: "suggestionsEmpty"
                Layout.fillWidth: true
                visible: suggestionsModel.loaded && suggestionsModel.count === 0
                title: qsTr("No one to suggest just now")
                subtitle: suggestionsModel.emptyReason.length > 0
                          ? suggestionsModel.emptyReason
                          : qsTr("No coach or mentor in the pool fits this request at the moment.")
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Your request stays on the waiting list, and a programme coordinator will match you as soon as someone suitable has room.")
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
            }

            Label {
                objectName: "suggestionsCount"
                Layout.fillWidth: true
                visible: suggestionsModel.count > 0
                text: suggestionsModel.eligibleCount === 1
                      ? qsTr("1 person in the pool fits your request.")
                      : qsTr("%1 people in the pool fit your request; here are the best %2.")
                        .arg(suggestionsModel.eligibleCount).arg(suggestionsModel.count)
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }

            Repeater {
                model: suggestionsModel
                // qmllint disable unqualified
                delegate: SuggestionCard {
                    required property int index
                    required property var model
                    objectName: "suggestionCard-" + index
                    actionName: "chooseButton-" + index
                    Layout.fillWidth: true
                    displayName: model.displayName
                    headline: model.headline
                    kindLabel: model.kindLabel
                    organisationName: model.organisationName
                    deliveryLabels: model.deliveryLabels
                    fitLabel: model.fitLabel
                    reasons: model.reasons
                    moreSeniorThanYou: model.moreSeniorThanYou
                    usualAnswerLabel: model.usualAnswerLabel
                    specialisms: model.specialisms
                    taxonomy: specialismModel
                    busy: suggestionsModel.busy
                    actionText: qsTr("Request %1").arg(model.displayName.split(" ")[0])
                    onChosen: suggestionsModel.choose(index)
                }
                // qmllint enable unqualified
            }

            SecondaryButton {
                objectName: "moreSuggestionsButton"
                visible: !suggestionsModel.loading && suggestionsModel.count > 0
                         && suggestionsModel.count < suggestionsModel.eligibleCount
                         && suggestionsModel.limit < 20
                text: qsTr("Show more suggestions")
                onClicked: suggestionsModel.limit = Math.min(20, suggestionsModel.limit + 5)
            }
            Label {
                Layout.fillWidth: true
                visible: suggestionsModel.count > 0
                text: qsTr("Not ready to choose? Your request stays on the waiting list, and a coordinator may match you.")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize + 1
                color: Theme.secondaryText
            }
        }
    }
}
