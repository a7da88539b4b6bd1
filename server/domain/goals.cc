#include "server/domain/goals.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "server/domain/audit.h"
#include "server/domain/disclosure.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

std::string NewUid() { return absl::BytesToHexString(NoteCipher::GenerateKey().substr(0, 16)); }

absl::Status CheckRating(int rating, absl::string_view field) {
  if (rating < limits::kMinGoalRating || rating > limits::kMaxGoalRating) {
    return InvalidField(
        field, absl::StrCat("must be ", limits::kMinGoalRating, " to ", limits::kMaxGoalRating));
  }
  return absl::OkStatus();
}

Audience AudienceOf(Party party) {
  return party == Party::kCoachee ? Audience::kCoachee : Audience::kMember;
}

const GoalRecord* FindGoal(const GoalRecords& records, int64_t id) {
  for (const GoalRecord& g : records.goals) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

const EvaluationRecord* FindEvaluation(const GoalRecords& records, Audience audience) {
  for (const EvaluationRecord& e : records.evaluations) {
    if (e.audience == audience) return &e;
  }
  return nullptr;
}

std::string Quarter(absl::Time at) {
  const absl::CivilMonth month = absl::ToCivilMonth(at, absl::UTCTimeZone());
  return absl::StrCat(month.year(), " Q", (month.month() - 1) / 3 + 1);
}

}  // namespace

std::string GoalTextData(const GoalRecord& goal, int version, absl::string_view field) {
  return absl::StrCat("tandem-goal:relationship:", goal.relationship_id, ":uid:", goal.uid, ":v",
                      version, ":", field);
}

std::string ReviewTextData(const ReviewRecord& review, absl::string_view field) {
  return absl::StrCat("tandem-review:relationship:", review.relationship_id, ":uid:", review.uid,
                      ":", field);
}

std::string AnswerTextData(const EvaluationRecord& evaluation, int position) {
  return absl::StrCat("tandem-evaluation:relationship:", evaluation.relationship_id,
                      ":uid:", evaluation.uid, ":answer:", position);
}

std::string FollowUpTextData(const FollowUpRecord& follow_up) {
  return absl::StrCat("tandem-follow-up:relationship:", follow_up.relationship_id,
                      ":uid:", follow_up.uid);
}

absl::StatusOr<std::string> Goals::Seal(absl::string_view text,
                                        const std::string& associated) const {
  if (text.empty()) return std::string();
  return cipher_.Seal(text, associated);
}

absl::StatusOr<std::string> Goals::Open(const std::string& sealed,
                                        const std::string& associated) const {
  if (sealed.empty()) return std::string();
  return cipher_.Open(sealed, associated);
}

absl::StatusOr<Goals::Loaded> Goals::Load(const Principal& caller, int64_t relationship_id,
                                          GoalAction action) {
  if (relationship_id <= 0) return InvalidField("relationship_id", "is required");
  ASSIGN_OR_RETURN(Relationship r, relationships_.Get(relationship_id));
  const Party party = PartyOf(caller, r);
  RETURN_IF_ERROR(MayAct(party, action, r));
  return Loaded{std::move(r), party};
}

absl::StatusOr<DueFacts> Goals::Facts(const Relationship& r, const GoalRecords& records) {
  DueFacts facts;
  ASSIGN_OR_RETURN(const std::vector<Session> sessions, sessions_.ListFor(r.id));
  for (const Session& s : sessions) {
    if (s.status == SessionStatus::kHeld) facts.held_sessions.push_back(s.starts_at);
  }
  for (const ReviewRecord& review : records.reviews) facts.reviews.push_back(review.submitted_at);
  facts.review_requests = records.review_requests;
  facts.open_goals = static_cast<int>(
      std::count_if(records.goals.begin(), records.goals.end(),
                    [](const GoalRecord& g) { return g.state == GoalState::kOpen; }));
  facts.coachee_evaluated = FindEvaluation(records, Audience::kCoachee) != nullptr;
  facts.member_evaluated = FindEvaluation(records, Audience::kMember) != nullptr;
  facts.followed_up = records.follow_up.has_value();
  return facts;
}

