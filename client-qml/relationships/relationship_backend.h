#pragma once

#include "common/result.h"
#include "relationships/relationship_types.h"

#include <QList>
#include <QObject>
#include <QString>

/// Relationships, their contracts and sessions (tandem.v1.RelationshipService),
/// with Qt types only. Every call returns at once and reports through its
/// callback.
class RelationshipBackend {
public:
    virtual ~RelationshipBackend() = default;

    /// The caller's relationships, as coachee or as coach or mentor, newest
    /// first.
    virtual void listMyRelationships(QObject *context, Callback<QList<RelationshipInfo>> done) = 0;
    virtual void getRelationship(
        qint64 relationshipId, QObject *context, Callback<RelationshipInfo> done)
        = 0;
    // Every write below takes an `idempotencyKey`: made by the app once per
    // write (16 to 64 characters) and sent unchanged with every retry, so
    // that the server acts once however often it arrives; empty for none.

    /// The coach or mentor sets the terms while contracting; both parties'
    /// agreements are cleared.
    virtual void setContractTerms(qint64 relationshipId, const ContractTermsInfo &terms,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
        = 0;
    /// One party agrees; `lineManagerTold` is required from the coachee.
    virtual void agreeContract(qint64 relationshipId, bool confidentialityAcknowledged,
        bool ethicsAcknowledged, const QString &lineManagerTold, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done)
        = 0;
    /// The coach resets an active coaching contract's sessions and end date.
    virtual void reviewContract(qint64 relationshipId, int numberOfSessions,
        const QString &plannedEndOn, const QString &reason, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done)
        = 0;
    virtual void completeRelationship(qint64 relationshipId, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done)
        = 0;
    virtual void endRelationship(qint64 relationshipId, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
        = 0;
    virtual void proposeSession(const SessionProposal &proposal, const QString &idempotencyKey,
        QObject *context, Callback<SessionInfo> done)
        = 0;
    virtual void acceptSession(qint64 sessionId, const QString &idempotencyKey, QObject *context,
        Callback<SessionInfo> done)
        = 0;
    virtual void cancelSession(qint64 sessionId, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
        = 0;
    /// Moves a session still to come to `startsAt` (future, within a year),
    /// with a reason; it is proposed again by the caller for the other to
    /// accept.
    virtual void rescheduleSession(qint64 sessionId, const QDateTime &startsAt,
        const QString &reason, const QString &idempotencyKey, QObject *context,
        Callback<SessionInfo> done)
        = 0;
    /// The session as an iCalendar file (the parties only; no private content).
    virtual void exportSessionCalendar(
        qint64 sessionId, QObject *context, Callback<CalendarFile> done)
        = 0;
    /// Safe to retry with the same key: a repeat answers `replayed`.
    virtual void recordSession(
        const SessionRecord &record, QObject *context, Callback<RecordedSession> done)
        = 0;
    /// The sessions of a relationship, soonest first.
    virtual void listSessions(
        qint64 relationshipId, QObject *context, Callback<QList<SessionInfo>> done)
        = 0;
};
