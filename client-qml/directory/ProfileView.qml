import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem

// A pool member's profile as cards: about, specialisms, practical details
// and qualifications. Coordinators reviewing it (`reviewing`) also see the
// evidence of each qualification and can verify it.
ColumnLayout {
    id: view

    property var profile: ({})
    property SpecialismListModel taxonomy
    property bool reviewing: false
    property bool busy: false
    readonly property bool twoColumns: width >= 720

    signal verifyRequested(double qualificationId, bool verified)

    function joined(list: var): string {
        return list && list.length > 0 ? list.join(", ") : "";
    }

    spacing: 2 * Theme.unit

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("About")
        Label {
            objectName: "profileBio"
            Layout.fillWidth: true
            text: view.profile.bio || qsTr("No introduction yet.")
            wrapMode: Text.Wrap
            color: view.profile.bio ? Theme.text : Theme.secondaryText
            lineHeight: 1.15
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.unit / 2
            visible: (view.profile.tags || []).length > 0
            Repeater {
                model: view.profile.tags || []
                delegate: InfoChip {
                    required property string modelData
                    text: "#" + modelData
                }
            }
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: view.twoColumns ? 2 : 1
        columnSpacing: 2 * Theme.unit
        rowSpacing: 2 * Theme.unit

        SectionCard {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            title: qsTr("Specialisms")
            Flow {
                objectName: "profileSpecialisms"
                Layout.fillWidth: true
                spacing: Theme.unit / 2
                Repeater {
                    model: view.profile.specialisms || []
                    // qmllint disable unqualified
                    delegate: InfoChip {
                        required property string modelData
                        color: Theme.primaryTint
                        text: view.taxonomy && view.taxonomy.count >= 0 ? view.taxonomy.labelFor(modelData) : ""
                    }
                    // qmllint enable unqualified
                }
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Professions")
                value: view.joined(view.profile.professions)
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Years of experience")
                value: view.profile.yearsExperience > 0 ? String(view.profile.yearsExperience) : ""
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Coaching training")
                value: view.profile.trainingLevelLabel || ""
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Seniority")
                value: view.profile.payBandLabel || ""
            }
        }

        SectionCard {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            title: qsTr("Meeting")
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Availability")
                value: view.profile.accepting ? qsTr("Accepting new people")
                       : (view.profile.availabilityLabel || "")
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("How you can meet")
                value: view.profile.deliveryLabels || ""
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Site")
                value: view.profile.site || ""
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Languages")
                value: view.joined(view.profile.languages)
            }
            LabelledValue {
                Layout.fillWidth: true
                label: qsTr("Last active")
                value: view.profile.lastActiveAt ? Directory.lastActiveLabel(view.profile.lastActiveAt) : ""
            }
        }
    }

    SectionCard {
        Layout.fillWidth: true
        title: view.reviewing ? qsTr("Qualifications") : qsTr("Verified qualifications")
        subtitle: view.reviewing ? qsTr("Check the evidence, then verify each qualification.") : ""

        Label {
            Layout.fillWidth: true
            visible: qualificationRepeater.count === 0
            text: qsTr("None listed.")
            color: Theme.secondaryText
        }
        Repeater {
            id: qualificationRepeater
            objectName: "qualificationList"
            model: (view.profile.qualifications || []).filter(q => view.reviewing || q.verified)
            // qmllint disable unqualified
            delegate: RowLayout {
                id: qualification
                required property var modelData
                required property int index
                Layout.fillWidth: true
                spacing: 2 * Theme.unit
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: qualification.modelData.title
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: {
                            const q = qualification.modelData;
                            let line = q.typeLabel + "  \u00b7  " + qsTr("awarded %1").arg(q.awardedLabel);
                            if (q.expiresOn)
                                line += "  \u00b7  " + qsTr("expires %1").arg(q.expiresLabel);
                            return line;
                        }
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize + 1
                        color: Theme.secondaryText
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: view.reviewing && qualification.modelData.evidence.length > 0
                        text: qsTr("Evidence: %1").arg(qualification.modelData.evidence)
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize + 1
                        color: Theme.text
                    }
                }
                InfoChip {
                    Layout.alignment: Qt.AlignTop
                    text: qualification.modelData.verified ? qsTr("Verified") : qsTr("Not verified")
                    color: qualification.modelData.verified ? Theme.successTint : Theme.warningTint
                    textColor: qualification.modelData.verified ? Theme.success : Theme.text
                    strong: true
                }
                SecondaryButton {
                    objectName: "verifyButton-" + qualification.index
                    Layout.alignment: Qt.AlignTop
                    visible: view.reviewing
                    enabled: !view.busy
                    text: qualification.modelData.verified ? qsTr("Unverify") : qsTr("Verify")
                    onClicked: view.verifyRequested(qualification.modelData.id,
                                                    !qualification.modelData.verified)
                }
            }
            // qmllint enable unqualified
        }
    }
}
