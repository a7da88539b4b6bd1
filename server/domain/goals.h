#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/evaluation_questions.h"
#include "server/domain/goal_access.h"
#include "server/domain/goal_due.h"
#include "server/domain/identity.h"
#include "server/domain/note_cipher.h"
#include "server/domain/profile_repository.h"
#include "server/domain/relationship.h"
#include "server/domain/session.h"
#include "server/domain/write_receipt.h"
#include "shared/clock.h"

/// Goals, goal reviews, the end evaluation and the follow-up of a
/// relationship. The rules are in goal_access.h (who may read and write),
/// goal_due.h (when each is due) and evaluation_questions.h (what a
/// question allows); this file holds the records and the service that
/// applies those rules. Text is sealed with the notes cipher before it is
/// stored, and opened only for those goal_access.h lets read it.
namespace tandem::domain {

/// Stored by these numbers; server/api maps them to the API's enums.
enum class GoalState : int { kOpen = 1, kAchieved, kDropped };
enum class RatingSource : int { kStart = 1, kReview, kEnd };
enum class GoalOutcome : int { kNone = 0, kAchieved, kPartly, kNotAchieved, kNoLongerRelevant };

struct GoalRating {
  int rating = 0;  // 0–10
  absl::Time at;
  RatingSource source = RatingSource::kStart;
};

/// A goal as stored: its text sealed.
struct GoalRecord {
  struct Wording {
    std::string sealed_what;
    std::string sealed_measure;
    int version = 0;
    absl::Time replaced_at;
  };
  int64_t id = 0;
  int64_t relationship_id = 0;
  /// Random, made when the goal is added: binds its sealed text to it.
  std::string uid;
  GoalState state = GoalState::kOpen;
  std::string sealed_what;
  std::string sealed_measure;
  /// Of the current wording: 1, 2, …
  int version = 1;
  std::optional<absl::CivilDay> target_on;
  std::vector<std::string> themes;
  std::vector<GoalRating> ratings;  // oldest first
  std::vector<Wording> earlier;     // oldest first
  std::string sealed_reason;        // dropped: why
  std::optional<absl::Time> closed_at;
  absl::Time created_at;
  GoalOutcome outcome = GoalOutcome::kNone;
};

struct ReviewRecord {
  int64_t id = 0;
  int64_t relationship_id = 0;
  std::string uid;
  ReviewOccasion occasion = ReviewOccasion::kAsked;
  int64_t by_account_id = 0;
  absl::Time submitted_at;
  std::vector<std::pair<int64_t, int>> ratings;  // goal id, 0–10
  std::string sealed_helped;
  std::string sealed_next;
  std::string sealed_comment;  // empty: no comment yet
  std::optional<absl::Time> commented_at;
};

struct AnswerRecord {
  int position = 0;
  /// The question as it was asked: answers keep their wording.
  Question question;
  int choice = 0;
  std::string sealed_text;
  bool shared = false;
};

struct EvaluationRecord {
  int64_t id = 0;
  int64_t relationship_id = 0;
  std::string uid;
  Audience audience = Audience::kCoachee;
  int64_t by_account_id = 0;
  int version = 0;
  absl::Time submitted_at;
  std::vector<AnswerRecord> answers;
  /// The coachee's: goal id, final rating (0–10) and outcome.
  struct GoalResult {
    int64_t goal_id = 0;
    int rating = 0;
    GoalOutcome outcome = GoalOutcome::kNone;
  };
  std::vector<GoalResult> goals;
};

struct FollowUpRecord {
  int64_t relationship_id = 0;
  std::string uid;
  int64_t by_account_id = 0;
  absl::Time submitted_at;
  int rating = 0;
  std::string sealed_answer;
  bool shared = false;
};

/// Everything about one relationship's goals, as stored.
struct GoalRecords {
  std::vector<GoalRecord> goals;            // oldest first
  std::vector<ReviewRecord> reviews;        // oldest first
  std::vector<absl::Time> review_requests;  // oldest first
  std::vector<EvaluationRecord> evaluations;
  std::optional<FollowUpRecord> follow_up;
};

/// One write, decided in the repository's transaction: at most one of each.
struct GoalWrite {
  std::optional<GoalRecord> add_goal;
  /// The whole goal as it should be now; new earlier wordings and ratings
  /// are those past the stored ones.
  std::optional<GoalRecord> update_goal;
  struct ReviewAsk {
    int64_t by_account_id = 0;
    absl::Time at;
  };
  std::optional<ReviewAsk> ask_review;
  std::optional<ReviewRecord> add_review;
  struct Comment {
    int64_t review_id = 0;
    std::string sealed_comment;
    absl::Time at;
  };
  std::optional<Comment> comment;
  std::optional<EvaluationRecord> add_evaluation;
  std::optional<FollowUpRecord> add_follow_up;
};

/// A shared free-text answer for the programme, as stored: sealed, with
/// what its seal is bound to (never shown).
struct SharedRecord {
  SupportKind kind = SupportKind::kCoaching;
  std::string question;
  std::string sealed_text;
  int64_t relationship_id = 0;
  std::string uid;
  /// The answer's position in its evaluation; nullopt for a follow-up.
  std::optional<int> position;
  absl::Time at;
};

class GoalRepository {
 public:
  virtual ~GoalRepository() = default;
  /// NOT_FOUND if the relationship does not exist.
  virtual absl::StatusOr<GoalRecords> Load(int64_t relationship_id) = 0;
  /// In one transaction: keeps `receipt` (ALREADY_EXISTS when its key is
  /// taken, checked first), reads the relationship with its open goals and
  /// its records, lets `decide` refuse or say what to write, writes it.
  /// Returns the id of the goal or review added, or else the
  /// relationship's; the receipt keeps the same id.
  using Decide = std::function<absl::StatusOr<GoalWrite>(const Relationship&, const GoalRecords&)>;
  virtual absl::StatusOr<int64_t> Write(int64_t relationship_id, const Decide& decide,
                                        const WriteReceipt& receipt) = 0;
  /// The relationship a goal or a review belongs to (NOT_FOUND if none).
  virtual absl::StatusOr<int64_t> RelationshipOfGoal(int64_t goal_id) = 0;
  virtual absl::StatusOr<int64_t> RelationshipOfReview(int64_t review_id) = 0;

