#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

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
