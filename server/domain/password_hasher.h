#pragma once

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace tandem::domain {

/// argon2id password hashing (libsodium crypto_pwhash). Hashes are
/// self-describing strings ("$argon2id$v=19$m=...") that carry their own salt
/// and cost, so the cost can be raised later without breaking old hashes.
class PasswordHasher {
 public:
  struct Cost {
    unsigned long long ops_limit;
    std::size_t mem_limit;
  };
  /// libsodium's "interactive" cost: 2 passes over 64 MiB.
  static Cost InteractiveCost();

  explicit PasswordHasher(Cost cost = InteractiveCost());

  /// Returns a new salted hash of `password`. RESOURCE_EXHAUSTED if the
  /// memory for hashing cannot be had.
  absl::StatusOr<std::string> Hash(absl::string_view password) const;
  /// True if `password` matches `hash`; false for a malformed hash.
  bool Verify(absl::string_view hash, absl::string_view password) const;

 private:
  Cost cost_;
};

}  // namespace tandem::domain
