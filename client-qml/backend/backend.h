#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

/// A role a person holds in the programme (mirrors tandem.v1.Role, without
/// the protobuf type: the seam speaks Qt only).
enum class Role { Coachee, Coach, Mentor, Coordinator, Supervisor };

/// The stable key QML uses for a role: "coachee", "coach", "mentor",
/// "coordinator", "supervisor".
QString roleKey(Role role);
/// The role for a key, or nothing for an unknown key.
std::optional<Role> roleFromKey(const QString &key);
/// Every role, in the API's order.
QList<Role> allRoles();
QStringList roleKeys(const QList<Role> &roles);

/// A trust, council, care provider or practice taking part in the programme.
struct OrganisationInfo {
    qint64 id = 0;
    QString name;
    /// "nhs_trust", "local_authority", "care_provider", "primary_care",
    /// "other" or empty.
    QString kind;
};

/// A person's account as the app sees it.
struct AccountInfo {
    qint64 id = 0;
    QString email;
    QString displayName;
    qint64 organisationId = 0;
    QList<Role> roles;
    QList<qint64> coordinatedOrganisationIds;
    bool passwordChangeRequired = false;
    QDateTime createdAt;
};

/// What a successful sign-in returns.
struct SignInResult {
    QString token;
    QDateTime expiresAt;
    AccountInfo account;
    OrganisationInfo organisation;
};

/// The signed-in person's own account and organisation.
struct MeResult {
    AccountInfo account;
    OrganisationInfo organisation;
};

/// Filters and paging for listing accounts.
struct AccountQuery {
    qint64 organisationId = 0; ///< 0: every organisation the caller coordinates
    std::optional<Role> role; ///< nothing: any role
    QString text; ///< matches name or email; empty: everyone
    int pageSize = 50;
    QString pageToken; ///< empty: first page
};

/// One page of accounts.
struct AccountPage {
    QList<AccountInfo> accounts;
    QString nextPageToken; ///< empty when there are no more pages
    int totalCount = 0;
};

/// A new account and the temporary password to hand over once.
struct CreatedAccount {
    AccountInfo account;
    QString temporaryPassword;
};

/// Nothing to return; the call succeeded.
struct Done { };

/// Why a call failed, already phrased for the person using the app.
struct BackendError {
    enum class Kind {
        Unreachable, ///< the server could not be reached
        Timeout, ///< the deadline passed
        SessionExpired, ///< the token is no longer valid; sign in again
        Rejected, ///< the server refused the request; message says why
        NotFound,
        Internal, ///< a bug or an unexpected failure
    };
    Kind kind = Kind::Internal;
    QString message;
};

/// The outcome of a call: a value or an error, never both.
template <typename T> class Result {
public:
    Result(T value)
        : m_value(std::move(value))
    { } // NOLINT(google-explicit-constructor)
    Result(BackendError error)
        : m_error(std::move(error))
    { } // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const BackendError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    BackendError m_error;
};

template <typename T> using Callback = std::function<void(const Result<T> &)>;

/// The network seam: everything the models need from the server, with Qt
/// types only. Every call returns at once and reports on the GUI thread
/// through its callback, unless `context` has been destroyed by then, in
/// which case the result is dropped.
class Backend : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Backend() override = default;

    /// The server address this backend talks to, e.g. "127.0.0.1:7443".
    virtual QString address() const = 0;

    /// The bearer token sent with every call except signIn; empty for none.
    virtual void setToken(const QString &token) = 0;

    virtual void signIn(const QString &email, const QString &password, QObject *context,
        Callback<SignInResult> done)
        = 0;
    virtual void signOut(QObject *context, Callback<Done> done) = 0;
    virtual void getMe(QObject *context, Callback<MeResult> done) = 0;
    virtual void changePassword(const QString &currentPassword, const QString &newPassword,
        QObject *context, Callback<Done> done)
        = 0;

    virtual void listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done) = 0;
    virtual void createAccount(const QString &email, const QString &displayName,
        qint64 organisationId, const QList<Role> &roles, QObject *context,
        Callback<CreatedAccount> done)
        = 0;
    virtual void listAccounts(
        const AccountQuery &query, QObject *context, Callback<AccountPage> done)
        = 0;
    virtual void setAccountRoles(
        qint64 accountId, const QList<Role> &roles, QObject *context, Callback<AccountInfo> done)
        = 0;

Q_SIGNALS:
    /// A call other than signIn was refused because the token is no longer
    /// valid. Emitted before that call's callback runs.
    void sessionExpired(const QString &message);
};
