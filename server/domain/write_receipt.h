#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "shared/status_macros.h"

/// Writes made once however often they are sent. A client sends a key it
/// made with a write; the server keeps the key with what it wrote, in the
/// same transaction as the write, so a retry after a lost answer — even
/// days later, from an app that was offline — finds the key and answers
/// with the current state instead of acting twice.
namespace tandem::domain {

/// A client's key for one write and a digest of the request it came with.
struct WriteKey {
  std::string key;     ///< empty: the write is not deduplicated
  std::string digest;  ///< of the request without its key
};

/// A key as kept: whose it is, and what it wrote.
struct WriteReceipt {
  int64_t account_id = 0;
  std::string key;  ///< empty: nothing to keep
  std::string digest;
};

class ReceiptRepository {
 public:
  virtual ~ReceiptRepository() = default;
  /// What `account_id` wrote with `key` (the id of the relationship,
  /// session or concern written) and the request's digest, if anything.
  virtual absl::StatusOr<std::optional<std::pair<int64_t, std::string>>> Find(
      int64_t account_id, const std::string& key) = 0;
};

/// The digest stored for a request: BLAKE2b-256 of its bytes, hex.
std::string RequestDigest(absl::string_view request_bytes);

/// INVALID_ARGUMENT unless the key is empty or 16–64 characters.
absl::Status ValidateWriteKey(const WriteKey& key);

/// The id written earlier by `account_id` with `key`, if any.
/// INVALID_ARGUMENT when the key came with a different request.
absl::StatusOr<std::optional<int64_t>> EarlierWrite(ReceiptRepository& receipts, int64_t account_id,
                                                    const WriteKey& key);

/// Makes `write` at most once per key. A key already used answers with
/// `replay(id)` of what it wrote. `write` must keep its receipt in its own
/// transaction (repositories do, given a receipt with a key) and fail with
/// ALREADY_EXISTS when the key is taken: a retry raced it and won, so the
/// answer is that retry's result.
template <typename T>
absl::StatusOr<T> WriteOnce(ReceiptRepository& receipts, int64_t account_id, const WriteKey& key,
                            absl::FunctionRef<absl::StatusOr<T>(const WriteReceipt&)> write,
                            absl::FunctionRef<absl::StatusOr<T>(int64_t id)> replay) {
  RETURN_IF_ERROR(ValidateWriteKey(key));
  ASSIGN_OR_RETURN(std::optional<int64_t> earlier, EarlierWrite(receipts, account_id, key));
  if (earlier) return replay(*earlier);
  absl::StatusOr<T> written =
      write(WriteReceipt{.account_id = account_id, .key = key.key, .digest = key.digest});
  if (absl::IsAlreadyExists(written.status()) && !key.key.empty()) {
    ASSIGN_OR_RETURN(earlier, EarlierWrite(receipts, account_id, key));
    if (earlier) return replay(*earlier);
  }
  return written;
}

}  // namespace tandem::domain
