#pragma once

#include "goals/goal_write_form.h"

/// The coach's or mentor's comment on a goal review, seen by both
/// (CommentOnReview); a second comment replaces the first. Field key:
/// "comment".
class ReviewCommentForm : public GoalWriteForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double reviewId READ reviewIdForQml NOTIFY draftChanged)
    Q_PROPERTY(QString comment READ comment WRITE setComment NOTIFY draftChanged)

public:
    explicit ReviewCommentForm(QObject *parent = nullptr);

    double reviewIdForQml() const { return static_cast<double>(m_reviewId); }
    QString comment() const { return m_comment; }
    void setComment(const QString &comment);

    /// Commenting on `review` (a map as GoalPlan gives), its comment if any.
    Q_INVOKABLE void start(const QVariantMap &relationship, const QVariantMap &review);
    Q_INVOKABLE bool validate();
    Q_INVOKABLE void submit();

protected:
    Draft &draft() override { return m_draft; }
    WriteKind::Kind writeKind() const override { return WriteKind::CommentOnReview; }
    QVariant draftSubject() const override { return m_reviewId; }
    QVariantMap fields() const override { return {{QStringLiteral("comment"), m_comment}}; }
    void restore(const QVariantMap &fields) override;
    void reset() override { m_comment = m_startComment; }

private:
    qint64 m_reviewId = 0;
    QString m_startComment;
    QString m_comment;
    Draft m_draft {[this] { return fields(); }}; // last: saves on destruction
};
