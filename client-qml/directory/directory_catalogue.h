#pragma once

#include "directory/directory_types.h"
#include "shared/limits.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// Readable labels for the directory's enum keys ("ilm_level_7" → "ILM Level
/// 7", "video" → "Video"), option lists for pickers, and the one conversion
/// of a profile into the map QML reads (`Directory` in QML). Stateless, so
/// the engine makes its own.
class DirectoryCatalogue : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Directory)
    QML_SINGLETON

    // The API's limits for profiles and specialisms (shared/limits.h),
    // checked in the app for quick feedback; the server checks them again.
    Q_PROPERTY(int headlineMaxLength READ headlineMaxLength CONSTANT)
    Q_PROPERTY(int maxSpecialisms READ maxSpecialisms CONSTANT)
    Q_PROPERTY(int maxTags READ maxTags CONSTANT)
    Q_PROPERTY(int maxYearsExperience READ maxYearsExperience CONSTANT)
    Q_PROPERTY(int maxCapacity READ maxCapacity CONSTANT)
    Q_PROPERTY(int specialismLabelMinLength READ specialismLabelMinLength CONSTANT)
    Q_PROPERTY(int specialismLabelMaxLength READ specialismLabelMaxLength CONSTANT)

public:
    using QObject::QObject;

    static constexpr int kSpecialismLabelMinLength
        = static_cast<int>(tandem::limits::kSpecialismLabelMinLength);
    static constexpr int kSpecialismLabelMaxLength
        = static_cast<int>(tandem::limits::kSpecialismLabelMaxLength);

    int headlineMaxLength() const { return static_cast<int>(tandem::limits::kHeadlineMaxLength); }
    int maxSpecialisms() const { return static_cast<int>(tandem::limits::kMaxSpecialisms); }
    int maxTags() const { return static_cast<int>(tandem::limits::kMaxTags); }
    int maxYearsExperience() const { return tandem::limits::kMaxYearsExperience; }
    int maxCapacity() const { return tandem::limits::kMaxCapacity; }
    int specialismLabelMinLength() const { return kSpecialismLabelMinLength; }
    int specialismLabelMaxLength() const { return kSpecialismLabelMaxLength; }

    /// What a pool member offers: "Coach", "Mentor", "Coach and mentor".
    Q_INVOKABLE QString kindLabel(const QString &key) const;
    /// What a person looks for: "Coaching", "Mentoring".
    Q_INVOKABLE QString supportKindLabel(const QString &key) const;
    Q_INVOKABLE QString statusLabel(const QString &key) const;
    /// "Accepting new people", "Full", "On leave".
    Q_INVOKABLE QString availabilityLabel(const QString &key) const;
    Q_INVOKABLE QString deliveryModeLabel(const QString &key) const;
    Q_INVOKABLE QString qualificationTypeLabel(const QString &key) const;
    Q_INVOKABLE QString trainingLevelLabel(const QString &key) const;
    /// "Band 7", "Band 8a", "Above band 9".
    Q_INVOKABLE QString payBandLabel(const QString &key) const;

    /// Options as [{key, label}] for a picker; `withAny` adds {"", anyLabel}
    /// first. `set` is one of "kind", "supportKind", "status",
    /// "availability", "deliveryMode", "qualificationType",
    /// "trainingLevel", "payBand".
    Q_INVOKABLE QVariantList options(
        const QString &set, bool withAny = false, const QString &anyLabel = {}) const;

    /// "Last active today", "Last active 3 days ago", …; empty if unknown.
    Q_INVOKABLE QString lastActiveLabel(const QDateTime &when) const;

    /// "Usually answers within 5 hours", "… within 2 days"; empty for 0.
    static QString answerTimeLabel(int hours);

    /// Every field of a profile as a map for QML, with labels alongside
    /// keys. Qualifications are a list of maps.
    static QVariantMap toMap(const ProfileInfo &profile);
    static QStringList keysOf(const QString &set);
    static QString labelFor(const QString &set, const QString &key);
};
