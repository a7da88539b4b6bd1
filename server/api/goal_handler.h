#pragma once

#include "server/api/call_guard.h"
#include "server/domain/goals.h"
#include "tandem/v1/goals.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.GoalService: goals, reviews, the end evaluation and the
/// programme's questions.
class GoalHandler final : public v1::GoalService::Service {
 public:
  GoalHandler(CallGuard& guard, domain::Goals& goals) : guard_(guard), goals_(goals) {}

  grpc::Status GetGoalPlan(grpc::ServerContext* context, const v1::GetGoalPlanRequest* request,
                           v1::GetGoalPlanResponse* response) override;
  grpc::Status ListDue(grpc::ServerContext* context, const v1::ListDueRequest* request,
                       v1::ListDueResponse* response) override;
  grpc::Status AddGoal(grpc::ServerContext* context, const v1::AddGoalRequest* request,
                       v1::AddGoalResponse* response) override;
  grpc::Status RewordGoal(grpc::ServerContext* context, const v1::RewordGoalRequest* request,
                          v1::RewordGoalResponse* response) override;
  grpc::Status CloseGoal(grpc::ServerContext* context, const v1::CloseGoalRequest* request,
                         v1::CloseGoalResponse* response) override;
  grpc::Status RequestReview(grpc::ServerContext* context, const v1::RequestReviewRequest* request,
                             v1::RequestReviewResponse* response) override;
  grpc::Status SubmitReview(grpc::ServerContext* context, const v1::SubmitReviewRequest* request,
                            v1::SubmitReviewResponse* response) override;
  grpc::Status CommentOnReview(grpc::ServerContext* context,
                               const v1::CommentOnReviewRequest* request,
                               v1::CommentOnReviewResponse* response) override;
  grpc::Status SubmitEvaluation(grpc::ServerContext* context,
                                const v1::SubmitEvaluationRequest* request,
                                v1::SubmitEvaluationResponse* response) override;
  grpc::Status SubmitFollowUp(grpc::ServerContext* context,
                              const v1::SubmitFollowUpRequest* request,
                              v1::SubmitFollowUpResponse* response) override;
  grpc::Status GetEvaluationQuestions(grpc::ServerContext* context,
                                      const v1::GetEvaluationQuestionsRequest* request,
                                      v1::GetEvaluationQuestionsResponse* response) override;
  grpc::Status SaveEvaluationQuestions(grpc::ServerContext* context,
                                       const v1::SaveEvaluationQuestionsRequest* request,
                                       v1::SaveEvaluationQuestionsResponse* response) override;
  grpc::Status ListSharedAnswers(grpc::ServerContext* context,
                                 const v1::ListSharedAnswersRequest* request,
                                 v1::ListSharedAnswersResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Goals& goals_;
};

}  // namespace tandem::api
