#pragma once

#include "relationships/relationship_types.h"
#include "sync/draft.h"
#include "sync/outbox_form.h"

/// Proposing a session (ProposeSession): a date, a start time, how long,
/// how (in person, video, phone) and where. Either party proposes; the
/// other accepts. Kept in the SyncQueue and sent from there: submitted()
/// brings the server's answer, or queued() says it waits on the device.
/// What is typed is kept as a draft as the person types. Field keys:
/// "date", "time", "plannedMinutes", "mode", "place".
class SessionProposalForm : public CorrectableForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double relationshipId READ relationshipIdForQml WRITE setRelationshipIdForQml NOTIFY
            draftChanged)
    /// "YYYY-MM-DD", local.
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY draftChanged)
    /// "HH:MM", local.
    Q_PROPERTY(QString time READ time WRITE setTime NOTIFY draftChanged)
    Q_PROPERTY(int plannedMinutes READ plannedMinutes WRITE setPlannedMinutes NOTIFY draftChanged)
    /// A delivery mode key.
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY draftChanged)
    Q_PROPERTY(QString place READ place WRITE setPlace NOTIFY draftChanged)

public:
    explicit SessionProposalForm(QObject *parent = nullptr);

    double relationshipIdForQml() const;
    void setRelationshipIdForQml(double id);
    QString date() const;
    void setDate(const QString &date);
    QString time() const;
    void setTime(const QString &time);
    int plannedMinutes() const;
    void setPlannedMinutes(int minutes);
    QString mode() const;
    void setMode(const QString &mode);
    QString place() const;
    void setPlace(const QString &place);

    /// A fresh proposal for a relationship (a map): next week at 10:00, for
    /// the contract's session length (an hour if none); or the draft kept
    /// for it.
    Q_INVOKABLE void start(const QVariantMap &relationship);
    bool editQueued(const QString &key, const QVariantMap &relationship) override;
    Q_INVOKABLE bool validate();
    /// Checks, then keeps the proposal on the device and sends it.
    Q_INVOKABLE void submit();

Q_SIGNALS:
    /// The server has it; `session` is its map.
    void submitted(const QVariantMap &session);

protected:
    Draft &draft() override { return m_draft; }
    void startAgain() override { fill(m_startRelationship); }

private:
    QDateTime startsAt() const;
    void fill(const QVariantMap &relationship);
    QVariantMap draftFields() const;
    /// Fills the form from `fields`; false (and nothing) if there are none.
    bool restoreDraft(const QVariantMap &fields);

    qint64 m_relationshipId = 0;
    QString m_yourPart;
    QString m_otherName;
    QString m_date;
    QString m_time;
    int m_plannedMinutes = 60;
    QString m_mode;
    QString m_place;
    Draft m_draft {[this] { return draftFields(); }}; // last: saves on destruction
};
