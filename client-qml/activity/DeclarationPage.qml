import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The person's optional answers about their work — staff group,
// profession, pay band, clinical or not — and, where their organisation
// monitors equality, their ethnic group and disability. Reached from the
// card on Home (asked once) and from the Account page (always). Says
// plainly that nobody sees the answers: the programme sees counts only.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias form: declaration
    property string notice

    /// Back to where the page was opened from.
    signal closed()

    objectName: "declarationPage"
    title: qsTr("About your work")
    background: Rectangle { color: Theme.background }

    // Fresh answers each time the page shows: they may have been saved on
    // another device.
    onVisibleChanged: {
        if (visible) {
            notice = "";
            declaration.reload();
        }
    }

    DeclarationForm {
        id: declaration
        objectName: "declarationForm"
        onSaved: message => {
            page.notice = message;
            flick.contentY = 0;
        }
    }

    // One question answered by picking from a list ("Not answered" first).
    // Positioners, not layouts: wrapped text makes height depend on width,
    // which layouts settle late (a question's box drawn a line too low).
    component SelectQuestion: Column {
        id: question
        property string set
        property string key
        property string hint
        property string error
        property alias input: select
        signal picked(string key)

        Layout.fillWidth: true
        spacing: Theme.unit / 2
        CaptionLabel {
            width: parent.width
            text: Reach.question(question.set)
        }
        HintLabel {
            width: parent.width
            visible: question.hint.length > 0
            text: question.hint
        }
        FieldError {
            width: parent.width
            text: question.error
        }
        KeyedSelect {
            id: select
            objectName: question.set + "Select"
            width: parent.width
            // "Not answered" first, then the set's choices.
            options: Reach.options(question.set, true)
            key: question.key
            Accessible.name: Reach.question(question.set)
            Accessible.description: displayText
            onPicked: chosen => question.picked(chosen)
        }
    }

    // One question answered with radios, which can be left unanswered again.
    component RadioQuestion: Column {
        id: radios
        property string set
        property string key
        property string hint
        property string error
        readonly property alias input: choice.input
        signal picked(string key)

        Layout.fillWidth: true
        spacing: 0
        RadioChoice {
            id: choice
            objectName: radios.set + "Choice"
            width: parent.width
            label: Reach.question(radios.set)
            hint: radios.hint
            error: radios.error
            options: Reach.options(radios.set)
            namePrefix: radios.set + "-"
            key: radios.key
            onPicked: chosen => radios.picked(chosen)
        }
        TextButton {
            objectName: radios.set + "Clear"
            x: -Theme.unit
            visible: radios.key.length > 0
            text: qsTr("Clear this answer")
            Accessible.name: qsTr("Clear the answer to: %1").arg(Reach.question(radios.set))
            onClicked: radios.picked("")
        }
    }

    Flickable {
        id: flick
        objectName: "declarationFlick"
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 720)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "declarationBack"
                Layout.leftMargin: -Theme.unit
                visible: !page.compact
                text: qsTr("\u2039 Back")
                onClicked: page.closed()
            }
            Label {
                Layout.fillWidth: true
                visible: !page.compact
                text: qsTr("About your work")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("These questions help the programme see whether coaching and mentoring reach staff in every kind of role, profession and pay band.")
                wrapMode: Text.Wrap
                color: Theme.text
            }

            // Privacy, said before any question.
            Rectangle {
                objectName: "declarationPrivacy"
                Layout.fillWidth: true
                implicitHeight: privacy.implicitHeight + 4 * Theme.unit
                radius: Theme.radius
                color: Theme.primaryTint
                Accessible.role: Accessible.StaticText
                Accessible.name: privacyTitle.text + " " + privacyText.text
                ColumnLayout {
                    id: privacy
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * Theme.unit }
                    spacing: Theme.unit / 2
                    Label {
                        id: privacyTitle
                        Layout.fillWidth: true
                        text: qsTr("Nobody sees your answers")
                        font.pixelSize: Theme.subtitleSize
                        font.weight: Font.DemiBold
                        color: Theme.primaryDark
                        wrapMode: Text.Wrap
                    }
                    Label {
                        id: privacyText
                        Layout.fillWidth: true
                        text: qsTr("Not your coach or mentor, not your manager, not the programme's coordinators. The programme only sees how many people gave each answer, and never a number smaller than 8.")
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Every question is optional. Leave out any you would rather not answer, or choose \u201cPrefer not to say\u201d.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }

            ErrorBanner {
                objectName: "declarationNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            ErrorSummary {
                objectName: "declarationErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: declaration.fieldErrors
                message: declaration.loaded ? declaration.errorMessage : ""
                fields: [{ key: "staffGroup", item: staffGroupQuestion },
                         { key: "profession", item: professionQuestion },
                         { key: "payBand", item: payBandQuestion },
                         { key: "clinical", item: clinicalQuestion },
                         { key: "ethnicGroup", item: ethnicGroupQuestion },
                         { key: "disability", item: disabilityQuestion }]
            }

            // Loading, or could not load: nothing to answer yet.
            RowLayout {
                Layout.fillWidth: true
                visible: !declaration.loaded && declaration.loading
                spacing: Theme.unit
                BusyIndicator {
                    Layout.preferredWidth: 32
                    Layout.preferredHeight: 32
                    running: parent.visible
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Loading your answers\u2026")
                    color: Theme.secondaryText
                    wrapMode: Text.Wrap
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                visible: !declaration.loaded && !declaration.loading && declaration.errorMessage.length > 0
                spacing: Theme.unit
                ErrorBanner {
                    objectName: "declarationLoadError"
                    Layout.fillWidth: true
                    text: declaration.loaded ? "" : declaration.errorMessage
                    onDismissed: declaration.clearError()
                }
                SecondaryButton {
                    text: qsTr("Try again")
                    onClicked: declaration.reload()
                }
            }

            SectionCard {
                objectName: "workQuestions"
                Layout.fillWidth: true
                visible: declaration.loaded
                title: qsTr("Your work")

                SelectQuestion {
                    id: staffGroupQuestion
                    set: "staffGroup"
                    key: declaration.staffGroup
                    error: declaration.fieldErrors.staffGroup || ""
                    onPicked: chosen => declaration.staffGroup = chosen
                }
                SelectQuestion {
                    id: professionQuestion
                    set: "profession"
                    key: declaration.profession
                    error: declaration.fieldErrors.profession || ""
                    onPicked: chosen => declaration.profession = chosen
                }
                SelectQuestion {
                    id: payBandQuestion
                    set: "payBand"
                    key: declaration.payBand
                    hint: qsTr("Your Agenda for Change band. Band 8 covers 8a to 8d.")
                    error: declaration.fieldErrors.payBand || ""
                    onPicked: chosen => declaration.payBand = chosen
                }
                RadioQuestion {
                    id: clinicalQuestion
                    set: "clinical"
                    key: declaration.clinical
                    hint: qsTr("A clinical role involves caring for patients or people who use services.")
                    error: declaration.fieldErrors.clinical || ""
                    onPicked: chosen => declaration.clinical = chosen
                }
            }

            SectionCard {
                objectName: "equalityQuestions"
                Layout.fillWidth: true
                visible: declaration.loaded && declaration.equalityMonitoring
                title: qsTr("About you")
                subtitle: qsTr("Your organisation asks these two questions to check that the programme reaches everyone fairly.")

                RadioQuestion {
                    id: ethnicGroupQuestion
                    set: "ethnicGroup"
                    key: declaration.ethnicGroup
                    error: declaration.fieldErrors.ethnicGroup || ""
                    onPicked: chosen => declaration.ethnicGroup = chosen
                }
                RadioQuestion {
                    id: disabilityQuestion
                    set: "disability"
                    key: declaration.disability
                    hint: qsTr("Under the Equality Act 2010: a physical or mental condition that has a substantial, long-term effect on your day-to-day activities.")
                    error: declaration.fieldErrors.disability || ""
                    onPicked: chosen => declaration.disability = chosen
                }
            }

            Label {
                objectName: "declarationSavedAt"
                Layout.fillWidth: true
                visible: declaration.savedText.length > 0
                text: declaration.savedText
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            Flow {
                Layout.fillWidth: true
                visible: declaration.loaded
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "declarationSave"
                    width: page.compact ? parent.width : implicitWidth
                    enabled: !declaration.busy
                    text: declaration.busy ? qsTr("Saving\u2026") : qsTr("Save my answers")
                    onClicked: declaration.save()
                }
                TextButton {
                    objectName: "declarationCancel"
                    width: page.compact ? parent.width : implicitWidth
                    text: qsTr("Cancel")
                    onClicked: {
                        declaration.revert();
                        page.closed();
                    }
                }
            }
        }
    }
}
