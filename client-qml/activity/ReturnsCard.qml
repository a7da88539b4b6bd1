import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Home, for coaches and mentors: the monthly return waiting to be
// confirmed ("Your return for November 2026 is due by Mon 7 December").
// Hidden when none is due.
SectionCard {
    id: card

    required property bool compact
    readonly property alias returns: returnsModel

    /// Opens the month's return.
    signal openRequested(string month)

    objectName: "returnsCard"
    visible: returnsModel.dueCount > 0
    title: qsTr("Monthly return")

    MonthlyReturns {
        id: returnsModel
        objectName: "monthlyReturns"
    }

    Label {
        Layout.fillWidth: true
        text: returnsModel.dueCount > 1
              ? qsTr("Your returns for %1 months wait to be confirmed; the oldest is for %2.").arg(returnsModel.dueCount).arg(returnsModel.firstDue.monthWords || "")
              : qsTr("Your return for %1 waits to be confirmed.").arg(returnsModel.firstDue.monthWords || "")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.subtitleSize
        font.weight: Font.DemiBold
        color: Theme.warningText
    }
    Label {
        Layout.fillWidth: true
        text: (returnsModel.firstDue.stateText || "") + ". " + qsTr("Tandem has counted your sessions; add anything it could not see.")
        wrapMode: Text.Wrap
        color: Theme.secondaryText
    }
    PrimaryButton {
        objectName: "openReturn"
        Layout.fillWidth: card.compact
        text: qsTr("Check and confirm")
        onClicked: card.openRequested(returnsModel.firstDue.month)
    }
}
