#include "identity/identity_types.h"

QString roleKey(Role role)
{
    switch (role) {
    case Role::Coachee:
        return QStringLiteral("coachee");
    case Role::Coach:
        return QStringLiteral("coach");
    case Role::Mentor:
        return QStringLiteral("mentor");
    case Role::Coordinator:
        return QStringLiteral("coordinator");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    }
    return {};
}

std::optional<Role> roleFromKey(const QString &key)
{
    for (Role role : allRoles()) {
        if (roleKey(role) == key) {
            return role;
        }
    }
    return std::nullopt;
}

QList<Role> allRoles()
{
    return {Role::Coachee, Role::Coach, Role::Mentor, Role::Coordinator, Role::Supervisor};
}

QStringList roleKeys(const QList<Role> &roles)
{
    QStringList keys;
    keys.reserve(roles.size());
    for (Role role : roles) {
        keys.append(roleKey(role));
    }
    return keys;
}