absl::StatusOr<QuestionSet> Goals::QuestionsFor(const Relationship& r, Audience audience) {
  // The programme's questions are those of the coachee's organisation.
  ASSIGN_OR_RETURN(const std::optional<QuestionSet> saved,
                   goals_.LatestQuestions(r.coachee_organisation_id, r.kind, audience));
  if (saved) return *saved;
  QuestionSet set = DefaultQuestions(r.kind, audience);
  set.organisation_id = r.coachee_organisation_id;
  return set;
}

absl::StatusOr<GoalPlan> Goals::View(const Relationship& r, Party party) {
  RETURN_IF_ERROR(MayAct(party, GoalAction::kRead, r));
  ASSIGN_OR_RETURN(const GoalRecords records, goals_.Load(r.id));
  GoalPlan plan;
  plan.relationship_id = r.id;
  for (const GoalRecord& g : records.goals) {
    GoalView v{.id = g.id,
               .state = g.state,
               .target_on = g.target_on,
               .themes = g.themes,
               .ratings = g.ratings,
               .closed_at = g.closed_at,
               .created_at = g.created_at,
               .outcome = g.outcome};
    ASSIGN_OR_RETURN(v.what, Open(g.sealed_what, GoalTextData(g, g.version, "what")));
    ASSIGN_OR_RETURN(v.measure, Open(g.sealed_measure, GoalTextData(g, g.version, "measure")));
    ASSIGN_OR_RETURN(v.closed_reason, Open(g.sealed_reason, GoalTextData(g, 0, "reason")));
    for (const GoalRecord::Wording& w : g.earlier) {
      GoalView::Earlier e{.replaced_at = w.replaced_at};
      ASSIGN_OR_RETURN(e.what, Open(w.sealed_what, GoalTextData(g, w.version, "what")));
      ASSIGN_OR_RETURN(e.measure, Open(w.sealed_measure, GoalTextData(g, w.version, "measure")));
      v.earlier.push_back(std::move(e));
    }
    plan.goals.push_back(std::move(v));
  }
  for (const ReviewRecord& rv : records.reviews) {
    ReviewView v{.id = rv.id,
                 .occasion = rv.occasion,
                 .submitted_at = rv.submitted_at,
                 .ratings = rv.ratings,
                 .commented_at = rv.commented_at};
    ASSIGN_OR_RETURN(v.helped, Open(rv.sealed_helped, ReviewTextData(rv, "helped")));
    ASSIGN_OR_RETURN(v.next, Open(rv.sealed_next, ReviewTextData(rv, "next")));
    ASSIGN_OR_RETURN(v.comment, Open(rv.sealed_comment, ReviewTextData(rv, "comment")));
    plan.reviews.push_back(std::move(v));
  }
  ASSIGN_OR_RETURN(const DueFacts facts, Facts(r, records));
  const absl::Time now = clock_.Now();
  plan.due = DueFor(party, r, facts, now);
  if (const std::optional<absl::Time> ended = EndedAt(r)) {
    const Audience mine = AudienceOf(party);
    const Audience theirs = mine == Audience::kCoachee ? Audience::kMember : Audience::kCoachee;
    plan.other_evaluated = FindEvaluation(records, theirs) != nullptr;
    EvaluationView view{.audience = mine};
    if (const EvaluationRecord* e = FindEvaluation(records, mine)) {
      view.submitted_at = e->submitted_at;
      view.version = e->version;
      if (MayReadAnswers(party, e->audience)) {
        for (const AnswerRecord& a : e->answers) {
          AnsweredView answered{.question = a.question,
                                .position = a.position,
                                .choice = a.choice,
                                .shared = a.shared};
          ASSIGN_OR_RETURN(answered.text, Open(a.sealed_text, AnswerTextData(*e, a.position)));
          view.answers.push_back(std::move(answered));
        }
      }
    } else {
      ASSIGN_OR_RETURN(plan.my_questions, QuestionsFor(r, mine));
      view.version = plan.my_questions->version;
    }
    plan.my_evaluation = std::move(view);
    if (party == Party::kCoachee) {
      FollowUpView follow_up{.due_at = *ended + absl::Hours(24 * limits::kFollowUpDays)};
      if (records.follow_up) {
        const FollowUpRecord& f = *records.follow_up;
        follow_up.submitted_at = f.submitted_at;
        follow_up.rating = f.rating;
        follow_up.shared = f.shared;
        ASSIGN_OR_RETURN(follow_up.answer, Open(f.sealed_answer, FollowUpTextData(f)));
      }
      plan.follow_up = std::move(follow_up);
      plan.follow_up_question = FollowUpQuestion(r.kind);
    }
  }
  return plan;
}

