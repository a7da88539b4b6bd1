#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "server/domain/profile.h"

/// The matcher's rules for one pair: hard rules that are never broken, and
/// a score with the plain reasons behind it. Pure: no I/O. (Issue 4 builds
/// requests, suggestions and the batch assignment on these.)
namespace tandem::domain {

/// Someone looking for a coach or mentor, as the matcher sees them.
struct Seeker {
  int64_t account_id = 0;
  SupportKind kind = SupportKind::kCoaching;
  std::vector<std::string> themes;  // taxonomy codes
  std::optional<DeliveryMode> delivery_mode;
  std::string site;      // empty = no preference
  std::string language;  // empty = no preference
  enum class OrganisationPreference { kAny, kOwn, kOther };
  OrganisationPreference organisation_preference = OrganisationPreference::kAny;
  int64_t organisation_id = 0;
  std::string profession;
  int pay_band = 0;  // needed for mentoring: the mentor must be more senior
  /// People the seeker must not be matched with (their line-management
  /// chain, their team).
  std::vector<int64_t> avoid_account_ids;
  absl::Time waiting_since;
};

/// How much each preference counts; a coordinator tunes these. Each is the
/// most that part can add to a pair's score.
struct MatchWeights {
  int themes = 40;
  int delivery_mode = 15;
  int site = 10;
  int language = 10;
  int organisation = 10;
  int profession = 5;
  int spare_capacity = 10;
  /// Added in full after kMaxWaitCounted of waiting, so the batch favours
  /// people who have waited longest.
  int waiting = 10;
};
inline constexpr absl::Duration kMaxWaitCounted = absl::Hours(24 * 60);

struct PairScore {
  int64_t score = 0;
  /// Plain reasons, in order of weight: "2 of your 3 themes", "offers video".
  std::vector<std::string> reasons;
};

/// The first hard rule `candidate` breaks for `seeker` at `now`, in words a
/// coordinator can read ("is full"); nullopt if the pair is allowed.
std::optional<std::string> HardRuleBroken(const Seeker& seeker, const Profile& candidate,
                                          absl::Time now, const ListingSettings& settings);

/// The score of an allowed pair. Higher is better; never negative.
PairScore ScorePair(const Seeker& seeker, const Profile& candidate, const MatchWeights& weights,
                    absl::Time now);

}  // namespace tandem::domain
