#pragma once

#include "relationships/relationship_types.h"
#include "sync/draft.h"
#include "sync/outbox_form.h"

#include <QStringList>

/// The coach's or mentor's record of a meeting, made right after it:
/// whether it happened (and if not, who called it off), when and how long,
/// how, themes from the taxonomy, the actions agreed (shared with the
/// coachee) and private notes (readable by the author only). save() keeps
/// it in the on-device SyncQueue first, with a new idempotency key, and
/// the queue sends it: a record is never lost for want of a signal. What is
/// typed is kept as a draft on the device as the person types (half a
/// second after the last change), per relationship and session, and comes
/// back when the form is opened again for them, also after the app was
/// killed; saving or discarding forgets it. Field
/// keys: "held", "cancelledBy", "cancelReason", "date", "time",
/// "actualMinutes", "themes", "agreedActions", "privateNotes".
class RecordSessionForm : public CorrectableForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double relationshipId READ relationshipIdForQml NOTIFY draftChanged)
    /// The scheduled session this records; 0 for a meeting not booked here.
    Q_PROPERTY(double sessionId READ sessionIdForQml NOTIFY draftChanged)
    /// The coachee or mentee, for the form's words.
    Q_PROPERTY(QString otherName READ otherName NOTIFY draftChanged)
    /// "coaching" or "mentoring".
    Q_PROPERTY(QString kind READ kind NOTIFY draftChanged)
    Q_PROPERTY(bool held READ held WRITE setHeld NOTIFY draftChanged)
    /// Not held: "coachee" or "member" (the coach or mentor).
    Q_PROPERTY(QString cancelledBy READ cancelledBy WRITE setCancelledBy NOTIFY draftChanged)
    Q_PROPERTY(QString cancelReason READ cancelReason WRITE setCancelReason NOTIFY draftChanged)
    /// When it started: "YYYY-MM-DD" and "HH:MM", local.
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY draftChanged)
    Q_PROPERTY(QString time READ time WRITE setTime NOTIFY draftChanged)
    Q_PROPERTY(int actualMinutes READ actualMinutes WRITE setActualMinutes NOTIFY draftChanged)
    /// A delivery mode key, or empty.
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY draftChanged)
    /// Specialism codes, at most 5.
    Q_PROPERTY(QStringList themes READ themes WRITE setThemes NOTIFY draftChanged)
    Q_PROPERTY(QString agreedActions READ agreedActions WRITE setAgreedActions NOTIFY draftChanged)
    Q_PROPERTY(QString privateNotes READ privateNotes WRITE setPrivateNotes NOTIFY draftChanged)
    /// When that draft was kept, in words ("Tue 3 Mar 2026 at 14:05"); empty
    /// unless restoredFromDraft.
    Q_PROPERTY(QString draftSavedLabel READ draftSavedLabel NOTIFY draftChanged)

public:
    explicit RecordSessionForm(QObject *parent = nullptr);

    double relationshipIdForQml() const;
    double sessionIdForQml() const;
    QString otherName() const;
    QString kind() const;
    bool held() const;
    void setHeld(bool held);
    QString cancelledBy() const;
    void setCancelledBy(const QString &who);
    QString cancelReason() const;
    void setCancelReason(const QString &reason);
    QString date() const;
    void setDate(const QString &date);
    QString time() const;
    void setTime(const QString &time);
    int actualMinutes() const;
    void setActualMinutes(int minutes);
    QString mode() const;
    void setMode(const QString &mode);
    QStringList themes() const;
    void setThemes(const QStringList &themes);
    QString agreedActions() const;
    void setAgreedActions(const QString &actions);
    QString privateNotes() const;
    void setPrivateNotes(const QString &notes);
    QString draftSavedLabel() const;

    /// A record for a relationship (a map as RelationshipCatalogue makes),
    /// of `session` (a session map) if given: the draft kept for them if
    /// there is one, otherwise fresh: held, started one session length ago
    /// (or at the session's time), that long.
    Q_INVOKABLE void start(const QVariantMap &relationship, const QVariant &session = {});
    /// The name the draft of a relationship's (and session's) record is kept under.
    static QString draftNameFor(qint64 relationshipId, qint64 sessionId);
    bool editQueued(const QString &key, const QVariantMap &relationship) override;
    /// Adds or removes a theme; false (and a "themes" error) past 5.
    Q_INVOKABLE bool toggleTheme(const QString &code);
    Q_INVOKABLE bool validate();
    /// Checks, then keeps the record on the device and starts sending it;
    /// saved() fires with its key once it is safely stored.
    Q_INVOKABLE void save();

Q_SIGNALS:
    /// Stored on the device; the queue sends it (SyncQueue::synced).
    void saved(const QString &key, const QString &summary);

protected:
    Draft &draft() override { return m_draft; }
    void startAgain() override { startFresh(m_startRelationship, m_startSession); }

private:
    QDateTime startedAt() const;
    QString summary() const;
    void startFresh(const QVariantMap &relationship, const QVariant &session);
    QVariantMap draftFields() const;
    /// Fills the form from `kept`, a draft; false (and nothing) if it is empty.
    bool restoreDraft(const QVariantMap &kept);

    qint64 m_relationshipId = 0;
    qint64 m_sessionId = 0;
    QString m_otherName;
    QString m_kind;
    SessionRecord m_record;
    QString m_date;
    QString m_time;
    QVariant m_startSession;
    QDateTime m_draftSavedAt;
    Draft m_draft {[this] { return draftFields(); }}; // last: saves on destruction
};
