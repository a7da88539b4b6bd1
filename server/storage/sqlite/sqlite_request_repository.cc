#include "server/storage/sqlite/sqlite_request_repository.h"

#include <algorithm>
#include <variant>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/domain/relationship.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::RequestStatus;
using domain::SupportRequest;

constexpr char kRequestSelect[] =
    "SELECT r.id, r.status, r.kind, r.gap, r.themes, r.delivery_mode, r.site, r.language, "
    "r.organisation_preference, r.avoid_ids, r.profession, r.pay_band, r.coachee_id, "
    "c.display_name, "
    "r.coachee_organisation_id, o.name, r.member_id, m.display_name, r.origin, r.created_at, "
    "r.waiting_since, r.sent_at, r.answer_due_at, r.answered_at, r.decline_reason, r.note, "
    "r.relationship_id, r.passed_ids "
    "FROM requests r JOIN accounts c ON c.id = r.coachee_id "
    "JOIN organisations o ON o.id = r.coachee_organisation_id "
    "LEFT JOIN accounts m ON m.id = r.member_id ";

// How a status is stored, for SQL text (an integer: safe to inline).
std::string Stored(RequestStatus status) { return absl::StrCat(static_cast<int>(status)); }

std::vector<std::string> Lines(const std::string& text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, '\n');
}

std::vector<int64_t> Ids(const std::string& text) {
  std::vector<int64_t> ids;
  for (absl::string_view part : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    int64_t id = 0;
    if (absl::SimpleAtoi(part, &id)) ids.push_back(id);
  }
  return ids;
}

void BindOptionalTime(Statement& s, int index, const std::optional<absl::Time>& time) {
  if (time) {
    s.Bind(index, absl::ToUnixSeconds(*time));
  } else {
    s.BindNull(index);
  }
}

void BindOptionalId(Statement& s, int index, int64_t id) {
  if (id != 0) {
    s.Bind(index, id);
  } else {
    s.BindNull(index);
  }
}

SupportRequest ReadRequest(const Statement& s) {
  SupportRequest r;
  r.id = s.Int(0);
  r.status = static_cast<RequestStatus>(s.Int(1));
  auto& d = r.details;
  d.kind = static_cast<domain::SupportKind>(s.Int(2));
  d.gap = s.Text(3);
  d.themes = Lines(s.Text(4));
  if (s.Int(5) != 0) d.delivery_mode = static_cast<domain::DeliveryMode>(s.Int(5));
  d.site = s.Text(6);
  d.language = s.Text(7);
  d.organisation_preference = static_cast<domain::OrganisationPreference>(s.Int(8));
  d.avoid_account_ids = Ids(s.Text(9));
  d.profession = s.Text(10);
  d.pay_band = static_cast<int>(s.Int(11));
  r.coachee_id = s.Int(12);
  r.coachee_name = s.Text(13);
  r.coachee_organisation_id = s.Int(14);
  r.coachee_organisation_name = s.Text(15);
  r.member_id = s.IsNull(16) ? 0 : s.Int(16);
  r.member_name = s.IsNull(17) ? "" : s.Text(17);
  r.origin = static_cast<domain::RequestOrigin>(s.Int(18));
  r.created_at = absl::FromUnixSeconds(s.Int(19));
  r.waiting_since = absl::FromUnixSeconds(s.Int(20));
  r.sent_at = s.OptionalTime(21);
  r.answer_due_at = s.OptionalTime(22);
  r.answered_at = s.OptionalTime(23);
  r.decline_reason = s.Text(24);
  r.note = s.Text(25);
  r.relationship_id = s.IsNull(26) ? 0 : s.Int(26);
  r.passed_member_ids = Ids(s.Text(27));
  return r;
}

absl::StatusOr<std::vector<SupportRequest>> ReadAll(Statement& s) {
  std::vector<SupportRequest> out;
  while (true) {
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) break;
    out.push_back(ReadRequest(s));
  }
  return out;
}

absl::StatusOr<std::optional<SupportRequest>> ReadOne(Connection& c, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(kRequestSelect, "WHERE r.id = ?")));
  s.Bind(1, id);
  ASSIGN_OR_RETURN(std::vector<SupportRequest> found, ReadAll(s));
  if (found.empty()) return std::optional<SupportRequest>();
  return std::optional<SupportRequest>(std::move(found.front()));
}

