#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace tandem::domain {

/// Authenticated encryption of confidential text at rest (coaches' private
/// session notes), with libsodium's XChaCha20-Poly1305-IETF AEAD.
///
/// A sealed value is `version (1 byte) | nonce (24 bytes) | ciphertext and
/// tag (plaintext size + 16 bytes)`. The version byte names the key and
/// algorithm so that either can be rotated later; it is authenticated along
/// with the caller's associated data. Each Seal draws a fresh random nonce,
/// so sealing the same text twice gives different bytes.
///
/// The associated data binds a sealed value to the row it belongs to (for
/// example "session:42:author:7"): it is not stored in the sealed value, must
/// be given again to Open, and a value copied to another row does not open.
///
/// Thread-safe: Seal and Open may be called concurrently.
class NoteCipher {
 public:
  /// Size of a key in bytes.
  static constexpr std::size_t kKeySize = 32;
  /// The format version this class writes (the first byte of a sealed value).
  static constexpr unsigned char kFormatVersion = 1;
  /// Bytes a sealed value has beyond its plaintext: version, nonce and tag.
  static constexpr std::size_t kSealOverhead = 1 + 24 + 16;

  /// Returns a cipher using `key`, which must be exactly kKeySize bytes
  /// (INVALID_ARGUMENT otherwise). The key is copied; the caller should wipe
  /// its own copy when done with it.
  static absl::StatusOr<std::unique_ptr<NoteCipher>> Create(absl::string_view key);

  /// Returns kKeySize bytes from libsodium's CSPRNG, suitable as a key.
  static std::string GenerateKey();

  /// Wipes the key from memory.
  ~NoteCipher();
  NoteCipher(const NoteCipher&) = delete;
  NoteCipher& operator=(const NoteCipher&) = delete;

  /// Encrypts `plaintext` (which may be empty) bound to `associated_data`.
  /// INVALID_ARGUMENT if the sealed value could not fit in a std::string;
  /// INTERNAL if libsodium refuses otherwise (it does not).
  absl::StatusOr<std::string> Seal(absl::string_view plaintext,
                                   absl::string_view associated_data) const;

  /// Decrypts a value made by Seal with the same key and associated data.
  /// DATA_LOSS if the value cannot be trusted: too short, an unknown format
  /// version, altered in any byte, sealed under another key, or sealed for
  /// other associated data (e.g. copied from another row). The stored
  /// note is then unreadable, which is what DATA_LOSS means; it is not a
  /// caller's mistake (INVALID_ARGUMENT) nor a bug in the server (INTERNAL).
  /// The message never contains the plaintext or the key.
  absl::StatusOr<std::string> Open(absl::string_view sealed,
                                   absl::string_view associated_data) const;

 private:
  explicit NoteCipher(absl::string_view key);

  std::array<unsigned char, kKeySize> key_;
};

}  // namespace tandem::domain
