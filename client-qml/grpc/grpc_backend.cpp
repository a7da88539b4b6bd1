#include "grpc/grpc_backend.h"

#include "grpc/grpc_status.h"
#include "tandem/v1/directory.grpc.pb.h"
#include "tandem/v1/identity.grpc.pb.h"
#include "tandem/v1/matching.grpc.pb.h"
#include "tandem/v1/relationships.grpc.pb.h"
#include "tandem/v1/safeguarding.grpc.pb.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <QHostAddress>
#include <QMetaObject>
#include <QPointer>

#include <mutex>
#include <set>

namespace v1 = tandem::v1;

/// The contexts of calls in flight, so that a backend being destroyed can
/// cancel them instead of waiting out their deadlines.
class CallRegistry {
public:
    void add(grpc::ClientContext *context)
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled) {
            context->TryCancel();
        }
        m_contexts.insert(context);
    }
    void remove(grpc::ClientContext *context)
    {
        std::lock_guard lock(m_mutex);
        m_contexts.erase(context);
    }
    void cancelAll()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        for (grpc::ClientContext *context : m_contexts) {
            context->TryCancel();
        }
    }

private:
    std::mutex m_mutex;
    std::set<grpc::ClientContext *> m_contexts;
    bool m_cancelled = false;
};

namespace {

/// Registers a context for the duration of one call.
class RegisteredCall {
public:
    RegisteredCall(CallRegistry &registry, grpc::ClientContext &context)
        : m_registry(registry)
        , m_context(context)
    {
        m_registry.add(&m_context);
    }
    ~RegisteredCall() { m_registry.remove(&m_context); }
    RegisteredCall(const RegisteredCall &) = delete;
    RegisteredCall &operator=(const RegisteredCall &) = delete;

private:
    CallRegistry &m_registry;
    grpc::ClientContext &m_context;
};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
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

/// One API enum value and the key the seam uses for it.
template <typename Enum> struct EnumKey {
    Enum value;
    const char *key;
};

constexpr EnumKey<v1::OrganisationKind> kOrganisationKinds[] = {
    {v1::ORGANISATION_KIND_NHS_TRUST, "nhs_trust"},
    {v1::ORGANISATION_KIND_LOCAL_AUTHORITY, "local_authority"},
    {v1::ORGANISATION_KIND_CARE_PROVIDER, "care_provider"},
    {v1::ORGANISATION_KIND_PRIMARY_CARE, "primary_care"},
    {v1::ORGANISATION_KIND_OTHER, "other"},
};
constexpr EnumKey<v1::ProfileKind> kProfileKinds[] = {
    {v1::PROFILE_KIND_COACH, "coach"},
    {v1::PROFILE_KIND_MENTOR, "mentor"},
    {v1::PROFILE_KIND_COACH_AND_MENTOR, "coach_and_mentor"},
};
constexpr EnumKey<v1::SupportKind> kSupportKinds[] = {
    {v1::SUPPORT_KIND_COACHING, "coaching"},
    {v1::SUPPORT_KIND_MENTORING, "mentoring"},
};
constexpr EnumKey<v1::PoolStatus> kPoolStatuses[] = {
    {v1::POOL_STATUS_APPLIED, "applied"},
    {v1::POOL_STATUS_APPROVED, "approved"},
    {v1::POOL_STATUS_DECLINED, "declined"},
    {v1::POOL_STATUS_PAUSED, "paused"},
    {v1::POOL_STATUS_REMOVED, "removed"},
};
constexpr EnumKey<v1::Availability> kAvailabilities[] = {
    {v1::AVAILABILITY_ACCEPTING, "accepting"},
    {v1::AVAILABILITY_FULL, "full"},
    {v1::AVAILABILITY_ON_LEAVE, "on_leave"},
};
constexpr EnumKey<v1::DeliveryMode> kDeliveryModes[] = {
    {v1::DELIVERY_MODE_IN_PERSON, "in_person"},
    {v1::DELIVERY_MODE_VIDEO, "video"},
    {v1::DELIVERY_MODE_PHONE, "phone"},
};
constexpr EnumKey<v1::QualificationType> kQualificationTypes[] = {
    {v1::QUALIFICATION_TYPE_ILM_LEVEL_5, "ilm_level_5"},
    {v1::QUALIFICATION_TYPE_ILM_LEVEL_7, "ilm_level_7"},
    {v1::QUALIFICATION_TYPE_EMCC_FOUNDATION, "emcc_foundation"},
    {v1::QUALIFICATION_TYPE_EMCC_PRACTITIONER, "emcc_practitioner"},
    {v1::QUALIFICATION_TYPE_EMCC_SENIOR_PRACTITIONER, "emcc_senior_practitioner"},
    {v1::QUALIFICATION_TYPE_EMCC_MASTER_PRACTITIONER, "emcc_master_practitioner"},
    {v1::QUALIFICATION_TYPE_ICF_ACC, "icf_acc"},
    {v1::QUALIFICATION_TYPE_ICF_PCC, "icf_pcc"},
    {v1::QUALIFICATION_TYPE_ICF_MCC, "icf_mcc"},
    {v1::QUALIFICATION_TYPE_MENTORING, "mentoring"},
    {v1::QUALIFICATION_TYPE_OTHER_COACHING, "other_coaching"},
};
constexpr EnumKey<v1::TrainingLevel> kTrainingLevels[] = {
    {v1::TRAINING_LEVEL_COACHING_FUNDAMENTALS, "coaching_fundamentals"},
    {v1::TRAINING_LEVEL_COACHING_WITH_COMPETENCE, "coaching_with_competence"},
    {v1::TRAINING_LEVEL_ADVANCED_SKILLS_FOR_COACHING_CONVERSATIONS, "advanced_skills"},
};
constexpr EnumKey<v1::PayBand> kPayBands[] = {
    {v1::PAY_BAND_2, "2"},
    {v1::PAY_BAND_3, "3"},
    {v1::PAY_BAND_4, "4"},
    {v1::PAY_BAND_5, "5"},
    {v1::PAY_BAND_6, "6"},
    {v1::PAY_BAND_7, "7"},
    {v1::PAY_BAND_8A, "8a"},
    {v1::PAY_BAND_8B, "8b"},
    {v1::PAY_BAND_8C, "8c"},
    {v1::PAY_BAND_8D, "8d"},
    {v1::PAY_BAND_9, "9"},
    {v1::PAY_BAND_ABOVE_9, "above_9"},
};

/// The key of an API enum value; empty for UNSPECIFIED or unknown values.
template <typename Enum, std::size_t N> QString keyOf(const EnumKey<Enum> (&table)[N], int value)
{
    for (const auto &entry : table) {
        if (static_cast<int>(entry.value) == value) {
            return QString::fromLatin1(entry.key);
        }
    }
    return {};
}

/// The API enum value of a key; UNSPECIFIED (0) for an empty or unknown key.
template <typename Enum, std::size_t N>
Enum valueOf(const EnumKey<Enum> (&table)[N], const QString &key)
{
    for (const auto &entry : table) {
        if (key == QLatin1String(entry.key)) {
            return entry.value;
        }
    }
    return static_cast<Enum>(0);
}

OrganisationInfo fromProto(const v1::Organisation &organisation)
{
    return {organisation.id(), fromStd(organisation.name()),
        keyOf(kOrganisationKinds, organisation.kind())};
}

template <typename Repeated> QStringList toStringList(const Repeated &values)
{
    QStringList list;
    for (const std::string &value : values) {
        list.append(fromStd(value));
    }
    return list;
}

template <typename Repeated> void addStrings(Repeated *target, const QStringList &values)
{
    for (const QString &value : values) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty()) {
            target->Add(trimmed.toStdString());
        }
    }
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

