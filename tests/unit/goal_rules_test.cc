// The rules of goals, reviews and evaluations, pure: when a review is due
// (coaching's middle of the contract by sessions or by date, contract
// reviews, mentoring's cadence, a review asked for) on a fake clock; what
// else is due for whom; who may do what in which state; what a question
// and an answer allow.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/evaluation_questions.h"
#include "server/domain/goal_access.h"
#include "server/domain/goal_due.h"
#include "server/domain/profile.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;

const absl::Time kStart =
    absl::FromCivil(absl::CivilSecond(2026, 1, 10, 9, 0, 0), absl::UTCTimeZone());

absl::Time Day(int days) { return kStart + absl::Hours(24 * days); }

HistoryEntry Entry(absl::Time at, RelationshipState from, RelationshipState to,
                   std::string event = "agreed the contract") {
  return {.at = at,
          .by_account_id = 2,
          .by_name = "",
          .event = std::move(event),
          .from_state = from,
          .to_state = to,
          .reason = ""};
}

/// Coaching of `sessions` sessions, active from kStart, planned to end 100 days later.
Relationship Coaching(int sessions) {
  Relationship r;
  r.id = 7;
  r.kind = SupportKind::kCoaching;
  r.state = RelationshipState::kActive;
  r.coachee_name = "Coachee";
  r.member_name = "Coach";
  r.terms_set = true;
  r.terms.number_of_sessions = sessions;
  r.terms.planned_end_on = ToDay(Day(100));
  r.history = {Entry(kStart - absl::Hours(48), RelationshipState::kContracting,
                     RelationshipState::kContracting, "set the contract"),
               Entry(kStart, RelationshipState::kContracting, RelationshipState::kActive)};
  r.created_at = kStart - absl::Hours(72);
  return r;
}

Relationship Mentoring(ReviewCadence cadence) {
  Relationship r = Coaching(0);
  r.kind = SupportKind::kMentoring;
  r.terms = {.review_cadence = cadence};
  return r;
}

TEST(GoalDueTest, CoachingIsReviewedHalfWayToThePlannedEndWhenSessionsAreSlow) {
  const Relationship r = Coaching(6);
  DueFacts facts;
  facts.held_sessions = {Day(10)};
  EXPECT_FALSE(ReviewDueAt(r, facts, Day(49)));
  const auto due = ReviewDueAt(r, facts, Day(51));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->occasion, ReviewOccasion::kMidpoint);
  // Half-way from the start (09:00 on day 0) to the start of day 100.
  EXPECT_EQ(
      due->since,
      kStart +
          (absl::FromCivil(absl::CivilDay(ToDay(Day(100))), absl::UTCTimeZone()) - kStart) / 2);
  // A review completed after it: no longer due.
  facts.reviews = {Day(52)};
  EXPECT_FALSE(ReviewDueAt(r, facts, Day(60)));
  // One completed before it does not count.
  facts.reviews = {Day(20)};
  EXPECT_TRUE(ReviewDueAt(r, facts, Day(60)));
}

TEST(GoalDueTest, CoachingIsReviewedOnceHalfTheSessionsAreHeldIfThatComesFirst) {
  const Relationship r = Coaching(5);  // half of five: the third
  DueFacts facts;
  facts.held_sessions = {Day(14), Day(3), Day(7)};  // in any order
  EXPECT_FALSE(ReviewDueAt(r, facts, Day(13)));
  const auto due = ReviewDueAt(r, facts, Day(15));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->since, Day(14));
  EXPECT_EQ(due->occasion, ReviewOccasion::kMidpoint);
  // Two of five held is not yet half.
  facts.held_sessions = {Day(3), Day(7)};
  EXPECT_FALSE(ReviewDueAt(r, facts, Day(15)));
}

TEST(GoalDueTest, EveryContractReviewMakesAReviewDue) {
  Relationship r = Coaching(6);
  r.history.push_back(Entry(Day(60), RelationshipState::kActive, RelationshipState::kActive,
                            std::string(kContractReviewedEvent) + ": 8 sessions until 2026-06-30"));
  DueFacts facts;
  facts.reviews = {Day(55)};  // the middle's review
  const auto due = ReviewDueAt(r, facts, Day(61));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->occasion, ReviewOccasion::kContractReview);
  EXPECT_EQ(due->since, Day(60));
}

