#pragma once

#include "absl/status/status.h"
#include "server/domain/evaluation_questions.h"
#include "server/domain/relationship.h"

/// Who may read and write a relationship's goals, reviews and evaluations:
/// the one rule, for every RPC that touches them.
///
/// - Goals, their ratings, reviews and review comments are the two people's
///   only. A coordinator (or a supervisor, or anyone else) never reads any
///   of them: a coordinator gets PERMISSION_DENIED, a stranger NOT_FOUND.
/// - The coachee owns the goals: adds, rewords, achieves and drops them,
///   completes reviews and the follow-up. The coach or mentor comments on
///   reviews. Either asks for a review, and each answers their own
///   evaluation.
/// - An evaluation's answers are read by the person who gave them only; the
///   other sees that it was given. A coachee's free-text answer marked
///   shared reaches the coordinators of the coachee's organisation as text
///   alone (SharedReachesProgramme): no name, relationship or exact date.
namespace tandem::domain {

enum class GoalAction {
  kRead,
  kWriteGoal,  // add, reword, achieve, drop
  kSubmitReview,
  kComment,
  kAskReview,
  kEvaluate,
  kFollowUp,
};

/// OK, or the refusal: NOT_FOUND for a stranger, PERMISSION_DENIED for the
/// wrong party, FAILED_PRECONDITION for a state that does not allow it.
absl::Status MayAct(Party party, GoalAction action, const Relationship& relationship);

/// Whether `viewer` may read the answers of an evaluation by `audience`.
bool MayReadAnswers(Party viewer, Audience audience);

/// Whether an answer reaches the programme's coordinators: a free-text
/// answer by the coachee, marked shared by them.
bool SharedReachesProgramme(Audience audience, QuestionType type, bool shared);

}  // namespace tandem::domain
