#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

/// Entities of identity and access: organisations, accounts, roles, and the
/// authenticated caller.
namespace tandem::domain {

/// A role a person holds (stored by these numbers; mapped in server/api).
enum class Role : int {
  kCoachee = 1,
  kCoach = 2,
  kMentor = 3,
  kCoordinator = 4,
  kSupervisor = 5,
};
inline constexpr int kMinRole = 1;
inline constexpr int kMaxRole = 5;

/// Human name of a role ("coordinator"), for messages.
const char* RoleName(Role role);

/// Kind of organisation (stored by these numbers; mapped in server/api).
enum class OrganisationKind : int {
  kNhsTrust = 1,
  kLocalAuthority = 2,
  kCareProvider = 3,
  kPrimaryCare = 4,
  kOther = 5,
};

struct Organisation {
  int64_t id = 0;
  std::string name;
  OrganisationKind kind = OrganisationKind::kOther;
};

/// A person's account as stored, without secrets.
struct Account {
  int64_t id = 0;
  std::string email;  // normalised: trimmed, lower-case
  std::string display_name;
  int64_t organisation_id = 0;
  std::vector<Role> roles;                            // sorted, unique
  std::vector<int64_t> coordinated_organisation_ids;  // sorted, unique
  bool password_change_required = false;
  absl::Time created_at;

  bool HasRole(Role role) const;
};

/// What is needed to create an account.
struct NewAccount {
  std::string email;
  std::string display_name;
  int64_t organisation_id = 0;
  std::vector<Role> roles;
  std::vector<int64_t> coordinated_organisation_ids;
  std::string password_hash;
  bool password_change_required = true;
};

/// A stored sign-in session; the token itself is never stored.
struct AuthSession {
  std::string token_hash;
  int64_t account_id = 0;
  absl::Time created_at;
  absl::Time expires_at;
  std::optional<absl::Time> revoked_at;
};

/// A sign-in session and its account, as every call checks them.
struct SessionWithAccount {
  AuthSession session;
  Account account;
};

/// The authenticated caller of an RPC.
struct Principal {
  Account account;
  std::string token_hash;  // of the token the call was made with

  int64_t id() const { return account.id; }
  bool HasRole(Role role) const { return account.HasRole(role); }
  /// True if the caller is a coordinator of `organisation_id`.
  bool Coordinates(int64_t organisation_id) const;
};

/// Sorts and de-duplicates roles.
std::vector<Role> NormaliseRoles(std::vector<Role> roles);

}  // namespace tandem::domain
