#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/concurrency_limiter.h"
#include "server/domain/identity.h"
#include "server/domain/password_hasher.h"
#include "server/domain/repositories.h"
#include "shared/clock.h"

namespace tandem::domain {

struct CreateAccountInput {
  std::string email;
  std::string display_name;
  int64_t organisation_id = 0;
  std::vector<Role> roles;
};

struct CreatedAccount {
  Account account;
  std::string temporary_password;  // shown once, stored only hashed
};

struct ListAccountsInput {
  std::optional<int64_t> organisation_id;
  std::optional<Role> role;
  std::string query;
  int page_size = 0;  // 0 = default
  std::string page_token;
};

struct ListAccountsResult {
  std::vector<Account> accounts;
  std::string next_page_token;
  int total_count = 0;
};

/// What coordinators do with accounts: invite, list, look up, grant roles —
/// always within the organisations they coordinate.
class AccountAdmin {
 public:
  AccountAdmin(AccountRepository& accounts, OrganisationRepository& organisations,
               const PasswordHasher& hasher, ConcurrencyLimiter& hashing_limiter,
               const Clock& clock);

  absl::StatusOr<std::vector<Organisation>> ListOrganisations();
  absl::StatusOr<CreatedAccount> CreateAccount(const Principal& caller,
                                               const CreateAccountInput& input,
                                               absl::Time deadline);
  absl::StatusOr<ListAccountsResult> ListAccounts(const Principal& caller,
                                                  const ListAccountsInput& input);
  absl::StatusOr<Account> GetAccount(const Principal& caller, int64_t account_id);
  absl::StatusOr<Account> SetRoles(const Principal& caller, int64_t account_id,
                                   std::vector<Role> roles);
  /// On an empty store only: creates the first organisation and its
  /// coordinator, with a temporary password to change at first sign-in.
  /// nullopt (and nothing created) when there are accounts already.
  absl::StatusOr<std::optional<CreatedAccount>> BootstrapFirstCoordinator(
      const std::string& organisation_name, const std::string& email);

 private:
  absl::Status CheckCoordinates(const Principal& caller, int64_t organisation_id) const;
  absl::StatusOr<Account> GetInScope(const Principal& caller, int64_t account_id);

  AccountRepository& accounts_;
  OrganisationRepository& organisations_;
  const PasswordHasher& hasher_;
  ConcurrencyLimiter& hashing_limiter_;
  const Clock& clock_;
};

}  // namespace tandem::domain
