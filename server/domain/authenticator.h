#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/domain/concurrency_limiter.h"
#include "server/domain/identity.h"
#include "server/domain/password_hasher.h"
#include "server/domain/repositories.h"
#include "shared/clock.h"

namespace tandem::domain {

struct AuthSettings {
  /// How long a sign-in token works.
  absl::Duration session_ttl = absl::Hours(12);
  /// Failed sign-ins for one email before it is locked for a while.
  int free_attempts = 5;
  /// First lock-out; doubles with each further failure up to max_lockout.
  absl::Duration first_lockout = absl::Seconds(30);
  absl::Duration max_lockout = absl::Minutes(15);
};

struct SignInResult {
  std::string token;
  absl::Time expires_at;
  Account account;
  Organisation organisation;
};

/// Sign-in, sign-out, token checks and password changes.
class Authenticator {
 public:
  Authenticator(AccountRepository& accounts, OrganisationRepository& organisations,
                AuthSessionRepository& sessions, SignInAttemptRepository& attempts,
                const PasswordHasher& hasher, ConcurrencyLimiter& hashing_limiter,
                const Clock& clock, AuthSettings settings);

  /// UNAUTHENTICATED for a wrong email or password (without saying which),
  /// RESOURCE_EXHAUSTED while the email is locked out or the server is busy.
  absl::StatusOr<SignInResult> SignIn(absl::string_view email, absl::string_view password,
                                      absl::Time deadline);
  /// The caller behind a bearer token; UNAUTHENTICATED if it is malformed,
  /// unknown, expired or revoked.
  absl::StatusOr<Principal> Authenticate(absl::string_view token);
  absl::Status SignOut(const Principal& caller);
  /// Checks the current password, stores the new one and revokes the
  /// account's other sessions.
  absl::Status ChangePassword(const Principal& caller, absl::string_view current_password,
                              absl::string_view new_password, absl::Time deadline);

 private:
  /// The email's failure count, or RESOURCE_EXHAUSTED while it is locked.
  absl::StatusOr<SignInAttempts> CheckNotLockedOut(const std::string& email, absl::Time now);
  absl::Status RecordFailure(const std::string& email, SignInAttempts attempts, absl::Time now);
  const std::string& DummyHash();

  AccountRepository& accounts_;
  OrganisationRepository& organisations_;
  AuthSessionRepository& sessions_;
  SignInAttemptRepository& attempts_;
  const PasswordHasher& hasher_;
  ConcurrencyLimiter& hashing_limiter_;
  const Clock& clock_;
  AuthSettings settings_;
};

}  // namespace tandem::domain
