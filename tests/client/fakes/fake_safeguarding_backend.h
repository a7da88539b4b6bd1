#pragma once

#include "fakes/fake_service.h"
#include "safeguarding/safeguarding_backend.h"

/// SafeguardingBackend with no server: records each call with its
/// idempotency key and answers as scripted (FakeService); a concern written
/// answers, by default, with its relationship or id.
class FakeSafeguardingBackend : public SafeguardingBackend, public FakeService {
public:
    void listConcerns(QObject *context, Callback<QList<ConcernInfo>> done) override;
    void listAuditTrail(int limit, QObject *context, Callback<QList<AuditEntryInfo>> done) override;
    void setSupervisor(
        qint64 coachId, qint64 supervisorId, QObject *context, Callback<Done> done) override;
    void setSafeguardingLead(
        qint64 organisationId, qint64 accountId, QObject *context, Callback<Done> done) override;
    void raiseConcern(qint64 relationshipId, const QString &description,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done) override;
    void acknowledgeConcern(qint64 concernId, const QString &actionTaken,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done) override;
};
