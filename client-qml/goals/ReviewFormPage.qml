import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The coachee's goal review, on a phone: where each open goal stands now
// from 0 to 10, what has helped and what next. Works with no signal: kept on
// the device first and sent from there; what is typed is kept as a draft.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: reviewForm

    signal back()
    signal saved(string summary)
    signal queued(string summary)

    function start(relationship: var, openGoals: var) {
        reviewForm.start(relationship, openGoals);
        flick.contentY = 0;
    }

    objectName: "reviewFormPage"
    background: Rectangle { color: Theme.background }

    ReviewForm {
        id: reviewForm
        objectName: "reviewForm"
        onSubmitted: summary => page.saved(summary)
        onQueued: (key, summary) => page.queued(summary)
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
            width: Math.min(flick.width - 2 * page.margin, 700)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "reviewFormBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                enabled: !reviewForm.busy
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Your goal review")
                font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Rate where you are now with each goal. %1 sees your review and can add a comment.").arg(reviewForm.otherName)
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            ErrorSummary {
                objectName: "reviewErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: reviewForm.fieldErrors
                message: reviewForm.errorMessage
                fields: {
                    const list = [];
                    for (let i = 0; i < goalRepeater.count; ++i) {
                        const row = goalRepeater.itemAt(i) as RadioChoice;
                        if (row)
                            list.push({ key: "rating-" + row.goalId, item: row });
                    }
                    list.push({ key: "helped", item: helpedField }, { key: "next", item: nextField });
                    return list;
                }
            }
            GridLayout {
                Layout.fillWidth: true
                visible: reviewForm.restoredFromDraft
                columns: page.compact && Theme.textScale > 1 ? 1 : 2
                columnSpacing: Theme.unit
                rowSpacing: 0
                Label {
                    Layout.fillWidth: true
                    text: qsTr("This is what you typed before; it was kept on this device.")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize + 1
                    color: Theme.warningText
                }
                TextButton {
                    text: qsTr("Start again")
                    onClicked: reviewForm.discardDraft()
                }
            }
            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Where are you now?")
                subtitle: qsTr("0 is not started, 10 is there.")
                Repeater {
                    id: goalRepeater
                    model: reviewForm.goals
                    // qmllint disable unqualified
                    delegate: RadioChoice {
                        required property var modelData
                        required property int index
                        readonly property double goalId: modelData.id
                        Layout.fillWidth: true
                        label: modelData.what
                        hint: modelData.latestRating >= 0 ? qsTr("Last time: %1 out of 10").arg(modelData.latestRating) : ""
                        inline: true
                        namePrefix: "reviewRating-" + index + "-"
                        options: Goals.options("rating")
                        key: {
                            const value = reviewForm.ratings[String(goalId)];
                            return value === undefined || value < 0 ? "" : String(value);
                        }
                        error: reviewForm.fieldErrors["rating-" + goalId] || ""
                        onPicked: key => reviewForm.setRating(goalId, parseInt(key))
                    }
                    // qmllint enable unqualified
                }
            }
            SectionCard {
                Layout.fillWidth: true
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    CaptionLabel { Layout.fillWidth: true; text: qsTr("What has helped? (optional)") }
                    FieldError { Layout.fillWidth: true; text: reviewForm.fieldErrors.helped || "" }
                    TextBox {
                        id: helpedField
                        objectName: "reviewHelpedField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.max(96, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        error: reviewForm.fieldErrors.helped || ""
                        example: qsTr("For example: practising at handover")
                        text: reviewForm.helped
                        onTextChanged: reviewForm.helped = text
                        Accessible.name: qsTr("What has helped?")
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    CaptionLabel { Layout.fillWidth: true; text: qsTr("What next? (optional)") }
                    FieldError { Layout.fillWidth: true; text: reviewForm.fieldErrors.next || "" }
                    TextBox {
                        id: nextField
                        objectName: "reviewNextField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.max(96, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        error: reviewForm.fieldErrors.next || ""
                        example: qsTr("For example: try it on night shifts")
                        text: reviewForm.next
                        onTextChanged: reviewForm.next = text
                        Accessible.name: qsTr("What next?")
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "submitReviewButton"
                    Layout.fillWidth: page.compact
                    enabled: !reviewForm.busy
                    text: reviewForm.busy ? qsTr("Sending…") : qsTr("Send the review")
                    onClicked: reviewForm.submit()
                }
                BusyIndicator {
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                    visible: reviewForm.busy
                    running: visible
                }
            }
        }
    }
}
