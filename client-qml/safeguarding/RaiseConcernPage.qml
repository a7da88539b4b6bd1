import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A coach or mentor raises a safeguarding concern: pick the relationship
// (skipped when there is one), then describe the risk. Says plainly who
// will read it. What is typed is kept on this device as a draft at once;
// saving keeps the concern on the device and it is sent as soon as the
// server can be reached, so it works with no signal.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias form: raiseForm
    readonly property alias relationships: relationshipModel
    /// Relationships the person is the coach or mentor of: a concern can
    /// be raised about those only.
    property var choices: []
    readonly property bool choosing: raiseForm.relationshipId <= 0

    signal back()
    /// Kept on the device and on its way: `key` is the queue entry.
    signal saved(string key, string summary)

    /// Opens the page on the choice of relationship (straight to the form
    /// when there is only one).
    function start() {
        raiseForm.start({});
        raiseForm.readDraft();
        relationshipModel.reload();
        flick.contentY = 0;
    }
    function choose(index: int) {
        raiseForm.start(page.choices[index]);
        flick.contentY = 0;
    }
    function refreshChoices() {
        const list = [];
        for (let i = 0; i < relationshipModel.count; ++i) {
            const row = relationshipModel.get(i);
            if (row.isMember)
                list.push(row);
        }
        choices = list;
    }

    component Hint: Label {
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize + 1
        color: Theme.secondaryText
    }

    objectName: "raiseConcernPage"
    background: Rectangle { color: Theme.background }

    RaiseConcernForm {
        id: raiseForm
        objectName: "raiseConcernForm"
        onSaved: (key, summary) => page.saved(key, summary)
    }
    // The person's relationships; kept on the device, so this works offline.
    RelationshipListModel {
        id: relationshipModel
        objectName: "raiseConcernRelationships"
        onLoadingChanged: {
            if (loading)
                return;
            page.refreshChoices();
            if (page.choosing && page.choices.length === 1 && !raiseForm.hasDraft)
                page.choose(0);
        }
    }

    Flickable {
        id: flick
        objectName: "raiseConcernFlick"
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
                objectName: "raiseConcernBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    objectName: "raiseConcernTitle"
                    Layout.fillWidth: true
                    text: page.choosing ? qsTr("Raise a safeguarding concern")
                          : qsTr("Concern about your relationship with %1").arg(raiseForm.otherName)
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: page.choosing ? qsTr("Who is the concern about? Choose the coaching or mentoring relationship.")
                          : qsTr("For a real risk to someone's safety. Describe what you saw or heard, who is at risk and how urgent it is.")
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            // Danger now: not a job for an app.
            Rectangle {
                objectName: "raiseConcernUrgent"
                Layout.fillWidth: true
                implicitHeight: urgentText.implicitHeight + 2 * Theme.unit
                radius: Theme.radius
                color: Theme.errorTint
                border.color: Theme.error
                Label {
                    id: urgentText
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                              leftMargin: 2 * Theme.unit; rightMargin: 2 * Theme.unit }
                    text: qsTr("If someone is in immediate danger, call 999 now, then raise the concern here.")
                    wrapMode: Text.Wrap
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
            }

            // Choosing the relationship.
            SectionCard {
                objectName: "raiseConcernDraftCard"
                Layout.fillWidth: true
                visible: page.choosing && raiseForm.hasDraft
                title: qsTr("You have an unsent concern")
                subtitle: qsTr("About your relationship with %1, kept on this device as you typed it.").arg(raiseForm.draftOtherName)
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    PrimaryButton {
                        objectName: "raiseConcernResumeButton"
                        width: page.compact ? parent.width : implicitWidth
                        text: qsTr("Continue it")
                        onClicked: raiseForm.resumeDraft()
                    }
                    TextButton {
                        objectName: "raiseConcernDiscardDraftButton"
                        text: qsTr("Discard the draft")
                        onClicked: raiseForm.discardDraft()
                    }
                }
            }
            Label {
                objectName: "raiseConcernOffline"
                Layout.fillWidth: true
                visible: page.choosing && relationshipModel.offline
                text: relationshipModel.offlineNote
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize + 1
                color: Theme.warningText
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: page.choosing && relationshipModel.loading
                running: visible
            }
            ErrorBanner {
                id: choicesError
                objectName: "raiseConcernChoicesError"
                Layout.fillWidth: true
                visible: page.choosing && text.length > 0
                onDismissed: text = ""
                Connections {
                    target: relationshipModel
                    function onErrorOccurred(message: string) {
                        choicesError.text = message;
                    }
                    function onLoadingChanged() {
                        if (relationshipModel.loading)
                            choicesError.text = "";
                    }
                }
            }
            SectionCard {
                objectName: "raiseConcernNoChoices"
                Layout.fillWidth: true
                visible: page.choosing && !relationshipModel.loading && page.choices.length === 0
                         && choicesError.text.length === 0
                title: qsTr("No relationship to raise a concern about")
                subtitle: qsTr("A concern is about someone you coach or mentor here. If you are worried about someone else, speak to your supervisor or your organisation's safeguarding lead.")
            }
            Column {
                Layout.fillWidth: true
                visible: page.choosing && page.choices.length > 0
                spacing: 2 * Theme.unit
                Repeater {
                    model: page.choosing ? page.choices : []
                    // qmllint disable unqualified
                    delegate: RelationshipCard {
                        id: choice
                        required property int index
                        required property var modelData
                        objectName: "raiseConcernChoice-" + index
                        width: parent ? parent.width : 0
                        relationship: modelData
                        onClicked: page.choose(choice.index)
                    }
                    // qmllint enable unqualified
                }
            }

            // The concern.
            SectionCard {
                objectName: "raiseConcernWhoSees"
                Layout.fillWidth: true
                visible: !page.choosing
                title: qsTr("Who will see this")
                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    Repeater {
                        model: [
                            qsTr("Your supervisor, and nobody else. They acknowledge it and record what was done."),
                            qsTr("Your organisation's safeguarding lead as well, if your supervisor has not acknowledged it within 2 working days."),
                            qsTr("Not %1, and not the programme's coordinators. You will see whether and when it was acknowledged.").arg(raiseForm.otherName)
                        ]
                        delegate: Row {
                            id: point
                            required property string modelData
                            width: parent ? parent.width : 0
                            spacing: Theme.unit
                            Label {
                                id: bullet
                                text: "\u2022"
                                color: Theme.text
                            }
                            Label {
                                width: point.width - bullet.width - point.spacing
                                text: point.modelData
                                wrapMode: Text.Wrap
                                color: Theme.text
                                lineHeight: 1.15
                            }
                        }
                    }
                }
            }
            ErrorSummary {
                objectName: "raiseConcernErrorSummary"
                Layout.fillWidth: true
                visible: !page.choosing && count > 0
                flickable: flick
                errors: raiseForm.fieldErrors
                message: raiseForm.errorMessage
                fields: [{ key: "description", item: concernDescriptionField }]
            }
            SectionCard {
                objectName: "raiseConcernFormCard"
                Layout.fillWidth: true
                visible: !page.choosing
                title: qsTr("What is the risk?")
                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit / 2
                    TextBox {
                        id: concernDescriptionField
                        objectName: "concernDescriptionField"
                        error: raiseForm.fieldErrors.description || ""
                        width: parent.width
                        height: Math.max(160, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        example: qsTr("What you saw or heard, who is at risk, and how urgent it is.")
                        text: raiseForm.description
                        onTextChanged: raiseForm.description = text
                        Accessible.name: qsTr("Describe the risk")
                    }
                    RowLayout {
                        width: parent.width
                        Hint {
                            Layout.fillWidth: true
                            text: qsTr("Kept on this device as you type.")
                        }
                        Hint {
                            objectName: "concernDescriptionLength"
                            text: Safeguarding.lengthLabel(raiseForm.description)
                            color: Safeguarding.lengthOf(raiseForm.description) > Safeguarding.textMaxLength ? Theme.error : Theme.secondaryText
                        }
                    }
                    FieldError {
                        objectName: "concernDescriptionError"
                        width: parent.width
                        text: raiseForm.fieldErrors.description || ""
                    }
                }
            }

            PrimaryButton {
                objectName: "raiseConcernSaveButton"
                Layout.fillWidth: page.compact
                visible: !page.choosing
                enabled: !raiseForm.busy
                text: qsTr("Raise the concern")
                onClicked: raiseForm.save()
            }
        }
    }
}
