#pragma once

#include "goals/goal_write_form.h"

#include <QVariantList>

/// The end evaluation (SubmitEvaluation), once the relationship has ended.
/// The coachee gives each goal not dropped a final 0–10 rating and an
/// outcome (achieved, partly, not achieved, no longer relevant), then
/// answers the programme's questions; the coach or mentor answers theirs
/// only. Each question by its type: a rating from 1 to 5 with its labels,
/// yes or no, one of several options, or a written answer that may be
/// shared with the programme without the person's name. Required questions
/// must be answered. Field keys: "goal-<id>" per goal, "question-<n>" per
/// question (from 0), "goals", "answers".
class EvaluationForm : public GoalWriteForm {
    Q_OBJECT
    QML_ELEMENT

    /// The goals to rate (maps as GoalPlan gives); empty for the member.
    Q_PROPERTY(QVariantList goals READ goals NOTIFY draftChanged)
    /// Per goal id (as text): {rating (-1 none), outcome ("" none)}.
    Q_PROPERTY(QVariantMap results READ results NOTIFY draftChanged)
    /// The questions, as GoalPlan::questions gives them.
    Q_PROPERTY(QVariantList questions READ questions NOTIFY draftChanged)
    /// One per question: {choice (0 none), text, share}.
    Q_PROPERTY(QVariantList answers READ answers NOTIFY draftChanged)
    Q_PROPERTY(int version READ version NOTIFY draftChanged)

public:
    explicit EvaluationForm(QObject *parent = nullptr);

    QVariantList goals() const { return m_goals; }
    QVariantMap results() const { return m_results; }
    QVariantList questions() const { return m_questions; }
    QVariantList answers() const { return m_answers; }
    int version() const { return m_version; }

    /// The evaluation of `relationship` with `questions` ({version,
    /// questions}) and, for the coachee, the goals not dropped.
    Q_INVOKABLE void start(
        const QVariantMap &relationship, const QVariantMap &questions, const QVariantList &goals);
    Q_INVOKABLE void setGoalRating(double goalId, int rating);
    Q_INVOKABLE void setGoalOutcome(double goalId, const QString &outcome);
    Q_INVOKABLE void setChoice(int question, int choice);
    Q_INVOKABLE void setText(int question, const QString &text);
    Q_INVOKABLE void setShare(int question, bool share);
    Q_INVOKABLE bool validate();
    Q_INVOKABLE void submit();

protected:
    Draft &draft() override { return m_draft; }
    WriteKind::Kind writeKind() const override { return WriteKind::SubmitEvaluation; }
    QVariant draftSubject() const override { return m_relationshipId; }
    QVariantMap fields() const override;
    void restore(const QVariantMap &fields) override;
    void reset() override;

private:
    /// Changes one field of one answer.
    void setAnswerField(int question, const QString &field, const QVariant &value);

    QVariantList m_goals;
    QVariantList m_questions;
    int m_version = 0;
    QVariantMap m_results;
    QVariantList m_answers;
    Draft m_draft {[this] { return fields(); }}; // last: saves on destruction
};
