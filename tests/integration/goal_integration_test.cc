// Goals, reviews and the end evaluation over real gRPC against the real
// server: a coaching contract needs a goal before the coachee agrees (a
// mentoring one does not); every write by every party and role is allowed
// or refused as goal_access.h says; markers written in a goal, a review, a
// comment and free-text answers come back only to those who may read them
// (a scan of every RPC for every role), and are not in the database file or
// its WAL; the questions are versioned; every write sent three times with
// one key acts once; an acknowledged evaluation survives SIGKILL.

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/relationship_server_test.h"
#include "tests/support/rpc_scan.h"

namespace tandem::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr char kGoalMarker[] = "MARKER-goal-4e1b";
constexpr char kReviewMarker[] = "MARKER-review-9c2d";
constexpr char kCommentMarker[] = "MARKER-comment-71aa";
constexpr char kSharedMarker[] = "MARKER-shared-answer-3f0e";
constexpr char kPrivateAnswerMarker[] = "MARKER-private-answer-b5c7";
constexpr char kMemberAnswerMarker[] = "MARKER-member-answer-d2e8";
constexpr char kActionsMarker[] = "MARKER-actions-6a90";
constexpr char kMeasureMarker[] = "MARKER-measure-8b31";
constexpr char kEarlierMarker[] = "MARKER-earlier-wording-0c4f";
constexpr char kReasonMarker[] = "MARKER-drop-reason-5e72";
constexpr char kNextMarker[] = "MARKER-review-next-a1d6";
constexpr char kFollowUpMarker[] = "MARKER-follow-up-37b9";
// What the two people in a relationship, and nobody else, read.
constexpr const char* kPartiesMarkers[] = {kGoalMarker,   kMeasureMarker, kEarlierMarker,
                                           kReasonMarker, kReviewMarker,  kNextMarker,
                                           kCommentMarker};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class GoalIntegrationTest : public RelationshipServerTest {
 protected:
  void SetUp() override {
    RelationshipServerTest::SetUp();
    if (HasFatalFailure()) return;
    StartStubs();
  }

  void StartStubs() { goals_ = v1::GoalService::NewStub(client_->channel()); }

  void Restart() {
    KillAndRestart();
    StartStubs();
  }

  v1::GoalPlan Plan(const std::string& token, grpc::Status* status = nullptr) {
    v1::GetGoalPlanRequest get;
    get.set_relationship_id(relationship_id_);
    v1::GetGoalPlanResponse plan;
    const grpc::Status s = goals_->GetGoalPlan(Client::Context(token).get(), get, &plan);
    if (status != nullptr) *status = s;
    return plan.plan();
  }

  v1::AddGoalRequest Goal(const std::string& what, const std::string& key = "") const {
    v1::AddGoalRequest add;
    add.set_relationship_id(relationship_id_);
    add.set_what(what);
    add.set_measure("The rota meeting runs to time and people speak up.");
    add.set_starting_rating(2);
    add.add_themes("leadership");
    add.set_idempotency_key(key);
    return add;
  }

  v1::SubmitReviewRequest Review(const v1::GoalPlan& plan, const std::string& helped,
                                 const std::string& key = "") const {
    v1::SubmitReviewRequest review;
    review.set_relationship_id(relationship_id_);
    for (const v1::Goal& g : plan.goals()) {
      if (g.state() != v1::GOAL_STATE_OPEN) continue;
      v1::ReviewRating* r = review.add_ratings();
      r->set_goal_id(g.id());
      r->set_rating(6);
    }
    review.set_helped(helped);
    review.set_next("Ask for feedback after each handover.");
    review.set_idempotency_key(key);
    return review;
  }

  /// The coachee's evaluation of the default questions, with `shared` in
  /// the first text answer (shared with the programme) and `kept` in the
  /// second (not shared).
  v1::SubmitEvaluationRequest CoacheeEvaluation(const v1::GoalPlan& plan, const std::string& shared,
                                                const std::string& kept,
                                                const std::string& key = "") const {
    v1::SubmitEvaluationRequest e;
    e.set_relationship_id(relationship_id_);
    e.set_version(plan.my_questions().version());
    for (const v1::Goal& g : plan.goals()) {
      if (g.state() == v1::GOAL_STATE_DROPPED) continue;
      v1::GoalResult* r = e.add_goals();
      r->set_goal_id(g.id());
      r->set_rating(8);
      r->set_outcome(v1::GOAL_OUTCOME_PARTLY);
    }
    bool first_text = true;
    for (int i = 0; i < plan.my_questions().questions_size(); ++i) {
      const v1::Question& q = plan.my_questions().questions(i);
      v1::Answer* a = e.add_answers();
      a->set_question(i);
      if (q.type() == v1::QUESTION_TYPE_TEXT) {
        a->set_text(first_text ? shared : kept);
        a->set_share_with_programme(first_text);
        first_text = false;
      } else {
        a->set_choice(q.type() == v1::QUESTION_TYPE_RATING ? 4 : 1);
      }
    }
    e.set_idempotency_key(key);
    return e;
  }

  v1::SubmitEvaluationRequest MemberEvaluation(const v1::GoalPlan& plan,
                                               const std::string& text) const {
    v1::SubmitEvaluationRequest e;
    e.set_relationship_id(relationship_id_);
    e.set_version(plan.my_questions().version());
    for (int i = 0; i < plan.my_questions().questions_size(); ++i) {
      const v1::Question& q = plan.my_questions().questions(i);
      v1::Answer* a = e.add_answers();
      a->set_question(i);
      if (q.type() == v1::QUESTION_TYPE_TEXT) {
        a->set_text(text);
      } else {
        a->set_choice(1);
      }
    }
    return e;
  }

  void Complete() {
    v1::CompleteRelationshipRequest complete;
    complete.set_relationship_id(relationship_id_);
    v1::CompleteRelationshipResponse completed;
    ASSERT_TRUE(
        relationships_->CompleteRelationship(Client::Context(coach_).get(), complete, &completed)
            .ok());
    ASSERT_EQ(completed.relationship().state(), v1::RELATIONSHIP_STATE_COMPLETED);
  }

  int64_t CoacheeOrganisation() {
    v1::GetMeResponse me;
    EXPECT_TRUE(client_->auth().GetMe(Client::Context(coachee_).get(), {}, &me).ok());
    return me.account().organisation_id();
  }

  std::unique_ptr<v1::GoalService::Stub> goals_;
};

