#include "grpc/directory_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/directory.grpc.pb.h"

namespace {

/// The profile of a response that carries one.
template <typename Response> ProfileInfo profileOf(const Response &response)
{
    return fromProto(response.profile());
}

/// A page of the directory or of the pool.
template <typename Response> ProfilePage pageOf(const Response &response)
{
    ProfilePage page;
    for (const auto &profile : response.profiles()) {
        page.profiles.append(fromProto(profile));
    }
    page.nextPageToken = fromStd(response.next_page_token());
    page.totalCount = response.total_count();
    return page;
}

} // namespace

DirectoryGrpc::DirectoryGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void DirectoryGrpc::listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done)
{
    m_connection->call(
        &v1::DirectoryService::Stub::ListSpecialisms, v1::ListSpecialismsRequest(), context,
        [](const v1::ListSpecialismsResponse &response) {
            QList<SpecialismInfo> specialisms;
            for (const auto &specialism : response.specialisms()) {
                specialisms.append({fromStd(specialism.code()), fromStd(specialism.label())});
            }
            return specialisms;
        },
        std::move(done));
}

void DirectoryGrpc::createSpecialism(
    const QString &label, QObject *context, Callback<SpecialismInfo> done)
{
    v1::CreateSpecialismRequest request;
    request.set_label(label.trimmed().toStdString());
    m_connection->call(
        &v1::DirectoryService::Stub::CreateSpecialism, request, context,
        [](const v1::CreateSpecialismResponse &response) {
            return SpecialismInfo {
                fromStd(response.specialism().code()), fromStd(response.specialism().label())};
        },
        std::move(done));
}

void DirectoryGrpc::searchProfiles(
    const ProfileQuery &query, QObject *context, Callback<ProfilePage> done)
{
    v1::SearchProfilesRequest request;
    request.set_query(query.text.trimmed().toStdString());
    request.set_kind(valueOf(kSupportKinds, query.kind));
    addStrings(request.mutable_specialisms(), query.specialisms);
    addStrings(request.mutable_professions(), query.professions);
    if (query.organisationScope == QLatin1String("mine")) {
        request.set_organisation_scope(v1::SearchProfilesRequest::ORGANISATION_SCOPE_MINE);
    } else if (query.organisationScope == QLatin1String("others")) {
        request.set_organisation_scope(v1::SearchProfilesRequest::ORGANISATION_SCOPE_OTHERS);
    }
    request.set_organisation_id(query.organisationId);
    request.set_site(query.site.trimmed().toStdString());
    request.set_delivery_mode(valueOf(kDeliveryModes, query.deliveryMode));
    request.set_language(query.language.trimmed().toStdString());
    request.set_accepting_only(query.acceptingOnly);
    request.set_include_unlisted(query.includeUnlisted);
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    m_connection->call(&v1::DirectoryService::Stub::SearchProfiles, request, context,
        pageOf<v1::SearchProfilesResponse>, std::move(done));
}

void DirectoryGrpc::getProfile(qint64 accountId, QObject *context, Callback<ProfileInfo> done)
{
    v1::GetProfileRequest request;
    request.set_account_id(accountId);
    m_connection->call(&v1::DirectoryService::Stub::GetProfile, request, context,
        profileOf<v1::GetProfileResponse>, std::move(done));
}

void DirectoryGrpc::getMyProfile(QObject *context, Callback<ProfileInfo> done)
{
    m_connection->call(&v1::DirectoryService::Stub::GetMyProfile, v1::GetMyProfileRequest(),
        context, profileOf<v1::GetMyProfileResponse>, std::move(done));
}

