#include "goals/goal_plan.h"

#include "common/date_words.h"
#include "common/reversed.h"
#include "goals/goal_backend.h"
#include "goals/goal_catalogue.h"
#include "identity/session.h"
#include "sync/sync_queue.h"

#include <algorithm>

GoalPlan::GoalPlan(QObject *parent)
    : QObject(parent)
{
    // Whoever sent it (a form, this model, Sync now after a restart), what
    // the server answered shows here.
    connect(SyncQueue::instance(), &SyncQueue::goalPlanWritten, this,
        [this](const QString &, const GoalPlanInfo &plan) {
            if (m_relationshipId > 0 && plan.relationshipId == m_relationshipId) {
                ++m_generation; // anything still loading is older than this
                setLoading(false);
                setPlan(plan);
            }
        });
}

double GoalPlan::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

void GoalPlan::setRelationshipIdForQml(double relationshipId)
{
    const auto id = static_cast<qint64>(relationshipId);
    if (id == m_relationshipId) {
        return;
    }
    m_relationshipId = id;
    m_plan = GoalPlanInfo {};
    m_loaded = false;
    m_unavailable.clear();
    Q_EMIT relationshipIdChanged();
    Q_EMIT planChanged();
    reload();
}

QVariantList GoalPlan::goals() const
{
    QVariantList list;
    for (const GoalInfo &goal : m_plan.goals) {
        list.append(GoalCatalogue::toMap(goal));
    }
    return list;
}

QVariantList GoalPlan::openGoals() const
{
    QVariantList list;
    for (const GoalInfo &goal : m_plan.goals) {
        if (goal.state == QLatin1String("open")) {
            list.append(GoalCatalogue::toMap(goal));
        }
    }
    return list;
}

int GoalPlan::openGoalCount() const
{
    return static_cast<int>(std::count_if(m_plan.goals.cbegin(), m_plan.goals.cend(),
        [](const GoalInfo &goal) { return goal.state == QLatin1String("open"); }));
}

QVariantList GoalPlan::reviews() const
{
    QVariantList list;
    for (const ReviewInfo &review : reversed(m_plan.reviews)) {
        list.append(GoalCatalogue::toMap(review, m_plan.goals));
    }
    return list;
}

QVariantList GoalPlan::due() const
{
    QVariantList list;
    for (const DueInfo &due : m_plan.due) {
        list.append(GoalCatalogue::toMap(due));
    }
    return list;
}

bool GoalPlan::reviewDue() const
{
    return std::any_of(m_plan.due.cbegin(), m_plan.due.cend(),
        [](const DueInfo &due) { return due.what == QLatin1String("review"); });
}

bool GoalPlan::evaluated() const
{
    return m_plan.myEvaluation.submittedAt.isValid();
}

QString GoalPlan::evaluatedLabel() const
{
    return evaluated() ? DateWords::day(m_plan.myEvaluation.submittedAt) : QString();
}

QVariantList GoalPlan::evaluationAnswers() const
{
    QVariantList list;
    for (const AnsweredQuestionInfo &answered : m_plan.myEvaluation.answers) {
        const QuestionInfo &question = answered.question;
        const AnswerInfo &answer = answered.answer;
        QString words;
        if (question.type == QLatin1String("text")) {
            words = answer.text;
        } else if (question.type == QLatin1String("yes_no")) {
            words = answer.choice == 1 ? tr("Yes") : answer.choice == 2 ? tr("No") : QString();
        } else if (answer.choice > 0 && answer.choice <= question.options.size()) {
            words = question.type == QLatin1String("rating")
                ? tr("%1 out of 5: %2")
                      .arg(answer.choice)
                      .arg(question.options.at(answer.choice - 1))
                : question.options.at(answer.choice - 1);
        }
        list.append(QVariantMap {{QStringLiteral("wording"), question.wording},
            {QStringLiteral("answer"), words.isEmpty() ? tr("Not answered") : words},
            {QStringLiteral("shared"), answer.shareWithProgramme}});
    }
    return list;
}

