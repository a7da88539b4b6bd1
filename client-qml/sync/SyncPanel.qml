import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// What is kept on this device waiting to reach the server — session
// records, contract terms, agreements, reviews, proposals, accepted, moved
// and cancelled sessions, endings, concerns: how many, each one in a line,
// why the last try failed, and "Sync now". A change the server refused
// stays here with the server's words until it is edited (where the app has
// a form for it), tried again or discarded. Hidden while the queue is empty.
SectionCard {
    id: panel

    /// Asks the page to open a refused change in its form.
    signal editRequested(string key, double relationshipId)

    objectName: "syncPanel"
    visible: SyncQueue.count > 0
    title: SyncQueue.waitingCount === 1 ? qsTr("1 change waiting to sync")
           : SyncQueue.waitingCount > 1 ? qsTr("%1 changes waiting to sync").arg(SyncQueue.waitingCount)
           : qsTr("Changes to check")
    subtitle: SyncQueue.waitingCount > 0
              ? qsTr("Kept safely on this device. They are sent as soon as the server can be reached; nothing you typed is lost if the app closes.")
              : qsTr("The server did not accept these. Correct them and send again, or discard them.")
    border.color: SyncQueue.refusedCount > 0 ? Theme.error : Theme.warningBorder

    Label {
        objectName: "syncLastError"
        Layout.fillWidth: true
        visible: SyncQueue.waitingCount > 0 && SyncQueue.lastError.length > 0
        text: qsTr("Last try: %1").arg(SyncQueue.lastError)
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize + 1
        color: Theme.warningText
    }

    // A positioner, not a layout, holds the entries: a model reset deletes
    // delegates, which Qt 6.4's layouts do not always survive.
    Column {
        Layout.fillWidth: true
        spacing: Theme.unit
        Repeater {
            model: SyncQueue
            // qmllint disable unqualified
            delegate: Rectangle {
                id: entry
                required property int index
                required property string key
                required property string summary
                required property string statusLabel
                required property string createdLabel
                required property string lastError
                required property bool refused
                required property bool editable
                required property bool readable
                required property double relationshipId
                property bool confirmingDiscard: false

                objectName: "syncEntry-" + index
                width: parent ? parent.width : 0
                implicitHeight: entryColumn.implicitHeight + 2 * Theme.unit
                radius: Theme.radius
                color: refused ? Theme.errorTint : Theme.warningTint

                Column {
                    id: entryColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit + 4 }
                    spacing: Theme.unit / 2
                    Label {
                        objectName: "syncEntrySummary"
                        width: parent.width
                        text: entry.summary
                        wrapMode: Text.Wrap
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    Label {
                        objectName: "syncEntryStatus"
                        width: parent.width
                        text: entry.statusLabel + "  \u00b7  " + entry.createdLabel
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize
                        color: Theme.secondaryText
                    }
                    Label {
                        objectName: "syncEntryError"
                        width: parent.width
                        visible: entry.refused
                        text: entry.lastError
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize + 1
                        font.weight: Font.DemiBold
                        color: Theme.error
                    }
                    Flow {
                        width: parent.width
                        visible: entry.refused && !entry.confirmingDiscard
                        spacing: Theme.unit
                        SecondaryButton {
                            objectName: "syncEditButton"
                            visible: entry.editable
                            text: qsTr("Edit")
                            onClicked: panel.editRequested(entry.key, entry.relationshipId)
                        }
                        TextButton {
                            objectName: "syncRetryButton"
                            visible: entry.readable
                            text: qsTr("Send again")
                            onClicked: SyncQueue.retry(entry.key)
                        }
                        TextButton {
                            objectName: "syncDiscardButton"
                            text: qsTr("Discard")
                            onClicked: entry.confirmingDiscard = true
                        }
                    }
                    Column {
                        width: parent.width
                        visible: entry.confirmingDiscard
                        spacing: Theme.unit / 2
                        Label {
                            width: parent.width
                            text: qsTr("Discard this change? It never reached the server and cannot be recovered.")
                            wrapMode: Text.Wrap
                            color: Theme.text
                        }
                        Flow {
                            width: parent.width
                            spacing: Theme.unit
                            PrimaryButton {
                                objectName: "syncConfirmDiscardButton"
                                text: qsTr("Discard")
                                onClicked: SyncQueue.discard(entry.key)
                            }
                            TextButton {
                                text: qsTr("Keep it")
                                onClicked: entry.confirmingDiscard = false
                            }
                        }
                    }
                }
            }
            // qmllint enable unqualified
        }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: SyncQueue.waitingCount > 0
        spacing: Theme.unit
        PrimaryButton {
            objectName: "syncNowButton"
            enabled: !SyncQueue.syncing
            text: SyncQueue.syncing ? qsTr("Sending…") : qsTr("Sync now")
            onClicked: SyncQueue.syncNow()
        }
        BusyIndicator {
            Layout.preferredWidth: 32
            Layout.preferredHeight: 32
            visible: SyncQueue.syncing
            running: visible
        }
    }
}
