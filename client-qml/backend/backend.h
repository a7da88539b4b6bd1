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

/// One entry of the specialism taxonomy.
struct SpecialismInfo {
    QString code; ///< stable, e.g. "leadership"
    QString label; ///< shown to people, e.g. "Leadership"
};

/// A qualification on a pool member's profile. Enum values of the API are
/// carried as stable keys (see DirectoryCatalogue), never as protobuf types.
struct QualificationInfo {
    qint64 id = 0;
    QString type; ///< "ilm_level_5", "ilm_level_7", "emcc_practitioner", … "mentoring"
    QString title;
    QString awardedOn; ///< "YYYY-MM-DD"
    QString expiresOn; ///< "YYYY-MM-DD" or empty
    QString evidence; ///< coordinators and the owner only
    bool verified = false;
    QString verifiedOn;
};

/// A pool member's profile; which fields are filled depends on who asks.
struct ProfileInfo {
    qint64 accountId = 0;
    QString displayName;
    QString kind; ///< "coach", "mentor", "coach_and_mentor" or empty
    QString headline;
    QString bio;
    QStringList specialisms; ///< taxonomy codes
    QStringList tags;
    QStringList professions;
    qint64 organisationId = 0;
    QString organisationName;
    QString site;
    QStringList deliveryModes; ///< "in_person", "video", "phone"
    QStringList languages;
    QString availability; ///< "accepting", "full", "on_leave" or empty
    int capacity = 0;
    int currentLoad = 0;
    bool listed = false;
    bool accepting = false;
    QList<QualificationInfo> qualifications;
    QString lastSupervisionOn;
    QString trainingLevel; ///< "coaching_fundamentals", … or empty
    QString payBand; ///< "2" … "9", "8a" … "8d", "above_9" or empty
    int yearsExperience = 0;
    QString status; ///< "applied", "approved", "declined", "paused", "removed" or empty
    QString declineReason;
    QStringList unlistedReasons;
    QString contactEmail;
    QDateTime lastActiveAt; ///< invalid when unknown
};

/// Filters and paging for searching the directory.
struct ProfileQuery {
    QString text;
    QString kind; ///< "coaching", "mentoring" or empty for any
    QStringList specialisms; ///< any of these codes
    QStringList professions;
    QString organisationScope; ///< "mine", "others" or empty for any
    qint64 organisationId = 0;
    QString site;
    QString deliveryMode; ///< a delivery mode key or empty
    QString language;
    bool acceptingOnly = false;
    bool includeUnlisted = false;
    int pageSize = 20;
    QString pageToken;
};

/// One page of profiles.
struct ProfilePage {
    QList<ProfileInfo> profiles;
    QString nextPageToken; ///< empty when there are no more pages
    int totalCount = 0;
};

/// Filters and paging for the coordinator's pool table.
struct PoolQuery {
    QString status; ///< a status key or empty for any
    bool lapsedOnly = false;
    int pageSize = 50;
    QString pageToken;
};

/// What a pool member saves as their own profile (SaveMyProfile).
struct ProfileDraft {
    QString kind;
    QString headline;
    QString bio;
    QStringList specialisms;
    QStringList tags;
    QStringList professions;
    QString site;
    QStringList deliveryModes;
    QStringList languages;
    QString availability;
    int capacity = 0;
    QString lastSupervisionOn;
    QString trainingLevel;
    QString payBand;
    int yearsExperience = 0;
};

/// A qualification to add to one's own profile.
struct QualificationDraft {
    QString type;
    QString title;
    QString awardedOn;
    QString expiresOn;
    QString evidence;
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

    // Directory (tandem.v1.DirectoryService).
    virtual void listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done) = 0;
    /// Adds a specialism to the taxonomy (coordinators only). `label` is 2 to
    /// 60 characters; the server derives the code and refuses a duplicate.
    virtual void createSpecialism(
        const QString &label, QObject *context, Callback<SpecialismInfo> done)
        = 0;
    virtual void searchProfiles(
        const ProfileQuery &query, QObject *context, Callback<ProfilePage> done)
        = 0;
    virtual void getProfile(qint64 accountId, QObject *context, Callback<ProfileInfo> done) = 0;
    /// Fails with Kind::NotFound when the caller has not applied yet.
    virtual void getMyProfile(QObject *context, Callback<ProfileInfo> done) = 0;
    virtual void saveMyProfile(
        const ProfileDraft &draft, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void addMyQualification(
        const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void deleteMyQualification(
        qint64 qualificationId, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void listPool(const PoolQuery &query, QObject *context, Callback<ProfilePage> done) = 0;
    virtual void reviewApplication(qint64 accountId, bool approve, const QString &declineReason,
        QObject *context, Callback<ProfileInfo> done)
        = 0;
    /// `status`: "approved" (reinstate), "paused" or "removed".
    virtual void setPoolStatus(
        qint64 accountId, const QString &status, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void verifyQualification(
        qint64 qualificationId, bool verified, QObject *context, Callback<ProfileInfo> done)
        = 0;

Q_SIGNALS:
    /// A call other than signIn was refused because the token is no longer
    /// valid. Emitted before that call's callback runs.
    void sessionExpired(const QString &message);
};