TEST(GoalDueTest, MentoringIsReviewedAtItsCadenceByCalendarMonth) {
  const Relationship r = Mentoring(ReviewCadence::kQuarterly);
  DueFacts facts;
  const absl::Time april =
      absl::FromCivil(absl::CivilSecond(2026, 4, 10, 9, 0, 0), absl::UTCTimeZone());
  EXPECT_FALSE(ReviewDueAt(r, facts, april - absl::Minutes(1)));
  auto due = ReviewDueAt(r, facts, april);
  ASSERT_TRUE(due);
  EXPECT_EQ(due->since, april);
  EXPECT_EQ(due->occasion, ReviewOccasion::kCadence);
  facts.reviews = {april + absl::Hours(24)};
  EXPECT_FALSE(ReviewDueAt(r, facts, april + absl::Hours(24 * 80)));
  // The next quarter: due again.
  const absl::Time july =
      absl::FromCivil(absl::CivilSecond(2026, 7, 10, 9, 0, 0), absl::UTCTimeZone());
  due = ReviewDueAt(r, facts, july + absl::Hours(1));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->since, july);
  // Monthly from 31 January falls on the last day of February.
  Relationship monthly = Mentoring(ReviewCadence::kMonthly);
  const absl::Time jan31 =
      absl::FromCivil(absl::CivilSecond(2026, 1, 31, 12, 0, 0), absl::UTCTimeZone());
  monthly.history.back().at = jan31;
  due = ReviewDueAt(monthly, {}, jan31 + absl::Hours(24 * 29));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->since,
            absl::FromCivil(absl::CivilSecond(2026, 2, 28, 12, 0, 0), absl::UTCTimeZone()));
}

TEST(GoalDueTest, AReviewAskedForIsDueUntilOneIsCompletedAndOnlyWhileActive) {
  Relationship r = Mentoring(ReviewCadence::kSixMonthly);
  DueFacts facts;
  facts.review_requests = {Day(5)};
  auto due = ReviewDueAt(r, facts, Day(6));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->occasion, ReviewOccasion::kAsked);
  facts.reviews = {Day(6)};
  EXPECT_FALSE(ReviewDueAt(r, facts, Day(7)));
  facts.reviews.clear();
  r.state = RelationshipState::kCompleted;
  EXPECT_FALSE(ReviewDueAt(r, facts, Day(7)));
  r.state = RelationshipState::kContracting;
  EXPECT_FALSE(ReviewDueAt(r, facts, Day(7)));
}

TEST(GoalDueTest, WhatIsDueForEachPerson) {
  // Coaching, contracting, no goal: for the coachee to set, the coach waits.
  Relationship r = Coaching(6);
  r.state = RelationshipState::kContracting;
  r.history.pop_back();
  auto coachee = DueFor(Party::kCoachee, r, {}, Day(1));
  ASSERT_EQ(coachee.size(), 1u);
  EXPECT_EQ(coachee[0].what, DueWhat::kSetGoals);
  EXPECT_TRUE(coachee[0].yours);
  EXPECT_EQ(coachee[0].with_name, "Coach");
  auto member = DueFor(Party::kMember, r, {}, Day(1));
  ASSERT_EQ(member.size(), 1u);
  EXPECT_FALSE(member[0].yours);
  EXPECT_EQ(member[0].with_name, "Coachee");
  EXPECT_TRUE(DueFor(Party::kCoachee, r, {.open_goals = 1}, Day(1)).empty());
  EXPECT_TRUE(DueFor(Party::kCoordinator, r, {}, Day(1)).empty());
  // Mentoring never asks for goals first.
  Relationship m = Mentoring(ReviewCadence::kMonthly);
  m.state = RelationshipState::kContracting;
  EXPECT_TRUE(DueFor(Party::kCoachee, m, {}, Day(1)).empty());

  // Ended: each their own evaluation; the follow-up after 182 days.
  Relationship ended = Coaching(6);
  ended.state = RelationshipState::kCompleted;
  ended.history.push_back(
      Entry(Day(90), RelationshipState::kActive, RelationshipState::kCompleted, "completed"));
  coachee = DueFor(Party::kCoachee, ended, {.member_evaluated = true}, Day(91));
  ASSERT_EQ(coachee.size(), 1u);
  EXPECT_EQ(coachee[0].what, DueWhat::kEvaluation);
  EXPECT_EQ(coachee[0].since, Day(90));
  EXPECT_TRUE(DueFor(Party::kMember, ended, {.member_evaluated = true}, Day(91)).empty());
  coachee =
      DueFor(Party::kCoachee, ended, {.coachee_evaluated = true}, Day(90 + limits::kFollowUpDays));
  ASSERT_EQ(coachee.size(), 1u);
  EXPECT_EQ(coachee[0].what, DueWhat::kFollowUp);
  EXPECT_TRUE(DueFor(Party::kCoachee, ended, {.coachee_evaluated = true},
                     Day(90 + limits::kFollowUpDays) - absl::Seconds(1))
                  .empty());
  EXPECT_TRUE(
      DueFor(Party::kCoachee, ended, {.coachee_evaluated = true, .followed_up = true}, Day(400))
          .empty());
  // The member never has a follow-up.
  EXPECT_TRUE(DueFor(Party::kMember, ended, {.member_evaluated = true}, Day(400)).empty());
}

