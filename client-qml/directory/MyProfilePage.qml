import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// Coaches and mentors: their own profile in the pool. Saving it the first
// time applies to join; afterwards it updates what people see. Shows where
// the application stands, a decline reason, and why a profile is unlisted.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias detail: profileDetail
    readonly property string status: profileDetail.profile.status || ""
    property string notice
    property string kind: "coach"
    property var specialisms: []
    property var deliveryModes: []
    property string availability: "accepting"
    property string trainingLevel: ""
    property string payBand: ""
    readonly property bool mentoring: kind === "mentor" || kind === "coach_and_mentor"
    readonly property bool coaching: kind === "coach" || kind === "coach_and_mentor"

    function splitList(text: string): var {
        return text.split(",").map(s => s.trim()).filter(s => s.length > 0);
    }
    function has(list: var, key: string): bool {
        return list.indexOf(key) >= 0;
    }
    function toggled(list: var, key: string): var {
        const next = list.filter(k => k !== key);
        if (next.length === list.length)
            next.push(key);
        return next;
    }
    /// Fills the form from the saved profile.
    function fill() {
        const p = profileDetail.profile;
        if (!profileDetail.exists) {
            kind = Session.hasRole("coach") ? (Session.hasRole("mentor") ? "coach_and_mentor" : "coach") : "mentor";
            return;
        }
        kind = p.kind || "coach";
        headlineField.text = p.headline;
        bioField.text = p.bio;
        specialisms = p.specialisms;
        tagsField.text = p.tags.join(", ");
        professionsField.text = p.professions.join(", ");
        siteField.text = p.site;
        deliveryModes = p.deliveryModes;
        languagesField.text = p.languages.join(", ");
        availability = p.availability || "accepting";
        capacityBox.value = p.capacity > 0 ? p.capacity : 3;
        supervisionField.text = p.lastSupervisionOn;
        trainingLevel = p.trainingLevel;
        payBand = p.payBand;
        yearsBox.value = p.yearsExperience;
    }
    /// What is wrong with the form, before asking the server; "" if nothing.
    function problem(): string {
        if (headlineField.text.trim().length === 0)
            return qsTr("Headline is required.");
        if (headlineField.text.trim().length > Directory.headlineMaxLength)
            return qsTr("Headline must be %1 characters or fewer.").arg(Directory.headlineMaxLength);
        if (specialisms.length === 0)
            return qsTr("Choose at least one specialism.");
        if (deliveryModes.length === 0)
            return qsTr("Choose at least one way to meet.");
        if (splitList(languagesField.text).length === 0)
            return qsTr("Name at least one language.");
        if (supervisionField.text.length > 0 && !supervisionField.valid)
            return qsTr("Enter a real date for your last supervision, with the day, month and year, like 27 10 2026.");
        return "";
    }
    function save() {
        page.notice = "";
        const wrong = problem();
        if (wrong.length > 0) {
            profileDetail.errorMessage = wrong;
            return;
        }
        profileDetail.save({
            kind: kind, headline: headlineField.text, bio: bioField.text,
            specialisms: specialisms, tags: splitList(tagsField.text),
            professions: splitList(professionsField.text), site: siteField.text,
            deliveryModes: deliveryModes, languages: splitList(languagesField.text),
            availability: availability, capacity: capacityBox.value,
            lastSupervisionOn: supervisionField.text, trainingLevel: trainingLevel,
            payBand: mentoring ? payBand : "", yearsExperience: yearsBox.value
        });
    }

    objectName: "myProfilePage"
    title: qsTr("My profile")
    background: Rectangle { color: Theme.background }

    ProfileDetail {
        id: profileDetail
        mine: true
        onLoadingChanged: {
            if (!loading)
                page.fill();
        }
        onSaved: created => page.notice = created
                 ? qsTr("Application sent — a coordinator of your organisation will review it.")
                 : qsTr("Profile saved.")
        onChanged: message => page.notice = message
    }
    SpecialismListModel {
        id: specialismModel
    }

    Flickable {
        id: flick
        objectName: "myProfileFlick"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * page.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: page.margin
            y: page.margin
            width: Math.min(flick.width - 2 * page.margin, 820)
            spacing: 2 * Theme.unit

            Label {
                visible: !page.compact
                text: qsTr("My profile")
                font.pixelSize: Theme.headlineSize
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            BusyIndicator {
                visible: profileDetail.loading
                running: visible
            }

            // Where the profile stands.
            SectionCard {
                objectName: "myStatusCard"
                visible: !profileDetail.loading
                Layout.fillWidth: true
                title: !profileDetail.exists ? qsTr("Join the pool")
                       : qsTr("Status: %1").arg(profileDetail.profile.statusLabel)
                subtitle: !profileDetail.exists
                          ? qsTr("Fill in your profile and save it to apply. A coordinator of your organisation reviews each application and verifies your qualifications.")
                          : page.status === "applied" ? qsTr("Your application is waiting for a coordinator of your organisation.")
                          : page.status === "declined" ? qsTr("Your application was declined. Saving your profile again re-applies.")
                          : page.status === "paused" ? qsTr("A coordinator has paused your place in the pool; you are not listed.")
                          : page.status === "removed" ? qsTr("A coordinator has removed you from the pool.")
                          : profileDetail.profile.listed ? qsTr("You are listed: people looking for support can find you.")
                          : qsTr("You are approved but not listed.")
                LabelledValue {
                    objectName: "declineReason"
                    Layout.fillWidth: true
                    label: qsTr("Reason given")
                    value: page.status === "declined" ? profileDetail.profile.declineReason : ""
                }
                LabelledValue {
                    objectName: "unlistedReasons"
                    Layout.fillWidth: true
                    label: qsTr("Why you are not listed")
                    value: profileDetail.exists && !profileDetail.profile.listed
                           ? (profileDetail.profile.unlistedReasons || []).join("\n") : ""
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Profile")
                subtitle: qsTr("What people looking for support see.")

                Label { Layout.fillWidth: true; text: qsTr("I offer"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                KeyedSelect {
                    objectName: "kindField"
                    Layout.fillWidth: true
                    options: Directory.options("kind")
                    key: page.kind
                    Accessible.name: qsTr("I offer")
                    onPicked: key => page.kind = key
                }
                FormField {
                    id: headlineField
                    objectName: "headlineField"
                    Layout.fillWidth: true
                    label: qsTr("Headline")
                    helperText: qsTr("One line, at most %1 characters. %2 left.").arg(Directory.headlineMaxLength).arg(Directory.headlineMaxLength - headlineField.text.length)
                }
                Label { Layout.fillWidth: true; text: qsTr("About you"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                TextBox {
                    id: bioField
                    objectName: "bioField"
                    Layout.fillWidth: true
                    Layout.minimumHeight: 120
                    wrapMode: TextEdit.Wrap
                    Accessible.name: qsTr("About you")
                }
                Label { Layout.fillWidth: true; text: qsTr("Specialisms (1 to %1)").arg(Directory.maxSpecialisms); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Repeater {
                        model: specialismModel
                        // qmllint disable unqualified
                        delegate: ChoiceChip {
                            required property string code
                            required property string label
                            width: Math.min(implicitWidth, column.width - 6 * Theme.unit)
                            text: label
                            checked: page.specialisms.indexOf(code) >= 0
                            onClicked: page.specialisms = page.toggled(page.specialisms, code)
                        }
                        // qmllint enable unqualified
                    }
                }
                FormField {
                    id: tagsField
                    Layout.fillWidth: true
                    label: qsTr("Tags")
                    helperText: qsTr("Separate with commas; up to %1.").arg(Directory.maxTags)
                }
                FormField {
                    id: professionsField
                    objectName: "professionsField"
                    Layout.fillWidth: true
                    label: qsTr("Professions you have worked in")
                    helperText: qsTr("Separate with commas, e.g. Nursing, Social work.")
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: 2 * Theme.unit
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { Layout.fillWidth: true; text: qsTr("Years of experience"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                        SpinBox { id: yearsBox; objectName: "yearsField"; from: 0; to: Directory.maxYearsExperience; editable: true; Accessible.name: qsTr("Years of experience") }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        visible: page.coaching
                        Label { Layout.fillWidth: true; text: qsTr("Coaching training"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                        KeyedSelect {
                            Layout.fillWidth: true
                            options: Directory.options("trainingLevel", true, qsTr("None yet"))
                            key: page.trainingLevel
                            Accessible.name: qsTr("Coaching training")
                            onPicked: key => page.trainingLevel = key
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        visible: page.mentoring
                        Label { Layout.fillWidth: true; text: qsTr("Pay band (mentors)"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                        KeyedSelect {
                            objectName: "payBandField"
                            Layout.fillWidth: true
                            options: Directory.options("payBand", true, qsTr("Choose your band"))
                            key: page.payBand
                            Accessible.name: qsTr("Pay band")
                            onPicked: key => page.payBand = key
                        }
                    }
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Meeting")
                Label { Layout.fillWidth: true; text: qsTr("How you meet"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Repeater {
                        model: Directory.options("deliveryMode")
                        // qmllint disable unqualified
                        delegate: ChoiceChip {
                            required property var modelData
                            text: modelData.label
                            checked: page.deliveryModes.indexOf(modelData.key) >= 0
                            onClicked: page.deliveryModes = page.toggled(page.deliveryModes, modelData.key)
                        }
                        // qmllint enable unqualified
                    }
                }
                FormField {
                    id: siteField
                    Layout.fillWidth: true
                    label: qsTr("Site or base")
                }
                FormField {
                    id: languagesField
                    objectName: "languagesField"
                    Layout.fillWidth: true
                    label: qsTr("Languages")
                    helperText: qsTr("Separate with commas, e.g. English, Welsh.")
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: 2 * Theme.unit
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { Layout.fillWidth: true; text: qsTr("Availability"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                        KeyedSelect {
                            Layout.fillWidth: true
                            options: Directory.options("availability")
                            key: page.availability
                            Accessible.name: qsTr("Availability")
                            onPicked: key => page.availability = key
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { Layout.fillWidth: true; text: qsTr("People at once (1 to %1)").arg(Directory.maxCapacity); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                        SpinBox { id: capacityBox; objectName: "capacityField"; from: 1; to: Directory.maxCapacity; value: 3; editable: true; Accessible.name: qsTr("Capacity") }
                    }
                }
                DateField {
                    id: supervisionField
                    objectName: "supervisionField"
                    visible: page.coaching
                    Layout.fillWidth: true
                    label: qsTr("Last supervision")
                    helperText: qsTr("Coaches are listed only with supervision in the last 3 months. For example, 27 10 2026.")
                }
            }

            ErrorBanner {
                objectName: "myProfileError"
                Layout.fillWidth: true
                text: profileDetail.errorMessage
                onDismissed: profileDetail.clearError()
            }
            ErrorBanner {
                objectName: "myProfileNotice"
                Layout.fillWidth: true
                tone: "success"
                text: page.notice
                onDismissed: page.notice = ""
            }
            PrimaryButton {
                objectName: "saveProfileButton"
                Layout.fillWidth: page.compact
                enabled: !profileDetail.busy && !profileDetail.loading
                text: profileDetail.busy ? qsTr("Saving…")
                      : profileDetail.exists && page.status !== "declined" ? qsTr("Save profile") : qsTr("Save and apply")
                onClicked: page.save()
            }

            SectionCard {
                objectName: "qualificationsCard"
                visible: profileDetail.exists
                Layout.fillWidth: true
                title: qsTr("Qualifications")
                subtitle: qsTr("A coordinator verifies each one against its evidence.")
                Repeater {
                    model: profileDetail.profile.qualifications || []
                    // qmllint disable unqualified
                    delegate: RowLayout {
                        id: qualificationRow
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label { Layout.fillWidth: true; text: qualificationRow.modelData.title; font.weight: Font.DemiBold; wrapMode: Text.Wrap; color: Theme.text }
                            Label {
                                Layout.fillWidth: true
                                text: qualificationRow.modelData.typeLabel + "  \u00b7  " + qsTr("awarded %1").arg(qualificationRow.modelData.awardedLabel)
                                      + (qualificationRow.modelData.verified ? "  \u00b7  " + qsTr("verified") : "  \u00b7  " + qsTr("not verified yet"))
                                wrapMode: Text.Wrap
                                font.pixelSize: Theme.smallSize + 1
                                color: Theme.secondaryText
                            }
                        }
                        TextButton {
                            text: qsTr("Delete")
                            enabled: !profileDetail.busy
                            Accessible.name: qsTr("Delete %1").arg(qualificationRow.modelData.title)
                            onClicked: profileDetail.deleteQualification(qualificationRow.modelData.id)
                        }
                    }
                    // qmllint enable unqualified
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                Label { Layout.fillWidth: true; text: qsTr("Add a qualification"); wrapMode: Text.Wrap; font.weight: Font.DemiBold; color: Theme.text }
                KeyedSelect {
                    id: qualificationType
                    Layout.fillWidth: true
                    options: Directory.options("qualificationType")
                    key: "ilm_level_5"
                    Accessible.name: qsTr("Qualification type")
                    onPicked: key => qualificationType.key = key
                }
                FormField { id: qualificationTitle; Layout.fillWidth: true; label: qsTr("Title") }
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 2 * Theme.unit
                    DateField { id: awardedField; objectName: "awardedField"; Layout.fillWidth: true; label: qsTr("Awarded on") }
                    DateField { id: expiresField; objectName: "expiresField"; Layout.fillWidth: true; label: qsTr("Expires on (if it does)") }
                }
                FormField { id: evidenceField; Layout.fillWidth: true; label: qsTr("Evidence"); helperText: qsTr("Certificate number or a link; only coordinators see it.") }
                SecondaryButton {
                    objectName: "addQualificationButton"
                    enabled: !profileDetail.busy
                    text: qsTr("Add qualification")
                    onClicked: {
                        page.notice = "";
                        profileDetail.addQualification({
                            type: qualificationType.key, title: qualificationTitle.text,
                            awardedOn: awardedField.text, expiresOn: expiresField.text,
                            evidence: evidenceField.text
                        });
                    }
                }
            }
        }
    }
}
