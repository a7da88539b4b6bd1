#pragma once

#include "common/result.h"
#include "relationships/relationship_types.h"
#include "sync/write_kinds.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// One relationship with its contract, history and sessions, and what its
/// two people can do with it: agree the contract, accept, move or cancel a
/// session, export one to a calendar, review (coaching), complete or end
/// it. `relationship` is the map RelationshipCatalogue::toMap makes;
/// sessions are maps too. Every change goes through the SyncQueue: kept on
/// the device with its idempotency key, then sent. Online its effect shows
/// as soon as the server answers; offline it shows in `pending` ("Waiting
/// to sync: you agreed to the contract") until it is sent. Failures arrive
/// through errorOccurred (and `errorMessage`), successes through changed(),
/// in words for people.
class RelationshipDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// The relationship to show; 0 for none. (A double, as QML numbers are.)
    Q_PROPERTY(double relationshipId READ relationshipIdForQml WRITE setRelationshipIdForQml NOTIFY
            relationshipIdChanged)
    /// A map (untyped in QML so that its keys can be read).
    Q_PROPERTY(QVariant relationship READ relationshipForQml NOTIFY relationshipChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY relationshipChanged)
    /// Sessions to come (proposed or booked), soonest first. Each also has
    /// `pendingLabel`: a change to it waiting to sync (or refused), or "".
    Q_PROPERTY(QVariantList upcoming READ upcoming NOTIFY sessionsChanged)
    /// Sessions recorded or cancelled, latest first.
    Q_PROPERTY(QVariantList past READ past NOTIFY sessionsChanged)
    /// The actions agreed at held sessions, latest first, as
    /// [{dateLabel, text}]: what the coachee sees of the records.
    Q_PROPERTY(QVariantList sharedActions READ sharedActions NOTIFY sessionsChanged)
    /// Sessions held so far.
    Q_PROPERTY(int heldCount READ heldCount NOTIFY sessionsChanged)
    /// This relationship's changes kept on the device, oldest first, as
    /// [{key, kind, text, refused, readable, lastError, problem, sessionId}]:
    /// `kind` a WriteKind; `text` says what and whether it waits ("Waiting to
    /// sync: you agreed to the contract"); `problem` why one waits for the
    /// person (the server's refusal, or that it can't be read on this device).
    Q_PROPERTY(QVariantList pending READ pending NOTIFY pendingChanged)
    /// The kinds of those changes (WriteKind values), to hide what would do
    /// the same thing twice.
    Q_PROPERTY(QVariantList pendingWriteKinds READ pendingWriteKinds NOTIFY pendingChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// The server could not be reached; what shows is what the device knew
    /// (a map set with setRelationshipMap()).
    Q_PROPERTY(bool offline READ offline NOTIFY offlineChanged)
    /// True while a change made here is on its first way to the server.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// True while a calendar file is being fetched.
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)
    /// Where calendar files go; empty for the Downloads folder (or
    /// Documents, or the app's folder, whichever can be written).
    Q_PROPERTY(QString exportFolder READ exportFolder WRITE setExportFolder NOTIFY exportChanged)
    /// Opens each calendar file saved in the calendar app (default true).
    Q_PROPERTY(bool openExportedFiles MEMBER m_openExportedFiles NOTIFY exportChanged)
    /// The last calendar file saved; empty if none.
    Q_PROPERTY(QString lastExportPath READ lastExportPath NOTIFY exportChanged)
    Q_PROPERTY(
        QString errorMessage READ errorMessage WRITE setErrorMessage NOTIFY errorMessageChanged)

