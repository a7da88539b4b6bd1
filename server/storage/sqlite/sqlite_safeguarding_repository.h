#pragma once

#include "server/domain/safeguarding.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Supervisors, safeguarding leads and concerns in SQLite.
class SqliteSafeguardingRepository final : public domain::SafeguardingRepository {
 public:
  explicit SqliteSafeguardingRepository(Database& db) : db_(db) {}

  absl::Status SetSupervisor(int64_t coach_id, int64_t supervisor_id, absl::Time at) override;
  absl::StatusOr<int64_t> SupervisorOf(int64_t coach_id) override;
  absl::Status SetSafeguardingLead(int64_t organisation_id, int64_t account_id) override;
  absl::StatusOr<std::vector<int64_t>> LeadOf(int64_t account_id) override;
  absl::StatusOr<domain::Concern> Create(const domain::Concern& concern,
                                         const domain::WriteReceipt& receipt) override;
  absl::StatusOr<domain::Concern> Get(int64_t id) override;
  absl::StatusOr<std::vector<domain::Concern>> ListFor(
      int64_t account_id, const std::vector<int64_t>& lead_of_organisations) override;
  absl::StatusOr<domain::Concern> Acknowledge(
      int64_t id, const std::function<absl::Status(domain::Concern&)>& change,
      const domain::WriteReceipt& receipt) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
