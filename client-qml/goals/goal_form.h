#pragma once

#include "goals/goal_write_form.h"

#include <QStringList>

/// The coachee adds a goal (AddGoal) or rewords one (RewordGoal, with
/// `goalId`): what they want to achieve, how they will know they got there,
/// optionally a target date and themes, and, adding, where they are now on
/// a 0–10 scale. Checked as the API says, then kept in the outbox and sent.
/// Field keys: "what", "measure", "targetOn", "startingRating", "themes".
class GoalForm : public GoalWriteForm {
    Q_OBJECT
    QML_ELEMENT

    /// The goal reworded; 0 when adding one.
    Q_PROPERTY(double goalId READ goalIdForQml NOTIFY draftChanged)
    Q_PROPERTY(bool rewording READ rewording NOTIFY draftChanged)
    Q_PROPERTY(QString what READ what WRITE setWhat NOTIFY draftChanged)
    Q_PROPERTY(QString measure READ measure WRITE setMeasure NOTIFY draftChanged)
    /// "YYYY-MM-DD" or empty.
    Q_PROPERTY(QString targetOn READ targetOn WRITE setTargetOn NOTIFY draftChanged)
    /// 0–10; -1 while not chosen.
    Q_PROPERTY(int startingRating READ startingRating WRITE setStartingRating NOTIFY draftChanged)
    Q_PROPERTY(QStringList themes READ themes WRITE setThemes NOTIFY draftChanged)

public:
    explicit GoalForm(QObject *parent = nullptr);

    double goalIdForQml() const { return static_cast<double>(m_goalId); }
    bool rewording() const { return m_goalId > 0; }
    QString what() const { return m_what; }
    void setWhat(const QString &what);
    QString measure() const { return m_measure; }
    void setMeasure(const QString &measure);
    QString targetOn() const { return m_targetOn; }
    void setTargetOn(const QString &date);
    int startingRating() const { return m_startingRating; }
    void setStartingRating(int rating);
    QStringList themes() const { return m_themes; }
    void setThemes(const QStringList &themes);

    /// Adding a goal to `relationship` (goal null), or rewording `goal` (a
    /// map as GoalPlan gives).
    Q_INVOKABLE void start(const QVariantMap &relationship, const QVariant &goal = {});
    Q_INVOKABLE bool validate();
    Q_INVOKABLE void submit();

protected:
    Draft &draft() override { return m_draft; }
    WriteKind::Kind writeKind() const override;
    QVariant draftSubject() const override;
    QVariantMap fields() const override;
    void restore(const QVariantMap &fields) override;
    void reset() override;

private:
    qint64 m_goalId = 0;
    QVariantMap m_goal;
    QString m_what;
    QString m_measure;
    QString m_targetOn;
    int m_startingRating = -1;
    QStringList m_themes;
    Draft m_draft {[this] { return fields(); }}; // last: saves on destruction
};
