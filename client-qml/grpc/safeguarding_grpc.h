#pragma once

#include "safeguarding/safeguarding_backend.h"

#include <memory>

class GrpcConnection;

/// SafeguardingBackend over gRPC (tandem.v1.SafeguardingService).
class SafeguardingGrpc final : public SafeguardingBackend {
public:
    explicit SafeguardingGrpc(std::shared_ptr<GrpcConnection> connection);

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

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
