#pragma once

#include "common/result.h"
#include "goals/goal_types.h"

#include <QList>
#include <QObject>
#include <QString>

/// Goals, goal reviews, the end evaluation, the follow-up and the
/// programme's questions (tandem.v1.GoalService), with Qt types only. Every
/// call returns at once and reports through its callback. Every write takes
/// an `idempotencyKey` (16 to 64 characters, made once per write by the app
/// and sent unchanged with every retry; empty for none) and answers with the
/// plan as it is now.
class GoalBackend {
public:
    virtual ~GoalBackend() = default;

    /// A relationship's goals, reviews, due items and evaluation (the two
    /// people in it only).
    virtual void getGoalPlan(qint64 relationshipId, QObject *context, Callback<GoalPlanInfo> done)
        = 0;
    /// What waits for the caller across their relationships, oldest first.
    virtual void listDue(QObject *context, Callback<QList<DueInfo>> done) = 0;
    /// The coachee adds a goal with where they are now.
    virtual void addGoal(qint64 relationshipId, const GoalDraftInfo &goal,
        const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
        = 0;
    /// The coachee rewords a goal; the earlier wording stays in its history.
    virtual void rewordGoal(qint64 goalId, const GoalDraftInfo &goal, const QString &idempotencyKey,
        QObject *context, Callback<GoalPlanInfo> done)
        = 0;
    /// The coachee marks a goal "achieved", or "dropped" with a reason.
    virtual void closeGoal(qint64 goalId, const QString &state, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
        = 0;
    /// Either person asks for a review now.
    virtual void requestReview(qint64 relationshipId, const QString &idempotencyKey,
        QObject *context, Callback<GoalPlanInfo> done)
        = 0;
    /// The coachee completes a review: a rating for every open goal.
    virtual void submitReview(qint64 relationshipId, const QList<ReviewRatingInfo> &ratings,
        const QString &helped, const QString &next, const QString &idempotencyKey, QObject *context,
        Callback<GoalPlanInfo> done)
        = 0;
    /// The coach or mentor comments on a review (or replaces their comment).
    virtual void commentOnReview(qint64 reviewId, const QString &comment,
        const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
        = 0;
    /// Each person answers the evaluation once, after the relationship ended.
    virtual void submitEvaluation(qint64 relationshipId, const QList<GoalResultInfo> &goals,
        int version, const QList<AnswerInfo> &answers, const QString &idempotencyKey,
        QObject *context, Callback<GoalPlanInfo> done)
        = 0;
    /// The coachee's follow-up, about six months after the end.
    virtual void submitFollowUp(qint64 relationshipId, int rating, const QString &answer,
        bool shareWithProgramme, const QString &idempotencyKey, QObject *context,
        Callback<GoalPlanInfo> done)
        = 0;
    /// Coordinators: the questions in force for an organisation, kind and audience.
    virtual void getEvaluationQuestions(qint64 organisationId, const QString &kind,
        const QString &audience, QObject *context, Callback<QuestionSetInfo> done)
        = 0;
    /// Coordinators: saves a new version of those questions.
    virtual void saveEvaluationQuestions(qint64 organisationId, const QString &kind,
        const QString &audience, const QList<QuestionInfo> &questions,
        const QString &idempotencyKey, QObject *context, Callback<QuestionSetInfo> done)
        = 0;
    /// Coordinators: free-text answers shared with the programme, without names.
    virtual void listSharedAnswers(
        qint64 organisationId, QObject *context, Callback<QList<SharedAnswerInfo>> done)
        = 0;
};
