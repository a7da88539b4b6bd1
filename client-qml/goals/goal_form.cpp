#include "goals/goal_form.h"

#include "goals/goal_catalogue.h"

#include <QDate>

GoalForm::GoalForm(QObject *parent)
    : GoalWriteForm(parent)
{ }

void GoalForm::setWhat(const QString &what)
{
    if (change(m_what, what, QStringLiteral("what"))) {
        Q_EMIT draftChanged();
    }
}

void GoalForm::setMeasure(const QString &measure)
{
    if (change(m_measure, measure, QStringLiteral("measure"))) {
        Q_EMIT draftChanged();
    }
}

void GoalForm::setTargetOn(const QString &date)
{
    if (change(m_targetOn, date, QStringLiteral("targetOn"))) {
        Q_EMIT draftChanged();
    }
}

void GoalForm::setStartingRating(int rating)
{
    if (change(m_startingRating, rating, QStringLiteral("startingRating"))) {
        Q_EMIT draftChanged();
    }
}

void GoalForm::setThemes(const QStringList &themes)
{
    if (change(m_themes, themes, QStringLiteral("themes"))) {
        Q_EMIT draftChanged();
    }
}

void GoalForm::start(const QVariantMap &relationship, const QVariant &goal)
{
    m_goal = goal.toMap();
    m_goalId = m_goal.value(QStringLiteral("id")).toLongLong();
    startOn(relationship);
}

WriteKind::Kind GoalForm::writeKind() const
{
    return m_goalId > 0 ? WriteKind::RewordGoal : WriteKind::AddGoal;
}

QVariant GoalForm::draftSubject() const
{
    return m_goalId > 0 ? m_goalId : m_relationshipId;
}

QVariantMap GoalForm::fields() const
{
    return {{QStringLiteral("what"), m_what}, {QStringLiteral("measure"), m_measure},
        {QStringLiteral("targetOn"), m_targetOn},
        {QStringLiteral("startingRating"), m_startingRating}, {QStringLiteral("themes"), m_themes}};
}

void GoalForm::restore(const QVariantMap &fields)
{
    m_what = fields.value(QStringLiteral("what"), m_what).toString();
    m_measure = fields.value(QStringLiteral("measure"), m_measure).toString();
    m_targetOn = fields.value(QStringLiteral("targetOn"), m_targetOn).toString();
    m_startingRating = fields.value(QStringLiteral("startingRating"), m_startingRating).toInt();
    m_themes = fields.value(QStringLiteral("themes"), m_themes).toStringList();
    if (const qint64 goalId = fields.value(QStringLiteral("goalId")).toLongLong(); goalId > 0) {
        m_goalId = goalId;
    }
}

void GoalForm::reset()
{
    m_what = m_goal.value(QStringLiteral("what")).toString();
    m_measure = m_goal.value(QStringLiteral("measure")).toString();
    m_targetOn = m_goal.value(QStringLiteral("targetOn")).toString();
    m_themes = m_goal.value(QStringLiteral("themes")).toStringList();
    m_startingRating = -1;
}

bool GoalForm::validate()
{
    QVariantMap errors;
    const QString what
        = lengthProblem(m_what, GoalCatalogue::kWhatMaxLength, tr("Say what you want to achieve."));
    if (!what.isEmpty()) {
        errors.insert(QStringLiteral("what"), what);
    }
    const QString measure = lengthProblem(m_measure, GoalCatalogue::kMeasureMaxLength,
        tr("Say how you will know you have got there."));
    if (!measure.isEmpty()) {
        errors.insert(QStringLiteral("measure"), measure);
    }
    if (!m_targetOn.trimmed().isEmpty()) {
        const QDate target = parseDate(m_targetOn);
        const QDate today = QDate::currentDate();
        if (!target.isValid()) {
            errors.insert(QStringLiteral("targetOn"), dateProblem(today.addMonths(3)));
        } else if (target < today) {
            errors.insert(
                QStringLiteral("targetOn"), tr("The target date must be today or later."));
        } else if (target > today.addDays(GoalCatalogue::kMaxTargetDays)) {
            errors.insert(
                QStringLiteral("targetOn"), tr("The target date must be within two years."));
        }
    }
    if (m_goalId <= 0
        && (m_startingRating < GoalCatalogue::kMinRating
            || m_startingRating > GoalCatalogue::kMaxRating)) {
        errors.insert(QStringLiteral("startingRating"),
            tr("Choose where you are now, from 0 (not started) to 10 (there)."));
    }
    if (m_themes.size() > GoalCatalogue::kMaxThemes) {
        errors.insert(QStringLiteral("themes"),
            tr("Choose at most %1 themes.").arg(GoalCatalogue::kMaxThemes));
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void GoalForm::submit()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    QVariantMap payload {{QStringLiteral("relationshipId"), m_relationshipId},
        {QStringLiteral("what"), m_what.trimmed()},
        {QStringLiteral("measure"), m_measure.trimmed()},
        {QStringLiteral("targetOn"), m_targetOn.trimmed()}, {QStringLiteral("themes"), m_themes}};
    if (m_goalId > 0) {
        payload.insert(QStringLiteral("goalId"), m_goalId);
    } else {
        payload.insert(QStringLiteral("startingRating"), m_startingRating);
    }
    const QString summary = m_goalId > 0 ? tr("Reworded the goal \"%1\"").arg(m_what.trimmed())
                                         : tr("Added the goal \"%1\"").arg(m_what.trimmed());
    send(payload, summary,
        {{QStringLiteral("what"), QStringLiteral("what")},
            {QStringLiteral("measure"), QStringLiteral("measure")},
            {QStringLiteral("target_on"), QStringLiteral("targetOn")},
            {QStringLiteral("starting_rating"), QStringLiteral("startingRating")},
            {QStringLiteral("themes"), QStringLiteral("themes")}});
}
