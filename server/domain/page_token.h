#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

/// Opaque page tokens: a kind tag and the keyset position, base64url.
namespace tandem::domain {

/// Encodes `fields` under `kind`; only the last field may contain ':'.
std::string EncodePageToken(absl::string_view kind, const std::vector<std::string>& fields);
/// The `count` fields of a token EncodePageToken made for `kind`, or nullopt
/// for anything else.
std::optional<std::vector<std::string>> DecodePageToken(absl::string_view kind,
                                                        const std::string& token, int count);

/// Listings ordered by (display name, id): accounts, the pool.
std::string EncodeNamePageToken(const std::string& display_name, int64_t id);
/// INVALID_ARGUMENT on "page_token" for a token not made by
/// EncodeNamePageToken.
absl::StatusOr<std::pair<std::string, int64_t>> DecodeNamePageToken(const std::string& token);

}  // namespace tandem::domain
