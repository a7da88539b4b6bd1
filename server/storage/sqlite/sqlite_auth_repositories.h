#pragma once

#include "server/domain/repositories.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Sign-in sessions (token hashes) in SQLite.
class SqliteAuthSessionRepository final : public domain::AuthSessionRepository {
 public:
  explicit SqliteAuthSessionRepository(Database& db) : db_(db) {}
  absl::Status Create(const domain::AuthSession& session) override;
  absl::StatusOr<domain::AuthSession> Get(const std::string& token_hash) override;
  absl::StatusOr<domain::SessionWithAccount> GetWithAccount(const std::string& token_hash) override;
  absl::Status Revoke(const std::string& token_hash, absl::Time now) override;
  absl::Status RevokeOthers(int64_t account_id, const std::string& keep_token_hash,
                            absl::Time now) override;

 private:
  Database& db_;
};

/// Failed sign-in counters in SQLite.
class SqliteSignInAttemptRepository final : public domain::SignInAttemptRepository {
 public:
  explicit SqliteSignInAttemptRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::SignInAttempts> Get(const std::string& email) override;
  absl::Status Put(const std::string& email, const domain::SignInAttempts& attempts) override;
  absl::Status Clear(const std::string& email) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
