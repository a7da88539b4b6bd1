#include "grpc/relationship_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/relationships.grpc.pb.h"

namespace {

ContractTermsInfo fromProto(const v1::ContractTerms &terms)
{
    return {terms.number_of_sessions(), terms.session_minutes(),
        keyOf(kRegularities, terms.regularity()), fromStd(terms.planned_end_on()),
        keyOf(kReviewCadences, terms.review_cadence())};
}

AgreementInfo fromProto(const v1::Agreement &agreement)
{
    return {timeFromUnix(agreement.agreed_at_unix()), agreement.confidentiality_acknowledged(),
        agreement.ethics_acknowledged()};
}

RelationshipInfo fromProto(const v1::Relationship &relationship)
{
    RelationshipInfo info;
    info.id = relationship.id();
    info.kind = keyOf(kSupportKinds, relationship.kind());
    info.state = keyOf(kRelationshipStates, relationship.state());
    info.requestId = relationship.request_id();
    info.coacheeId = relationship.coachee_id();
    info.coacheeName = fromStd(relationship.coachee_name());
    info.memberId = relationship.member_id();
    info.memberName = fromStd(relationship.member_name());
    const v1::Contract &contract = relationship.contract();
    info.contract.termsSet = contract.terms_set();
    info.contract.terms = fromProto(contract.terms());
    info.contract.coachee = fromProto(contract.coachee());
    info.contract.member = fromProto(contract.member());
    info.contract.lineManagerTold = keyOf(kLineManagerTold, contract.line_manager_told());
    info.contract.reviews = contract.reviews();
    for (const auto &entry : relationship.history()) {
        info.history.append(
            {timeFromUnix(entry.at_unix()), entry.by_account_id(), fromStd(entry.by_name()),
                fromStd(entry.event()), keyOf(kRelationshipStates, entry.from_state()),
                keyOf(kRelationshipStates, entry.to_state()), fromStd(entry.reason())});
    }
    info.createdAt = timeFromUnix(relationship.created_at_unix());
    info.yourPart = fromStd(relationship.your_part());
    return info;
}

SessionInfo fromProto(const v1::Session &session)
{
    SessionInfo info;
    info.id = session.id();
    info.relationshipId = session.relationship_id();
    info.status = keyOf(kSessionStatuses, session.status());
    info.startsAt = timeFromUnix(session.starts_at_unix());
    info.plannedMinutes = session.planned_minutes();
    info.mode = keyOf(kDeliveryModes, session.mode());
    info.place = fromStd(session.place());
    info.proposedByAccountId = session.proposed_by_account_id();
    info.cancelReason = fromStd(session.cancel_reason());
    info.cancelledBy = keyOf(kCancelledBy, session.cancelled_by());
    info.actualMinutes = session.actual_minutes();
    info.themes = toStringList(session.themes());
    info.agreedActions = fromStd(session.agreed_actions());
    info.privateNotes = fromStd(session.private_notes());
    info.hasPrivateNotes = session.has_private_notes();
    info.recordedAt = timeFromUnix(session.recorded_at_unix());
    info.rescheduleReason = fromStd(session.reschedule_reason());
    return info;
}

/// The relationship of a response that carries one.
template <typename Response> RelationshipInfo relationshipOf(const Response &response)
{
    return fromProto(response.relationship());
}

template <typename Response> SessionInfo sessionOf(const Response &response)
{
    return fromProto(response.session());
}

} // namespace

RelationshipGrpc::RelationshipGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void RelationshipGrpc::listMyRelationships(QObject *context, Callback<QList<RelationshipInfo>> done)
{
    m_connection->call(
        &v1::RelationshipService::Stub::ListMyRelationships, v1::ListMyRelationshipsRequest(),
        context,
        [](const v1::ListMyRelationshipsResponse &response) {
            QList<RelationshipInfo> list;
            for (const auto &relationship : response.relationships()) {
                list.append(fromProto(relationship));
            }
            return list;
        },
        std::move(done));
}

void RelationshipGrpc::getRelationship(
    qint64 relationshipId, QObject *context, Callback<RelationshipInfo> done)
{
    v1::GetRelationshipRequest request;
    request.set_relationship_id(relationshipId);
    m_connection->call(&v1::RelationshipService::Stub::GetRelationship, request, context,
        relationshipOf<v1::GetRelationshipResponse>, std::move(done));
}

void RelationshipGrpc::setContractTerms(qint64 relationshipId, const ContractTermsInfo &terms,
    const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
{
    v1::SetContractTermsRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    v1::ContractTerms *target = request.mutable_terms();
    target->set_number_of_sessions(terms.numberOfSessions);
    target->set_session_minutes(terms.sessionMinutes);
    target->set_regularity(valueOf(kRegularities, terms.regularity));
    target->set_planned_end_on(terms.plannedEndOn.trimmed().toStdString());
    target->set_review_cadence(valueOf(kReviewCadences, terms.reviewCadence));
    m_connection->call(&v1::RelationshipService::Stub::SetContractTerms, request, context,
        relationshipOf<v1::SetContractTermsResponse>, std::move(done));
}

void RelationshipGrpc::agreeContract(qint64 relationshipId, bool confidentialityAcknowledged,
    bool ethicsAcknowledged, const QString &lineManagerTold, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    v1::AgreeContractRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_confidentiality_acknowledged(confidentialityAcknowledged);
    request.set_ethics_acknowledged(ethicsAcknowledged);
    request.set_line_manager_told(valueOf(kLineManagerTold, lineManagerTold));
    m_connection->call(&v1::RelationshipService::Stub::AgreeContract, request, context,
        relationshipOf<v1::AgreeContractResponse>, std::move(done));
}

void RelationshipGrpc::reviewContract(qint64 relationshipId, int numberOfSessions,
    const QString &plannedEndOn, const QString &reason, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    v1::ReviewContractRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_number_of_sessions(numberOfSessions);
    request.set_planned_end_on(plannedEndOn.trimmed().toStdString());
    request.set_reason(reason.trimmed().toStdString());
    m_connection->call(&v1::RelationshipService::Stub::ReviewContract, request, context,
        relationshipOf<v1::ReviewContractResponse>, std::move(done));
}

void RelationshipGrpc::completeRelationship(qint64 relationshipId, const QString &idempotencyKey,
    QObject *context, Callback<RelationshipInfo> done)
{
    v1::CompleteRelationshipRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::RelationshipService::Stub::CompleteRelationship, request, context,
        relationshipOf<v1::CompleteRelationshipResponse>, std::move(done));
}

