#pragma once

#include <string>

#include "server/domain/repositories.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// The columns an account is read from (the accounts table as `a`), and
/// the account they make, from column `first` on: for reads that join an
/// account to something else.
std::string AccountColumns();
domain::Account ReadAccount(const Statement& s, int first = 0);

/// Accounts with their roles and coordinator scopes in SQLite.
class SqliteAccountRepository final : public domain::AccountRepository {
 public:
  explicit SqliteAccountRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::Account> Create(const domain::NewAccount& account,
                                         absl::Time now) override;
  absl::StatusOr<domain::Account> Get(int64_t id) override;
  absl::StatusOr<std::pair<domain::Account, std::string>> GetWithHashByEmail(
      const std::string& email) override;
  absl::StatusOr<std::string> GetPasswordHash(int64_t id) override;
  absl::StatusOr<domain::AccountPage> List(const domain::AccountQuery& query) override;
  absl::StatusOr<domain::Account> SetRoles(int64_t id, const std::vector<domain::Role>& roles,
                                           const std::vector<int64_t>& coordinated) override;
  absl::Status SetPassword(int64_t id, const std::string& password_hash,
                           bool change_required) override;
  absl::StatusOr<int64_t> Count() override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
