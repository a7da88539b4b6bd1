#include "server/storage/sqlite/sqlite_activity_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::FormatMonth;

// Held, as stored (domain::SessionStatus::kHeld).
constexpr int kHeld = static_cast<int>(domain::SessionStatus::kHeld);
static_assert(kHeld == 4);

std::vector<std::string> Lines(const std::string& text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, '\n');
}

// "?3,?4,…" for `count` ids from parameter `first` on.
std::string Numbered(int first, size_t count) {
  std::vector<std::string> marks;
  for (size_t i = 0; i < count; ++i)
    marks.push_back(absl::StrCat("?", first + static_cast<int>(i)));
  return absl::StrJoin(marks, ",");
}

void BindIds(Statement& s, int first, const std::vector<int64_t>& ids) {
  for (size_t i = 0; i < ids.size(); ++i) s.Bind(first + static_cast<int>(i), ids[i]);
}

// The end of a relationship: its first move to completed or ended early.
constexpr char kEndedAt[] =
    "(SELECT MIN(h.at) FROM relationship_history h WHERE h.relationship_id = r.id AND "
    "h.to_state IN (3, 4))";

template <typename T, typename Read>
absl::StatusOr<std::vector<T>> All(Statement& s, Read read) {
  std::vector<T> out;
  while (true) {
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    out.push_back(read(s));
  }
}

constexpr char kVersionColumns[] =
    "version, at, reason, coaching_minutes, mentoring_minutes, sessions_held, "
    "sessions_cancelled, sessions_not_attended, active_relationships, new_relationships, themes, "
    "sealed_new_theme";

// Reads kVersionColumns from column `at` on.
domain::ReturnVersion ReadVersion(const Statement& s, int at) {
  domain::ReturnVersion v;
  v.version = static_cast<int>(s.Int(at));
  v.at = absl::FromUnixSeconds(s.Int(at + 1));
  v.reason = s.Text(at + 2);
  v.derived = {.coaching_minutes = static_cast<int>(s.Int(at + 3)),
               .mentoring_minutes = static_cast<int>(s.Int(at + 4)),
               .sessions_held = static_cast<int>(s.Int(at + 5)),
               .sessions_cancelled = static_cast<int>(s.Int(at + 6)),
               .sessions_not_attended = static_cast<int>(s.Int(at + 7)),
               .active_relationships = static_cast<int>(s.Int(at + 8)),
               .new_relationships = static_cast<int>(s.Int(at + 9))};
  v.themes = Lines(s.Text(at + 10));
  v.sealed_new_theme = s.Blob(at + 11);
  return v;
}

domain::AddedHours ReadHours(const Statement& s, int at) {
  return {.kind = static_cast<domain::SupportKind>(s.Int(at)),
          .category = static_cast<domain::HoursCategory>(s.Int(at + 1)),
          .paid = s.Int(at + 2) != 0,
          .minutes = static_cast<int>(s.Int(at + 3))};
}

}  // namespace

