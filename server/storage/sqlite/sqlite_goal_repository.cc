#include "server/storage/sqlite/sqlite_goal_repository.h"

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "server/storage/sqlite/sqlite_relationship_repository.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::GoalRecord;
using domain::GoalRecords;

std::vector<std::string> Lines(const std::string& text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, '\n');
}

void BindBlobOrNull(Statement& s, int index, const std::string& bytes) {
  if (bytes.empty()) {
    s.BindNull(index);
  } else {
    s.BindBlob(index, bytes);
  }
}

// Runs `s` to the end, calling `row` on each row.
template <typename Row>
absl::Status EachRow(Statement& s, Row&& row) {
  while (true) {
    ASSIGN_OR_RETURN(const bool more, s.Step());
    if (!more) return absl::OkStatus();
    row(s);
  }
}

absl::StatusOr<GoalRecords> LoadIn(Connection& c, int64_t relationship_id) {
  GoalRecords out;
  {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT id, uid, state, sealed_what, sealed_measure, version, "
                               "target_on, themes, sealed_reason, closed_at, created_at, outcome "
                               "FROM goals WHERE relationship_id = ? ORDER BY id"));
    s.Bind(1, relationship_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      GoalRecord g;
      g.id = r.Int(0);
      g.relationship_id = relationship_id;
      g.uid = r.Text(1);
      g.state = static_cast<domain::GoalState>(r.Int(2));
      g.sealed_what = r.Blob(3);
      g.sealed_measure = r.Blob(4);
      g.version = static_cast<int>(r.Int(5));
      if (!r.IsNull(6)) g.target_on = domain::ToDay(absl::FromUnixSeconds(r.Int(6)));
      g.themes = Lines(r.Text(7));
      g.sealed_reason = r.Blob(8);
      g.closed_at = r.OptionalTime(9);
      g.created_at = absl::FromUnixSeconds(r.Int(10));
      g.outcome = static_cast<domain::GoalOutcome>(r.Int(11));
      out.goals.push_back(std::move(g));
    }));
  }
  const auto goal = [&](int64_t id) -> GoalRecord* {
    for (GoalRecord& g : out.goals) {
      if (g.id == id) return &g;
    }
    return nullptr;
  };
  {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT w.goal_id, w.version, w.sealed_what, "
                                            "w.sealed_measure, w.replaced_at FROM goal_wordings w "
                                            "JOIN goals g ON g.id = w.goal_id WHERE "
                                            "g.relationship_id = ? ORDER BY w.goal_id, w.version"));
    s.Bind(1, relationship_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      if (GoalRecord* g = goal(r.Int(0))) {
        g->earlier.push_back({.sealed_what = r.Blob(2),
                              .sealed_measure = r.Blob(3),
                              .version = static_cast<int>(r.Int(1)),
                              .replaced_at = absl::FromUnixSeconds(r.Int(4))});
      }
    }));
  }
  {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT id, uid, occasion, by_account_id, submitted_at, "
                               "sealed_helped, sealed_next, sealed_comment, commented_at "
                               "FROM goal_reviews WHERE relationship_id = ? ORDER BY id"));
    s.Bind(1, relationship_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      out.reviews.push_back({.id = r.Int(0),
                             .relationship_id = relationship_id,
                             .uid = r.Text(1),
                             .occasion = static_cast<domain::ReviewOccasion>(r.Int(2)),
                             .by_account_id = r.Int(3),
                             .submitted_at = absl::FromUnixSeconds(r.Int(4)),
                             .ratings = {},
                             .sealed_helped = r.Blob(5),
                             .sealed_next = r.Blob(6),
                             .sealed_comment = r.Blob(7),
                             .commented_at = r.OptionalTime(8)});
    }));
  }
  {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT t.goal_id, t.rating, t.at, t.source, "
                                            "t.review_id FROM goal_ratings t JOIN goals g ON "
                                            "g.id = t.goal_id WHERE g.relationship_id = ? "
                                            "ORDER BY t.id"));
    s.Bind(1, relationship_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      const int rating = static_cast<int>(r.Int(1));
      if (GoalRecord* g = goal(r.Int(0))) {
        g->ratings.push_back({.rating = rating,
                              .at = absl::FromUnixSeconds(r.Int(2)),
                              .source = static_cast<domain::RatingSource>(r.Int(3))});
      }
      if (!r.IsNull(4)) {
        for (domain::ReviewRecord& review : out.reviews) {
          if (review.id == r.Int(4)) review.ratings.emplace_back(r.Int(0), rating);
        }
      }
    }));
  }
  {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT at FROM review_requests WHERE "
                                            "relationship_id = ? ORDER BY at"));
    s.Bind(1, relationship_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      out.review_requests.push_back(absl::FromUnixSeconds(r.Int(0)));
    }));
  }
  {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT id, uid, audience, by_account_id, version, "
                                            "submitted_at FROM evaluations WHERE "
                                            "relationship_id = ? ORDER BY id"));
    s.Bind(1, relationship_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      out.evaluations.push_back({.id = r.Int(0),
                                 .relationship_id = relationship_id,
                                 .uid = r.Text(1),
                                 .audience = static_cast<domain::Audience>(r.Int(2)),
                                 .by_account_id = r.Int(3),
                                 .version = static_cast<int>(r.Int(4)),
                                 .submitted_at = absl::FromUnixSeconds(r.Int(5)),
                                 .answers = {},
                                 .goals = {}});
    }));
  }
  for (domain::EvaluationRecord& e : out.evaluations) {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT position, type, wording, required, options, "
                                            "choice, sealed_text, shared FROM "
                                            "evaluation_answers WHERE evaluation_id = ? "
                                            "ORDER BY position"));
    s.Bind(1, e.id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      e.answers.push_back({.position = static_cast<int>(r.Int(0)),
                           .question = {.type = static_cast<domain::QuestionType>(r.Int(1)),
                                        .wording = r.Text(2),
                                        .required = r.Int(3) != 0,
                                        .options = Lines(r.Text(4))},
                           .choice = static_cast<int>(r.Int(5)),
                           .sealed_text = r.Blob(6),
                           .shared = r.Int(7) != 0});
    }));
  }
  {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT uid, by_account_id, submitted_at, rating, "
                                            "sealed_answer, shared FROM follow_ups WHERE "
                                            "relationship_id = ?"));
    s.Bind(1, relationship_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      out.follow_up = domain::FollowUpRecord{.relationship_id = relationship_id,
                                             .uid = r.Text(0),
                                             .by_account_id = r.Int(1),
                                             .submitted_at = absl::FromUnixSeconds(r.Int(2)),
                                             .rating = static_cast<int>(r.Int(3)),
                                             .sealed_answer = r.Blob(4),
                                             .shared = r.Int(5) != 0};
    }));
  }
  return out;
}

