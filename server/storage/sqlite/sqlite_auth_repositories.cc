#include "server/storage/sqlite/sqlite_auth_repositories.h"

#include "absl/strings/str_cat.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "shared/status_macros.h"

namespace tandem::storage {

absl::Status SqliteAuthSessionRepository::Create(const domain::AuthSession& session) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("INSERT INTO auth_sessions (token_hash, account_id, created_at, "
                               "expires_at) VALUES (?, ?, ?, ?)"));
    s.Bind(1, session.token_hash)
        .Bind(2, session.account_id)
        .Bind(3, absl::ToUnixSeconds(session.created_at))
        .Bind(4, absl::ToUnixSeconds(session.expires_at));
    return s.Run();
  });
}

absl::StatusOr<domain::AuthSession> SqliteAuthSessionRepository::Get(
    const std::string& token_hash) {
  domain::AuthSession found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT token_hash, account_id, created_at, expires_at, revoked_at "
                               "FROM auth_sessions WHERE token_hash = ?"));
    s.Bind(1, token_hash);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::NotFoundError("No such session.");
    found.token_hash = s.Text(0);
    found.account_id = s.Int(1);
    found.created_at = absl::FromUnixSeconds(s.Int(2));
    found.expires_at = absl::FromUnixSeconds(s.Int(3));
    if (!s.IsNull(4)) found.revoked_at = absl::FromUnixSeconds(s.Int(4));
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<domain::SessionWithAccount> SqliteAuthSessionRepository::GetWithAccount(
    const std::string& token_hash) {
  // Once: built from the account's columns, the same for every call.
  static const std::string kSql = absl::StrCat(
      "SELECT t.account_id, t.created_at, t.expires_at, t.revoked_at, ", AccountColumns(),
      " FROM auth_sessions t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = ?");
  domain::SessionWithAccount found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(kSql));
    s.Bind(1, token_hash);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::NotFoundError("No such session.");
    found.session.token_hash = token_hash;
    found.session.account_id = s.Int(0);
    found.session.created_at = absl::FromUnixSeconds(s.Int(1));
    found.session.expires_at = absl::FromUnixSeconds(s.Int(2));
    if (!s.IsNull(3)) found.session.revoked_at = absl::FromUnixSeconds(s.Int(3));
    found.account = ReadAccount(s, 4);
    return absl::OkStatus();
  }));
  return found;
}

absl::Status SqliteAuthSessionRepository::Revoke(const std::string& token_hash, absl::Time now) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("UPDATE auth_sessions SET revoked_at = ? "
                                            "WHERE token_hash = ? AND revoked_at IS NULL"));
    s.Bind(1, absl::ToUnixSeconds(now)).Bind(2, token_hash);
    return s.Run();
  });
}

absl::Status SqliteAuthSessionRepository::RevokeOthers(int64_t account_id,
                                                       const std::string& keep_token_hash,
                                                       absl::Time now) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("UPDATE auth_sessions SET revoked_at = ? WHERE account_id = ? "
                               "AND token_hash <> ? AND revoked_at IS NULL"));
    s.Bind(1, absl::ToUnixSeconds(now)).Bind(2, account_id).Bind(3, keep_token_hash);
    return s.Run();
  });
}

absl::StatusOr<domain::SignInAttempts> SqliteSignInAttemptRepository::Get(
    const std::string& email) {
  domain::SignInAttempts found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT consecutive_failures, locked_until "
                                            "FROM sign_in_attempts WHERE email = ?"));
    s.Bind(1, email);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) {
      found.consecutive_failures = static_cast<int>(s.Int(0));
      found.locked_until = absl::FromUnixSeconds(s.Int(1));
    }
    return absl::OkStatus();
  }));
  return found;
}

absl::Status SqliteSignInAttemptRepository::Put(const std::string& email,
                                                const domain::SignInAttempts& attempts) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("INSERT INTO sign_in_attempts (email, consecutive_failures, "
                               "locked_until) VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET "
                               "consecutive_failures = excluded.consecutive_failures, "
                               "locked_until = excluded.locked_until"));
    const int64_t locked_until = attempts.locked_until == absl::InfinitePast()
                                     ? 0
                                     : absl::ToUnixSeconds(attempts.locked_until);
    s.Bind(1, email).Bind(2, int64_t{attempts.consecutive_failures}).Bind(3, locked_until);
    return s.Run();
  });
}

absl::Status SqliteSignInAttemptRepository::Clear(const std::string& email) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("DELETE FROM sign_in_attempts WHERE email = ?"));
    s.Bind(1, email);
    return s.Run();
  });
}

}  // namespace tandem::storage
