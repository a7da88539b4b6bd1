#pragma once

#include "sync/draft.h"
#include "sync/outbox_form.h"

#include <QString>
#include <QVariantMap>

/// Coordinators: ends one of the programme's relationships early, with a
/// reason both people see (EndRelationship, which a coordinator of either
/// person's organisation may call). The ending is kept in the outbox with
/// its idempotency key before it is sent, like every other write of a
/// relationship, so it is sent once even when the answer is lost; the
/// reason is kept as a draft as it is typed (the same draft the
/// relationship's own page keeps). Field key: "reason".
class ProgrammeEndForm : public CorrectableForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double relationshipId READ relationshipIdForQml NOTIFY draftChanged)
    /// "Emily Carter and Grace Mwangi".
    Q_PROPERTY(QString pairNames READ pairNames NOTIFY draftChanged)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY draftChanged)
    Q_PROPERTY(int reasonMaxLength READ reasonMaxLength CONSTANT)

public:
    explicit ProgrammeEndForm(QObject *parent = nullptr);

    double relationshipIdForQml() const { return static_cast<double>(m_relationshipId); }
    QString pairNames() const;
    QString reason() const { return m_reason; }
    void setReason(const QString &reason);
    int reasonMaxLength() const;

    /// Starts on `relationship` (a row of ProgrammeRelationshipList): the
    /// reason kept as a draft for it, if any.
    Q_INVOKABLE void start(const QVariantMap &relationship);
    /// Marks what is wrong with the reason; true when nothing is.
    Q_INVOKABLE bool validate();
    /// Keeps the ending in the outbox and sends it: ended() once the server
    /// has it, queued() when it has to wait for the server.
    Q_INVOKABLE void submit();
    /// Endings are not corrected once queued (a refusal is shown here).
    bool editQueued(const QString &key, const QVariantMap &relationship) override;

Q_SIGNALS:
    /// The server has ended it; `message` says so, `state` is its state now.
    void ended(const QString &message, const QString &state);

protected:
    Draft &draft() override { return m_draft; }
    void startAgain() override;

private:
    qint64 m_relationshipId = 0;
    QString m_coacheeName;
    QString m_memberName;
    QString m_reason;
    Draft m_draft {[this] { return QVariantMap {{QStringLiteral("reason"), m_reason}}; }};
};