TEST_F(GoalIntegrationTest, ACoachingContractNeedsAGoalBeforeTheCoacheeAgreesAMentoringOneDoesNot) {
  // A second coaching request, accepted with no goal set.
  const Client::Accepted bare = client_->AcceptFirstInboxRequest(coach_, /*with_goal=*/false);
  ASSERT_GT(bare.relationship_id, 0);
  v1::SetContractTermsRequest terms;
  terms.set_relationship_id(bare.relationship_id);
  terms.mutable_terms()->set_number_of_sessions(4);
  terms.mutable_terms()->set_session_minutes(60);
  terms.mutable_terms()->set_regularity(v1::SESSION_REGULARITY_MONTHLY);
  terms.mutable_terms()->set_planned_end_on(
      absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24 * 90), absl::UTCTimeZone()));
  v1::SetContractTermsResponse set;
  ASSERT_TRUE(relationships_->SetContractTerms(Client::Context(coach_).get(), terms, &set).ok());

  // ListDue tells the coachee to set goals, and the coach that they are awaited.
  v1::ListDueResponse due;
  ASSERT_TRUE(goals_->ListDue(Client::Context(bare.coachee_token).get(), {}, &due).ok());
  ASSERT_EQ(due.due_size(), 1);
  EXPECT_EQ(due.due(0).what(), v1::Due::WHAT_SET_GOALS);
  EXPECT_TRUE(due.due(0).yours());

  v1::AgreeContractRequest agree;
  agree.set_relationship_id(bare.relationship_id);
  agree.set_confidentiality_acknowledged(true);
  agree.set_ethics_acknowledged(true);
  agree.set_line_manager_told(v1::LINE_MANAGER_TOLD_YES);
  v1::AgreeContractResponse agreed;
  const grpc::Status refused =
      relationships_->AgreeContract(Client::Context(bare.coachee_token).get(), agree, &agreed);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.error_message(), ::testing::HasSubstr("goal"));

  ASSERT_GT(client_->AddGoal(bare.coachee_token, bare.relationship_id, "Delegate more"), 0);
  ASSERT_TRUE(
      relationships_->AgreeContract(Client::Context(bare.coachee_token).get(), agree, &agreed)
          .ok());

  // Mentoring: the demo mentor's request, no goal, agreed by both.
  const std::string mentor = client_->TokenFor(kDemoMentor);
  const Client::Accepted mentoring = client_->AcceptFirstInboxRequest(mentor, false);
  ASSERT_GT(mentoring.relationship_id, 0);
  v1::SetContractTermsRequest cadence;
  cadence.set_relationship_id(mentoring.relationship_id);
  cadence.mutable_terms()->set_review_cadence(v1::REVIEW_CADENCE_QUARTERLY);
  ASSERT_TRUE(relationships_->SetContractTerms(Client::Context(mentor).get(), cadence, &set).ok());
  agree.set_relationship_id(mentoring.relationship_id);
  ASSERT_TRUE(
      relationships_->AgreeContract(Client::Context(mentoring.coachee_token).get(), agree, &agreed)
          .ok());
  agree.set_line_manager_told(v1::LINE_MANAGER_TOLD_UNSPECIFIED);
  ASSERT_TRUE(relationships_->AgreeContract(Client::Context(mentor).get(), agree, &agreed).ok());
  EXPECT_EQ(agreed.relationship().state(), v1::RELATIONSHIP_STATE_ACTIVE);
}

