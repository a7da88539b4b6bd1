#include "identity/session.h"

#include "common/app_settings.h"
#include "common/connection.h"
#include "identity/account_backend.h"
#include "identity/auth_backend.h"

#include <QCoreApplication>
#include <QJSEngine>

Session *Session::instance()
{
    static QPointer<Session> session;
    if (!session) {
        session = new Session(QCoreApplication::instance());
    }
    return session;
}

Session *Session::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    Q_UNUSED(jsEngine)
    Session *session = instance();
    QJSEngine::setObjectOwnership(session, QJSEngine::CppOwnership);
    return session;
}

Session::Session(QObject *parent)
    : QObject(parent)
{
    connect(AppSettings::instance(), &AppSettings::serverAddressChanged, this,
        &Session::serverAddressChanged);
}

void Session::setBackendsFactory(BackendsFactory factory)
{
    m_backendsFactory = std::move(factory);
    m_backends = {};
}

const Backends &Session::backends() const
{
    return m_backends;
}

Connection *Session::connection() const
{
    return m_backends.connection.get();
}

AuthBackend *Session::auth() const
{
    return m_backends.auth.get();
}

AccountBackend *Session::accounts() const
{
    return m_backends.accounts.get();
}

DirectoryBackend *Session::directory() const
{
    return m_backends.directory.get();
}

MatchingBackend *Session::matching() const
{
    return m_backends.matching.get();
}

RelationshipBackend *Session::relationships() const
{
    return m_backends.relationships.get();
}

SafeguardingBackend *Session::safeguarding() const
{
    return m_backends.safeguarding.get();
}

GoalBackend *Session::goals() const
{
    return m_backends.goals.get();
}

ActivityBackend *Session::activity() const
{
    return m_backends.activity.get();
}

ReachBackend *Session::reach() const
{
    return m_backends.reach.get();
}

NotificationBackend *Session::notifications() const
{
    return m_backends.notifications.get();
}

QString Session::serverAddress() const
{
    return AppSettings::instance()->serverAddress();
}

void Session::setServerAddress(const QString &address)
{
    AppSettings::instance()->setServerAddress(address);
}

bool Session::busy() const
{
    return m_busy;
}

bool Session::signedIn() const
{
    return m_signedIn;
}

QString Session::errorMessage() const
{
    return m_errorMessage;
}

void Session::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

qint64 Session::accountId() const
{
    return m_account.id;
}

double Session::accountIdForQml() const
{
    return static_cast<double>(m_account.id);
}

QString Session::displayName() const
{
    return m_account.displayName;
}

QString Session::email() const
{
    return m_account.email;
}

QString Session::organisationName() const
{
    return m_organisation.name;
}

QStringList Session::roles() const
{
    return roleKeys(m_account.roles);
}

bool Session::isCoordinator() const
{
    return m_account.roles.contains(Role::Coordinator);
}

bool Session::passwordChangeRequired() const
{
    return m_account.passwordChangeRequired;
}

QVariantList Session::coordinatedOrganisationIds() const
{
    QVariantList ids;
    for (qint64 id : m_account.coordinatedOrganisationIds) {
        ids.append(id);
    }
    return ids;
}

