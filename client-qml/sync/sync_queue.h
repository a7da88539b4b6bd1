#pragma once

#include "common/connection.h"
#include "common/result.h"
#include "relationships/relationship_types.h"
#include "safeguarding/safeguarding_types.h"
#include "sync/outbox_store.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

#include <functional>
#include <optional>

class RelationshipBackend;
class SafeguardingBackend;

/// How a write the queue sent came out, for whoever waits on it (watch()).
struct WriteOutcome {
    enum class Kind {
        Written, ///< the server has it; the entry left the queue
        Refused, ///< the server said no; the entry stays, refused, with `message`
        Deferred, ///< the server could not be reached; the entry waits and is sent later
    };
    Kind kind = Kind::Deferred;
    QString message; ///< Refused, Deferred: why, in words for people
    /// What the server answered with, by the write's kind.
    std::optional<RelationshipInfo> relationship;
    std::optional<SessionInfo> session;
    std::optional<ConcernInfo> concern;
    bool replayed = false; ///< record_session: the key had been recorded before
};

/// Keeps what a form holds as a draft in the SyncQueue while the person
/// types, so that nothing typed is lost when the app is killed: changed()
/// saves half a second after the last change (and flush() at once), load()
/// reads it back, clear() forgets it. No name: nothing is kept.
class DraftKeeper {
public:
    explicit DraftKeeper(std::function<QVariantMap()> fields);
    /// Saves what is pending first.
    ~DraftKeeper();
    DraftKeeper(const DraftKeeper &) = delete;
    DraftKeeper &operator=(const DraftKeeper &) = delete;

    /// Which draft: e.g. "end_relationship:12". Saves what is pending for
    /// the one before.
    void setName(const QString &name);
    QString name() const;
    /// The fields changed: saved shortly.
    void changed();
    /// Saves now if a change is pending.
    void flush();
    /// The draft kept under the name; empty if none.
    QVariantMap load() const;
    /// When it was kept; invalid if there is none.
    QDateTime savedAt() const;
    /// Forgets the draft (it was sent, or the person discarded it).
    void clear();

    static constexpr int kDelayMs = 500;

private:
    std::function<QVariantMap()> m_fields;
    QString m_name;
    QTimer m_timer;
};

