#include "server/domain/note_cipher.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "server/domain/crypto_init.h"

namespace tandem::domain {
namespace {

constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kHeaderSize = 1 + kNonceSize;

static_assert(NoteCipher::kKeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(NoteCipher::kSealOverhead == kHeaderSize + kTagSize);

const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// The version byte is authenticated too, so that a value cannot be relabelled
// as another format once a second version exists. Its fixed width keeps the
// concatenation unambiguous.
std::string AuthenticatedData(unsigned char version, absl::string_view associated_data) {
  std::string out(1, static_cast<char>(version));
  out.append(associated_data.data(), associated_data.size());
  return out;
}

absl::Status Unreadable(absl::string_view why) {
  return absl::DataLossError(absl::StrCat("Cannot open a sealed note: ", why, "."));
}

}  // namespace

absl::StatusOr<std::unique_ptr<NoteCipher>> NoteCipher::Create(absl::string_view key) {
  if (key.size() != kKeySize) {
    return absl::InvalidArgumentError(
        absl::StrCat("A note key must be ", kKeySize, " bytes; this one is ", key.size(), "."));
  }
  // The constructor is private so that no cipher exists with an unchecked key.
  return std::unique_ptr<NoteCipher>(new NoteCipher(key));
}

std::string NoteCipher::GenerateKey() {
  EnsureSodiumInitialised();
  std::string key(kKeySize, '\0');
  randombytes_buf(key.data(), key.size());
  return key;
}

NoteCipher::NoteCipher(absl::string_view key) {
  EnsureSodiumInitialised();
  std::memcpy(key_.data(), key.data(), kKeySize);
}

NoteCipher::~NoteCipher() { sodium_memzero(key_.data(), key_.size()); }

absl::StatusOr<std::string> NoteCipher::Seal(absl::string_view plaintext,
                                             absl::string_view associated_data) const {
  // Only reachable near the address-space limit; checked so that nothing
  // below can overflow or throw.
  if (plaintext.size() > std::min<std::size_t>(crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX,
                                               std::string().max_size() - kSealOverhead)) {
    return absl::InvalidArgumentError("A note is too large to seal.");
  }
  std::string sealed(kSealOverhead + plaintext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  out[0] = kFormatVersion;
  unsigned char* nonce = out + 1;
  // 24 random bytes: collisions are negligible even over billions of notes
  // under one key, which is why XChaCha20 rather than the 12-byte IETF nonce.
  randombytes_buf(nonce, kNonceSize);
  const std::string ad = AuthenticatedData(kFormatVersion, associated_data);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(out + kHeaderSize, &written, Bytes(plaintext),
                                                 plaintext.size(), Bytes(ad), ad.size(), nullptr,
                                                 nonce, key_.data()) != 0 ||
      written != plaintext.size() + kTagSize) {
    return absl::InternalError("libsodium refused to seal a note.");
  }
  return sealed;
}

absl::StatusOr<std::string> NoteCipher::Open(absl::string_view sealed,
                                             absl::string_view associated_data) const {
  if (sealed.size() < kSealOverhead) return Unreadable("it is too short to be a sealed value");
  const auto version = static_cast<unsigned char>(sealed[0]);
  if (version != kFormatVersion) {
    return Unreadable(absl::StrCat("unknown format version ", static_cast<int>(version)));
  }
  const absl::string_view nonce = sealed.substr(1, kNonceSize);
  const absl::string_view ciphertext = sealed.substr(kHeaderSize);
  const std::string ad = AuthenticatedData(version, associated_data);
  std::string plaintext(ciphertext.size() - kTagSize, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plaintext.data()), &length, nullptr, Bytes(ciphertext),
          ciphertext.size(), Bytes(ad), ad.size(), Bytes(nonce), key_.data()) != 0) {
    // One message for every cause: the tag cannot tell them apart.
    return Unreadable("it was altered, belongs to another record, or was sealed with another key");
  }
  plaintext.resize(length);
  return plaintext;
}

}  // namespace tandem::domain