TEST_F(GoalIntegrationTest, EveryWriteIsAllowedOrRefusedByPartyAndRole) {
  MakeActive(4);
  const std::string coordinator = client_->TokenFor(kDemoCoordinator);
  const std::string supervisor = client_->TokenFor(kDemoSupervisor);
  const std::string stranger = client_->TokenFor(kDemoMentor);
  using Code = grpc::StatusCode;

  // AddGoal: the coachee only.
  for (const auto& [token, code] :
       {std::pair{coach_, Code::PERMISSION_DENIED}, std::pair{coordinator, Code::PERMISSION_DENIED},
        std::pair{supervisor, Code::NOT_FOUND}, std::pair{stranger, Code::NOT_FOUND},
        std::pair{std::string(), Code::UNAUTHENTICATED}}) {
    v1::AddGoalResponse r;
    EXPECT_EQ(goals_->AddGoal(Client::Context(token).get(), Goal("Not theirs"), &r).error_code(),
              code);
  }
  v1::AddGoalResponse added;
  ASSERT_TRUE(
      goals_->AddGoal(Client::Context(coachee_).get(), Goal("Run calmer handovers"), &added).ok());
  const int64_t goal_id = added.goal_id();
  ASSERT_GT(goal_id, 0);

  // Bad input names the field.
  v1::AddGoalRequest bad = Goal("");
  v1::AddGoalResponse unused;
  grpc::Status status = goals_->AddGoal(Client::Context(coachee_).get(), bad, &unused);
  EXPECT_EQ(status.error_code(), Code::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), ::testing::StartsWith("what:"));
  bad = Goal("Fine");
  bad.set_starting_rating(11);
  status = goals_->AddGoal(Client::Context(coachee_).get(), bad, &unused);
  EXPECT_THAT(status.error_message(), ::testing::StartsWith("starting_rating:"));
  bad = Goal("Fine");
  bad.add_themes("not-a-theme");
  status = goals_->AddGoal(Client::Context(coachee_).get(), bad, &unused);
  EXPECT_THAT(status.error_message(), ::testing::StartsWith("themes[1]:"));

  // RewordGoal and CloseGoal: the coachee only.
  v1::RewordGoalRequest reword;
  reword.set_goal_id(goal_id);
  reword.set_what("Run calm, short handovers");
  reword.set_measure("Handovers take under 15 minutes.");
  v1::RewordGoalResponse reworded;
  for (const std::string& token : {coach_, coordinator}) {
    EXPECT_EQ(goals_->RewordGoal(Client::Context(token).get(), reword, &reworded).error_code(),
              Code::PERMISSION_DENIED);
  }
  EXPECT_EQ(goals_->RewordGoal(Client::Context(stranger).get(), reword, &reworded).error_code(),
            Code::NOT_FOUND);
  ASSERT_TRUE(goals_->RewordGoal(Client::Context(coachee_).get(), reword, &reworded).ok());
  ASSERT_EQ(reworded.plan().goals_size(), 2);
  const v1::Goal& goal = reworded.plan().goals(1);
  EXPECT_EQ(goal.what(), "Run calm, short handovers");
  ASSERT_EQ(goal.earlier_size(), 1);
  EXPECT_EQ(goal.earlier(0).what(), "Run calmer handovers");

  // RequestReview: either person; SubmitReview: the coachee; comment: the coach.
  v1::RequestReviewRequest ask;
  ask.set_relationship_id(relationship_id_);
  v1::RequestReviewResponse asked;
  EXPECT_EQ(goals_->RequestReview(Client::Context(coordinator).get(), ask, &asked).error_code(),
            Code::PERMISSION_DENIED);
  ASSERT_TRUE(goals_->RequestReview(Client::Context(coach_).get(), ask, &asked).ok());
  EXPECT_EQ(goals_->RequestReview(Client::Context(coachee_).get(), ask, &asked).error_code(),
            Code::FAILED_PRECONDITION)
      << "a review is already due";
  for (const std::string& token : {coachee_, coach_}) {
    v1::ListDueResponse due;
    ASSERT_TRUE(goals_->ListDue(Client::Context(token).get(), {}, &due).ok());
    ASSERT_EQ(due.due_size(), 1) << token;
    EXPECT_EQ(due.due(0).what(), v1::Due::WHAT_REVIEW);
    EXPECT_EQ(due.due(0).occasion(), v1::REVIEW_OCCASION_ASKED);
    EXPECT_EQ(due.due(0).yours(), token == coachee_);
  }

  const v1::SubmitReviewRequest review = Review(reworded.plan(), "Talking it through");
  v1::SubmitReviewResponse reviewed;
  for (const std::string& token : {coach_, coordinator}) {
    EXPECT_EQ(goals_->SubmitReview(Client::Context(token).get(), review, &reviewed).error_code(),
              Code::PERMISSION_DENIED);
  }
  v1::SubmitReviewRequest partial = review;
  partial.mutable_ratings()->RemoveLast();
  status = goals_->SubmitReview(Client::Context(coachee_).get(), partial, &reviewed);
  EXPECT_EQ(status.error_code(), Code::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), ::testing::StartsWith("ratings:"));
  ASSERT_TRUE(goals_->SubmitReview(Client::Context(coachee_).get(), review, &reviewed).ok());
  EXPECT_EQ(reviewed.plan().reviews_size(), 1);
  EXPECT_EQ(reviewed.plan().reviews(0).occasion(), v1::REVIEW_OCCASION_ASKED);
  EXPECT_THAT(reviewed.plan().due(), IsEmpty()) << "the review is done";

  v1::CommentOnReviewRequest comment;
  comment.set_review_id(reviewed.review_id());
  comment.set_comment("Good progress.");
  v1::CommentOnReviewResponse commented;
  for (const auto& [token, code] :
       {std::pair{coachee_, Code::PERMISSION_DENIED},
        std::pair{coordinator, Code::PERMISSION_DENIED}, std::pair{stranger, Code::NOT_FOUND}}) {
    EXPECT_EQ(
        goals_->CommentOnReview(Client::Context(token).get(), comment, &commented).error_code(),
        code);
  }
  ASSERT_TRUE(goals_->CommentOnReview(Client::Context(coach_).get(), comment, &commented).ok());
  EXPECT_EQ(commented.plan().reviews(0).comment(), "Good progress.");

  // CloseGoal: dropped needs a reason.
  v1::CloseGoalRequest close;
  close.set_goal_id(goal_id);
  close.set_state(v1::GOAL_STATE_DROPPED);
  v1::CloseGoalResponse closed;
  status = goals_->CloseGoal(Client::Context(coachee_).get(), close, &closed);
  EXPECT_THAT(status.error_message(), ::testing::StartsWith("reason:"));
  close.set_reason("The ward is merging; this no longer applies.");
  EXPECT_EQ(goals_->CloseGoal(Client::Context(coach_).get(), close, &closed).error_code(),
            Code::PERMISSION_DENIED);
  ASSERT_TRUE(goals_->CloseGoal(Client::Context(coachee_).get(), close, &closed).ok());
  EXPECT_EQ(closed.plan().goals(1).state(), v1::GOAL_STATE_DROPPED);
  EXPECT_EQ(goals_->CloseGoal(Client::Context(coachee_).get(), close, &closed).error_code(),
            Code::FAILED_PRECONDITION);

  // Evaluations wait for the end; the follow-up for six months after it.
  v1::SubmitEvaluationRequest early;
  early.set_relationship_id(relationship_id_);
  v1::SubmitEvaluationResponse evaluated;
  EXPECT_EQ(
      goals_->SubmitEvaluation(Client::Context(coachee_).get(), early, &evaluated).error_code(),
      Code::FAILED_PRECONDITION);
  Complete();
  const v1::GoalPlan ended = Plan(coachee_);
  ASSERT_TRUE(ended.has_my_questions());
  EXPECT_EQ(ended.my_questions().version(), 0) << "the default questions";
  for (const std::string& token : {coordinator, supervisor}) {
    EXPECT_NE(goals_
                  ->SubmitEvaluation(Client::Context(token).get(),
                                     CoacheeEvaluation(ended, "x", "y"), &evaluated)
                  .error_code(),
              Code::OK);
  }
  ASSERT_TRUE(goals_
                  ->SubmitEvaluation(Client::Context(coachee_).get(),
                                     CoacheeEvaluation(ended, "Clearer handovers", ""), &evaluated)
                  .ok());
  EXPECT_GT(evaluated.plan().my_evaluation().submitted_at_unix(), 0);
  EXPECT_EQ(goals_
                ->SubmitEvaluation(Client::Context(coachee_).get(),
                                   CoacheeEvaluation(ended, "again", ""), &evaluated)
                .error_code(),
            Code::FAILED_PRECONDITION);
  const v1::GoalPlan coach_plan = Plan(coach_);
  EXPECT_TRUE(coach_plan.other_evaluated());
  EXPECT_THAT(coach_plan.my_evaluation().answers(), IsEmpty());
  EXPECT_FALSE(coach_plan.has_follow_up()) << "the coachee's alone";
  ASSERT_TRUE(goals_
                  ->SubmitEvaluation(Client::Context(coach_).get(),
                                     MemberEvaluation(coach_plan, "Went well"), &evaluated)
                  .ok());

  v1::SubmitFollowUpRequest follow_up;
  follow_up.set_relationship_id(relationship_id_);
  follow_up.set_rating(7);
  v1::SubmitFollowUpResponse followed;
  status = goals_->SubmitFollowUp(Client::Context(coachee_).get(), follow_up, &followed);
  EXPECT_EQ(status.error_code(), Code::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("six months"));
  EXPECT_EQ(
      goals_->SubmitFollowUp(Client::Context(coach_).get(), follow_up, &followed).error_code(),
      Code::PERMISSION_DENIED);

  // Goals cannot change once the relationship has ended.
  EXPECT_EQ(goals_->AddGoal(Client::Context(coachee_).get(), Goal("Late"), &unused).error_code(),
            Code::FAILED_PRECONDITION);
  // The coordinator reads none of it.
  grpc::Status read;
  Plan(coordinator, &read);
  EXPECT_EQ(read.error_code(), Code::PERMISSION_DENIED);
  Plan(supervisor, &read);
  EXPECT_EQ(read.error_code(), Code::NOT_FOUND);
}

