#include "server/api/goal_handler.h"

#include "absl/strings/str_cat.h"
#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

using domain::Principal;

static_assert(Same(domain::GoalState::kOpen, v1::GOAL_STATE_OPEN) &&
              Same(domain::GoalState::kAchieved, v1::GOAL_STATE_ACHIEVED) &&
              Same(domain::GoalState::kDropped, v1::GOAL_STATE_DROPPED) && v1::GoalState_MAX == 3);
static_assert(Same(domain::RatingSource::kStart, v1::RATING_SOURCE_START) &&
              Same(domain::RatingSource::kReview, v1::RATING_SOURCE_REVIEW) &&
              Same(domain::RatingSource::kEnd, v1::RATING_SOURCE_END) && v1::RatingSource_MAX == 3);
static_assert(Same(domain::GoalOutcome::kNone, v1::GOAL_OUTCOME_UNSPECIFIED) &&
              Same(domain::GoalOutcome::kAchieved, v1::GOAL_OUTCOME_ACHIEVED) &&
              Same(domain::GoalOutcome::kPartly, v1::GOAL_OUTCOME_PARTLY) &&
              Same(domain::GoalOutcome::kNotAchieved, v1::GOAL_OUTCOME_NOT_ACHIEVED) &&
              Same(domain::GoalOutcome::kNoLongerRelevant, v1::GOAL_OUTCOME_NO_LONGER_RELEVANT) &&
              v1::GoalOutcome_MAX == 4);
static_assert(Same(domain::ReviewOccasion::kMidpoint, v1::REVIEW_OCCASION_MIDPOINT) &&
              Same(domain::ReviewOccasion::kContractReview, v1::REVIEW_OCCASION_CONTRACT_REVIEW) &&
              Same(domain::ReviewOccasion::kCadence, v1::REVIEW_OCCASION_CADENCE) &&
              Same(domain::ReviewOccasion::kAsked, v1::REVIEW_OCCASION_ASKED) &&
              v1::ReviewOccasion_MAX == 4);
static_assert(Same(domain::QuestionType::kRating, v1::QUESTION_TYPE_RATING) &&
              Same(domain::QuestionType::kYesNo, v1::QUESTION_TYPE_YES_NO) &&
              Same(domain::QuestionType::kChoice, v1::QUESTION_TYPE_CHOICE) &&
              Same(domain::QuestionType::kText, v1::QUESTION_TYPE_TEXT) &&
              v1::QuestionType_MAX == 4);
static_assert(Same(domain::Audience::kCoachee, v1::EVALUATION_AUDIENCE_COACHEE) &&
              Same(domain::Audience::kMember, v1::EVALUATION_AUDIENCE_MEMBER) &&
              v1::EvaluationAudience_MAX == 2);
static_assert(Same(domain::DueWhat::kSetGoals, v1::Due::WHAT_SET_GOALS) &&
              Same(domain::DueWhat::kReview, v1::Due::WHAT_REVIEW) &&
              Same(domain::DueWhat::kEvaluation, v1::Due::WHAT_EVALUATION) &&
              Same(domain::DueWhat::kFollowUp, v1::Due::WHAT_FOLLOW_UP) && v1::Due::What_MAX == 4);

std::string Method(absl::string_view name) { return absl::StrCat("/tandem.v1.GoalService/", name); }

void ToProto(const domain::Question& q, v1::Question* out) {
  out->set_type(static_cast<v1::QuestionType>(q.type));
  out->set_wording(q.wording);
  out->set_required(q.required);
  for (const std::string& option : q.options) out->add_options(option);
}

void ToProto(const domain::QuestionSet& set, v1::QuestionSet* out) {
  out->set_organisation_id(set.organisation_id);
  out->set_kind(static_cast<v1::SupportKind>(set.kind));
  out->set_audience(static_cast<v1::EvaluationAudience>(set.audience));
  out->set_version(set.version);
  for (const domain::Question& q : set.questions) ToProto(q, out->add_questions());
  if (set.version > 0) {
    out->set_saved_at_unix(absl::ToUnixSeconds(set.saved_at));
    out->set_saved_by_name(set.saved_by_name);
  }
}

void ToProto(const domain::DueItem& d, v1::Due* out) {
  out->set_what(static_cast<v1::Due::What>(d.what));
  out->set_relationship_id(d.relationship_id);
  out->set_kind(static_cast<v1::SupportKind>(d.kind));
  out->set_with_name(d.with_name);
  out->set_since_unix(absl::ToUnixSeconds(d.since));
  if (d.what == domain::DueWhat::kReview) {
    out->set_occasion(static_cast<v1::ReviewOccasion>(d.occasion));
  }
  out->set_yours(d.yours);
}

