#pragma once

#include "fakes/fake_service.h"
#include "relationships/relationship_backend.h"

/// RelationshipBackend with no server: records each call with its
/// idempotency key and answers as scripted (FakeService). A write answers
/// OK, by default, with the relationship or session it names (its id, and
/// what the write set), so that forms and the outbox see a plausible reply.
class FakeRelationshipBackend : public RelationshipBackend, public FakeService {
public:
    void listMyRelationships(QObject *context, Callback<QList<RelationshipInfo>> done) override;
    void getRelationship(
        qint64 relationshipId, QObject *context, Callback<RelationshipInfo> done) override;
    void setContractTerms(qint64 relationshipId, const ContractTermsInfo &terms,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done) override;
    void agreeContract(qint64 relationshipId, bool confidentialityAcknowledged,
        bool ethicsAcknowledged, const QString &lineManagerTold, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done) override;
    void reviewContract(qint64 relationshipId, int numberOfSessions, const QString &plannedEndOn,
        const QString &reason, const QString &idempotencyKey, QObject *context,
        Callback<RelationshipInfo> done) override;
    void completeRelationship(qint64 relationshipId, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done) override;
    void endRelationship(qint64 relationshipId, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done) override;
    void proposeSession(const SessionProposal &proposal, const QString &idempotencyKey,
        QObject *context, Callback<SessionInfo> done) override;
    void acceptSession(qint64 sessionId, const QString &idempotencyKey, QObject *context,
        Callback<SessionInfo> done) override;
    void cancelSession(qint64 sessionId, const QString &reason, const QString &idempotencyKey,
        QObject *context, Callback<SessionInfo> done) override;
    void rescheduleSession(qint64 sessionId, const QDateTime &startsAt, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done) override;
    void exportSessionCalendar(
        qint64 sessionId, QObject *context, Callback<CalendarFile> done) override;
    void recordSession(
        const SessionRecord &record, QObject *context, Callback<RecordedSession> done) override;
    void listSessions(
        qint64 relationshipId, QObject *context, Callback<QList<SessionInfo>> done) override;

private:
    /// What a write of relationship `id` answers by default.
    static RelationshipInfo relationship(qint64 id, const ContractTermsInfo &terms = {});
    static SessionInfo session(qint64 id, qint64 relationshipId = 0);
};
