#pragma once

#include "server/domain/write_receipt.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Idempotency keys of writes, in SQLite (table write_receipts).
class SqliteReceiptRepository final : public domain::ReceiptRepository {
 public:
  explicit SqliteReceiptRepository(Database& db) : db_(db) {}

  absl::StatusOr<std::optional<std::pair<int64_t, std::string>>> Find(
      int64_t account_id, const std::string& key) override;

 private:
  Database& db_;
};

/// ALREADY_EXISTS if `receipt`'s key is already kept, inside the caller's
/// transaction: for writes that must learn of a racing retry before they
/// check anything else (the retry's answer is the winner's result, not a
/// refusal caused by it). OK when the receipt has no key.
absl::Status RequireUnusedKey(Connection& c, const domain::WriteReceipt& receipt);

/// Keeps `receipt` for the write of `result_id`, inside the caller's
/// transaction; nothing when the receipt has no key. ALREADY_EXISTS when
/// the key is taken (a racing retry), which rolls the write back.
absl::Status KeepReceipt(Connection& c, const domain::WriteReceipt& receipt, int64_t result_id);

}  // namespace tandem::storage
