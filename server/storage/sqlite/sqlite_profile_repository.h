#pragma once

#include "server/domain/profile_repository.h"
#include "server/domain/request.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Profiles, qualifications and the taxonomy in SQLite, with FTS5 search;
/// also the matcher's view of what changed in the pool.
class SqliteProfileRepository final : public domain::ProfileRepository,
                                      public domain::CandidateSource {
 public:
  explicit SqliteProfileRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Profile> Get(int64_t account_id) override;
  absl::StatusOr<domain::Profile> Update(
      int64_t account_id, bool create_if_missing,
      const std::function<absl::Status(domain::Profile&, bool)>& change, absl::Time now) override;
  absl::StatusOr<int64_t> QualificationOwner(int64_t qualification_id) override;
  absl::StatusOr<domain::ProfilePage> Search(const domain::ProfileSearch& search) override;
  absl::StatusOr<domain::ProfilePage> ListPool(const domain::PoolQuery& query) override;
  absl::StatusOr<std::vector<domain::Specialism>> ListSpecialisms() override;
  absl::Status CreateSpecialism(const domain::Specialism& specialism) override;
  absl::StatusOr<domain::CandidateChanges> ChangedSince(int64_t version) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
