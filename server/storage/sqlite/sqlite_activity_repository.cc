#include "server/storage/sqlite/sqlite_activity_repository.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::FormatMonth;

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
    // Only the latest version of a month's return is counted: the one
    // before stops being it (migrations/0013_figures.sql).
    ASSIGN_OR_RETURN(Statement earlier, c.Prepare("UPDATE monthly_returns SET latest = 0 WHERE "
                                                  "member_id = ? AND month = ? AND latest = 1"));
    earlier.Bind(1, member_id).Bind(2, m);
    RETURN_IF_ERROR(earlier.Run());
    ASSIGN_OR_RETURN(
        Statement w,
        c.Prepare(absl::StrCat("INSERT INTO monthly_returns (member_id, month, ", kVersionColumns,
                               ", organisation_id, latest) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                               "?9, ?10, ?11, ?12, ?13, ?14, a.organisation_id, 1 FROM accounts a "
                               "WHERE a.id = ?1")));
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
    if (c.Changes() != 1) return absl::NotFoundError("No such account.");
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

namespace {

using domain::FactQuery;
using domain::ThemeCount;

// Numbered placeholders for q's organisations, from parameter `first` on,
// bound by BindIds(s, first, q.organisation_ids).
std::string Orgs(int first, const FactQuery& q) {
  return Numbered(first, q.organisation_ids.size());
}

// Counts of rows by their text (themes, newline-separated), then split into
// codes: a period's held sessions name a few hundred combinations at most.
class ThemeCounter {
 public:
  void Add(absl::string_view themes) {
    auto it = by_text_.find(themes);
    if (it == by_text_.end()) it = by_text_.emplace(std::string(themes), 0).first;
    ++it->second;
  }
  void AddTo(absl::CivilMonth month, std::vector<ThemeCount>& out) {
    std::map<std::string, int64_t> codes;
    for (const auto& [text, n] : by_text_) {
      for (const std::string& code : Lines(text)) codes[code] += n;
    }
    for (const auto& [code, n] : codes)
      out.push_back({.month = month, .code = code, .mentions = n});
    by_text_.clear();
  }

 private:
  absl::flat_hash_map<std::string, int64_t> by_text_;
};

absl::Time ColumnToTime(int64_t seconds) {
  if (seconds == INT64_MIN) return absl::InfinitePast();
  if (seconds == INT64_MAX) return absl::InfiniteFuture();
  return absl::FromUnixSeconds(seconds);
}

}  // namespace