absl::StatusOr<SupportRequest> ReadExisting(Connection& c, int64_t id) {
  ASSIGN_OR_RETURN(std::optional<SupportRequest> found, ReadOne(c, id));
  if (!found) return absl::NotFoundError("No such request.");
  return *std::move(found);
}

}  // namespace

absl::StatusOr<SupportRequest> SqliteRequestRepository::Create(const SupportRequest& r) {
  SupportRequest created;
  const absl::Status status = db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare("INSERT INTO requests (coachee_id, coachee_organisation_id, kind, status, gap, "
                  "themes, delivery_mode, site, language, organisation_preference, avoid_ids, "
                  "profession, pay_band, member_id, origin, created_at, waiting_since, sent_at, "
                  "answer_due_at, decline_reason, note, passed_ids) VALUES (?1, ?2, ?3, ?4, ?5, "
                  "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, '', '', "
                  "'')"));
    const auto& d = r.details;
    s.Bind(1, r.coachee_id)
        .Bind(2, r.coachee_organisation_id)
        .Bind(3, int64_t{static_cast<int>(d.kind)})
        .Bind(4, int64_t{static_cast<int>(r.status)})
        .Bind(5, d.gap)
        .Bind(6, absl::StrJoin(d.themes, "\n"))
        .Bind(7, int64_t{d.delivery_mode ? static_cast<int>(*d.delivery_mode) : 0})
        .Bind(8, d.site)
        .Bind(9, d.language)
        .Bind(10, int64_t{static_cast<int>(d.organisation_preference)})
        .Bind(11, absl::StrJoin(d.avoid_account_ids, ","))
        .Bind(12, d.profession)
        .Bind(13, int64_t{d.pay_band});
    BindOptionalId(s, 14, r.member_id);
    s.Bind(15, int64_t{static_cast<int>(r.origin)})
        .Bind(16, absl::ToUnixSeconds(r.created_at))
        .Bind(17, absl::ToUnixSeconds(r.waiting_since));
    BindOptionalTime(s, 18, r.sent_at);
    BindOptionalTime(s, 19, r.answer_due_at);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(created, ReadExisting(c, c.LastInsertId()));
    return absl::OkStatus();
  });
  if (absl::IsAlreadyExists(status)) {
    return absl::FailedPreconditionError(
        absl::StrCat("You already have an open ",
                     r.details.kind == domain::SupportKind::kCoaching ? "coaching" : "mentoring",
                     " request. Withdraw it first if you want to ask again."));
  }
  RETURN_IF_ERROR(status);
  return created;
}

absl::StatusOr<SupportRequest> SqliteRequestRepository::Get(int64_t id) {
  std::optional<SupportRequest> found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(found, ReadOne(c, id));
    return absl::OkStatus();
  }));
  if (!found) return absl::NotFoundError("No such request.");
  return *std::move(found);
}

