#include "server/domain/goal_access.h"

#include "absl/strings/str_cat.h"

namespace tandem::domain {
namespace {

const char* MemberWord(const Relationship& r) {
  return r.kind == SupportKind::kCoaching ? "coach" : "mentor";
}

bool Ended(const Relationship& r) {
  return r.state == RelationshipState::kCompleted || r.state == RelationshipState::kEndedEarly;
}

}  // namespace

absl::Status MayAct(Party party, GoalAction action, const Relationship& r) {
  if (party == Party::kStranger) return absl::NotFoundError("No such relationship.");
  if (party == Party::kCoordinator) {
    return absl::PermissionDeniedError(
        "Goals, reviews and evaluations are between the two people in the relationship.");
  }
  const bool coachee = party == Party::kCoachee;
  switch (action) {
    case GoalAction::kRead:
      return absl::OkStatus();
    case GoalAction::kWriteGoal:
      if (!coachee) return absl::PermissionDeniedError("Only the coachee sets and changes goals.");
      if (!r.open()) return absl::FailedPreconditionError("This relationship has ended.");
      return absl::OkStatus();
    case GoalAction::kSubmitReview:
      if (!coachee) {
        return absl::PermissionDeniedError(absl::StrCat("The coachee completes the review; the ",
                                                        MemberWord(r), " can comment on it."));
      }
      [[fallthrough]];
    case GoalAction::kAskReview:
      if (r.state != RelationshipState::kActive) {
        return absl::FailedPreconditionError(
            "Goals are reviewed while the relationship is active.");
      }
      return absl::OkStatus();
    case GoalAction::kComment:
      if (coachee) {
        return absl::PermissionDeniedError(
            absl::StrCat("Only the ", MemberWord(r), " comments on a review."));
      }
      return absl::OkStatus();
    case GoalAction::kEvaluate:
      if (!Ended(r)) {
        return absl::FailedPreconditionError(
            "The evaluation opens when the relationship completes or ends.");
      }
      return absl::OkStatus();
    case GoalAction::kFollowUp:
      if (!coachee) return absl::PermissionDeniedError("Only the coachee answers the follow-up.");
      if (!Ended(r)) {
        return absl::FailedPreconditionError("The follow-up comes after the relationship ends.");
      }
      return absl::OkStatus();
  }
  return absl::PermissionDeniedError("Not allowed.");
}

bool MayReadAnswers(Party viewer, Audience audience) {
  return (viewer == Party::kCoachee && audience == Audience::kCoachee) ||
         (viewer == Party::kMember && audience == Audience::kMember);
}

bool SharedReachesProgramme(Audience audience, QuestionType type, bool shared) {
  return audience == Audience::kCoachee && type == QuestionType::kText && shared;
}

}  // namespace tandem::domain