TEST_F(GoalIntegrationTest, ContentReachesOnlyThoseWhoMayReadItAndIsNotInTheDatabaseFile) {
  MakeActive(4);
  // A goal whose first wording and how-I-will-know carry markers, then
  // reworded (the first wording stays in its history); a second dropped
  // with a reason.
  v1::AddGoalRequest add = Goal(absl::StrCat("Speak up in meetings ", kEarlierMarker));
  add.set_measure(absl::StrCat("I speak first at least once ", kMeasureMarker));
  v1::AddGoalResponse added;
  ASSERT_TRUE(goals_->AddGoal(Client::Context(coachee_).get(), add, &added).ok());
  v1::RewordGoalRequest reword;
  reword.set_goal_id(added.goal_id());
  reword.set_what(absl::StrCat("Speak up in the board meeting ", kGoalMarker));
  reword.set_measure(add.measure());
  v1::RewordGoalResponse reworded;
  ASSERT_TRUE(goals_->RewordGoal(Client::Context(coachee_).get(), reword, &reworded).ok());
  const int64_t dropped = client_->AddGoal(coachee_, relationship_id_, "Take every break");
  ASSERT_GT(dropped, 0);
  v1::CloseGoalRequest drop;
  drop.set_goal_id(dropped);
  drop.set_state(v1::GOAL_STATE_DROPPED);
  drop.set_reason(absl::StrCat("The rota changed ", kReasonMarker));
  v1::CloseGoalResponse closed;
  ASSERT_TRUE(goals_->CloseGoal(Client::Context(coachee_).get(), drop, &closed).ok());
  v1::SubmitReviewRequest review =
      Review(Plan(coachee_), absl::StrCat("Rehearsing ", kReviewMarker));
  review.set_next(absl::StrCat("Ask for feedback ", kNextMarker));
  v1::SubmitReviewResponse reviewed;
  ASSERT_TRUE(goals_->SubmitReview(Client::Context(coachee_).get(), review, &reviewed).ok());
  v1::CommentOnReviewRequest comment;
  comment.set_review_id(reviewed.review_id());
  comment.set_comment(absl::StrCat("Noticed the change ", kCommentMarker));
  v1::CommentOnReviewResponse commented;
  ASSERT_TRUE(goals_->CommentOnReview(Client::Context(coach_).get(), comment, &commented).ok());
  // A session's agreed actions are sealed too.
  v1::RecordSessionRequest record;
  record.set_relationship_id(relationship_id_);
  record.set_idempotency_key("goal-test-record-0001");
  record.set_held(true);
  record.set_started_at_unix(absl::ToUnixSeconds(absl::Now() - absl::Hours(2)));
  record.set_actual_minutes(60);
  record.set_agreed_actions(absl::StrCat("Draft the handover sheet ", kActionsMarker));
  v1::RecordSessionResponse recorded;
  ASSERT_TRUE(relationships_->RecordSession(Client::Context(coach_).get(), record, &recorded).ok());
  EXPECT_THAT(recorded.session().agreed_actions(), ::testing::HasSubstr(kActionsMarker));
  Complete();
  v1::SubmitEvaluationResponse evaluated;
  ASSERT_TRUE(
      goals_
          ->SubmitEvaluation(
              Client::Context(coachee_).get(),
              CoacheeEvaluation(Plan(coachee_), absl::StrCat("More confident ", kSharedMarker),
                                absl::StrCat("Kept to me ", kPrivateAnswerMarker)),
              &evaluated)
          .ok());
  ASSERT_TRUE(goals_
                  ->SubmitEvaluation(
                      Client::Context(coach_).get(),
                      MemberEvaluation(Plan(coach_), absl::StrCat("Fine ", kMemberAnswerMarker)),
                      &evaluated)
                  .ok());

  const int64_t organisation = CoacheeOrganisation();
  const std::map<std::string, int64_t> ids = {{"relationship_id", relationship_id_},
                                              {"goal_id", commented.plan().goals(0).id()},
                                              {"review_id", reviewed.review_id()},
                                              {"session_id", recorded.session().id()},
                                              {"organisation_id", organisation}};
  const std::string coordinator = client_->TokenFor(kDemoCoordinator);
  const std::string supervisor = client_->TokenFor(kDemoSupervisor);
  const std::string stranger = client_->TokenFor(kDemoMentor);
  int calls = 0;
  const auto revealing = [&](const std::string& token, const char* marker) {
    return MethodsRevealing(client_->channel(), token, ids, marker, &calls);
  };
  const std::string plan = "/tandem.v1.GoalService/GetGoalPlan";
  const std::string sessions = "/tandem.v1.RelationshipService/ListSessions";
  // The two people see the goal, the review and the comment.
  for (const std::string& party : {coachee_, coach_}) {
    for (const char* marker : kPartiesMarkers) {
      EXPECT_THAT(revealing(party, marker), ElementsAre(plan)) << marker;
    }
    EXPECT_THAT(revealing(party, kActionsMarker), ElementsAre(sessions));
  }
  // Each their own answers.
  EXPECT_THAT(revealing(coachee_, kSharedMarker), ElementsAre(plan));
  EXPECT_THAT(revealing(coachee_, kPrivateAnswerMarker), ElementsAre(plan));
  EXPECT_THAT(revealing(coachee_, kMemberAnswerMarker), IsEmpty());
  EXPECT_THAT(revealing(coach_, kMemberAnswerMarker), ElementsAre(plan));
  for (const char* marker : {kSharedMarker, kPrivateAnswerMarker}) {
    EXPECT_THAT(revealing(coach_, marker), IsEmpty()) << marker;
  }
  // The coordinator: not even the shared answer while it is the only one
  // to its question this quarter (a group under 8 could be told apart).
  EXPECT_THAT(revealing(coordinator, kSharedMarker), IsEmpty());
  for (const std::string& other : {coordinator, supervisor, stranger}) {
    for (const char* marker : kPartiesMarkers) {
      EXPECT_THAT(revealing(other, marker), IsEmpty()) << marker;
    }
    for (const char* marker : {kPrivateAnswerMarker, kMemberAnswerMarker, kActionsMarker}) {
      EXPECT_THAT(revealing(other, marker), IsEmpty()) << marker;
    }
  }
  for (const char* marker : {kSharedMarker}) {
    EXPECT_THAT(revealing(supervisor, marker), IsEmpty());
    EXPECT_THAT(revealing(stranger, marker), IsEmpty());
  }
  EXPECT_GT(calls, 1000);
  v1::ListSharedAnswersRequest list;
  list.set_organisation_id(organisation);
  v1::ListSharedAnswersResponse answers;
  ASSERT_TRUE(goals_->ListSharedAnswers(Client::Context(coordinator).get(), list, &answers).ok());
  // The demo's own shared answers come in groups of at least 8 to one
  // question in one quarter; this one, alone in its group, is withheld.
  std::map<std::string, int> groups;
  for (const v1::SharedAnswer& a : answers.answers()) {
    EXPECT_THAT(a.quarter(), ::testing::MatchesRegex("20[0-9][0-9] Q[1-4]"));
    EXPECT_FALSE(absl::StrContains(a.text(), kSharedMarker));
    ++groups[absl::StrCat(a.kind(), a.quarter(), a.question())];
  }
  for (const auto& [group, size] : groups) EXPECT_GE(size, 8) << group;
  v1::GetMeResponse me;
  ASSERT_TRUE(client_->auth().GetMe(Client::Context(coachee_).get(), {}, &me).ok());
  EXPECT_FALSE(absl::StrContains(answers.SerializeAsString(), me.account().display_name()));
  EXPECT_FALSE(absl::StrContains(answers.SerializeAsString(), me.account().email()));

  // No marker in the database file or its WAL.
  for (const std::string& file : {Db(), Db() + "-wal"}) {
    const std::string bytes = ReadFile(file);
    for (const char* marker : kPartiesMarkers) {
      EXPECT_FALSE(absl::StrContains(bytes, marker)) << file << " " << marker;
    }
    for (const char* marker :
         {kSharedMarker, kPrivateAnswerMarker, kMemberAnswerMarker, kActionsMarker}) {
      EXPECT_FALSE(absl::StrContains(bytes, marker)) << file << " " << marker;
    }
  }
}