QStringList Session::coordinatedOrganisationNames() const
{
    QStringList names;
    for (qint64 id : m_account.coordinatedOrganisationIds) {
        names.append(organisationNameFor(id));
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

QString Session::coordinatedOrganisationSummary() const
{
    return coordinatedOrganisationNames().join(QStringLiteral(", "));
}

const QList<OrganisationInfo> &Session::organisations() const
{
    return m_organisations;
}

QString Session::organisationNameFor(qint64 organisationId) const
{
    if (organisationId == m_organisation.id && !m_organisation.name.isEmpty()) {
        return m_organisation.name;
    }
    const auto it = m_organisationNames.constFind(organisationId);
    if (it != m_organisationNames.constEnd()) {
        return *it;
    }
    return tr("Organisation %1").arg(organisationId);
}

bool Session::hasRole(const QString &key) const
{
    const auto role = roleFromKey(key);
    return role && m_account.roles.contains(*role);
}

void Session::signIn(const QString &address, const QString &email, const QString &password)
{
    if (m_busy) {
        return;
    }
    clearError();
    // An emptied server field means the build's own server.
    const QString trimmedAddress
        = address.trimmed().isEmpty() ? AppSettings::defaultServerAddress() : address.trimmed();
    if (!email.contains(QLatin1Char('@'))) {
        fail(tr("Enter your email address, for example name@nhs.net."));
        return;
    }
    if (password.isEmpty()) {
        fail(tr("Enter your password."));
        return;
    }
    setServerAddress(trimmedAddress);
    if (!m_backends.connection || m_backends.connection->address() != trimmedAddress) {
        if (!m_backendsFactory) {
            fail(tr("This copy of the app cannot reach a server. Tell your programme "
                    "coordinator."));
            return;
        }
        m_backends = m_backendsFactory(trimmedAddress);
        connect(m_backends.connection.get(), &Connection::sessionExpired, this,
            [this](const QString &message) {
                // Several calls in flight may all report the expiry; act once.
                if (m_signedIn) {
                    endSession(message);
                }
            });
    }
    m_backends.connection->setToken({});
    setBusy(true);
    m_backends.auth->signIn(email, password, this, [this](const Result<SignInResult> &result) {
        setBusy(false);
        if (!result.ok()) {
            fail(result.error().message);
            return;
        }
        m_backends.connection->setToken(result.value().token);
        m_account = result.value().account;
        m_organisation = result.value().organisation;
        m_organisationNames.insert(m_organisation.id, m_organisation.name);
        Q_EMIT accountChanged();
        Q_EMIT organisationsChanged();
        m_signedIn = true;
        Q_EMIT signedInChanged();
        loadOrganisations();
    });
}

void Session::signOut()
{
    if (m_backends.connection && m_signedIn) {
        // Revoke on the server, but do not make the person wait for it.
        m_backends.auth->signOut(this, {});
        m_backends.connection->setToken({});
    }
    clearError();
    endSession({});
}

void Session::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (m_busy || !m_backends.auth || !m_signedIn) {
        return;
    }
    clearError();
    setBusy(true);
    m_backends.auth->changePassword(
        currentPassword, newPassword, this, [this](const Result<Done> &result) {
            setBusy(false);
            if (!result.ok()) {
                if (result.error().kind != BackendError::Kind::SessionExpired) {
                    fail(result.error().message);
                }
                return;
            }
            m_account.passwordChangeRequired = false;
            Q_EMIT accountChanged();
            Q_EMIT passwordChanged();
        });
}

void Session::clearError()
{
    setErrorMessage({});
}

void Session::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}

void Session::fail(const QString &message)
{
    setErrorMessage(message);
    Q_EMIT errorOccurred(message);
}

void Session::endSession(const QString &message)
{
    if (m_backends.connection) {
        m_backends.connection->setToken({});
    }
    setBusy(false);
    m_account = {};
    m_organisation = {};
    m_organisations.clear();
    m_organisationNames.clear();
    Q_EMIT accountChanged();
    Q_EMIT organisationsChanged();
    if (m_signedIn) {
        m_signedIn = false;
        Q_EMIT signedInChanged();
    }
    if (!message.isEmpty()) {
        fail(message);
    }
}

void Session::loadOrganisations()
{
    m_backends.accounts->listOrganisations(
        this, [this](const Result<QList<OrganisationInfo>> &result) {
            if (!m_signedIn) {
                return;
            }
            if (!result.ok()) {
                if (result.error().kind != BackendError::Kind::SessionExpired) {
                    Q_EMIT errorOccurred(result.error().message);
                }
                return;
            }
            m_organisations = result.value();
            for (const OrganisationInfo &organisation : m_organisations) {
                m_organisationNames.insert(organisation.id, organisation.name);
            }
            Q_EMIT organisationsChanged();
        });
}
