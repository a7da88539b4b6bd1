#include "goals/follow_up_form.h"

#include "goals/goal_catalogue.h"

FollowUpForm::FollowUpForm(QObject *parent)
    : GoalWriteForm(parent)
{ }

void FollowUpForm::setRating(int rating)
{
    if (change(m_rating, rating, QStringLiteral("rating"))) {
        Q_EMIT draftChanged();
    }
}

void FollowUpForm::setAnswer(const QString &answer)
{
    if (change(m_answer, answer, QStringLiteral("answer"))) {
        Q_EMIT draftChanged();
    }
}

void FollowUpForm::setShareWithProgramme(bool share)
{
    if (change(m_share, share)) {
        Q_EMIT draftChanged();
    }
}

void FollowUpForm::start(const QVariantMap &relationship)
{
    startOn(relationship);
}

QVariantMap FollowUpForm::fields() const
{
    return {{QStringLiteral("rating"), m_rating}, {QStringLiteral("answer"), m_answer},
        {QStringLiteral("shareWithProgramme"), m_share}};
}

void FollowUpForm::restore(const QVariantMap &fields)
{
    m_rating = fields.value(QStringLiteral("rating"), m_rating).toInt();
    m_answer = fields.value(QStringLiteral("answer"), m_answer).toString();
    m_share = fields.value(QStringLiteral("shareWithProgramme"), m_share).toBool();
}

void FollowUpForm::reset()
{
    m_rating = -1;
    m_answer.clear();
    m_share = false;
}

bool FollowUpForm::validate()
{
    QVariantMap errors;
    if (m_rating < GoalCatalogue::kMinRating || m_rating > GoalCatalogue::kMaxRating) {
        errors.insert(QStringLiteral("rating"), tr("Choose a number from 0 to 10."));
    }
    if (const QString problem = lengthProblem(m_answer, GoalCatalogue::kTextMaxLength);
        !problem.isEmpty()) {
        errors.insert(QStringLiteral("answer"), problem);
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void FollowUpForm::submit()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    const QString answer = m_answer.trimmed();
    send({{QStringLiteral("relationshipId"), m_relationshipId},
             {QStringLiteral("rating"), m_rating}, {QStringLiteral("answer"), answer},
             {QStringLiteral("shareWithProgramme"), m_share && !answer.isEmpty()}},
        tr("Six-month follow-up of the %1 with %2")
            .arg(m_kind == QLatin1String("mentoring") ? tr("mentoring") : tr("coaching"),
                m_otherName),
        {{QStringLiteral("rating"), QStringLiteral("rating")},
            {QStringLiteral("answer"), QStringLiteral("answer")}});
}
