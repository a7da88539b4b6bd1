#include "server/storage/sqlite/sqlite_relationship_repository.h"

#include "absl/strings/str_cat.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::Relationship;
using domain::RelationshipState;

constexpr char kSelect[] =
    "SELECT r.id, r.kind, r.state, r.request_id, r.coachee_id, c.display_name, "
    "c.organisation_id, r.member_id, m.display_name, m.organisation_id, r.terms_set, "
    "r.number_of_sessions, r.session_minutes, r.regularity, r.planned_end_on, r.review_cadence, "
    "r.coachee_agreed_at, r.member_agreed_at, r.line_manager_told, r.reviews, r.created_at, "
    "(SELECT COUNT(*) FROM goals g WHERE g.relationship_id = r.id AND g.state = 1) "
    "FROM relationships r JOIN accounts c ON c.id = r.coachee_id "
    "JOIN accounts m ON m.id = r.member_id ";

domain::Agreement AgreementAt(const std::optional<absl::Time>& at) {
  return {.agreed_at = at,
          .confidentiality_acknowledged = at.has_value(),
          .ethics_acknowledged = at.has_value()};
}

Relationship RelationshipFromRow(const Statement& s) {
  Relationship r;
  r.id = s.Int(0);
  r.kind = static_cast<domain::SupportKind>(s.Int(1));
  r.state = static_cast<RelationshipState>(s.Int(2));
  r.request_id = s.Int(3);
  r.coachee_id = s.Int(4);
  r.coachee_name = s.Text(5);
  r.coachee_organisation_id = s.Int(6);
  r.member_id = s.Int(7);
  r.member_name = s.Text(8);
  r.member_organisation_id = s.Int(9);
  r.terms_set = s.Int(10) != 0;
  r.terms.number_of_sessions = static_cast<int>(s.Int(11));
  r.terms.session_minutes = static_cast<int>(s.Int(12));
  r.terms.regularity = static_cast<domain::SessionRegularity>(s.Int(13));
  if (!s.IsNull(14)) r.terms.planned_end_on = domain::ToDay(absl::FromUnixSeconds(s.Int(14)));
  r.terms.review_cadence = static_cast<domain::ReviewCadence>(s.Int(15));
  r.coachee_agreement = AgreementAt(s.OptionalTime(16));
  r.member_agreement = AgreementAt(s.OptionalTime(17));
  r.line_manager_told = static_cast<domain::LineManagerTold>(s.Int(18));
  r.reviews = static_cast<int>(s.Int(19));
  r.created_at = absl::FromUnixSeconds(s.Int(20));
  r.open_goals = static_cast<int>(s.Int(21));
  return r;
}

absl::Status ReadHistory(Connection& c, Relationship& r) {
  ASSIGN_OR_RETURN(Statement s,
                   c.Prepare("SELECT h.at, h.by_account_id, a.display_name, h.event, "
                             "h.from_state, h.to_state, h.reason FROM relationship_history h "
                             "JOIN accounts a ON a.id = h.by_account_id "
                             "WHERE h.relationship_id = ? ORDER BY h.id"));
  s.Bind(1, r.id);
  while (true) {
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) break;
    r.history.push_back({.at = absl::FromUnixSeconds(s.Int(0)),
                         .by_account_id = s.Int(1),
                         .by_name = s.Text(2),
                         .event = s.Text(3),
                         .from_state = static_cast<RelationshipState>(s.Int(4)),
                         .to_state = static_cast<RelationshipState>(s.Int(5)),
                         .reason = s.Text(6)});
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Relationship>> ReadWhere(Connection& c, const std::string& where,
                                                    int64_t value) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(kSelect, where)));
  s.Bind(1, value);
  std::vector<Relationship> out;
  while (true) {
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) break;
    out.push_back(RelationshipFromRow(s));
  }
  for (Relationship& r : out) RETURN_IF_ERROR(ReadHistory(c, r));
  return out;
}

void BindOptionalTime(Statement& s, int index, const std::optional<absl::Time>& time) {
  if (time) {
    s.Bind(index, absl::ToUnixSeconds(*time));
  } else {
    s.BindNull(index);
  }
}

}  // namespace

absl::StatusOr<Relationship> ReadRelationship(Connection& c, int64_t id) {
  ASSIGN_OR_RETURN(std::vector<Relationship> found, ReadWhere(c, "WHERE r.id = ?", id));
  if (found.empty()) return absl::NotFoundError("No such relationship.");
  return std::move(found.front());
}

