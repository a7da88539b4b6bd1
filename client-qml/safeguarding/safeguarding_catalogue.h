#pragma once

#include "safeguarding/safeguarding_types.h"
#include "shared/limits.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

/// The API's limits for concerns, the checks the app makes before a
/// concern or an acknowledgement is kept on the device, and the one
/// conversion of a concern and of an audit entry into the maps QML reads
/// (`Safeguarding` in QML). Stateless, so the engine makes its own.
class SafeguardingCatalogue : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Safeguarding)
    QML_SINGLETON

    Q_PROPERTY(int textMinLength READ textMinLength CONSTANT)
    Q_PROPERTY(int textMaxLength READ textMaxLength CONSTANT)

public:
    using QObject::QObject;

    /// A description and what was done, in characters (shared/limits.h),
    /// counted after trimming, as the server does.
    static constexpr int kTextMinLength = static_cast<int>(tandem::limits::kConcernTextMinLength);
    static constexpr int kTextMaxLength = static_cast<int>(tandem::limits::kConcernTextMaxLength);
    /// Audit entries shown at first, and at most (ListAuditTrail's limit).
    static constexpr int kAuditPageSize = tandem::limits::kDefaultAuditEntries;
    static constexpr int kAuditMaxEntries = tandem::limits::kMaxAuditEntries;

    int textMinLength() const { return kTextMinLength; }
    int textMaxLength() const { return kTextMaxLength; }

    /// Characters (not bytes, not UTF-16 units) once trimmed.
    Q_INVOKABLE static int lengthOf(const QString &text);
    /// What is wrong with a concern's description; empty when it will do.
    Q_INVOKABLE static QString descriptionProblem(const QString &text);
    /// What is wrong with "what was done"; empty when it will do.
    Q_INVOKABLE static QString actionProblem(const QString &text);
    /// "37 / 5000 characters", or how many more are needed below the minimum.
    Q_INVOKABLE static QString lengthLabel(const QString &text);

    /// "Tue 14 Mar 2026 at 14:05", local time; empty for an invalid time.
    static QString momentLabel(const QDateTime &when);

    /// Every field of a concern as a map for QML. `relationshipName` names
    /// the other person of the relationship when the app knows it (the
    /// coach's own relationships); the words depend on the reader's part:
    /// `canRead` (the text is there), `raisedByYou`, `acknowledged`,
    /// `statusLabel` and `escalationLabel` in words, `relationshipLabel`.
    static QVariantMap toMap(const ConcernInfo &concern, const QString &relationshipName = {});
    /// An audit entry as a map: `at`, `atLabel`, `accountId`, `accountName`,
    /// `what`.
    static QVariantMap toMap(const AuditEntryInfo &entry);
    /// The trail as rows, newest first, with reads of the same thing by the
    /// same person one after another kept as one row: "times" counts them
    /// and "atLabel" says over what stretch ("… (4 times since 10:02)").
    static QList<QVariantMap> auditRows(const QList<AuditEntryInfo> &entries);
};