void DirectoryGrpc::saveMyProfile(
    const ProfileDraft &draft, QObject *context, Callback<ProfileInfo> done)
{
    v1::SaveMyProfileRequest request;
    request.set_kind(valueOf(kProfileKinds, draft.kind));
    request.set_headline(draft.headline.trimmed().toStdString());
    request.set_bio(draft.bio.trimmed().toStdString());
    addStrings(request.mutable_specialisms(), draft.specialisms);
    addStrings(request.mutable_tags(), draft.tags);
    addStrings(request.mutable_professions(), draft.professions);
    request.set_site(draft.site.trimmed().toStdString());
    for (const QString &mode : draft.deliveryModes) {
        if (const auto value = valueOf(kDeliveryModes, mode); value != 0) {
            request.add_delivery_modes(value);
        }
    }
    addStrings(request.mutable_languages(), draft.languages);
    request.set_availability(valueOf(kAvailabilities, draft.availability));
    request.set_capacity(draft.capacity);
    request.set_last_supervision_on(draft.lastSupervisionOn.trimmed().toStdString());
    request.set_training_level(valueOf(kTrainingLevels, draft.trainingLevel));
    request.set_pay_band(valueOf(kPayBands, draft.payBand));
    request.set_years_experience(draft.yearsExperience);
    m_connection->call(&v1::DirectoryService::Stub::SaveMyProfile, request, context,
        profileOf<v1::SaveMyProfileResponse>, std::move(done));
}

void DirectoryGrpc::addMyQualification(
    const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done)
{
    v1::AddMyQualificationRequest request;
    request.set_type(valueOf(kQualificationTypes, draft.type));
    request.set_title(draft.title.trimmed().toStdString());
    request.set_awarded_on(draft.awardedOn.trimmed().toStdString());
    request.set_expires_on(draft.expiresOn.trimmed().toStdString());
    request.set_evidence(draft.evidence.trimmed().toStdString());
    m_connection->call(&v1::DirectoryService::Stub::AddMyQualification, request, context,
        profileOf<v1::AddMyQualificationResponse>, std::move(done));
}

void DirectoryGrpc::deleteMyQualification(
    qint64 qualificationId, QObject *context, Callback<ProfileInfo> done)
{
    v1::DeleteMyQualificationRequest request;
    request.set_qualification_id(qualificationId);
    m_connection->call(&v1::DirectoryService::Stub::DeleteMyQualification, request, context,
        profileOf<v1::DeleteMyQualificationResponse>, std::move(done));
}

void DirectoryGrpc::listPool(const PoolQuery &query, QObject *context, Callback<ProfilePage> done)
{
    v1::ListPoolRequest request;
    request.set_status(valueOf(kPoolStatuses, query.status));
    request.set_lapsed_only(query.lapsedOnly);
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    m_connection->call(&v1::DirectoryService::Stub::ListPool, request, context,
        pageOf<v1::ListPoolResponse>, std::move(done));
}

void DirectoryGrpc::reviewApplication(qint64 accountId, bool approve, const QString &declineReason,
    QObject *context, Callback<ProfileInfo> done)
{
    v1::ReviewApplicationRequest request;
    request.set_account_id(accountId);
    request.set_approve(approve);
    request.set_decline_reason(declineReason.trimmed().toStdString());
    m_connection->call(&v1::DirectoryService::Stub::ReviewApplication, request, context,
        profileOf<v1::ReviewApplicationResponse>, std::move(done));
}

void DirectoryGrpc::setPoolStatus(
    qint64 accountId, const QString &status, QObject *context, Callback<ProfileInfo> done)
{
    v1::SetPoolStatusRequest request;
    request.set_account_id(accountId);
    request.set_status(valueOf(kPoolStatuses, status));
    m_connection->call(&v1::DirectoryService::Stub::SetPoolStatus, request, context,
        profileOf<v1::SetPoolStatusResponse>, std::move(done));
}

void DirectoryGrpc::verifyQualification(
    qint64 qualificationId, bool verified, QObject *context, Callback<ProfileInfo> done)
{
    v1::VerifyQualificationRequest request;
    request.set_qualification_id(qualificationId);
    request.set_verified(verified);
    m_connection->call(&v1::DirectoryService::Stub::VerifyQualification, request, context,
        profileOf<v1::VerifyQualificationResponse>, std::move(done));
}
