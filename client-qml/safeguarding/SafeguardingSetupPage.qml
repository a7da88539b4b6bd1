import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coordinators: who supervises each coach and mentor (the only person their
// safeguarding concerns reach) and each organisation's designated
// safeguarding lead (who reads a concern not acknowledged in time).
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias form: setupForm
    readonly property alias supervisors: supervisorModel
    readonly property alias coaches: coachModel
    readonly property alias leads: leadModel
    property string notice
    /// [{key, label}] for each choice, "Choose…" first; rebuilt on loading.
    property var supervisorOptions: []
    property var coachOptions: []
    property var leadOptions: []

    /// The accounts of `model` that `wanted` accepts, as options.
    function optionsOf(model: AccountListModel, wanted: var): var {
        const list = [{ key: "0", label: qsTr("Choose…") }];
        for (let i = 0; i < model.count; ++i) {
            const person = model.get(i);
            if (wanted(person))
                list.push({ key: String(person.accountId), label: qsTr("%1 (%2)").arg(person.displayName).arg(person.email) });
        }
        return list;
    }
    /// Leads: people of the organisation chosen.
    function refreshLeadOptions() {
        const organisation = setupForm.organisationId;
        const options = organisation > 0 ? optionsOf(leadModel, person => person.organisationId === organisation)
                                         : [{ key: "0", label: qsTr("Choose the organisation first") }];
        if (JSON.stringify(options) !== JSON.stringify(leadOptions))
            leadOptions = options;
    }
    function holds(person: var, role: string): bool {
        return person.roles.indexOf(role) >= 0;
    }
    function organisationOptions(): var {
        const ids = Session.coordinatedOrganisationIds;
        const list = [{ key: "0", label: qsTr("Choose…") }];
        for (let i = 0; i < ids.length; ++i)
            list.push({ key: String(ids[i]), label: Session.organisationNameFor(ids[i]) });
        return list;
    }
    /// The label of `key` in `options`, without the email.
    function nameIn(options: var, key: double): string {
        for (let i = 0; i < options.length; ++i) {
            if (options[i].key === String(key))
                return options[i].label.replace(/ \([^()]*\)$/, "");
        }
        return "";
    }

    objectName: "safeguardingSetupPage"
    background: Rectangle { color: Theme.background }

    // A choice no longer listed (the search changed) is no choice.
    onCoachOptionsChanged: {
        if (nameIn(coachOptions, setupForm.coachId).length === 0)
            setupForm.coachId = 0;
    }
    onLeadOptionsChanged: {
        if (nameIn(leadOptions, setupForm.leadId).length === 0)
            setupForm.leadId = 0;
    }

    SafeguardingSetupForm {
        id: setupForm
        objectName: "safeguardingSetupForm"
        onSaved: message => page.notice = message
        onBusyChanged: {
            if (busy)
                page.notice = "";
        }
    }
    // Supervisors are few: all of them. Coaches and leads: those matching
    // what is typed, in the organisations the coordinator runs.
    AccountListModel {
        id: supervisorModel
        objectName: "setupSupervisors"
        role: "supervisor"
        pageSize: 200
        // Rows arrive after `loading` turns false.
        onCountChanged: page.supervisorOptions = page.optionsOf(supervisorModel, () => true)
    }
    AccountListModel {
        id: coachModel
        objectName: "setupCoaches"
        query: coachSearch.text
        onCountChanged: page.coachOptions = page.optionsOf(coachModel, person => page.holds(person, "coach") || page.holds(person, "mentor"))
    }
    AccountListModel {
        id: leadModel
        objectName: "setupLeads"
        query: leadSearch.text
        onCountChanged: page.refreshLeadOptions()
    }
    Connections {
        target: setupForm
        function onDraftChanged() {
            page.refreshLeadOptions();
        }
    }

    Flickable {
        id: flick
        objectName: "safeguardingSetupFlick"
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

            Label {
                Layout.fillWidth: true
                text: qsTr("A coach's or mentor's safeguarding concerns reach their supervisor and nobody else, so each needs one recorded. A concern not acknowledged within 2 working days also goes to the safeguarding lead of the coach's organisation.")
                wrapMode: Text.Wrap
                color: Theme.secondaryText
            }
            ErrorBanner {
                objectName: "setupNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            ErrorBanner {
                objectName: "setupError"
                Layout.fillWidth: true
                text: setupForm.errorMessage
                onDismissed: setupForm.clearError()
            }

            SectionCard {
                objectName: "supervisorCard"
                Layout.fillWidth: true
                title: qsTr("Supervisor of a coach or mentor")
                FormField {
                    id: coachSearch
                    objectName: "setupCoachSearch"
                    Layout.fillWidth: true
                    label: qsTr("Coach or mentor")
                    placeholderText: qsTr("Type part of a name or email")
                }
                KeyedSelect {
                    id: coachField
                    objectName: "setupCoachField"
                    Layout.fillWidth: true
                    options: page.coachOptions
                    key: String(setupForm.coachId)
                    Accessible.name: qsTr("Coach or mentor")
                    onPicked: key => setupForm.coachId = Number(key)
                }
                FieldError { objectName: "setupCoachError"; text: setupForm.fieldErrors.coachId || "" }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Their supervisor")
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                KeyedSelect {
                    id: supervisorField
                    objectName: "setupSupervisorField"
                    Layout.fillWidth: true
                    options: page.supervisorOptions
                    key: String(setupForm.supervisorId)
                    Accessible.name: qsTr("Their supervisor")
                    onPicked: key => setupForm.supervisorId = Number(key)
                }
                FieldError { objectName: "setupSupervisorError"; text: setupForm.fieldErrors.supervisorId || "" }
                PrimaryButton {
                    objectName: "setupSupervisorSave"
                    Layout.fillWidth: page.compact
                    enabled: !setupForm.busy
                    text: qsTr("Record the supervisor")
                    onClicked: setupForm.saveSupervisor(page.nameIn(page.coachOptions, setupForm.coachId),
                                                        page.nameIn(page.supervisorOptions, setupForm.supervisorId))
                }
            }

            SectionCard {
                objectName: "leadCard"
                Layout.fillWidth: true
                title: qsTr("Safeguarding lead of an organisation")
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Organisation")
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                KeyedSelect {
                    id: organisationField
                    objectName: "setupOrganisationField"
                    Layout.fillWidth: true
                    options: page.organisationOptions()
                    key: String(setupForm.organisationId)
                    Accessible.name: qsTr("Organisation")
                    onPicked: key => {
                        setupForm.organisationId = Number(key);
                        setupForm.leadId = 0;
                    }
                }
                FieldError { objectName: "setupOrganisationError"; text: setupForm.fieldErrors.organisationId || "" }
                FormField {
                    id: leadSearch
                    objectName: "setupLeadSearch"
                    Layout.fillWidth: true
                    label: qsTr("Safeguarding lead (someone in that organisation)")
                    placeholderText: qsTr("Type part of a name or email")
                }
                KeyedSelect {
                    id: leadField
                    objectName: "setupLeadField"
                    Layout.fillWidth: true
                    options: page.leadOptions
                    key: String(setupForm.leadId)
                    Accessible.name: qsTr("Safeguarding lead")
                    onPicked: key => setupForm.leadId = Number(key)
                }
                FieldError { objectName: "setupLeadError"; text: setupForm.fieldErrors.leadId || "" }
                PrimaryButton {
                    objectName: "setupLeadSave"
                    Layout.fillWidth: page.compact
                    enabled: !setupForm.busy
                    text: qsTr("Name the safeguarding lead")
                    onClicked: setupForm.saveLead(Session.organisationNameFor(setupForm.organisationId),
                                                  page.nameIn(page.leadOptions, setupForm.leadId))
                }
            }
        }
    }
}
