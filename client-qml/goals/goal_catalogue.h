#pragma once

#include "goals/goal_types.h"
#include "shared/limits.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// Labels for the keys of goals, reviews and the evaluation ("partly" →
/// "Partly achieved"), option lists for pickers, the API's limits, what is
/// due in words, and the one conversion of goals, reviews, questions and due
/// items into the maps QML reads (`Goals` in QML). Stateless, so the engine
/// makes its own.
class GoalCatalogue : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Goals)
    QML_SINGLETON

    Q_PROPERTY(int whatMaxLength READ whatMaxLength CONSTANT)
    Q_PROPERTY(int measureMaxLength READ measureMaxLength CONSTANT)
    Q_PROPERTY(int textMaxLength READ textMaxLength CONSTANT)
    Q_PROPERTY(int reasonMaxLength READ reasonMaxLength CONSTANT)
    Q_PROPERTY(int maxQuestions READ maxQuestions CONSTANT)
    Q_PROPERTY(int maxChoiceOptions READ maxChoiceOptions CONSTANT)

public:
    using QObject::QObject;

    // The server's limits (shared/limits.h); the server checks them again.
    static constexpr int kWhatMaxLength = tandem::limits::kGoalWhatMaxLength;
    static constexpr int kMeasureMaxLength = tandem::limits::kGoalMeasureMaxLength;
    static constexpr int kMaxThemes = tandem::limits::kMaxThemes;
    /// A target date is at most this many days after today.
    static constexpr int kMaxTargetDays = tandem::limits::kMaxContractDays;
    static constexpr int kReasonMaxLength = tandem::limits::kReasonMaxLength;
    /// What helped, what next, a comment, a free-text answer.
    static constexpr int kTextMaxLength = tandem::limits::kReviewTextMaxLength;
    static_assert(tandem::limits::kAnswerMaxLength == tandem::limits::kReviewTextMaxLength);
    static constexpr int kMinRating = tandem::limits::kMinGoalRating;
    static constexpr int kMaxRating = tandem::limits::kMaxGoalRating;
    static constexpr int kWordingMaxLength = tandem::limits::kQuestionMaxLength;
    static constexpr int kMaxQuestions = tandem::limits::kMaxQuestions;
    static constexpr int kRatingLabels = tandem::limits::kRatingLabels;
    static constexpr int kRatingLabelMaxLength = tandem::limits::kRatingLabelMaxLength;
    static constexpr int kMinChoiceOptions = tandem::limits::kMinChoiceOptions;
    static constexpr int kMaxChoiceOptions = tandem::limits::kMaxChoiceOptions;
    static constexpr int kChoiceOptionMaxLength = tandem::limits::kChoiceOptionMaxLength;

    int whatMaxLength() const { return kWhatMaxLength; }
    int measureMaxLength() const { return kMeasureMaxLength; }
    int textMaxLength() const { return kTextMaxLength; }
    int reasonMaxLength() const { return kReasonMaxLength; }
    int maxQuestions() const { return kMaxQuestions; }
    int maxChoiceOptions() const { return kMaxChoiceOptions; }

    /// The label of a key in `set`: "goalState", "outcome", "occasion",
    /// "questionType", "audience".
    Q_INVOKABLE QString label(const QString &set, const QString &key) const;
    /// Options as [{key, label}] for a picker: "outcome", "questionType",
    /// "audience", "kind", "closeGoal" (achieved or dropped), "rating"
    /// ("0" … "10"), "yesNo" ("1" yes, "2" no).
    Q_INVOKABLE QVariantList options(const QString &set) const;
    /// Five labels for a new rating question ("Not at all" … "Completely").
    Q_INVOKABLE QStringList defaultRatingLabels() const;

    static QString labelFor(const QString &set, const QString &key);

    /// A goal for QML: its fields, `open`, `stateLabel`, `startRating`,
    /// `latestRating` (-1 if none), `ratings` [{rating, source, label,
    /// dateLabel}], `earlier` [{what, measure, replacedLabel}], `targetLabel`,
    /// `outcomeLabel` and `progressLabel` (the chart in words).
    static QVariantMap toMap(const GoalInfo &goal);
    /// A review for QML, with each rating's goal wording from `goals`.
    static QVariantMap toMap(const ReviewInfo &review, const QList<GoalInfo> &goals);
    /// A question for QML: {type, typeLabel, wording, required, options}.
    static QVariantMap toMap(const QuestionInfo &question);
    static QuestionInfo questionFromMap(const QVariantMap &map);
    /// Something due for QML: its fields, `title` ("Your goal review is
    /// due" or, not yours, what the other person is to do), `detail`
    /// (why, with whom and since when) and `action` (the button's words).
    static QVariantMap toMap(const DueInfo &due);
};