QVariantMap GoalPlan::questions() const
{
    QVariantList questions;
    for (const QuestionInfo &question : m_plan.myQuestions.questions) {
        questions.append(GoalCatalogue::toMap(question));
    }
    return {{QStringLiteral("version"), m_plan.myQuestions.version},
        {QStringLiteral("audience"), m_plan.myQuestions.audience},
        {QStringLiteral("kind"), m_plan.myQuestions.kind},
        {QStringLiteral("questions"), questions}};
}

QVariantMap GoalPlan::followUp() const
{
    const FollowUpInfo &followUp = m_plan.followUp;
    const bool due = followUp.dueAt.isValid();
    const bool done = followUp.submittedAt.isValid();
    return {{QStringLiteral("due"), due},
        {QStringLiteral("open"), due && !done && followUp.dueAt <= QDateTime::currentDateTimeUtc()},
        {QStringLiteral("dueLabel"), due ? DateWords::day(followUp.dueAt) : QString()},
        {QStringLiteral("done"), done},
        {QStringLiteral("doneLabel"), done ? DateWords::day(followUp.submittedAt) : QString()},
        {QStringLiteral("rating"), followUp.rating}, {QStringLiteral("answer"), followUp.answer}};
}

void GoalPlan::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void GoalPlan::clearError()
{
    setErrorMessage({});
}

void GoalPlan::reload()
{
    GoalBackend *backend = Session::instance()->goals();
    if (!backend || m_relationshipId <= 0) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getGoalPlan(
        m_relationshipId, this, [this, generation](const Result<GoalPlanInfo> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (result.ok()) {
                setOffline(false);
                setPlan(result.value());
                return;
            }
            const BackendError &error = result.error();
            if (error.kind == BackendError::Kind::Unreachable
                || error.kind == BackendError::Kind::Timeout) {
                setOffline(true);
                return;
            }
            // Goals are one part of the page: the rest of it still works.
            m_unavailable = error.kind == BackendError::Kind::Internal
                ? tr("Goals can't be shown just now. Try again later.")
                : error.message;
            Q_EMIT planChanged();
        });
}

QVariantMap GoalPlan::goal(double goalId) const
{
    for (const GoalInfo &goal : m_plan.goals) {
        if (goal.id == static_cast<qint64>(goalId)) {
            return GoalCatalogue::toMap(goal);
        }
    }
    return {};
}

QVariantMap GoalPlan::review(double reviewId) const
{
    for (const ReviewInfo &review : m_plan.reviews) {
        if (review.id == static_cast<qint64>(reviewId)) {
            return GoalCatalogue::toMap(review, m_plan.goals);
        }
    }
    return {};
}

void GoalPlan::setPlan(const GoalPlanInfo &plan)
{
    m_plan = plan;
    m_loaded = true;
    m_unavailable.clear();
    Q_EMIT planChanged();
}

void GoalPlan::requestReview()
{
    if (m_busy || m_relationshipId <= 0) {
        return;
    }
    clearError();
    SyncQueue *queue = SyncQueue::instance();
    QString why;
    const QString key = queue->keep(WriteKind::RequestReview,
        {{QStringLiteral("relationshipId"), m_relationshipId}}, tr("Asked for a goal review"),
        &why);
    if (key.isEmpty()) {
        fail(why.isEmpty()
                ? tr("This change could not be kept on the device. Nothing was sent; try again.")
                : why);
        return;
    }
    setBusy(true);
    queue->watch(key, this, [this](const WriteOutcome &outcome) {
        setBusy(false);
        switch (outcome.kind) {
        case WriteOutcome::Kind::Written:
            Q_EMIT changed(tr("A goal review is now due. The coachee completes it here."));
            return;
        case WriteOutcome::Kind::Refused:
            fail(outcome.message);
            return;
        case WriteOutcome::Kind::Deferred:
            Q_EMIT changed(tr("Saved on this device. It is sent as soon as the server can be "
                              "reached."));
            return;
        }
    });
}

void GoalPlan::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}

void GoalPlan::setOffline(bool offline)
{
    if (offline != m_offline) {
        m_offline = offline;
        Q_EMIT offlineChanged();
    }
}

void GoalPlan::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

void GoalPlan::fail(const QString &message)
{
    setErrorMessage(message);
    Q_EMIT errorOccurred(message);
}