constexpr EnumKey<v1::RequestStatus> kRequestStatuses[] = {
    {v1::REQUEST_STATUS_WAITING, "waiting"},
    {v1::REQUEST_STATUS_PENDING, "pending"},
    {v1::REQUEST_STATUS_ACCEPTED, "accepted"},
    {v1::REQUEST_STATUS_DECLINED, "declined"},
    {v1::REQUEST_STATUS_WITHDRAWN, "withdrawn"},
};
constexpr EnumKey<v1::RequestOrigin> kRequestOrigins[] = {
    {v1::REQUEST_ORIGIN_NAMED, "named"},
    {v1::REQUEST_ORIGIN_CHOSEN, "chosen"},
    {v1::REQUEST_ORIGIN_COORDINATOR, "coordinator"},
};
constexpr EnumKey<v1::OrganisationPreference> kOrganisationPreferences[] = {
    {v1::ORGANISATION_PREFERENCE_OWN, "own"},
    {v1::ORGANISATION_PREFERENCE_OTHER, "other"},
};

/// Seconds since the epoch as a time; invalid for 0 (not set).
QDateTime timeFromUnix(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

RequestDetails fromProto(const v1::RequestDetails &details)
{
    RequestDetails info;
    info.kind = keyOf(kSupportKinds, details.kind());
    info.gap = fromStd(details.gap());
    info.themes = toStringList(details.themes());
    info.deliveryMode = keyOf(kDeliveryModes, details.delivery_mode());
    info.site = fromStd(details.site());
    info.language = fromStd(details.language());
    info.organisationPreference
        = keyOf(kOrganisationPreferences, details.organisation_preference());
    for (qint64 id : details.avoid_account_ids()) {
        info.avoidAccountIds.append(id);
    }
    info.profession = fromStd(details.profession());
    info.payBand = keyOf(kPayBands, details.pay_band());
    return info;
}

v1::RequestDetails toProto(const RequestDetails &details)
{
    v1::RequestDetails request;
    request.set_kind(valueOf(kSupportKinds, details.kind));
    request.set_gap(details.gap.trimmed().toStdString());
    addStrings(request.mutable_themes(), details.themes);
    request.set_delivery_mode(valueOf(kDeliveryModes, details.deliveryMode));
    request.set_site(details.site.trimmed().toStdString());
    request.set_language(details.language.trimmed().toStdString());
    request.set_organisation_preference(
        valueOf(kOrganisationPreferences, details.organisationPreference));
    for (qint64 id : details.avoidAccountIds) {
        request.add_avoid_account_ids(id);
    }
    request.set_profession(details.profession.trimmed().toStdString());
    request.set_pay_band(valueOf(kPayBands, details.payBand));
    return request;
}

SupportRequestInfo fromProto(const v1::SupportRequest &request)
{
    SupportRequestInfo info;
    info.id = request.id();
    info.status = keyOf(kRequestStatuses, request.status());
    info.details = fromProto(request.details());
    info.coacheeId = request.coachee_id();
    info.coacheeName = fromStd(request.coachee_name());
    info.coacheeOrganisationId = request.coachee_organisation_id();
    info.coacheeOrganisationName = fromStd(request.coachee_organisation_name());
    info.memberId = request.member_id();
    info.memberName = fromStd(request.member_name());
    info.origin = keyOf(kRequestOrigins, request.origin());
    info.createdAt = timeFromUnix(request.created_at_unix());
    info.waitingSince = timeFromUnix(request.waiting_since_unix());
    info.answerDueAt = timeFromUnix(request.answer_due_at_unix());
    info.answeredAt = timeFromUnix(request.answered_at_unix());
    info.declineReason = fromStd(request.decline_reason());
    info.note = fromStd(request.note());
    info.relationshipId = request.relationship_id();
    return info;
}

QList<SupportRequestInfo> requestsFrom(
    const google::protobuf::RepeatedPtrField<v1::SupportRequest> &requests)
{
    QList<SupportRequestInfo> list;
    list.reserve(requests.size());
    for (const auto &request : requests) {
        list.append(fromProto(request));
    }
    return list;
}

MatchWeights fromProto(int64_t organisationId, const v1::MatchWeights &weights)
{
    MatchWeights info;
    info.organisationId = organisationId;
    info.themes = weights.themes();
    info.deliveryMode = weights.delivery_mode();
    info.site = weights.site();
    info.language = weights.language();
    info.organisation = weights.organisation();
    info.profession = weights.profession();
    info.spareCapacity = weights.spare_capacity();
    info.waiting = weights.waiting();
    return info;
}

void toProto(const MatchWeights &weights, v1::MatchWeights *target)
{
    target->set_themes(weights.themes);
    target->set_delivery_mode(weights.deliveryMode);
    target->set_site(weights.site);
    target->set_language(weights.language);
    target->set_organisation(weights.organisation);
    target->set_profession(weights.profession);
    target->set_spare_capacity(weights.spareCapacity);
    target->set_waiting(weights.waiting);
}

ProfilePage pageFrom(const google::protobuf::RepeatedPtrField<v1::Profile> &profiles,
    const std::string &nextPageToken, int totalCount)
{
    ProfilePage page;
    for (const auto &profile : profiles) {
        page.profiles.append(fromProto(profile));
    }
    page.nextPageToken = fromStd(nextPageToken);
    page.totalCount = totalCount;
    return page;
}

template <typename Repeated> void addRoles(Repeated *target, const QList<Role> &roles)
{
    for (Role role : roles) {
        target->Add(toProto(role));
    }
}

std::shared_ptr<grpc::ChannelCredentials> credentialsFor(const QString &address)
{
    if (GrpcBackend::isLoopbackAddress(address)) {
        return grpc::InsecureChannelCredentials();
    }
    // Default options use the system's root certificates.
    return grpc::SslCredentials(grpc::SslCredentialsOptions());
}

/// The host part of "host:port", "[v6]:port" or a bare host.
QString hostOf(const QString &address)
{
    const QString trimmed = address.trimmed();
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype end = trimmed.indexOf(QLatin1Char(']'));
        return end < 0 ? trimmed.mid(1) : trimmed.mid(1, end - 1);
    }
    if (trimmed.count(QLatin1Char(':')) == 1) {
        return trimmed.section(QLatin1Char(':'), 0, 0);
    }
    return trimmed; // a bare host, or a bare IPv6 address
}

/// A phone loses and regains its signal often: try the server again within
/// seconds of it coming back rather than after gRPC's default two minutes.
grpc::ChannelArguments channelArguments()
{
    grpc::ChannelArguments arguments;
    arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
    arguments.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 500);
    arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 5000);
    return arguments;
}

} // namespace

