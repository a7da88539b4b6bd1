#include "server/domain/tokens.h"

#include <sodium.h>

#include <array>

#include "server/domain/crypto_init.h"

namespace tandem::domain {

std::string GenerateToken() {
  EnsureSodiumInitialised();
  std::array<unsigned char, kTokenBytes> raw;
  randombytes_buf(raw.data(), raw.size());
  char encoded[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof(encoded), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(raw.data(), raw.size());
  return std::string(encoded);
}

bool LooksLikeToken(absl::string_view token) {
  if (token.size() != kTokenLength) return false;
  for (char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string HashToken(absl::string_view token) {
  EnsureSodiumInitialised();
  std::array<unsigned char, crypto_generichash_BYTES> digest;
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof(hex), digest.data(), digest.size());
  return std::string(hex);
}

std::string GenerateTemporaryPassword() {
  EnsureSodiumInitialised();
  static constexpr absl::string_view kAlphabet =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int group = 0; group < 3; ++group) {
    if (group > 0) out.push_back('-');
    for (int i = 0; i < 4; ++i) {
      out.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
    }
  }
  return out;
}

}  // namespace tandem::domain
