#include "goals/evaluation_form.h"

#include "goals/goal_catalogue.h"

namespace {

QString idKey(double id)
{
    return QString::number(static_cast<qint64>(id));
}

QVariantMap emptyAnswer()
{
    return {{QStringLiteral("choice"), 0}, {QStringLiteral("text"), QString()},
        {QStringLiteral("share"), false}};
}

} // namespace

EvaluationForm::EvaluationForm(QObject *parent)
    : GoalWriteForm(parent)
{ }

void EvaluationForm::start(
    const QVariantMap &relationship, const QVariantMap &questions, const QVariantList &goals)
{
    m_goals = goals;
    m_questions = questions.value(QStringLiteral("questions")).toList();
    m_version = questions.value(QStringLiteral("version")).toInt();
    startOn(relationship);
}

void EvaluationForm::setGoalRating(double goalId, int rating)
{
    QVariantMap result = m_results.value(idKey(goalId)).toMap();
    if (result.value(QStringLiteral("rating"), -1).toInt() == rating) {
        return;
    }
    result.insert(QStringLiteral("rating"), rating);
    m_results.insert(idKey(goalId), result);
    setFieldError(QStringLiteral("goal-") + idKey(goalId), {});
    Q_EMIT draftChanged();
}

void EvaluationForm::setGoalOutcome(double goalId, const QString &outcome)
{
    QVariantMap result = m_results.value(idKey(goalId)).toMap();
    if (result.value(QStringLiteral("outcome")).toString() == outcome) {
        return;
    }
    result.insert(QStringLiteral("outcome"), outcome);
    m_results.insert(idKey(goalId), result);
    setFieldError(QStringLiteral("goal-") + idKey(goalId), {});
    Q_EMIT draftChanged();
}

void EvaluationForm::setAnswerField(int question, const QString &field, const QVariant &value)
{
    if (question < 0 || question >= m_answers.size()) {
        return;
    }
    QVariantMap answer = m_answers.at(question).toMap();
    if (answer.value(field) == value) {
        return;
    }
    answer.insert(field, value);
    m_answers[question] = answer;
    setFieldError(QStringLiteral("question-") + QString::number(question), {});
    Q_EMIT draftChanged();
}

void EvaluationForm::setChoice(int question, int choice)
{
    setAnswerField(question, QStringLiteral("choice"), choice);
}

void EvaluationForm::setText(int question, const QString &text)
{
    setAnswerField(question, QStringLiteral("text"), text);
}

void EvaluationForm::setShare(int question, bool share)
{
    setAnswerField(question, QStringLiteral("share"), share);
}

QVariantMap EvaluationForm::fields() const
{
    return {{QStringLiteral("version"), m_version}, {QStringLiteral("results"), m_results},
        {QStringLiteral("answers"), m_answers}};
}

void EvaluationForm::restore(const QVariantMap &fields)
{
    // A draft of other questions (they changed since) is not put back.
    if (fields.value(QStringLiteral("version"), m_version).toInt() != m_version) {
        return;
    }
    m_results = fields.value(QStringLiteral("results"), m_results).toMap();
    const QVariantList answers = fields.value(QStringLiteral("answers")).toList();
    if (answers.size() == m_questions.size()) {
        m_answers = answers;
    }
}

void EvaluationForm::reset()
{
    m_results.clear();
    m_answers.clear();
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        m_answers.append(emptyAnswer());
    }
}

