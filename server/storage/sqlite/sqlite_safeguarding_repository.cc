#include "server/storage/sqlite/sqlite_safeguarding_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::Concern;

constexpr char kSelect[] =
    "SELECT c.id, c.relationship_id, c.raised_by, r.display_name, c.organisation_id, "
    "c.supervisor_id, c.raised_at, c.sealed_description, c.escalate_at, c.acknowledged_at, "
    "c.acknowledged_by, a.display_name, c.sealed_action, coachee.display_name FROM concerns c "
    "JOIN accounts r ON r.id = c.raised_by LEFT JOIN accounts a ON a.id = c.acknowledged_by "
    "JOIN relationships rel ON rel.id = c.relationship_id "
    "JOIN accounts coachee ON coachee.id = rel.coachee_id ";

Concern ReadConcern(const Statement& s) {
  Concern c;
  c.id = s.Int(0);
  c.relationship_id = s.Int(1);
  c.raised_by = s.Int(2);
  c.raised_by_name = s.Text(3);
  c.organisation_id = s.Int(4);
  c.supervisor_id = s.Int(5);
  c.raised_at = absl::FromUnixSeconds(s.Int(6));
  c.sealed_description = s.Blob(7);
  c.escalate_at = absl::FromUnixSeconds(s.Int(8));
  if (!s.IsNull(9)) c.acknowledged_at = absl::FromUnixSeconds(s.Int(9));
  c.acknowledged_by = s.IsNull(10) ? 0 : s.Int(10);
  c.acknowledged_by_name = s.IsNull(11) ? "" : s.Text(11);
  c.sealed_action = s.Blob(12);
  c.about_name = s.Text(13);
  return c;
}

absl::StatusOr<std::vector<Concern>> ReadAll(Statement& s) {
  std::vector<Concern> out;
  while (true) {
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) break;
    out.push_back(ReadConcern(s));
  }
  return out;
}

absl::StatusOr<Concern> ReadOne(Connection& c, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(kSelect, "WHERE c.id = ?")));
  s.Bind(1, id);
  ASSIGN_OR_RETURN(std::vector<Concern> found, ReadAll(s));
  if (found.empty()) return absl::NotFoundError("No such concern.");
  return std::move(found.front());
}

}  // namespace

absl::Status SqliteSafeguardingRepository::SetSupervisor(int64_t coach_id, int64_t supervisor_id,
                                                         absl::Time at) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("INSERT INTO supervisions (coach_id, supervisor_id, set_at) VALUES "
                               "(?1, ?2, ?3) ON CONFLICT (coach_id) DO UPDATE SET "
                               "supervisor_id = ?2, set_at = ?3"));
    s.Bind(1, coach_id).Bind(2, supervisor_id).Bind(3, absl::ToUnixSeconds(at));
    return s.Run();
  });
}

absl::StatusOr<int64_t> SqliteSafeguardingRepository::SupervisorOf(int64_t coach_id) {
  int64_t supervisor = 0;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT supervisor_id FROM supervisions WHERE coach_id = ?"));
    s.Bind(1, coach_id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) supervisor = s.Int(0);
    return absl::OkStatus();
  }));
  return supervisor;
}

absl::Status SqliteSafeguardingRepository::SetSafeguardingLead(int64_t organisation_id,
                                                               int64_t account_id) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO safeguarding_leads (organisation_id, "
                                            "account_id) VALUES (?1, ?2) ON CONFLICT "
                                            "(organisation_id) DO UPDATE SET account_id = ?2"));
    s.Bind(1, organisation_id).Bind(2, account_id);
    return s.Run();
  });
}

absl::StatusOr<std::vector<int64_t>> SqliteSafeguardingRepository::LeadOf(int64_t account_id) {
  std::vector<int64_t> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT organisation_id FROM safeguarding_leads "
                                            "WHERE account_id = ?"));
    s.Bind(1, account_id);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      out.push_back(s.Int(0));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Concern> SqliteSafeguardingRepository::Create(const Concern& concern,
                                                             const domain::WriteReceipt& receipt) {
  Concern out;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("INSERT INTO concerns (relationship_id, raised_by, organisation_id, "
                               "supervisor_id, raised_at, sealed_description, escalate_at) VALUES "
                               "(?, ?, ?, ?, ?, ?, ?)"));
    s.Bind(1, concern.relationship_id)
        .Bind(2, concern.raised_by)
        .Bind(3, concern.organisation_id)
        .Bind(4, concern.supervisor_id)
        .Bind(5, absl::ToUnixSeconds(concern.raised_at))
        .BindBlob(6, concern.sealed_description)
        .Bind(7, absl::ToUnixSeconds(concern.escalate_at));
    RETURN_IF_ERROR(s.Run());
    const int64_t id = c.LastInsertId();
    RETURN_IF_ERROR(KeepReceipt(c, receipt, id));
    ASSIGN_OR_RETURN(out, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Concern> SqliteSafeguardingRepository::Get(int64_t id) {
  Concern out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(out, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<Concern>> SqliteSafeguardingRepository::ListFor(
    int64_t account_id, const std::vector<int64_t>& lead_of) {
  std::vector<Concern> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // Organisation ids are integers: safe to inline.
    const std::string lead = lead_of.empty() ? ""
                                             : absl::StrCat(" OR c.organisation_id IN (",
                                                            absl::StrJoin(lead_of, ","), ")");
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare(absl::StrCat(kSelect, "WHERE c.supervisor_id = ?1 OR ",
                                            "c.raised_by = ?1", lead, " ORDER BY c.id")));
    s.Bind(1, account_id);
    ASSIGN_OR_RETURN(out, ReadAll(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Concern> SqliteSafeguardingRepository::Acknowledge(
    int64_t id, const std::function<absl::Status(Concern&)>& change,
    const domain::WriteReceipt& receipt) {
  Concern out;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(KeepReceipt(c, receipt, id));
    ASSIGN_OR_RETURN(Concern concern, ReadOne(c, id));
    RETURN_IF_ERROR(change(concern));
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("UPDATE concerns SET acknowledged_at = ?2, acknowledged_by = ?3, "
                               "sealed_action = ?4 WHERE id = ?1 AND acknowledged_at IS NULL"));
    s.Bind(1, id)
        .Bind(2, absl::ToUnixSeconds(*concern.acknowledged_at))
        .Bind(3, concern.acknowledged_by)
        .BindBlob(4, concern.sealed_action);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(out, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace tandem::storage
