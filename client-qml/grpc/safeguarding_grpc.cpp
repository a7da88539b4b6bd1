#include "grpc/safeguarding_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/safeguarding.grpc.pb.h"

namespace {

ConcernInfo fromProto(const v1::Concern &concern)
{
    ConcernInfo info;
    info.id = concern.id();
    info.relationshipId = concern.relationship_id();
    info.raisedByAccountId = concern.raised_by_account_id();
    info.raisedByName = fromStd(concern.raised_by_name());
    info.raisedAt = timeFromUnix(concern.raised_at_unix());
    info.description = fromStd(concern.description());
    info.escalateAt = timeFromUnix(concern.escalate_at_unix());
    info.escalated = concern.escalated();
    info.acknowledgedAt = timeFromUnix(concern.acknowledged_at_unix());
    info.acknowledgedByName = fromStd(concern.acknowledged_by_name());
    info.actionTaken = fromStd(concern.action_taken());
    info.yourPart = fromStd(concern.your_part());
    info.aboutName = fromStd(concern.about_name());
    return info;
}

} // namespace

SafeguardingGrpc::SafeguardingGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void SafeguardingGrpc::listConcerns(QObject *context, Callback<QList<ConcernInfo>> done)
{
    m_connection->call(
        &v1::SafeguardingService::Stub::ListConcerns, v1::ListConcernsRequest(), context,
        [](const v1::ListConcernsResponse &response) {
            QList<ConcernInfo> list;
            for (const auto &concern : response.concerns()) {
                list.append(fromProto(concern));
            }
            return list;
        },
        std::move(done));
}

void SafeguardingGrpc::listAuditTrail(
    int limit, QObject *context, Callback<QList<AuditEntryInfo>> done)
{
    v1::ListAuditTrailRequest request;
    request.set_limit(limit);
    m_connection->call(
        &v1::SafeguardingService::Stub::ListAuditTrail, request, context,
        [](const v1::ListAuditTrailResponse &response) {
            QList<AuditEntryInfo> list;
            for (const auto &entry : response.entries()) {
                list.append(AuditEntryInfo {timeFromUnix(entry.at_unix()), entry.account_id(),
                    fromStd(entry.account_name()), fromStd(entry.what())});
            }
            return list;
        },
        std::move(done));
}

void SafeguardingGrpc::setSupervisor(
    qint64 coachId, qint64 supervisorId, QObject *context, Callback<Done> done)
{
    v1::SetSupervisorRequest request;
    request.set_coach_id(coachId);
    request.set_supervisor_id(supervisorId);
    m_connection->call(
        &v1::SafeguardingService::Stub::SetSupervisor, request, context,
        [](const v1::SetSupervisorResponse &) { return Done {}; }, std::move(done));
}

void SafeguardingGrpc::setSafeguardingLead(
    qint64 organisationId, qint64 accountId, QObject *context, Callback<Done> done)
{
    v1::SetSafeguardingLeadRequest request;
    request.set_organisation_id(organisationId);
    request.set_account_id(accountId);
    m_connection->call(
        &v1::SafeguardingService::Stub::SetSafeguardingLead, request, context,
        [](const v1::SetSafeguardingLeadResponse &) { return Done {}; }, std::move(done));
}

void SafeguardingGrpc::raiseConcern(qint64 relationshipId, const QString &description,
    const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
{
    v1::RaiseConcernRequest request;
    request.set_relationship_id(relationshipId);
    request.set_description(description.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(
        &v1::SafeguardingService::Stub::RaiseConcern, request, context,
        [](const v1::RaiseConcernResponse &response) { return fromProto(response.concern()); },
        std::move(done));
}

void SafeguardingGrpc::acknowledgeConcern(qint64 concernId, const QString &actionTaken,
    const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
{
    v1::AcknowledgeConcernRequest request;
    request.set_concern_id(concernId);
    request.set_action_taken(actionTaken.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(
        &v1::SafeguardingService::Stub::AcknowledgeConcern, request, context,
        [](const v1::AcknowledgeConcernResponse &response) {
            return fromProto(response.concern());
        },
        std::move(done));
}