absl::StatusOr<domain::SessionTotals> SqliteFiguresRepository::Sessions(const FactQuery& q) {
  domain::SessionTotals out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // Every statement reads one range of sessions_for_figures per
    // organisation: (organisation, status, kind, start).
    const std::string in =
        absl::StrCat(" FROM sessions WHERE coachee_organisation_id IN (", Orgs(6, q),
                     ") AND status = ?1 AND kind IN (?2, ?3) AND "
                     "starts_at >= ?4 AND starts_at < ?5");
    ASSIGN_OR_RETURN(
        Statement count,
        c.Prepare(absl::StrCat("SELECT COUNT(*), COALESCE(SUM(actual_minutes), 0)", in)));
    // Distinct coachees, but no more than the figures need.
    ASSIGN_OR_RETURN(Statement people,
                     c.Prepare(absl::StrCat("SELECT COUNT(*) FROM (SELECT DISTINCT coachee_id", in,
                                            " LIMIT ", domain::kPeopleCountedTo, ")")));
    const auto bind = [&](Statement& s, domain::SessionStatus status, int kind_a, int kind_b,
                          absl::Time from, absl::Time to) {
      s.Reset()
          .Bind(1, int64_t{static_cast<int>(status)})
          .Bind(2, int64_t{kind_a})
          .Bind(3, int64_t{kind_b})
          .Bind(4, absl::ToUnixSeconds(from))
          .Bind(5, absl::ToUnixSeconds(to));
      BindIds(s, 6, q.organisation_ids);
    };
    const auto single = [](Statement& s) -> absl::StatusOr<int64_t> {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      return row ? s.Int(0) : 0;
    };
    constexpr int kCoaching = static_cast<int>(domain::SupportKind::kCoaching);
    constexpr int kMentoring = static_cast<int>(domain::SupportKind::kMentoring);
    // Sessions of each kind and status in [from, to), with the coachees of
    // those held; only the non-zero ones.
    const auto counts_in = [&](absl::Time from, absl::Time to,
                               std::vector<domain::SessionCount>& into) -> absl::Status {
      for (const domain::SessionStatus status :
           {domain::SessionStatus::kCancelled, domain::SessionStatus::kHeld,
            domain::SessionStatus::kNotHeld}) {
        for (const int kind : {kCoaching, kMentoring}) {
          bind(count, status, kind, kind, from, to);
          ASSIGN_OR_RETURN(const bool row, count.Step());
          if (!row || count.Int(0) == 0) continue;
          domain::SessionCount n{.kind = static_cast<domain::SupportKind>(kind),
                                 .status = status,
                                 .sessions = count.Int(0),
                                 .minutes = count.Int(1)};
          if (status == domain::SessionStatus::kHeld) {
            bind(people, status, kind, kind, from, to);
            ASSIGN_OR_RETURN(n.people, single(people));
          }
          into.push_back(n);
        }
      }
      return absl::OkStatus();
    };
    if (!q.tables) {
      RETURN_IF_ERROR(counts_in(q.from, q.to, out.period));
      bind(people, domain::SessionStatus::kHeld, kCoaching, kMentoring, q.from, q.to);
      ASSIGN_OR_RETURN(out.held_people, single(people));
      return absl::OkStatus();
    }
    // With the tables: month by month, the sessions held read once for
    // their counts, coachees and themes; the period as the months' sum.
    ASSIGN_OR_RETURN(Statement held, c.Prepare(absl::StrCat(
                                         "SELECT kind, coachee_id, actual_minutes, themes", in)));
    // Distinct coachees, but no more than the figures need.
    struct People {
      absl::flat_hash_set<int64_t> ids;
      void Add(int64_t id) {
        if (static_cast<int64_t>(ids.size()) < domain::kPeopleCountedTo) ids.insert(id);
      }
      int64_t Count() const { return static_cast<int64_t>(ids.size()); }
    };
    std::map<std::pair<int, int>, domain::SessionCount> period;
    std::array<People, 3> period_people;  // by kind
    People anyone;
    ThemeCounter themes;
    const auto add_to_period = [&](const domain::SessionCount& n) {
      domain::SessionCount& sum = period[{static_cast<int>(n.status), static_cast<int>(n.kind)}];
      sum.kind = n.kind;
      sum.status = n.status;
      sum.sessions += n.sessions;
      sum.minutes += n.minutes;
    };
    for (const domain::MonthSpan& m : q.months) {
      std::array<domain::SessionCount, 3> by_kind;
      std::array<People, 3> month_people;
      bind(held, domain::SessionStatus::kHeld, kCoaching, kMentoring, m.from, m.to);
      while (true) {
        ASSIGN_OR_RETURN(const bool row, held.Step());
        if (!row) break;
        const int64_t kind = held.Int(0);
        if (kind != kCoaching && kind != kMentoring) {
          return absl::InternalError("A stored session has no kind.");
        }
        domain::SessionCount& n = by_kind[static_cast<size_t>(kind)];
        ++n.sessions;
        n.minutes += held.Int(2);
        const int64_t coachee = held.Int(1);
        month_people[static_cast<size_t>(kind)].Add(coachee);
        period_people[static_cast<size_t>(kind)].Add(coachee);
        anyone.Add(coachee);
        themes.Add(held.TextView(3));
      }
      themes.AddTo(m.month, out.themes);
      std::vector<domain::SessionCount> month;
      for (const int kind : {kCoaching, kMentoring}) {
        domain::SessionCount& n = by_kind[static_cast<size_t>(kind)];
        if (n.sessions == 0) continue;
        n.kind = static_cast<domain::SupportKind>(kind);
        n.status = domain::SessionStatus::kHeld;
        n.people = month_people[static_cast<size_t>(kind)].Count();
        month.push_back(n);
      }
      // Cancelled and not attended: counted, nobody behind them needed.
      for (const domain::SessionStatus status :
           {domain::SessionStatus::kCancelled, domain::SessionStatus::kNotHeld}) {
        for (const int kind : {kCoaching, kMentoring}) {
          bind(count, status, kind, kind, m.from, m.to);
          ASSIGN_OR_RETURN(const bool row, count.Step());
          if (!row || count.Int(0) == 0) continue;
          month.push_back({.kind = static_cast<domain::SupportKind>(kind),
                           .status = status,
                           .sessions = count.Int(0),
                           .minutes = count.Int(1)});
        }
      }
      for (const domain::SessionCount& n : month) {
        out.by_month.emplace_back(m.month, n);
        add_to_period(n);
      }
    }
    for (auto& [key, n] : period) {
      if (n.status == domain::SessionStatus::kHeld) {
        n.people = period_people[static_cast<size_t>(n.kind)].Count();
      }
      out.period.push_back(n);
    }
    out.held_people = anyone.Count();
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::RequestTotals> SqliteFiguresRepository::Requests(const FactQuery& q) {
  domain::RequestTotals out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // Each is an index range of its own: made in the period
    // (requests_by_organisation_created), matched in it
    // (relationships_by_created, then the request: CROSS JOIN keeps that
    // order, which the planner without statistics would turn round), first
    // session held in it (relationships_by_first_held), waiting now
    // (requests_waiting).
    const std::string orgs = Orgs(3, q);
    const auto prepare = [&](const std::string& sql) -> absl::StatusOr<Statement> {
      ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
      s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
      BindIds(s, 3, q.organisation_ids);
      return s;
    };
    const auto pairs = [](Statement& s,
                          std::vector<std::pair<absl::Time, absl::Time>>& into) -> absl::Status {
      while (true) {
        ASSIGN_OR_RETURN(const bool row, s.Step());
        if (!row) return absl::OkStatus();
        into.emplace_back(absl::FromUnixSeconds(s.Int(0)), absl::FromUnixSeconds(s.Int(1)));
      }
    };
    ASSIGN_OR_RETURN(Statement made,
                     prepare(absl::StrCat("SELECT COUNT(*) FROM requests WHERE "
                                          "coachee_organisation_id IN (",
                                          orgs, ") AND created_at >= ?1 AND created_at < ?2")));
    ASSIGN_OR_RETURN(const bool row, made.Step());
    if (row) out.made = made.Int(0);
    ASSIGN_OR_RETURN(Statement matched,
                     prepare(absl::StrCat("SELECT q.created_at, r.created_at FROM relationships r "
                                          "CROSS JOIN requests q ON q.id = r.request_id WHERE "
                                          "r.created_at >= ?1 AND r.created_at < ?2 AND "
                                          "q.coachee_organisation_id IN (",
                                          orgs, ")")));
    RETURN_IF_ERROR(pairs(matched, out.matched));
    if (!q.tables) return absl::OkStatus();
    ASSIGN_OR_RETURN(Statement first,
                     prepare(absl::StrCat("SELECT created_at, first_held_at FROM relationships "
                                          "INDEXED BY relationships_by_first_held WHERE "
                                          "first_held_at >= ?1 AND first_held_at < ?2 AND "
                                          "coachee_organisation_id IN (",
                                          orgs, ")")));
    RETURN_IF_ERROR(pairs(first, out.first_sessions));
    ASSIGN_OR_RETURN(Statement waiting,
                     prepare(absl::StrCat("SELECT waiting_since FROM requests WHERE status IN (",
                                          static_cast<int>(domain::RequestStatus::kWaiting), ", ",
                                          static_cast<int>(domain::RequestStatus::kPending),
                                          ") AND coachee_organisation_id IN (", orgs, ")")));
    while (true) {
      ASSIGN_OR_RETURN(const bool more, waiting.Step());
      if (!more) break;
      out.waiting_since.push_back(absl::FromUnixSeconds(waiting.Int(0)));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int64_t> SqliteFiguresRepository::ReturnedToWaiting(const FactQuery& q) {
  int64_t out = 0;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat("SELECT COUNT(*) FROM request_answers a JOIN requests q ON q.id = "
                               "a.request_id WHERE a.accepted = 0 AND a.answered_at >= ?1 AND "
                               "a.answered_at < ?2 AND q.coachee_organisation_id IN (",
                               Orgs(3, q), ")")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) out = s.Int(0);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::RelationshipTotals> SqliteFiguresRepository::Relationships(
    const FactQuery& q) {
  domain::RelationshipTotals out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // Under way: begun before `to`, and open or ended since `from` — two
    // ranges of relationships_under_way.
    const std::string orgs = Orgs(3, q);
    const std::string under_way = absl::StrCat(
        "SELECT id, kind, coachee_id, coachee_organisation_id, created_at, ended_at FROM "
        "relationships WHERE coachee_organisation_id IN (",
        orgs,
        ") AND ended_at IS NULL AND created_at < ?2 UNION ALL SELECT id, kind, coachee_id, "
        "coachee_organisation_id, created_at, ended_at FROM relationships WHERE "
        "coachee_organisation_id IN (",
        orgs, ") AND ended_at >= ?1 AND created_at < ?2");
    if (!q.tables) {
      ASSIGN_OR_RETURN(Statement counts,
                       c.Prepare(absl::StrCat("SELECT COUNT(*), COALESCE(SUM(created_at >= ?1), "
                                              "0) FROM (",
                                              under_way, ")")));
      counts.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
      BindIds(counts, 3, q.organisation_ids);
      ASSIGN_OR_RETURN(const bool row, counts.Step());
      if (row) {
        out.under_way = counts.Int(0);
        out.begun = counts.Int(1);
      }
      return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT u.kind, u.coachee_id, u.coachee_organisation_id, u.created_at, u.ended_at, "
            "COALESCE(d.staff_group, 0), COALESCE(d.profession, 0), COALESCE(d.pay_band, 0), "
            "COALESCE(d.clinical, 0), COALESCE(d.ethnic_group, 0), COALESCE(d.disability, 0) "
            "FROM (",
            under_way, ") u LEFT JOIN account_declarations d ON d.account_id = u.coachee_id")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    ASSIGN_OR_RETURN(out.rows, All<domain::RelationshipFact>(s, [](const Statement& r) {
                       return domain::RelationshipFact{
                           .kind = static_cast<domain::SupportKind>(r.Int(0)),
                           .coachee_id = r.Int(1),
                           .organisation_id = r.Int(2),
                           .started = absl::FromUnixSeconds(r.Int(3)),
                           .ended = r.OptionalTime(4),
                           .declaration = {.staff_group = static_cast<int>(r.Int(5)),
                                           .profession = static_cast<int>(r.Int(6)),
                                           .pay_band = static_cast<int>(r.Int(7)),
                                           .clinical = static_cast<int>(r.Int(8)),
                                           .ethnic_group = static_cast<int>(r.Int(9)),
                                           .disability = static_cast<int>(r.Int(10))}};
                     }));
    out.under_way = static_cast<int64_t>(out.rows.size());
    for (const domain::RelationshipFact& r : out.rows) out.begun += r.started >= q.from ? 1 : 0;
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::GoalTotals> SqliteFiguresRepository::Goals(const FactQuery& q) {
  domain::GoalTotals out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    const std::string orgs = absl::StrCat("coachee_organisation_id IN (", Orgs(3, q), ")");
    const auto prepare = [&](const std::string& sql) -> absl::StatusOr<Statement> {
      ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
      s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
      BindIds(s, 3, q.organisation_ids);
      return s;
    };
    ASSIGN_OR_RETURN(Statement set,
                     prepare(absl::StrCat("SELECT COUNT(*) FROM goals WHERE ", orgs,
                                          " AND created_at >= ?1 AND created_at < ?2")));
    ASSIGN_OR_RETURN(bool row, set.Step());
    if (row) out.set = set.Int(0);
    ASSIGN_OR_RETURN(Statement dropped,
                     prepare(absl::StrCat("SELECT COUNT(*) FROM goals WHERE ", orgs,
                                          " AND closed_at >= ?1 AND closed_at < ?2 AND state = ",
                                          static_cast<int>(domain::GoalState::kDropped))));
    ASSIGN_OR_RETURN(row, dropped.Step());
    if (row) out.dropped = dropped.Int(0);
    ASSIGN_OR_RETURN(
        Statement ended,
        prepare(absl::StrCat("SELECT outcome, COUNT(*), COUNT(start_rating + end_rating), "
                             "COALESCE(SUM(end_rating - start_rating), 0) FROM goals WHERE ",
                             orgs, " AND end_at >= ?1 AND end_at < ?2 GROUP BY outcome")));
    while (true) {
      ASSIGN_OR_RETURN(row, ended.Step());
      if (!row) break;
      const int64_t outcome = ended.Int(0);
      if (outcome < 0 || outcome >= static_cast<int64_t>(out.ended.size())) {
        return absl::InternalError("A stored goal has no known outcome.");
      }
      out.ended[static_cast<size_t>(outcome)] += ended.Int(1);
      out.rating_changes += ended.Int(2);
      out.rating_change_sum += ended.Int(3);
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::RatingCount>> SqliteFiguresRepository::RatingAnswers(
    const FactQuery& q) {
  std::vector<domain::RatingCount> out;
  if (q.organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // Both indexes cover what is read; the answers are added up here, as
    // SQLite would sort every one of them to group them.
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            "SELECT e.audience, a.wording, a.choice FROM evaluations e JOIN evaluation_answers a "
            "ON a.evaluation_id = e.id WHERE e.coachee_organisation_id IN (",
            Orgs(3, q),
            ") AND e.submitted_at >= ?1 AND e.submitted_at < ?2 AND a.type = 1 AND a.choice > "
            "0")));
    s.Bind(1, absl::ToUnixSeconds(q.from)).Bind(2, absl::ToUnixSeconds(q.to));
    BindIds(s, 3, q.organisation_ids);
    std::array<absl::flat_hash_map<std::string, std::pair<int64_t, int64_t>>, 3> by_audience;
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      const int64_t audience = s.Int(0);
      if (audience < 1 || audience > 2)
        return absl::InternalError("An evaluation has no audience.");
      auto& questions = by_audience[static_cast<size_t>(audience)];
      auto it = questions.find(s.TextView(1));
      if (it == questions.end())
        it = questions.emplace(std::string(s.TextView(1)), std::pair{0, 0}).first;
      ++it->second.first;
      it->second.second += s.Int(2);
    }
    for (size_t audience = 1; audience < by_audience.size(); ++audience) {
      for (auto& [question, n] : by_audience[audience]) {
        out.push_back({.audience = static_cast<domain::Audience>(audience),
                       .question = question,
                       .answers = n.first,
                       .choice_sum = n.second});
      }
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::ReturnTotals> SqliteFiguresRepository::Returns(const FactQuery& q) {
  domain::ReturnTotals out;
  if (q.organisation_ids.empty() || q.months.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // The latest version of each month's return, by the member's
    // organisation: monthly_returns_for_figures (organisation, latest,
    // month, themes).
    const std::string latest =
        absl::StrCat(" FROM monthly_returns WHERE organisation_id IN (", Orgs(3, q),
                     ") AND latest = 1 AND month >= ?1 AND "
                     "month <= ?2");
    const auto prepare = [&](const std::string& sql) -> absl::StatusOr<Statement> {
      ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
      s.Bind(1, FormatMonth(q.months.front().month)).Bind(2, FormatMonth(q.months.back().month));
      BindIds(s, 3, q.organisation_ids);
      return s;
    };
    if (!q.tables) {
      ASSIGN_OR_RETURN(Statement count, prepare(absl::StrCat("SELECT COUNT(*)", latest)));
      ASSIGN_OR_RETURN(const bool row, count.Step());
      if (row) out.confirmed = count.Int(0);
      return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(Statement themes, prepare(absl::StrCat("SELECT month, themes", latest)));
    std::map<std::string, ThemeCounter> by_month;
    while (true) {
      ASSIGN_OR_RETURN(const bool row, themes.Step());
      if (!row) break;
      ++out.confirmed;
      by_month[themes.Text(0)].Add(themes.TextView(1));
    }
    for (auto& [month, counter] : by_month) {
      const std::optional<absl::CivilMonth> parsed = domain::ParseMonth(month);
      if (!parsed) return absl::InternalError("A stored return has no month.");
      counter.AddTo(*parsed, out.themes);
    }
    // Typed new themes: few, on a partial index of their own (which the
    // planner, without statistics, would not pick).
    ASSIGN_OR_RETURN(
        Statement typed,
        prepare(absl::StrCat("SELECT member_id, month, version, sealed_new_theme FROM "
                             "monthly_returns INDEXED BY monthly_returns_new_themes WHERE "
                             "organisation_id IN (",
                             Orgs(3, q),
                             ") AND latest = 1 AND month >= ?1 AND month <= ?2 AND "
                             "sealed_new_theme IS NOT NULL")));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, typed.Step());
      if (!row) break;
      const std::optional<absl::CivilMonth> parsed = domain::ParseMonth(typed.Text(1));
      if (!parsed) return absl::InternalError("A stored return has no month.");
      out.new_themes.push_back({.member_id = typed.Int(0),
                                .month = *parsed,
                                .version = static_cast<int>(typed.Int(2)),
                                .sealed = typed.Blob(3)});
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::PoolRows> SqliteFiguresRepository::Pool(
    const std::vector<int64_t>& organisation_ids, absl::CivilMonth month) {
  domain::PoolRows out;
  if (organisation_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    const std::string orgs = Numbered(3, organisation_ids.size());
    // profiles_for_figures covers the profile; sorted here by name (as
    // SQLite's BINARY collation would), which is cheaper than its sorter.
    ASSIGN_OR_RETURN(
        Statement members,
        c.Prepare(absl::StrCat(
            "SELECT p.account_id, a.display_name, p.kind, p.status, p.capacity, p.current_load, "
            "p.last_supervision_on, p.coaching_listed_until, p.created_at FROM profiles p JOIN "
            "accounts a ON a.id = p.account_id WHERE p.organisation_id IN (",
            orgs, ") AND p.status = ?2")));
    members.Bind(2, int64_t{static_cast<int>(domain::PoolStatus::kApproved)});
    BindIds(members, 3, organisation_ids);
    // Who confirmed a return for the month: one range of
    // monthly_returns_by_month, rather than a lookup per member.
    absl::flat_hash_set<int64_t> returned;
    ASSIGN_OR_RETURN(Statement month_returns,
                     c.Prepare("SELECT member_id FROM monthly_returns WHERE month = ?1 AND "
                               "version = 1"));
    month_returns.Bind(1, FormatMonth(month));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, month_returns.Step());
      if (!row) break;
      returned.insert(month_returns.Int(0));
    }
    while (true) {
      ASSIGN_OR_RETURN(const bool row, members.Step());
      if (!row) break;
      domain::PoolMemberFact m{.account_id = members.Int(0),
                               .display_name = members.Text(1),
                               .kind = static_cast<domain::ProfileKind>(members.Int(2)),
                               .status = static_cast<domain::PoolStatus>(members.Int(3)),
                               .capacity = static_cast<int>(members.Int(4)),
                               .current_load = static_cast<int>(members.Int(5)),
                               .coaching_listed_until = ColumnToTime(members.Int(7)),
                               .joined = absl::FromUnixSeconds(members.Int(8)),
                               .returned = returned.contains(members.Int(0))};
      if (!members.IsNull(6)) {
        m.last_supervision_on = domain::ToDay(absl::FromUnixSeconds(members.Int(6)));
      }
      out.members.push_back(std::move(m));
    }
    std::sort(out.members.begin(), out.members.end(),
              [](const domain::PoolMemberFact& a, const domain::PoolMemberFact& b) {
                return std::tie(a.display_name, a.account_id) <
                       std::tie(b.display_name, b.account_id);
              });
    ASSIGN_OR_RETURN(Statement count,
                     c.Prepare(absl::StrCat("SELECT COUNT(*) FROM monthly_returns WHERE "
                                            "organisation_id IN (",
                                            orgs, ") AND latest = 1 AND month = ?1")));
    count.Bind(1, FormatMonth(month));
    BindIds(count, 3, organisation_ids);
    ASSIGN_OR_RETURN(const bool row, count.Step());
    if (row) out.returned = count.Int(0);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::Qualification>> SqliteFiguresRepository::Qualifications(
    const std::vector<int64_t>& account_ids) {
  std::vector<domain::Qualification> out;
  if (account_ids.empty()) return out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(
                                      "SELECT account_id, id, type, verified_on, expires_on FROM "
                                      "qualifications WHERE account_id IN (",
                                      Numbered(1, account_ids.size()), ") ORDER BY id")));
    BindIds(s, 1, account_ids);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      domain::Qualification q;
      q.account_id = s.Int(0);
      q.id = s.Int(1);
      q.type = static_cast<domain::QualificationType>(s.Int(2));
      if (!s.IsNull(3)) q.verified_on = domain::ToDay(absl::FromUnixSeconds(s.Int(3)));
      if (!s.IsNull(4)) q.expires_on = domain::ToDay(absl::FromUnixSeconds(s.Int(4)));
      out.push_back(std::move(q));
    }
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
    // relationships_by_state holds everything the list filters and sorts
    // on; names are read for the page alone.
    std::string sql = absl::StrCat(
        "WITH y AS (SELECT id, kind, state, coachee_id, member_id, created_at, sessions_held, "
        "last_held_at FROM relationships WHERE state IN (",
        Numbered(states_from, q.states.size()), ") AND (coachee_organisation_id IN (",
        Numbered(5, n), ") OR member_organisation_id IN (", Numbered(5, n),
        ")) AND (?4 = 0 OR COALESCE(last_held_at, created_at) < ?3)) "
        "SELECT y.id, y.kind, y.state, c.display_name, m.display_name, y.created_at, "
        "y.sessions_held, y.last_held_at, (SELECT COUNT(*) FROM y) FROM (SELECT * FROM y ORDER "
        "BY COALESCE(last_held_at, created_at), id LIMIT ?1 OFFSET ?2) y JOIN accounts c ON "
        "c.id = y.coachee_id JOIN accounts m ON m.id = y.member_id ORDER BY "
        "COALESCE(y.last_held_at, y.created_at), y.id");
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
