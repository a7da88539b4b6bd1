#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

/// Pool members' profiles and the rules that decide whether they are listed.
namespace tandem::domain {

/// The numbers are those stored in the database; server/api maps them to
/// and from the API's enums (and asserts that the numbers agree).
enum class ProfileKind : int { kCoach = 1, kMentor = 2, kCoachAndMentor = 3 };
enum class SupportKind : int { kCoaching = 1, kMentoring = 2 };
enum class PoolStatus : int {
  kApplied = 1,
  kApproved = 2,
  kDeclined = 3,
  kPaused = 4,
  kRemoved = 5
};
enum class Availability : int { kAccepting = 1, kFull = 2, kOnLeave = 3 };
enum class DeliveryMode : int { kInPerson = 1, kVideo = 2, kPhone = 3 };
enum class QualificationType : int {
  kIlmLevel5 = 1,
  kIlmLevel7 = 2,
  kEmccFoundation = 3,
  kEmccPractitioner = 4,
  kEmccSeniorPractitioner = 5,
  kEmccMasterPractitioner = 6,
  kIcfAcc = 7,
  kIcfPcc = 8,
  kIcfMcc = 9,
  kMentoring = 10,
  kOtherCoaching = 11,
};
inline constexpr int kMaxQualificationType = 11;
inline constexpr int kMaxTrainingLevel = 3;
inline constexpr int kMinPayBand = 2;
inline constexpr int kMaxPayBand = 13;

bool OffersCoaching(ProfileKind kind);
bool OffersMentoring(ProfileKind kind);
/// True for the qualifications that count towards coaching.
bool IsCoachingQualification(QualificationType type);

struct Qualification {
  int64_t id = 0;
  int64_t account_id = 0;
  QualificationType type = QualificationType::kOtherCoaching;
  std::string title;
  absl::CivilDay awarded_on;
  std::optional<absl::CivilDay> expires_on;
  std::string evidence;
  std::optional<absl::CivilDay> verified_on;
  int64_t verified_by = 0;
};

/// What the member says about themselves (everything they can edit).
struct ProfileDetails {
  ProfileKind kind = ProfileKind::kCoach;
  std::string headline;
  std::string bio;
  std::vector<std::string> specialisms;  // taxonomy codes, sorted, unique
  std::vector<std::string> tags;
  std::vector<std::string> professions;
  std::string site;
  std::vector<DeliveryMode> delivery_modes;  // sorted, unique
  std::vector<std::string> languages;
  Availability availability = Availability::kAccepting;
  int capacity = 1;
  std::optional<absl::CivilDay> last_supervision_on;
  int training_level = 0;  // 0 = none
  int pay_band = 0;        // 0 = not given
  int years_experience = 0;
};

/// A stored profile.
struct Profile {
  int64_t account_id = 0;
  std::string display_name;
  std::string email;
  int64_t organisation_id = 0;
  std::string organisation_name;
  ProfileDetails details;
  PoolStatus status = PoolStatus::kApplied;
  std::string decline_reason;
  int current_load = 0;
  std::vector<Qualification> qualifications;
  absl::Time last_active_at;
  absl::Time created_at;
  absl::Time updated_at;
  /// Until when the coaching side stays listed (derived; see ComputeListing).
  absl::Time coaching_listed_until = absl::InfinitePast();
};

/// Programme settings that listing depends on.
struct ListingSettings {
  /// Supervision older than this unlists a coach (default 3 months).
  absl::Duration supervision_limit = absl::Hours(24 * 92);
};

/// Whether and why a profile is listed at a given time.
struct Listing {
  bool coaching = false;   // listed as a coach
  bool mentoring = false;  // listed as a mentor
  bool listed() const { return coaching || mentoring; }
  /// For an approved profile that is not (fully) listed: why, in words.
  std::vector<std::string> reasons;
};

/// Until when the coaching side of `profile` is listable, ignoring status:
/// the earlier of the supervision lapse and the latest expiry of a verified
/// coaching qualification. InfinitePast when it never is.
absl::Time CoachingListedUntil(const Profile& profile, const ListingSettings& settings);
/// The listing rules of directory.proto, at time `now`. Uses the stored
/// `coaching_listed_until` (kept equal to CoachingListedUntil by every write)
/// for the decision, and the qualifications for the reasons.
Listing ComputeListing(const Profile& profile, absl::Time now, const ListingSettings& settings);
/// Listed, available and below capacity.
bool IsAccepting(const Profile& profile, const Listing& listing);

/// Dates are exchanged as "YYYY-MM-DD".
std::string FormatDay(absl::CivilDay day);
/// Parses "YYYY-MM-DD"; nullopt for anything else (including "2026-02-30").
std::optional<absl::CivilDay> ParseDay(const std::string& text);
absl::CivilDay ToDay(absl::Time time);
absl::Time StartOfDay(absl::CivilDay day);

}  // namespace tandem::domain
