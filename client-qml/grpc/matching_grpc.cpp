#include "grpc/matching_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/matching.grpc.pb.h"

namespace {

RequestDetails fromProto(const v1::RequestDetails &details)
{
    RequestDetails info;
    info.kind = keyOf(kSupportKinds, details.kind());
    info.gap = fromStd(details.gap());
    info.themes = toStringList(details.themes());
    info.deliveryMode = keyOf(kDeliveryModes, details.delivery_mode());
    info.site = fromStd(details.site());
    info.language = fromStd(details.language());
    info.organisationPreference
        = keyOf(kOrganisationPreferences, details.organisation_preference());
    for (qint64 id : details.avoid_account_ids()) {
        info.avoidAccountIds.append(id);
    }
    info.profession = fromStd(details.profession());
    info.payBand = keyOf(kPayBands, details.pay_band());
    return info;
}

v1::RequestDetails toProto(const RequestDetails &details)
{
    v1::RequestDetails request;
    request.set_kind(valueOf(kSupportKinds, details.kind));
    request.set_gap(details.gap.trimmed().toStdString());
    addStrings(request.mutable_themes(), details.themes);
    request.set_delivery_mode(valueOf(kDeliveryModes, details.deliveryMode));
    request.set_site(details.site.trimmed().toStdString());
    request.set_language(details.language.trimmed().toStdString());
    request.set_organisation_preference(
        valueOf(kOrganisationPreferences, details.organisationPreference));
    for (qint64 id : details.avoidAccountIds) {
        request.add_avoid_account_ids(id);
    }
    request.set_profession(details.profession.trimmed().toStdString());
    request.set_pay_band(valueOf(kPayBands, details.payBand));
    return request;
}

SupportRequestInfo fromProto(const v1::SupportRequest &request)
{
    SupportRequestInfo info;
    info.id = request.id();
    info.status = keyOf(kRequestStatuses, request.status());
    info.details = fromProto(request.details());
    info.coacheeId = request.coachee_id();
    info.coacheeName = fromStd(request.coachee_name());
    info.coacheeOrganisationId = request.coachee_organisation_id();
    info.coacheeOrganisationName = fromStd(request.coachee_organisation_name());
    info.memberId = request.member_id();
    info.memberName = fromStd(request.member_name());
    info.origin = keyOf(kRequestOrigins, request.origin());
    info.createdAt = timeFromUnix(request.created_at_unix());
    info.waitingSince = timeFromUnix(request.waiting_since_unix());
    info.answerDueAt = timeFromUnix(request.answer_due_at_unix());
    info.answeredAt = timeFromUnix(request.answered_at_unix());
    info.declineReason = fromStd(request.decline_reason());
    info.note = fromStd(request.note());
    info.relationshipId = request.relationship_id();
    return info;
}

QList<SupportRequestInfo> requestsFrom(
    const google::protobuf::RepeatedPtrField<v1::SupportRequest> &requests)
{
    QList<SupportRequestInfo> list;
    list.reserve(requests.size());
    for (const auto &request : requests) {
        list.append(fromProto(request));
    }
    return list;
}

MatchWeights fromProto(int64_t organisationId, const v1::MatchWeights &weights)
{
    MatchWeights info;
    info.organisationId = organisationId;
    info.themes = weights.themes();
    info.deliveryMode = weights.delivery_mode();
    info.site = weights.site();
    info.language = weights.language();
    info.organisation = weights.organisation();
    info.profession = weights.profession();
    info.spareCapacity = weights.spare_capacity();
    info.waiting = weights.waiting();
    return info;
}

void toProto(const MatchWeights &weights, v1::MatchWeights *target)
{
    target->set_themes(weights.themes);
    target->set_delivery_mode(weights.deliveryMode);
    target->set_site(weights.site);
    target->set_language(weights.language);
    target->set_organisation(weights.organisation);
    target->set_profession(weights.profession);
    target->set_spare_capacity(weights.spareCapacity);
    target->set_waiting(weights.waiting);
}

/// The request of a response that carries one.
template <typename Response> SupportRequestInfo requestOf(const Response &response)
{
    return fromProto(response.request());
}

/// The requests of a response that lists them whole.
template <typename Response> QList<SupportRequestInfo> requestListOf(const Response &response)
{
    return requestsFrom(response.requests());
}

/// An organisation's weights, as GetMatchWeights and UpdateMatchWeights answer.
template <typename Response> MatchWeights weightsOf(const Response &response)
{
    return fromProto(response.organisation_id(), response.weights());
}

} // namespace

MatchingGrpc::MatchingGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void MatchingGrpc::createRequest(const RequestDetails &details, qint64 memberId, QObject *context,
    Callback<SupportRequestInfo> done)
{
    v1::CreateRequestRequest request;
    *request.mutable_details() = toProto(details);
    request.set_member_id(memberId);
    m_connection->call(&v1::MatchingService::Stub::CreateRequest, request, context,
        requestOf<v1::CreateRequestResponse>, std::move(done));
}

void MatchingGrpc::listMyRequests(QObject *context, Callback<QList<SupportRequestInfo>> done)
{
    m_connection->call(&v1::MatchingService::Stub::ListMyRequests, v1::ListMyRequestsRequest(),
        context, requestListOf<v1::ListMyRequestsResponse>, std::move(done));
}

