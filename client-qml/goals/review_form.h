#pragma once

#include "goals/goal_write_form.h"

#include <QVariantList>

/// The coachee's goal review (SubmitReview): a new 0–10 rating for every
/// open goal, what has helped and what next. Field keys: "rating-<goalId>"
/// for each goal, "ratings" for the set, "helped", "next".
class ReviewForm : public GoalWriteForm {
    Q_OBJECT
    QML_ELEMENT

    /// The open goals being reviewed (maps as GoalPlan gives).
    Q_PROPERTY(QVariantList goals READ goals NOTIFY draftChanged)
    /// The rating chosen per goal id (as text keys); -1 is not chosen.
    Q_PROPERTY(QVariantMap ratings READ ratings NOTIFY draftChanged)
    Q_PROPERTY(QString helped READ helped WRITE setHelped NOTIFY draftChanged)
    Q_PROPERTY(QString next READ next WRITE setNext NOTIFY draftChanged)

public:
    explicit ReviewForm(QObject *parent = nullptr);

    QVariantList goals() const { return m_goals; }
    QVariantMap ratings() const { return m_ratings; }
    QString helped() const { return m_helped; }
    void setHelped(const QString &helped);
    QString next() const { return m_next; }
    void setNext(const QString &next);

    /// A review of `openGoals` (GoalPlan::openGoals) of `relationship`.
    Q_INVOKABLE void start(const QVariantMap &relationship, const QVariantList &openGoals);
    Q_INVOKABLE void setRating(double goalId, int rating);
    /// The rating chosen for a goal; -1 if none.
    Q_INVOKABLE int ratingOf(double goalId) const;
    Q_INVOKABLE bool validate();
    Q_INVOKABLE void submit();

protected:
    Draft &draft() override { return m_draft; }
    WriteKind::Kind writeKind() const override { return WriteKind::SubmitReview; }
    QVariant draftSubject() const override { return m_relationshipId; }
    QVariantMap fields() const override;
    void restore(const QVariantMap &fields) override;
    void reset() override;

private:
    QVariantList m_goals;
    QVariantMap m_ratings;
    QString m_helped;
    QString m_next;
    Draft m_draft {[this] { return fields(); }}; // last: saves on destruction
};