/// Every write of relationships, sessions and concerns, kept on the device
/// until the server has answered it (`SyncQueue` in QML). A write is stored
/// here first, with an idempotency key made on the device, and only then
/// sent; it is sent again with the same key until the server answers, and
/// leaves the queue only when it has: done (or done before: the server
/// answers a retry with the current state), or refused. A refusal (not
/// valid, not allowed, no longer possible, not found) is kept, with the
/// server's words, until the person edits, retries or discards it; nothing
/// is dropped silently. When the server cannot be reached the entry waits
/// and is tried again after 2 s, 4 s, … at most a minute.
///
/// Kinds and their payload fields (all ids numbers; `relationshipId` on
/// every kind that has one, so that rows can say which relationship):
///   record_session       SessionRecord's fields (see toJson())
///   set_contract_terms   relationshipId, numberOfSessions, sessionMinutes,
///                        regularity, plannedEndOn, reviewCadence
///   agree_contract       relationshipId, confidentialityAcknowledged,
///                        ethicsAcknowledged, lineManagerTold
///   review_contract      relationshipId, numberOfSessions, plannedEndOn, reason
///   complete_relationship relationshipId
///   end_relationship     relationshipId, reason
///   propose_session      relationshipId, startsAt (a date) or startsAtUnix,
///                        plannedMinutes, mode, place
///   accept_session       sessionId, relationshipId [, startsAtUnix for the words]
///   cancel_session       sessionId, relationshipId, reason [, startsAtUnix]
///   reschedule_session   sessionId, relationshipId, startsAt or startsAtUnix, reason
///   raise_concern        relationshipId, description
///   acknowledge_concern  concernId, actionTaken [, relationshipId]
/// A payload may carry `idempotencyKey`: the key of a write sent before
/// whose answer was lost, sent again as it is.
///
/// Also keeps drafts: what a person has typed in a form and not saved yet,
/// per account and server, committed at once (saveDraft()).
///
/// The rows are the signed-in person's entries for the server they are
/// signed in to, oldest first. One per app, owned by C++ like Session.
class SyncQueue : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// The SQLite file; by default `outbox.sqlite` in the app's data folder.
    Q_PROPERTY(
        QString databasePath READ databasePath WRITE setDatabasePath NOTIFY databasePathChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Entries still to be sent.
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY countChanged)
    /// Entries the server refused, waiting for the person.
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY countChanged)
    /// True while an entry is on its way to the server.
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
    /// Why the last try did not reach the server; empty after a success.
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum RoleNames {
        KeyRole = Qt::UserRole + 1,
        KindRole,
        RelationshipIdRole,
        SummaryRole,
        StateRole,
        RefusedRole,
        AttemptsRole,
        LastErrorRole,
        CreatedLabelRole,
        StatusLabelRole,
        /// What the entry does, from the person's side: "you agreed to the contract".
        DescriptionRole,
        /// The app has a form to correct this kind of entry.
        EditableRole,
    };
    Q_ENUM(RoleNames)

    /// How long to wait before trying again after the n-th failure in a
    /// row: 2 s, 4 s, 8 s … at most a minute.
    static int retryDelayMs(int failures);
    /// Every kind the queue can send.
    static QStringList kinds();

    static SyncQueue *instance();
    static SyncQueue *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString databasePath() const;
    /// Closes the current file; the next use opens the one at `path`.
    void setDatabasePath(const QString &path);
    int count() const;
    int waitingCount() const;
    int refusedCount() const;
    bool syncing() const;
    QString lastError() const;

    /// Stores a write of `kind` (see the class comment) for the signed-in
    /// person and starts sending it. Makes the idempotency key (32 hex
    /// digits) unless the payload carries one. Returns the key; empty (and
    /// errorOccurred) if it could not be stored. `summary` is the line the
    /// list shows; empty for one made from the kind.
    Q_INVOKABLE QString enqueueWrite(
        const QString &kind, const QVariantMap &payload, const QString &summary);
    /// Stores a session record (enqueueWrite() of "record_session").
    QString enqueue(SessionRecord record, const QString &summary);
    /// enqueue() for QML: `record` has SessionRecord's fields by name
    /// (`startedAt` a date, `themes` a list; `idempotencyKey` optional).
    Q_INVOKABLE QString enqueueRecord(const QVariantMap &record, const QString &summary);
    /// Replaces what a queued (usually refused) record will send, keeping
    /// its key, and sends it again.
    bool replace(const QString &key, const SessionRecord &record, const QString &summary);
    /// Replaces what a queued write of any kind will send, keeping its key
    /// and kind, and sends it again. False if it is on its way just now.
    Q_INVOKABLE bool replaceWrite(
        const QString &key, const QVariantMap &payload, const QString &summary);
    /// For forms in C++: enqueueWrite(), or replaceWrite() of the queued
    /// entry `key` (a refused change being corrected) when one is given.
    /// Returns the key; empty, with `error` saying why, when nothing could
    /// be kept.
    QString keep(const QString &kind, const QVariantMap &payload, const QString &summary,
        QString *error, const QString &key = {});
    /// The record an entry holds, as a map of SessionRecord's fields.
    Q_INVOKABLE QVariantMap recordOf(const QString &key) const;
    /// What an entry will send, as a map (dates as `startsAt`); empty if none.
    Q_INVOKABLE QVariantMap payloadOf(const QString &key) const;
    /// An entry's kind; empty if there is no such entry.
    Q_INVOKABLE QString kindOf(const QString &key) const;
    Q_INVOKABLE QVariant get(int row) const;
    Q_INVOKABLE bool contains(const QString &key) const;
    /// The signed-in person's entries about one relationship, oldest first.
    QList<OutboxEntry> entriesOf(qint64 relationshipId) const;
    /// How many of them there are (waiting or refused).
    Q_INVOKABLE int countFor(double relationshipId) const;

    /// Calls `handler` once, on the GUI thread, with how the entry `key`
    /// comes out next: written, refused, or deferred (the server could not
    /// be reached; it is sent later, and written or refused then without
    /// calling `handler`). Dropped if `context` goes first or the entry is
    /// discarded.
    void watch(const QString &key, QObject *context,
        const std::function<void(const WriteOutcome &)> &handler);

    /// Tries every waiting entry now (and the connection at once).
    Q_INVOKABLE void syncNow();
    /// Queues a refused entry again as it is (after the cause was fixed
    /// elsewhere, e.g. the contract was reviewed).
    Q_INVOKABLE void retry(const QString &key);
    /// Drops an entry for good; it never reaches the server.
    Q_INVOKABLE void discard(const QString &key);
    /// Closes the file and reads it again, as a restart of the app would.
    Q_INVOKABLE void reopen();

    /// Keeps what is typed in the form `name` (e.g. "end_relationship:12")
    /// for the signed-in person on this server, committed at once; false
    /// (and errorOccurred) if it could not be kept.
    Q_INVOKABLE bool saveDraft(const QString &name, const QVariantMap &fields);
    /// The draft `name`; empty if there is none.
    Q_INVOKABLE QVariantMap draft(const QString &name);
    /// When the draft `name` was kept; invalid if there is none.
    Q_INVOKABLE QDateTime draftSavedAt(const QString &name);
    Q_INVOKABLE void clearDraft(const QString &name);

    /// The last relationships list loaded, kept for offline use.
    void cacheRelationships(const QVariantList &rows);
    /// The cached list (empty if none) and when it was saved.
    std::pair<QVariantList, QDateTime> cachedRelationships();

    /// What a write does, from its author's side, in words: "you agreed
    /// to the contract", "you proposed a session on Tue 3 Mar 2026 at 10:00".
    static QString describe(const QString &kind, const QJsonObject &payload);
    static QJsonObject toJson(const SessionRecord &record);
    static SessionRecord recordFromJson(const QJsonObject &json);

