#pragma once

#include "server/domain/request.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Requests, the relationships accepting them starts, the answer log and
/// matching weights, in SQLite.
class SqliteRequestRepository final : public domain::RequestRepository {
 public:
  explicit SqliteRequestRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::SupportRequest> Create(const domain::SupportRequest& request) override;
  absl::StatusOr<domain::SupportRequest> Get(int64_t id) override;
  absl::StatusOr<domain::SupportRequest> Update(
      int64_t id, const std::function<absl::Status(domain::SupportRequest&)>& change) override;
  absl::StatusOr<std::vector<domain::SupportRequest>> ListByCoachee(int64_t coachee_id) override;
  absl::StatusOr<std::vector<domain::SupportRequest>> ListPendingFor(int64_t member_id) override;
  absl::StatusOr<domain::WaitingPage> ListWaiting(const std::vector<int64_t>& organisation_ids,
                                                  int limit,
                                                  const std::optional<domain::WaitingCursor>& after,
                                                  bool count_total) override;
  absl::StatusOr<std::vector<std::pair<int64_t, int>>> CountPendingByMember() override;
  absl::StatusOr<std::vector<domain::PendingRequest>> ListPending() override;
  absl::StatusOr<std::vector<absl::StatusOr<domain::SupportRequest>>> UpdateEach(
      const std::vector<int64_t>& ids,
      const std::function<absl::Status(size_t, domain::SupportRequest&)>& change,
      const std::function<absl::Status()>& before_commit) override;
  absl::StatusOr<domain::SupportRequest> Accept(int64_t id, int64_t member_id,
                                                absl::Time now) override;
  absl::StatusOr<domain::AnswerStats> AnswerStatsFor(int64_t member_id) override;
  absl::StatusOr<int> KnownPayBand(int64_t account_id) override;
  absl::StatusOr<std::optional<domain::MatchWeights>> GetWeights(int64_t organisation_id) override;
  absl::Status PutWeights(int64_t organisation_id, const domain::MatchWeights& weights,
                          absl::Time now) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
