import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: the specialism taxonomy that pool members choose from and
// people filter Find by, and a field to extend it. Opened from the Pool.
Page {
    id: page

    required property SpecialismListModel taxonomy
    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    /// The label of the specialism added last, for the notice.
    property string addedLabel
    property string addedCode

    signal back()

    function add() {
        page.addedLabel = "";
        page.taxonomy.addSpecialism(labelField.text);
    }

    objectName: "specialismsPage"
    background: Rectangle { color: Theme.background }

    Connections {
        target: page.taxonomy
        function onSpecialismAdded(code: string, label: string) {
            page.addedCode = code;
            page.addedLabel = label;
            labelField.text = "";
        }
    }
    Component.onCompleted: page.taxonomy.clearAddError()

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
            width: Math.min(flick.width - 2 * page.margin, Theme.contentMaxWidth)
            spacing: 2 * Theme.unit

            TextButton {
                objectName: "specialismsBackButton"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back to the pool")
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Specialisms")
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("The areas coaches and mentors say they specialise in, and that people filter Find by. Everyone in the programme shares this list.")
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Add a specialism")
                subtitle: qsTr("Add one only when none of the existing specialisms fits. It cannot be renamed or removed here.")

                // Field and button side by side on desktops, stacked on phones.
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: Theme.unit
                    FormField {
                        id: labelField
                        objectName: "specialismLabelField"
                        Layout.fillWidth: true
                        label: qsTr("Name")
                        placeholderText: qsTr("For example: Digital transformation")
                        helperText: qsTr("%1 to %2 characters, written as people should see it.").arg(Directory.specialismLabelMinLength).arg(Directory.specialismLabelMaxLength)
                        input.enabled: !page.taxonomy.adding
                        onAccepted: page.add()
                        onTextChanged: {
                            if (text.length > 0) {
                                page.taxonomy.clearAddError();
                                page.addedLabel = "";
                            }
                        }
                    }
                    PrimaryButton {
                        objectName: "addSpecialismButton"
                        // Level with the text field (both 52 px high), under its label.
                        Layout.alignment: Qt.AlignLeft | Qt.AlignTop
                        Layout.topMargin: page.compact ? 0 : labelField.input.parent.y
                        enabled: !page.taxonomy.adding
                        text: page.taxonomy.adding ? qsTr("Adding…") : qsTr("Add specialism")
                        onClicked: page.add()
                    }
                }
                ErrorBanner {
                    objectName: "specialismError"
                    Layout.fillWidth: true
                    text: page.taxonomy.addError
                    onDismissed: page.taxonomy.clearAddError()
                }
                ErrorBanner {
                    objectName: "specialismNotice"
                    Layout.fillWidth: true
                    tone: "success"
                    text: page.addedLabel.length > 0
                          ? qsTr("\u201c%1\u201d is now in the list. Pool members can choose it on their profile.").arg(page.addedLabel)
                          : ""
                    onDismissed: page.addedLabel = ""
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: page.taxonomy.loading && page.taxonomy.count === 0
                       ? qsTr("Loading specialisms…")
                       : page.taxonomy.count === 1 ? qsTr("1 specialism")
                       : qsTr("%1 specialisms").arg(page.taxonomy.count)
                Flow {
                    objectName: "specialismList"
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Repeater {
                        model: page.taxonomy
                        // qmllint disable unqualified
                        delegate: InfoChip {
                            required property string code
                            required property string label
                            readonly property bool justAdded: code === page.addedCode
                            objectName: "specialism-" + code
                            // The card's inner width, never the Flow's own (a layout loop).
                            width: Math.min(implicitWidth, column.width - 6 * Theme.unit)
                            implicitHeight: 32
                            color: justAdded ? Theme.successTint : Theme.primaryTint
                            border.color: justAdded ? Theme.success : "transparent"
                            strong: justAdded
                            text: label
                        }
                        // qmllint enable unqualified
                    }
                }
            }
        }
    }
}