int64_t UnixOrZero(const std::optional<absl::Time>& at) {
  return at ? absl::ToUnixSeconds(*at) : 0;
}

void ToProto(const domain::GoalPlan& plan, v1::GoalPlan* out) {
  out->set_relationship_id(plan.relationship_id);
  for (const domain::GoalView& g : plan.goals) {
    v1::Goal* goal = out->add_goals();
    goal->set_id(g.id);
    goal->set_relationship_id(plan.relationship_id);
    goal->set_state(static_cast<v1::GoalState>(g.state));
    goal->set_what(g.what);
    goal->set_measure(g.measure);
    if (g.target_on) goal->set_target_on(domain::FormatDay(*g.target_on));
    for (const std::string& theme : g.themes) goal->add_themes(theme);
    for (const domain::GoalRating& r : g.ratings) {
      v1::GoalRating* rating = goal->add_ratings();
      rating->set_rating(r.rating);
      rating->set_at_unix(absl::ToUnixSeconds(r.at));
      rating->set_source(static_cast<v1::RatingSource>(r.source));
    }
    for (const domain::GoalView::Earlier& e : g.earlier) {
      v1::GoalWording* wording = goal->add_earlier();
      wording->set_what(e.what);
      wording->set_measure(e.measure);
      wording->set_replaced_at_unix(absl::ToUnixSeconds(e.replaced_at));
    }
    goal->set_closed_reason(g.closed_reason);
    goal->set_closed_at_unix(UnixOrZero(g.closed_at));
    goal->set_created_at_unix(absl::ToUnixSeconds(g.created_at));
    goal->set_outcome(static_cast<v1::GoalOutcome>(g.outcome));
  }
  for (const domain::ReviewView& r : plan.reviews) {
    v1::Review* review = out->add_reviews();
    review->set_id(r.id);
    review->set_occasion(static_cast<v1::ReviewOccasion>(r.occasion));
    review->set_submitted_at_unix(absl::ToUnixSeconds(r.submitted_at));
    for (const auto& [goal_id, rating] : r.ratings) {
      v1::ReviewRating* rated = review->add_ratings();
      rated->set_goal_id(goal_id);
      rated->set_rating(rating);
    }
    review->set_helped(r.helped);
    review->set_next(r.next);
    review->set_comment(r.comment);
    review->set_commented_at_unix(UnixOrZero(r.commented_at));
  }
  for (const domain::DueItem& d : plan.due) ToProto(d, out->add_due());
  if (plan.my_evaluation) {
    v1::Evaluation* e = out->mutable_my_evaluation();
    e->set_audience(static_cast<v1::EvaluationAudience>(plan.my_evaluation->audience));
    e->set_submitted_at_unix(UnixOrZero(plan.my_evaluation->submitted_at));
    e->set_version(plan.my_evaluation->version);
    for (const domain::AnsweredView& a : plan.my_evaluation->answers) {
      v1::AnsweredQuestion* answered = e->add_answers();
      ToProto(a.question, answered->mutable_question());
      answered->mutable_answer()->set_question(a.position);
      answered->mutable_answer()->set_choice(a.choice);
      answered->mutable_answer()->set_text(a.text);
      answered->mutable_answer()->set_share_with_programme(a.shared);
    }
  }
  if (plan.my_questions) ToProto(*plan.my_questions, out->mutable_my_questions());
  out->set_other_evaluated(plan.other_evaluated);
  if (plan.follow_up) {
    v1::FollowUp* f = out->mutable_follow_up();
    f->set_due_at_unix(absl::ToUnixSeconds(plan.follow_up->due_at));
    f->set_submitted_at_unix(UnixOrZero(plan.follow_up->submitted_at));
    f->set_rating(plan.follow_up->rating);
    f->set_answer(plan.follow_up->answer);
    f->set_share_with_programme(plan.follow_up->shared);
  }
  out->set_follow_up_question(plan.follow_up_question);
}

template <typename Response>
absl::Status FillPlan(const absl::StatusOr<domain::GoalPlan>& plan, Response* response) {
  RETURN_IF_ERROR(plan.status());
  ToProto(*plan, response->mutable_plan());
  return absl::OkStatus();
}

template <typename Request>
domain::GoalInput GoalInputOf(const Request& request) {
  return domain::GoalInput{.what = request.what(),
                           .measure = request.measure(),
                           .target_on = request.target_on(),
                           .themes = {request.themes().begin(), request.themes().end()},
                           .starting_rating = 0};
}