void MatchingGrpc::withdrawRequest(
    qint64 requestId, QObject *context, Callback<SupportRequestInfo> done)
{
    v1::WithdrawRequestRequest request;
    request.set_request_id(requestId);
    m_connection->call(&v1::MatchingService::Stub::WithdrawRequest, request, context,
        requestOf<v1::WithdrawRequestResponse>, std::move(done));
}

void MatchingGrpc::suggestMatches(
    qint64 requestId, int limit, QObject *context, Callback<SuggestionList> done)
{
    v1::SuggestMatchesRequest request;
    request.set_request_id(requestId);
    request.set_limit(limit);
    m_connection->call(
        &v1::MatchingService::Stub::SuggestMatches, request, context,
        [](const v1::SuggestMatchesResponse &response) {
            SuggestionList list;
            for (const auto &suggestion : response.suggestions()) {
                list.suggestions.append({fromProto(suggestion.profile()), suggestion.score(),
                    toStringList(suggestion.reasons()), suggestion.max_score()});
            }
            list.eligibleCount = response.eligible_count();
            list.emptyReason = fromStd(response.empty_reason());
            return list;
        },
        std::move(done));
}

void MatchingGrpc::chooseMember(
    qint64 requestId, qint64 memberId, QObject *context, Callback<SupportRequestInfo> done)
{
    v1::ChooseMemberRequest request;
    request.set_request_id(requestId);
    request.set_member_id(memberId);
    m_connection->call(&v1::MatchingService::Stub::ChooseMember, request, context,
        requestOf<v1::ChooseMemberResponse>, std::move(done));
}

void MatchingGrpc::listInbox(QObject *context, Callback<QList<SupportRequestInfo>> done)
{
    m_connection->call(&v1::MatchingService::Stub::ListInbox, v1::ListInboxRequest(), context,
        requestListOf<v1::ListInboxResponse>, std::move(done));
}

void MatchingGrpc::answerRequest(qint64 requestId, bool accept, const QString &declineReason,
    QObject *context, Callback<SupportRequestInfo> done)
{
    v1::AnswerRequestRequest request;
    request.set_request_id(requestId);
    request.set_accept(accept);
    request.set_decline_reason(declineReason.trimmed().toStdString());
    m_connection->call(&v1::MatchingService::Stub::AnswerRequest, request, context,
        requestOf<v1::AnswerRequestResponse>, std::move(done));
}

void MatchingGrpc::listWaiting(
    const WaitingQuery &query, QObject *context, Callback<RequestPage> done)
{
    v1::ListWaitingRequest request;
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    m_connection->call(
        &v1::MatchingService::Stub::ListWaiting, request, context,
        [](const v1::ListWaitingResponse &response) {
            return RequestPage {requestsFrom(response.requests()),
                fromStd(response.next_page_token()), response.total_count()};
        },
        std::move(done));
}

void MatchingGrpc::proposeMatches(QObject *context, Callback<MatchProposal> done)
{
    m_connection->call(&v1::MatchingService::Stub::ProposeMatches, v1::ProposeMatchesRequest(),
        context,
        [](const v1::ProposeMatchesResponse &response) {
            MatchProposal proposal;
            for (const auto &pair : response.pairs()) {
                proposal.pairs.append({fromProto(pair.request()), pair.member_id(),
                    fromStd(pair.member_name()), fromStd(pair.member_organisation_name()),
                    pair.score(), toStringList(pair.reasons()), pair.max_score()});
            }
            for (const auto &unmatched : response.unmatched()) {
                proposal.unmatched.append(
                    {fromProto(unmatched.request()), fromStd(unmatched.reason())});
            }
            proposal.totalScore = response.total_score();
            proposal.membersConsidered = response.members_considered();
            proposal.pairsConsidered = response.pairs_considered();
            proposal.solveMillis = response.solve_millis();
            return proposal;
        },
        std::move(done), {CallAuth::Authenticated, kMatchingTimeout});
}

void MatchingGrpc::confirmMatches(
    const QList<MatchPair> &pairs, QObject *context, Callback<ConfirmResult> done)
{
    v1::ConfirmMatchesRequest request;
    for (const MatchPair &pair : pairs) {
        auto *added = request.add_pairs();
        added->set_request_id(pair.requestId);
        added->set_member_id(pair.memberId);
    }
    m_connection->call(&v1::MatchingService::Stub::ConfirmMatches, request, context,
        [](const v1::ConfirmMatchesResponse &response) {
            ConfirmResult result;
            for (const auto &outcome : response.outcomes()) {
                result.outcomes.append({outcome.request_id(), outcome.member_id(),
                    outcome.confirmed(), fromStd(outcome.problem())});
            }
            result.confirmedCount = response.confirmed_count();
            return result;
        },
        std::move(done), {CallAuth::Authenticated, kMatchingTimeout});
}

void MatchingGrpc::getMatchWeights(
    qint64 organisationId, QObject *context, Callback<MatchWeights> done)
{
    v1::GetMatchWeightsRequest request;
    request.set_organisation_id(organisationId);
    m_connection->call(&v1::MatchingService::Stub::GetMatchWeights, request, context,
        weightsOf<v1::GetMatchWeightsResponse>, std::move(done));
}

void MatchingGrpc::updateMatchWeights(
    const MatchWeights &weights, QObject *context, Callback<MatchWeights> done)
{
    v1::UpdateMatchWeightsRequest request;
    request.set_organisation_id(weights.organisationId);
    toProto(weights, request.mutable_weights());
    m_connection->call(&v1::MatchingService::Stub::UpdateMatchWeights, request, context,
        weightsOf<v1::UpdateMatchWeightsResponse>, std::move(done));
}
