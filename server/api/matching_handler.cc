#include "server/api/matching_handler.h"

#include "absl/strings/str_cat.h"
#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

using domain::Principal;

constexpr char kService[] = "/tandem.v1.MatchingService/";

std::string Method(absl::string_view name) { return absl::StrCat(kService, name); }

absl::StatusOr<domain::RequestInput> FromProto(const v1::RequestDetails& d) {
  domain::RequestInput in;
  ASSIGN_OR_RETURN(in.kind, OptionalEnumFromProto<domain::SupportKind>(
                                d.kind(), v1::SupportKind_IsValid, "kind"));
  in.gap = d.gap();
  in.themes.assign(d.themes().begin(), d.themes().end());
  ASSIGN_OR_RETURN(in.delivery_mode,
                   OptionalEnumFromProto<domain::DeliveryMode>(
                       d.delivery_mode(), v1::DeliveryMode_IsValid, "delivery_mode"));
  in.site = d.site();
  in.language = d.language();
  ASSIGN_OR_RETURN(in.organisation_preference,
                   EnumFromProto<domain::OrganisationPreference>(d.organisation_preference(),
                                                                 v1::OrganisationPreference_IsValid,
                                                                 "organisation_preference"));
  in.avoid_account_ids.assign(d.avoid_account_ids().begin(), d.avoid_account_ids().end());
  in.profession = d.profession();
  in.pay_band = d.pay_band();
  return in;
}

domain::MatchWeights WeightsFromProto(const v1::MatchWeights& w) {
  return {.themes = w.themes(),
          .delivery_mode = w.delivery_mode(),
          .site = w.site(),
          .language = w.language(),
          .organisation = w.organisation(),
          .profession = w.profession(),
          .spare_capacity = w.spare_capacity(),
          .waiting = w.waiting()};
}

void WeightsToProto(const domain::MatchWeights& w, v1::MatchWeights* out) {
  out->set_themes(w.themes);
  out->set_delivery_mode(w.delivery_mode);
  out->set_site(w.site);
  out->set_language(w.language);
  out->set_organisation(w.organisation);
  out->set_profession(w.profession);
  out->set_spare_capacity(w.spare_capacity);
  out->set_waiting(w.waiting);
}

template <typename Response>
absl::Status FillOne(const absl::StatusOr<domain::SupportRequest>& request, Response* response) {
  RETURN_IF_ERROR(request.status());
  ToProto(*request, response->mutable_request());
  return absl::OkStatus();
}

template <typename Response>
absl::Status FillMany(const absl::StatusOr<std::vector<domain::SupportRequest>>& requests,
                      Response* response) {
  RETURN_IF_ERROR(requests.status());
  for (const auto& r : *requests) ToProto(r, response->add_requests());
  return absl::OkStatus();
}

}  // namespace

grpc::Status MatchingHandler::CreateRequest(grpc::ServerContext* context,
                                            const v1::CreateRequestRequest* request,
                                            v1::CreateRequestResponse* response) {
  return guard_.Serve(
      context, Method("CreateRequest"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const domain::RequestInput in, FromProto(request->details()));
        return FillOne(matching_.Create(caller, in, request->member_id()), response);
      });
}

grpc::Status MatchingHandler::ListMyRequests(grpc::ServerContext* context,
                                             const v1::ListMyRequestsRequest*,
                                             v1::ListMyRequestsResponse* response) {
  return guard_.Serve(context, Method("ListMyRequests"), [&](const Principal& caller) {
    return FillMany(matching_.ListMine(caller), response);
  });
}

grpc::Status MatchingHandler::WithdrawRequest(grpc::ServerContext* context,
                                              const v1::WithdrawRequestRequest* request,
                                              v1::WithdrawRequestResponse* response) {
  return guard_.Serve(context, Method("WithdrawRequest"), [&](const Principal& caller) {
    return FillOne(matching_.Withdraw(caller, request->request_id()), response);
  });
}

grpc::Status MatchingHandler::SuggestMatches(grpc::ServerContext* context,
                                             const v1::SuggestMatchesRequest* request,
                                             v1::SuggestMatchesResponse* response) {
  return guard_.Serve(
      context, Method("SuggestMatches"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const domain::Suggestions found,
                         matching_.Suggest(caller, request->request_id(), request->limit()));
        response->set_eligible_count(found.eligible_count);
        response->set_empty_reason(found.empty_reason);
        for (const auto& suggestion : found.suggestions) {
          auto view = directory_.GetProfile(caller, suggestion.member_id);
          // Unlisted between the two reads: leave it out.
          if (absl::IsNotFound(view.status())) continue;
          RETURN_IF_ERROR(view.status());
          auto* out = response->add_suggestions();
          ToProto(*view, out->mutable_profile());
          out->set_score(static_cast<int32_t>(suggestion.score.score));
          out->set_max_score(static_cast<int32_t>(suggestion.score.max_score));
          for (const auto& reason : suggestion.score.reasons) out->add_reasons(reason);
        }
        return absl::OkStatus();
      });
}

grpc::Status MatchingHandler::ChooseMember(grpc::ServerContext* context,
                                           const v1::ChooseMemberRequest* request,
                                           v1::ChooseMemberResponse* response) {
  return guard_.Serve(context, Method("ChooseMember"), [&](const Principal& caller) {
    return FillOne(matching_.Choose(caller, request->request_id(), request->member_id()), response);
  });
}