GrpcBackend::GrpcBackend(const QString &address, QObject *parent)
    : Connection(parent)
    , m_address(address.trimmed())
    , m_channel(grpc::CreateCustomChannel(
          m_address.toStdString(), credentialsFor(m_address), channelArguments()))
    , m_calls(std::make_shared<CallRegistry>())
{
    // A few calls at once are plenty (the home page asks for six counts).
    m_pool.setMaxThreadCount(6);
}

GrpcBackend::~GrpcBackend()
{
    m_calls->cancelAll();
    m_pool.waitForDone();
}

bool GrpcBackend::isLoopbackAddress(const QString &address)
{
    const QString host = hostOf(address).toLower();
    if (host == QLatin1String("localhost")) {
        return true;
    }
    const QHostAddress ip(host);
    return !ip.isNull() && ip.isLoopback();
}

QString GrpcBackend::address() const
{
    return m_address;
}

void GrpcBackend::setToken(const QString &token)
{
    m_token = token.toStdString();
}

template <typename T>
void GrpcBackend::dispatch(
    std::chrono::seconds timeout, CallAuth auth, QObject *context, Work<T> work, Callback<T> done)
{
    // Copied on the GUI thread so that the worker never reads members that
    // the GUI thread may change.
    const std::string token = auth == CallAuth::Authenticated ? m_token : std::string();
    QPointer<QObject> guard(context);
    m_pool.start([this, calls = m_calls, token, timeout, guard = std::move(guard),
                     work = std::move(work), done = std::move(done)]() mutable {
        grpc::ClientContext clientContext;
        clientContext.set_deadline(std::chrono::system_clock::now() + timeout);
        if (!token.empty()) {
            clientContext.AddMetadata("authorization", "Bearer " + token);
        }
        std::optional<Result<T>> result;
        {
            RegisteredCall registered(*calls, clientContext);
            result.emplace(work(clientContext));
        }
        // `this` outlives the queued call: the destructor waits for the
        // pool, and events posted to a deleted object are discarded.
        QMetaObject::invokeMethod(
            this,
            [this, guard = std::move(guard), done = std::move(done),
                result = std::move(*result)]() {
                if (!result.ok() && result.error().kind == BackendError::Kind::SessionExpired) {
                    Q_EMIT sessionExpired(result.error().message);
                }
                if (guard && done) {
                    done(result);
                }
            },
            Qt::QueuedConnection);
    });
}

namespace {

/// Runs a unary RPC and converts its response, or maps its failure.
template <typename T, typename Response, typename Call, typename Convert>
Result<T> unary(Call call, const QString &address, CallAuth auth, Convert convert)
{
    Response response;
    const grpc::Status status = call(&response);
    if (!status.ok()) {
        return errorFromStatus(status, address, auth);
    }
    return convert(response);
}

} // namespace

void GrpcBackend::signIn(
    const QString &email, const QString &password, QObject *context, Callback<SignInResult> done)
{
    v1::SignInRequest request;
    request.set_email(email.trimmed().toStdString());
    request.set_password(password.toStdString());
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<SignInResult>(
        kSignInTimeout, CallAuth::Public, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::AuthService::NewStub(channel);
            return unary<SignInResult, v1::SignInResponse>(
                [&](v1::SignInResponse *response) { return stub->SignIn(&ctx, request, response); },
                address, CallAuth::Public,
                [](const v1::SignInResponse &response) {
                    SignInResult result;
                    result.token = fromStd(response.token());
                    result.expiresAt
                        = QDateTime::fromSecsSinceEpoch(response.expires_at_unix(), Qt::UTC);
                    result.account = fromProto(response.account());
                    result.organisation = fromProto(response.organisation());
                    return result;
                });
        },
        std::move(done));
}

void GrpcBackend::signOut(QObject *context, Callback<Done> done)
{
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<Done>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, address](grpc::ClientContext &ctx) {
            auto stub = v1::AuthService::NewStub(channel);
            return unary<Done, v1::SignOutResponse>(
                [&](v1::SignOutResponse *response) {
                    return stub->SignOut(&ctx, v1::SignOutRequest(), response);
                },
                address, CallAuth::Authenticated,
                [](const v1::SignOutResponse &) { return Done {}; });
        },
        std::move(done));
}

void GrpcBackend::getMe(QObject *context, Callback<MeResult> done)
{
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<MeResult>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, address](grpc::ClientContext &ctx) {
            auto stub = v1::AuthService::NewStub(channel);
            return unary<MeResult, v1::GetMeResponse>(
                [&](v1::GetMeResponse *response) {
                    return stub->GetMe(&ctx, v1::GetMeRequest(), response);
                },
                address, CallAuth::Authenticated,
                [](const v1::GetMeResponse &response) {
                    return MeResult {
                        fromProto(response.account()), fromProto(response.organisation())};
                });
        },
        std::move(done));
}

void GrpcBackend::changePassword(const QString &currentPassword, const QString &newPassword,
    QObject *context, Callback<Done> done)
{
    v1::ChangePasswordRequest request;
    request.set_current_password(currentPassword.toStdString());
    request.set_new_password(newPassword.toStdString());
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<Done>(
        kSignInTimeout, CallAuth::Authenticated, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::AuthService::NewStub(channel);
            return unary<Done, v1::ChangePasswordResponse>(
                [&](v1::ChangePasswordResponse *response) {
                    return stub->ChangePassword(&ctx, request, response);
                },
                address, CallAuth::Authenticated,
                [](const v1::ChangePasswordResponse &) { return Done {}; });
        },
        std::move(done));
}

void GrpcBackend::listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done)
{
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<QList<OrganisationInfo>>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, address](grpc::ClientContext &ctx) {
            auto stub = v1::AccountService::NewStub(channel);
            return unary<QList<OrganisationInfo>, v1::ListOrganisationsResponse>(
                [&](v1::ListOrganisationsResponse *response) {
                    return stub->ListOrganisations(&ctx, v1::ListOrganisationsRequest(), response);
                },
                address, CallAuth::Authenticated,
                [](const v1::ListOrganisationsResponse &response) {
                    QList<OrganisationInfo> organisations;
                    for (const auto &organisation : response.organisations()) {
                        organisations.append(fromProto(organisation));
                    }
                    return organisations;
                });
        },
        std::move(done));
}

void GrpcBackend::createAccount(const QString &email, const QString &displayName,
    qint64 organisationId, const QList<Role> &roles, QObject *context,
    Callback<CreatedAccount> done)
{
    v1::CreateAccountRequest request;
    request.set_email(email.trimmed().toStdString());
    request.set_display_name(displayName.trimmed().toStdString());
    request.set_organisation_id(organisationId);
    addRoles(request.mutable_roles(), roles);
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<CreatedAccount>(
        kSignInTimeout, CallAuth::Authenticated, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::AccountService::NewStub(channel);
            return unary<CreatedAccount, v1::CreateAccountResponse>(
                [&](v1::CreateAccountResponse *response) {
                    return stub->CreateAccount(&ctx, request, response);
                },
                address, CallAuth::Authenticated,
                [](const v1::CreateAccountResponse &response) {
                    return CreatedAccount {
                        fromProto(response.account()), fromStd(response.temporary_password())};
                });
        },
        std::move(done));
}

