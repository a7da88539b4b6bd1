#include "server/storage/sqlite/sqlite_organisation_repository.h"

#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

domain::Organisation ReadOrganisation(const Statement& s) {
  return domain::Organisation{
      .id = s.Int(0), .name = s.Text(1), .kind = static_cast<domain::OrganisationKind>(s.Int(2))};
}

}  // namespace

absl::StatusOr<domain::Organisation> SqliteOrganisationRepository::Create(
    const std::string& name, domain::OrganisationKind kind, absl::Time now) {
  domain::Organisation created{.id = 0, .name = name, .kind = kind};
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO organisations (name, kind, created_at) "
                                            "VALUES (?, ?, ?) RETURNING id"));
    s.Bind(1, name).Bind(2, int64_t{static_cast<int>(kind)}).Bind(3, absl::ToUnixSeconds(now));
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::InternalError("A storage error occurred.");
    created.id = s.Int(0);
    return s.Step().status();
  }));
  return created;
}

absl::StatusOr<domain::Organisation> SqliteOrganisationRepository::Get(int64_t id) {
  domain::Organisation found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT id, name, kind FROM organisations WHERE id = ?"));
    s.Bind(1, id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::NotFoundError("No such organisation.");
    found = ReadOrganisation(s);
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<std::vector<domain::Organisation>> SqliteOrganisationRepository::List() {
  std::vector<domain::Organisation> all;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT id, name, kind FROM organisations ORDER BY name, id"));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      all.push_back(ReadOrganisation(s));
    }
  }));
  return all;
}

}  // namespace tandem::storage
