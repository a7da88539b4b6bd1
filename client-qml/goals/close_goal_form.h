#pragma once

#include "goals/goal_write_form.h"

/// The coachee marks a goal achieved, or drops it with a reason
/// (CloseGoal). Field keys: "state", "reason".
class CloseGoalForm : public GoalWriteForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double goalId READ goalIdForQml NOTIFY draftChanged)
    /// The goal's wording, for the form's words.
    Q_PROPERTY(QString goalWhat READ goalWhat NOTIFY draftChanged)
    /// "achieved" or "dropped"; empty while not chosen.
    Q_PROPERTY(QString state READ state WRITE setState NOTIFY draftChanged)
    /// Dropped: why (1–500 characters).
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY draftChanged)

public:
    explicit CloseGoalForm(QObject *parent = nullptr);

    double goalIdForQml() const { return static_cast<double>(m_goalId); }
    QString goalWhat() const { return m_goalWhat; }
    QString state() const { return m_state; }
    void setState(const QString &state);
    QString reason() const { return m_reason; }
    void setReason(const QString &reason);

    /// Closing `goal` (a map as GoalPlan gives) of `relationship`.
    Q_INVOKABLE void start(const QVariantMap &relationship, const QVariantMap &goal);
    Q_INVOKABLE bool validate();
    Q_INVOKABLE void submit();

protected:
    Draft &draft() override { return m_draft; }
    WriteKind::Kind writeKind() const override { return WriteKind::CloseGoal; }
    QVariant draftSubject() const override { return m_goalId; }
    QVariantMap fields() const override;
    void restore(const QVariantMap &fields) override;
    void reset() override;

private:
    qint64 m_goalId = 0;
    QString m_goalWhat;
    QString m_state;
    QString m_reason;
    Draft m_draft {[this] { return fields(); }}; // last: saves on destruction
};