public:
    explicit RelationshipDetail(QObject *parent = nullptr);

    qint64 relationshipId() const;
    double relationshipIdForQml() const;
    void setRelationshipIdForQml(double relationshipId);
    QVariantMap relationship() const;
    QVariant relationshipForQml() const;
    bool exists() const;
    QVariantList upcoming() const;
    QVariantList past() const;
    QVariantList sharedActions() const;
    int heldCount() const;
    QVariantList pending() const;
    QVariantList pendingWriteKinds() const;
    bool loading() const;
    bool offline() const;
    bool busy() const;
    bool exporting() const;
    QString exportFolder() const;
    void setExportFolder(const QString &folder);
    QString lastExportPath() const;
    QString errorMessage() const;
    void setErrorMessage(const QString &message);

    /// Loads the relationship and its sessions again.
    Q_INVOKABLE void reload();
    /// What stops an agreement; empty when it can be sent. The coachee must
    /// say whether their line manager has been told.
    Q_INVOKABLE QString agreementProblem(
        bool confidentiality, bool ethics, const QString &lineManagerTold) const;
    /// Agrees to the contract as it stands, as the signed-in person's part.
    Q_INVOKABLE void agree(bool confidentiality, bool ethics, const QString &lineManagerTold);
    /// What is wrong with a reason (ending, cancelling, reviewing); empty
    /// when it will do.
    Q_INVOKABLE QString reasonProblem(const QString &reason) const;
    /// The coach or mentor: active → completed.
    Q_INVOKABLE void complete();
    /// Either party: ends the relationship early, saying why.
    Q_INVOKABLE void end(const QString &reason);
    Q_INVOKABLE void acceptSession(double sessionId);
    Q_INVOKABLE void cancelSession(double sessionId, const QString &reason);
    /// What is wrong with moving a session to `date` ("YYYY-MM-DD") at
    /// `time` ("HH:MM"), local, for `reason`, as {date, time, reason}
    /// problems; empty when it can be sent.
    Q_INVOKABLE QVariantMap rescheduleProblems(
        const QString &date, const QString &time, const QString &reason) const;
    /// Moves a session to come; it is proposed again for the other to accept.
    Q_INVOKABLE void rescheduleSession(
        double sessionId, const QString &date, const QString &time, const QString &reason);
    /// Saves the session as an iCalendar file (see exportFolder) and opens
    /// it; calendarSaved() says where.
    Q_INVOKABLE void exportCalendar(double sessionId);
    /// Shows a relationship changed elsewhere (a map from a form).
    Q_INVOKABLE void setRelationshipMap(const QVariantMap &relationship);
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void relationshipIdChanged();
    void relationshipChanged();
    void sessionsChanged();
    void pendingChanged();
    void loadingChanged();
    void offlineChanged();
    void busyChanged();
    void exportingChanged();
    void exportChanged();
    void errorMessageChanged();
    /// A change made here succeeded, or was kept to be sent later;
    /// `message` says which.
    void changed(const QString &message);
    void errorOccurred(const QString &message);
    /// A calendar file was saved at `path`.
    void calendarSaved(const QString &path);

private:
    void setLoading(bool loading);
    void setOffline(bool offline);
    /// Reports a failed load: quietly (`offline`) when the server is out of
    /// reach and something is already on show.
    void loadFailed(const BackendError &error);
    void setBusy(bool busy);
    void setExporting(bool exporting);
    void fail(const QString &message);
    void setRelationship(const RelationshipInfo &relationship);
    void setSessions(const QList<SessionInfo> &sessions);
    void loadSessions();
    /// Keeps a write of this relationship in the queue and follows its first
    /// try: `said` is the notice on success (empty: one from the new state).
    /// The draft of the same kind about `draftSubject` (what the person typed
    /// for it, in a Draft) is forgotten once the server has it or it waits
    /// in the queue; no subject, no draft.
    void write(WriteKind::Kind kind, QVariantMap payload, const QString &summary,
        const QString &said, const QVariant &draftSubject = {});
    void onWritten(const QString &key, const WriteOutcome &outcome, const QString &said,
        const QString &stateBefore, const QString &draftName);
    /// The queue's entries of this relationship changed.
    void updatePending();
    QVariantMap sessionMap(const SessionInfo &session) const;
    const SessionInfo *sessionById(qint64 sessionId) const;
    /// "Tue 3 Mar 2026 at 10:00" for a session's start.
    QString whenLabel(const QDateTime &when) const;
    QString otherName() const;

    qint64 m_relationshipId = 0;
    QVariantMap m_relationship;
    QString m_yourPart;
    bool m_exists = false;
    QList<SessionInfo> m_sessions;
    QVariantList m_pending;
    QVariantList m_pendingWriteKinds;
    /// Per session id, the words for a change to it kept on the device.
    QHash<qint64, QString> m_sessionPending;
    bool m_loading = false;
    bool m_offline = false;
    bool m_busy = false;
    bool m_exporting = false;
    QString m_exportFolder;
    bool m_openExportedFiles = true;
    QString m_lastExportPath;
    QString m_errorMessage;
    int m_generation = 0;
};
