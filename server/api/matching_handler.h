#pragma once

#include "server/api/call_guard.h"
#include "server/domain/directory.h"
#include "server/domain/matching.h"
#include "tandem/v1/matching.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.MatchingService: requests, the inbox, suggestions and batch
/// matching.
class MatchingHandler final : public v1::MatchingService::Service {
 public:
  MatchingHandler(CallGuard& guard, domain::Matching& matching, domain::Directory& directory)
      : guard_(guard), matching_(matching), directory_(directory) {}

  grpc::Status CreateRequest(grpc::ServerContext* context, const v1::CreateRequestRequest* request,
                             v1::CreateRequestResponse* response) override;
  grpc::Status ListMyRequests(grpc::ServerContext* context,
                              const v1::ListMyRequestsRequest* request,
                              v1::ListMyRequestsResponse* response) override;
  grpc::Status WithdrawRequest(grpc::ServerContext* context,
                               const v1::WithdrawRequestRequest* request,
                               v1::WithdrawRequestResponse* response) override;
  grpc::Status SuggestMatches(grpc::ServerContext* context,
                              const v1::SuggestMatchesRequest* request,
                              v1::SuggestMatchesResponse* response) override;
  grpc::Status ChooseMember(grpc::ServerContext* context, const v1::ChooseMemberRequest* request,
                            v1::ChooseMemberResponse* response) override;
  grpc::Status ListInbox(grpc::ServerContext* context, const v1::ListInboxRequest* request,
                         v1::ListInboxResponse* response) override;
  grpc::Status AnswerRequest(grpc::ServerContext* context, const v1::AnswerRequestRequest* request,
                             v1::AnswerRequestResponse* response) override;
  grpc::Status ListWaiting(grpc::ServerContext* context, const v1::ListWaitingRequest* request,
                           v1::ListWaitingResponse* response) override;
  grpc::Status ProposeMatches(grpc::ServerContext* context,
                              const v1::ProposeMatchesRequest* request,
                              v1::ProposeMatchesResponse* response) override;
  grpc::Status ConfirmMatches(grpc::ServerContext* context,
                              const v1::ConfirmMatchesRequest* request,
                              v1::ConfirmMatchesResponse* response) override;
  grpc::Status GetMatchWeights(grpc::ServerContext* context,
                               const v1::GetMatchWeightsRequest* request,
                               v1::GetMatchWeightsResponse* response) override;
  grpc::Status UpdateMatchWeights(grpc::ServerContext* context,
                                  const v1::UpdateMatchWeightsRequest* request,
                                  v1::UpdateMatchWeightsResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Matching& matching_;
  domain::Directory& directory_;
};

}  // namespace tandem::api