TEST_F(GoalIntegrationTest, AnAnswerKeepsTheWordingOfTheVersionItWasGivenUnder) {
  MakeActive(2);
  Complete();
  const std::string coordinator = client_->TokenFor(kDemoCoordinator);
  const int64_t organisation = CoacheeOrganisation();
  const auto save = [&](const std::string& wording, const std::string& key) {
    v1::SaveEvaluationQuestionsRequest request;
    request.set_organisation_id(organisation);
    request.set_kind(v1::SUPPORT_KIND_COACHING);
    request.set_audience(v1::EVALUATION_AUDIENCE_COACHEE);
    v1::Question* q = request.add_questions();
    q->set_type(v1::QUESTION_TYPE_RATING);
    q->set_wording(wording);
    q->set_required(true);
    for (const char* label : {"Not at all", "A little", "Somewhat", "A lot", "Completely"}) {
      q->add_options(label);
    }
    v1::Question* text = request.add_questions();
    text->set_type(v1::QUESTION_TYPE_TEXT);
    text->set_wording("Anything else?");
    request.set_idempotency_key(key);
    v1::SaveEvaluationQuestionsResponse saved;
    EXPECT_TRUE(
        goals_->SaveEvaluationQuestions(Client::Context(coordinator).get(), request, &saved).ok());
    return saved.questions().version();
  };
  // Sent three times with one key: one version.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(save("Did it help?", "questions-version-0001"), 1);
  v1::GoalPlan plan = Plan(coachee_);
  ASSERT_EQ(plan.my_questions().version(), 1);
  const v1::SubmitEvaluationRequest stale = CoacheeEvaluation(plan, "Yes", "");
  EXPECT_EQ(save("Did the coaching help you?", "questions-version-0002"), 2);
  v1::SubmitEvaluationResponse evaluated;
  const grpc::Status refused =
      goals_->SubmitEvaluation(Client::Context(coachee_).get(), stale, &evaluated);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(), ::testing::StartsWith("version:"));
  plan = Plan(coachee_);
  ASSERT_EQ(plan.my_questions().version(), 2);
  ASSERT_TRUE(goals_
                  ->SubmitEvaluation(Client::Context(coachee_).get(),
                                     CoacheeEvaluation(plan, "Yes", ""), &evaluated)
                  .ok());
  EXPECT_EQ(save("Rate the programme", "questions-version-0003"), 3);
  plan = Plan(coachee_);
  EXPECT_FALSE(plan.has_my_questions()) << "answered";
  EXPECT_EQ(plan.my_evaluation().version(), 2);
  ASSERT_GE(plan.my_evaluation().answers_size(), 1);
  EXPECT_EQ(plan.my_evaluation().answers(0).question().wording(), "Did the coaching help you?");
  EXPECT_EQ(plan.my_evaluation().answers(0).answer().choice(), 4);

  // Coordinators of the organisation only; a bad question names its field.
  v1::GetEvaluationQuestionsRequest get;
  get.set_organisation_id(organisation);
  get.set_kind(v1::SUPPORT_KIND_COACHING);
  get.set_audience(v1::EVALUATION_AUDIENCE_COACHEE);
  v1::GetEvaluationQuestionsResponse got;
  ASSERT_TRUE(goals_->GetEvaluationQuestions(Client::Context(coordinator).get(), get, &got).ok());
  EXPECT_EQ(got.questions().version(), 3);
  EXPECT_EQ(got.questions().saved_by_name(), "Catherine Okafor");
  EXPECT_EQ(goals_->GetEvaluationQuestions(Client::Context(coach_).get(), get, &got).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::SaveEvaluationQuestionsRequest bad;
  bad.set_organisation_id(organisation);
  bad.set_kind(v1::SUPPORT_KIND_COACHING);
  bad.set_audience(v1::EVALUATION_AUDIENCE_COACHEE);
  v1::Question* choice = bad.add_questions();
  choice->set_type(v1::QUESTION_TYPE_CHOICE);
  choice->set_wording("Pick one");
  choice->add_options("Only option");
  v1::SaveEvaluationQuestionsResponse saved;
  const grpc::Status invalid =
      goals_->SaveEvaluationQuestions(Client::Context(coordinator).get(), bad, &saved);
  EXPECT_EQ(invalid.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(invalid.error_message(), ::testing::StartsWith("questions[0].options:"));
}

TEST_F(GoalIntegrationTest, EveryWriteSentThreeTimesWithOneKeyActsOnce) {
  MakeActive(4);
  const auto thrice = [](auto&& call) {
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(call().ok()) << "attempt " << i;
  };
  v1::AddGoalResponse added;
  thrice([&] {
    return goals_->AddGoal(Client::Context(coachee_).get(), Goal("Once", "add-goal-key-000001"),
                           &added);
  });
  EXPECT_EQ(added.plan().goals_size(), 2) << "the fixture's goal and this one";
  const int64_t goal_id = added.goal_id();
  EXPECT_EQ(added.plan().goals(1).id(), goal_id) << "a retry answers with the goal it added";

  v1::RewordGoalRequest reword;
  reword.set_goal_id(goal_id);
  reword.set_what("Once, reworded");
  reword.set_measure("Measured");
  reword.set_idempotency_key("reword-goal-key-0001");
  v1::RewordGoalResponse reworded;
  thrice([&] { return goals_->RewordGoal(Client::Context(coachee_).get(), reword, &reworded); });
  EXPECT_EQ(reworded.plan().goals(1).earlier_size(), 1);

  v1::RequestReviewRequest ask;
  ask.set_relationship_id(relationship_id_);
  ask.set_idempotency_key("request-review-key-01");
  v1::RequestReviewResponse asked;
  thrice([&] { return goals_->RequestReview(Client::Context(coach_).get(), ask, &asked); });

  const v1::SubmitReviewRequest review = Review(reworded.plan(), "Helped", "submit-review-key-001");
  v1::SubmitReviewResponse reviewed;
  thrice([&] { return goals_->SubmitReview(Client::Context(coachee_).get(), review, &reviewed); });
  EXPECT_EQ(reviewed.plan().reviews_size(), 1);
  EXPECT_EQ(reviewed.plan().goals(1).ratings_size(), 2) << "start and one review";

  v1::CommentOnReviewRequest comment;
  comment.set_review_id(reviewed.review_id());
  comment.set_comment("Noted");
  comment.set_idempotency_key("comment-review-key-01");
  v1::CommentOnReviewResponse commented;
  thrice(
      [&] { return goals_->CommentOnReview(Client::Context(coach_).get(), comment, &commented); });

  v1::CloseGoalRequest close;
  close.set_goal_id(goal_id);
  close.set_state(v1::GOAL_STATE_ACHIEVED);
  close.set_idempotency_key("close-goal-key-00001");
  v1::CloseGoalResponse closed;
  thrice([&] { return goals_->CloseGoal(Client::Context(coachee_).get(), close, &closed); });
  EXPECT_EQ(closed.plan().goals(1).state(), v1::GOAL_STATE_ACHIEVED);

  Complete();
  const v1::SubmitEvaluationRequest evaluation =
      CoacheeEvaluation(Plan(coachee_), "Good", "", "evaluation-key-00001");
  v1::SubmitEvaluationResponse evaluated;
  thrice([&] {
    return goals_->SubmitEvaluation(Client::Context(coachee_).get(), evaluation, &evaluated);
  });
  EXPECT_GT(evaluated.plan().my_evaluation().submitted_at_unix(), 0);
  // The same key with a different request is refused, naming the key.
  v1::SubmitEvaluationRequest other = evaluation;
  other.mutable_answers(0)->set_choice(1);
  const grpc::Status reused =
      goals_->SubmitEvaluation(Client::Context(coachee_).get(), other, &evaluated);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reused.error_message(), ::testing::StartsWith("idempotency_key:"));
}