void GrpcBackend::listAccounts(
    const AccountQuery &query, QObject *context, Callback<AccountPage> done)
{
    v1::ListAccountsRequest request;
    request.set_organisation_id(query.organisationId);
    if (query.role) {
        request.set_role(toProto(*query.role));
    }
    request.set_query(query.text.trimmed().toStdString());
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<AccountPage>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::AccountService::NewStub(channel);
            return unary<AccountPage, v1::ListAccountsResponse>(
                [&](v1::ListAccountsResponse *response) {
                    return stub->ListAccounts(&ctx, request, response);
                },
                address, CallAuth::Authenticated,
                [](const v1::ListAccountsResponse &response) {
                    AccountPage page;
                    for (const auto &account : response.accounts()) {
                        page.accounts.append(fromProto(account));
                    }
                    page.nextPageToken = fromStd(response.next_page_token());
                    page.totalCount = response.total_count();
                    return page;
                });
        },
        std::move(done));
}

void GrpcBackend::setAccountRoles(
    qint64 accountId, const QList<Role> &roles, QObject *context, Callback<AccountInfo> done)
{
    v1::SetAccountRolesRequest request;
    request.set_account_id(accountId);
    addRoles(request.mutable_roles(), roles);
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<AccountInfo>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::AccountService::NewStub(channel);
            return unary<AccountInfo, v1::SetAccountRolesResponse>(
                [&](v1::SetAccountRolesResponse *response) {
                    return stub->SetAccountRoles(&ctx, request, response);
                },
                address, CallAuth::Authenticated,
                [](const v1::SetAccountRolesResponse &response) {
                    return fromProto(response.account());
                });
        },
        std::move(done));
}

template <typename Service, typename T, typename Request, typename Response, typename Method,
    typename Convert>
void GrpcBackend::serviceCall(std::chrono::seconds timeout, const Request &request, Method method,
    QObject *context, Convert convert, Callback<T> done)
{
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<T>(
        timeout, CallAuth::Authenticated, context,
        [channel, request, address, method, convert](grpc::ClientContext &ctx) {
            auto stub = Service::NewStub(channel);
            return unary<T, Response>(
                [&](Response *response) { return ((*stub).*method)(&ctx, request, response); },
                address, CallAuth::Authenticated, convert);
        },
        std::move(done));
}

template <typename Request, typename Response, typename Method>
void GrpcBackend::profileCall(
    const Request &request, Method method, QObject *context, Callback<ProfileInfo> done)
{
    serviceCall<v1::DirectoryService, ProfileInfo, Request, Response>(
        kCallTimeout, request, method, context,
        [](const Response &response) { return fromProto(response.profile()); }, std::move(done));
}

void GrpcBackend::listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done)
{
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<QList<SpecialismInfo>>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, address](grpc::ClientContext &ctx) {
            auto stub = v1::DirectoryService::NewStub(channel);
            return unary<QList<SpecialismInfo>, v1::ListSpecialismsResponse>(
                [&](v1::ListSpecialismsResponse *response) {
                    return stub->ListSpecialisms(&ctx, v1::ListSpecialismsRequest(), response);
                },
                address, CallAuth::Authenticated,
                [](const v1::ListSpecialismsResponse &response) {
                    QList<SpecialismInfo> specialisms;
                    for (const auto &specialism : response.specialisms()) {
                        specialisms.append(
                            {fromStd(specialism.code()), fromStd(specialism.label())});
                    }
                    return specialisms;
                });
        },
        std::move(done));
}

void GrpcBackend::createSpecialism(
    const QString &label, QObject *context, Callback<SpecialismInfo> done)
{
    v1::CreateSpecialismRequest request;
    request.set_label(label.trimmed().toStdString());
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<SpecialismInfo>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::DirectoryService::NewStub(channel);
            return unary<SpecialismInfo, v1::CreateSpecialismResponse>(
                [&](v1::CreateSpecialismResponse *response) {
                    return stub->CreateSpecialism(&ctx, request, response);
                },
                address, CallAuth::Authenticated,
                [](const v1::CreateSpecialismResponse &response) {
                    return SpecialismInfo {fromStd(response.specialism().code()),
                        fromStd(response.specialism().label())};
                });
        },
        std::move(done));
}

void GrpcBackend::searchProfiles(
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
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<ProfilePage>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::DirectoryService::NewStub(channel);
            return unary<ProfilePage, v1::SearchProfilesResponse>(
                [&](v1::SearchProfilesResponse *response) {
                    return stub->SearchProfiles(&ctx, request, response);
                },
                address, CallAuth::Authenticated,
                [](const v1::SearchProfilesResponse &response) {
                    return pageFrom(
                        response.profiles(), response.next_page_token(), response.total_count());
                });
        },
        std::move(done));
}

void GrpcBackend::getProfile(qint64 accountId, QObject *context, Callback<ProfileInfo> done)
{
    v1::GetProfileRequest request;
    request.set_account_id(accountId);
    profileCall<v1::GetProfileRequest, v1::GetProfileResponse>(
        request, &v1::DirectoryService::Stub::GetProfile, context, std::move(done));
}

void GrpcBackend::getMyProfile(QObject *context, Callback<ProfileInfo> done)
{
    profileCall<v1::GetMyProfileRequest, v1::GetMyProfileResponse>(v1::GetMyProfileRequest(),
        &v1::DirectoryService::Stub::GetMyProfile, context, std::move(done));
}

void GrpcBackend::saveMyProfile(
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
    profileCall<v1::SaveMyProfileRequest, v1::SaveMyProfileResponse>(
        request, &v1::DirectoryService::Stub::SaveMyProfile, context, std::move(done));
}

void GrpcBackend::addMyQualification(
    const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done)
{
    v1::AddMyQualificationRequest request;
    request.set_type(valueOf(kQualificationTypes, draft.type));
    request.set_title(draft.title.trimmed().toStdString());
    request.set_awarded_on(draft.awardedOn.trimmed().toStdString());
    request.set_expires_on(draft.expiresOn.trimmed().toStdString());
    request.set_evidence(draft.evidence.trimmed().toStdString());
    profileCall<v1::AddMyQualificationRequest, v1::AddMyQualificationResponse>(
        request, &v1::DirectoryService::Stub::AddMyQualification, context, std::move(done));
}

void GrpcBackend::deleteMyQualification(
    qint64 qualificationId, QObject *context, Callback<ProfileInfo> done)
{
    v1::DeleteMyQualificationRequest request;
    request.set_qualification_id(qualificationId);
    profileCall<v1::DeleteMyQualificationRequest, v1::DeleteMyQualificationResponse>(
        request, &v1::DirectoryService::Stub::DeleteMyQualification, context, std::move(done));
}

void GrpcBackend::listPool(const PoolQuery &query, QObject *context, Callback<ProfilePage> done)
{
    v1::ListPoolRequest request;
    request.set_status(valueOf(kPoolStatuses, query.status));
    request.set_lapsed_only(query.lapsedOnly);
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    auto channel = m_channel;
    const QString address = m_address;
    dispatch<ProfilePage>(
        kCallTimeout, CallAuth::Authenticated, context,
        [channel, request, address](grpc::ClientContext &ctx) {
            auto stub = v1::DirectoryService::NewStub(channel);
            return unary<ProfilePage, v1::ListPoolResponse>(
                [&](v1::ListPoolResponse *response) {
                    return stub->ListPool(&ctx, request, response);
                },
                address, CallAuth::Authenticated,
                [](const v1::ListPoolResponse &response) {
                    return pageFrom(
                        response.profiles(), response.next_page_token(), response.total_count());
                });
        },
        std::move(done));
}