Q_SIGNALS:
    void databasePathChanged();
    void countChanged();
    void syncingChanged();
    void lastErrorChanged();
    /// The entries changed (added, sent, refused, removed).
    void entriesChanged();
    /// An entry reached the server and left the queue.
    void synced(const QString &key, const QString &summary, bool replayed, const QString &kind,
        double relationshipId);
    /// The server refused an entry; it stays, with `message`.
    void refused(
        const QString &key, const QString &message, const QString &kind, double relationshipId);
    /// Something about the queue itself failed (e.g. the file).
    void errorOccurred(const QString &message);
    /// What the server answered a write with (C++ models keep up with it).
    void relationshipWritten(const QString &key, const RelationshipInfo &relationship);
    void sessionWritten(const QString &key, const SessionInfo &session);
    void concernWritten(const QString &key, const ConcernInfo &concern);

private:
    struct Watcher {
        QPointer<QObject> context;
        std::function<void(const WriteOutcome &)> handler;
    };

    explicit SyncQueue(QObject *parent = nullptr);

    bool ensureOpen();
    /// Reads the signed-in person's entries again.
    void reloadRows();
    void sendNext();
    /// Sends one entry through the backend method of its kind.
    void send(RelationshipBackend &relationships, SafeguardingBackend &safeguarding,
        const OutboxEntry &entry);
    void handleAnswer(const QString &key, const Result<WriteOutcome> &result);
    void scheduleRetry();
    void finishSending();
    void setSyncing(bool syncing);
    void setLastError(const QString &message);
    /// Calls (and forgets) the watchers of `key`.
    void notify(const QString &key, const WriteOutcome &outcome);
    /// Calls (and forgets) every watcher: nothing can be sent just now.
    void notifyAllDeferred(const QString &message);
    QString store(const QString &kind, QJsonObject payload, const QString &summary);
    qint64 accountId() const;
    QString server() const;

    OutboxStore m_store;
    QString m_databasePath;
    QList<OutboxEntry> m_rows;
    QString m_sendingKey;
    QPointer<Connection> m_sendingConnection;
    QMetaObject::Connection m_connectionGone;
    bool m_syncing = false;
    QString m_lastError;
    int m_failures = 0;
    QTimer m_retryTimer;
    QHash<QString, QList<Watcher>> m_watchers;
};
