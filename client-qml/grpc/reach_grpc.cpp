#include "grpc/reach_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/activity.grpc.pb.h"

namespace {

// "prefer_not_to_say" in every set; UNSPECIFIED (not answered) is the
// empty key.
constexpr EnumKey<v1::StaffGroup> kStaffGroups[] = {
    {v1::STAFF_GROUP_PREFER_NOT_TO_SAY, "prefer_not_to_say"},
    {v1::STAFF_GROUP_NURSING_AND_MIDWIFERY, "nursing_and_midwifery"},
    {v1::STAFF_GROUP_MEDICAL_AND_DENTAL, "medical_and_dental"},
    {v1::STAFF_GROUP_ALLIED_HEALTH_PROFESSIONALS, "allied_health_professionals"},
    {v1::STAFF_GROUP_HEALTHCARE_SCIENTISTS, "healthcare_scientists"},
    {v1::STAFF_GROUP_ADDITIONAL_CLINICAL_SERVICES, "additional_clinical_services"},
    {v1::STAFF_GROUP_ADMINISTRATIVE_AND_CLERICAL, "administrative_and_clerical"},
    {v1::STAFF_GROUP_ESTATES_AND_ANCILLARY, "estates_and_ancillary"},
    {v1::STAFF_GROUP_SOCIAL_CARE, "social_care"},
    {v1::STAFF_GROUP_OTHER, "other"},
};
constexpr EnumKey<v1::Profession> kProfessions[] = {
    {v1::PROFESSION_PREFER_NOT_TO_SAY, "prefer_not_to_say"},
    {v1::PROFESSION_NURSE, "nurse"},
    {v1::PROFESSION_MIDWIFE, "midwife"},
    {v1::PROFESSION_DOCTOR, "doctor"},
    {v1::PROFESSION_ALLIED_HEALTH_PROFESSIONAL, "allied_health_professional"},
    {v1::PROFESSION_PHARMACY, "pharmacy"},
    {v1::PROFESSION_HEALTHCARE_SUPPORT_WORKER, "healthcare_support_worker"},
    {v1::PROFESSION_SOCIAL_WORKER, "social_worker"},
    {v1::PROFESSION_CARE_WORKER, "care_worker"},
    {v1::PROFESSION_MANAGER, "manager"},
    {v1::PROFESSION_ADMINISTRATION, "administration"},
    {v1::PROFESSION_OTHER, "other"},
};
constexpr EnumKey<v1::ClinicalRole> kClinicalRoles[] = {
    {v1::CLINICAL_ROLE_PREFER_NOT_TO_SAY, "prefer_not_to_say"},
    {v1::CLINICAL_ROLE_CLINICAL, "clinical"},
    {v1::CLINICAL_ROLE_NON_CLINICAL, "non_clinical"},
};
constexpr EnumKey<v1::EthnicGroup> kEthnicGroups[] = {
    {v1::ETHNIC_GROUP_PREFER_NOT_TO_SAY, "prefer_not_to_say"},
    {v1::ETHNIC_GROUP_ASIAN, "asian"},
    {v1::ETHNIC_GROUP_BLACK, "black"},
    {v1::ETHNIC_GROUP_MIXED, "mixed"},
    {v1::ETHNIC_GROUP_WHITE, "white"},
    {v1::ETHNIC_GROUP_OTHER, "other"},
};
constexpr EnumKey<v1::Disability> kDisabilities[] = {
    {v1::DISABILITY_PREFER_NOT_TO_SAY, "prefer_not_to_say"},
    {v1::DISABILITY_YES, "yes"},
    {v1::DISABILITY_NO, "no"},
};

// Declaration.pay_band: 0 not answered, -1 prefer not to say, 1–9 a band
// of Agenda for Change (8 for 8a–8d), 10 not on Agenda for Change.
constexpr int kPreferNotToSayBand = -1;
constexpr int kNotOnAgendaForChange = 10;
constexpr int kHighestBand = 9;

QString payBandKey(int band)
{
    if (band == kPreferNotToSayBand) {
        return QStringLiteral("prefer_not_to_say");
    }
    if (band == kNotOnAgendaForChange) {
        return QStringLiteral("not_afc");
    }
    return band >= 1 && band <= kHighestBand ? QString::number(band) : QString();
}

int payBandValue(const QString &key)
{
    if (key == QLatin1String("prefer_not_to_say")) {
        return kPreferNotToSayBand;
    }
    if (key == QLatin1String("not_afc")) {
        return kNotOnAgendaForChange;
    }
    bool number = false;
    const int band = key.toInt(&number);
    return number && band >= 1 && band <= kHighestBand ? band : 0;
}

DeclarationInfo declarationOf(const v1::Declaration &d)
{
    DeclarationInfo info;
    info.staffGroup = keyOf(kStaffGroups, d.staff_group());
    info.profession = keyOf(kProfessions, d.profession());
    info.payBand = payBandKey(d.pay_band());
    info.clinical = keyOf(kClinicalRoles, d.clinical());
    info.ethnicGroup = keyOf(kEthnicGroups, d.ethnic_group());
    info.disability = keyOf(kDisabilities, d.disability());
    info.savedAt = timeFromUnix(d.saved_at_unix());
    return info;
}

OrganisationSettingsInfo settingsOf(const v1::OrganisationSettings &s)
{
    return {s.organisation_id(), s.headcount(), s.equality_monitoring()};
}

} // namespace