absl::StatusOr<Relationship> SqliteRelationshipRepository::Get(int64_t id) {
  Relationship out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(out, ReadRelationship(c, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<Relationship>> SqliteRelationshipRepository::ListFor(
    int64_t account_id) {
  std::vector<Relationship> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        out,
        ReadWhere(c, "WHERE r.coachee_id = ?1 OR r.member_id = ?1 ORDER BY r.id DESC", account_id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Relationship> SqliteRelationshipRepository::Update(
    int64_t id, const std::function<absl::Status(Relationship&)>& change,
    const domain::WriteReceipt& receipt) {
  Relationship result;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(KeepReceipt(c, receipt, id));
    ASSIGN_OR_RETURN(const Relationship before, ReadRelationship(c, id));
    Relationship r = before;
    RETURN_IF_ERROR(change(r));
    const auto& t = r.terms;
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare("UPDATE relationships SET state = ?2, terms_set = ?3, number_of_sessions = ?4, "
                  "session_minutes = ?5, regularity = ?6, planned_end_on = ?7, "
                  "review_cadence = ?8, coachee_agreed_at = ?9, member_agreed_at = ?10, "
                  "line_manager_told = ?11, reviews = ?12, updated_at = ?13 WHERE id = ?1"));
    s.Bind(1, id)
        .Bind(2, int64_t{static_cast<int>(r.state)})
        .Bind(3, int64_t{r.terms_set ? 1 : 0})
        .Bind(4, int64_t{t.number_of_sessions})
        .Bind(5, int64_t{t.session_minutes})
        .Bind(6, int64_t{static_cast<int>(t.regularity)});
    if (t.planned_end_on) {
      s.Bind(7, absl::ToUnixSeconds(domain::StartOfDay(*t.planned_end_on)));
    } else {
      s.BindNull(7);
    }
    s.Bind(8, int64_t{static_cast<int>(t.review_cadence)});
    BindOptionalTime(s, 9, r.coachee_agreement.agreed_at);
    BindOptionalTime(s, 10, r.member_agreement.agreed_at);
    s.Bind(11, int64_t{static_cast<int>(r.line_manager_told)})
        .Bind(12, int64_t{r.reviews})
        .Bind(13, r.history.empty() ? absl::ToUnixSeconds(r.created_at)
                                    : absl::ToUnixSeconds(r.history.back().at));
    RETURN_IF_ERROR(s.Run());
    for (size_t i = before.history.size(); i < r.history.size(); ++i) {
      const domain::HistoryEntry& h = r.history[i];
      ASSIGN_OR_RETURN(Statement add,
                       c.Prepare("INSERT INTO relationship_history (relationship_id, at, "
                                 "by_account_id, event, from_state, to_state, reason) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?)"));
      add.Bind(1, id)
          .Bind(2, absl::ToUnixSeconds(h.at))
          .Bind(3, h.by_account_id)
          .Bind(4, h.event)
          .Bind(5, int64_t{static_cast<int>(h.from_state)})
          .Bind(6, int64_t{static_cast<int>(h.to_state)})
          .Bind(7, h.reason);
      RETURN_IF_ERROR(add.Run());
      if (h.to_state == domain::RelationshipState::kCompleted ||
          h.to_state == domain::RelationshipState::kEndedEarly) {
        // Its end, as the figures count it: the first move to either.
        ASSIGN_OR_RETURN(
            Statement ended,
            c.Prepare("UPDATE relationships SET ended_at = CASE WHEN ended_at IS "
                      "NULL OR ended_at > ?2 THEN ?2 ELSE ended_at END WHERE id = ?1"));
        ended.Bind(1, id).Bind(2, absl::ToUnixSeconds(h.at));
        RETURN_IF_ERROR(ended.Run());
      }
    }
    if (before.open() && !r.open()) {
      // The member's place is free again.
      ASSIGN_OR_RETURN(
          Statement free,
          c.Prepare("UPDATE profiles SET current_load = current_load - 1, spare = spare + 1, "
                    "change_seq = (SELECT COALESCE(MAX(change_seq), 0) + 1 FROM profiles) "
                    "WHERE account_id = ? AND current_load > 0"));
      free.Bind(1, r.member_id);
      RETURN_IF_ERROR(free.Run());
    }
    ASSIGN_OR_RETURN(result, ReadRelationship(c, id));
    return absl::OkStatus();
  }));
  return result;
}

}  // namespace tandem::storage
