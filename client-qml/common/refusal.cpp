#include "common/refusal.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Refusal", text);
}

/// Fields whose name alone reads badly; the rest are read from their name.
const QHash<QString, QString> &namedFields()
{
    static const QHash<QString, QString> names {
        {QStringLiteral("actual_minutes"), tr("Minutes")},
        {QStringLiteral("planned_minutes"), tr("Planned length")},
        {QStringLiteral("session_minutes"), tr("Session length")},
        {QStringLiteral("label"), tr("Name")},
        {QStringLiteral("display_name"), tr("Name")},
        {QStringLiteral("planned_end_on"), tr("Planned end date")},
        {QStringLiteral("held_on"), tr("Date")},
        {QStringLiteral("starts_at"), tr("Date and time")},
        {QStringLiteral("new_password"), tr("New password")},
        {QStringLiteral("current_password"), tr("Current password")},
        {QStringLiteral("email"), tr("Email address")},
        {QStringLiteral("delivery_modes"), tr("How you meet")},
        {QStringLiteral("mode"), tr("How you meet")},
        {QStringLiteral("max_active"), tr("Capacity")},
        {QStringLiteral("capacity"), tr("Capacity")},
        {QStringLiteral("review_cadence_weeks"), tr("Review every")},
        {QStringLiteral("cadence_weeks"), tr("Review every")},
        {QStringLiteral("agreed_actions"), tr("Agreed actions")},
        {QStringLiteral("private_notes"), tr("Private notes")},
        {QStringLiteral("weights"), tr("Weights")},
        {QStringLiteral("query"), tr("Search")},
    };
    return names;
}

/// Words that begin a sentence's predicate: "must be …", "is required".
bool startsWithVerb(const QString &text)
{
    static const QRegularExpression verb(QStringLiteral(
        "^(must|is|are|can|cannot|can't|should|has|have|was|were|needs|may|does|do)\\b"));
    return verb.match(text).hasMatch();
}

} // namespace

QString fieldLabel(const QString &field)
{
    if (const auto it = namedFields().constFind(field); it != namedFields().constEnd()) {
        return *it;
    }
    QString name = field;
    static const QRegularExpression idSuffix(QStringLiteral("_ids?$"));
    static const QRegularExpression dateSuffix(QStringLiteral("_on$"));
    static const QRegularExpression timeSuffix(QStringLiteral("_at$"));
    name.replace(idSuffix, QString());
    name.replace(dateSuffix, QStringLiteral(" date"));
    name.replace(timeSuffix, QStringLiteral(" time"));
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    name = name.trimmed();
    if (!name.isEmpty()) {
        name[0] = name[0].toUpper();
    }
    return name;
}

Refusal plainRefusal(const QString &serverText)
{
    // "themes[2]: …", "terms.planned_end_on: …", "actual_minutes: …"
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*((?:[a-z][a-z0-9_]*(?:\\[\\d+\\])?\\.)*([a-z][a-z0-9_]*))"
                       "(?:\\[\\d+\\])?:\\s*(.+)$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = pattern.match(serverText);
    if (!match.hasMatch()) {
        return {{}, serverText.trimmed()};
    }
    const QString field = match.captured(2);
    QString why = match.captured(3).trimmed();
    QString message;
    if (startsWithVerb(why)) {
        message = fieldLabel(field) + QLatin1Char(' ') + why;
    } else {
        why[0] = why[0].toUpper();
        message = fieldLabel(field) + QStringLiteral(": ") + why;
    }
    if (!message.endsWith(QLatin1Char('.')) && !message.endsWith(QLatin1Char('?'))
        && !message.endsWith(QLatin1Char('!'))) {
        message += QLatin1Char('.');
    }
    return {field, message};
}
