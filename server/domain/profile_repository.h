#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/profile.h"

namespace tandem::domain {

struct Specialism {
  std::string code;
  std::string label;
};

/// Keyset position in search results, ordered by (score desc, spare desc,
/// account_id asc).
struct SearchCursor {
  int64_t score = 0;
  int64_t spare = 0;
  int64_t account_id = 0;
};

/// A search over profiles. Text terms match as prefixes; every filter left
/// empty matches everything.
struct ProfileSearch {
  std::vector<std::string> text_terms;  // lower-case words, no operators
  std::optional<SupportKind> kind;
  std::vector<std::string> specialisms;
  std::vector<std::string> professions;  // lower-case
  std::vector<int64_t> organisations_in;
  std::vector<int64_t> organisations_not_in;
  std::string site;      // lower-case; exact
  std::string language;  // lower-case; exact
  std::optional<DeliveryMode> delivery_mode;
  bool accepting_only = false;
  /// Listed profiles at `now` are always included; unlisted ones only from
  /// these organisations (a coordinator's own).
  absl::Time now;
  std::vector<int64_t> unlisted_from;
  int limit = 20;
  std::optional<SearchCursor> after;
  /// Whether to count all matches (first pages); when false the page may
  /// come back with total_count -1.
  bool count_total = true;
};

struct ScoredProfile {
  Profile profile;
  SearchCursor position;
};

struct ProfilePage {
  std::vector<ScoredProfile> profiles;
  int total_count = 0;  // -1 when not counted
};

/// The coordinator's pool table, ordered by (display_name, account_id).
struct PoolQuery {
  std::vector<int64_t> organisation_ids;  // required
  std::optional<PoolStatus> status;
  /// Only approved coaches whose coaching listing has lapsed at `now`.
  bool lapsed_only = false;
  absl::Time now;
  int limit = 50;
  std::optional<std::pair<std::string, int64_t>> after;
};

/// Profiles, qualifications and the specialism taxonomy.
class ProfileRepository {
 public:
  virtual ~ProfileRepository() = default;

  /// NOT_FOUND if the account has no profile.
  virtual absl::StatusOr<Profile> Get(int64_t account_id) = 0;
  /// Reads the profile (or, with `create_if_missing`, a blank one for the
  /// account), lets `change` edit it, and writes it back — all in one
  /// transaction. Qualifications with id 0 are added; ones no longer in the
  /// list are deleted. `change` gets `existed` to tell a new profile.
  virtual absl::StatusOr<Profile> Update(
      int64_t account_id, bool create_if_missing,
      const std::function<absl::Status(Profile& profile, bool existed)>& change,
      absl::Time now) = 0;
  /// The account owning a qualification; NOT_FOUND if none.
  virtual absl::StatusOr<int64_t> QualificationOwner(int64_t qualification_id) = 0;

  virtual absl::StatusOr<ProfilePage> Search(const ProfileSearch& search) = 0;
  virtual absl::StatusOr<ProfilePage> ListPool(const PoolQuery& query) = 0;

  virtual absl::StatusOr<std::vector<Specialism>> ListSpecialisms() = 0;
  /// ALREADY_EXISTS if the code is taken.
  virtual absl::Status CreateSpecialism(const Specialism& specialism) = 0;
};

}  // namespace tandem::domain
