#include "server/storage/sqlite/sqlite_session_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::Session;

constexpr char kSelect[] =
    "SELECT id, relationship_id, status, starts_at, planned_minutes, mode, place, proposed_by, "
    "cancel_reason, cancelled_by, actual_minutes, themes, agreed_actions, sealed_notes, "
    "author_id, idempotency_key, recorded_at, reschedule_reason, sealed_actions FROM sessions ";

Session ReadSession(const Statement& s) {
  Session out;
  out.id = s.Int(0);
  out.relationship_id = s.Int(1);
  out.status = static_cast<domain::SessionStatus>(s.Int(2));
  out.starts_at = absl::FromUnixSeconds(s.Int(3));
  out.planned_minutes = static_cast<int>(s.Int(4));
  if (s.Int(5) != 0) out.mode = static_cast<domain::DeliveryMode>(s.Int(5));
  out.place = s.Text(6);
  out.proposed_by = s.Int(7);
  out.cancel_reason = s.Text(8);
  out.cancelled_by = static_cast<domain::CancelledBy>(s.Int(9));
  out.actual_minutes = static_cast<int>(s.Int(10));
  const std::string themes = s.Text(11);
  if (!themes.empty()) out.themes = absl::StrSplit(themes, '\n');
  out.agreed_actions = s.Text(12);
  out.sealed_notes = s.Blob(13);
  out.author_id = s.IsNull(14) ? 0 : s.Int(14);
  out.idempotency_key = s.Text(15);
  if (!s.IsNull(16)) out.recorded_at = absl::FromUnixSeconds(s.Int(16));
  out.reschedule_reason = s.Text(17);
  out.sealed_actions = s.Blob(18);
  return out;
}

absl::StatusOr<std::vector<Session>> ReadAll(Statement& s) {
  std::vector<Session> out;
  while (true) {
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) break;
    out.push_back(ReadSession(s));
  }
  return out;
}

absl::StatusOr<std::vector<Session>> ReadFor(Connection& c, int64_t relationship_id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(
                                    kSelect, "WHERE relationship_id = ? ORDER BY starts_at, id")));
  s.Bind(1, relationship_id);
  return ReadAll(s);
}

absl::StatusOr<Session> ReadOne(Connection& c, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(kSelect, "WHERE id = ?")));
  s.Bind(1, id);
  ASSIGN_OR_RETURN(std::vector<Session> found, ReadAll(s));
  if (found.empty()) return absl::NotFoundError("No such session.");
  return std::move(found.front());
}

// Writes every column of `s` (insert when s.id is 0); returns the id.
absl::StatusOr<int64_t> Write(Connection& c, const Session& s) {
  ASSIGN_OR_RETURN(
      Statement w,
      c.Prepare(s.id == 0
                    // What the figures count a session by is copied from
                    // its relationship (migrations/0013_figures.sql).
                    ? "INSERT INTO sessions (relationship_id, status, starts_at, planned_minutes, "
                      "mode, place, proposed_by, cancel_reason, cancelled_by, actual_minutes, "
                      "themes, agreed_actions, sealed_notes, author_id, idempotency_key, "
                      "recorded_at, reschedule_reason, sealed_actions, kind, coachee_id, "
                      "coachee_organisation_id) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                      "?11, ?12, ?13, ?14, ?15, ?16, ?18, ?19, r.kind, r.coachee_id, "
                      "q.coachee_organisation_id FROM relationships r JOIN requests q ON q.id = "
                      "r.request_id WHERE r.id = ?1"
                    : "UPDATE sessions SET relationship_id = ?1, status = ?2, starts_at = ?3, "
                      "planned_minutes = ?4, mode = ?5, place = ?6, proposed_by = ?7, "
                      "cancel_reason = ?8, cancelled_by = ?9, actual_minutes = ?10, themes = ?11, "
                      "agreed_actions = ?12, sealed_notes = ?13, author_id = ?14, "
                      "idempotency_key = ?15, recorded_at = ?16, reschedule_reason = ?18, "
                      "sealed_actions = ?19 WHERE id = ?17"));
  w.Bind(1, s.relationship_id)
      .Bind(2, int64_t{static_cast<int>(s.status)})
      .Bind(3, absl::ToUnixSeconds(s.starts_at))
      .Bind(4, int64_t{s.planned_minutes})
      .Bind(5, int64_t{s.mode ? static_cast<int>(*s.mode) : 0})
      .Bind(6, s.place)
      .Bind(7, s.proposed_by)
      .Bind(8, s.cancel_reason)
      .Bind(9, int64_t{static_cast<int>(s.cancelled_by)})
      .Bind(10, int64_t{s.actual_minutes})
      .Bind(11, absl::StrJoin(s.themes, "\n"))
      .Bind(12, s.agreed_actions);
  if (s.sealed_notes.empty()) {
    w.BindNull(13);
  } else {
    w.BindBlob(13, s.sealed_notes);
  }
  if (s.author_id != 0) {
    w.Bind(14, s.author_id);
  } else {
    w.BindNull(14);
  }
  if (s.idempotency_key.empty()) {
    w.BindNull(15);
  } else {
    w.Bind(15, s.idempotency_key);
  }
  if (s.recorded_at) {
    w.Bind(16, absl::ToUnixSeconds(*s.recorded_at));
  } else {
    w.BindNull(16);
  }
  if (s.id != 0) w.Bind(17, s.id);
  w.Bind(18, s.reschedule_reason);
  if (s.sealed_actions.empty()) {
    w.BindNull(19);
  } else {
    w.BindBlob(19, s.sealed_actions);
  }
  RETURN_IF_ERROR(w.Run());
  if (c.Changes() != 1) return absl::NotFoundError("No such relationship.");
  return s.id == 0 ? c.LastInsertId() : s.id;
}

}  // namespace

