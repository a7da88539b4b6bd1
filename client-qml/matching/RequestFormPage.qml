import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// "Ask for support": what a person is looking for, checked before it is
// sent. Asking to be matched leads on to suggestions; naming a pool member
// (from their profile) sends the request straight to them.
Page {
    id: page

    readonly property bool compact: Window.width < Theme.compactWidth
    readonly property int margin: compact ? 2 * Theme.unit : 4 * Theme.unit
    readonly property alias form: requestForm
    readonly property alias avoidResults: avoidResults
    /// What the named member offers ("coach", "mentor", "coach_and_mentor");
    /// empty when asking to be matched.
    property string memberKind
    readonly property bool named: requestForm.memberId > 0
    /// The kinds of support on offer here.
    readonly property var kinds: memberKind === "coach" ? ["coaching"]
                                 : memberKind === "mentor" ? ["mentoring"]
                                 : ["coaching", "mentoring"]
    /// Languages offered as a preference.
    property var languages: ["English", "Welsh", "Polish", "Urdu", "Punjabi", "Romanian"]

    signal back()
    /// The request exists; `request` is its map (MatchingCatalogue::toMap).
    signal submitted(var request)

    /// Starts a fresh form, for a named member or to be matched, taking the
    /// preferences of `previous` (a request map) if given.
    function start(memberId: double, memberName: string, kind: string, previous: var) {
        requestForm.reset();
        memberKind = kind;
        if (previous)
            requestForm.fillFrom(previous);
        requestForm.memberId = memberId;
        requestForm.memberName = memberName;
        if (kinds.length === 1)
            requestForm.kind = kinds[0];
        avoidSearch.text = "";
        flick.contentY = 0;
    }
    function languageOptions(): var {
        const list = [{ key: "", label: qsTr("No preference") }];
        for (let i = 0; i < languages.length; ++i)
            list.push({ key: languages[i], label: languages[i] });
        return list;
    }
    function kindHint(key: string): string {
        return key === "coaching"
                ? qsTr("Towards goals you set, over an agreed number of sessions, with a qualified coach.")
                : qsTr("Career and professional development with someone more senior, for as long as it helps.");
    }

    component Caption: Label {
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        color: Theme.text
    }
    component Hint: Label {
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize
        color: Theme.secondaryText
    }

    objectName: "requestFormPage"
    background: Rectangle { color: Theme.background }

    RequestForm {
        id: requestForm
        objectName: "requestForm"
        onSubmitted: request => page.submitted(request)
    }
    SpecialismListModel {
        id: specialismModel
    }
    // Pool members to avoid, found by name.
    ProfileSearchModel {
        id: avoidResults
        objectName: "avoidSearchModel"
        pageSize: 5
        query: avoidSearch.text
    }

    Flickable {
        id: flick
        objectName: "requestFormFlick"
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
                objectName: "requestFormBack"
                Layout.leftMargin: -Theme.unit
                text: qsTr("\u2190 Back")
                enabled: !requestForm.busy
                onClicked: page.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Label {
                    objectName: "requestFormTitle"
                    Layout.fillWidth: true
                    text: page.named ? qsTr("Ask %1 for support").arg(requestForm.memberName)
                                     : qsTr("Ask for a coach or mentor")
                    font.pixelSize: page.compact ? Theme.titleSize : Theme.headlineSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: page.named
                          ? qsTr("Your request goes straight to %1, who accepts or declines it. Only what you write here is shared.").arg(requestForm.memberName)
                          : qsTr("Say what you are looking for. We suggest people who fit and say why; you choose who to ask. Only what you write here is shared.")
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }

            ErrorSummary {
                objectName: "requestErrorSummary"
                Layout.fillWidth: true
                flickable: flick
                errors: requestForm.fieldErrors
                message: requestForm.errorMessage
                fields: [{ key: "kind", item: kindChoice }, { key: "gap", item: gapField },
                         { key: "themes", item: themesSection }, { key: "payBand", item: payBandField },
                         { key: "avoid", item: avoidSearch }]
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("What you are looking for")

                // Positioners, not layouts, around wrapped text: a layout
                // would ask the text's height before it knows its width.
                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    RadioChoice {
                        id: kindChoice
                        objectName: "kindChoice"
                        width: parent.width
                        label: qsTr("Coaching or mentoring")
                        namePrefix: "requestKind-"
                        options: page.kinds.map(k => ({ key: k, label: Directory.supportKindLabel(k) }))
                        key: requestForm.kind
                        error: requestForm.fieldErrors.kind || ""
                        onPicked: key => requestForm.kind = key
                    }
                    Hint {
                        width: parent.width
                        visible: requestForm.kind.length > 0
                        text: page.kindHint(requestForm.kind)
                    }
                }

                Column {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Caption { width: parent.width; text: qsTr("What gap would you like this to fill?") }
                    TextBox {
                        id: gapField
                        objectName: "gapField"
                        error: requestForm.fieldErrors.gap || ""
                        width: parent.width
                        height: Math.max(120, implicitHeight)
                        wrapMode: TextEdit.Wrap
                        example: qsTr("For example: I have just become a ward manager and want to grow in confidence leading my team.")
                        text: requestForm.gap
                        Accessible.name: qsTr("What gap would you like this to fill?")
                        onTextChanged: requestForm.gap = text
                    }
                    Hint {
                        objectName: "gapCounter"
                        readonly property int length: requestForm.gap.trim().length
                        width: parent.width
                        text: length < Matching.gapMinLength
                              ? qsTr("In your own words, at least %1 characters.").arg(Matching.gapMinLength)
                              : qsTr("%1 characters left.").arg(Math.max(0, Matching.gapMaxLength - length))
                        color: length > Matching.gapMaxLength ? Theme.error : Theme.secondaryText
                    }
                    FieldError {
                        objectName: "gapError"
                        width: parent.width
                        text: requestForm.fieldErrors.gap || ""
                    }
                }

                Column {
                    id: themesSection
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Caption { width: parent.width; text: qsTr("Themes (up to %1, optional)").arg(Matching.maxThemes) }
                    Hint { width: parent.width; text: qsTr("Chosen themes help find someone who specialises in them.") }
                    Flow {
                        objectName: "themeChips"
                        width: parent.width
                        spacing: Theme.unit
                        Repeater {
                            model: specialismModel
                            // qmllint disable unqualified
                            delegate: ChoiceChip {
                                required property string code
                                required property string label
                                objectName: "themeChip-" + code
                                width: Math.min(implicitWidth, themesSection.width)
                                text: label
                                checked: requestForm.themes.indexOf(code) >= 0
                                onClicked: requestForm.toggleTheme(code)
                            }
                            // qmllint enable unqualified
                        }
                    }
                    Hint {
                        objectName: "themesCounter"
                        width: parent.width
                        text: qsTr("%1 of %2 chosen").arg(requestForm.themes.length).arg(Matching.maxThemes)
                    }
                    FieldError {
                        objectName: "themesError"
                        width: parent.width
                        text: requestForm.fieldErrors.themes || ""
                    }
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Preferences")
                subtitle: page.named ? qsTr("Optional: they help %1 see what you need.").arg(requestForm.memberName)
                                     : qsTr("All optional: leave a choice empty for no preference.")

                // Two fields a row on desktops, one on phones. (A grid, not a
                // Flow: a Flow sizing its cells from its own width laid
                // them out at no width on a phone.)
                GridLayout {
                    id: preferences
                    Layout.fillWidth: true
                    columns: page.compact ? 1 : 2
                    columnSpacing: 2 * Theme.unit
                    rowSpacing: 2 * Theme.unit

                    Column {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        spacing: Theme.unit / 2
                        Caption { width: parent.width; text: qsTr("How you would like to meet") }
                        KeyedSelect {
                            objectName: "requestDeliveryField"
                            width: parent.width
                            options: Directory.options("deliveryMode", true, qsTr("No preference"))
                            key: requestForm.deliveryMode
                            Accessible.name: qsTr("How you would like to meet")
                            onPicked: key => requestForm.deliveryMode = key
                        }
                    }
                    Column {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        spacing: Theme.unit / 2
                        Caption { width: parent.width; text: qsTr("Language") }
                        KeyedSelect {
                            objectName: "requestLanguageField"
                            width: parent.width
                            options: page.languageOptions()
                            key: requestForm.language
                            Accessible.name: qsTr("Language")
                            onPicked: key => requestForm.language = key
                        }
                    }
                    Column {
                        visible: !page.named
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        spacing: Theme.unit / 2
                        Caption { width: parent.width; text: qsTr("Organisation") }
                        KeyedSelect {
                            objectName: "requestOrganisationField"
                            width: parent.width
                            options: Matching.options("organisationPreference")
                            key: requestForm.organisationPreference
                            Accessible.name: qsTr("Organisation")
                            onPicked: key => requestForm.organisationPreference = key
                        }
                    }
                    FormField {
                        objectName: "requestSiteField"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Site")
                        helperText: qsTr("For example, St Anne's Hospital")
                        text: requestForm.site
                        onTextChanged: requestForm.site = text
                    }
                    FormField {
                        objectName: "requestProfessionField"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Your profession")
                        helperText: qsTr("For example, Nursing")
                        text: requestForm.profession
                        onTextChanged: requestForm.profession = text
                    }
                    Column {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        spacing: Theme.unit / 2
                        Caption {
                            width: parent.width
                            text: requestForm.kind === "mentoring" ? qsTr("Your pay band (needed for mentoring)")
                                                                  : qsTr("Your pay band")
                        }
                        KeyedSelect {
                            id: payBandField
                            objectName: "requestPayBandField"
                            width: parent.width
                            options: Directory.options("payBand", true, qsTr("Choose your band"))
                            key: requestForm.payBand
                            Accessible.name: qsTr("Your pay band")
                            onPicked: key => requestForm.payBand = key
                        }
                        Hint {
                            width: parent.width
                            text: qsTr("Used to find a mentor more senior than you.")
                        }
                        FieldError {
                            objectName: "payBandError"
                            width: parent.width
                            text: requestForm.fieldErrors.payBand || ""
                        }
                    }
                }
            }

            SectionCard {
                objectName: "avoidCard"
                visible: !page.named
                Layout.fillWidth: true
                title: qsTr("People you should not be matched with")
                subtitle: qsTr("Optional. For example your line manager or someone in your team: they will never be suggested.")

                Flow {
                    objectName: "avoidChips"
                    Layout.fillWidth: true
                    visible: requestForm.avoid.length > 0
                    spacing: Theme.unit
                    Repeater {
                        model: requestForm.avoid
                        // qmllint disable unqualified
                        delegate: ChoiceChip {
                            required property var modelData
                            objectName: "avoidChip-" + modelData.accountId
                            checked: true
                            text: modelData.displayName + "  \u2715"
                            Accessible.name: qsTr("Remove %1 from the list").arg(modelData.displayName)
                            onClicked: requestForm.removeAvoid(modelData.accountId)
                        }
                        // qmllint enable unqualified
                    }
                }
                TextField {
                    id: avoidSearch
                    objectName: "avoidSearchField"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget + 4
                    placeholderText: qsTr("Search by name")
                    placeholderTextColor: Theme.secondaryText
                    inputMethodHints: Qt.ImhNoPredictiveText
                    selectByMouse: true
                    Accessible.name: qsTr("Search for someone to avoid")
                    onAccepted: avoidResults.searchNow()
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: avoidSearch.text.trim().length > 0
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        visible: !avoidResults.loading && avoidResults.count === 0
                        text: qsTr("No coach or mentor by that name.")
                        color: Theme.secondaryText
                    }
                    Repeater {
                        model: avoidResults
                        // qmllint disable unqualified
                        delegate: ItemDelegate {
                            id: result
                            required property int index
                            required property double accountId
                            required property string displayName
                            required property string organisationName
                            // Reads `avoid` first so that the binding follows the list.
                            readonly property bool chosen: requestForm.avoid.length >= 0 && requestForm.avoids(accountId)
                            objectName: "avoidResult-" + index
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget + 4
                            enabled: !chosen
                            Accessible.name: qsTr("Avoid %1").arg(displayName)
                            onClicked: requestForm.addAvoid(accountId, displayName)
                            background: Rectangle {
                                color: result.down ? Theme.primaryTint : result.hovered ? Theme.surfaceSubtle : "transparent"
                                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                            }
                            contentItem: RowLayout {
                                spacing: Theme.unit
                                Label {
                                    Layout.fillWidth: true
                                    text: result.displayName + "  \u00b7  " + result.organisationName
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                }
                                Label {
                                    text: result.chosen ? qsTr("Added") : qsTr("Avoid")
                                    font.weight: Font.DemiBold
                                    color: result.chosen ? Theme.secondaryText : Theme.primary
                                }
                            }
                        }
                        // qmllint enable unqualified
                    }
                }
                FieldError {
                    objectName: "avoidError"
                    text: requestForm.fieldErrors.avoid || ""
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.unit
                PrimaryButton {
                    objectName: "submitRequestButton"
                    Layout.fillWidth: page.compact
                    enabled: !requestForm.busy
                    text: requestForm.busy ? qsTr("Sending…")
                          : page.named ? qsTr("Send request to %1").arg(requestForm.memberName)
                          : qsTr("Ask to be matched")
                    onClicked: requestForm.submit()
                }
                BusyIndicator {
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                    visible: requestForm.busy
                    running: visible
                }
            }
        }
    }
}