absl::StatusOr<std::vector<domain::SessionFact>> SqliteReturnRepository::MemberSessions(
    int64_t member_id, absl::Time from, absl::Time to) {
  std::vector<domain::SessionFact> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT s.relationship_id, r.kind, s.status, s.starts_at, "
                               "s.actual_minutes FROM sessions s JOIN relationships r ON r.id = "
                               "s.relationship_id WHERE r.member_id = ? AND s.starts_at >= ? AND "
                               "s.starts_at < ? ORDER BY s.starts_at, s.id"));
    s.Bind(1, member_id).Bind(2, absl::ToUnixSeconds(from)).Bind(3, absl::ToUnixSeconds(to));
    ASSIGN_OR_RETURN(out, All<domain::SessionFact>(s, [](const Statement& row) {
                       return domain::SessionFact{
                           .relationship_id = row.Int(0),
                           .kind = static_cast<domain::SupportKind>(row.Int(1)),
                           .status = static_cast<domain::SessionStatus>(row.Int(2)),
                           .starts_at = absl::FromUnixSeconds(row.Int(3)),
                           .actual_minutes = static_cast<int>(row.Int(4))};
                     }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::RelationshipSpan>> SqliteReturnRepository::MemberRelationships(
    int64_t member_id) {
  std::vector<domain::RelationshipSpan> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare(absl::StrCat("SELECT r.id, r.kind, r.created_at, ", kEndedAt,
                                            " FROM relationships r WHERE r.member_id = ? "
                                            "ORDER BY r.created_at, r.id")));
    s.Bind(1, member_id);
    ASSIGN_OR_RETURN(out, All<domain::RelationshipSpan>(s, [](const Statement& row) {
                       return domain::RelationshipSpan{
                           .id = row.Int(0),
                           .kind = static_cast<domain::SupportKind>(row.Int(1)),
                           .started = absl::FromUnixSeconds(row.Int(2)),
                           .ended = row.OptionalTime(3)};
                     }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::ReturnVersion>> SqliteReturnRepository::Versions(
    int64_t member_id, absl::CivilMonth month) {
  std::vector<domain::ReturnVersion> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare(absl::StrCat("SELECT ", kVersionColumns,
                                            " FROM monthly_returns WHERE member_id = ? AND "
                                            "month = ? ORDER BY version DESC")));
    s.Bind(1, member_id).Bind(2, FormatMonth(month));
    ASSIGN_OR_RETURN(out, All<domain::ReturnVersion>(
                              s, [](const Statement& row) { return ReadVersion(row, 0); }));
    ASSIGN_OR_RETURN(Statement h, c.Prepare("SELECT version, kind, category, paid, minutes FROM "
                                            "return_hours WHERE member_id = ? AND month = ? "
                                            "ORDER BY version, position"));
    h.Bind(1, member_id).Bind(2, FormatMonth(month));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, h.Step());
      if (!row) break;
      for (domain::ReturnVersion& v : out) {
        if (v.version == h.Int(0)) v.added.push_back(ReadHours(h, 1));
      }
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<std::pair<absl::CivilMonth, domain::ReturnVersion>>>
SqliteReturnRepository::Latest(int64_t member_id) {
  std::vector<std::pair<absl::CivilMonth, domain::ReturnVersion>> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat("SELECT month, ", kVersionColumns,
                               " FROM monthly_returns m WHERE member_id = ?1 AND version = "
                               "(SELECT MAX(x.version) FROM monthly_returns x WHERE x.member_id = "
                               "?1 AND x.month = m.month) ORDER BY month")));
    s.Bind(1, member_id);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      const std::optional<absl::CivilMonth> month = domain::ParseMonth(s.Text(0));
      if (!month) return absl::InternalError("A stored return has no month.");
      out.emplace_back(*month, ReadVersion(s, 1));
    }
    ASSIGN_OR_RETURN(Statement h, c.Prepare("SELECT month, version, kind, category, paid, minutes "
                                            "FROM return_hours WHERE member_id = ? ORDER BY "
                                            "month, version, position"));
    h.Bind(1, member_id);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, h.Step());
      if (!row) break;
      for (auto& [month, v] : out) {
        if (FormatMonth(month) == h.Text(0) && v.version == h.Int(1)) {
          v.added.push_back(ReadHours(h, 2));
        }
      }
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::Status SqliteReturnRepository::Append(int64_t member_id, absl::CivilMonth month,
                                            const domain::ReturnVersion& v,
                                            const domain::WriteReceipt& receipt,
                                            int64_t result_id) {
  const std::string m = FormatMonth(month);
  return db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(RequireUnusedKey(c, receipt));
    ASSIGN_OR_RETURN(Statement latest,
                     c.Prepare("SELECT COALESCE(MAX(version), 0) FROM monthly_returns WHERE "
                               "member_id = ? AND month = ?"));
    latest.Bind(1, member_id).Bind(2, m);
    ASSIGN_OR_RETURN(const bool row, latest.Step());
    if (!row || latest.Int(0) != v.version - 1) {
      return absl::FailedPreconditionError(
          "This return changed meanwhile; look at it again and then save your change.");
    }
    ASSIGN_OR_RETURN(
        Statement w,
        c.Prepare(absl::StrCat("INSERT INTO monthly_returns (member_id, month, ", kVersionColumns,
                               ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
    w.Bind(1, member_id)
        .Bind(2, m)
        .Bind(3, v.version)
        .Bind(4, absl::ToUnixSeconds(v.at))
        .Bind(5, v.reason)
        .Bind(6, v.derived.coaching_minutes)
        .Bind(7, v.derived.mentoring_minutes)
        .Bind(8, v.derived.sessions_held)
        .Bind(9, v.derived.sessions_cancelled)
        .Bind(10, v.derived.sessions_not_attended)
        .Bind(11, v.derived.active_relationships)
        .Bind(12, v.derived.new_relationships)
        .Bind(13, absl::StrJoin(v.themes, "\n"));
    if (v.sealed_new_theme.empty()) {
      w.BindNull(14);
    } else {
      w.BindBlob(14, v.sealed_new_theme);
    }
    RETURN_IF_ERROR(w.Run());
    for (size_t i = 0; i < v.added.size(); ++i) {
      const domain::AddedHours& a = v.added[i];
      ASSIGN_OR_RETURN(Statement h, c.Prepare("INSERT INTO return_hours (member_id, month, "
                                              "version, position, kind, category, paid, minutes) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
      h.Bind(1, member_id)
          .Bind(2, m)
          .Bind(3, v.version)
          .Bind(4, static_cast<int64_t>(i))
          .Bind(5, static_cast<int64_t>(a.kind))
          .Bind(6, static_cast<int64_t>(a.category))
          .Bind(7, a.paid ? 1 : 0)
          .Bind(8, a.minutes);
      RETURN_IF_ERROR(h.Run());
    }
    return KeepReceipt(c, receipt, result_id);
  });
}

// ---- Reach ---------------------------------------------------------------------

absl::StatusOr<domain::Declaration> SqliteReachRepository::GetDeclaration(int64_t account_id) {
  domain::Declaration d;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT staff_group, profession, pay_band, clinical, "
                                            "ethnic_group, disability, saved_at FROM "
                                            "account_declarations WHERE account_id = ?"));
    s.Bind(1, account_id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::OkStatus();
    d = {.staff_group = static_cast<int>(s.Int(0)),
         .profession = static_cast<int>(s.Int(1)),
         .pay_band = static_cast<int>(s.Int(2)),
         .clinical = static_cast<int>(s.Int(3)),
         .ethnic_group = static_cast<int>(s.Int(4)),
         .disability = static_cast<int>(s.Int(5)),
         .saved_at = absl::FromUnixSeconds(s.Int(6))};
    return absl::OkStatus();
  }));
  return d;
}