void GrpcBackend::reviewApplication(qint64 accountId, bool approve, const QString &declineReason,
    QObject *context, Callback<ProfileInfo> done)
{
    v1::ReviewApplicationRequest request;
    request.set_account_id(accountId);
    request.set_approve(approve);
    request.set_decline_reason(declineReason.trimmed().toStdString());
    profileCall<v1::ReviewApplicationRequest, v1::ReviewApplicationResponse>(
        request, &v1::DirectoryService::Stub::ReviewApplication, context, std::move(done));
}

void GrpcBackend::setPoolStatus(
    qint64 accountId, const QString &status, QObject *context, Callback<ProfileInfo> done)
{
    v1::SetPoolStatusRequest request;
    request.set_account_id(accountId);
    request.set_status(valueOf(kPoolStatuses, status));
    profileCall<v1::SetPoolStatusRequest, v1::SetPoolStatusResponse>(
        request, &v1::DirectoryService::Stub::SetPoolStatus, context, std::move(done));
}

void GrpcBackend::verifyQualification(
    qint64 qualificationId, bool verified, QObject *context, Callback<ProfileInfo> done)
{
    v1::VerifyQualificationRequest request;
    request.set_qualification_id(qualificationId);
    request.set_verified(verified);
    profileCall<v1::VerifyQualificationRequest, v1::VerifyQualificationResponse>(
        request, &v1::DirectoryService::Stub::VerifyQualification, context, std::move(done));
}

template <typename T, typename Request, typename Response, typename Method, typename Convert>
void GrpcBackend::matchingCall(std::chrono::seconds timeout, const Request &request, Method method,
    QObject *context, Convert convert, Callback<T> done)
{
    serviceCall<v1::MatchingService, T, Request, Response>(
        timeout, request, method, context, std::move(convert), std::move(done));
}

void GrpcBackend::createRequest(const RequestDetails &details, qint64 memberId, QObject *context,
    Callback<SupportRequestInfo> done)
{
    v1::CreateRequestRequest request;
    *request.mutable_details() = toProto(details);
    request.set_member_id(memberId);
    matchingCall<SupportRequestInfo, v1::CreateRequestRequest, v1::CreateRequestResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::CreateRequest, context,
        [](const v1::CreateRequestResponse &response) { return fromProto(response.request()); },
        std::move(done));
}

void GrpcBackend::listMyRequests(QObject *context, Callback<QList<SupportRequestInfo>> done)
{
    matchingCall<QList<SupportRequestInfo>, v1::ListMyRequestsRequest, v1::ListMyRequestsResponse>(
        kCallTimeout, v1::ListMyRequestsRequest(), &v1::MatchingService::Stub::ListMyRequests,
        context,
        [](const v1::ListMyRequestsResponse &response) {
            return requestsFrom(response.requests());
        },
        std::move(done));
}

void GrpcBackend::withdrawRequest(
    qint64 requestId, QObject *context, Callback<SupportRequestInfo> done)
{
    v1::WithdrawRequestRequest request;
    request.set_request_id(requestId);
    matchingCall<SupportRequestInfo, v1::WithdrawRequestRequest, v1::WithdrawRequestResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::WithdrawRequest, context,
        [](const v1::WithdrawRequestResponse &response) { return fromProto(response.request()); },
        std::move(done));
}

void GrpcBackend::suggestMatches(
    qint64 requestId, int limit, QObject *context, Callback<SuggestionList> done)
{
    v1::SuggestMatchesRequest request;
    request.set_request_id(requestId);
    request.set_limit(limit);
    matchingCall<SuggestionList, v1::SuggestMatchesRequest, v1::SuggestMatchesResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::SuggestMatches, context,
        [](const v1::SuggestMatchesResponse &response) {
            SuggestionList list;
            for (const auto &suggestion : response.suggestions()) {
                list.suggestions.append({fromProto(suggestion.profile()), suggestion.score(),
                    toStringList(suggestion.reasons())});
            }
            list.eligibleCount = response.eligible_count();
            list.emptyReason = fromStd(response.empty_reason());
            return list;
        },
        std::move(done));
}

void GrpcBackend::chooseMember(
    qint64 requestId, qint64 memberId, QObject *context, Callback<SupportRequestInfo> done)
{
    v1::ChooseMemberRequest request;
    request.set_request_id(requestId);
    request.set_member_id(memberId);
    matchingCall<SupportRequestInfo, v1::ChooseMemberRequest, v1::ChooseMemberResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::ChooseMember, context,
        [](const v1::ChooseMemberResponse &response) { return fromProto(response.request()); },
        std::move(done));
}

void GrpcBackend::listInbox(QObject *context, Callback<QList<SupportRequestInfo>> done)
{
    matchingCall<QList<SupportRequestInfo>, v1::ListInboxRequest, v1::ListInboxResponse>(
        kCallTimeout, v1::ListInboxRequest(), &v1::MatchingService::Stub::ListInbox, context,
        [](const v1::ListInboxResponse &response) { return requestsFrom(response.requests()); },
        std::move(done));
}

void GrpcBackend::answerRequest(qint64 requestId, bool accept, const QString &declineReason,
    QObject *context, Callback<SupportRequestInfo> done)
{
    v1::AnswerRequestRequest request;
    request.set_request_id(requestId);
    request.set_accept(accept);
    request.set_decline_reason(declineReason.trimmed().toStdString());
    matchingCall<SupportRequestInfo, v1::AnswerRequestRequest, v1::AnswerRequestResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::AnswerRequest, context,
        [](const v1::AnswerRequestResponse &response) { return fromProto(response.request()); },
        std::move(done));
}

void GrpcBackend::listWaiting(
    const WaitingQuery &query, QObject *context, Callback<RequestPage> done)
{
    v1::ListWaitingRequest request;
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    matchingCall<RequestPage, v1::ListWaitingRequest, v1::ListWaitingResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::ListWaiting, context,
        [](const v1::ListWaitingResponse &response) {
            return RequestPage {requestsFrom(response.requests()),
                fromStd(response.next_page_token()), response.total_count()};
        },
        std::move(done));
}

void GrpcBackend::proposeMatches(QObject *context, Callback<MatchProposal> done)
{
    matchingCall<MatchProposal, v1::ProposeMatchesRequest, v1::ProposeMatchesResponse>(
        kMatchingTimeout, v1::ProposeMatchesRequest(), &v1::MatchingService::Stub::ProposeMatches,
        context,
        [](const v1::ProposeMatchesResponse &response) {
            MatchProposal proposal;
            for (const auto &pair : response.pairs()) {
                proposal.pairs.append({fromProto(pair.request()), pair.member_id(),
                    fromStd(pair.member_name()), fromStd(pair.member_organisation_name()),
                    pair.score(), toStringList(pair.reasons())});
            }
            for (const auto &unmatched : response.unmatched()) {
                proposal.unmatched.append(
                    {fromProto(unmatched.request()), fromStd(unmatched.reason())});
            }
            proposal.totalScore = response.total_score();
            proposal.membersConsidered = response.members_considered();
            proposal.pairsConsidered = response.pairs_considered();
            proposal.solveMillis = response.solve_millis();
            return proposal;
        },
        std::move(done));
}