grpc::Status MatchingHandler::ListInbox(grpc::ServerContext* context, const v1::ListInboxRequest*,
                                        v1::ListInboxResponse* response) {
  return guard_.Serve(context, Method("ListInbox"), [&](const Principal& caller) {
    return FillMany(matching_.Inbox(caller), response);
  });
}

grpc::Status MatchingHandler::AnswerRequest(grpc::ServerContext* context,
                                            const v1::AnswerRequestRequest* request,
                                            v1::AnswerRequestResponse* response) {
  return guard_.Serve(context, Method("AnswerRequest"), [&](const Principal& caller) {
    return FillOne(matching_.Answer(caller, request->request_id(), request->accept(),
                                    request->decline_reason()),
                   response);
  });
}

grpc::Status MatchingHandler::ListWaiting(grpc::ServerContext* context,
                                          const v1::ListWaitingRequest* request,
                                          v1::ListWaitingResponse* response) {
  return guard_.Serve(context, Method("ListWaiting"), [&](const Principal& caller) -> absl::Status {
    ASSIGN_OR_RETURN(const domain::WaitingList list,
                     matching_.ListWaiting(caller, request->page_size(), request->page_token()));
    for (const auto& r : list.requests) ToProto(r, response->add_requests());
    response->set_next_page_token(list.next_page_token);
    response->set_total_count(list.total_count);
    return absl::OkStatus();
  });
}

grpc::Status MatchingHandler::ProposeMatches(grpc::ServerContext* context,
                                             const v1::ProposeMatchesRequest*,
                                             v1::ProposeMatchesResponse* response) {
  return guard_.Serve(
      context, Method("ProposeMatches"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const domain::Proposal proposal,
                         matching_.Propose(caller, CallGuard::KeepGoing(context)));
        for (const auto& pair : proposal.pairs) {
          auto* out = response->add_pairs();
          ToProto(pair.request, out->mutable_request());
          out->set_member_id(pair.member_id);
          out->set_member_name(pair.member_name);
          out->set_member_organisation_name(pair.member_organisation_name);
          out->set_score(static_cast<int32_t>(pair.score.score));
          out->set_max_score(static_cast<int32_t>(pair.score.max_score));
          for (const auto& reason : pair.score.reasons) out->add_reasons(reason);
        }
        for (const auto& [request, reason] : proposal.unmatched) {
          auto* out = response->add_unmatched();
          ToProto(request, out->mutable_request());
          out->set_reason(reason);
        }
        response->set_total_score(proposal.total_score);
        response->set_members_considered(proposal.members_considered);
        response->set_pairs_considered(static_cast<int32_t>(proposal.pairs_considered));
        response->set_solve_millis(
            static_cast<int32_t>(absl::ToInt64Milliseconds(proposal.solve_time)));
        return absl::OkStatus();
      });
}

grpc::Status MatchingHandler::ConfirmMatches(grpc::ServerContext* context,
                                             const v1::ConfirmMatchesRequest* request,
                                             v1::ConfirmMatchesResponse* response) {
  return guard_.Serve(
      context, Method("ConfirmMatches"), [&](const Principal& caller) -> absl::Status {
        std::vector<std::pair<int64_t, int64_t>> pairs;
        for (const auto& pair : request->pairs()) {
          pairs.emplace_back(pair.request_id(), pair.member_id());
        }
        ASSIGN_OR_RETURN(const auto outcomes,
                         matching_.Confirm(caller, pairs, CallGuard::KeepGoing(context)));
        int confirmed = 0;
        for (const auto& outcome : outcomes) {
          auto* out = response->add_outcomes();
          out->set_request_id(outcome.request_id);
          out->set_member_id(outcome.member_id);
          out->set_confirmed(outcome.confirmed);
          out->set_problem(outcome.problem);
          confirmed += outcome.confirmed ? 1 : 0;
        }
        response->set_confirmed_count(confirmed);
        return absl::OkStatus();
      });
}

grpc::Status MatchingHandler::GetMatchWeights(grpc::ServerContext* context,
                                              const v1::GetMatchWeightsRequest* request,
                                              v1::GetMatchWeightsResponse* response) {
  return guard_.Serve(context, Method("GetMatchWeights"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto weights,
                                         matching_.GetWeights(caller, request->organisation_id()));
                        response->set_organisation_id(weights.first);
                        WeightsToProto(weights.second, response->mutable_weights());
                        return absl::OkStatus();
                      });
}

grpc::Status MatchingHandler::UpdateMatchWeights(grpc::ServerContext* context,
                                                 const v1::UpdateMatchWeightsRequest* request,
                                                 v1::UpdateMatchWeightsResponse* response) {
  return guard_.Serve(
      context, Method("UpdateMatchWeights"), [&](const Principal& caller) -> absl::Status {
        if (!request->has_weights()) {
          return absl::InvalidArgumentError("weights: is required");
        }
        ASSIGN_OR_RETURN(const auto weights,
                         matching_.UpdateWeights(caller, request->organisation_id(),
                                                 WeightsFromProto(request->weights())));
        response->set_organisation_id(weights.first);
        WeightsToProto(weights.second, response->mutable_weights());
        return absl::OkStatus();
      });
}

}  // namespace tandem::api
