#include "server/storage/sqlite/sqlite_receipt_repository.h"

#include "shared/status_macros.h"

namespace tandem::storage {

absl::StatusOr<std::optional<std::pair<int64_t, std::string>>> SqliteReceiptRepository::Find(
    int64_t account_id, const std::string& key) {
  std::optional<std::pair<int64_t, std::string>> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT result_id, request_digest FROM write_receipts "
                                            "WHERE account_id = ? AND idempotency_key = ?"));
    s.Bind(1, account_id).Bind(2, key);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) out.emplace(s.Int(0), s.Text(1));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status RequireUnusedKey(Connection& c, const domain::WriteReceipt& receipt) {
  if (receipt.key.empty()) return absl::OkStatus();
  ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT 1 FROM write_receipts "
                                          "WHERE account_id = ? AND idempotency_key = ?"));
  s.Bind(1, receipt.account_id).Bind(2, receipt.key);
  ASSIGN_OR_RETURN(const bool row, s.Step());
  if (row) return absl::AlreadyExistsError("This key was used by a write made meanwhile.");
  return absl::OkStatus();
}

absl::Status KeepReceipt(Connection& c, const domain::WriteReceipt& receipt, int64_t result_id) {
  if (receipt.key.empty()) return absl::OkStatus();
  ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO write_receipts (account_id, "
                                          "idempotency_key, request_digest, result_id, "
                                          "created_at) VALUES (?, ?, ?, ?, unixepoch())"));
  s.Bind(1, receipt.account_id).Bind(2, receipt.key).Bind(3, receipt.digest).Bind(4, result_id);
  return s.Run();
}

}  // namespace tandem::storage
