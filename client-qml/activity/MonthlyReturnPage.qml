import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One month's return: what Tandem counted from the sessions recorded, the
// hours done outside Tandem, the emerging themes (from the programme's
// list, plus a short new one), and Confirm — or, once confirmed, what was
// confirmed, its history, and a correction with a reason.
Page {
    id: page

    required property string month
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 3 * Theme.unit
    readonly property alias form: returnForm
    readonly property var derived: returnForm.monthlyReturn.derived || ({})
    property string notice

    signal closed()

    objectName: "monthlyReturnPage"
    title: returnForm.monthlyReturn.monthWords || qsTr("Monthly return")
    background: Rectangle { color: Theme.background }

    MonthlyReturnForm {
        id: returnForm
        objectName: "returnForm"
        month: page.month
        onSaved: {
            page.notice = qsTr("Confirmed. Thank you.");
            flick.contentY = 0;
        }
    }
    SpecialismListModel {
        id: taxonomy
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
            width: Math.min(flick.width - 2 * page.margin, 760)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "backToReturns"
                text: qsTr("\u2039 All returns")
                onClicked: page.closed()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Return for %1").arg(returnForm.monthlyReturn.monthWords || "")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                objectName: "returnState"
                text: returnForm.monthlyReturn.stateText || ""
                color: returnForm.amending ? Theme.success : Theme.warningText
                wrapMode: Text.Wrap
            }
            ErrorBanner {
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            ErrorBanner {
                objectName: "returnError"
                Layout.fillWidth: true
                text: returnForm.errorMessage
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("What Tandem counted")
                subtitle: qsTr("From the sessions recorded in your relationships this month.")
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: Theme.unit / 2
                    Label { text: qsTr("Coaching"); color: Theme.secondaryText }
                    Label { objectName: "countedCoaching"; text: page.derived.coachingText || ""; color: Theme.text; font.weight: Font.DemiBold }
                    Label { text: qsTr("Mentoring"); color: Theme.secondaryText }
                    Label { text: page.derived.mentoringText || ""; color: Theme.text; font.weight: Font.DemiBold }
                    Label { text: qsTr("Sessions held"); color: Theme.secondaryText }
                    Label { text: String(page.derived.held || 0); color: Theme.text }
                    Label { text: qsTr("Cancelled"); color: Theme.secondaryText }
                    Label { text: String(page.derived.cancelled || 0); color: Theme.text }
                    Label { text: qsTr("Not attended"); color: Theme.secondaryText }
                    Label { text: String(page.derived.notAttended || 0); color: Theme.text }
                    Label { text: qsTr("Relationships under way"); color: Theme.secondaryText }
                    Label { text: qsTr("%1, of which %2 new").arg(page.derived.active || 0).arg(page.derived.started || 0); color: Theme.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Hours outside Tandem")
                subtitle: qsTr("Coaching or mentoring you did that is not recorded here.")
                Repeater {
                    model: returnForm.added
                    // qmllint disable unqualified
                    delegate: RowLayout {
                        id: addedRow
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: addedRow.modelData.text
                            wrapMode: Text.Wrap
                            color: Theme.text
                        }
                        TextButton {
                            text: qsTr("Remove")
                            Accessible.name: qsTr("Remove %1").arg(addedRow.modelData.text)
                            onClicked: returnForm.removeHours(addedRow.index)
                        }
                    }
                    // qmllint enable unqualified
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 2 : 4
                    columnSpacing: Theme.unit
                    rowSpacing: Theme.unit
                    SelectField {
                        id: addKind
                        objectName: "addedKind"
                        Layout.fillWidth: true
                        model: [{ key: "coaching", label: qsTr("Coaching") }, { key: "mentoring", label: qsTr("Mentoring") }]
                        textRole: "label"
                        valueRole: "key"
                        Accessible.name: qsTr("Kind")
                    }
                    SelectField {
                        id: addCategory
                        objectName: "addedCategory"
                        Layout.fillWidth: true
                        model: [{ key: "individual", label: qsTr("One to one") }, { key: "group", label: qsTr("Group or team") }]
                        textRole: "label"
                        valueRole: "key"
                        Accessible.name: qsTr("One to one or group")
                    }
                    SpinBox {
                        id: addMinutes
                        objectName: "addedMinutes"
                        Layout.fillWidth: true
                        from: 15
                        to: 6000
                        stepSize: 15
                        value: 60
                        editable: true
                        textFromValue: value => Math.floor(value / 60) + " h " + (value % 60 > 0 ? (value % 60) + " min" : "")
                        valueFromText: text => {
                            const m = text.match(/(\d+)\s*h\s*(\d+)?/);
                            return m ? parseInt(m[1]) * 60 + (m[2] ? parseInt(m[2]) : 0) : 60;
                        }
                        Accessible.name: qsTr("Hours")
                    }
                    CheckOption {
                        id: addPaid
                        objectName: "addedPaid"
                        text: qsTr("Paid")
                    }
                }
                SecondaryButton {
                    objectName: "addHours"
                    text: qsTr("Add these hours")
                    onClicked: returnForm.addHours(addKind.currentValue, addCategory.currentValue, addPaid.checked, addMinutes.value)
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Emerging themes")
                subtitle: qsTr("What came up in your coaching and mentoring this month. Themes are counted across the programme, never shown as yours.")
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Repeater {
                        model: taxonomy
                        // qmllint disable unqualified
                        delegate: ChoiceChip {
                            required property string code
                            required property string label
                            objectName: "theme-" + code
                            text: label
                            checked: returnForm.themes.indexOf(code) >= 0
                            onClicked: returnForm.toggleTheme(code)
                        }
                        // qmllint enable unqualified
                    }
                }
                Label {
                    text: qsTr("A new theme (optional)")
                    color: Theme.text
                }
                FormField {
                    objectName: "newTheme"
                    Layout.fillWidth: true
                    text: returnForm.newTheme
                    onTextChanged: returnForm.newTheme = text
                    Component.onCompleted: input.maximumLength = 60
                    Accessible.name: qsTr("A new theme")
                }
            }

            SectionCard {
                Layout.fillWidth: true
                visible: returnForm.amending
                title: qsTr("Correct this return")
                Label {
                    text: qsTr("Why are you correcting it?")
                    color: Theme.text
                }
                TextBox {
                    objectName: "amendReason"
                    Layout.fillWidth: true
                    text: returnForm.reason
                    onTextChanged: returnForm.reason = text
                    Accessible.name: qsTr("Why you are correcting it")
                }
            }

            PrimaryButton {
                objectName: "submitReturn"
                Layout.fillWidth: page.compact
                enabled: returnForm.loaded && !returnForm.busy && returnForm.monthlyReturn.state !== "open"
                text: returnForm.amending ? qsTr("Save the correction") : qsTr("Confirm my return")
                onClicked: returnForm.submit()
            }

            SectionCard {
                Layout.fillWidth: true
                visible: (returnForm.monthlyReturn.history || []).length > 0
                title: qsTr("Earlier versions")
                Repeater {
                    model: returnForm.monthlyReturn.history || []
                    // qmllint disable unqualified
                    delegate: Label {
                        required property var modelData
                        Layout.fillWidth: true
                        text: qsTr("Version %1, %2").arg(modelData.version).arg(modelData.atText)
                              + (modelData.reason ? " \u2014 " + modelData.reason : "")
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                    // qmllint enable unqualified
                }
            }
        }
    }
}
