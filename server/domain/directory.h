#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/domain/identity.h"
#include "server/domain/profile.h"
#include "server/domain/profile_repository.h"
#include "server/domain/repositories.h"
#include "server/domain/request.h"
#include "shared/clock.h"

namespace tandem::domain {

/// A profile as one viewer may see it. Private fields are already blanked
/// when `full_access` is false.
struct ProfileView {
  Profile profile;
  Listing listing;
  bool accepting = false;
  /// The owner or a coordinator of the member's organisation.
  bool full_access = false;
  /// The viewer's pay band is known and the member's is higher.
  bool more_senior_than_you = false;
  /// How quickly the member usually answers requests; nullopt if never.
  std::optional<absl::Duration> usual_answer;
};

enum class OrganisationScope { kAny, kMine, kOthers };

struct SearchInput {
  std::string query;
  std::optional<SupportKind> kind;
  std::vector<std::string> specialisms;
  std::vector<std::string> professions;
  OrganisationScope organisation_scope = OrganisationScope::kAny;
  std::optional<int64_t> organisation_id;
  std::string site;
  std::optional<DeliveryMode> delivery_mode;
  std::string language;
  bool accepting_only = false;
  bool include_unlisted = false;
  int page_size = 0;
  std::string page_token;
};

struct ProfileList {
  std::vector<ProfileView> profiles;
  std::string next_page_token;
  int total_count = 0;
};

/// A qualification as its holder adds it.
struct QualificationInput {
  /// Required.
  std::optional<QualificationType> type;
  std::string title;
  std::string awarded_on;
  std::string expires_on;
  std::string evidence;
};

/// The unvalidated fields of SaveMyProfile, as sent.
struct ProfileInput {
  /// Required.
  std::optional<ProfileKind> kind;
  std::string headline;
  std::string bio;
  std::vector<std::string> specialisms;
  std::vector<std::string> tags;
  std::vector<std::string> professions;
  std::string site;
  std::vector<DeliveryMode> delivery_modes;
  std::vector<std::string> languages;
  /// Required.
  std::optional<Availability> availability;
  int capacity = 0;
  std::string last_supervision_on;
  /// Ranks, not codes: 0 (none) to kMaxTrainingLevel, and 0 or
  /// kMinPayBand..kMaxPayBand by seniority.
  int training_level = 0;
  int pay_band = 0;
  int years_experience = 0;
};

/// The directory: profiles, the pool's life cycle, and search.
class Directory {
 public:
  Directory(ProfileRepository& profiles, AccountRepository& accounts, RequestRepository& requests,
            const Clock& clock, ListingSettings settings);

  absl::StatusOr<std::vector<Specialism>> ListSpecialisms();
  absl::StatusOr<Specialism> CreateSpecialism(const Principal& caller, const std::string& label);

  absl::StatusOr<ProfileList> Search(const Principal& caller, const SearchInput& input);
  absl::StatusOr<ProfileView> GetProfile(const Principal& caller, int64_t account_id);

  absl::StatusOr<ProfileView> GetMine(const Principal& caller);
  absl::StatusOr<ProfileView> SaveMine(const Principal& caller, const ProfileInput& input);
  absl::StatusOr<ProfileView> AddQualification(const Principal& caller,
                                               const QualificationInput& input);
  absl::StatusOr<ProfileView> DeleteQualification(const Principal& caller,
                                                  int64_t qualification_id);

  absl::StatusOr<ProfileList> ListPool(const Principal& caller, std::optional<PoolStatus> status,
                                       bool lapsed_only, int page_size,
                                       const std::string& page_token);
  /// Approving also grants the coach and/or mentor role the profile offers.
  absl::StatusOr<ProfileView> ReviewApplication(const Principal& caller, int64_t account_id,
                                                bool approve, const std::string& decline_reason);
  absl::StatusOr<ProfileView> SetPoolStatus(const Principal& caller, int64_t account_id,
                                            std::optional<PoolStatus> status);
  absl::StatusOr<ProfileView> VerifyQualification(const Principal& caller, int64_t qualification_id,
                                                  bool verified);

 private:
  ProfileView View(const Principal& caller, Profile profile) const;
  /// View plus what requests tell about the member (for people looking).
  absl::StatusOr<ProfileView> ViewWithRequestFacts(const Principal& caller, Profile profile,
                                                   int viewer_band) const;
  /// Applies `change` to a member's profile as a coordinator of their
  /// organisation, keeping derived fields right.
  absl::StatusOr<ProfileView> UpdateAsCoordinator(
      const Principal& caller, int64_t account_id,
      const std::function<absl::Status(Profile&)>& change);
  absl::StatusOr<ProfileView> UpdateOwn(const Principal& caller, bool create,
                                        const std::function<absl::Status(Profile&, bool)>& change);

  ProfileRepository& profiles_;
  AccountRepository& accounts_;
  RequestRepository& requests_;
  const Clock& clock_;
  ListingSettings settings_;
};

/// Validates and normalises what a member says about themselves.
absl::StatusOr<ProfileDetails> ValidateProfileInput(const ProfileInput& input,
                                                    const std::vector<Specialism>& taxonomy,
                                                    absl::CivilDay today);
/// Splits free text into at most kMaxSearchTerms lower-case words.
std::vector<std::string> SearchTerms(const std::string& text);

}  // namespace tandem::domain
