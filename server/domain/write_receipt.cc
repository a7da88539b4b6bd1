#include "server/domain/write_receipt.h"

#include "absl/strings/str_cat.h"
#include "server/domain/tokens.h"
#include "server/domain/validation.h"
#include "shared/limits.h"

namespace tandem::domain {

std::string RequestDigest(absl::string_view request_bytes) {
  // The same hex BLAKE2b-256 digest that stands in for stored tokens.
  return HashToken(request_bytes);
}

absl::Status ValidateWriteKey(const WriteKey& key) {
  if (!key.key.empty() && (key.key.size() < limits::kIdempotencyKeyMinLength ||
                           key.key.size() > limits::kIdempotencyKeyMaxLength)) {
    return InvalidField("idempotency_key",
                        absl::StrCat("must be ", limits::kIdempotencyKeyMinLength, " to ",
                                     limits::kIdempotencyKeyMaxLength, " characters"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<int64_t>> EarlierWrite(ReceiptRepository& receipts, int64_t account_id,
                                                    const WriteKey& key) {
  if (key.key.empty()) return std::nullopt;
  ASSIGN_OR_RETURN(const auto found, receipts.Find(account_id, key.key));
  if (!found) return std::nullopt;
  if (found->second != key.digest) {
    return InvalidField("idempotency_key",
                        "was already used for a different request; make a new key for a new "
                        "write");
  }
  return found->first;
}

}  // namespace tandem::domain