namespace {

// A change that refused, as opposed to a failure of the store.
struct Refusal {
  absl::Status status;
};

// Reads request `id`, lets `change` edit it and writes it back, on `c`
// inside the caller's transaction. A request that is missing or that
// `change` refuses is a Refusal (nothing written); a store error is an
// error.
absl::StatusOr<std::variant<SupportRequest, Refusal>> UpdateIn(
    Connection& c, int64_t id, const std::function<absl::Status(SupportRequest&)>& change) {
  absl::StatusOr<SupportRequest> found = ReadExisting(c, id);
  if (absl::IsNotFound(found.status())) return Refusal{found.status()};
  RETURN_IF_ERROR(found.status());
  const SupportRequest before = *std::move(found);
  SupportRequest r = before;
  if (absl::Status refused = change(r); !refused.ok()) return Refusal{std::move(refused)};
  ASSIGN_OR_RETURN(
      Statement s,
      c.Prepare("UPDATE requests SET status = ?2, member_id = ?3, origin = ?4, sent_at = ?5, "
                "answer_due_at = ?6, answered_at = ?7, decline_reason = ?8, note = ?9, "
                "passed_ids = ?10 WHERE id = ?1"));
  s.Bind(1, id).Bind(2, int64_t{static_cast<int>(r.status)});
  BindOptionalId(s, 3, r.member_id);
  s.Bind(4, int64_t{static_cast<int>(r.origin)});
  BindOptionalTime(s, 5, r.sent_at);
  BindOptionalTime(s, 6, r.answer_due_at);
  BindOptionalTime(s, 7, r.answered_at);
  s.Bind(8, r.decline_reason).Bind(9, r.note).Bind(10, absl::StrJoin(r.passed_member_ids, ","));
  RETURN_IF_ERROR(s.Run());
  if (before.status == RequestStatus::kPending && r.answered_at &&
      r.answered_at != before.answered_at) {
    ASSIGN_OR_RETURN(Statement log,
                     c.Prepare("INSERT INTO request_answers (request_id, member_id, sent_at, "
                               "answered_at, accepted) VALUES (?, ?, ?, ?, 0)"));
    log.Bind(1, id)
        .Bind(2, before.member_id)
        .Bind(3, absl::ToUnixSeconds(before.sent_at.value_or(before.created_at)))
        .Bind(4, absl::ToUnixSeconds(*r.answered_at));
    RETURN_IF_ERROR(log.Run());
  }
  ASSIGN_OR_RETURN(SupportRequest updated, ReadExisting(c, id));
  return updated;
}

}  // namespace

absl::StatusOr<SupportRequest> SqliteRequestRepository::Update(
    int64_t id, const std::function<absl::Status(SupportRequest&)>& change) {
  SupportRequest result;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(auto updated, UpdateIn(c, id, change));
    if (auto* refusal = std::get_if<Refusal>(&updated)) return refusal->status;
    result = std::get<SupportRequest>(std::move(updated));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<std::vector<absl::StatusOr<SupportRequest>>> SqliteRequestRepository::UpdateEach(
    const std::vector<int64_t>& ids,
    const std::function<absl::Status(size_t, SupportRequest&)>& change,
    const std::function<absl::Status()>& before_commit) {
  std::vector<absl::StatusOr<SupportRequest>> results;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    results.clear();
    for (size_t i = 0; i < ids.size(); ++i) {
      ASSIGN_OR_RETURN(auto updated,
                       UpdateIn(c, ids[i], [&](SupportRequest& r) { return change(i, r); }));
      if (auto* refusal = std::get_if<Refusal>(&updated)) {
        results.emplace_back(std::move(refusal->status));
      } else {
        results.emplace_back(std::get<SupportRequest>(std::move(updated)));
      }
    }
    return before_commit();
  }));
  return results;
}