  /// The latest saved questions, if any were saved.
  virtual absl::StatusOr<std::optional<QuestionSet>> LatestQuestions(int64_t organisation_id,
                                                                     SupportKind kind,
                                                                     Audience audience) = 0;
  /// Saves `set` as the next version (its version is ignored and set),
  /// keeping `receipt` with the version's id.
  virtual absl::StatusOr<QuestionSet> SaveQuestions(const QuestionSet& set,
                                                    const WriteReceipt& receipt) = 0;
  /// The version saved as row `id` (for a retry's answer).
  virtual absl::StatusOr<QuestionSet> QuestionsById(int64_t id) = 0;
  /// Free-text answers the coachees of `organisation_id` chose to share.
  virtual absl::StatusOr<std::vector<SharedRecord>> ListShared(int64_t organisation_id) = 0;
};

/// What the viewer may read of a relationship's goals.
struct GoalView {
  int64_t id = 0;
  GoalState state = GoalState::kOpen;
  std::string what;
  std::string measure;
  std::optional<absl::CivilDay> target_on;
  std::vector<std::string> themes;
  std::vector<GoalRating> ratings;
  struct Earlier {
    std::string what;
    std::string measure;
    absl::Time replaced_at;
  };
  std::vector<Earlier> earlier;
  std::string closed_reason;
  std::optional<absl::Time> closed_at;
  absl::Time created_at;
  GoalOutcome outcome = GoalOutcome::kNone;
};

struct ReviewView {
  int64_t id = 0;
  ReviewOccasion occasion = ReviewOccasion::kAsked;
  absl::Time submitted_at;
  std::vector<std::pair<int64_t, int>> ratings;
  std::string helped;
  std::string next;
  std::string comment;
  std::optional<absl::Time> commented_at;
};

struct AnsweredView {
  Question question;
  int position = 0;
  int choice = 0;
  std::string text;
  bool shared = false;
};

struct EvaluationView {
  Audience audience = Audience::kCoachee;
  std::optional<absl::Time> submitted_at;
  int version = 0;
  std::vector<AnsweredView> answers;
};

struct FollowUpView {
  absl::Time due_at;
  std::optional<absl::Time> submitted_at;
  int rating = 0;
  std::string answer;
  bool shared = false;
};

struct GoalPlan {
  int64_t relationship_id = 0;
  std::vector<GoalView> goals;
  std::vector<ReviewView> reviews;
  std::vector<DueItem> due;
  /// Once the relationship has ended.
  std::optional<EvaluationView> my_evaluation;
  /// The questions to answer, while the caller's evaluation is not given.
  std::optional<QuestionSet> my_questions;
  bool other_evaluated = false;
  std::optional<FollowUpView> follow_up;  // the coachee's, once ended
  std::string follow_up_question;
};

/// The inputs of each write, as sent.
struct GoalInput {
  std::string what;
  std::string measure;
  std::string target_on;  // "YYYY-MM-DD" or empty
  std::vector<std::string> themes;
  int starting_rating = 0;  // AddGoal only
};

struct ReviewInput {
  std::vector<std::pair<int64_t, int>> ratings;
  std::string helped;
  std::string next;
};

struct EvaluationInput {
  std::vector<EvaluationRecord::GoalResult> goals;
  int version = 0;
  struct AnswerIn {
    int question = 0;
    int choice = 0;
    std::string text;
    bool share = false;
  };
  std::vector<AnswerIn> answers;
};

struct SharedAnswer {
  SupportKind kind = SupportKind::kCoaching;
  std::string question;
  std::string text;
  std::string quarter;  // "2026 Q4"
};

/// The service: every write made once per WriteKey, answered with the plan
/// as the caller sees it.
class Goals {
 public:
  Goals(GoalRepository& goals, RelationshipRepository& relationships, SessionRepository& sessions,
        ReceiptRepository& receipts, ProfileRepository& profiles, const NoteCipher& cipher,
        const Clock& clock)
      : goals_(goals),
        relationships_(relationships),
        sessions_(sessions),
        receipts_(receipts),
        profiles_(profiles),
        cipher_(cipher),
        clock_(clock) {}

