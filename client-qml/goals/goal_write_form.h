#pragma once

#include "sync/draft.h"
#include "sync/outbox_form.h"

#include <QHash>
#include <QVariantMap>

/// What the forms of goals, reviews and the evaluation share: the
/// relationship they are about (a map as RelationshipCatalogue makes), a
/// draft kept as the person types (under the form's kind of write and what
/// it is about), and sending through the outbox with its own idempotency
/// key: submitted() once the server has it, queued() when it waits on the
/// device because the server cannot be reached, and the server's refusal on
/// the field it names.
class GoalWriteForm : public CorrectableForm {
    Q_OBJECT
    QML_ANONYMOUS

    Q_PROPERTY(double relationshipId READ relationshipIdForQml NOTIFY draftChanged)
    /// The other person, for the form's words.
    Q_PROPERTY(QString otherName READ otherName NOTIFY draftChanged)
    /// "coaching" or "mentoring".
    Q_PROPERTY(QString kind READ kind NOTIFY draftChanged)

public:
    explicit GoalWriteForm(QObject *parent = nullptr);

    double relationshipIdForQml() const { return static_cast<double>(m_relationshipId); }
    QString otherName() const { return m_otherName; }
    QString kind() const { return m_kind; }

    bool editQueued(const QString &key, const QVariantMap &relationship) override;

Q_SIGNALS:
    /// The server has it; `summary` says what it was.
    void submitted(const QString &summary);

protected:
    /// The kind of write the form makes, and what its draft is about.
    virtual WriteKind::Kind writeKind() const = 0;
    virtual QVariant draftSubject() const = 0;
    /// What the person typed, as the draft keeps it.
    virtual QVariantMap fields() const = 0;
    /// Fills the typed fields from `fields` (a draft or a queued payload).
    virtual void restore(const QVariantMap &fields) = 0;
    /// Empties the typed fields (what the form is about stays).
    virtual void reset() = 0;

    /// Starts on `relationship`: the draft kept for it if any, else fresh.
    void startOn(const QVariantMap &relationship);
    void startAgain() override;
    /// keepAndWait() of the form's kind; submitted() when written.
    void send(
        const QVariantMap &payload, const QString &summary, const QHash<QString, QString> &fields);
    /// "Keep it to N characters." when `text`, trimmed, is longer; "Enter …"
    /// (`missing`) when it is empty and required.
    static QString lengthProblem(const QString &text, int maxLength, const QString &missing = {});

    qint64 m_relationshipId = 0;
    QString m_otherName;
    QString m_kind;
};