absl::StatusOr<Session> SqliteSessionRepository::Create(const Session& session,
                                                        const domain::WriteReceipt& receipt,
                                                        const domain::SessionRoom& room) {
  Session out;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(RequireUnusedKey(c, receipt));
    // The contract's cap, on the sessions as they are inside this write
    // transaction (BEGIN IMMEDIATE: no other write can slip in between).
    ASSIGN_OR_RETURN(const std::vector<Session> existing, ReadFor(c, session.relationship_id));
    RETURN_IF_ERROR(room(existing));
    Session s = session;
    s.id = 0;
    ASSIGN_OR_RETURN(const int64_t id, Write(c, s));
    RETURN_IF_ERROR(KeepReceipt(c, receipt, id));
    ASSIGN_OR_RETURN(out, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Session> SqliteSessionRepository::Get(int64_t id) {
  Session out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(out, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<Session>> SqliteSessionRepository::ListFor(int64_t relationship_id) {
  std::vector<Session> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(out, ReadFor(c, relationship_id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Session> SqliteSessionRepository::Update(
    int64_t id, const std::function<absl::Status(Session&)>& change,
    const domain::WriteReceipt& receipt) {
  Session out;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(KeepReceipt(c, receipt, id));
    ASSIGN_OR_RETURN(Session s, ReadOne(c, id));
    RETURN_IF_ERROR(change(s));
    s.id = id;
    RETURN_IF_ERROR(Write(c, s).status());
    ASSIGN_OR_RETURN(out, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<Session>> SqliteSessionRepository::WithPlainActions() {
  std::vector<Session> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(kSelect, "WHERE agreed_actions != ''")));
    ASSIGN_OR_RETURN(out, ReadAll(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status SqliteSessionRepository::SealActions(int64_t id, const std::string& plain,
                                                  const std::string& sealed) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("UPDATE sessions SET agreed_actions = '', "
                                            "sealed_actions = ? WHERE id = ? AND "
                                            "agreed_actions = ?"));
    s.BindBlob(1, sealed).Bind(2, id).Bind(3, plain);
    return s.Run();
  });
}

absl::StatusOr<std::optional<Session>> SqliteSessionRepository::FindRecorded(
    int64_t author_id, const std::string& key) {
  std::optional<Session> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(
                                      kSelect, "WHERE author_id = ? AND idempotency_key = ?")));
    s.Bind(1, author_id).Bind(2, key);
    ASSIGN_OR_RETURN(std::vector<Session> found, ReadAll(s));
    if (!found.empty()) out = std::move(found.front());
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Session> SqliteSessionRepository::Record(const Session& session,
                                                        const domain::WriteReceipt& receipt,
                                                        const domain::SessionRoom& room) {
  Session out;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    // A racing retry learns that its key is taken before anything else
    // (kept as a receipt, or on a record made before receipts were kept).
    RETURN_IF_ERROR(RequireUnusedKey(c, receipt));
    ASSIGN_OR_RETURN(Statement taken, c.Prepare("SELECT 1 FROM sessions WHERE author_id = ? AND "
                                                "idempotency_key = ?"));
    taken.Bind(1, session.author_id).Bind(2, session.idempotency_key);
    ASSIGN_OR_RETURN(const bool used, taken.Step());
    if (used) return absl::AlreadyExistsError("This record was made meanwhile.");
    if (session.id != 0) {
      // Still scheduled? (Checked again inside the write.)
      ASSIGN_OR_RETURN(const Session current, ReadOne(c, session.id));
      if (current.status != domain::SessionStatus::kProposed &&
          current.status != domain::SessionStatus::kAccepted) {
        return absl::FailedPreconditionError("This session is already recorded or cancelled.");
      }
    }
    // The contract's cap, on the sessions as they are inside this write
    // transaction, so two records at once cannot both pass it.
    ASSIGN_OR_RETURN(const std::vector<Session> existing, ReadFor(c, session.relationship_id));
    RETURN_IF_ERROR(room(existing));
    ASSIGN_OR_RETURN(const int64_t id, Write(c, session));
    if (session.status == domain::SessionStatus::kHeld) {
      // The relationship's running count of sessions held, and its first
      // and last: a held session never changes again, so a record is the
      // only write that moves them.
      ASSIGN_OR_RETURN(
          Statement held,
          c.Prepare("UPDATE relationships SET sessions_held = sessions_held + 1, "
                    "first_held_at = CASE WHEN first_held_at IS NULL OR first_held_at > ?2 "
                    "THEN ?2 ELSE first_held_at END, last_held_at = CASE WHEN last_held_at IS "
                    "NULL OR last_held_at < ?2 THEN ?2 ELSE last_held_at END WHERE id = ?1"));
      held.Bind(1, session.relationship_id).Bind(2, absl::ToUnixSeconds(session.starts_at));
      RETURN_IF_ERROR(held.Run());
    }
    RETURN_IF_ERROR(KeepReceipt(c, receipt, id));
    ASSIGN_OR_RETURN(out, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace tandem::storage