void GrpcBackend::confirmMatches(
    const QList<MatchPair> &pairs, QObject *context, Callback<ConfirmResult> done)
{
    v1::ConfirmMatchesRequest request;
    for (const MatchPair &pair : pairs) {
        auto *added = request.add_pairs();
        added->set_request_id(pair.requestId);
        added->set_member_id(pair.memberId);
    }
    matchingCall<ConfirmResult, v1::ConfirmMatchesRequest, v1::ConfirmMatchesResponse>(
        kMatchingTimeout, request, &v1::MatchingService::Stub::ConfirmMatches, context,
        [](const v1::ConfirmMatchesResponse &response) {
            ConfirmResult result;
            for (const auto &outcome : response.outcomes()) {
                result.outcomes.append({outcome.request_id(), outcome.member_id(),
                    outcome.confirmed(), fromStd(outcome.problem())});
            }
            result.confirmedCount = response.confirmed_count();
            return result;
        },
        std::move(done));
}

void GrpcBackend::getMatchWeights(
    qint64 organisationId, QObject *context, Callback<MatchWeights> done)
{
    v1::GetMatchWeightsRequest request;
    request.set_organisation_id(organisationId);
    matchingCall<MatchWeights, v1::GetMatchWeightsRequest, v1::GetMatchWeightsResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::GetMatchWeights, context,
        [](const v1::GetMatchWeightsResponse &response) {
            return fromProto(response.organisation_id(), response.weights());
        },
        std::move(done));
}

void GrpcBackend::updateMatchWeights(
    const MatchWeights &weights, QObject *context, Callback<MatchWeights> done)
{
    v1::UpdateMatchWeightsRequest request;
    request.set_organisation_id(weights.organisationId);
    toProto(weights, request.mutable_weights());
    matchingCall<MatchWeights, v1::UpdateMatchWeightsRequest, v1::UpdateMatchWeightsResponse>(
        kCallTimeout, request, &v1::MatchingService::Stub::UpdateMatchWeights, context,
        [](const v1::UpdateMatchWeightsResponse &response) {
            return fromProto(response.organisation_id(), response.weights());
        },
        std::move(done));
}

namespace {

constexpr EnumKey<v1::RelationshipState> kRelationshipStates[] = {
    {v1::RELATIONSHIP_STATE_CONTRACTING, "contracting"},
    {v1::RELATIONSHIP_STATE_ACTIVE, "active"},
    {v1::RELATIONSHIP_STATE_COMPLETED, "completed"},
    {v1::RELATIONSHIP_STATE_ENDED_EARLY, "ended_early"},
};
constexpr EnumKey<v1::SessionRegularity> kRegularities[] = {
    {v1::SESSION_REGULARITY_WEEKLY, "weekly"},
    {v1::SESSION_REGULARITY_FORTNIGHTLY, "fortnightly"},
    {v1::SESSION_REGULARITY_MONTHLY, "monthly"},
    {v1::SESSION_REGULARITY_AS_AGREED, "as_agreed"},
};
constexpr EnumKey<v1::ReviewCadence> kReviewCadences[] = {
    {v1::REVIEW_CADENCE_MONTHLY, "monthly"},
    {v1::REVIEW_CADENCE_QUARTERLY, "quarterly"},
    {v1::REVIEW_CADENCE_SIX_MONTHLY, "six_monthly"},
};
constexpr EnumKey<v1::LineManagerTold> kLineManagerTold[] = {
    {v1::LINE_MANAGER_TOLD_YES, "yes"},
    {v1::LINE_MANAGER_TOLD_NOT_YET, "not_yet"},
    {v1::LINE_MANAGER_TOLD_CHOSE_NOT_TO, "chose_not_to"},
};
constexpr EnumKey<v1::SessionStatus> kSessionStatuses[] = {
    {v1::SESSION_STATUS_PROPOSED, "proposed"},
    {v1::SESSION_STATUS_ACCEPTED, "accepted"},
    {v1::SESSION_STATUS_CANCELLED, "cancelled"},
    {v1::SESSION_STATUS_HELD, "held"},
    {v1::SESSION_STATUS_NOT_HELD, "not_held"},
};
constexpr EnumKey<v1::CancelledBy> kCancelledBy[] = {
    {v1::CANCELLED_BY_COACHEE, "coachee"},
    {v1::CANCELLED_BY_MEMBER, "member"},
};

ContractTermsInfo fromProto(const v1::ContractTerms &terms)
{
    return {terms.number_of_sessions(), terms.session_minutes(),
        keyOf(kRegularities, terms.regularity()), fromStd(terms.planned_end_on()),
        keyOf(kReviewCadences, terms.review_cadence())};
}

AgreementInfo fromProto(const v1::Agreement &agreement)
{
    return {timeFromUnix(agreement.agreed_at_unix()), agreement.confidentiality_acknowledged(),
        agreement.ethics_acknowledged()};
}

RelationshipInfo fromProto(const v1::Relationship &relationship)
{
    RelationshipInfo info;
    info.id = relationship.id();
    info.kind = keyOf(kSupportKinds, relationship.kind());
    info.state = keyOf(kRelationshipStates, relationship.state());
    info.requestId = relationship.request_id();
    info.coacheeId = relationship.coachee_id();
    info.coacheeName = fromStd(relationship.coachee_name());
    info.memberId = relationship.member_id();
    info.memberName = fromStd(relationship.member_name());
    const v1::Contract &contract = relationship.contract();
    info.contract.termsSet = contract.terms_set();
    info.contract.terms = fromProto(contract.terms());
    info.contract.coachee = fromProto(contract.coachee());
    info.contract.member = fromProto(contract.member());
    info.contract.lineManagerTold = keyOf(kLineManagerTold, contract.line_manager_told());
    info.contract.reviews = contract.reviews();
    for (const auto &entry : relationship.history()) {
        info.history.append(
            {timeFromUnix(entry.at_unix()), entry.by_account_id(), fromStd(entry.by_name()),
                fromStd(entry.event()), keyOf(kRelationshipStates, entry.from_state()),
                keyOf(kRelationshipStates, entry.to_state()), fromStd(entry.reason())});
    }
    info.createdAt = timeFromUnix(relationship.created_at_unix());
    info.yourPart = fromStd(relationship.your_part());
    return info;
}

SessionInfo fromProto(const v1::Session &session)
{
    SessionInfo info;
    info.id = session.id();
    info.relationshipId = session.relationship_id();
    info.status = keyOf(kSessionStatuses, session.status());
    info.startsAt = timeFromUnix(session.starts_at_unix());
    info.plannedMinutes = session.planned_minutes();
    info.mode = keyOf(kDeliveryModes, session.mode());
    info.place = fromStd(session.place());
    info.proposedByAccountId = session.proposed_by_account_id();
    info.cancelReason = fromStd(session.cancel_reason());
    info.cancelledBy = keyOf(kCancelledBy, session.cancelled_by());
    info.actualMinutes = session.actual_minutes();
    info.themes = toStringList(session.themes());
    info.agreedActions = fromStd(session.agreed_actions());
    info.privateNotes = fromStd(session.private_notes());
    info.hasPrivateNotes = session.has_private_notes();
    info.recordedAt = timeFromUnix(session.recorded_at_unix());
    info.rescheduleReason = fromStd(session.reschedule_reason());
    return info;
}

/// The relationship of a response that carries one.
template <typename Response> RelationshipInfo relationshipOf(const Response &response)
{
    return fromProto(response.relationship());
}

template <typename Response> SessionInfo sessionOf(const Response &response)
{
    return fromProto(response.session());
}

} // namespace

