#include "server/domain/password_hasher.h"

#include <sodium.h>

#include <vector>

#include "absl/status/status.h"
#include "server/domain/crypto_init.h"

namespace tandem::domain {

PasswordHasher::Cost PasswordHasher::InteractiveCost() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::PasswordHasher(Cost cost) : cost_(cost) { EnsureSodiumInitialised(); }

absl::StatusOr<std::string> PasswordHasher::Hash(absl::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.ops_limit, cost_.mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return absl::ResourceExhaustedError("Not enough memory to hash a password right now.");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(absl::string_view hash, absl::string_view password) const {
  // crypto_pwhash_str_verify needs a NUL-terminated hash of bounded length.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace tandem::domain
