#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The value types of goals, reviews and the end evaluation
// (tandem.v1.GoalService), with Qt types only. Enum values are carried as
// keys (see GoalCatalogue): goal states "open", "achieved", "dropped";
// rating sources "start", "review", "end"; outcomes "achieved", "partly",
// "not_achieved", "no_longer_relevant"; review occasions "midpoint",
// "contract_review", "cadence", "asked"; question types "rating",
// "yes_no", "choice", "text"; audiences "coachee", "member"; due items
// "set_goals", "review", "evaluation", "follow_up".

/// One rating of a goal, 0–10.
struct GoalRatingInfo {
    int rating = 0;
    QDateTime at;
    QString source; ///< "start", "review" or "end"
};

/// An earlier wording of a goal.
struct GoalWordingInfo {
    QString what;
    QString measure;
    QDateTime replacedAt;
};

/// A goal of a relationship (tandem.v1.Goal).
struct GoalInfo {
    qint64 id = 0;
    qint64 relationshipId = 0;
    QString state; ///< "open", "achieved", "dropped"
    QString what; ///< what I want to achieve
    QString measure; ///< how I will know I got there
    QString targetOn; ///< "YYYY-MM-DD" or empty
    QStringList themes; ///< specialism codes
    QList<GoalRatingInfo> ratings; ///< oldest first; the first is the start
    QList<GoalWordingInfo> earlier; ///< oldest first
    QString closedReason;
    QDateTime closedAt;
    QDateTime createdAt;
    QString outcome; ///< the end evaluation's, or empty
};

/// A goal's new rating in a review.
struct ReviewRatingInfo {
    qint64 goalId = 0;
    int rating = 0;
};

/// A completed goal review (tandem.v1.Review).
struct ReviewInfo {
    qint64 id = 0;
    QString occasion;
    QDateTime submittedAt;
    QList<ReviewRatingInfo> ratings;
    QString helped;
    QString next;
    QString comment; ///< the coach's or mentor's, seen by both; empty if none
    QDateTime commentedAt;
};

/// One of the programme's evaluation questions.
struct QuestionInfo {
    QString type; ///< "rating", "yes_no", "choice", "text"
    QString wording;
    bool required = false;
    /// rating: five labels, lowest first; choice: two to eight options.
    QStringList options;
};

/// The questions of an organisation for a kind and audience, as one version.
struct QuestionSetInfo {
    qint64 organisationId = 0;
    QString kind; ///< "coaching" or "mentoring"
    QString audience; ///< "coachee" or "member"
    int version = 0; ///< 0: Tandem's default set
    QList<QuestionInfo> questions;
    QDateTime savedAt;
    QString savedByName;
};

/// An answer to one question (by its position in the set).
struct AnswerInfo {
    int question = 0;
    /// rating: 1–5; yes/no: 1 yes, 2 no; choice: position + 1; 0 not answered.
    int choice = 0;
    QString text;
    bool shareWithProgramme = false;
};

struct AnsweredQuestionInfo {
    QuestionInfo question;
    AnswerInfo answer;
};

/// A goal's final rating and outcome in the end evaluation.
struct GoalResultInfo {
    qint64 goalId = 0;
    int rating = 0;
    QString outcome;
};

/// The caller's end evaluation.
struct EvaluationInfo {
    QString audience;
    QDateTime submittedAt; ///< invalid until answered
    int version = 0;
    QList<AnsweredQuestionInfo> answers; ///< only to the person who answered
};

/// The coachee's follow-up about six months after the end.
struct FollowUpInfo {
    QDateTime dueAt; ///< invalid when none is due
    QDateTime submittedAt; ///< invalid until done
    int rating = 0;
    QString answer;
    bool shareWithProgramme = false;
};

/// Something due on a relationship (tandem.v1.Due).
struct DueInfo {
    QString what; ///< "set_goals", "review", "evaluation", "follow_up"
    qint64 relationshipId = 0;
    QString kind; ///< "coaching" or "mentoring"
    QString withName; ///< the other person
    QDateTime since;
    QString occasion; ///< review: why
    bool yours = false; ///< false: waiting for the other person
};

/// A relationship's goals, reviews, what is due and the evaluation
/// (tandem.v1.GoalPlan), as the caller may see them.
struct GoalPlanInfo {
    qint64 relationshipId = 0;
    QList<GoalInfo> goals; ///< oldest first
    QList<ReviewInfo> reviews; ///< oldest first
    QList<DueInfo> due;
    /// Set once the relationship has ended.
    bool hasEvaluation = false;
    EvaluationInfo myEvaluation;
    QuestionSetInfo myQuestions;
    bool otherEvaluated = false;
    FollowUpInfo followUp;
    QString followUpQuestion;
};

/// A goal as the coachee sets or rewords it.
struct GoalDraftInfo {
    QString what;
    QString measure;
    QString targetOn; ///< "YYYY-MM-DD" or empty
    QStringList themes;
    int startingRating = 0; ///< adding only: where I am now, 0–10
};

/// A free-text answer a coachee shared with the programme, without their name.
struct SharedAnswerInfo {
    QString kind;
    QString question;
    QString text;
    QString quarter; ///< "2026 Q4"
};