absl::Status SqliteReachRepository::PutDeclaration(int64_t account_id,
                                                   const domain::Declaration& d) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare("INSERT INTO account_declarations (account_id, staff_group, profession, "
                  "pay_band, clinical, ethnic_group, disability, saved_at) VALUES (?1, ?2, ?3, "
                  "?4, ?5, ?6, ?7, ?8) ON CONFLICT (account_id) DO UPDATE SET staff_group = ?2, "
                  "profession = ?3, pay_band = ?4, clinical = ?5, ethnic_group = ?6, "
                  "disability = ?7, saved_at = ?8"));
    s.Bind(1, account_id)
        .Bind(2, d.staff_group)
        .Bind(3, d.profession)
        .Bind(4, d.pay_band)
        .Bind(5, d.clinical)
        .Bind(6, d.ethnic_group)
        .Bind(7, d.disability)
        .Bind(8, absl::ToUnixSeconds(d.saved_at.value_or(absl::UnixEpoch())));
    return s.Run();
  });
}

absl::StatusOr<domain::OrganisationSettings> SqliteReachRepository::GetSettings(
    int64_t organisation_id) {
  domain::OrganisationSettings out{.organisation_id = organisation_id};
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT headcount, equality_monitoring FROM "
                                            "organisation_settings WHERE organisation_id = ?"));
    s.Bind(1, organisation_id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) {
      out.headcount = static_cast<int>(s.Int(0));
      out.equality_monitoring = s.Int(1) != 0;
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::Status SqliteReachRepository::PutSettings(const domain::OrganisationSettings& settings) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("INSERT INTO organisation_settings (organisation_id, headcount, "
                               "equality_monitoring) VALUES (?1, ?2, ?3) ON CONFLICT "
                               "(organisation_id) DO UPDATE SET headcount = ?2, "
                               "equality_monitoring = ?3"));
    s.Bind(1, settings.organisation_id)
        .Bind(2, settings.headcount)
        .Bind(3, settings.equality_monitoring ? 1 : 0);
    return s.Run();
  });
}

