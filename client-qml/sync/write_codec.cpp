#include "sync/write_codec.h"

#include <QJsonArray>

namespace {

constexpr auto kAtSuffix = "At";
constexpr auto kUnixSuffix = "Unix";

bool isDate(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<QDateTime>()
        || value.metaType() == QMetaType::fromType<QDate>();
}

} // namespace

namespace WriteCodec {

QJsonObject fromMap(const QVariantMap &map)
{
    QVariantMap plain;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QVariant &value = it.value();
        if (it.key().endsWith(QLatin1String(kAtSuffix)) && isDate(value)) {
            const QDateTime when = value.toDateTime();
            plain.insert(it.key() + QLatin1String(kUnixSuffix),
                when.isValid() ? when.toSecsSinceEpoch() : 0);
        } else {
            plain.insert(it.key(), value);
        }
    }
    return QJsonObject::fromVariantMap(plain);
}

QVariantMap toMap(const QJsonObject &json)
{
    QVariantMap map = json.toVariantMap();
    const QString suffix = QLatin1String(kAtSuffix) + QLatin1String(kUnixSuffix);
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString name = it.key();
        if (name.endsWith(suffix)) {
            const qint64 seconds = it.value().toInteger();
            map.insert(name.chopped(static_cast<qsizetype>(qstrlen(kUnixSuffix))),
                seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds) : QDateTime());
        }
    }
    return map;
}

QJsonObject fromRecord(const SessionRecord &record)
{
    return {{QStringLiteral("relationshipId"), record.relationshipId},
        {QStringLiteral("sessionId"), record.sessionId}, {QStringLiteral("held"), record.held},
        {QStringLiteral("cancelledBy"), record.cancelledBy},
        {QStringLiteral("cancelReason"), record.cancelReason},
        {QStringLiteral("startedAtUnix"),
            record.startedAt.isValid() ? record.startedAt.toSecsSinceEpoch() : 0},
        {QStringLiteral("actualMinutes"), record.actualMinutes},
        {QStringLiteral("mode"), record.mode},
        {QStringLiteral("themes"), QJsonArray::fromStringList(record.themes)},
        {QStringLiteral("agreedActions"), record.agreedActions},
        {QStringLiteral("privateNotes"), record.privateNotes}};
}

SessionRecord toRecord(const QJsonObject &json)
{
    SessionRecord record;
    record.relationshipId = json.value(QStringLiteral("relationshipId")).toInteger();
    record.sessionId = json.value(QStringLiteral("sessionId")).toInteger();
    record.idempotencyKey = json.value(QStringLiteral("idempotencyKey")).toString();
    record.held = json.value(QStringLiteral("held")).toBool(true);
    record.cancelledBy = json.value(QStringLiteral("cancelledBy")).toString();
    record.cancelReason = json.value(QStringLiteral("cancelReason")).toString();
    const qint64 started = json.value(QStringLiteral("startedAtUnix")).toInteger();
    if (started > 0) {
        record.startedAt = QDateTime::fromSecsSinceEpoch(started, Qt::UTC);
    } else if (json.contains(QStringLiteral("startedAt"))) {
        record.startedAt = QDateTime::fromString(
            json.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    }
    record.actualMinutes = json.value(QStringLiteral("actualMinutes")).toInt();
    record.mode = json.value(QStringLiteral("mode")).toString();
    for (const auto &theme : json.value(QStringLiteral("themes")).toArray()) {
        record.themes.append(theme.toString());
    }
    record.agreedActions = json.value(QStringLiteral("agreedActions")).toString();
    record.privateNotes = json.value(QStringLiteral("privateNotes")).toString();
    return record;
}

QDateTime timeOf(const QJsonObject &payload, const QString &field)
{
    const qint64 seconds = payload.value(field + QLatin1String(kUnixSuffix)).toInteger();
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

qint64 idOf(const QJsonObject &payload, const char *field)
{
    return payload.value(QLatin1String(field)).toInteger();
}

QString textOf(const QJsonObject &payload, const char *field)
{
    return payload.value(QLatin1String(field)).toString();
}

} // namespace WriteCodec