ReachGrpc::ReachGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void ReachGrpc::getMyDeclaration(QObject *context, Callback<MyDeclaration> done)
{
    m_connection->call(
        &v1::ReachService::Stub::GetMyDeclaration, v1::GetMyDeclarationRequest(), context,
        [](const v1::GetMyDeclarationResponse &response) {
            return MyDeclaration {
                declarationOf(response.declaration()), response.equality_monitoring()};
        },
        std::move(done));
}

void ReachGrpc::saveMyDeclaration(
    const DeclarationInfo &declaration, QObject *context, Callback<DeclarationInfo> done)
{
    v1::SaveMyDeclarationRequest request;
    v1::Declaration *d = request.mutable_declaration();
    d->set_staff_group(valueOf(kStaffGroups, declaration.staffGroup));
    d->set_profession(valueOf(kProfessions, declaration.profession));
    d->set_pay_band(payBandValue(declaration.payBand));
    d->set_clinical(valueOf(kClinicalRoles, declaration.clinical));
    d->set_ethnic_group(valueOf(kEthnicGroups, declaration.ethnicGroup));
    d->set_disability(valueOf(kDisabilities, declaration.disability));
    m_connection->call(
        &v1::ReachService::Stub::SaveMyDeclaration, request, context,
        [](const v1::SaveMyDeclarationResponse &response) {
            return declarationOf(response.declaration());
        },
        std::move(done));
}

void ReachGrpc::getOrganisationSettings(
    qint64 organisationId, QObject *context, Callback<OrganisationSettingsInfo> done)
{
    v1::GetOrganisationSettingsRequest request;
    request.set_organisation_id(organisationId);
    m_connection->call(
        &v1::ReachService::Stub::GetOrganisationSettings, request, context,
        [](const v1::GetOrganisationSettingsResponse &response) {
            return settingsOf(response.settings());
        },
        std::move(done));
}

void ReachGrpc::saveOrganisationSettings(const OrganisationSettingsInfo &settings, QObject *context,
    Callback<OrganisationSettingsInfo> done)
{
    v1::SaveOrganisationSettingsRequest request;
    v1::OrganisationSettings *s = request.mutable_settings();
    s->set_organisation_id(settings.organisationId);
    s->set_headcount(settings.headcount);
    s->set_equality_monitoring(settings.equalityMonitoring);
    m_connection->call(
        &v1::ReachService::Stub::SaveOrganisationSettings, request, context,
        [](const v1::SaveOrganisationSettingsResponse &response) {
            return settingsOf(response.settings());
        },
        std::move(done));
}
