#include "identity/role_catalogue.h"

#include "identity/identity_types.h"

QStringList RoleCatalogue::keys() const
{
    return roleKeys(allRoles());
}

QString RoleCatalogue::label(const QString &key) const
{
    return labelFor(key);
}

QString RoleCatalogue::labelFor(const QString &key)
{
    const auto role = roleFromKey(key);
    if (!role) {
        return key;
    }
    switch (*role) {
    case Role::Coachee:
        return tr("Coachee");
    case Role::Coach:
        return tr("Coach");
    case Role::Mentor:
        return tr("Mentor");
    case Role::Coordinator:
        return tr("Coordinator");
    case Role::Supervisor:
        return tr("Supervisor");
    }
    return key;
}

QString RoleCatalogue::pluralLabel(const QString &key) const
{
    return pluralLabelFor(key);
}

QString RoleCatalogue::pluralLabelFor(const QString &key)
{
    const auto role = roleFromKey(key);
    if (!role) {
        return key;
    }
    switch (*role) {
    case Role::Coachee:
        return tr("Coachees");
    case Role::Coach:
        return tr("Coaches");
    case Role::Mentor:
        return tr("Mentors");
    case Role::Coordinator:
        return tr("Coordinators");
    case Role::Supervisor:
        return tr("Supervisors");
    }
    return key;
}

QString RoleCatalogue::description(const QString &key) const
{
    const auto role = roleFromKey(key);
    if (!role) {
        return {};
    }
    switch (*role) {
    case Role::Coachee:
        return tr("Any member of staff looking for coaching or mentoring.");
    case Role::Coach:
        return tr("A qualified, supervised coach in the pool.");
    case Role::Mentor:
        return tr("An experienced mentor in the pool.");
    case Role::Coordinator:
        return tr("Runs the programme for one or more organisations; sees figures, never "
                  "what was said.");
    case Role::Supervisor:
        return tr("Coaching supervisor; the only person who receives safeguarding concerns.");
    }
    return {};
}

QString RoleCatalogue::joinedLabels(const QStringList &keys) const
{
    QStringList labels;
    for (const QString &key : keys) {
        labels.append(labelFor(key));
    }
    return labels.join(QStringLiteral(", "));
}
