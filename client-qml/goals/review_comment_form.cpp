#include "goals/review_comment_form.h"

#include "goals/goal_catalogue.h"

ReviewCommentForm::ReviewCommentForm(QObject *parent)
    : GoalWriteForm(parent)
{ }

void ReviewCommentForm::setComment(const QString &comment)
{
    if (change(m_comment, comment, QStringLiteral("comment"))) {
        Q_EMIT draftChanged();
    }
}

void ReviewCommentForm::start(const QVariantMap &relationship, const QVariantMap &review)
{
    m_reviewId = review.value(QStringLiteral("id")).toLongLong();
    m_startComment = review.value(QStringLiteral("comment")).toString();
    startOn(relationship);
}

void ReviewCommentForm::restore(const QVariantMap &fields)
{
    m_comment = fields.value(QStringLiteral("comment"), m_comment).toString();
}

bool ReviewCommentForm::validate()
{
    QVariantMap errors;
    const QString problem
        = lengthProblem(m_comment, GoalCatalogue::kTextMaxLength, tr("Write your comment first."));
    if (!problem.isEmpty()) {
        errors.insert(QStringLiteral("comment"), problem);
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void ReviewCommentForm::submit()
{
    if (busy() || m_reviewId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    send({{QStringLiteral("reviewId"), m_reviewId},
             {QStringLiteral("relationshipId"), m_relationshipId},
             {QStringLiteral("comment"), m_comment.trimmed()}},
        tr("Comment on the goal review with %1").arg(m_otherName),
        {{QStringLiteral("comment"), QStringLiteral("comment")}});
}
