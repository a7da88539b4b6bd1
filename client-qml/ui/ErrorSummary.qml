import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The NHS error summary: at the top of a refused form, "There is a
// problem" and each problem as a link that moves to its field. It scrolls
// itself into view and takes focus when a refusal arrives, so a screen
// reader reads it out and nobody has to look for what went wrong.
//
// `fields` lists the form's fields in page order: { key, item } where key
// is the form's name of the field (as in `errors`) and item the control to
// focus. A problem with a field not listed is shown without a link; the
// form's `message` is shown too unless it repeats a field's problem.
Rectangle {
    id: summary

    /// The form's field problems (FormBase.fieldErrors).
    property var errors: ({})
    /// A problem with the whole form (FormBase.errorMessage).
    property string message
    property var fields: []
    /// The page's Flickable, scrolled to the summary and to each field.
    property Flickable flickable

    readonly property var problems: {
        const errs = summary.errors || {};
        const listed = [];
        const seen = {};
        for (const f of summary.fields) {
            if (f && errs[f.key]) {
                listed.push({ key: f.key, text: errs[f.key], item: f.item });
                seen[f.key] = true;
            }
        }
        for (const key of Object.keys(errs)) {
            if (!seen[key] && errs[key])
                listed.push({ key: key, text: errs[key], item: null });
        }
        if (summary.message.length > 0 && !listed.some(p => p.text === summary.message))
            listed.push({ key: "", text: summary.message, item: null });
        return listed;
    }
    readonly property int count: problems.length
    /// The count last shown: the summary moves into view when it grows.
    property int shownCount: 0

    /// Scrolls `item` into view in the page, a little above it.
    function reveal(item: Item) {
        const f = summary.flickable;
        if (!f || !item)
            return;
        const y = item.mapToItem(f.contentItem, 0, 0).y - 2 * Theme.unit;
        f.contentY = Math.max(0, Math.min(y, f.contentHeight - f.height));
    }

    /// Moves to the field of problem `index` and focuses it.
    function goTo(index: int) {
        const p = summary.problems[index];
        if (!p || !p.item)
            return;
        summary.reveal(p.item);
        if (p.item.input)
            p.item.input.forceActiveFocus(Qt.OtherFocusReason);
        else
            p.item.forceActiveFocus(Qt.OtherFocusReason);
    }

    visible: count > 0
    implicitHeight: visible ? column.implicitHeight + 4 * Theme.unit : 0
    radius: Theme.radius
    color: Theme.surface
    border.color: summary.activeFocus ? Theme.focusText : Theme.error
    border.width: 4
    activeFocusOnTab: true

    Accessible.role: Accessible.AlertMessage
    Accessible.name: qsTr("There is a problem: %1").arg(problems.map(p => p.text).join(" "))

    // A refusal brings new problems; typing only takes them away, and
    // then focus stays where the person is typing.
    onCountChanged: {
        if (count > shownCount)
            arrived.restart();
        shownCount = count;
    }

    // Once the layout has placed it.
    Timer {
        id: arrived
        interval: 0
        onTriggered: {
            summary.reveal(summary);
            summary.forceActiveFocus(Qt.OtherFocusReason);
        }
    }

    Rectangle {
        visible: summary.activeFocus
        anchors { fill: parent; margins: -4 }
        z: -1
        radius: Theme.radius + 4
        color: Theme.focus
    }

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * Theme.unit }
        spacing: Theme.unit / 2

        Label {
            objectName: "errorSummaryTitle"
            Layout.fillWidth: true
            text: qsTr("There is a problem")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.subtitleSize
            font.weight: Font.Bold
            color: Theme.text
        }
        Repeater {
            model: summary.problems
            // qmllint disable unqualified
            delegate: TextButton {
                id: link
                required property var modelData
                required property int index
                objectName: "errorSummaryLink-" + (modelData.key || "form")
                Layout.fillWidth: true
                leftPadding: 0
                // A problem with no field to go to is read, not followed.
                focusPolicy: modelData.item ? Qt.StrongFocus : Qt.NoFocus
                hoverEnabled: modelData.item !== null
                text: modelData.text
                contentItem: Label {
                    text: link.text
                    font.pixelSize: link.font.pixelSize
                    font.weight: link.font.weight
                    color: link.visualFocus ? Theme.focusText : Theme.error
                    font.underline: link.modelData.item !== null
                    horizontalAlignment: Text.AlignLeft
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.Wrap
                }
                onClicked: summary.goTo(index)
            }
            // qmllint enable unqualified
        }
    }
}
