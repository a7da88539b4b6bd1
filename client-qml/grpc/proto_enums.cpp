#include "grpc/proto_enums.h"

QDateTime timeFromUnix(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

std::optional<Role> fromProto(v1::Role role)
{
    switch (role) {
    case v1::ROLE_COACHEE:
        return Role::Coachee;
    case v1::ROLE_COACH:
        return Role::Coach;
    case v1::ROLE_MENTOR:
        return Role::Mentor;
    case v1::ROLE_COORDINATOR:
        return Role::Coordinator;
    case v1::ROLE_SUPERVISOR:
        return Role::Supervisor;
    default:
        return std::nullopt;
    }
}

v1::Role toProto(Role role)
{
    switch (role) {
    case Role::Coachee:
        return v1::ROLE_COACHEE;
    case Role::Coach:
        return v1::ROLE_COACH;
    case Role::Mentor:
        return v1::ROLE_MENTOR;
    case Role::Coordinator:
        return v1::ROLE_COORDINATOR;
    case Role::Supervisor:
        return v1::ROLE_SUPERVISOR;
    }
    return v1::ROLE_UNSPECIFIED;
}

AccountInfo fromProto(const v1::Account &account)
{
    AccountInfo info;
    info.id = account.id();
    info.email = fromStd(account.email());
    info.displayName = fromStd(account.display_name());
    info.organisationId = account.organisation_id();
    for (int role : account.roles()) {
        if (auto known = fromProto(static_cast<v1::Role>(role))) {
            info.roles.append(*known);
        }
    }
    for (qint64 id : account.coordinated_organisation_ids()) {
        info.coordinatedOrganisationIds.append(id);
    }
    info.passwordChangeRequired = account.password_change_required();
    if (account.created_at_unix() > 0) {
        info.createdAt = QDateTime::fromSecsSinceEpoch(account.created_at_unix(), Qt::UTC);
    }
    return info;
}

OrganisationInfo fromProto(const v1::Organisation &organisation)
{
    return {organisation.id(), fromStd(organisation.name()),
        keyOf(kOrganisationKinds, organisation.kind())};
}

QualificationInfo fromProto(const v1::Qualification &qualification)
{
    QualificationInfo info;
    info.id = qualification.id();
    info.type = keyOf(kQualificationTypes, qualification.type());
    info.title = fromStd(qualification.title());
    info.awardedOn = fromStd(qualification.awarded_on());
    info.expiresOn = fromStd(qualification.expires_on());
    info.evidence = fromStd(qualification.evidence());
    info.verified = qualification.verified();
    info.verifiedOn = fromStd(qualification.verified_on());
    return info;
}

ProfileInfo fromProto(const v1::Profile &profile)
{
    ProfileInfo info;
    info.accountId = profile.account_id();
    info.displayName = fromStd(profile.display_name());
    info.kind = keyOf(kProfileKinds, profile.kind());
    info.headline = fromStd(profile.headline());
    info.bio = fromStd(profile.bio());
    info.specialisms = toStringList(profile.specialisms());
    info.tags = toStringList(profile.tags());
    info.professions = toStringList(profile.professions());
    info.organisationId = profile.organisation_id();
    info.organisationName = fromStd(profile.organisation_name());
    info.site = fromStd(profile.site());
    for (int mode : profile.delivery_modes()) {
        if (const QString key = keyOf(kDeliveryModes, mode); !key.isEmpty()) {
            info.deliveryModes.append(key);
        }
    }
    info.languages = toStringList(profile.languages());
    info.availability = keyOf(kAvailabilities, profile.availability());
    info.capacity = profile.capacity();
    info.currentLoad = profile.current_load();
    info.listed = profile.listed();
    info.accepting = profile.accepting();
    for (const auto &qualification : profile.qualifications()) {
        info.qualifications.append(fromProto(qualification));
    }
    info.lastSupervisionOn = fromStd(profile.last_supervision_on());
    info.trainingLevel = keyOf(kTrainingLevels, profile.training_level());
    info.payBand = keyOf(kPayBands, profile.pay_band());
    info.yearsExperience = profile.years_experience();
    info.status = keyOf(kPoolStatuses, profile.status());
    info.declineReason = fromStd(profile.decline_reason());
    info.unlistedReasons = toStringList(profile.unlisted_reasons());
    info.contactEmail = fromStd(profile.contact_email());
    if (profile.last_active_at_unix() > 0) {
        info.lastActiveAt = QDateTime::fromSecsSinceEpoch(profile.last_active_at_unix(), Qt::UTC);
    }
    info.moreSeniorThanYou = profile.more_senior_than_you();
    info.usualAnswerHours = profile.usual_answer_hours();
    return info;
}
