#pragma once

#include "goals/goal_types.h"

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

    // The API's limits, as goals.proto documents them; the server checks
    // them again.
    static constexpr int kWhatMaxLength = 300;
    static constexpr int kMeasureMaxLength = 500;
    static constexpr int kMaxThemes = 5;
    /// A target date is at most this many days after today.
    static constexpr int kMaxTargetDays = 731;
    static constexpr int kReasonMaxLength = 500;
    /// What helped, what next, a comment, a free-text answer.
    static constexpr int kTextMaxLength = 2000;
    static constexpr int kMinRating = 0;
    static constexpr int kMaxRating = 10;
    static constexpr int kWordingMaxLength = 300;
    static constexpr int kMaxQuestions = 20;
    static constexpr int kRatingLabels = 5;
    static constexpr int kRatingLabelMaxLength = 40;
    static constexpr int kMinChoiceOptions = 2;
    static constexpr int kMaxChoiceOptions = 8;
    static constexpr int kChoiceOptionMaxLength = 80;

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
