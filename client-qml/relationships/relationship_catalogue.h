#pragma once

#include "relationships/relationship_types.h"
#include "shared/limits.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// Labels for the keys of relationships and sessions ("ended_early" →
/// "Ended early", "fortnightly" → "Every two weeks"), option lists for
/// pickers, the API's limits, and the one conversion of a relationship and
/// of a session into the maps QML reads (`Relationships` in QML).
/// Stateless, so the engine makes its own.
class RelationshipCatalogue : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Relationships)
    QML_SINGLETON

    Q_PROPERTY(int maxContractSessions READ maxContractSessions CONSTANT)
    Q_PROPERTY(int minSessionMinutes READ minSessionMinutes CONSTANT)
    Q_PROPERTY(int maxSessionMinutes READ maxSessionMinutes CONSTANT)
    Q_PROPERTY(int reasonMaxLength READ reasonMaxLength CONSTANT)
    Q_PROPERTY(int maxThemes READ maxThemes CONSTANT)
    Q_PROPERTY(int agreedActionsMaxLength READ agreedActionsMaxLength CONSTANT)
    Q_PROPERTY(int privateNotesMaxLength READ privateNotesMaxLength CONSTANT)

public:
    using QObject::QObject;

    // The API's limits (shared/limits.h, the server's own), checked in the
    // app for quick feedback; the server checks them again.
    static constexpr int kMaxContractSessions = tandem::limits::kMaxContractSessions;
    static constexpr int kMinSessionMinutes = ///< contract terms
        tandem::limits::kMinContractSessionMinutes;
    static constexpr int kMaxSessionMinutes = tandem::limits::kMaxContractSessionMinutes;
    static constexpr int kMinPlannedMinutes = ///< a proposed session
        tandem::limits::kMinPlannedMinutes;
    static constexpr int kMaxPlannedMinutes = tandem::limits::kMaxPlannedMinutes;
    static constexpr int kMinActualMinutes = ///< a recorded session
        tandem::limits::kMinActualMinutes;
    static constexpr int kMaxActualMinutes = tandem::limits::kMaxActualMinutes;
    static constexpr int kReasonMaxLength = static_cast<int>(tandem::limits::kReasonMaxLength);
    static constexpr int kMaxThemes = static_cast<int>(tandem::limits::kMaxThemes);
    static constexpr int kAgreedActionsMaxLength
        = static_cast<int>(tandem::limits::kAgreedActionsMaxLength);
    static constexpr int kPrivateNotesMaxLength
        = static_cast<int>(tandem::limits::kPrivateNotesMaxLength);
    static constexpr int kPlaceMaxLength = static_cast<int>(tandem::limits::kPlaceMaxLength);
    /// A contract's planned end is at most this many days after today.
    static constexpr int kMaxContractDays = tandem::limits::kMaxContractDays;
    /// A meeting not scheduled here may be recorded up to this many days later.
    static constexpr int kRecordWithinDays = tandem::limits::kRecordWithinDays;
    /// …and its start may be this many minutes ahead of the device's clock.
    static constexpr int kRecordClockSkewMinutes = tandem::limits::kRecordClockSkewMinutes;

    int maxContractSessions() const { return kMaxContractSessions; }
    int minSessionMinutes() const { return kMinSessionMinutes; }
    int maxSessionMinutes() const { return kMaxSessionMinutes; }
    int reasonMaxLength() const { return kReasonMaxLength; }
    int maxThemes() const { return kMaxThemes; }
    int agreedActionsMaxLength() const { return kAgreedActionsMaxLength; }
    int privateNotesMaxLength() const { return kPrivateNotesMaxLength; }

    /// The label of a key in `set`: "state", "regularity", "reviewCadence",
    /// "lineManagerTold", "sessionStatus", "cancelledBy".
    Q_INVOKABLE QString label(const QString &set, const QString &key) const;
    /// Options as [{key, label}] for a picker, in the API's order;
    /// "sessionLength" gives the usual lengths of a session ("30" … "120").
    Q_INVOKABLE QVariantList options(const QString &set) const;

    /// Every field of a relationship as a map for QML, from the point of
    /// view of its `yourPart`: `otherName`, `youAgreed`, `nextStep` (what
    /// needs doing, in words) and `needsYou` join the API's fields, the
    /// contract's terms are at the top level with their labels, and
    /// `history` is a list of maps.
    static QVariantMap toMap(const RelationshipInfo &relationship);
    /// Every field of a session as a map for QML; `viewerId` decides
    /// `proposedByYou` and `canAccept`; `yourPart` decides `canRecord`.
    /// `canReschedule` and `canExport` (to a calendar) hold while it is to come.
    static QVariantMap toMap(const SessionInfo &session, qint64 viewerId, const QString &yourPart);
    static QString labelFor(const QString &set, const QString &key);
};
