import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// One choice out of a few, as NHS radios: large round buttons with their
// labels, one under another, or side by side when `inline` (for a few
// short choices: "30", "45", "60"). `options` [{key, label, name?}]: `name`
// is the radio's objectName, else `namePrefix` + key. Shows `key` and reports
// a choice through picked(); the owner updates `key`.
ColumnLayout {
    id: choice

    property string label
    property var options: []
    property string key
    property string error
    /// Helper text under the label.
    property string hint
    property bool inline: false
    property string namePrefix: "radio-"
    /// The first radio, for focusing the choice from an error summary.
    property Item input: null

    signal picked(string key)

    spacing: 0
    Accessible.role: Accessible.Grouping
    Accessible.name: label

    CaptionLabel {
        visible: choice.label.length > 0
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.unit / 2
        text: choice.label
    }
    HintLabel {
        visible: choice.hint.length > 0
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.unit / 2
        text: choice.hint
    }
    FieldError {
        text: choice.error
    }
    ButtonGroup { id: group }
    Flow {
        id: flow
        Layout.fillWidth: true
        spacing: choice.inline ? 2 * Theme.unit : 0
        // The delegate reads its owner by id (Qt 6.4 has no pragma ComponentBehavior).
        // qmllint disable unqualified
        Repeater {
            model: choice.options
            onItemAdded: (index, item) => {
                if (index === 0)
                    choice.input = item;
            }
            delegate: RadioButton {
                id: radio
                required property var modelData
                objectName: modelData.name || (choice.namePrefix + modelData.key)
                // Inline choices are short and kept on one line each: a
                // width taken from a wrapping label would loop.
                width: choice.inline ? implicitWidth : flow.width
                ButtonGroup.group: group
                checked: choice.key === modelData.key
                text: modelData.label
                implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                font.pixelSize: Theme.bodySize
                Accessible.name: modelData.label
                onClicked: {
                    choice.picked(modelData.key);
                    // A click sets `checked` itself: bound again, so that a
                    // later change of `key` shows.
                    checked = Qt.binding(() => choice.key === radio.modelData.key);
                }
                indicator: Rectangle {
                    x: radio.leftPadding
                    y: (radio.height - height) / 2
                    width: 32
                    height: 32
                    radius: 16
                    color: radio.visualFocus ? Theme.focus : Theme.surface
                    border.width: radio.visualFocus ? 4 : 2
                    border.color: radio.visualFocus ? Theme.focusText : Theme.text
                    Rectangle {
                        anchors.centerIn: parent
                        visible: radio.checked
                        width: 16
                        height: 16
                        radius: 8
                        color: Theme.text
                    }
                }
                contentItem: Label {
                    leftPadding: 32 + Theme.unit * 1.5
                    text: radio.text
                    font: radio.font
                    color: Theme.text
                    wrapMode: choice.inline ? Text.NoWrap : Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
        // qmllint enable unqualified
    }
}
