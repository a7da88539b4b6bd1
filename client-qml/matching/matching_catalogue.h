#pragma once

#include "matching/matching_types.h"
#include "shared/limits.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// Labels for the keys of requests and matching ("waiting" → "Waiting for a
/// match", "own" → "My own organisation"), the matching weights with what
/// each one means, and the one conversion of a request into the map QML
/// reads (`Matching` in QML). Stateless, so the engine makes its own.
class MatchingCatalogue : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Matching)
    QML_SINGLETON

    /// The gap a request fills: at least this many characters…
    Q_PROPERTY(int gapMinLength READ gapMinLength CONSTANT)
    /// …and at most this many.
    Q_PROPERTY(int gapMaxLength READ gapMaxLength CONSTANT)
    Q_PROPERTY(int maxThemes READ maxThemes CONSTANT)
    Q_PROPERTY(int maxAvoid READ maxAvoid CONSTANT)
    Q_PROPERTY(int declineReasonMaxLength READ declineReasonMaxLength CONSTANT)
    /// Each matching weight is 0 to this.
    Q_PROPERTY(int maxWeight READ maxWeight CONSTANT)

public:
    using QObject::QObject;

    // The API's limits (shared/limits.h, the server's own), checked in the
    // app for quick feedback; the server checks them again.
    static constexpr int kGapMinLength = static_cast<int>(tandem::limits::kGapMinLength);
    static constexpr int kGapMaxLength = static_cast<int>(tandem::limits::kGapMaxLength);
    static constexpr int kMaxThemes = static_cast<int>(tandem::limits::kMaxThemes);
    static constexpr int kMaxAvoid = static_cast<int>(tandem::limits::kMaxAvoid);
    static constexpr int kDeclineReasonMaxLength
        = static_cast<int>(tandem::limits::kDeclineReasonMaxLength);
    static constexpr int kMaxWeight = tandem::limits::kMaxWeight;

    int gapMinLength() const { return kGapMinLength; }
    int gapMaxLength() const { return kGapMaxLength; }
    int maxThemes() const { return kMaxThemes; }
    int maxAvoid() const { return kMaxAvoid; }
    int declineReasonMaxLength() const { return kDeclineReasonMaxLength; }
    int maxWeight() const { return kMaxWeight; }

    /// "Waiting for a match", "Sent, waiting for an answer", "Accepted", …
    Q_INVOKABLE QString statusLabel(const QString &key) const;
    /// How the member was found: "You named them", "You chose them from
    /// suggestions", "Matched by a coordinator".
    Q_INVOKABLE QString originLabel(const QString &key) const;
    /// "No preference", "My own organisation", "Another organisation".
    Q_INVOKABLE QString organisationPreferenceLabel(const QString &key) const;
    /// Options as [{key, label}] for a picker: set "organisationPreference"
    /// (first entry: no preference) or "status".
    Q_INVOKABLE QVariantList options(const QString &set) const;

    /// The weights in order, as [{key, label, description}].
    Q_INVOKABLE QVariantList weightFields() const;

    /// Whole days elapsed since `since` (0 for under a day or an invalid time).
    static int daysSince(const QDateTime &since);
    /// "Today", "1 day", "12 days".
    Q_INVOKABLE QString daysLabel(int days) const;

    /// Every field of a request as a map for QML, with labels alongside keys:
    /// the details' fields at the top level, plus `daysWaited`, `open`,
    /// readable dates and `preferencesLabel` (delivery, site, language,
    /// organisation, profession; never the pay band, which is only for
    /// matching).
    static QVariantMap toMap(const SupportRequestInfo &request);
    /// How well a pair fits, in words ("Strong match", "Good match",
    /// "Partial match"), from its score out of the most any pair could
    /// score; "" when the server gave no maximum.
    static QString fitLabel(int score, int maxScore);
    static QVariantList weightFieldList();
    static QStringList weightKeys();
    static QString weightLabel(const QString &key);
    /// The value of one weight by key; -1 for an unknown key.
    static int weightValue(const MatchWeights &weights, const QString &key);
    /// Sets one weight by key; false for an unknown key.
    static bool setWeightValue(MatchWeights &weights, const QString &key, int value);
};
