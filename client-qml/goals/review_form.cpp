#include "goals/review_form.h"

#include "goals/goal_catalogue.h"

ReviewForm::ReviewForm(QObject *parent)
    : GoalWriteForm(parent)
{ }

void ReviewForm::setHelped(const QString &helped)
{
    if (change(m_helped, helped, QStringLiteral("helped"))) {
        Q_EMIT draftChanged();
    }
}

void ReviewForm::setNext(const QString &next)
{
    if (change(m_next, next, QStringLiteral("next"))) {
        Q_EMIT draftChanged();
    }
}

void ReviewForm::start(const QVariantMap &relationship, const QVariantList &openGoals)
{
    m_goals = openGoals;
    startOn(relationship);
}

void ReviewForm::setRating(double goalId, int rating)
{
    const QString key = QString::number(static_cast<qint64>(goalId));
    if (m_ratings.value(key, -1).toInt() == rating) {
        return;
    }
    m_ratings.insert(key, rating);
    setFieldError(QStringLiteral("rating-") + key, {});
    setFieldError(QStringLiteral("ratings"), {});
    Q_EMIT draftChanged();
}

int ReviewForm::ratingOf(double goalId) const
{
    return m_ratings.value(QString::number(static_cast<qint64>(goalId)), -1).toInt();
}

QVariantMap ReviewForm::fields() const
{
    return {{QStringLiteral("ratings"), m_ratings}, {QStringLiteral("helped"), m_helped},
        {QStringLiteral("next"), m_next}};
}

void ReviewForm::restore(const QVariantMap &fields)
{
    const QVariant ratings = fields.value(QStringLiteral("ratings"));
    if (ratings.metaType() == QMetaType::fromType<QVariantMap>()) {
        m_ratings = ratings.toMap();
    } else if (ratings.isValid()) {
        // A queued payload: [{goalId, rating}].
        m_ratings.clear();
        for (const QVariant &entry : ratings.toList()) {
            const QVariantMap rating = entry.toMap();
            m_ratings.insert(QString::number(rating.value(QStringLiteral("goalId")).toLongLong()),
                rating.value(QStringLiteral("rating")).toInt());
        }
    }
    m_helped = fields.value(QStringLiteral("helped"), m_helped).toString();
    m_next = fields.value(QStringLiteral("next"), m_next).toString();
}

void ReviewForm::reset()
{
    m_ratings.clear();
    m_helped.clear();
    m_next.clear();
}

bool ReviewForm::validate()
{
    QVariantMap errors;
    if (m_goals.isEmpty()) {
        errors.insert(
            QStringLiteral("ratings"), tr("There are no open goals to review. Add a goal first."));
    }
    for (const QVariant &entry : m_goals) {
        const qint64 id = entry.toMap().value(QStringLiteral("id")).toLongLong();
        const int rating = ratingOf(static_cast<double>(id));
        if (rating < GoalCatalogue::kMinRating || rating > GoalCatalogue::kMaxRating) {
            errors.insert(QStringLiteral("rating-") + QString::number(id),
                tr("Choose where you are now with this goal, from 0 to 10."));
        }
    }
    if (const QString problem = lengthProblem(m_helped, GoalCatalogue::kTextMaxLength);
        !problem.isEmpty()) {
        errors.insert(QStringLiteral("helped"), problem);
    }
    if (const QString problem = lengthProblem(m_next, GoalCatalogue::kTextMaxLength);
        !problem.isEmpty()) {
        errors.insert(QStringLiteral("next"), problem);
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void ReviewForm::submit()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    QVariantList ratings;
    for (const QVariant &entry : m_goals) {
        const qint64 id = entry.toMap().value(QStringLiteral("id")).toLongLong();
        ratings.append(QVariantMap {{QStringLiteral("goalId"), id},
            {QStringLiteral("rating"), ratingOf(static_cast<double>(id))}});
    }
    send({{QStringLiteral("relationshipId"), m_relationshipId},
             {QStringLiteral("ratings"), ratings}, {QStringLiteral("helped"), m_helped.trimmed()},
             {QStringLiteral("next"), m_next.trimmed()}},
        tr("Goal review with %1").arg(m_otherName),
        {{QStringLiteral("ratings"), QStringLiteral("ratings")},
            {QStringLiteral("rating"), QStringLiteral("ratings")},
            {QStringLiteral("helped"), QStringLiteral("helped")},
            {QStringLiteral("next"), QStringLiteral("next")}});
}
