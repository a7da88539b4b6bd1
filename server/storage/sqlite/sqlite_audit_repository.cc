#include "server/storage/sqlite/sqlite_audit_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shared/status_macros.h"

namespace tandem::storage {

absl::Status SqliteAuditRepository::Record(int64_t account_id,
                                           const std::vector<std::string>& reads, absl::Time at) {
  if (reads.empty()) return absl::OkStatus();
  return db_.Write([&](Connection& c) -> absl::Status {
    for (const std::string& what : reads) {
      ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO audit_log (at, account_id, what) "
                                              "VALUES (?, ?, ?)"));
      s.Bind(1, absl::ToUnixSeconds(at)).Bind(2, account_id).Bind(3, what);
      RETURN_IF_ERROR(s.Run());
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<domain::AuditEntry>> SqliteAuditRepository::List(
    const std::vector<int64_t>& organisation_ids, int limit) {
  std::vector<domain::AuditEntry> out;
  if (organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare(absl::StrCat(
                         "SELECT l.at, l.account_id, a.display_name, l.what FROM audit_log "
                         "l JOIN accounts a ON a.id = l.account_id WHERE "
                         "a.organisation_id IN (",
                         absl::StrJoin(organisation_ids, ","), ") ORDER BY l.id DESC LIMIT ?")));
    s.Bind(1, int64_t{limit});
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      out.push_back({absl::FromUnixSeconds(s.Int(0)), s.Int(1), s.Text(2), s.Text(3)});
    }
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace tandem::storage
