#pragma once

#include "server/domain/session.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Sessions in SQLite.
class SqliteSessionRepository final : public domain::SessionRepository {
 public:
  explicit SqliteSessionRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Session> Create(const domain::Session& session,
                                         const domain::WriteReceipt& receipt,
                                         const domain::SessionRoom& room) override;
  absl::StatusOr<domain::Session> Get(int64_t id) override;
  absl::StatusOr<std::vector<domain::Session>> ListFor(int64_t relationship_id) override;
  absl::StatusOr<domain::Session> Update(
      int64_t id, const std::function<absl::Status(domain::Session&)>& change,
      const domain::WriteReceipt& receipt) override;
  absl::StatusOr<std::vector<domain::Session>> WithPlainActions() override;
  absl::Status SealActions(int64_t id, const std::string& plain,
                           const std::string& sealed) override;
  absl::StatusOr<std::optional<domain::Session>> FindRecorded(int64_t author_id,
                                                              const std::string& key) override;
  absl::StatusOr<domain::Session> Record(const domain::Session& session,
                                         const domain::WriteReceipt& receipt,
                                         const domain::SessionRoom& room) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
