#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace tandem::domain {

/// Bearer tokens: 256 random bits, base64url without padding (43 chars).
inline constexpr std::size_t kTokenBytes = 32;
inline constexpr std::size_t kTokenLength = 43;

/// A fresh random token.
std::string GenerateToken();
/// True if `token` has the shape of one GenerateToken makes.
bool LooksLikeToken(absl::string_view token);
/// The hex BLAKE2b-256 digest stored in place of the token.
std::string HashToken(absl::string_view token);
/// A random temporary password like "k7Qm-x3Hv-9pRt" (about 69 bits),
/// avoiding characters that are easy to misread.
std::string GenerateTemporaryPassword();

}  // namespace tandem::domain
