#pragma once

#include "relationships/relationship_types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QVariantMap>

/// How a queued write's fields are kept in the outbox: as a JSON object,
/// ids as numbers, and a date field `…At` as whole seconds under `…AtUnix`
/// (JSON has no dates). The same shape has been on devices since the outbox
/// began, so it changes only by adding fields.
namespace WriteCodec {

/// A payload from QML or a form: dates under `…At` become `…AtUnix`.
QJsonObject fromMap(const QVariantMap &map);
/// The payload for QML: dates back as dates under `…At`, beside their seconds.
QVariantMap toMap(const QJsonObject &json);

/// A session record in the outbox's shape (no idempotency key: the entry's
/// key is sent with it).
QJsonObject fromRecord(const SessionRecord &record);
/// The record a payload holds; `startedAt` read from its seconds, or from an
/// ISO string for a payload that has been through JSON as text.
SessionRecord toRecord(const QJsonObject &json);

/// The date kept for `field` ("startsAt" reads "startsAtUnix"); invalid if none.
QDateTime timeOf(const QJsonObject &payload, const QString &field);
qint64 idOf(const QJsonObject &payload, const char *field);
QString textOf(const QJsonObject &payload, const char *field);

} // namespace WriteCodec
