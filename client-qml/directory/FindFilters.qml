import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// The Find filters: kind, specialisms, delivery mode, organisation,
// language and accepting only. Used in the desktop side panel and in the
// phone filter sheet; changes apply to `search` at once.
ColumnLayout {
    id: filters

    required property ProfileSearchModel search
    required property SpecialismListModel specialisms
    /// Languages offered in the filter.
    property var languages: ["English", "Welsh", "Polish", "Urdu", "Punjabi", "Romanian"]

    function has(list: var, key: string): bool {
        return list.indexOf(key) >= 0;
    }
    function toggled(list: var, key: string): var {
        const next = list.filter(k => k !== key);
        if (next.length === list.length)
            next.push(key);
        return next;
    }
    function toggleSpecialism(code: string) {
        filters.search.specialisms = toggled(filters.search.specialisms, code);
    }
    function languageOptions(): var {
        const list = [{ key: "", label: qsTr("Any language") }];
        for (let i = 0; i < languages.length; ++i)
            list.push({ key: languages[i], label: languages[i] });
        return list;
    }

    component Caption: Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.unit
        font.pixelSize: Theme.bodySize
        font.weight: Font.DemiBold
        color: Theme.text
    }

    spacing: Theme.unit

    Caption { text: qsTr("Looking for") }
    KeyedSelect {
        objectName: "kindFilter"
        Layout.fillWidth: true
        options: Directory.options("supportKind", true, qsTr("Coaching or mentoring"))
        key: filters.search.kind
        Accessible.name: qsTr("Kind of support")
        onPicked: key => filters.search.kind = key
    }

    Caption { text: qsTr("Specialisms") }
    Flow {
        objectName: "specialismFilter"
        Layout.fillWidth: true
        spacing: Theme.unit
        Repeater {
            model: filters.specialisms
            // qmllint disable unqualified
            delegate: ChoiceChip {
                required property string code
                required property string label
                objectName: "specialismChip-" + code
                width: Math.min(implicitWidth, filters.width)
                text: label
                checked: filters.has(filters.search.specialisms, code)
                onClicked: filters.toggleSpecialism(code)
            }
            // qmllint enable unqualified
        }
    }

    Caption { text: qsTr("How you meet") }
    KeyedSelect {
        objectName: "deliveryFilter"
        Layout.fillWidth: true
        options: Directory.options("deliveryMode", true, qsTr("Any way"))
        key: filters.search.deliveryMode
        Accessible.name: qsTr("Delivery mode")
        onPicked: key => filters.search.deliveryMode = key
    }

    Caption { text: qsTr("Organisation") }
    KeyedSelect {
        objectName: "organisationFilter"
        Layout.fillWidth: true
        options: [{ key: "", label: qsTr("Any organisation") },
                  { key: "mine", label: qsTr("My organisation") },
                  { key: "others", label: qsTr("Other organisations") }]
        key: filters.search.organisationScope
        Accessible.name: qsTr("Organisation")
        onPicked: key => filters.search.organisationScope = key
    }

    Caption { text: qsTr("Language") }
    KeyedSelect {
        objectName: "languageFilter"
        Layout.fillWidth: true
        options: filters.languageOptions()
        key: filters.search.language
        Accessible.name: qsTr("Language")
        onPicked: key => filters.search.language = key
    }

    CheckOption {
        objectName: "acceptingOnlyFilter"
        Layout.fillWidth: true
        Layout.topMargin: Theme.unit
        text: qsTr("Accepting new people only")
        checked: filters.search.acceptingOnly
        onToggled: filters.search.acceptingOnly = checked
    }

    TextButton {
        objectName: "clearFiltersButton"
        Layout.alignment: Qt.AlignLeft
        visible: filters.search.activeFilterCount > 0
        text: qsTr("Clear filters")
        onClicked: filters.search.clearFilters()
    }
}
