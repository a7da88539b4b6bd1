#include "server/domain/evaluation_questions.h"

#include "absl/strings/str_cat.h"
#include "server/domain/validation.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

Question Rating(std::string wording, std::vector<std::string> labels, bool required = true) {
  return {.type = QuestionType::kRating,
          .wording = std::move(wording),
          .required = required,
          .options = std::move(labels)};
}

Question YesNo(std::string wording, bool required = true) {
  return {.type = QuestionType::kYesNo,
          .wording = std::move(wording),
          .required = required,
          .options = {}};
}

Question Text(std::string wording) {
  return {
      .type = QuestionType::kText, .wording = std::move(wording), .required = false, .options = {}};
}

std::vector<std::string> Agreement() {
  return {"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"};
}

}  // namespace

QuestionSet DefaultQuestions(SupportKind kind, Audience audience) {
  const bool coaching = kind == SupportKind::kCoaching;
  const std::string word = coaching ? "coaching" : "mentoring";
  const std::string person = coaching ? "coach" : "mentor";
  QuestionSet set{.kind = kind, .audience = audience};
  if (audience == Audience::kCoachee) {
    set.questions = {
        Rating(absl::StrCat("Overall, how useful was the ", word, " to you?"),
               {"Not at all useful", "Slightly useful", "Moderately useful", "Very useful",
                "Extremely useful"}),
        Rating(absl::StrCat("I am more confident in my role because of the ", word, "."),
               Agreement()),
        Rating(absl::StrCat("My ", person, " helped me think for myself."), Agreement()),
        YesNo(absl::StrCat("Would you recommend ", word, " to a colleague?")),
        {.type = QuestionType::kChoice,
         .wording = absl::StrCat("How has the ", word, " affected your plans to stay in your job?"),
         .required = false,
         .options = {"More likely to stay", "No change", "Less likely to stay",
                     "Prefer not to say"}},
        Text("What difference has it made to your work?"),
        Text("What could the programme do better?"),
    };
  } else {
    set.questions = {
        Rating(
            absl::StrCat("How well did the ", word, " relationship work?"),
            {"Not at all well", "Slightly well", "Moderately well", "Very well", "Extremely well"}),
        YesNo("Did you have the supervision you needed?"),
        Text("Anything the programme should know?"),
    };
  }
  return set;
}

absl::StatusOr<std::vector<Question>> ValidateQuestions(const std::vector<Question>& in) {
  if (in.empty() || in.size() > static_cast<size_t>(kMaxQuestions)) {
    return InvalidField("questions", absl::StrCat("give 1 to ", kMaxQuestions, " questions"));
  }
  std::vector<Question> out;
  for (size_t i = 0; i < in.size(); ++i) {
    const std::string field = absl::StrCat("questions[", i, "]");
    Question q = in[i];
    ASSIGN_OR_RETURN(q.wording, NormaliseText(in[i].wording, absl::StrCat(field, ".wording"), 1,
                                              kQuestionMaxLength));
    const std::string options = absl::StrCat(field, ".options");
    switch (q.type) {
      case QuestionType::kRating: {
        if (q.options.size() != 5) return InvalidField(options, "give five labels, lowest first");
        ASSIGN_OR_RETURN(q.options, NormaliseList(in[i].options, options, 5, 5, 1,
                                                  kRatingLabelMaxLength, false));
        if (q.options.size() != 5) return InvalidField(options, "the five labels must differ");
        break;
      }
      case QuestionType::kChoice: {
        ASSIGN_OR_RETURN(q.options,
                         NormaliseList(in[i].options, options, kMinChoiceOptions, kMaxChoiceOptions,
                                       1, kChoiceOptionMaxLength, false));
        if (q.options.size() != in[i].options.size()) {
          return InvalidField(options, "the options must differ");
        }
        break;
      }
      case QuestionType::kYesNo:
      case QuestionType::kText:
        if (!q.options.empty()) return InvalidField(options, "only ratings and choices have them");
        break;
    }
    out.push_back(std::move(q));
  }
  return out;
}

absl::StatusOr<std::string> ValidateAnswer(const Question& q, int position, int choice,
                                           const std::string& text, bool share) {
  const std::string field = absl::StrCat("answers[", position, "]");
  int most = 0;
  switch (q.type) {
    case QuestionType::kRating:
      most = 5;
      break;
    case QuestionType::kYesNo:
      most = 2;
      break;
    case QuestionType::kChoice:
      most = static_cast<int>(q.options.size());
      break;
    case QuestionType::kText:
      break;
  }
  if (q.type == QuestionType::kText) {
    if (choice != 0) return InvalidField(absl::StrCat(field, ".choice"), "a text answer has none");
    ASSIGN_OR_RETURN(std::string answer, NormaliseText(text, absl::StrCat(field, ".text"),
                                                       q.required ? 1 : 0, kAnswerMaxLength,
                                                       /*allow_newlines=*/true));
    return answer;
  }
  if (!text.empty()) return InvalidField(absl::StrCat(field, ".text"), "only a text answer has it");
  if (share) {
    return InvalidField(absl::StrCat(field, ".share_with_programme"),
                        "only a text answer is shared");
  }
  if (choice < 0 || choice > most) {
    return InvalidField(absl::StrCat(field, ".choice"), absl::StrCat("must be 1 to ", most));
  }
  if (choice == 0 && q.required) {
    return InvalidField(absl::StrCat(field, ".choice"), "this question needs an answer");
  }
  return std::string();
}

std::string FollowUpQuestion(SupportKind kind) {
  return absl::StrCat("Looking back, what has lasted from your ",
                      kind == SupportKind::kCoaching ? "coaching" : "mentoring", "?");
}

}  // namespace tandem::domain