absl::StatusOr<std::optional<domain::SupportKind>> KindOf(int kind) {
  return OptionalEnumFromProto<domain::SupportKind>(kind, v1::SupportKind_IsValid, "kind");
}

absl::StatusOr<std::optional<domain::Audience>> AudienceOf(int audience) {
  return OptionalEnumFromProto<domain::Audience>(audience, v1::EvaluationAudience_IsValid,
                                                 "audience");
}

}  // namespace

grpc::Status GoalHandler::GetGoalPlan(grpc::ServerContext* context,
                                      const v1::GetGoalPlanRequest* request,
                                      v1::GetGoalPlanResponse* response) {
  return guard_.Serve(context, Method("GetGoalPlan"), [&](const Principal& caller) {
    return FillPlan(goals_.Plan(caller, request->relationship_id()), response);
  });
}

grpc::Status GoalHandler::ListDue(grpc::ServerContext* context, const v1::ListDueRequest*,
                                  v1::ListDueResponse* response) {
  return guard_.Serve(context, Method("ListDue"), [&](const Principal& caller) -> absl::Status {
    ASSIGN_OR_RETURN(const auto due, goals_.ListDue(caller));
    for (const domain::DueItem& d : due) ToProto(d, response->add_due());
    return absl::OkStatus();
  });
}

grpc::Status GoalHandler::AddGoal(grpc::ServerContext* context, const v1::AddGoalRequest* request,
                                  v1::AddGoalResponse* response) {
  return guard_.Serve(context, Method("AddGoal"), [&](const Principal& caller) -> absl::Status {
    domain::GoalInput in = GoalInputOf(*request);
    in.starting_rating = request->starting_rating();
    ASSIGN_OR_RETURN(const auto added,
                     goals_.AddGoal(caller, request->relationship_id(), in, WriteKeyOf(*request)));
    ToProto(added.first, response->mutable_plan());
    response->set_goal_id(added.second);
    return absl::OkStatus();
  });
}

grpc::Status GoalHandler::RewordGoal(grpc::ServerContext* context,
                                     const v1::RewordGoalRequest* request,
                                     v1::RewordGoalResponse* response) {
  return guard_.Serve(context, Method("RewordGoal"), [&](const Principal& caller) {
    return FillPlan(
        goals_.RewordGoal(caller, request->goal_id(), GoalInputOf(*request), WriteKeyOf(*request)),
        response);
  });
}

grpc::Status GoalHandler::CloseGoal(grpc::ServerContext* context,
                                    const v1::CloseGoalRequest* request,
                                    v1::CloseGoalResponse* response) {
  return guard_.Serve(context, Method("CloseGoal"), [&](const Principal& caller) -> absl::Status {
    ASSIGN_OR_RETURN(const auto state, OptionalEnumFromProto<domain::GoalState>(
                                           request->state(), v1::GoalState_IsValid, "state"));
    return FillPlan(goals_.CloseGoal(caller, request->goal_id(), state, request->reason(),
                                     WriteKeyOf(*request)),
                    response);
  });
}

grpc::Status GoalHandler::RequestReview(grpc::ServerContext* context,
                                        const v1::RequestReviewRequest* request,
                                        v1::RequestReviewResponse* response) {
  return guard_.Serve(context, Method("RequestReview"), [&](const Principal& caller) {
    return FillPlan(goals_.RequestReview(caller, request->relationship_id(), WriteKeyOf(*request)),
                    response);
  });
}

grpc::Status GoalHandler::SubmitReview(grpc::ServerContext* context,
                                       const v1::SubmitReviewRequest* request,
                                       v1::SubmitReviewResponse* response) {
  return guard_.Serve(
      context, Method("SubmitReview"), [&](const Principal& caller) -> absl::Status {
        domain::ReviewInput in{.ratings = {}, .helped = request->helped(), .next = request->next()};
        for (const v1::ReviewRating& r : request->ratings()) {
          in.ratings.emplace_back(r.goal_id(), r.rating());
        }
        ASSIGN_OR_RETURN(
            const auto submitted,
            goals_.SubmitReview(caller, request->relationship_id(), in, WriteKeyOf(*request)));
        ToProto(submitted.first, response->mutable_plan());
        response->set_review_id(submitted.second);
        return absl::OkStatus();
      });
}

grpc::Status GoalHandler::CommentOnReview(grpc::ServerContext* context,
                                          const v1::CommentOnReviewRequest* request,
                                          v1::CommentOnReviewResponse* response) {
  return guard_.Serve(context, Method("CommentOnReview"), [&](const Principal& caller) {
    return FillPlan(goals_.CommentOnReview(caller, request->review_id(), request->comment(),
                                           WriteKeyOf(*request)),
                    response);
  });
}

