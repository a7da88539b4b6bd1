#include "server/domain/authenticator.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "server/domain/tokens.h"
#include "server/domain/validation.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

constexpr char kWrongCredentials[] = "Email or password is incorrect.";

absl::Status InvalidToken() {
  return absl::UnauthenticatedError("Your session is not valid. Please sign in again.");
}

}  // namespace

Authenticator::Authenticator(AccountRepository& accounts, OrganisationRepository& organisations,
                             AuthSessionRepository& sessions, SignInAttemptRepository& attempts,
                             const PasswordHasher& hasher, ConcurrencyLimiter& hashing_limiter,
                             const Clock& clock, AuthSettings settings)
    : accounts_(accounts),
      organisations_(organisations),
      sessions_(sessions),
      attempts_(attempts),
      hasher_(hasher),
      hashing_limiter_(hashing_limiter),
      clock_(clock),
      settings_(settings) {}

const std::string& Authenticator::DummyHash() {
  // Verifying against this when the email is unknown makes a wrong email
  // take as long as a wrong password, so timing does not reveal accounts.
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [this] { hash = hasher_.Hash(GenerateToken()).value_or(""); });
  return hash;
}

absl::StatusOr<SignInAttempts> Authenticator::CheckNotLockedOut(const std::string& email,
                                                                absl::Time now) {
  ASSIGN_OR_RETURN(const SignInAttempts attempts, attempts_.Get(email));
  if (attempts.locked_until <= now) return attempts;
  const int64_t minutes = std::max<int64_t>(
      1, static_cast<int64_t>(std::ceil(absl::ToDoubleMinutes(attempts.locked_until - now))));
  return absl::ResourceExhaustedError(
      absl::StrCat("Too many failed sign-in attempts for this email. Try again in ", minutes,
                   minutes == 1 ? " minute." : " minutes."));
}

absl::Status Authenticator::RecordFailure(const std::string& email, SignInAttempts attempts,
                                          absl::Time now) {
  ++attempts.consecutive_failures;
  const int over = attempts.consecutive_failures - settings_.free_attempts;
  if (over >= 0) {
    absl::Duration lockout = settings_.first_lockout;
    for (int i = 0; i < over && lockout < settings_.max_lockout; ++i) lockout *= 2;
    attempts.locked_until = now + std::min(lockout, settings_.max_lockout);
  }
  return attempts_.Put(email, attempts);
}

absl::StatusOr<SignInResult> Authenticator::SignIn(absl::string_view email,
                                                   absl::string_view password,
                                                   absl::Time deadline) {
  ASSIGN_OR_RETURN(const std::string normalised, NormaliseEmail(email, "email"));
  RETURN_IF_ERROR(ValidatePasswordPresent(password, "password"));
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(const SignInAttempts attempts, CheckNotLockedOut(normalised, now));

  auto found = accounts_.GetWithHashByEmail(normalised);
  if (!found.ok() && !absl::IsNotFound(found.status())) return found.status();
  const std::string& hash = found.ok() ? found->second : DummyHash();
  ASSIGN_OR_RETURN(const bool matches,
                   hashing_limiter_.Run(deadline, [&]() -> absl::StatusOr<bool> {
                     return hasher_.Verify(hash, password);
                   }));
  if (!found.ok() || !matches) {
    RETURN_IF_ERROR(RecordFailure(normalised, attempts, now));
    return absl::UnauthenticatedError(kWrongCredentials);
  }
  if (attempts.consecutive_failures > 0) RETURN_IF_ERROR(attempts_.Clear(normalised));

  SignInResult result;
  result.account = std::move(found->first);
  ASSIGN_OR_RETURN(result.organisation, organisations_.Get(result.account.organisation_id));
  result.token = GenerateToken();
  result.expires_at = now + settings_.session_ttl;
  RETURN_IF_ERROR(sessions_.Create(AuthSession{.token_hash = HashToken(result.token),
                                               .account_id = result.account.id,
                                               .created_at = now,
                                               .expires_at = result.expires_at,
                                               .revoked_at = std::nullopt}));
  return result;
}

absl::StatusOr<Principal> Authenticator::Authenticate(absl::string_view token) {
  if (!LooksLikeToken(token)) return InvalidToken();
  std::string token_hash = HashToken(token);
  auto found = sessions_.GetWithAccount(token_hash);
  if (absl::IsNotFound(found.status())) return InvalidToken();
  if (!found.ok()) return found.status();
  if (found->session.revoked_at.has_value()) return InvalidToken();
  if (found->session.expires_at <= clock_.Now()) {
    return absl::UnauthenticatedError("Your session has expired. Please sign in again.");
  }
  return Principal{.account = std::move(found->account), .token_hash = std::move(token_hash)};
}

absl::Status Authenticator::SignOut(const Principal& caller) {
  return sessions_.Revoke(caller.token_hash, clock_.Now());
}

absl::Status Authenticator::ChangePassword(const Principal& caller,
                                           absl::string_view current_password,
                                           absl::string_view new_password, absl::Time deadline) {
  RETURN_IF_ERROR(ValidatePasswordPresent(current_password, "current_password"));
  RETURN_IF_ERROR(ValidateNewPassword(new_password, "new_password"));
  if (current_password == new_password) {
    return absl::InvalidArgumentError("new_password: must be different from the current password");
  }
  ASSIGN_OR_RETURN(const std::string stored, accounts_.GetPasswordHash(caller.id()));
  ASSIGN_OR_RETURN(const std::string new_hash,
                   hashing_limiter_.Run(deadline, [&]() -> absl::StatusOr<std::string> {
                     if (!hasher_.Verify(stored, current_password)) {
                       return absl::InvalidArgumentError(
                           "current_password: does not match your current password");
                     }
                     return hasher_.Hash(new_password);
                   }));
  RETURN_IF_ERROR(accounts_.SetPassword(caller.id(), new_hash, /*change_required=*/false));
  return sessions_.RevokeOthers(caller.id(), caller.token_hash, clock_.Now());
}

}  // namespace tandem::domain