TEST(GoalAccessTest, WhoMayDoWhatInWhichState) {
  Relationship r = Coaching(6);
  const auto code = [&](Party party, GoalAction action) { return MayAct(party, action, r).code(); };
  using C = absl::StatusCode;
  for (const GoalAction action :
       {GoalAction::kRead, GoalAction::kWriteGoal, GoalAction::kSubmitReview, GoalAction::kComment,
        GoalAction::kAskReview, GoalAction::kEvaluate, GoalAction::kFollowUp}) {
    EXPECT_EQ(code(Party::kStranger, action), C::kNotFound);
    EXPECT_EQ(code(Party::kCoordinator, action), C::kPermissionDenied);
  }
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kRead), C::kOk);
  EXPECT_EQ(code(Party::kMember, GoalAction::kRead), C::kOk);
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kWriteGoal), C::kOk);
  EXPECT_EQ(code(Party::kMember, GoalAction::kWriteGoal), C::kPermissionDenied);
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kSubmitReview), C::kOk);
  EXPECT_EQ(code(Party::kMember, GoalAction::kSubmitReview), C::kPermissionDenied);
  EXPECT_EQ(code(Party::kMember, GoalAction::kComment), C::kOk);
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kComment), C::kPermissionDenied);
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kAskReview), C::kOk);
  EXPECT_EQ(code(Party::kMember, GoalAction::kAskReview), C::kOk);
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kEvaluate), C::kFailedPrecondition);
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kFollowUp), C::kFailedPrecondition);
  r.state = RelationshipState::kContracting;
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kWriteGoal), C::kOk) << "goals are set first";
  EXPECT_EQ(code(Party::kCoachee, GoalAction::kSubmitReview), C::kFailedPrecondition);
  for (const RelationshipState ended :
       {RelationshipState::kCompleted, RelationshipState::kEndedEarly}) {
    r.state = ended;
    EXPECT_EQ(code(Party::kCoachee, GoalAction::kWriteGoal), C::kFailedPrecondition);
    EXPECT_EQ(code(Party::kCoachee, GoalAction::kAskReview), C::kFailedPrecondition);
    EXPECT_EQ(code(Party::kCoachee, GoalAction::kEvaluate), C::kOk);
    EXPECT_EQ(code(Party::kMember, GoalAction::kEvaluate), C::kOk);
    EXPECT_EQ(code(Party::kCoachee, GoalAction::kFollowUp), C::kOk);
    EXPECT_EQ(code(Party::kMember, GoalAction::kFollowUp), C::kPermissionDenied);
  }
  EXPECT_TRUE(MayReadAnswers(Party::kCoachee, Audience::kCoachee));
  EXPECT_FALSE(MayReadAnswers(Party::kMember, Audience::kCoachee));
  EXPECT_FALSE(MayReadAnswers(Party::kCoordinator, Audience::kCoachee));
  EXPECT_TRUE(SharedReachesProgramme(Audience::kCoachee, QuestionType::kText, true));
  EXPECT_FALSE(SharedReachesProgramme(Audience::kCoachee, QuestionType::kText, false));
  EXPECT_FALSE(SharedReachesProgramme(Audience::kMember, QuestionType::kText, true));
}

TEST(EvaluationQuestionsTest, TheDefaultSetsAreValidAndTheMembersIsShorter) {
  for (const SupportKind kind : {SupportKind::kCoaching, SupportKind::kMentoring}) {
    const QuestionSet coachee = DefaultQuestions(kind, Audience::kCoachee);
    const QuestionSet member = DefaultQuestions(kind, Audience::kMember);
    EXPECT_EQ(coachee.version, 0);
    EXPECT_TRUE(ValidateQuestions(coachee.questions).ok());
    EXPECT_TRUE(ValidateQuestions(member.questions).ok());
    EXPECT_LT(member.questions.size(), coachee.questions.size());
  }
  EXPECT_THAT(DefaultQuestions(SupportKind::kMentoring, Audience::kCoachee).questions[0].wording,
              HasSubstr("mentoring"));
}