bool EvaluationForm::validate()
{
    QVariantMap errors;
    for (const QVariant &entry : m_goals) {
        const QString id = QString::number(entry.toMap().value(QStringLiteral("id")).toLongLong());
        const QVariantMap result = m_results.value(id).toMap();
        const int rating = result.value(QStringLiteral("rating"), -1).toInt();
        const QString outcome = result.value(QStringLiteral("outcome")).toString();
        // Each message names its goal: the summary lists them together.
        const QString what = entry.toMap().value(QStringLiteral("what")).toString();
        const QString goal
            = what.size() > 60 ? what.left(57).trimmed() + QStringLiteral("…") : what;
        const bool rated
            = rating >= GoalCatalogue::kMinRating && rating <= GoalCatalogue::kMaxRating;
        if (!rated && outcome.isEmpty()) {
            errors.insert(QStringLiteral("goal-") + id,
                tr("“%1”: choose where you ended up, from 0 to 10, and how it turned out.")
                    .arg(goal));
        } else if (!rated) {
            errors.insert(QStringLiteral("goal-") + id,
                tr("“%1”: choose where you ended up, from 0 to 10.").arg(goal));
        } else if (outcome.isEmpty()) {
            errors.insert(
                QStringLiteral("goal-") + id, tr("“%1”: choose how it turned out.").arg(goal));
        }
    }
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        const QVariantMap question = m_questions.at(i).toMap();
        const QVariantMap answer = m_answers.value(i).toMap();
        const QString type = question.value(QStringLiteral("type")).toString();
        const QString key = QStringLiteral("question-") + QString::number(i);
        if (type == QLatin1String("text")) {
            const QString problem = lengthProblem(answer.value(QStringLiteral("text")).toString(),
                GoalCatalogue::kTextMaxLength,
                question.value(QStringLiteral("required")).toBool()
                    ? tr("Question %1: write an answer. The programme needs this one.").arg(i + 1)
                    : QString());
            if (!problem.isEmpty()) {
                errors.insert(key, problem);
            }
        } else if (question.value(QStringLiteral("required")).toBool()
            && answer.value(QStringLiteral("choice")).toInt() <= 0) {
            errors.insert(
                key, tr("Question %1: choose an answer. The programme needs this one.").arg(i + 1));
        }
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void EvaluationForm::submit()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    QVariantList goals;
    for (const QVariant &entry : m_goals) {
        const qint64 id = entry.toMap().value(QStringLiteral("id")).toLongLong();
        const QVariantMap result = m_results.value(QString::number(id)).toMap();
        goals.append(QVariantMap {{QStringLiteral("goalId"), id},
            {QStringLiteral("rating"), result.value(QStringLiteral("rating")).toInt()},
            {QStringLiteral("outcome"), result.value(QStringLiteral("outcome")).toString()}});
    }
    QVariantList answers;
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        const bool text = m_questions.at(i).toMap().value(QStringLiteral("type")).toString()
            == QLatin1String("text");
        const QVariantMap answer = m_answers.value(i).toMap();
        const QString words
            = text ? answer.value(QStringLiteral("text")).toString().trimmed() : QString();
        answers.append(QVariantMap {{QStringLiteral("question"), static_cast<int>(i)},
            {QStringLiteral("choice"), text ? 0 : answer.value(QStringLiteral("choice")).toInt()},
            {QStringLiteral("text"), words},
            {QStringLiteral("shareWithProgramme"),
                !words.isEmpty() && answer.value(QStringLiteral("share")).toBool()}});
    }
    send({{QStringLiteral("relationshipId"), m_relationshipId},
             {QStringLiteral("version"), m_version}, {QStringLiteral("goals"), goals},
             {QStringLiteral("answers"), answers}},
        tr("Evaluation of the %1 with %2")
            .arg(m_kind == QLatin1String("mentoring") ? tr("mentoring") : tr("coaching"),
                m_otherName),
        {{QStringLiteral("goals"), QStringLiteral("goals")},
            {QStringLiteral("outcome"), QStringLiteral("goals")},
            {QStringLiteral("rating"), QStringLiteral("goals")},
            {QStringLiteral("answers"), QStringLiteral("answers")},
            {QStringLiteral("choice"), QStringLiteral("answers")},
            {QStringLiteral("text"), QStringLiteral("answers")},
            {QStringLiteral("version"), QStringLiteral("answers")}});
}
