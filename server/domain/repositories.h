#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/identity.h"

/// Storage interfaces the domain needs. Implementations live in
/// server/storage/<backend>; each method is atomic on its own.
/// Errors: NOT_FOUND for a missing row, ALREADY_EXISTS for a unique clash,
/// UNAVAILABLE when the store cannot be reached, INTERNAL otherwise.
namespace tandem::domain {

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  virtual absl::StatusOr<Organisation> Create(const std::string& name, OrganisationKind kind,
                                              absl::Time now) = 0;
  virtual absl::StatusOr<Organisation> Get(int64_t id) = 0;
  /// All organisations ordered by name.
  virtual absl::StatusOr<std::vector<Organisation>> List() = 0;
};

/// Filters and position for listing accounts, ordered by (display_name, id).
struct AccountQuery {
  std::vector<int64_t> organisation_ids;  // required, non-empty
  std::optional<Role> role;
  std::string text;  // case-insensitive substring of name or email; empty = all
  int limit = 50;
  /// Keyset position: list accounts strictly after this (display_name, id).
  std::optional<std::pair<std::string, int64_t>> after;
};

struct AccountPage {
  std::vector<Account> accounts;
  int total_count = 0;  // matching the filters, ignoring position and limit
};

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  /// Creates the account with its roles and scopes in one transaction.
  virtual absl::StatusOr<Account> Create(const NewAccount& account, absl::Time now) = 0;
  virtual absl::StatusOr<Account> Get(int64_t id) = 0;
  /// Looks up by normalised email; also returns the password hash.
  virtual absl::StatusOr<std::pair<Account, std::string>> GetWithHashByEmail(
      const std::string& email) = 0;
  virtual absl::StatusOr<std::string> GetPasswordHash(int64_t id) = 0;
  virtual absl::StatusOr<AccountPage> List(const AccountQuery& query) = 0;
  /// Replaces roles and coordinator scopes in one transaction.
  virtual absl::StatusOr<Account> SetRoles(int64_t id, const std::vector<Role>& roles,
                                           const std::vector<int64_t>& coordinated) = 0;
  virtual absl::Status SetPassword(int64_t id, const std::string& password_hash,
                                   bool change_required) = 0;
  virtual absl::StatusOr<int64_t> Count() = 0;
};

class AuthSessionRepository {
 public:
  virtual ~AuthSessionRepository() = default;
  virtual absl::Status Create(const AuthSession& session) = 0;
  virtual absl::StatusOr<AuthSession> Get(const std::string& token_hash) = 0;
  /// The session and its account in one read (NOT_FOUND without either):
  /// what every authenticated call costs.
  virtual absl::StatusOr<SessionWithAccount> GetWithAccount(const std::string& token_hash) = 0;
  virtual absl::Status Revoke(const std::string& token_hash, absl::Time now) = 0;
  /// Revokes every live session of the account except `keep_token_hash`.
  virtual absl::Status RevokeOthers(int64_t account_id, const std::string& keep_token_hash,
                                    absl::Time now) = 0;
};

/// Consecutive failed sign-ins per email (known or not), for throttling.
struct SignInAttempts {
  int consecutive_failures = 0;
  absl::Time locked_until = absl::InfinitePast();
};

class SignInAttemptRepository {
 public:
  virtual ~SignInAttemptRepository() = default;
  virtual absl::StatusOr<SignInAttempts> Get(const std::string& email) = 0;
  virtual absl::Status Put(const std::string& email, const SignInAttempts& attempts) = 0;
  virtual absl::Status Clear(const std::string& email) = 0;
};

}  // namespace tandem::domain