TEST(EvaluationQuestionsTest, TheLimitsAreThoseOfTheSharedHeader) {
  const Question text{.type = QuestionType::kText,
                      .wording = std::string(limits::kQuestionMaxLength, 'q'),
                      .required = false,
                      .options = {}};
  EXPECT_TRUE(ValidateQuestions(std::vector<Question>(limits::kMaxQuestions, text)).ok());
  EXPECT_FALSE(ValidateQuestions(std::vector<Question>(limits::kMaxQuestions + 1, text)).ok());
  Question longer = text;
  longer.wording += "q";
  EXPECT_FALSE(ValidateQuestions({longer}).ok());
  Question choice{
      .type = QuestionType::kChoice, .wording = "Which?", .required = true, .options = {}};
  for (int i = 0; i < limits::kMaxChoiceOptions; ++i) {
    choice.options.push_back(std::string(limits::kChoiceOptionMaxLength - 1, 'a') +
                             static_cast<char>('a' + i));
  }
  EXPECT_TRUE(ValidateQuestions({choice}).ok());
  choice.options.push_back("one more");
  EXPECT_FALSE(ValidateQuestions({choice}).ok());
  EXPECT_TRUE(ValidateAnswer(text, 0, 0, std::string(limits::kAnswerMaxLength, 'a'), false).ok());
}

TEST(EvaluationQuestionsTest, WhatAQuestionAllows) {
  const auto problem = [](std::vector<Question> questions) {
    return std::string(ValidateQuestions(questions).status().message());
  };
  EXPECT_THAT(problem({}), HasSubstr("questions: give 1 to 20"));
  EXPECT_THAT(
      problem({{.type = QuestionType::kText, .wording = " ", .required = false, .options = {}}}),
      HasSubstr("questions[0].wording: is required"));
  EXPECT_THAT(problem({{.type = QuestionType::kRating,
                        .wording = "How?",
                        .required = true,
                        .options = {"a", "b", "c"}}}),
              HasSubstr("questions[0].options: give five labels"));
  EXPECT_THAT(problem({{.type = QuestionType::kChoice,
                        .wording = "Which?",
                        .required = true,
                        .options = {"One"}}}),
              HasSubstr("questions[0].options:"));
  EXPECT_THAT(problem({{.type = QuestionType::kChoice,
                        .wording = "Which?",
                        .required = true,
                        .options = {"One", "one"}}}),
              HasSubstr("questions[0].options: the options must differ"));
  EXPECT_THAT(
      problem(
          {{.type = QuestionType::kYesNo, .wording = "Yes?", .required = true, .options = {"x"}}}),
      HasSubstr("questions[0].options: only ratings and choices have them"));

  const Question rating{.type = QuestionType::kRating,
                        .wording = "How much?",
                        .required = true,
                        .options = {"1", "2", "3", "4", "5"}};
  EXPECT_TRUE(ValidateAnswer(rating, 0, 5, "", false).ok());
  EXPECT_THAT(ValidateAnswer(rating, 2, 6, "", false).status().message(),
              HasSubstr("answers[2].choice: must be 1 to 5"));
  EXPECT_THAT(ValidateAnswer(rating, 0, 0, "", false).status().message(),
              HasSubstr("needs an answer"));
  EXPECT_THAT(ValidateAnswer(rating, 0, 3, "words", false).status().message(),
              HasSubstr("answers[0].text"));
  EXPECT_THAT(ValidateAnswer(rating, 0, 3, "", true).status().message(),
              HasSubstr("only a text answer is shared"));
  Question optional = rating;
  optional.required = false;
  EXPECT_TRUE(ValidateAnswer(optional, 0, 0, "", false).ok());
  const Question yes_no{
      .type = QuestionType::kYesNo, .wording = "Yes?", .required = true, .options = {}};
  EXPECT_TRUE(ValidateAnswer(yes_no, 0, 2, "", false).ok());
  EXPECT_FALSE(ValidateAnswer(yes_no, 0, 3, "", false).ok());
  const Question text{
      .type = QuestionType::kText, .wording = "Say", .required = false, .options = {}};
  EXPECT_EQ(*ValidateAnswer(text, 0, 0, "  fine  ", true), "fine");
  EXPECT_TRUE(ValidateAnswer(text, 0, 0, "", false).ok());
  Question required_text = text;
  required_text.required = true;
  EXPECT_FALSE(ValidateAnswer(required_text, 0, 0, "", false).ok());
  EXPECT_FALSE(
      ValidateAnswer(text, 0, 0, std::string(limits::kAnswerMaxLength + 1, 'a'), false).ok());
}

}  // namespace
}  // namespace tandem::domain
