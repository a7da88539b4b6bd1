#pragma once

#include "server/domain/audit.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// The audit trail in SQLite (table audit_log).
class SqliteAuditRepository final : public domain::AuditRepository {
 public:
  explicit SqliteAuditRepository(Database& db) : db_(db) {}

  absl::Status Record(int64_t account_id, const std::vector<std::string>& reads,
                      absl::Time at) override;
  absl::StatusOr<std::vector<domain::AuditEntry>> List(const std::vector<int64_t>& organisation_ids,
                                                       int limit) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