template <typename T, typename Request, typename Response, typename Method, typename Convert>
void GrpcBackend::relationshipCall(
    const Request &request, Method method, QObject *context, Convert convert, Callback<T> done)
{
    serviceCall<v1::RelationshipService, T, Request, Response>(
        kCallTimeout, request, method, context, std::move(convert), std::move(done));
}

void GrpcBackend::listMyRelationships(QObject *context, Callback<QList<RelationshipInfo>> done)
{
    relationshipCall<QList<RelationshipInfo>, v1::ListMyRelationshipsRequest,
        v1::ListMyRelationshipsResponse>(
        v1::ListMyRelationshipsRequest(), &v1::RelationshipService::Stub::ListMyRelationships,
        context,
        [](const v1::ListMyRelationshipsResponse &response) {
            QList<RelationshipInfo> list;
            for (const auto &relationship : response.relationships()) {
                list.append(fromProto(relationship));
            }
            return list;
        },
        std::move(done));
}

void GrpcBackend::getRelationship(
    qint64 relationshipId, QObject *context, Callback<RelationshipInfo> done)
{
    v1::GetRelationshipRequest request;
    request.set_relationship_id(relationshipId);
    relationshipCall<RelationshipInfo, v1::GetRelationshipRequest, v1::GetRelationshipResponse>(
        request, &v1::RelationshipService::Stub::GetRelationship, context,
        relationshipOf<v1::GetRelationshipResponse>, std::move(done));
}