grpc::Status GoalHandler::SubmitEvaluation(grpc::ServerContext* context,
                                           const v1::SubmitEvaluationRequest* request,
                                           v1::SubmitEvaluationResponse* response) {
  return guard_.Serve(
      context, Method("SubmitEvaluation"), [&](const Principal& caller) -> absl::Status {
        domain::EvaluationInput in;
        in.version = request->version();
        for (int i = 0; i < request->goals_size(); ++i) {
          const v1::GoalResult& g = request->goals(i);
          ASSIGN_OR_RETURN(const auto outcome, EnumFromProto<domain::GoalOutcome>(
                                                   g.outcome(), v1::GoalOutcome_IsValid,
                                                   absl::StrCat("goals[", i, "].outcome")));
          in.goals.push_back({.goal_id = g.goal_id(), .rating = g.rating(), .outcome = outcome});
        }
        for (const v1::Answer& a : request->answers()) {
          in.answers.push_back({.question = a.question(),
                                .choice = a.choice(),
                                .text = a.text(),
                                .share = a.share_with_programme()});
        }
        return FillPlan(
            goals_.SubmitEvaluation(caller, request->relationship_id(), in, WriteKeyOf(*request)),
            response);
      });
}

grpc::Status GoalHandler::SubmitFollowUp(grpc::ServerContext* context,
                                         const v1::SubmitFollowUpRequest* request,
                                         v1::SubmitFollowUpResponse* response) {
  return guard_.Serve(context, Method("SubmitFollowUp"), [&](const Principal& caller) {
    return FillPlan(goals_.SubmitFollowUp(caller, request->relationship_id(), request->rating(),
                                          request->answer(), request->share_with_programme(),
                                          WriteKeyOf(*request)),
                    response);
  });
}

grpc::Status GoalHandler::GetEvaluationQuestions(grpc::ServerContext* context,
                                                 const v1::GetEvaluationQuestionsRequest* request,
                                                 v1::GetEvaluationQuestionsResponse* response) {
  return guard_.Serve(
      context, Method("GetEvaluationQuestions"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto kind, KindOf(request->kind()));
        ASSIGN_OR_RETURN(const auto audience, AudienceOf(request->audience()));
        ASSIGN_OR_RETURN(const domain::QuestionSet set,
                         goals_.Questions(caller, request->organisation_id(), kind, audience));
        ToProto(set, response->mutable_questions());
        return absl::OkStatus();
      });
}

grpc::Status GoalHandler::SaveEvaluationQuestions(grpc::ServerContext* context,
                                                  const v1::SaveEvaluationQuestionsRequest* request,
                                                  v1::SaveEvaluationQuestionsResponse* response) {
  return guard_.Serve(
      context, Method("SaveEvaluationQuestions"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto kind, KindOf(request->kind()));
        ASSIGN_OR_RETURN(const auto audience, AudienceOf(request->audience()));
        std::vector<domain::Question> questions;
        for (int i = 0; i < request->questions_size(); ++i) {
          const v1::Question& q = request->questions(i);
          ASSIGN_OR_RETURN(const auto type, EnumFromProto<domain::QuestionType>(
                                                q.type(), v1::QuestionType_IsValid,
                                                absl::StrCat("questions[", i, "].type")));
          if (q.type() == v1::QUESTION_TYPE_UNSPECIFIED) {
            return absl::InvalidArgumentError(absl::StrCat(
                "questions[", i, "].type: choose a rating, yes or no, a choice or text"));
          }
          questions.push_back({.type = type,
                               .wording = q.wording(),
                               .required = q.required(),
                               .options = {q.options().begin(), q.options().end()}});
        }
        ASSIGN_OR_RETURN(const domain::QuestionSet set,
                         goals_.SaveQuestions(caller, request->organisation_id(), kind, audience,
                                              questions, WriteKeyOf(*request)));
        ToProto(set, response->mutable_questions());
        return absl::OkStatus();
      });
}

grpc::Status GoalHandler::ListSharedAnswers(grpc::ServerContext* context,
                                            const v1::ListSharedAnswersRequest* request,
                                            v1::ListSharedAnswersResponse* response) {
  return guard_.Serve(
      context, Method("ListSharedAnswers"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto shared, goals_.Shared(caller, request->organisation_id()));
        for (const domain::SharedAnswer& a : shared) {
          v1::SharedAnswer* out = response->add_answers();
          out->set_kind(static_cast<v1::SupportKind>(a.kind));
          out->set_question(a.question);
          out->set_text(a.text);
          out->set_quarter(a.quarter);
        }
        return absl::OkStatus();
      });
}

}  // namespace tandem::api