// ---- Figures -------------------------------------------------------------------

absl::StatusOr<std::vector<domain::SessionRecordFact>> SqliteFiguresRepository::Sessions(
    const domain::FactQuery& q) {
  std::vector<domain::SessionRecordFact> out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT s.starts_at, r.kind, s.status, s.actual_minutes, r.coachee_id, s.themes "
            "FROM sessions s JOIN relationships r ON r.id = s.relationship_id JOIN requests q ON "
            "q.id = r.request_id WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND "
            "q.coachee_organisation_id IN (",
            Numbered(3, q.organisation_ids.size()), ")")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(out, All<domain::SessionRecordFact>(s, [](const Statement& row) {
                       return domain::SessionRecordFact{
                           .starts_at = absl::FromUnixSeconds(row.Int(0)),
                           .kind = static_cast<domain::SupportKind>(row.Int(1)),
                           .status = static_cast<domain::SessionStatus>(row.Int(2)),
                           .actual_minutes = static_cast<int>(row.Int(3)),
                           .coachee_id = row.Int(4),
                           .themes = Lines(row.Text(5))};
                     }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::RequestFact>> SqliteFiguresRepository::Requests(
    const domain::FactQuery& q) {
  std::vector<domain::RequestFact> out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    const std::string first_held = absl::StrCat(
        "(SELECT MIN(s.starts_at) FROM sessions s WHERE s.relationship_id = r.id AND s.status = ",
        kHeld, ")");
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT * FROM (SELECT q.kind, q.status, q.created_at, q.waiting_since, q.coachee_id, "
            "r.created_at AS matched_at, ",
            first_held,
            " AS first_at FROM requests q LEFT JOIN relationships r ON r.request_id = q.id WHERE "
            "q.coachee_organisation_id IN (",
            Numbered(3, q.organisation_ids.size()),
            ")) WHERE (created_at >= ?1 AND created_at < ?2) OR status IN (1, 2) OR "
            "(matched_at >= ?1 AND matched_at < ?2) OR (first_at >= ?1 AND first_at < ?2)")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(out, All<domain::RequestFact>(s, [](const Statement& row) {
                       return domain::RequestFact{
                           .kind = static_cast<domain::SupportKind>(row.Int(0)),
                           .status = static_cast<domain::RequestStatus>(row.Int(1)),
                           .created_at = absl::FromUnixSeconds(row.Int(2)),
                           .waiting_since = absl::FromUnixSeconds(row.Int(3)),
                           .coachee_id = row.Int(4),
                           .matched_at = row.OptionalTime(5),
                           .first_session_at = row.OptionalTime(6)};
                     }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int64_t> SqliteFiguresRepository::ReturnedToWaiting(const domain::FactQuery& q) {
  int64_t out = 0;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat("SELECT COUNT(*) FROM request_answers a JOIN requests q ON q.id = "
                               "a.request_id WHERE a.accepted = 0 AND a.answered_at >= ?1 AND "
                               "a.answered_at < ?2 AND q.coachee_organisation_id IN (",
                               Numbered(3, q.organisation_ids.size()), ")")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) out = s.Int(0);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::RelationshipFact>> SqliteFiguresRepository::Relationships(
    const domain::FactQuery& q) {
  std::vector<domain::RelationshipFact> out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT * FROM (SELECT r.kind, r.coachee_id, q.coachee_organisation_id, r.created_at, ",
            kEndedAt,
            " AS ended_at, COALESCE(d.staff_group, 0), COALESCE(d.profession, 0), "
            "COALESCE(d.pay_band, 0), COALESCE(d.clinical, 0), COALESCE(d.ethnic_group, 0), "
            "COALESCE(d.disability, 0) FROM relationships r JOIN requests q ON q.id = "
            "r.request_id LEFT JOIN account_declarations d ON d.account_id = r.coachee_id WHERE "
            "r.created_at < ?2 AND q.coachee_organisation_id IN (",
            Numbered(3, q.organisation_ids.size()),
            ")) WHERE ended_at IS NULL OR ended_at >= ?1")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(out, All<domain::RelationshipFact>(s, [](const Statement& row) {
                       return domain::RelationshipFact{
                           .kind = static_cast<domain::SupportKind>(row.Int(0)),
                           .coachee_id = row.Int(1),
                           .organisation_id = row.Int(2),
                           .started = absl::FromUnixSeconds(row.Int(3)),
                           .ended = row.OptionalTime(4),
                           .declaration = {.staff_group = static_cast<int>(row.Int(5)),
                                           .profession = static_cast<int>(row.Int(6)),
                                           .pay_band = static_cast<int>(row.Int(7)),
                                           .clinical = static_cast<int>(row.Int(8)),
                                           .ethnic_group = static_cast<int>(row.Int(9)),
                                           .disability = static_cast<int>(row.Int(10))}};
                     }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::GoalFact>> SqliteFiguresRepository::Goals(
    const domain::FactQuery& q) {
  std::vector<domain::GoalFact> out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT * FROM (SELECT g.created_at, g.state, g.closed_at, g.outcome, "
            "(SELECT t.rating FROM goal_ratings t WHERE t.goal_id = g.id AND t.source = 1 ORDER "
            "BY t.id LIMIT 1), "
            "(SELECT t.rating FROM goal_ratings t WHERE t.goal_id = g.id AND t.source = 3 ORDER "
            "BY t.id DESC LIMIT 1), "
            "(SELECT t.at FROM goal_ratings t WHERE t.goal_id = g.id AND t.source = 3 ORDER BY "
            "t.id DESC LIMIT 1) AS end_at "
            "FROM goals g JOIN relationships r ON r.id = g.relationship_id JOIN requests q ON "
            "q.id = r.request_id WHERE q.coachee_organisation_id IN (",
            Numbered(3, q.organisation_ids.size()),
            ")) WHERE (created_at >= ?1 AND created_at < ?2) OR (closed_at >= ?1 AND closed_at < "
            "?2) OR (end_at >= ?1 AND end_at < ?2)")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(out, All<domain::GoalFact>(s, [](const Statement& row) {
                       domain::GoalFact g{.created_at = absl::FromUnixSeconds(row.Int(0)),
                                          .state = static_cast<domain::GoalState>(row.Int(1)),
                                          .closed_at = row.OptionalTime(2),
                                          .outcome = static_cast<domain::GoalOutcome>(row.Int(3)),
                                          .end_at = row.OptionalTime(6)};
                       if (!row.IsNull(4)) g.start_rating = static_cast<int>(row.Int(4));
                       if (!row.IsNull(5)) g.end_rating = static_cast<int>(row.Int(5));
                       return g;
                     }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::RatingAnswerFact>> SqliteFiguresRepository::RatingAnswers(
    const domain::FactQuery& q) {
  std::vector<domain::RatingAnswerFact> out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT e.audience, a.wording, a.choice, e.submitted_at FROM evaluation_answers a "
            "JOIN evaluations e ON e.id = a.evaluation_id JOIN relationships r ON r.id = "
            "e.relationship_id JOIN requests q ON q.id = r.request_id WHERE a.type = 1 AND "
            "a.choice > 0 AND e.submitted_at >= ?1 AND e.submitted_at < ?2 AND "
            "q.coachee_organisation_id IN (",
            Numbered(3, q.organisation_ids.size()), ")")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(out, All<domain::RatingAnswerFact>(s, [](const Statement& row) {
                       return domain::RatingAnswerFact{
                           .audience = static_cast<domain::Audience>(row.Int(0)),
                           .question = row.Text(1),
                           .choice = static_cast<int>(row.Int(2)),
                           .at = absl::FromUnixSeconds(row.Int(3))};
                     }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::ReturnFact>> SqliteFiguresRepository::Returns(
    const std::vector<int64_t>& organisation_ids, absl::CivilMonth first, absl::CivilMonth last) {
  std::vector<domain::ReturnFact> out;
  if (organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT m.member_id, m.month, ", kVersionColumns,
            " FROM monthly_returns m JOIN accounts a ON a.id = m.member_id WHERE m.month >= ?1 "
            "AND m.month <= ?2 AND a.organisation_id IN (",
            Numbered(3, organisation_ids.size()),
            ") AND m.version = (SELECT MAX(x.version) FROM monthly_returns x WHERE x.member_id = "
            "m.member_id AND x.month = m.month) ORDER BY m.month, m.member_id")));
    s.Bind(1, FormatMonth(first)).Bind(2, FormatMonth(last));
    BindIds(s, 3, organisation_ids);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      const std::optional<absl::CivilMonth> month = domain::ParseMonth(s.Text(1));
      if (!month) return absl::InternalError("A stored return has no month.");
      out.push_back({.member_id = s.Int(0), .month = *month, .version = ReadVersion(s, 2)});
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::ProgrammeRelationshipPage> SqliteFiguresRepository::List(
    const domain::ProgrammeRelationshipQuery& q) {
  domain::ProgrammeRelationshipPage page;
  if (q.organisation_ids.empty() || q.states.empty()) return page;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    const size_t n = q.organisation_ids.size();
    const int states_from = 5 + static_cast<int>(n);
    std::string sql = absl::StrCat(
        "WITH x AS (SELECT r.id, r.kind, r.state, c.display_name AS coachee, m.display_name AS "
        "member, r.created_at, (SELECT COUNT(*) FROM sessions s WHERE s.relationship_id = r.id "
        "AND s.status = ",
        kHeld,
        ") AS held, (SELECT MAX(s.starts_at) FROM sessions s WHERE s.relationship_id = "
        "r.id AND s.status = ",
        kHeld,
        ") AS last_at FROM relationships r JOIN accounts c ON c.id = r.coachee_id JOIN accounts "
        "m ON m.id = r.member_id WHERE (c.organisation_id IN (",
        Numbered(5, n), ") OR m.organisation_id IN (", Numbered(5, n), ")) AND r.state IN (",
        Numbered(states_from, q.states.size()),
        ")), y AS (SELECT * FROM x WHERE ?4 = 0 OR COALESCE(last_at, created_at) < ?3) "
        "SELECT id, kind, state, coachee, member, created_at, held, last_at, (SELECT COUNT(*) "
        "FROM y) FROM y ORDER BY COALESCE(last_at, created_at), id LIMIT ?1 OFFSET ?2");
    ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    s.Bind(1, q.limit).Bind(2, q.offset);
    s.Bind(3, q.quiet_since ? absl::ToUnixSeconds(*q.quiet_since) : 0)
        .Bind(4, q.quiet_since ? 1 : 0);
    BindIds(s, 5, q.organisation_ids);
    for (size_t i = 0; i < q.states.size(); ++i) {
      s.Bind(states_from + static_cast<int>(i), static_cast<int64_t>(q.states[i]));
    }
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      page.relationships.push_back({.id = s.Int(0),
                                    .kind = static_cast<domain::SupportKind>(s.Int(1)),
                                    .state = static_cast<domain::RelationshipState>(s.Int(2)),
                                    .coachee_name = s.Text(3),
                                    .member_name = s.Text(4),
                                    .started = absl::FromUnixSeconds(s.Int(5)),
                                    .sessions_held = static_cast<int>(s.Int(6)),
                                    .last_session_at = s.OptionalTime(7)});
      page.total_count = static_cast<int>(s.Int(8));
    }
    if (page.relationships.empty() && q.offset == 0) page.total_count = 0;
    return absl::OkStatus();
  }));
  return page;
}

}  // namespace tandem::storage