  absl::StatusOr<GoalPlan> Plan(const Principal& caller, int64_t relationship_id);
  absl::StatusOr<std::vector<DueItem>> ListDue(const Principal& caller);
  /// What is due now on one relationship, for each of its two people (the
  /// account, and the item as they see it): for the reminders.
  absl::StatusOr<std::vector<std::pair<int64_t, DueItem>>> DueOn(int64_t relationship_id);
  /// The plan and the new goal's id.
  absl::StatusOr<std::pair<GoalPlan, int64_t>> AddGoal(const Principal& caller,
                                                       int64_t relationship_id,
                                                       const GoalInput& input, const WriteKey& key);
  absl::StatusOr<GoalPlan> RewordGoal(const Principal& caller, int64_t goal_id,
                                      const GoalInput& input, const WriteKey& key);
  /// `state` achieved or dropped (then with a reason).
  absl::StatusOr<GoalPlan> CloseGoal(const Principal& caller, int64_t goal_id,
                                     std::optional<GoalState> state, const std::string& reason,
                                     const WriteKey& key);
  absl::StatusOr<GoalPlan> RequestReview(const Principal& caller, int64_t relationship_id,
                                         const WriteKey& key);
  absl::StatusOr<std::pair<GoalPlan, int64_t>> SubmitReview(const Principal& caller,
                                                            int64_t relationship_id,
                                                            const ReviewInput& input,
                                                            const WriteKey& key);
  absl::StatusOr<GoalPlan> CommentOnReview(const Principal& caller, int64_t review_id,
                                           const std::string& comment, const WriteKey& key);
  absl::StatusOr<GoalPlan> SubmitEvaluation(const Principal& caller, int64_t relationship_id,
                                            const EvaluationInput& input, const WriteKey& key);
  absl::StatusOr<GoalPlan> SubmitFollowUp(const Principal& caller, int64_t relationship_id,
                                          int rating, const std::string& answer, bool share,
                                          const WriteKey& key);

  /// Coordinators of `organisation_id` (PERMISSION_DENIED otherwise).
  absl::StatusOr<QuestionSet> Questions(const Principal& caller, int64_t organisation_id,
                                        std::optional<SupportKind> kind,
                                        std::optional<Audience> audience);
  absl::StatusOr<QuestionSet> SaveQuestions(const Principal& caller, int64_t organisation_id,
                                            std::optional<SupportKind> kind,
                                            std::optional<Audience> audience,
                                            const std::vector<Question>& questions,
                                            const WriteKey& key);
  absl::StatusOr<std::vector<SharedAnswer>> Shared(const Principal& caller,
                                                   int64_t organisation_id);

 private:
  struct Loaded {
    Relationship relationship;
    Party party = Party::kStranger;
  };
  /// The relationship and the caller's part, refused unless `action` is
  /// allowed them (NOT_FOUND for strangers).
  absl::StatusOr<Loaded> Load(const Principal& caller, int64_t relationship_id, GoalAction action);
  /// The plan as `party` sees it.
  absl::StatusOr<GoalPlan> View(const Relationship& relationship, Party party);
  /// What a write decides, given the caller's part (already allowed).
  using Step =
      std::function<absl::StatusOr<GoalWrite>(const Relationship&, Party, const GoalRecords&)>;
  /// Makes `step` once per key, checking `action` against the relationship
  /// as it is in the write's transaction. Returns the id the repository
  /// kept (a retry gets the id the first write kept).
  absl::StatusOr<int64_t> Once(const Principal& caller, const WriteKey& key,
                               int64_t relationship_id, GoalAction action, const Step& step);
  /// The facts goal_due.h needs about a relationship.
  absl::StatusOr<DueFacts> Facts(const Relationship& relationship, const GoalRecords& records);
  /// The questions in force for a relationship's evaluation by `audience`.
  absl::StatusOr<QuestionSet> QuestionsFor(const Relationship& relationship, Audience audience);
  absl::StatusOr<std::string> Seal(absl::string_view text, const std::string& associated) const;
  absl::StatusOr<std::string> Open(const std::string& sealed, const std::string& associated) const;

  GoalRepository& goals_;
  RelationshipRepository& relationships_;
  SessionRepository& sessions_;
  ReceiptRepository& receipts_;
  ProfileRepository& profiles_;
  const NoteCipher& cipher_;
  const Clock& clock_;
};

/// What binds each sealed text to its row and field.
std::string GoalTextData(const GoalRecord& goal, int version, absl::string_view field);
std::string ReviewTextData(const ReviewRecord& review, absl::string_view field);
std::string AnswerTextData(const EvaluationRecord& evaluation, int position);
std::string FollowUpTextData(const FollowUpRecord& follow_up);

}  // namespace tandem::domain
