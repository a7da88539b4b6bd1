#include "server/domain/goal_due.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "server/domain/profile.h"

namespace tandem::domain {
namespace {

int CadenceMonths(ReviewCadence cadence) {
  switch (cadence) {
    case ReviewCadence::kMonthly:
      return 1;
    case ReviewCadence::kQuarterly:
      return 3;
    case ReviewCadence::kSixMonthly:
      return 6;
    case ReviewCadence::kNone:
      break;
  }
  return 0;
}

// `start` plus `months` calendar months (UTC), at the same time of day.
absl::Time AddMonths(absl::Time start, int months) {
  const absl::CivilSecond at = absl::ToCivilSecond(start, absl::UTCTimeZone());
  const absl::CivilMonth month = absl::CivilMonth(at) + months;
  // The same day of the month, or the month's last day.
  const absl::CivilDay last = absl::CivilDay(month + 1) - 1;
  const absl::CivilDay day = std::min(absl::CivilDay(month.year(), month.month(), at.day()), last);
  return absl::FromCivil(
      absl::CivilSecond(day.year(), day.month(), day.day(), at.hour(), at.minute(), at.second()),
      absl::UTCTimeZone());
}

}  // namespace

std::optional<absl::Time> ActiveSince(const Relationship& r) {
  for (const HistoryEntry& h : r.history) {
    if (h.to_state == RelationshipState::kActive && h.from_state != RelationshipState::kActive) {
      return h.at;
    }
  }
  return std::nullopt;
}

std::optional<absl::Time> EndedAt(const Relationship& r) {
  for (const HistoryEntry& h : r.history) {
    if (h.to_state == RelationshipState::kCompleted ||
        h.to_state == RelationshipState::kEndedEarly) {
      return h.at;
    }
  }
  return std::nullopt;
}

std::optional<ReviewDue> ReviewDueAt(const Relationship& r, const DueFacts& facts, absl::Time now) {
  if (r.state != RelationshipState::kActive) return std::nullopt;
  const std::optional<absl::Time> start = ActiveSince(r);
  if (!start) return std::nullopt;
  std::optional<ReviewDue> latest;
  const auto consider = [&](absl::Time at, ReviewOccasion occasion) {
    if (at > now) return;
    if (!latest || at >= latest->since) latest = ReviewDue{.since = at, .occasion = occasion};
  };
  if (r.kind == SupportKind::kCoaching) {
    std::optional<absl::Time> middle;
    if (r.terms.planned_end_on) {
      const absl::Time end = StartOfDay(*r.terms.planned_end_on);
      if (end > *start) middle = *start + (end - *start) / 2;
    }
    const int half = (r.terms.number_of_sessions + 1) / 2;
    std::vector<absl::Time> held = facts.held_sessions;
    std::sort(held.begin(), held.end());
    if (half > 0 && static_cast<int>(held.size()) >= half) {
      const absl::Time by_sessions = std::max(held[half - 1], *start);
      middle = middle ? std::min(*middle, by_sessions) : by_sessions;
    }
    if (middle) consider(*middle, ReviewOccasion::kMidpoint);
    for (const HistoryEntry& h : r.history) {
      if (absl::StartsWith(h.event, kContractReviewedEvent)) {
        consider(h.at, ReviewOccasion::kContractReview);
      }
    }
  } else if (const int months = CadenceMonths(r.terms.review_cadence); months > 0) {
    absl::Time at = *start;
    for (int k = 1;; ++k) {
      const absl::Time next = AddMonths(*start, k * months);
      if (next > now) break;
      at = next;
    }
    if (at > *start) consider(at, ReviewOccasion::kCadence);
  }
  for (const absl::Time asked : facts.review_requests) consider(asked, ReviewOccasion::kAsked);
  if (!latest) return std::nullopt;
  const bool done = std::any_of(facts.reviews.begin(), facts.reviews.end(),
                                [&](absl::Time at) { return at >= latest->since; });
  if (done) return std::nullopt;
  return latest;
}

std::vector<DueItem> DueFor(Party party, const Relationship& r, const DueFacts& facts,
                            absl::Time now) {
  std::vector<DueItem> out;
  if (party != Party::kCoachee && party != Party::kMember) return out;
  const bool coachee = party == Party::kCoachee;
  DueItem base{.what = DueWhat::kReview,
               .relationship_id = r.id,
               .kind = r.kind,
               .with_name = coachee ? r.member_name : r.coachee_name,
               .since = now,
               .occasion = ReviewOccasion::kAsked,
               .yours = coachee};
  if (r.kind == SupportKind::kCoaching && r.state == RelationshipState::kContracting &&
      facts.open_goals == 0) {
    DueItem item = base;
    item.what = DueWhat::kSetGoals;
    item.since = r.created_at;
    out.push_back(item);
  }
  if (const auto review = ReviewDueAt(r, facts, now)) {
    DueItem item = base;
    item.since = review->since;
    item.occasion = review->occasion;
    out.push_back(item);
  }
  if (const auto ended = EndedAt(r)) {
    if (!(coachee ? facts.coachee_evaluated : facts.member_evaluated)) {
      DueItem item = base;
      item.what = DueWhat::kEvaluation;
      item.since = *ended;
      item.yours = true;
      out.push_back(item);
    }
    const absl::Time follow_up = *ended + absl::Hours(24 * kFollowUpDays);
    if (coachee && !facts.followed_up && follow_up <= now) {
      DueItem item = base;
      item.what = DueWhat::kFollowUp;
      item.since = follow_up;
      out.push_back(item);
    }
  }
  return out;
}

}  // namespace tandem::domain
