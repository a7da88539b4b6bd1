#pragma once

#include "goals/goal_write_form.h"

/// The coachee's follow-up about six months after the end (SubmitFollowUp):
/// has the change lasted, 0–10, one answer in their words, and whether to
/// share that answer with the programme without their name. Field keys:
/// "rating", "answer".
class FollowUpForm : public GoalWriteForm {
    Q_OBJECT
    QML_ELEMENT

    /// 0–10; -1 while not chosen.
    Q_PROPERTY(int rating READ rating WRITE setRating NOTIFY draftChanged)
    Q_PROPERTY(QString answer READ answer WRITE setAnswer NOTIFY draftChanged)
    Q_PROPERTY(bool shareWithProgramme READ shareWithProgramme WRITE setShareWithProgramme NOTIFY
            draftChanged)

public:
    explicit FollowUpForm(QObject *parent = nullptr);

    int rating() const { return m_rating; }
    void setRating(int rating);
    QString answer() const { return m_answer; }
    void setAnswer(const QString &answer);
    bool shareWithProgramme() const { return m_share; }
    void setShareWithProgramme(bool share);

    Q_INVOKABLE void start(const QVariantMap &relationship);
    Q_INVOKABLE bool validate();
    Q_INVOKABLE void submit();

protected:
    Draft &draft() override { return m_draft; }
    WriteKind::Kind writeKind() const override { return WriteKind::SubmitFollowUp; }
    QVariant draftSubject() const override { return m_relationshipId; }
    QVariantMap fields() const override;
    void restore(const QVariantMap &fields) override;
    void reset() override;

private:
    int m_rating = -1;
    QString m_answer;
    bool m_share = false;
    Draft m_draft {[this] { return fields(); }}; // last: saves on destruction
};
