#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/profile.h"

/// The programme's evaluation questions, and what each allows: the one
/// place for what a question may be and what answers it.
namespace tandem::domain {

/// Stored by these numbers; server/api maps them to the API's enums.
enum class QuestionType : int { kRating = 1, kYesNo, kChoice, kText };
/// Who answers: the coachee, or the coach or mentor.
enum class Audience : int { kCoachee = 1, kMember = 2 };

struct Question {
  QuestionType type = QuestionType::kText;
  std::string wording;
  bool required = false;
  /// Rating: five labels, lowest first. Choice: two to eight options.
  std::vector<std::string> options;
};

struct QuestionSet {
  int64_t id = 0;  // 0: the default set
  int64_t organisation_id = 0;
  SupportKind kind = SupportKind::kCoaching;
  Audience audience = Audience::kCoachee;
  int version = 0;  // 0: the default set shipped with Tandem
  std::vector<Question> questions;
  absl::Time saved_at = absl::UnixEpoch();
  int64_t saved_by = 0;
  std::string saved_by_name;  // filled when read
};

inline constexpr int kMaxQuestions = 20;
inline constexpr size_t kQuestionMaxLength = 300;
inline constexpr size_t kRatingLabelMaxLength = 40;
inline constexpr size_t kChoiceOptionMaxLength = 80;
inline constexpr int kMinChoiceOptions = 2;
inline constexpr int kMaxChoiceOptions = 8;
inline constexpr size_t kAnswerMaxLength = 2000;

/// The set Tandem ships for `kind` and `audience` (version 0).
QuestionSet DefaultQuestions(SupportKind kind, Audience audience);

/// The questions as they would be saved (trimmed), or INVALID_ARGUMENT
/// naming the field ("questions[2].options: …").
absl::StatusOr<std::vector<Question>> ValidateQuestions(const std::vector<Question>& questions);

/// An answer to `question` (at `position` in its set, for the field name
/// "answers[i]"): `choice` 0 is not answered. Returns the trimmed text.
absl::StatusOr<std::string> ValidateAnswer(const Question& question, int position, int choice,
                                           const std::string& text, bool share);

/// The follow-up's one question, about six months after the end.
std::string FollowUpQuestion(SupportKind kind);

}  // namespace tandem::domain
