#pragma once

#include "server/domain/relationship.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Relationship `id` with its history, inside the caller's transaction
/// (NOT_FOUND if there is none).
absl::StatusOr<domain::Relationship> ReadRelationship(Connection& c, int64_t id);

/// Relationships, their contracts and history, in SQLite.
class SqliteRelationshipRepository final : public domain::RelationshipRepository {
 public:
  explicit SqliteRelationshipRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::Relationship> Get(int64_t id) override;
  absl::StatusOr<std::vector<domain::Relationship>> ListFor(int64_t account_id) override;
  absl::StatusOr<domain::Relationship> Update(
      int64_t id, const std::function<absl::Status(domain::Relationship&)>& change,
      const domain::WriteReceipt& receipt) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
