#include "server/storage/sqlite/sqlite_reminder_source.h"

#include "absl/strings/str_cat.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

// The domain's numbers (server/domain/session.h, relationship.h, profile.h,
// identity.h), as stored.
constexpr int kAccepted = 2;     // SessionStatus::kAccepted
constexpr int kContracting = 1;  // RelationshipState::kContracting
constexpr int kActive = 2;       // RelationshipState::kActive
constexpr int kApproved = 2;     // PoolStatus::kApproved

/// Runs a query whose first column is an id, binding `bind` first.
absl::StatusOr<std::vector<int64_t>> Ids(Database& db, absl::string_view sql,
                                         const std::function<void(Statement&)>& bind) {
  std::vector<int64_t> out;
  RETURN_IF_ERROR(db.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    bind(s);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      out.push_back(s.Int(0));
    }
  }));
  return out;
}

}  // namespace

absl::StatusOr<std::vector<domain::UpcomingSession>> SqliteReminderSource::AcceptedSessions(
    absl::Time from, absl::Time to) {
  std::vector<domain::UpcomingSession> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT s.id, s.relationship_id, r.kind, s.starts_at, s.planned_minutes, "
            "r.coachee_id, r.member_id FROM sessions s JOIN relationships r ON "
            "r.id = s.relationship_id WHERE s.starts_at >= ? AND s.starts_at < ? AND s.status = ",
            kAccepted, " AND r.state IN (", kContracting, ", ", kActive,
            ") ORDER BY s.starts_at")));
    s.Bind(1, absl::ToUnixSeconds(from)).Bind(2, absl::ToUnixSeconds(to));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      out.push_back({.session_id = s.Int(0),
                     .relationship_id = s.Int(1),
                     .kind = static_cast<domain::SupportKind>(s.Int(2)),
                     .starts_at = absl::FromUnixSeconds(s.Int(3)),
                     .planned_minutes = static_cast<int>(s.Int(4)),
                     .coachee_id = s.Int(5),
                     .member_id = s.Int(6)});
    }
  }));
  return out;
}

absl::StatusOr<std::vector<int64_t>> SqliteReminderSource::RelationshipsForGoals(
    absl::Time ended_since) {
  return Ids(db_,
             absl::StrCat("SELECT r.id FROM relationships r WHERE r.state IN (", kContracting, ", ",
                          kActive,
                          ") OR EXISTS (SELECT 1 FROM relationship_history h WHERE "
                          "h.relationship_id = r.id AND h.to_state IN (3, 4) AND h.at >= ?) "
                          "ORDER BY r.id"),
             [&](Statement& s) { s.Bind(1, absl::ToUnixSeconds(ended_since)); });
}

absl::StatusOr<std::vector<int64_t>> SqliteReminderSource::MembersWithoutReturn(
    absl::CivilMonth month, absl::Time joined_before) {
  return Ids(
      db_,
      absl::StrCat("SELECT p.account_id FROM profiles p WHERE p.status = ", kApproved,
                   " AND p.created_at < ? AND NOT EXISTS (SELECT 1 FROM monthly_returns m "
                   "WHERE m.member_id = p.account_id AND m.month = ?) ORDER BY p.account_id"),
      [&](Statement& s) {
        s.Bind(1, absl::ToUnixSeconds(joined_before)).Bind(2, absl::FormatCivilTime(month));
      });
}

absl::StatusOr<std::vector<int64_t>> SqliteReminderSource::CoachingListingEnding(absl::Time from,
                                                                                 absl::Time to) {
  return Ids(
      db_,
      absl::StrCat("SELECT account_id FROM profiles WHERE status = ", kApproved,
                   " AND coaching_listed_until > ? AND coaching_listed_until <= ? "
                   "ORDER BY account_id"),
      [&](Statement& s) { s.Bind(1, absl::ToUnixSeconds(from)).Bind(2, absl::ToUnixSeconds(to)); });
}

absl::StatusOr<std::vector<int64_t>> SqliteReminderSource::CoordinatorsOf(int64_t organisation_id) {
  return Ids(db_,
             "SELECT account_id FROM coordinator_scopes WHERE organisation_id = ? "
             "ORDER BY account_id",
             [&](Statement& s) { s.Bind(1, organisation_id); });
}

absl::StatusOr<std::vector<domain::DueEscalation>> SqliteReminderSource::DueEscalations(
    absl::Time now) {
  std::vector<domain::DueEscalation> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT c.id, l.account_id FROM concerns c JOIN safeguarding_leads "
                               "l ON l.organisation_id = c.organisation_id WHERE "
                               "c.acknowledged_at IS NULL AND c.escalate_at <= ? ORDER BY c.id"));
    s.Bind(1, absl::ToUnixSeconds(now));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      out.push_back({.concern_id = s.Int(0), .lead_id = s.Int(1)});
    }
  }));
  return out;
}

}  // namespace tandem::storage