absl::StatusOr<std::vector<SupportRequest>> SqliteRequestRepository::ListByCoachee(
    int64_t coachee_id) {
  std::vector<SupportRequest> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(kRequestSelect, "WHERE r.coachee_id = ? ORDER BY r.id DESC")));
    s.Bind(1, coachee_id);
    ASSIGN_OR_RETURN(out, ReadAll(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<SupportRequest>> SqliteRequestRepository::ListPendingFor(
    int64_t member_id) {
  std::vector<SupportRequest> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(kRequestSelect, "WHERE r.status = ", Stored(RequestStatus::kPending),
                               " AND r.member_id = ? ORDER BY r.answer_due_at, r.id")));
    s.Bind(1, member_id);
    ASSIGN_OR_RETURN(out, ReadAll(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::WaitingPage> SqliteRequestRepository::ListWaiting(
    const std::vector<int64_t>& organisation_ids, int limit,
    const std::optional<domain::WaitingCursor>& after, bool count_total) {
  domain::WaitingPage page;
  if (organisation_ids.empty()) return page;
  const std::string orgs = absl::StrJoin(organisation_ids, ",");  // integers: safe to inline
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    const std::string where = absl::StrCat("WHERE r.status = ", Stored(RequestStatus::kWaiting),
                                           " AND r.coachee_organisation_id IN (", orgs, ")");
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare(absl::StrCat(
            kRequestSelect, where, after ? " AND (r.waiting_since, r.id) > (?1, ?2)" : "",
            " ORDER BY r.waiting_since, r.id", limit >= 0 ? absl::StrCat(" LIMIT ", limit) : "")));
    if (after) s.Bind(1, after->waiting_since).Bind(2, after->id);
    ASSIGN_OR_RETURN(page.requests, ReadAll(s));
    if (count_total) {
      ASSIGN_OR_RETURN(Statement n,
                       c.Prepare(absl::StrCat("SELECT COUNT(*) FROM requests r ", where)));
      ASSIGN_OR_RETURN(const bool row, n.Step());
      page.total_count = row ? static_cast<int>(n.Int(0)) : 0;
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<std::vector<std::pair<int64_t, int>>>
SqliteRequestRepository::CountPendingByMember() {
  std::vector<std::pair<int64_t, int>> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(
                                      "SELECT member_id, COUNT(*) FROM requests WHERE status = ",
                                      Stored(RequestStatus::kPending), " GROUP BY member_id")));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      out.emplace_back(s.Int(0), static_cast<int>(s.Int(1)));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::PendingRequest>> SqliteRequestRepository::ListPending() {
  std::vector<domain::PendingRequest> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT r.id, r.kind, r.member_id, m.display_name, r.answer_due_at "
                               "FROM requests r JOIN accounts m ON m.id = r.member_id "
                               "WHERE r.status = ? ORDER BY r.id"));
    s.Bind(1, int64_t{static_cast<int>(RequestStatus::kPending)});
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      out.push_back({.request_id = s.Int(0),
                     .kind = static_cast<domain::SupportKind>(s.Int(1)),
                     .member_id = s.Int(2),
                     .member_name = s.Text(3),
                     .answer_due_at = s.OptionalTime(4)});
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<SupportRequest> SqliteRequestRepository::Accept(int64_t id, int64_t member_id,
                                                               absl::Time now) {
  SupportRequest result;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(const SupportRequest r, ReadExisting(c, id));
    if (r.status != RequestStatus::kPending || r.member_id != member_id) {
      return absl::FailedPreconditionError("This request is no longer waiting for your answer.");
    }
    // The capacity guard: a place is taken only if one is free, in the same
    // transaction as the acceptance, so racing accepts cannot overfill.
    ASSIGN_OR_RETURN(
        Statement load,
        c.Prepare("UPDATE profiles SET current_load = current_load + 1, spare = spare - 1, "
                  "updated_at = ?2, change_seq = (SELECT COALESCE(MAX(change_seq), 0) + 1 FROM "
                  "profiles) WHERE account_id = ?1 AND current_load < capacity"));
    load.Bind(1, member_id).Bind(2, absl::ToUnixSeconds(now));
    RETURN_IF_ERROR(load.Run());
    if (c.Changes() == 0) {
      return absl::FailedPreconditionError(
          "You have no free place left: every place of your capacity is taken. Raise your "
          "capacity in your profile, or decline.");
    }
    ASSIGN_OR_RETURN(Statement rel,
                     c.Prepare("INSERT INTO relationships (request_id, kind, coachee_id, "
                               "member_id, state, created_at, updated_at, "
                               "coachee_organisation_id, member_organisation_id) SELECT ?1, ?2, "
                               "?3, ?4, ?6, ?5, ?5, ?7, a.organisation_id FROM accounts a WHERE "
                               "a.id = ?4"));
    rel.Bind(1, id)
        .Bind(2, int64_t{static_cast<int>(r.details.kind)})
        .Bind(3, r.coachee_id)
        .Bind(4, member_id)
        .Bind(5, absl::ToUnixSeconds(now))
        .Bind(6, int64_t{static_cast<int>(domain::RelationshipState::kContracting)})
        .Bind(7, r.coachee_organisation_id);
    RETURN_IF_ERROR(rel.Run());
    if (c.Changes() != 1) return absl::NotFoundError("No such account.");
    const int64_t relationship_id = c.LastInsertId();
    ASSIGN_OR_RETURN(
        Statement upd,
        c.Prepare(absl::StrCat("UPDATE requests SET status = ", Stored(RequestStatus::kAccepted),
                               ", answered_at = ?2, answer_due_at = NULL, "
                               "relationship_id = ?3, note = '' WHERE id = ?1")));
    upd.Bind(1, id).Bind(2, absl::ToUnixSeconds(now)).Bind(3, relationship_id);
    RETURN_IF_ERROR(upd.Run());
    ASSIGN_OR_RETURN(Statement log,
                     c.Prepare("INSERT INTO request_answers (request_id, member_id, sent_at, "
                               "answered_at, accepted) VALUES (?, ?, ?, ?, 1)"));
    log.Bind(1, id)
        .Bind(2, member_id)
        .Bind(3, absl::ToUnixSeconds(r.sent_at.value_or(r.created_at)))
        .Bind(4, absl::ToUnixSeconds(now));
    RETURN_IF_ERROR(log.Run());
    ASSIGN_OR_RETURN(result, ReadExisting(c, id));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<domain::AnswerStats> SqliteRequestRepository::AnswerStatsFor(int64_t member_id) {
  std::vector<int64_t> seconds;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT answered_at - sent_at FROM request_answers "
                                            "WHERE member_id = ? ORDER BY answered_at DESC "
                                            "LIMIT 20"));
    s.Bind(1, member_id);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      seconds.push_back(std::max<int64_t>(0, s.Int(0)));
    }
    return absl::OkStatus();
  }));
  domain::AnswerStats stats;
  if (!seconds.empty()) {
    std::sort(seconds.begin(), seconds.end());
    stats.median = absl::Seconds(seconds[seconds.size() / 2]);
  }
  return stats;
}