absl::StatusOr<GoalPlan> Goals::Plan(const Principal& caller, int64_t relationship_id) {
  ASSIGN_OR_RETURN(const Loaded loaded, Load(caller, relationship_id, GoalAction::kRead));
  return View(loaded.relationship, loaded.party);
}

absl::StatusOr<std::vector<DueItem>> Goals::ListDue(const Principal& caller) {
  ASSIGN_OR_RETURN(const std::vector<Relationship> mine, relationships_.ListFor(caller.id()));
  const absl::Time now = clock_.Now();
  std::vector<DueItem> out;
  for (const Relationship& r : mine) {
    const Party party = PartyOf(caller, r);
    if (party != Party::kCoachee && party != Party::kMember) continue;
    ASSIGN_OR_RETURN(const GoalRecords records, goals_.Load(r.id));
    ASSIGN_OR_RETURN(const DueFacts facts, Facts(r, records));
    for (DueItem& item : DueFor(party, r, facts, now)) out.push_back(std::move(item));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DueItem& a, const DueItem& b) { return a.since < b.since; });
  return out;
}

absl::StatusOr<std::vector<std::pair<int64_t, DueItem>>> Goals::DueOn(int64_t relationship_id) {
  ASSIGN_OR_RETURN(const Relationship r, relationships_.Get(relationship_id));
  ASSIGN_OR_RETURN(const GoalRecords records, goals_.Load(r.id));
  ASSIGN_OR_RETURN(const DueFacts facts, Facts(r, records));
  const absl::Time now = clock_.Now();
  std::vector<std::pair<int64_t, DueItem>> out;
  for (const auto& [party, account] :
       {std::pair{Party::kCoachee, r.coachee_id}, std::pair{Party::kMember, r.member_id}}) {
    for (DueItem& item : DueFor(party, r, facts, now)) out.emplace_back(account, std::move(item));
  }
  return out;
}

absl::StatusOr<int64_t> Goals::Once(const Principal& caller, const WriteKey& key,
                                    int64_t relationship_id, GoalAction action, const Step& step) {
  if (relationship_id <= 0) return InvalidField("relationship_id", "is required");
  return WriteOnce<int64_t>(
      receipts_, caller.id(), key,
      [&](const WriteReceipt& receipt) {
        return goals_.Write(
            relationship_id,
            [&](const Relationship& r, const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
              const Party party = PartyOf(caller, r);
              RETURN_IF_ERROR(MayAct(party, action, r));
              return step(r, party, records);
            },
            receipt);
      },
      [](int64_t written) -> absl::StatusOr<int64_t> { return written; });
}

