#include "goals/close_goal_form.h"

#include "goals/goal_catalogue.h"

CloseGoalForm::CloseGoalForm(QObject *parent)
    : GoalWriteForm(parent)
{ }

void CloseGoalForm::setState(const QString &state)
{
    if (change(m_state, state, QStringLiteral("state"))) {
        setFieldError(QStringLiteral("reason"), {});
        Q_EMIT draftChanged();
    }
}

void CloseGoalForm::setReason(const QString &reason)
{
    if (change(m_reason, reason, QStringLiteral("reason"))) {
        Q_EMIT draftChanged();
    }
}

void CloseGoalForm::start(const QVariantMap &relationship, const QVariantMap &goal)
{
    m_goalId = goal.value(QStringLiteral("id")).toLongLong();
    m_goalWhat = goal.value(QStringLiteral("what")).toString();
    startOn(relationship);
}

QVariantMap CloseGoalForm::fields() const
{
    return {{QStringLiteral("state"), m_state}, {QStringLiteral("reason"), m_reason}};
}

void CloseGoalForm::restore(const QVariantMap &fields)
{
    m_state = fields.value(QStringLiteral("state"), m_state).toString();
    m_reason = fields.value(QStringLiteral("reason"), m_reason).toString();
}

void CloseGoalForm::reset()
{
    m_state.clear();
    m_reason.clear();
}

bool CloseGoalForm::validate()
{
    QVariantMap errors;
    if (m_state != QLatin1String("achieved") && m_state != QLatin1String("dropped")) {
        errors.insert(
            QStringLiteral("state"), tr("Choose whether you achieved it or are dropping it."));
    } else if (m_state == QLatin1String("dropped")) {
        const QString problem = lengthProblem(m_reason, GoalCatalogue::kReasonMaxLength,
            tr("Say why you are dropping it: it helps you both look back."));
        if (!problem.isEmpty()) {
            errors.insert(QStringLiteral("reason"), problem);
        }
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void CloseGoalForm::submit()
{
    if (busy() || m_goalId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    const bool dropped = m_state == QLatin1String("dropped");
    send(
        {{QStringLiteral("goalId"), m_goalId}, {QStringLiteral("relationshipId"), m_relationshipId},
            {QStringLiteral("state"), m_state},
            {QStringLiteral("reason"), dropped ? m_reason.trimmed() : QString()}},
        dropped ? tr("Dropped the goal \"%1\"").arg(m_goalWhat)
                : tr("Achieved the goal \"%1\"").arg(m_goalWhat),
        {{QStringLiteral("state"), QStringLiteral("state")},
            {QStringLiteral("reason"), QStringLiteral("reason")}});
}
