#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "server/domain/relationship.h"

/// When goal reviews, evaluations and follow-ups are due: the one place.
///
/// - Coaching, contracting, with no open goal: the coachee sets goals (goals
///   are set in the first session; the contract cannot be agreed without).
/// - A review, while the relationship is active, is due from the latest of
///   these moments that has passed, until a review is completed after it:
///     coaching: the middle of the contract (half the contracted sessions
///     held, or half-way from the start to the planned end, whichever comes
///     first) and every review of the contract;
///     mentoring: every interval of the review cadence since the start;
///     either: whenever one of the two people asked for one.
///   It is the coachee's to complete; the coach or mentor sees it waiting.
/// - The evaluation, once the relationship has completed or ended early, for
///   each person until they answer (it can be answered late).
/// - The follow-up, kFollowUpDays after the end, for the coachee until done.
namespace tandem::domain {

inline constexpr int kFollowUpDays = 182;

/// Stored by these numbers; server/api maps them to the API's enums.
enum class ReviewOccasion : int { kMidpoint = 1, kContractReview, kCadence, kAsked };
enum class DueWhat : int { kSetGoals = 1, kReview, kEvaluation, kFollowUp };

struct DueItem {
  DueWhat what = DueWhat::kReview;
  int64_t relationship_id = 0;
  SupportKind kind = SupportKind::kCoaching;
  std::string with_name;
  absl::Time since;
  ReviewOccasion occasion = ReviewOccasion::kAsked;
  bool yours = false;
};

/// What the rules need to know besides the relationship.
struct DueFacts {
  std::vector<absl::Time> held_sessions;    // when each held session started
  std::vector<absl::Time> reviews;          // when each review was completed
  std::vector<absl::Time> review_requests;  // when each was asked for
  int open_goals = 0;
  bool coachee_evaluated = false;
  bool member_evaluated = false;
  bool followed_up = false;
};

/// When the relationship became active, if it did.
std::optional<absl::Time> ActiveSince(const Relationship& relationship);
/// When it completed or ended early, if it has.
std::optional<absl::Time> EndedAt(const Relationship& relationship);

struct ReviewDue {
  absl::Time since;
  ReviewOccasion occasion = ReviewOccasion::kAsked;
};
/// The review due at `now`, if one is.
std::optional<ReviewDue> ReviewDueAt(const Relationship& relationship, const DueFacts& facts,
                                     absl::Time now);

/// What is due at `now` on `relationship`, as `party` (coachee or member)
/// sees it: their own evaluation and follow-up only, and reviews and goals
/// to set for both (`yours` for the coachee).
std::vector<DueItem> DueFor(Party party, const Relationship& relationship, const DueFacts& facts,
                            absl::Time now);

}  // namespace tandem::domain
