#include "fakes/fake_relationship_backend.h"

using namespace Qt::StringLiterals;

RelationshipInfo FakeRelationshipBackend::relationship(qint64 id, const ContractTermsInfo &terms)
{
    RelationshipInfo info;
    info.id = id;
    info.kind = u"coaching"_s;
    info.state = u"contracting"_s;
    info.contract.termsSet = terms.numberOfSessions > 0 || !terms.reviewCadence.isEmpty();
    info.contract.terms = terms;
    return info;
}

SessionInfo FakeRelationshipBackend::session(qint64 id, qint64 relationshipId)
{
    SessionInfo info;
    info.id = id;
    info.relationshipId = relationshipId;
    return info;
}

void FakeRelationshipBackend::listMyRelationships(
    QObject *context, Callback<QList<RelationshipInfo>> done)
{
    respond({u"listMyRelationships"_s, {}, {}}, context, std::move(done));
}

void FakeRelationshipBackend::getRelationship(
    qint64 relationshipId, QObject *context, Callback<RelationshipInfo> done)
{
    respond({u"getRelationship"_s, {{u"relationshipId"_s, relationshipId}}, {}}, context,
        std::move(done), relationship(relationshipId));
}

void FakeRelationshipBackend::setContractTerms(qint64 relationshipId,
    const ContractTermsInfo &terms, const QString &idempotencyKey, QObject *context,
    Callback<RelationshipInfo> done)
{
    respond({u"setContractTerms"_s,
                {{u"relationshipId"_s, relationshipId}, {u"terms"_s, QVariant::fromValue(terms)}},
                idempotencyKey},
        context, std::move(done), relationship(relationshipId, terms));
}

void FakeRelationshipBackend::agreeContract(qint64 relationshipId, bool confidentialityAcknowledged,
    bool ethicsAcknowledged, const QString &lineManagerTold, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    respond({u"agreeContract"_s,
                {{u"relationshipId"_s, relationshipId},
                    {u"confidentialityAcknowledged"_s, confidentialityAcknowledged},
                    {u"ethicsAcknowledged"_s, ethicsAcknowledged},
                    {u"lineManagerTold"_s, lineManagerTold}},
                idempotencyKey},
        context, std::move(done), relationship(relationshipId));
}

void FakeRelationshipBackend::reviewContract(qint64 relationshipId, int numberOfSessions,
    const QString &plannedEndOn, const QString &reason, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    respond({u"reviewContract"_s,
                {{u"relationshipId"_s, relationshipId}, {u"numberOfSessions"_s, numberOfSessions},
                    {u"plannedEndOn"_s, plannedEndOn}, {u"reason"_s, reason}},
                idempotencyKey},
        context, std::move(done), relationship(relationshipId));
}

void FakeRelationshipBackend::completeRelationship(qint64 relationshipId,
    const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
{
    respond({u"completeRelationship"_s, {{u"relationshipId"_s, relationshipId}}, idempotencyKey},
        context, std::move(done), relationship(relationshipId));
}

void FakeRelationshipBackend::endRelationship(qint64 relationshipId, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
{
    respond({u"endRelationship"_s, {{u"relationshipId"_s, relationshipId}, {u"reason"_s, reason}},
                idempotencyKey},
        context, std::move(done), relationship(relationshipId));
}

void FakeRelationshipBackend::proposeSession(const SessionProposal &proposal,
    const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    respond({u"proposeSession"_s, {{u"proposal"_s, QVariant::fromValue(proposal)}}, idempotencyKey},
        context, std::move(done), session(0, proposal.relationshipId));
}

void FakeRelationshipBackend::acceptSession(
    qint64 sessionId, const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    respond({u"acceptSession"_s, {{u"sessionId"_s, sessionId}}, idempotencyKey}, context,
        std::move(done), session(sessionId));
}

void FakeRelationshipBackend::cancelSession(qint64 sessionId, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    respond(
        {u"cancelSession"_s, {{u"sessionId"_s, sessionId}, {u"reason"_s, reason}}, idempotencyKey},
        context, std::move(done), session(sessionId));
}

void FakeRelationshipBackend::rescheduleSession(qint64 sessionId, const QDateTime &startsAt,
    const QString &reason, const QString &idempotencyKey, QObject *context,
    Callback<SessionInfo> done)
{
    respond({u"rescheduleSession"_s,
                {{u"sessionId"_s, sessionId}, {u"startsAt"_s, startsAt}, {u"reason"_s, reason}},
                idempotencyKey},
        context, std::move(done), session(sessionId));
}

void FakeRelationshipBackend::exportSessionCalendar(
    qint64 sessionId, QObject *context, Callback<CalendarFile> done)
{
    respond(
        {u"exportSessionCalendar"_s, {{u"sessionId"_s, sessionId}}, {}}, context, std::move(done));
}

void FakeRelationshipBackend::recordSession(
    const SessionRecord &record, QObject *context, Callback<RecordedSession> done)
{
    respond(
        {u"recordSession"_s, {{u"record"_s, QVariant::fromValue(record)}}, record.idempotencyKey},
        context, std::move(done), RecordedSession {session(0, record.relationshipId), false});
}

void FakeRelationshipBackend::listSessions(
    qint64 relationshipId, QObject *context, Callback<QList<SessionInfo>> done)
{
    respond(
        {u"listSessions"_s, {{u"relationshipId"_s, relationshipId}}, {}}, context, std::move(done));
}