void GrpcBackend::setContractTerms(qint64 relationshipId, const ContractTermsInfo &terms,
    const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
{
    v1::SetContractTermsRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    v1::ContractTerms *target = request.mutable_terms();
    target->set_number_of_sessions(terms.numberOfSessions);
    target->set_session_minutes(terms.sessionMinutes);
    target->set_regularity(valueOf(kRegularities, terms.regularity));
    target->set_planned_end_on(terms.plannedEndOn.trimmed().toStdString());
    target->set_review_cadence(valueOf(kReviewCadences, terms.reviewCadence));
    relationshipCall<RelationshipInfo, v1::SetContractTermsRequest, v1::SetContractTermsResponse>(
        request, &v1::RelationshipService::Stub::SetContractTerms, context,
        relationshipOf<v1::SetContractTermsResponse>, std::move(done));
}

void GrpcBackend::agreeContract(qint64 relationshipId, bool confidentialityAcknowledged,
    bool ethicsAcknowledged, const QString &lineManagerTold, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    v1::AgreeContractRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_confidentiality_acknowledged(confidentialityAcknowledged);
    request.set_ethics_acknowledged(ethicsAcknowledged);
    request.set_line_manager_told(valueOf(kLineManagerTold, lineManagerTold));
    relationshipCall<RelationshipInfo, v1::AgreeContractRequest, v1::AgreeContractResponse>(request,
        &v1::RelationshipService::Stub::AgreeContract, context,
        relationshipOf<v1::AgreeContractResponse>, std::move(done));
}

void GrpcBackend::reviewContract(qint64 relationshipId, int numberOfSessions,
    const QString &plannedEndOn, const QString &reason, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    v1::ReviewContractRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_number_of_sessions(numberOfSessions);
    request.set_planned_end_on(plannedEndOn.trimmed().toStdString());
    request.set_reason(reason.trimmed().toStdString());
    relationshipCall<RelationshipInfo, v1::ReviewContractRequest, v1::ReviewContractResponse>(
        request, &v1::RelationshipService::Stub::ReviewContract, context,
        relationshipOf<v1::ReviewContractResponse>, std::move(done));
}

void GrpcBackend::completeRelationship(qint64 relationshipId, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    v1::CompleteRelationshipRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    relationshipCall<RelationshipInfo, v1::CompleteRelationshipRequest,
        v1::CompleteRelationshipResponse>(request,
        &v1::RelationshipService::Stub::CompleteRelationship, context,
        relationshipOf<v1::CompleteRelationshipResponse>, std::move(done));
}

void GrpcBackend::endRelationship(qint64 relationshipId, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
{
    v1::EndRelationshipRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_reason(reason.trimmed().toStdString());
    relationshipCall<RelationshipInfo, v1::EndRelationshipRequest, v1::EndRelationshipResponse>(
        request, &v1::RelationshipService::Stub::EndRelationship, context,
        relationshipOf<v1::EndRelationshipResponse>, std::move(done));
}

void GrpcBackend::proposeSession(const SessionProposal &proposal, const QString &idempotencyKey,
    QObject *context, Callback<SessionInfo> done)
{
    v1::ProposeSessionRequest request;
    request.set_relationship_id(proposal.relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_starts_at_unix(
        proposal.startsAt.isValid() ? proposal.startsAt.toSecsSinceEpoch() : 0);
    request.set_planned_minutes(proposal.plannedMinutes);
    request.set_mode(valueOf(kDeliveryModes, proposal.mode));
    request.set_place(proposal.place.trimmed().toStdString());
    relationshipCall<SessionInfo, v1::ProposeSessionRequest, v1::ProposeSessionResponse>(request,
        &v1::RelationshipService::Stub::ProposeSession, context,
        sessionOf<v1::ProposeSessionResponse>, std::move(done));
}

void GrpcBackend::acceptSession(
    qint64 sessionId, const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    v1::AcceptSessionRequest request;
    request.set_session_id(sessionId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    relationshipCall<SessionInfo, v1::AcceptSessionRequest, v1::AcceptSessionResponse>(request,
        &v1::RelationshipService::Stub::AcceptSession, context,
        sessionOf<v1::AcceptSessionResponse>, std::move(done));
}

void GrpcBackend::cancelSession(qint64 sessionId, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    v1::CancelSessionRequest request;
    request.set_session_id(sessionId);
    request.set_reason(reason.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    relationshipCall<SessionInfo, v1::CancelSessionRequest, v1::CancelSessionResponse>(request,
        &v1::RelationshipService::Stub::CancelSession, context,
        sessionOf<v1::CancelSessionResponse>, std::move(done));
}

void GrpcBackend::rescheduleSession(qint64 sessionId, const QDateTime &startsAt,
    const QString &reason, const QString &idempotencyKey, QObject *context,
    Callback<SessionInfo> done)
{
    v1::RescheduleSessionRequest request;
    request.set_session_id(sessionId);
    request.set_starts_at_unix(startsAt.isValid() ? startsAt.toSecsSinceEpoch() : 0);
    request.set_reason(reason.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    relationshipCall<SessionInfo, v1::RescheduleSessionRequest, v1::RescheduleSessionResponse>(
        request, &v1::RelationshipService::Stub::RescheduleSession, context,
        sessionOf<v1::RescheduleSessionResponse>, std::move(done));
}

void GrpcBackend::exportSessionCalendar(
    qint64 sessionId, QObject *context, Callback<CalendarFile> done)
{
    v1::ExportSessionCalendarRequest request;
    request.set_session_id(sessionId);
    relationshipCall<CalendarFile, v1::ExportSessionCalendarRequest,
        v1::ExportSessionCalendarResponse>(
        request, &v1::RelationshipService::Stub::ExportSessionCalendar, context,
        [](const v1::ExportSessionCalendarResponse &response) {
            return CalendarFile {
                fromStd(response.file_name()), QByteArray::fromStdString(response.ics())};
        },
        std::move(done));
}

void GrpcBackend::recordSession(
    const SessionRecord &record, QObject *context, Callback<RecordedSession> done)
{
    v1::RecordSessionRequest request;
    request.set_relationship_id(record.relationshipId);
    request.set_session_id(record.sessionId);
    request.set_idempotency_key(record.idempotencyKey.toStdString());
    request.set_held(record.held);
    request.set_cancelled_by(valueOf(kCancelledBy, record.cancelledBy));
    request.set_cancel_reason(record.cancelReason.trimmed().toStdString());
    request.set_started_at_unix(
        record.startedAt.isValid() ? record.startedAt.toSecsSinceEpoch() : 0);
    request.set_actual_minutes(record.actualMinutes);
    request.set_mode(valueOf(kDeliveryModes, record.mode));
    addStrings(request.mutable_themes(), record.themes);
    request.set_agreed_actions(record.agreedActions.trimmed().toStdString());
    request.set_private_notes(record.privateNotes.trimmed().toStdString());
    relationshipCall<RecordedSession, v1::RecordSessionRequest, v1::RecordSessionResponse>(
        request, &v1::RelationshipService::Stub::RecordSession, context,
        [](const v1::RecordSessionResponse &response) {
            return RecordedSession {fromProto(response.session()), response.replayed()};
        },
        std::move(done));
}

void GrpcBackend::listSessions(
    qint64 relationshipId, QObject *context, Callback<QList<SessionInfo>> done)
{
    v1::ListSessionsRequest request;
    request.set_relationship_id(relationshipId);
    relationshipCall<QList<SessionInfo>, v1::ListSessionsRequest, v1::ListSessionsResponse>(
        request, &v1::RelationshipService::Stub::ListSessions, context,
        [](const v1::ListSessionsResponse &response) {
            QList<SessionInfo> list;
            for (const auto &session : response.sessions()) {
                list.append(fromProto(session));
            }
            return list;
        },
        std::move(done));
}

namespace {

ConcernInfo fromProto(const v1::Concern &concern)
{
    ConcernInfo info;
    info.id = concern.id();
    info.relationshipId = concern.relationship_id();
    info.raisedByAccountId = concern.raised_by_account_id();
    info.raisedByName = fromStd(concern.raised_by_name());
    info.raisedAt = timeFromUnix(concern.raised_at_unix());
    info.description = fromStd(concern.description());
    info.escalateAt = timeFromUnix(concern.escalate_at_unix());
    info.escalated = concern.escalated();
    info.acknowledgedAt = timeFromUnix(concern.acknowledged_at_unix());
    info.acknowledgedByName = fromStd(concern.acknowledged_by_name());
    info.actionTaken = fromStd(concern.action_taken());
    info.yourPart = fromStd(concern.your_part());
    info.aboutName = fromStd(concern.about_name());
    return info;
}

} // namespace

template <typename T, typename Request, typename Response, typename Method, typename Convert>
void GrpcBackend::safeguardingCall(
    const Request &request, Method method, QObject *context, Convert convert, Callback<T> done)
{
    serviceCall<v1::SafeguardingService, T, Request, Response>(
        kCallTimeout, request, method, context, std::move(convert), std::move(done));
}

void GrpcBackend::listConcerns(QObject *context, Callback<QList<ConcernInfo>> done)
{
    safeguardingCall<QList<ConcernInfo>, v1::ListConcernsRequest, v1::ListConcernsResponse>(
        v1::ListConcernsRequest(), &v1::SafeguardingService::Stub::ListConcerns, context,
        [](const v1::ListConcernsResponse &response) {
            QList<ConcernInfo> list;
            for (const auto &concern : response.concerns()) {
                list.append(fromProto(concern));
            }
            return list;
        },
        std::move(done));
}

void GrpcBackend::listAuditTrail(int limit, QObject *context, Callback<QList<AuditEntryInfo>> done)
{
    v1::ListAuditTrailRequest request;
    request.set_limit(limit);
    safeguardingCall<QList<AuditEntryInfo>, v1::ListAuditTrailRequest, v1::ListAuditTrailResponse>(
        request, &v1::SafeguardingService::Stub::ListAuditTrail, context,
        [](const v1::ListAuditTrailResponse &response) {
            QList<AuditEntryInfo> list;
            for (const auto &entry : response.entries()) {
                list.append(AuditEntryInfo {timeFromUnix(entry.at_unix()), entry.account_id(),
                    fromStd(entry.account_name()), fromStd(entry.what())});
            }
            return list;
        },
        std::move(done));
}

void GrpcBackend::setSupervisor(
    qint64 coachId, qint64 supervisorId, QObject *context, Callback<Done> done)
{
    v1::SetSupervisorRequest request;
    request.set_coach_id(coachId);
    request.set_supervisor_id(supervisorId);
    safeguardingCall<Done, v1::SetSupervisorRequest, v1::SetSupervisorResponse>(
        request, &v1::SafeguardingService::Stub::SetSupervisor, context,
        [](const v1::SetSupervisorResponse &) { return Done {}; }, std::move(done));
}

void GrpcBackend::setSafeguardingLead(
    qint64 organisationId, qint64 accountId, QObject *context, Callback<Done> done)
{
    v1::SetSafeguardingLeadRequest request;
    request.set_organisation_id(organisationId);
    request.set_account_id(accountId);
    safeguardingCall<Done, v1::SetSafeguardingLeadRequest, v1::SetSafeguardingLeadResponse>(
        request, &v1::SafeguardingService::Stub::SetSafeguardingLead, context,
        [](const v1::SetSafeguardingLeadResponse &) { return Done {}; }, std::move(done));
}

void GrpcBackend::raiseConcern(qint64 relationshipId, const QString &description,
    const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
{
    v1::RaiseConcernRequest request;
    request.set_relationship_id(relationshipId);
    request.set_description(description.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    safeguardingCall<ConcernInfo, v1::RaiseConcernRequest, v1::RaiseConcernResponse>(
        request, &v1::SafeguardingService::Stub::RaiseConcern, context,
        [](const v1::RaiseConcernResponse &response) { return fromProto(response.concern()); },
        std::move(done));
}

void GrpcBackend::acknowledgeConcern(qint64 concernId, const QString &actionTaken,
    const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
{
    v1::AcknowledgeConcernRequest request;
    request.set_concern_id(concernId);
    request.set_action_taken(actionTaken.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    safeguardingCall<ConcernInfo, v1::AcknowledgeConcernRequest, v1::AcknowledgeConcernResponse>(
        request, &v1::SafeguardingService::Stub::AcknowledgeConcern, context,
        [](const v1::AcknowledgeConcernResponse &response) {
            return fromProto(response.concern());
        },
        std::move(done));
}

void GrpcBackend::reconnectNow()
{
    grpc::experimental::ChannelResetConnectionBackoff(m_channel.get());
}
