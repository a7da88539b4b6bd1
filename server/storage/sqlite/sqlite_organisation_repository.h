#pragma once

#include "server/domain/repositories.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Organisations in SQLite.
class SqliteOrganisationRepository final : public domain::OrganisationRepository {
 public:
  explicit SqliteOrganisationRepository(Database& db) : db_(db) {}
  absl::StatusOr<domain::Organisation> Create(const std::string& name,
                                              domain::OrganisationKind kind,
                                              absl::Time now) override;
  absl::StatusOr<domain::Organisation> Get(int64_t id) override;
  absl::StatusOr<std::vector<domain::Organisation>> List() override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
