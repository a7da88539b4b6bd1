#pragma once

#include "server/domain/goals.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// Goals, reviews, evaluations, follow-ups and the programme's questions,
/// in SQLite.
class SqliteGoalRepository final : public domain::GoalRepository {
 public:
  explicit SqliteGoalRepository(Database& db) : db_(db) {}

  absl::StatusOr<domain::GoalRecords> Load(int64_t relationship_id) override;
  absl::StatusOr<int64_t> Write(int64_t relationship_id, const Decide& decide,
                                const domain::WriteReceipt& receipt) override;
  absl::StatusOr<int64_t> RelationshipOfGoal(int64_t goal_id) override;
  absl::StatusOr<int64_t> RelationshipOfReview(int64_t review_id) override;
  absl::StatusOr<std::optional<domain::QuestionSet>> LatestQuestions(
      int64_t organisation_id, domain::SupportKind kind, domain::Audience audience) override;
  absl::StatusOr<domain::QuestionSet> SaveQuestions(const domain::QuestionSet& set,
                                                    const domain::WriteReceipt& receipt) override;
  absl::StatusOr<domain::QuestionSet> QuestionsById(int64_t id) override;
  absl::StatusOr<std::vector<domain::SharedRecord>> ListShared(int64_t organisation_id) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