absl::StatusOr<int> SqliteRequestRepository::KnownPayBand(int64_t account_id) {
  int band = 0;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare("SELECT COALESCE((SELECT pay_band FROM profiles WHERE account_id = ?1 AND "
                  "pay_band > 0), (SELECT pay_band FROM requests WHERE coachee_id = ?1 AND "
                  "pay_band > 0 ORDER BY id DESC LIMIT 1), 0)"));
    s.Bind(1, account_id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) band = static_cast<int>(s.Int(0));
    return absl::OkStatus();
  }));
  return band;
}

absl::StatusOr<std::optional<domain::MatchWeights>> SqliteRequestRepository::GetWeights(
    int64_t organisation_id) {
  std::optional<domain::MatchWeights> weights;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT themes, delivery_mode, site, language, organisation, "
                               "profession, spare_capacity, waiting FROM match_weights "
                               "WHERE organisation_id = ?"));
    s.Bind(1, organisation_id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::OkStatus();
    weights = domain::MatchWeights{
        .themes = static_cast<int>(s.Int(0)),
        .delivery_mode = static_cast<int>(s.Int(1)),
        .site = static_cast<int>(s.Int(2)),
        .language = static_cast<int>(s.Int(3)),
        .organisation = static_cast<int>(s.Int(4)),
        .profession = static_cast<int>(s.Int(5)),
        .spare_capacity = static_cast<int>(s.Int(6)),
        .waiting = static_cast<int>(s.Int(7)),
    };
    return absl::OkStatus();
  }));
  return weights;
}

absl::Status SqliteRequestRepository::PutWeights(int64_t organisation_id,
                                                 const domain::MatchWeights& w, absl::Time now) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare("INSERT INTO match_weights (organisation_id, themes, delivery_mode, site, "
                  "language, organisation, profession, spare_capacity, waiting, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (organisation_id) "
                  "DO UPDATE SET themes = ?2, delivery_mode = ?3, site = ?4, language = ?5, "
                  "organisation = ?6, profession = ?7, spare_capacity = ?8, waiting = ?9, "
                  "updated_at = ?10"));
    s.Bind(1, organisation_id)
        .Bind(2, int64_t{w.themes})
        .Bind(3, int64_t{w.delivery_mode})
        .Bind(4, int64_t{w.site})
        .Bind(5, int64_t{w.language})
        .Bind(6, int64_t{w.organisation})
        .Bind(7, int64_t{w.profession})
        .Bind(8, int64_t{w.spare_capacity})
        .Bind(9, int64_t{w.waiting})
        .Bind(10, absl::ToUnixSeconds(now));
    return s.Run();
  });
}

}  // namespace tandem::storage