TEST_F(GoalIntegrationTest, AnAcknowledgedEvaluationSurvivesSigkill) {
  MakeActive(2);
  Complete();
  v1::SubmitEvaluationResponse evaluated;
  ASSERT_TRUE(goals_
                  ->SubmitEvaluation(Client::Context(coachee_).get(),
                                     CoacheeEvaluation(Plan(coachee_), "Lasting", "Mine"),
                                     &evaluated)
                  .ok());
  Restart();
  const v1::GoalPlan plan = Plan(coachee_);
  EXPECT_GT(plan.my_evaluation().submitted_at_unix(), 0);
  EXPECT_FALSE(plan.has_my_questions());
  bool found = false;
  for (const auto& a : plan.my_evaluation().answers()) found |= a.answer().text() == "Lasting";
  EXPECT_TRUE(found);
}

TEST_F(GoalIntegrationTest, TheDemoHasRelationshipsWithGoalsAtEveryStage) {
  // The demo's nine relationships at every stage come first, then its
  // year of history, then the one the fixture made.
  constexpr int64_t kStaged = 9;
  const std::string coordinator = client_->TokenFor(kDemoCoordinator);
  std::map<v1::RelationshipState, int> states;
  int goals = 0;
  int reviews = 0;
  int comments = 0;
  int evaluated = 0;
  std::set<v1::Due::What> due;
  int followed_up = 0;
  for (int64_t id = 1; id <= kStaged && id < relationship_id_; ++id) {
    v1::GetRelationshipRequest get;
    get.set_relationship_id(id);
    v1::GetRelationshipResponse r;
    ASSERT_TRUE(relationships_->GetRelationship(Client::Context(coordinator).get(), get, &r).ok());
    ++states[r.relationship().state()];
    v1::GetAccountRequest account;
    account.set_account_id(r.relationship().coachee_id());
    v1::GetAccountResponse coachee;
    ASSERT_TRUE(
        client_->accounts().GetAccount(Client::Context(coordinator).get(), account, &coachee).ok());
    const std::string token = client_->TokenFor(coachee.account().email());
    ASSERT_FALSE(token.empty());
    v1::GetGoalPlanRequest plan_request;
    plan_request.set_relationship_id(id);
    v1::GetGoalPlanResponse plan;
    ASSERT_TRUE(goals_->GetGoalPlan(Client::Context(token).get(), plan_request, &plan).ok());
    goals += plan.plan().goals_size();
    reviews += plan.plan().reviews_size();
    for (const auto& review : plan.plan().reviews()) comments += review.comment().empty() ? 0 : 1;
    evaluated += plan.plan().my_evaluation().submitted_at_unix() > 0 ? 1 : 0;
    for (const auto& d : plan.plan().due()) {
      due.insert(d.what());
      if (d.what() != v1::Due::WHAT_FOLLOW_UP) continue;
      // The follow-up, six months on: answered once, and shared.
      v1::SubmitFollowUpRequest follow_up;
      follow_up.set_relationship_id(id);
      follow_up.set_rating(8);
      follow_up.set_answer(absl::StrCat("I still plan my week on Mondays. ", kFollowUpMarker));
      follow_up.set_share_with_programme(true);
      v1::SubmitFollowUpResponse followed;
      ASSERT_TRUE(goals_->SubmitFollowUp(Client::Context(token).get(), follow_up, &followed).ok());
      EXPECT_GT(followed.plan().follow_up().submitted_at_unix(), 0);
      EXPECT_EQ(followed.plan().follow_up().rating(), 8);
      for (const auto& after : followed.plan().due()) {
        EXPECT_NE(after.what(), v1::Due::WHAT_FOLLOW_UP);
      }
      EXPECT_EQ(
          goals_->SubmitFollowUp(Client::Context(token).get(), follow_up, &followed).error_code(),
          grpc::StatusCode::FAILED_PRECONDITION)
          << "once";
      v1::ListSharedAnswersRequest shared;
      shared.set_organisation_id(coachee.account().organisation_id());
      v1::ListSharedAnswersResponse answers;
      ASSERT_TRUE(
          goals_->ListSharedAnswers(Client::Context(coordinator).get(), shared, &answers).ok());
      // Shared, but the only follow-up answer this quarter: withheld.
      for (const auto& a : answers.answers()) {
        EXPECT_FALSE(absl::StrContains(a.text(), kFollowUpMarker));
      }
      // Every RPC, every role: the answer reaches the coachee's plan only.
      v1::GetAccountRequest member_account;
      member_account.set_account_id(r.relationship().member_id());
      v1::GetAccountResponse member;
      ASSERT_TRUE(client_->accounts()
                      .GetAccount(Client::Context(coordinator).get(), member_account, &member)
                      .ok());
      const std::map<std::string, int64_t> ids = {
          {"relationship_id", id}, {"organisation_id", coachee.account().organisation_id()}};
      int calls = 0;
      const auto revealing = [&](const std::string& who) {
        return MethodsRevealing(client_->channel(), who, ids, kFollowUpMarker, &calls);
      };
      EXPECT_THAT(revealing(token), ElementsAre("/tandem.v1.GoalService/GetGoalPlan"));
      for (const std::string& other : {coordinator, client_->TokenFor(member.account().email()),
                                       client_->TokenFor(kDemoSupervisor)}) {
        EXPECT_THAT(revealing(other), IsEmpty());
      }
      for (const std::string& file : {Db(), Db() + "-wal"}) {
        EXPECT_FALSE(absl::StrContains(ReadFile(file), kFollowUpMarker)) << file;
      }
      ++followed_up;
    }
  }
  EXPECT_GE(states[v1::RELATIONSHIP_STATE_CONTRACTING], 1);
  EXPECT_GE(states[v1::RELATIONSHIP_STATE_ACTIVE], 3);
  EXPECT_GE(states[v1::RELATIONSHIP_STATE_COMPLETED], 2);
  EXPECT_GE(states[v1::RELATIONSHIP_STATE_ENDED_EARLY], 1);
  EXPECT_GE(goals, 10);
  EXPECT_GE(reviews, 3);
  EXPECT_GE(comments, 2);
  EXPECT_GE(evaluated, 3);
  EXPECT_THAT(due, ::testing::IsSupersetOf(
                       {v1::Due::WHAT_REVIEW, v1::Due::WHAT_EVALUATION, v1::Due::WHAT_FOLLOW_UP}));
}

}  // namespace
}  // namespace tandem::testing
