#include "fakes/fake_goal_backend.h"

using namespace Qt::StringLiterals;

namespace {

GoalPlanInfo planOf(qint64 relationshipId)
{
    GoalPlanInfo plan;
    plan.relationshipId = relationshipId;
    return plan;
}

} // namespace

void FakeGoalBackend::getGoalPlan(
    qint64 relationshipId, QObject *context, Callback<GoalPlanInfo> done)
{
    respond({u"getGoalPlan"_s, {{u"relationshipId"_s, relationshipId}}, {}}, context,
        std::move(done), planOf(relationshipId));
}

void FakeGoalBackend::listDue(QObject *context, Callback<QList<DueInfo>> done)
{
    respond({u"listDue"_s, {}, {}}, context, std::move(done));
}

void FakeGoalBackend::addGoal(qint64 relationshipId, const GoalDraftInfo &goal,
    const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
{
    respond({u"addGoal"_s,
                {{u"relationshipId"_s, relationshipId}, {u"goal"_s, QVariant::fromValue(goal)}},
                idempotencyKey},
        context, std::move(done), planOf(relationshipId));
}

void FakeGoalBackend::rewordGoal(qint64 goalId, const GoalDraftInfo &goal,
    const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
{
    respond({u"rewordGoal"_s, {{u"goalId"_s, goalId}, {u"goal"_s, QVariant::fromValue(goal)}},
                idempotencyKey},
        context, std::move(done));
}

void FakeGoalBackend::closeGoal(qint64 goalId, const QString &state, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
{
    respond({u"closeGoal"_s, {{u"goalId"_s, goalId}, {u"state"_s, state}, {u"reason"_s, reason}},
                idempotencyKey},
        context, std::move(done));
}

void FakeGoalBackend::requestReview(qint64 relationshipId, const QString &idempotencyKey,
    QObject *context, Callback<GoalPlanInfo> done)
{
    respond({u"requestReview"_s, {{u"relationshipId"_s, relationshipId}}, idempotencyKey}, context,
        std::move(done), planOf(relationshipId));
}

void FakeGoalBackend::submitReview(qint64 relationshipId, const QList<ReviewRatingInfo> &ratings,
    const QString &helped, const QString &next, const QString &idempotencyKey, QObject *context,
    Callback<GoalPlanInfo> done)
{
    respond(
        {u"submitReview"_s,
            {{u"relationshipId"_s, relationshipId}, {u"ratings"_s, QVariant::fromValue(ratings)},
                {u"helped"_s, helped}, {u"next"_s, next}},
            idempotencyKey},
        context, std::move(done), planOf(relationshipId));
}

void FakeGoalBackend::commentOnReview(qint64 reviewId, const QString &comment,
    const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
{
    respond({u"commentOnReview"_s, {{u"reviewId"_s, reviewId}, {u"comment"_s, comment}},
                idempotencyKey},
        context, std::move(done));
}

void FakeGoalBackend::submitEvaluation(qint64 relationshipId, const QList<GoalResultInfo> &goals,
    int version, const QList<AnswerInfo> &answers, const QString &idempotencyKey, QObject *context,
    Callback<GoalPlanInfo> done)
{
    respond({u"submitEvaluation"_s,
                {{u"relationshipId"_s, relationshipId}, {u"goals"_s, QVariant::fromValue(goals)},
                    {u"version"_s, version}, {u"answers"_s, QVariant::fromValue(answers)}},
                idempotencyKey},
        context, std::move(done), planOf(relationshipId));
}

void FakeGoalBackend::submitFollowUp(qint64 relationshipId, int rating, const QString &answer,
    bool shareWithProgramme, const QString &idempotencyKey, QObject *context,
    Callback<GoalPlanInfo> done)
{
    respond({u"submitFollowUp"_s,
                {{u"relationshipId"_s, relationshipId}, {u"rating"_s, rating},
                    {u"answer"_s, answer}, {u"shareWithProgramme"_s, shareWithProgramme}},
                idempotencyKey},
        context, std::move(done), planOf(relationshipId));
}

void FakeGoalBackend::getEvaluationQuestions(qint64 organisationId, const QString &kind,
    const QString &audience, QObject *context, Callback<QuestionSetInfo> done)
{
    respond(
        {u"getEvaluationQuestions"_s,
            {{u"organisationId"_s, organisationId}, {u"kind"_s, kind}, {u"audience"_s, audience}},
            {}},
        context, std::move(done));
}

void FakeGoalBackend::saveEvaluationQuestions(qint64 organisationId, const QString &kind,
    const QString &audience, const QList<QuestionInfo> &questions, const QString &idempotencyKey,
    QObject *context, Callback<QuestionSetInfo> done)
{
    QuestionSetInfo set;
    set.organisationId = organisationId;
    set.kind = kind;
    set.audience = audience;
    set.version = 1;
    set.questions = questions;
    respond({u"saveEvaluationQuestions"_s,
                {{u"organisationId"_s, organisationId}, {u"kind"_s, kind},
                    {u"audience"_s, audience}, {u"questions"_s, QVariant::fromValue(questions)}},
                idempotencyKey},
        context, std::move(done), set);
}

void FakeGoalBackend::listSharedAnswers(
    qint64 organisationId, QObject *context, Callback<QList<SharedAnswerInfo>> done)
{
    respond({u"listSharedAnswers"_s, {{u"organisationId"_s, organisationId}}, {}}, context,
        std::move(done));
}
