#pragma once

#include "fakes/fake_service.h"
#include "goals/goal_backend.h"

/// GoalBackend with no server: records each call with its idempotency key
/// and answers as scripted (FakeService); a write answers, by default, with
/// a plan of its relationship (when the call names it).
class FakeGoalBackend : public GoalBackend, public FakeService {
public:
    void getGoalPlan(qint64 relationshipId, QObject *context, Callback<GoalPlanInfo> done) override;
    void listDue(QObject *context, Callback<QList<DueInfo>> done) override;
    void addGoal(qint64 relationshipId, const GoalDraftInfo &goal, const QString &idempotencyKey,
        QObject *context, Callback<GoalPlanInfo> done) override;
    void rewordGoal(qint64 goalId, const GoalDraftInfo &goal, const QString &idempotencyKey,
        QObject *context, Callback<GoalPlanInfo> done) override;
    void closeGoal(qint64 goalId, const QString &state, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done) override;
    void requestReview(qint64 relationshipId, const QString &idempotencyKey, QObject *context,
        Callback<GoalPlanInfo> done) override;
    void submitReview(qint64 relationshipId, const QList<ReviewRatingInfo> &ratings,
        const QString &helped, const QString &next, const QString &idempotencyKey, QObject *context,
        Callback<GoalPlanInfo> done) override;
    void commentOnReview(qint64 reviewId, const QString &comment, const QString &idempotencyKey,
        QObject *context, Callback<GoalPlanInfo> done) override;
    void submitEvaluation(qint64 relationshipId, const QList<GoalResultInfo> &goals, int version,
        const QList<AnswerInfo> &answers, const QString &idempotencyKey, QObject *context,
        Callback<GoalPlanInfo> done) override;
    void submitFollowUp(qint64 relationshipId, int rating, const QString &answer,
        bool shareWithProgramme, const QString &idempotencyKey, QObject *context,
        Callback<GoalPlanInfo> done) override;
    void getEvaluationQuestions(qint64 organisationId, const QString &kind, const QString &audience,
        QObject *context, Callback<QuestionSetInfo> done) override;
    void saveEvaluationQuestions(qint64 organisationId, const QString &kind,
        const QString &audience, const QList<QuestionInfo> &questions,
        const QString &idempotencyKey, QObject *context, Callback<QuestionSetInfo> done) override;
    void listSharedAnswers(
        qint64 organisationId, QObject *context, Callback<QList<SharedAnswerInfo>> done) override;
};
