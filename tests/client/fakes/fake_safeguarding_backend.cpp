#include "fakes/fake_safeguarding_backend.h"

using namespace Qt::StringLiterals;

void FakeSafeguardingBackend::listConcerns(QObject *context, Callback<QList<ConcernInfo>> done)
{
    respond({u"listConcerns"_s, {}, {}}, context, std::move(done));
}

void FakeSafeguardingBackend::listAuditTrail(
    int limit, QObject *context, Callback<QList<AuditEntryInfo>> done)
{
    respond({u"listAuditTrail"_s, {{u"limit"_s, limit}}, {}}, context, std::move(done));
}

void FakeSafeguardingBackend::setSupervisor(
    qint64 coachId, qint64 supervisorId, QObject *context, Callback<Done> done)
{
    respond({u"setSupervisor"_s, {{u"coachId"_s, coachId}, {u"supervisorId"_s, supervisorId}}, {}},
        context, std::move(done));
}

void FakeSafeguardingBackend::setSafeguardingLead(
    qint64 organisationId, qint64 accountId, QObject *context, Callback<Done> done)
{
    respond({u"setSafeguardingLead"_s,
                {{u"organisationId"_s, organisationId}, {u"accountId"_s, accountId}}, {}},
        context, std::move(done));
}

void FakeSafeguardingBackend::raiseConcern(qint64 relationshipId, const QString &description,
    const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
{
    ConcernInfo concern;
    concern.relationshipId = relationshipId;
    concern.description = description;
    respond({u"raiseConcern"_s,
                {{u"relationshipId"_s, relationshipId}, {u"description"_s, description}},
                idempotencyKey},
        context, std::move(done), concern);
}

void FakeSafeguardingBackend::acknowledgeConcern(qint64 concernId, const QString &actionTaken,
    const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
{
    ConcernInfo concern;
    concern.id = concernId;
    concern.actionTaken = actionTaken;
    respond({u"acknowledgeConcern"_s,
                {{u"concernId"_s, concernId}, {u"actionTaken"_s, actionTaken}}, idempotencyKey},
        context, std::move(done), concern);
}