absl::Status AddRating(Connection& c, int64_t goal_id, const domain::GoalRating& rating,
                       int64_t review_id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO goal_ratings (goal_id, rating, at, "
                                          "source, review_id) VALUES (?, ?, ?, ?, ?)"));
  s.Bind(1, goal_id)
      .Bind(2, int64_t{rating.rating})
      .Bind(3, absl::ToUnixSeconds(rating.at))
      .Bind(4, int64_t{static_cast<int>(rating.source)});
  if (review_id != 0) {
    s.Bind(5, review_id);
  } else {
    s.BindNull(5);
  }
  RETURN_IF_ERROR(s.Run());
  // The goal keeps its first rating at the start and its latest at the end
  // for the figures (migrations/0013_figures.sql).
  if (rating.source == domain::RatingSource::kStart) {
    ASSIGN_OR_RETURN(Statement start, c.Prepare("UPDATE goals SET start_rating = "
                                                "COALESCE(start_rating, ?2) WHERE id = ?1"));
    start.Bind(1, goal_id).Bind(2, int64_t{rating.rating});
    RETURN_IF_ERROR(start.Run());
  } else if (rating.source == domain::RatingSource::kEnd) {
    ASSIGN_OR_RETURN(Statement end,
                     c.Prepare("UPDATE goals SET end_rating = ?2, end_at = ?3 WHERE id = ?1"));
    end.Bind(1, goal_id).Bind(2, int64_t{rating.rating}).Bind(3, absl::ToUnixSeconds(rating.at));
    RETURN_IF_ERROR(end.Run());
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> InsertGoal(Connection& c, const GoalRecord& g) {
  ASSIGN_OR_RETURN(
      Statement s,
      c.Prepare("INSERT INTO goals (relationship_id, uid, state, sealed_what, sealed_measure, "
                "version, target_on, themes, sealed_reason, closed_at, created_at, outcome, "
                "coachee_organisation_id) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, NULL, ?9, "
                "0, q.coachee_organisation_id FROM relationships r JOIN requests q ON q.id = "
                "r.request_id WHERE r.id = ?1"));
  s.Bind(1, g.relationship_id)
      .Bind(2, g.uid)
      .Bind(3, int64_t{static_cast<int>(g.state)})
      .BindBlob(4, g.sealed_what)
      .BindBlob(5, g.sealed_measure)
      .Bind(6, int64_t{g.version});
  if (g.target_on) {
    s.Bind(7, absl::ToUnixSeconds(domain::StartOfDay(*g.target_on)));
  } else {
    s.BindNull(7);
  }
  s.Bind(8, absl::StrJoin(g.themes, "\n")).Bind(9, absl::ToUnixSeconds(g.created_at));
  RETURN_IF_ERROR(s.Run());
  if (c.Changes() != 1) return absl::NotFoundError("No such relationship.");
  const int64_t id = c.LastInsertId();
  for (const domain::GoalRating& rating : g.ratings) RETURN_IF_ERROR(AddRating(c, id, rating, 0));
  return id;
}

absl::Status UpdateGoal(Connection& c, const GoalRecord& before, const GoalRecord& g) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare("UPDATE goals SET state = ?2, sealed_what = ?3, "
                                          "sealed_measure = ?4, version = ?5, target_on = ?6, "
                                          "themes = ?7, sealed_reason = ?8, closed_at = ?9, "
                                          "outcome = ?10 WHERE id = ?1"));
  s.Bind(1, g.id)
      .Bind(2, int64_t{static_cast<int>(g.state)})
      .BindBlob(3, g.sealed_what)
      .BindBlob(4, g.sealed_measure)
      .Bind(5, int64_t{g.version});
  if (g.target_on) {
    s.Bind(6, absl::ToUnixSeconds(domain::StartOfDay(*g.target_on)));
  } else {
    s.BindNull(6);
  }
  s.Bind(7, absl::StrJoin(g.themes, "\n"));
  BindBlobOrNull(s, 8, g.sealed_reason);
  if (g.closed_at) {
    s.Bind(9, absl::ToUnixSeconds(*g.closed_at));
  } else {
    s.BindNull(9);
  }
  s.Bind(10, int64_t{static_cast<int>(g.outcome)});
  RETURN_IF_ERROR(s.Run());
  for (size_t i = before.earlier.size(); i < g.earlier.size(); ++i) {
    const GoalRecord::Wording& w = g.earlier[i];
    ASSIGN_OR_RETURN(Statement add, c.Prepare("INSERT INTO goal_wordings (goal_id, version, "
                                              "sealed_what, sealed_measure, replaced_at) VALUES "
                                              "(?, ?, ?, ?, ?)"));
    add.Bind(1, g.id)
        .Bind(2, int64_t{w.version})
        .BindBlob(3, w.sealed_what)
        .BindBlob(4, w.sealed_measure)
        .Bind(5, absl::ToUnixSeconds(w.replaced_at));
    RETURN_IF_ERROR(add.Run());
  }
  for (size_t i = before.ratings.size(); i < g.ratings.size(); ++i) {
    RETURN_IF_ERROR(AddRating(c, g.id, g.ratings[i], 0));
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> InsertReview(Connection& c, const domain::ReviewRecord& r) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO goal_reviews (relationship_id, uid, "
                                          "occasion, by_account_id, submitted_at, sealed_helped, "
                                          "sealed_next) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, r.relationship_id)
      .Bind(2, r.uid)
      .Bind(3, int64_t{static_cast<int>(r.occasion)})
      .Bind(4, r.by_account_id)
      .Bind(5, absl::ToUnixSeconds(r.submitted_at));
  BindBlobOrNull(s, 6, r.sealed_helped);
  BindBlobOrNull(s, 7, r.sealed_next);
  RETURN_IF_ERROR(s.Run());
  const int64_t id = c.LastInsertId();
  for (const auto& [goal_id, rating] : r.ratings) {
    RETURN_IF_ERROR(AddRating(
        c, goal_id,
        {.rating = rating, .at = r.submitted_at, .source = domain::RatingSource::kReview}, id));
  }
  return id;
}

absl::Status InsertEvaluation(Connection& c, const domain::EvaluationRecord& e) {
  ASSIGN_OR_RETURN(
      Statement s,
      c.Prepare("INSERT INTO evaluations (relationship_id, uid, audience, by_account_id, version, "
                "submitted_at, coachee_organisation_id) SELECT ?1, ?2, ?3, ?4, ?5, ?6, "
                "q.coachee_organisation_id FROM relationships r JOIN requests q ON q.id = "
                "r.request_id WHERE r.id = ?1"));
  s.Bind(1, e.relationship_id)
      .Bind(2, e.uid)
      .Bind(3, int64_t{static_cast<int>(e.audience)})
      .Bind(4, e.by_account_id)
      .Bind(5, int64_t{e.version})
      .Bind(6, absl::ToUnixSeconds(e.submitted_at));
  RETURN_IF_ERROR(s.Run());
  if (c.Changes() != 1) return absl::NotFoundError("No such relationship.");
  const int64_t id = c.LastInsertId();
  for (const domain::AnswerRecord& a : e.answers) {
    ASSIGN_OR_RETURN(Statement add,
                     c.Prepare("INSERT INTO evaluation_answers (evaluation_id, position, type, "
                               "wording, required, options, choice, sealed_text, shared) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    add.Bind(1, id)
        .Bind(2, int64_t{a.position})
        .Bind(3, int64_t{static_cast<int>(a.question.type)})
        .Bind(4, a.question.wording)
        .Bind(5, int64_t{a.question.required ? 1 : 0})
        .Bind(6, absl::StrJoin(a.question.options, "\n"))
        .Bind(7, int64_t{a.choice});
    BindBlobOrNull(add, 8, a.sealed_text);
    add.Bind(9, int64_t{a.shared ? 1 : 0});
    RETURN_IF_ERROR(add.Run());
  }
  for (const auto& result : e.goals) {
    RETURN_IF_ERROR(AddRating(
        c, result.goal_id,
        {.rating = result.rating, .at = e.submitted_at, .source = domain::RatingSource::kEnd}, 0));
    ASSIGN_OR_RETURN(Statement outcome, c.Prepare("UPDATE goals SET outcome = ? WHERE id = ?"));
    outcome.Bind(1, int64_t{static_cast<int>(result.outcome)}).Bind(2, result.goal_id);
    RETURN_IF_ERROR(outcome.Run());
  }
  return absl::OkStatus();
}

absl::Status InsertFollowUp(Connection& c, const domain::FollowUpRecord& f) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO follow_ups (relationship_id, uid, "
                                          "by_account_id, submitted_at, rating, sealed_answer, "
                                          "shared) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, f.relationship_id)
      .Bind(2, f.uid)
      .Bind(3, f.by_account_id)
      .Bind(4, absl::ToUnixSeconds(f.submitted_at))
      .Bind(5, int64_t{f.rating});
  BindBlobOrNull(s, 6, f.sealed_answer);
  s.Bind(7, int64_t{f.shared ? 1 : 0});
  return s.Run();
}

absl::StatusOr<domain::QuestionSet> ReadSet(Connection& c, const std::string& where,
                                            const std::function<void(Statement&)>& bind) {
  ASSIGN_OR_RETURN(Statement s,
                   c.Prepare("SELECT q.id, q.organisation_id, q.kind, q.audience, q.version, "
                             "q.saved_at, q.saved_by, a.display_name FROM question_sets q "
                             "JOIN accounts a ON a.id = q.saved_by " +
                             where));
  bind(s);
  ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return absl::NotFoundError("No such question set.");
  domain::QuestionSet set{.id = s.Int(0),
                          .organisation_id = s.Int(1),
                          .kind = static_cast<domain::SupportKind>(s.Int(2)),
                          .audience = static_cast<domain::Audience>(s.Int(3)),
                          .version = static_cast<int>(s.Int(4)),
                          .questions = {},
                          .saved_at = absl::FromUnixSeconds(s.Int(5)),
                          .saved_by = s.Int(6),
                          .saved_by_name = s.Text(7)};
  ASSIGN_OR_RETURN(Statement q, c.Prepare("SELECT type, wording, required, options FROM "
                                          "questions WHERE set_id = ? ORDER BY position"));
  q.Bind(1, set.id);
  RETURN_IF_ERROR(EachRow(q, [&](const Statement& r) {
    set.questions.push_back({.type = static_cast<domain::QuestionType>(r.Int(0)),
                             .wording = r.Text(1),
                             .required = r.Int(2) != 0,
                             .options = Lines(r.Text(3))});
  }));
  return set;
}

absl::StatusOr<int64_t> RelationshipOf(Database& db, const char* sql, int64_t id,
                                       const char* missing) {
  int64_t out = 0;
  RETURN_IF_ERROR(db.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    s.Bind(1, id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::NotFoundError(missing);
    out = s.Int(0);
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace

absl::StatusOr<GoalRecords> SqliteGoalRepository::Load(int64_t relationship_id) {
  GoalRecords out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(out, LoadIn(c, relationship_id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int64_t> SqliteGoalRepository::Write(int64_t relationship_id, const Decide& decide,
                                                    const domain::WriteReceipt& receipt) {
  int64_t result = relationship_id;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(RequireUnusedKey(c, receipt));
    ASSIGN_OR_RETURN(const domain::Relationship r, ReadRelationship(c, relationship_id));
    ASSIGN_OR_RETURN(const GoalRecords records, LoadIn(c, relationship_id));
    ASSIGN_OR_RETURN(const domain::GoalWrite w, decide(r, records));
    result = relationship_id;
    if (w.add_goal) {
      ASSIGN_OR_RETURN(result, InsertGoal(c, *w.add_goal));
    }
    if (w.update_goal) {
      const GoalRecord* before = nullptr;
      for (const GoalRecord& g : records.goals) {
        if (g.id == w.update_goal->id) before = &g;
      }
      if (before == nullptr) return absl::NotFoundError("No such goal.");
      RETURN_IF_ERROR(UpdateGoal(c, *before, *w.update_goal));
    }
    if (w.ask_review) {
      ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO review_requests (relationship_id, "
                                              "by_account_id, at) VALUES (?, ?, ?)"));
      s.Bind(1, relationship_id)
          .Bind(2, w.ask_review->by_account_id)
          .Bind(3, absl::ToUnixSeconds(w.ask_review->at));
      RETURN_IF_ERROR(s.Run());
    }
    if (w.add_review) {
      ASSIGN_OR_RETURN(result, InsertReview(c, *w.add_review));
    }
    if (w.comment) {
      ASSIGN_OR_RETURN(Statement s, c.Prepare("UPDATE goal_reviews SET sealed_comment = ?, "
                                              "commented_at = ? WHERE id = ? AND "
                                              "relationship_id = ?"));
      s.BindBlob(1, w.comment->sealed_comment)
          .Bind(2, absl::ToUnixSeconds(w.comment->at))
          .Bind(3, w.comment->review_id)
          .Bind(4, relationship_id);
      RETURN_IF_ERROR(s.Run());
    }
    if (w.add_evaluation) RETURN_IF_ERROR(InsertEvaluation(c, *w.add_evaluation));
    if (w.add_follow_up) RETURN_IF_ERROR(InsertFollowUp(c, *w.add_follow_up));
    return KeepReceipt(c, receipt, result);
  }));
  return result;
}

absl::StatusOr<int64_t> SqliteGoalRepository::RelationshipOfGoal(int64_t goal_id) {
  return RelationshipOf(db_, "SELECT relationship_id FROM goals WHERE id = ?", goal_id,
                        "No such goal.");
}

absl::StatusOr<int64_t> SqliteGoalRepository::RelationshipOfReview(int64_t review_id) {
  return RelationshipOf(db_, "SELECT relationship_id FROM goal_reviews WHERE id = ?", review_id,
                        "No such review.");
}

absl::StatusOr<std::optional<domain::QuestionSet>> SqliteGoalRepository::LatestQuestions(
    int64_t organisation_id, domain::SupportKind kind, domain::Audience audience) {
  std::optional<domain::QuestionSet> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    absl::StatusOr<domain::QuestionSet> found =
        ReadSet(c,
                "WHERE q.organisation_id = ? AND q.kind = ? AND q.audience = ? "
                "ORDER BY q.version DESC LIMIT 1",
                [&](Statement& s) {
                  s.Bind(1, organisation_id)
                      .Bind(2, int64_t{static_cast<int>(kind)})
                      .Bind(3, int64_t{static_cast<int>(audience)});
                });
    if (absl::IsNotFound(found.status())) return absl::OkStatus();
    RETURN_IF_ERROR(found.status());
    out = *std::move(found);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::QuestionSet> SqliteGoalRepository::SaveQuestions(
    const domain::QuestionSet& set, const domain::WriteReceipt& receipt) {
  domain::QuestionSet out;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(RequireUnusedKey(c, receipt));
    ASSIGN_OR_RETURN(Statement add,
                     c.Prepare("INSERT INTO question_sets (organisation_id, kind, audience, "
                               "version, saved_at, saved_by) SELECT ?1, ?2, ?3, "
                               "COALESCE(MAX(version), 0) + 1, ?4, ?5 FROM question_sets WHERE "
                               "organisation_id = ?1 AND kind = ?2 AND audience = ?3"));
    add.Bind(1, set.organisation_id)
        .Bind(2, int64_t{static_cast<int>(set.kind)})
        .Bind(3, int64_t{static_cast<int>(set.audience)})
        .Bind(4, absl::ToUnixSeconds(set.saved_at))
        .Bind(5, set.saved_by);
    RETURN_IF_ERROR(add.Run());
    const int64_t id = c.LastInsertId();
    for (size_t i = 0; i < set.questions.size(); ++i) {
      const domain::Question& q = set.questions[i];
      ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO questions (set_id, position, type, "
                                              "wording, required, options) VALUES "
                                              "(?, ?, ?, ?, ?, ?)"));
      s.Bind(1, id)
          .Bind(2, static_cast<int64_t>(i))
          .Bind(3, int64_t{static_cast<int>(q.type)})
          .Bind(4, q.wording)
          .Bind(5, int64_t{q.required ? 1 : 0})
          .Bind(6, absl::StrJoin(q.options, "\n"));
      RETURN_IF_ERROR(s.Run());
    }
    RETURN_IF_ERROR(KeepReceipt(c, receipt, id));
    ASSIGN_OR_RETURN(out, ReadSet(c, "WHERE q.id = ?", [&](Statement& s) { s.Bind(1, id); }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::QuestionSet> SqliteGoalRepository::QuestionsById(int64_t id) {
  domain::QuestionSet out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(out, ReadSet(c, "WHERE q.id = ?", [&](Statement& s) { s.Bind(1, id); }));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<domain::SharedRecord>> SqliteGoalRepository::ListShared(
    int64_t organisation_id) {
  std::vector<domain::SharedRecord> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // Only the coachee's text answers they marked shared (goal_access.h).
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT r.kind, x.wording, x.sealed_text, e.relationship_id, e.uid, "
                               "x.position, e.submitted_at FROM evaluation_answers x "
                               "JOIN evaluations e ON e.id = x.evaluation_id "
                               "JOIN relationships r ON r.id = e.relationship_id "
                               "JOIN accounts a ON a.id = r.coachee_id "
                               "WHERE a.organisation_id = ?1 AND e.audience = 1 AND x.type = 4 AND "
                               "x.shared = 1 AND x.sealed_text IS NOT NULL"));
    s.Bind(1, organisation_id);
    RETURN_IF_ERROR(EachRow(s, [&](const Statement& r) {
      out.push_back({.kind = static_cast<domain::SupportKind>(r.Int(0)),
                     .question = r.Text(1),
                     .sealed_text = r.Blob(2),
                     .relationship_id = r.Int(3),
                     .uid = r.Text(4),
                     .position = static_cast<int>(r.Int(5)),
                     .at = absl::FromUnixSeconds(r.Int(6))});
    }));
    ASSIGN_OR_RETURN(
        Statement f,
        c.Prepare("SELECT r.kind, f.sealed_answer, f.relationship_id, f.uid, f.submitted_at "
                  "FROM follow_ups f JOIN relationships r ON r.id = f.relationship_id "
                  "JOIN accounts a ON a.id = r.coachee_id WHERE a.organisation_id = ?1 AND "
                  "f.shared = 1 AND f.sealed_answer IS NOT NULL"));
    f.Bind(1, organisation_id);
    RETURN_IF_ERROR(EachRow(f, [&](const Statement& r) {
      const auto kind = static_cast<domain::SupportKind>(r.Int(0));
      out.push_back({.kind = kind,
                     .question = domain::FollowUpQuestion(kind),
                     .sealed_text = r.Blob(1),
                     .relationship_id = r.Int(2),
                     .uid = r.Text(3),
                     .position = std::nullopt,
                     .at = absl::FromUnixSeconds(r.Int(4))});
    }));
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace tandem::storage