namespace {

struct CheckedGoal {
  std::string what;
  std::string measure;
  std::optional<absl::CivilDay> target_on;
  std::vector<std::string> themes;
};

absl::StatusOr<CheckedGoal> CheckGoal(const GoalInput& in, const std::vector<Specialism>& taxonomy,
                                      absl::Time now) {
  CheckedGoal out;
  ASSIGN_OR_RETURN(out.what, NormaliseText(in.what, "what", 1, limits::kGoalWhatMaxLength));
  ASSIGN_OR_RETURN(out.measure,
                   NormaliseText(in.measure, "measure", 1, limits::kGoalMeasureMaxLength, true));
  if (!in.target_on.empty()) {
    out.target_on = ParseDay(in.target_on);
    if (!out.target_on) return InvalidField("target_on", "must be a date like 2027-03-31");
    const absl::CivilDay today = ToDay(now);
    if (*out.target_on < today) return InvalidField("target_on", "must be today or later");
    if (*out.target_on > today + limits::kMaxContractDays) {
      return InvalidField("target_on", "must be within 2 years");
    }
  }
  ASSIGN_OR_RETURN(out.themes, NormaliseList(in.themes, "themes", 0, limits::kMaxThemes, 1,
                                             limits::kSpecialismCodeMaxLength, true));
  for (size_t i = 0; i < out.themes.size(); ++i) {
    if (std::none_of(taxonomy.begin(), taxonomy.end(),
                     [&](const Specialism& t) { return t.code == out.themes[i]; })) {
      return InvalidField(absl::StrCat("themes[", i, "]"), "is not in the taxonomy");
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<std::pair<GoalPlan, int64_t>> Goals::AddGoal(const Principal& caller,
                                                            int64_t relationship_id,
                                                            const GoalInput& in,
                                                            const WriteKey& key) {
  ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(const CheckedGoal checked, CheckGoal(in, taxonomy, now));
  RETURN_IF_ERROR(CheckRating(in.starting_rating, "starting_rating"));
  ASSIGN_OR_RETURN(
      const int64_t goal_id,
      Once(caller, key, relationship_id, GoalAction::kWriteGoal,
           [&](const Relationship& r, Party,
               const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
             const auto open =
                 std::count_if(records.goals.begin(), records.goals.end(),
                               [](const GoalRecord& g) { return g.state == GoalState::kOpen; });
             if (open >= limits::kMaxOpenGoals) {
               return absl::FailedPreconditionError(absl::StrCat(
                   "There are already ", limits::kMaxOpenGoals,
                   " open goals. Mark one achieved or drop it before adding another."));
             }
             GoalRecord g{.relationship_id = r.id,
                          .uid = NewUid(),
                          .target_on = checked.target_on,
                          .themes = checked.themes,
                          .ratings = {{.rating = in.starting_rating,
                                       .at = now,
                                       .source = RatingSource::kStart}},
                          .created_at = now};
             ASSIGN_OR_RETURN(g.sealed_what, Seal(checked.what, GoalTextData(g, 1, "what")));
             ASSIGN_OR_RETURN(g.sealed_measure,
                              Seal(checked.measure, GoalTextData(g, 1, "measure")));
             return GoalWrite{.add_goal = std::move(g)};
           }));
  ASSIGN_OR_RETURN(GoalPlan plan, Plan(caller, relationship_id));
  return std::make_pair(std::move(plan), goal_id);
}

absl::StatusOr<GoalPlan> Goals::RewordGoal(const Principal& caller, int64_t goal_id,
                                           const GoalInput& in, const WriteKey& key) {
  if (goal_id <= 0) return InvalidField("goal_id", "is required");
  ASSIGN_OR_RETURN(const int64_t relationship_id, goals_.RelationshipOfGoal(goal_id));
  ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(const CheckedGoal checked, CheckGoal(in, taxonomy, now));
  RETURN_IF_ERROR(
      Once(
          caller, key, relationship_id, GoalAction::kWriteGoal,
          [&](const Relationship&, Party, const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
            const GoalRecord* found = FindGoal(records, goal_id);
            if (found == nullptr) return absl::NotFoundError("No such goal.");
            if (found->state != GoalState::kOpen) {
              return absl::FailedPreconditionError("Only an open goal can be reworded.");
            }
            GoalRecord g = *found;
            ASSIGN_OR_RETURN(const std::string what,
                             Open(g.sealed_what, GoalTextData(g, g.version, "what")));
            ASSIGN_OR_RETURN(const std::string measure,
                             Open(g.sealed_measure, GoalTextData(g, g.version, "measure")));
            if (what != checked.what || measure != checked.measure) {
              g.earlier.push_back({.sealed_what = g.sealed_what,
                                   .sealed_measure = g.sealed_measure,
                                   .version = g.version,
                                   .replaced_at = now});
              ++g.version;
              ASSIGN_OR_RETURN(g.sealed_what,
                               Seal(checked.what, GoalTextData(g, g.version, "what")));
              ASSIGN_OR_RETURN(g.sealed_measure,
                               Seal(checked.measure, GoalTextData(g, g.version, "measure")));
            } else if (g.target_on == checked.target_on && g.themes == checked.themes) {
              return absl::FailedPreconditionError(
                  "Nothing has changed: the goal is worded like this already.");
            }
            g.target_on = checked.target_on;
            g.themes = checked.themes;
            return GoalWrite{.update_goal = std::move(g)};
          })
          .status());
  return Plan(caller, relationship_id);
}

absl::StatusOr<GoalPlan> Goals::CloseGoal(const Principal& caller, int64_t goal_id,
                                          std::optional<GoalState> state, const std::string& reason,
                                          const WriteKey& key) {
  if (goal_id <= 0) return InvalidField("goal_id", "is required");
  if (!state || *state == GoalState::kOpen) {
    return InvalidField("state", "choose achieved or dropped");
  }
  std::string why;
  if (*state == GoalState::kDropped) {
    ASSIGN_OR_RETURN(why, NormaliseText(reason, "reason", 1, limits::kReasonMaxLength, true));
  } else if (!reason.empty()) {
    return InvalidField("reason", "only a dropped goal has one");
  }
  ASSIGN_OR_RETURN(const int64_t relationship_id, goals_.RelationshipOfGoal(goal_id));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(
      Once(
          caller, key, relationship_id, GoalAction::kWriteGoal,
          [&](const Relationship&, Party, const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
            const GoalRecord* found = FindGoal(records, goal_id);
            if (found == nullptr) return absl::NotFoundError("No such goal.");
            if (found->state != GoalState::kOpen) {
              return absl::FailedPreconditionError("This goal is already achieved or dropped.");
            }
            GoalRecord g = *found;
            g.state = *state;
            g.closed_at = now;
            ASSIGN_OR_RETURN(g.sealed_reason, Seal(why, GoalTextData(g, 0, "reason")));
            return GoalWrite{.update_goal = std::move(g)};
          })
          .status());
  return Plan(caller, relationship_id);
}

absl::StatusOr<GoalPlan> Goals::RequestReview(const Principal& caller, int64_t relationship_id,
                                              const WriteKey& key) {
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(const Loaded loaded, Load(caller, relationship_id, GoalAction::kAskReview));
  ASSIGN_OR_RETURN(const GoalRecords before, goals_.Load(relationship_id));
  ASSIGN_OR_RETURN(const DueFacts facts, Facts(loaded.relationship, before));
  RETURN_IF_ERROR(Once(caller, key, relationship_id, GoalAction::kAskReview,
                       [&](const Relationship& r, Party,
                           const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
                         DueFacts now_facts = facts;
                         now_facts.review_requests = records.review_requests;
                         if (ReviewDueAt(r, now_facts, now)) {
                           return absl::FailedPreconditionError("A review is already due.");
                         }
                         return GoalWrite{.ask_review = GoalWrite::ReviewAsk{
                                              .by_account_id = caller.id(), .at = now}};
                       })
                      .status());
  return Plan(caller, relationship_id);
}

absl::StatusOr<std::pair<GoalPlan, int64_t>> Goals::SubmitReview(const Principal& caller,
                                                                 int64_t relationship_id,
                                                                 const ReviewInput& in,
                                                                 const WriteKey& key) {
  ASSIGN_OR_RETURN(const std::string helped,
                   NormaliseText(in.helped, "helped", 0, limits::kReviewTextMaxLength, true));
  ASSIGN_OR_RETURN(const std::string next,
                   NormaliseText(in.next, "next", 0, limits::kReviewTextMaxLength, true));
  for (size_t i = 0; i < in.ratings.size(); ++i) {
    RETURN_IF_ERROR(CheckRating(in.ratings[i].second, absl::StrCat("ratings[", i, "].rating")));
  }
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(const Loaded loaded, Load(caller, relationship_id, GoalAction::kSubmitReview));
  ASSIGN_OR_RETURN(const GoalRecords before, goals_.Load(relationship_id));
  ASSIGN_OR_RETURN(const DueFacts facts, Facts(loaded.relationship, before));
  const std::optional<ReviewDue> due = ReviewDueAt(loaded.relationship, facts, now);
  ASSIGN_OR_RETURN(
      const int64_t review_id,
      Once(caller, key, relationship_id, GoalAction::kSubmitReview,
           [&](const Relationship& r, Party,
               const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
             std::set<int64_t> open;
             for (const GoalRecord& g : records.goals) {
               if (g.state == GoalState::kOpen) open.insert(g.id);
             }
             if (open.empty()) {
               return absl::FailedPreconditionError(
                   "There is no open goal to review. Add a goal first.");
             }
             std::set<int64_t> rated;
             for (size_t i = 0; i < in.ratings.size(); ++i) {
               const int64_t id = in.ratings[i].first;
               if (!open.contains(id)) {
                 return InvalidField(absl::StrCat("ratings[", i, "].goal_id"),
                                     "is not an open goal of this relationship");
               }
               if (!rated.insert(id).second) {
                 return InvalidField(absl::StrCat("ratings[", i, "].goal_id"), "is rated twice");
               }
             }
             if (rated.size() != open.size()) {
               return InvalidField("ratings", "rate every open goal, from 0 to 10");
             }
             ReviewRecord review{.relationship_id = r.id,
                                 .uid = NewUid(),
                                 .occasion = due ? due->occasion : ReviewOccasion::kAsked,
                                 .by_account_id = caller.id(),
                                 .submitted_at = now,
                                 .ratings = in.ratings};
             ASSIGN_OR_RETURN(review.sealed_helped, Seal(helped, ReviewTextData(review, "helped")));
             ASSIGN_OR_RETURN(review.sealed_next, Seal(next, ReviewTextData(review, "next")));
             return GoalWrite{.add_review = std::move(review)};
           }));
  ASSIGN_OR_RETURN(GoalPlan plan, Plan(caller, relationship_id));
  return std::make_pair(std::move(plan), review_id);
}

absl::StatusOr<GoalPlan> Goals::CommentOnReview(const Principal& caller, int64_t review_id,
                                                const std::string& comment, const WriteKey& key) {
  if (review_id <= 0) return InvalidField("review_id", "is required");
  ASSIGN_OR_RETURN(const std::string text,
                   NormaliseText(comment, "comment", 1, limits::kReviewTextMaxLength, true));
  ASSIGN_OR_RETURN(const int64_t relationship_id, goals_.RelationshipOfReview(review_id));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(
      Once(
          caller, key, relationship_id, GoalAction::kComment,
          [&](const Relationship&, Party, const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
            const auto it = std::find_if(records.reviews.begin(), records.reviews.end(),
                                         [&](const ReviewRecord& r) { return r.id == review_id; });
            if (it == records.reviews.end()) {
              return absl::NotFoundError("No such review.");
            }
            GoalWrite::Comment c{.review_id = review_id, .at = now};
            ASSIGN_OR_RETURN(c.sealed_comment, Seal(text, ReviewTextData(*it, "comment")));
            return GoalWrite{.comment = std::move(c)};
          })
          .status());
  return Plan(caller, relationship_id);
}

absl::StatusOr<GoalPlan> Goals::SubmitEvaluation(const Principal& caller, int64_t relationship_id,
                                                 const EvaluationInput& in, const WriteKey& key) {
  ASSIGN_OR_RETURN(const Loaded loaded, Load(caller, relationship_id, GoalAction::kEvaluate));
  const Audience audience = AudienceOf(loaded.party);
  ASSIGN_OR_RETURN(const QuestionSet questions, QuestionsFor(loaded.relationship, audience));
  if (in.version != questions.version) {
    return InvalidField("version",
                        "the questions have changed since this form was opened; open it again");
  }
  // Every question gets an answer, given or not.
  std::vector<EvaluationInput::AnswerIn> answers(questions.questions.size());
  std::vector<bool> given(questions.questions.size(), false);
  for (size_t i = 0; i < in.answers.size(); ++i) {
    const int q = in.answers[i].question;
    if (q < 0 || q >= static_cast<int>(questions.questions.size())) {
      return InvalidField(absl::StrCat("answers[", i, "].question"), "is not one of the questions");
    }
    if (given[q])
      return InvalidField(absl::StrCat("answers[", i, "].question"), "is answered twice");
    given[q] = true;
    answers[q] = in.answers[i];
  }
  std::vector<std::string> texts(answers.size());
  for (size_t q = 0; q < answers.size(); ++q) {
    if (answers[q].share && audience != Audience::kCoachee) {
      return InvalidField(absl::StrCat("answers[", q, "].share_with_programme"),
                          "only the coachee's answers are shared with the programme");
    }
    ASSIGN_OR_RETURN(texts[q],
                     ValidateAnswer(questions.questions[q], static_cast<int>(q), answers[q].choice,
                                    answers[q].text, answers[q].share));
  }
  for (size_t i = 0; i < in.goals.size(); ++i) {
    RETURN_IF_ERROR(CheckRating(in.goals[i].rating, absl::StrCat("goals[", i, "].rating")));
    if (in.goals[i].outcome == GoalOutcome::kNone) {
      return InvalidField(absl::StrCat("goals[", i, "].outcome"),
                          "choose achieved, partly, not achieved or no longer relevant");
    }
  }
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(
      Once(caller, key, relationship_id, GoalAction::kEvaluate,
           [&](const Relationship& r, Party,
               const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
             if (FindEvaluation(records, audience) != nullptr) {
               return absl::FailedPreconditionError("You have already answered the evaluation.");
             }
             EvaluationRecord e{.relationship_id = r.id,
                                .uid = NewUid(),
                                .audience = audience,
                                .by_account_id = caller.id(),
                                .version = questions.version,
                                .submitted_at = now};
             if (audience == Audience::kMember) {
               if (!in.goals.empty()) {
                 return InvalidField("goals", "the coachee rates the goals at the end");
               }
             } else {
               std::set<int64_t> expected;
               for (const GoalRecord& g : records.goals) {
                 if (g.state != GoalState::kDropped) expected.insert(g.id);
               }
               std::set<int64_t> rated;
               for (size_t i = 0; i < in.goals.size(); ++i) {
                 if (!expected.contains(in.goals[i].goal_id)) {
                   return InvalidField(absl::StrCat("goals[", i, "].goal_id"),
                                       "is not a goal of this relationship still to rate");
                 }
                 if (!rated.insert(in.goals[i].goal_id).second) {
                   return InvalidField(absl::StrCat("goals[", i, "].goal_id"), "is rated twice");
                 }
               }
               if (rated.size() != expected.size()) {
                 return InvalidField("goals", "give a final rating and outcome for every goal");
               }
               e.goals = in.goals;
             }
             for (size_t q = 0; q < answers.size(); ++q) {
               AnswerRecord a{.position = static_cast<int>(q),
                              .question = questions.questions[q],
                              .choice = answers[q].choice,
                              .shared = answers[q].share};
               ASSIGN_OR_RETURN(a.sealed_text,
                                Seal(texts[q], AnswerTextData(e, static_cast<int>(q))));
               e.answers.push_back(std::move(a));
             }
             return GoalWrite{.add_evaluation = std::move(e)};
           })
          .status());
  return Plan(caller, relationship_id);
}

absl::StatusOr<GoalPlan> Goals::SubmitFollowUp(const Principal& caller, int64_t relationship_id,
                                               int rating, const std::string& answer, bool share,
                                               const WriteKey& key) {
  RETURN_IF_ERROR(CheckRating(rating, "rating"));
  ASSIGN_OR_RETURN(const std::string text,
                   NormaliseText(answer, "answer", 0, limits::kAnswerMaxLength, true));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(Once(caller, key, relationship_id, GoalAction::kFollowUp,
                       [&](const Relationship& r, Party,
                           const GoalRecords& records) -> absl::StatusOr<GoalWrite> {
                         const std::optional<absl::Time> ended = EndedAt(r);
                         const absl::Time due = *ended + absl::Hours(24 * limits::kFollowUpDays);
                         if (now < due) {
                           return absl::FailedPreconditionError(
                               absl::StrCat("The follow-up opens on ", DayInWords(due),
                                            ", about six months after the end."));
                         }
                         if (records.follow_up) {
                           return absl::FailedPreconditionError(
                               "You have already answered the follow-up.");
                         }
                         FollowUpRecord f{.relationship_id = r.id,
                                          .uid = NewUid(),
                                          .by_account_id = caller.id(),
                                          .submitted_at = now,
                                          .rating = rating,
                                          .shared = share && !text.empty()};
                         ASSIGN_OR_RETURN(f.sealed_answer, Seal(text, FollowUpTextData(f)));
                         return GoalWrite{.add_follow_up = std::move(f)};
                       })
                      .status());
  return Plan(caller, relationship_id);
}

namespace {

absl::Status RequireCoordinatorOf(const Principal& caller, int64_t organisation_id) {
  if (organisation_id <= 0) return InvalidField("organisation_id", "is required");
  if (!caller.HasRole(Role::kCoordinator) || !caller.Coordinates(organisation_id)) {
    return absl::PermissionDeniedError(
        "Only the organisation's coordinators can see or change its evaluation questions.");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<QuestionSet> Goals::Questions(const Principal& caller, int64_t organisation_id,
                                             std::optional<SupportKind> kind,
                                             std::optional<Audience> audience) {
  RETURN_IF_ERROR(RequireCoordinatorOf(caller, organisation_id));
  if (!kind) return InvalidField("kind", "choose coaching or mentoring");
  if (!audience) return InvalidField("audience", "choose coachee or member");
  ASSIGN_OR_RETURN(const std::optional<QuestionSet> saved,
                   goals_.LatestQuestions(organisation_id, *kind, *audience));
  if (saved) return *saved;
  QuestionSet set = DefaultQuestions(*kind, *audience);
  set.organisation_id = organisation_id;
  return set;
}

absl::StatusOr<QuestionSet> Goals::SaveQuestions(const Principal& caller, int64_t organisation_id,
                                                 std::optional<SupportKind> kind,
                                                 std::optional<Audience> audience,
                                                 const std::vector<Question>& questions,
                                                 const WriteKey& key) {
  RETURN_IF_ERROR(RequireCoordinatorOf(caller, organisation_id));
  if (!kind) return InvalidField("kind", "choose coaching or mentoring");
  if (!audience) return InvalidField("audience", "choose coachee or member");
  ASSIGN_OR_RETURN(std::vector<Question> checked, ValidateQuestions(questions));
  QuestionSet set{.organisation_id = organisation_id,
                  .kind = *kind,
                  .audience = *audience,
                  .questions = std::move(checked),
                  .saved_at = clock_.Now(),
                  .saved_by = caller.id()};
  return WriteOnce<QuestionSet>(
      receipts_, caller.id(), key,
      [&](const WriteReceipt& receipt) { return goals_.SaveQuestions(set, receipt); },
      [&](int64_t id) { return goals_.QuestionsById(id); });
}

absl::StatusOr<std::vector<SharedAnswer>> Goals::Shared(const Principal& caller,
                                                        int64_t organisation_id) {
  RETURN_IF_ERROR(RequireCoordinatorOf(caller, organisation_id));
  ASSIGN_OR_RETURN(const std::vector<SharedRecord> records, goals_.ListShared(organisation_id));
  std::vector<SharedAnswer> out;
  for (const SharedRecord& r : records) {
    SharedAnswer a{.kind = r.kind, .question = r.question, .quarter = Quarter(r.at)};
    const std::string bound =
        r.position
            ? AnswerTextData({.relationship_id = r.relationship_id, .uid = r.uid}, *r.position)
            : FollowUpTextData({.relationship_id = r.relationship_id, .uid = r.uid});
    ASSIGN_OR_RETURN(a.text, Open(r.sealed_text, bound));
    out.push_back(std::move(a));
  }
  // Only groups of at least disclosure::kMinGroup answers to one question
  // in one quarter are released: fewer could be told apart.
  absl::flat_hash_map<std::tuple<int, std::string, std::string>, int64_t> group_sizes;
  for (const SharedAnswer& a : out)
    ++group_sizes[{static_cast<int>(a.kind), a.question, a.quarter}];
  std::erase_if(out, [&](const SharedAnswer& a) {
    return !disclosure::MayReleaseText(
        group_sizes[{static_cast<int>(a.kind), a.question, a.quarter}]);
  });
  // Newest quarter first; within one, by question and text, so that the
  // order says nothing about who answered when.
  std::sort(out.begin(), out.end(), [](const SharedAnswer& a, const SharedAnswer& b) {
    if (a.quarter != b.quarter) return a.quarter > b.quarter;
    if (a.question != b.question) return a.question < b.question;
    return a.text < b.text;
  });
  return out;
}

}  // namespace tandem::domain
