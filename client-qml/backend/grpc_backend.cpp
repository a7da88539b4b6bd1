#include "grpc_backend.h"

#include "grpc_status.h"
#include "tandem/v1/identity.grpc.pb.h"

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

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

QString kindKey(v1::OrganisationKind kind)
{
    switch (kind) {
    case v1::ORGANISATION_KIND_NHS_TRUST:
        return QStringLiteral("nhs_trust");
    case v1::ORGANISATION_KIND_LOCAL_AUTHORITY:
        return QStringLiteral("local_authority");
    case v1::ORGANISATION_KIND_CARE_PROVIDER:
        return QStringLiteral("care_provider");
    case v1::ORGANISATION_KIND_PRIMARY_CARE:
        return QStringLiteral("primary_care");
    case v1::ORGANISATION_KIND_OTHER:
        return QStringLiteral("other");
    default:
        return {};
    }
}

OrganisationInfo fromProto(const v1::Organisation &organisation)
{
    return {organisation.id(), fromStd(organisation.name()), kindKey(organisation.kind())};
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

} // namespace

GrpcBackend::GrpcBackend(const QString &address, QObject *parent)
    : Backend(parent)
    , m_address(address.trimmed())
    , m_channel(grpc::CreateChannel(m_address.toStdString(), credentialsFor(m_address)))
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
