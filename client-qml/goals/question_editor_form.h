#pragma once

#include "sync/draft.h"
#include "sync/outbox_form.h"

#include <QVariantList>

/// A coordinator edits the evaluation questions of one of their
/// organisations, for coaching or mentoring and for coachees or for coaches
/// and mentors (GetEvaluationQuestions, SaveEvaluationQuestions): add,
/// remove and reorder questions, each with its type, wording, whether it is
/// required, and its options (a rating's five labels, a choice's two to
/// eight options). Saving makes a new version; answers already given keep
/// the wording they were given under. Kept in the outbox like every write,
/// and as a draft as the person types. Field keys: "questions" for the set,
/// "question-<n>" per question (from 0).
class QuestionEditorForm : public CorrectableForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double organisationId READ organisationIdForQml WRITE setOrganisationIdForQml NOTIFY
            setChanged)
    /// "coaching" or "mentoring".
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY setChanged)
    /// "coachee" or "member".
    Q_PROPERTY(QString audience READ audience WRITE setAudience NOTIFY setChanged)
    /// [{type, typeLabel, wording, required, options}], in order.
    Q_PROPERTY(QVariantList questions READ questions NOTIFY draftChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// What is in force, in words: "Tandem's default questions" or
    /// "Version 3, saved by Kim Ray on 2 December 2026".
    Q_PROPERTY(QString versionLabel READ versionLabel NOTIFY setChanged)

public:
    explicit QuestionEditorForm(QObject *parent = nullptr);

    double organisationIdForQml() const { return static_cast<double>(m_organisationId); }
    void setOrganisationIdForQml(double id);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString audience() const { return m_audience; }
    void setAudience(const QString &audience);
    QVariantList questions() const { return m_questions; }
    bool loading() const { return m_loading; }
    QString versionLabel() const;

    /// Loads the questions in force for the organisation, kind and audience;
    /// the draft kept for them comes back instead if there is one.
    Q_INVOKABLE void load();
    Q_INVOKABLE void addQuestion(const QString &type);
    Q_INVOKABLE void removeQuestion(int index);
    /// Moves a question up (-1) or down (+1).
    Q_INVOKABLE void moveQuestion(int index, int by);
    /// Changes the type; options follow (five labels for a rating, two
    /// empty options for a choice, none otherwise).
    Q_INVOKABLE void setType(int index, const QString &type);
    Q_INVOKABLE void setWording(int index, const QString &wording);
    Q_INVOKABLE void setRequired(int index, bool required);
    Q_INVOKABLE void setOption(int index, int option, const QString &text);
    Q_INVOKABLE void addOption(int index);
    Q_INVOKABLE void removeOption(int index, int option);
    Q_INVOKABLE bool validate();
    Q_INVOKABLE void save();
    bool editQueued(const QString &key, const QVariantMap &relationship) override;

Q_SIGNALS:
    void setChanged();
    void loadingChanged();
    /// The server has the new version.
    void saved(const QString &summary);

protected:
    Draft &draft() override { return m_draft; }
    void startAgain() override;

private:
    QVariant draftSubject() const;
    QVariantMap draftFields() const;
    void setLoading(bool loading);
    void setQuestions(const QVariantList &questions);
    /// Changes one question's field.
    void setField(int index, const QString &field, const QVariant &value);

    qint64 m_organisationId = 0;
    QString m_kind = QStringLiteral("coaching");
    QString m_audience = QStringLiteral("coachee");
    QVariantList m_questions;
    QVariantList m_loaded;
    int m_version = 0;
    QDateTime m_savedAt;
    QString m_savedBy;
    bool m_loading = false;
    int m_generation = 0;
    Draft m_draft {[this] { return draftFields(); }}; // last: saves on destruction
};
