#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/domain/profile.h"

/// The matcher's rules for one pair: hard rules that are never broken, and
/// a score with the plain reasons behind it. Pure: no I/O. Profiles are
/// held in a compact form with their words interned, so that scoring every
/// member of a large pool for one person stays fast.
namespace tandem::domain {

/// Interns lower-case keys (sites, languages, professions, specialism
/// codes) as small integers, keeping the first spelling seen for reasons.
class Vocabulary {
 public:
  static constexpr int32_t kNone = -1;     // no value given
  static constexpr int32_t kUnknown = -2;  // a value no profile has
  /// The id of `word` (case-insensitive), adding it if new; kNone if empty.
  int32_t Intern(absl::string_view word);
  /// The id of `word`, kNone if empty, kUnknown if no profile has it.
  int32_t Find(absl::string_view word) const;
  const std::string& Spelling(int32_t id) const { return spellings_[id]; }
  int32_t size() const { return static_cast<int32_t>(spellings_.size()); }

 private:
  absl::flat_hash_map<std::string, int32_t> ids_;
  std::vector<std::string> spellings_;
};

/// The facts about a pool member that the hard rules read.
struct MemberFacts {
  int64_t account_id = 0;
  int64_t organisation_id = 0;
  ProfileKind kind = ProfileKind::kCoach;
  PoolStatus status = PoolStatus::kApplied;
  Availability availability = Availability::kAccepting;
  int capacity = 0;
  int current_load = 0;
  int pay_band = 0;
  absl::Time coaching_listed_until = absl::InfinitePast();
};

/// What the matcher needs of a pool member's profile, as storage reads it.
struct CandidateRow : MemberFacts {
  std::string display_name;  // for showing proposals
  std::string organisation_name;
  std::vector<std::string> specialisms;  // codes
  std::string site;
  std::vector<DeliveryMode> delivery_modes;
  std::vector<std::string> languages;
  std::vector<std::string> professions;
};

/// A candidate with its words interned (see Vocabulary). Scoring a whole
/// pool reads these one after another, so each also carries its words as a
/// 64-bit mask (bit id % 64): exact while the vocabulary has at most 64
/// words, otherwise a filter before the sorted list is read.
struct MatchProfile : MemberFacts {
  uint32_t delivery_modes = 0;  // bit (1 << mode)
  int32_t site = Vocabulary::kNone;
  uint64_t specialism_mask = 0;
  uint64_t language_mask = 0;
  uint64_t profession_mask = 0;
  std::vector<int32_t> specialisms;  // sorted
  std::vector<int32_t> languages;    // sorted
  std::vector<int32_t> professions;  // sorted
};

MatchProfile ToMatchProfile(const CandidateRow& row, Vocabulary& vocabulary);

enum class OrganisationPreference : int { kAny = 0, kOwn = 1, kOther = 2 };

/// Someone looking for a coach or mentor, as the matcher sees them.
struct Seeker {
  int64_t account_id = 0;
  SupportKind kind = SupportKind::kCoaching;
  std::vector<std::string> themes;  // taxonomy codes
  std::optional<DeliveryMode> delivery_mode;
  std::string site;      // empty = no preference
  std::string language;  // empty = no preference
  OrganisationPreference organisation_preference = OrganisationPreference::kAny;
  int64_t organisation_id = 0;
  std::string profession;
  int pay_band = 0;  // needed for mentoring: the mentor must be more senior
  /// People the seeker must not be matched with: their avoid list, and
  /// members who have already declined or let this request lapse.
  std::vector<int64_t> avoid_account_ids;
  absl::Time waiting_since;
};

/// A seeker with their words looked up in a Vocabulary.
struct PreparedSeeker {
  Seeker seeker;
  /// The vocabulary fits the masks: they alone decide (see MatchProfile).
  bool exact_masks = false;
  std::vector<int32_t> themes;  // kUnknown for a theme no profile has
  int32_t site = Vocabulary::kNone;
  int32_t language = Vocabulary::kNone;
  int32_t profession = Vocabulary::kNone;
};

PreparedSeeker Prepare(Seeker seeker, const Vocabulary& vocabulary);

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

/// The most any pair can score under `weights`: the sum of the weights, as
/// no part of a score ever adds more than its weight. A pair's score over
/// this is how good the fit is.
int64_t MaxScore(const MatchWeights& weights);

/// Who reads a pair's reasons, and so whose voice they are in: the seeker
/// reads about themselves ("2 of your 3 themes"), a coordinator about the
/// seeker ("2 of their 3 themes"). Only the words change, never the points.
enum class ReasonsFor { kSeeker, kCoordinator };

struct PairScore {
  int64_t score = 0;
  /// MaxScore of the weights that gave `score`.
  int64_t max_score = 0;
  /// Plain reasons, in order of weight, in the voice of ReasonsFor: "2 of
  /// your 3 themes" (or "2 of their 3 themes"), "offers video".
  std::vector<std::string> reasons;
};

/// The first rule of the member's listing that `member` breaks for any
/// request of `kind` at `now`: offering that kind, approved, and (coaching)
/// listed as a coach. In words a person can read; nullptr if none.
const char* ListingRuleBroken(SupportKind kind, const MemberFacts& member, absl::Time now);
/// "is not accepting requests" or "is full" if `member` has no place to
/// offer; nullptr if they have.
const char* PlaceRuleBroken(const MemberFacts& member);

/// The first hard rule `candidate` breaks for `seeker` at `now`, in words a
/// person can read ("is full"); nullptr if the pair is allowed. The rules of
/// the member alone are ListingRuleBroken and PlaceRuleBroken.
const char* HardRuleBroken(const PreparedSeeker& seeker, const MatchProfile& candidate,
                           absl::Time now);

/// The score of an allowed pair. Higher is better; never negative.
int64_t ScorePoints(const PreparedSeeker& seeker, const MatchProfile& candidate,
                    const MatchWeights& weights, absl::Time now);
/// The same score with its reasons worded for `audience` (slower: only for
/// pairs shown).
PairScore ScorePair(const PreparedSeeker& seeker, const MatchProfile& candidate,
                    const MatchWeights& weights, absl::Time now, const Vocabulary& vocabulary,
                    ReasonsFor audience);

}  // namespace tandem::domain
