#pragma once

#include "common/form_base.h"
#include "relationships/relationship_types.h"
#include "sync/draft.h"

/// Proposing a session (ProposeSession): a date, a start time, how long,
/// how (in person, video, phone) and where. Either party proposes; the
/// other accepts. Kept in the SyncQueue and sent from there: submitted()
/// brings the server's answer, or queued() says it waits on the device.
/// What is typed is kept as a draft as the person types. Field keys:
/// "date", "time", "plannedMinutes", "mode", "place".
class SessionProposalForm : public FormBase {
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
    /// Correcting a proposal already queued (refused by the server): its key.
    Q_PROPERTY(QString queuedKey READ queuedKey NOTIFY draftChanged)
    /// What shows came from a draft kept on the device.
    Q_PROPERTY(bool restoredFromDraft READ restoredFromDraft NOTIFY draftChanged)

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
    QString queuedKey() const;
    bool restoredFromDraft() const;

    /// A fresh proposal for a relationship (a map): next week at 10:00, for
    /// the contract's session length (an hour if none); or the draft kept
    /// for it.
    Q_INVOKABLE void start(const QVariantMap &relationship);
    /// Opens the queued proposal `key` of `relationship` to correct it.
    Q_INVOKABLE bool editQueued(const QString &key, const QVariantMap &relationship);
    /// Forgets the draft and starts afresh.
    Q_INVOKABLE void discardDraft();
    Q_INVOKABLE bool validate();
    /// Checks, then keeps the proposal on the device and sends it.
    Q_INVOKABLE void submit();

Q_SIGNALS:
    void draftChanged();
    /// The server has it; `session` is its map.
    void submitted(const QVariantMap &session);
    /// The server could not be reached: it waits on the device (SyncQueue
    /// entry `key`) and is sent later.
    void queued(const QString &key, const QString &summary);

private:
    QDateTime startsAt() const;
    void fill(const QVariantMap &relationship);
    QVariantMap draftFields() const;
    /// Fills the form from `fields`; false (and nothing) if there are none.
    bool restoreDraft(const QVariantMap &fields);

    qint64 m_relationshipId = 0;
    QString m_yourPart;
    QString m_otherName;
    QVariantMap m_startRelationship;
    QString m_queuedKey;
    bool m_restoredFromDraft = false;
    QString m_date;
    QString m_time;
    int m_plannedMinutes = 60;
    QString m_mode;
    QString m_place;
    Draft m_draft {[this] { return draftFields(); }}; // last: saves on destruction
};