void RelationshipGrpc::endRelationship(qint64 relationshipId, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
{
    v1::EndRelationshipRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_reason(reason.trimmed().toStdString());
    m_connection->call(&v1::RelationshipService::Stub::EndRelationship, request, context,
        relationshipOf<v1::EndRelationshipResponse>, std::move(done));
}

void RelationshipGrpc::proposeSession(const SessionProposal &proposal,
    const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    v1::ProposeSessionRequest request;
    request.set_relationship_id(proposal.relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    request.set_starts_at_unix(
        proposal.startsAt.isValid() ? proposal.startsAt.toSecsSinceEpoch() : 0);
    request.set_planned_minutes(proposal.plannedMinutes);
    request.set_mode(valueOf(kDeliveryModes, proposal.mode));
    request.set_place(proposal.place.trimmed().toStdString());
    m_connection->call(&v1::RelationshipService::Stub::ProposeSession, request, context,
        sessionOf<v1::ProposeSessionResponse>, std::move(done));
}

void RelationshipGrpc::acceptSession(
    qint64 sessionId, const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    v1::AcceptSessionRequest request;
    request.set_session_id(sessionId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::RelationshipService::Stub::AcceptSession, request, context,
        sessionOf<v1::AcceptSessionResponse>, std::move(done));
}

void RelationshipGrpc::cancelSession(qint64 sessionId, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
{
    v1::CancelSessionRequest request;
    request.set_session_id(sessionId);
    request.set_reason(reason.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::RelationshipService::Stub::CancelSession, request, context,
        sessionOf<v1::CancelSessionResponse>, std::move(done));
}

void RelationshipGrpc::rescheduleSession(qint64 sessionId, const QDateTime &startsAt,
    const QString &reason, const QString &idempotencyKey, QObject *context,
    Callback<SessionInfo> done)
{
    v1::RescheduleSessionRequest request;
    request.set_session_id(sessionId);
    request.set_starts_at_unix(startsAt.isValid() ? startsAt.toSecsSinceEpoch() : 0);
    request.set_reason(reason.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::RelationshipService::Stub::RescheduleSession, request, context,
        sessionOf<v1::RescheduleSessionResponse>, std::move(done));
}

void RelationshipGrpc::exportSessionCalendar(
    qint64 sessionId, QObject *context, Callback<CalendarFile> done)
{
    v1::ExportSessionCalendarRequest request;
    request.set_session_id(sessionId);
    m_connection->call(
        &v1::RelationshipService::Stub::ExportSessionCalendar, request, context,
        [](const v1::ExportSessionCalendarResponse &response) {
            return CalendarFile {
                fromStd(response.file_name()), QByteArray::fromStdString(response.ics())};
        },
        std::move(done));
}

void RelationshipGrpc::recordSession(
    const SessionRecord &record, QObject *context, Callback<RecordedSession> done)
{
    v1::RecordSessionRequest request;
    request.set_relationship_id(record.relationshipId);
    request.set_session_id(record.sessionId);
    request.set_idempotency_key(record.idempotencyKey.toStdString());
    request.set_held(record.held);
    request.set_cancelled_by(valueOf(kCancelledBy, record.cancelledBy));
    request.set_cancel_reason(record.cancelReason.trimmed().toStdString());
    request.set_started_at_unix(
        record.startedAt.isValid() ? record.startedAt.toSecsSinceEpoch() : 0);
    request.set_actual_minutes(record.actualMinutes);
    request.set_mode(valueOf(kDeliveryModes, record.mode));
    addStrings(request.mutable_themes(), record.themes);
    request.set_agreed_actions(record.agreedActions.trimmed().toStdString());
    request.set_private_notes(record.privateNotes.trimmed().toStdString());
    m_connection->call(
        &v1::RelationshipService::Stub::RecordSession, request, context,
        [](const v1::RecordSessionResponse &response) {
            return RecordedSession {fromProto(response.session()), response.replayed()};
        },
        std::move(done));
}

void RelationshipGrpc::listSessions(
    qint64 relationshipId, QObject *context, Callback<QList<SessionInfo>> done)
{
    v1::ListSessionsRequest request;
    request.set_relationship_id(relationshipId);
    m_connection->call(
        &v1::RelationshipService::Stub::ListSessions, request, context,
        [](const v1::ListSessionsResponse &response) {
            QList<SessionInfo> list;
            for (const auto &session : response.sessions()) {
                list.append(fromProto(session));
            }
            return list;
        },
        std::move(done));
}
