#pragma once

#include "common/connection.h"
#include "common/result.h"
#include "sync/outbox_store.h"
#include "sync/write_kinds.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

#include <functional>

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
/// What each kind of write is, how it is sent and worded: WriteKinds. Their
/// payload fields (all ids numbers; `relationshipId` on every kind that has
/// one, so that rows can say which relationship):
///   RecordSession        SessionRecord's fields (WriteCodec::fromRecord())
///   SetContractTerms     relationshipId, numberOfSessions, sessionMinutes,
///                        regularity, plannedEndOn, reviewCadence
///   AgreeContract        relationshipId, confidentialityAcknowledged,
///                        ethicsAcknowledged, lineManagerTold
///   ReviewContract       relationshipId, numberOfSessions, plannedEndOn, reason
///   CompleteRelationship relationshipId
///   EndRelationship      relationshipId, reason
///   ProposeSession       relationshipId, startsAt (a date) or startsAtUnix,
///                        plannedMinutes, mode, place
///   AcceptSession        sessionId, relationshipId [, startsAtUnix for the words]
///   CancelSession        sessionId, relationshipId, reason [, startsAtUnix]
///   RescheduleSession    sessionId, relationshipId, startsAt or startsAtUnix, reason
///   RaiseConcern         relationshipId, description
///   AcknowledgeConcern   concernId, actionTaken [, relationshipId]
///   AddGoal              relationshipId, what, measure, targetOn, themes, startingRating
///   RewordGoal           goalId, relationshipId, what, measure, targetOn, themes
///   CloseGoal            goalId, relationshipId, state ("achieved"/"dropped"), reason
///   RequestReview        relationshipId
///   SubmitReview         relationshipId, ratings [{goalId, rating}], helped, next
///   CommentOnReview      reviewId, relationshipId, comment
///   SubmitEvaluation     relationshipId, version, goals [{goalId, rating, outcome}],
///                        answers [{question, choice, text, shareWithProgramme}]
///   SubmitFollowUp       relationshipId, rating, answer, shareWithProgramme
///   SaveEvaluationQuestions organisationId, kind, audience,
///                        questions [{type, wording, required, options}]
/// A payload may carry `idempotencyKey`: the key of a write sent before
/// whose answer was lost, sent again as it is.
///
/// The queue owns the device's outbox file (OutboxStore), where Drafts
/// keeps drafts too. The rows are the signed-in person's entries for the
/// server they are signed in to, oldest first. One per app, owned by C++
/// like Session.
class SyncQueue : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// The SQLite file; by default `outbox.sqlite` in the app's data folder.
    Q_PROPERTY(
        QString databasePath READ databasePath WRITE setDatabasePath NOTIFY databasePathChanged)
    /// Whether the device key is kept in the platform keychain where one
    /// answers (the default), or always in the key file beside the outbox
    /// (tests, which must not depend on a desktop's keychain; false from
    /// the start in QStandardPaths' test mode).
    Q_PROPERTY(bool useKeychain READ useKeychain WRITE setUseKeychain NOTIFY useKeychainChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Entries still to be sent.
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY countChanged)
    /// Entries the server refused (or that can't be read on this device),
    /// waiting for the person.
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY countChanged)
    /// True while an entry is on its way to the server.
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
    /// Why the last try did not reach the server; empty after a success.
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum RoleNames {
        KeyRole = Qt::UserRole + 1,
        /// A WriteKind, or WriteKind::kUnknown.
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
        /// False when its content can't be read on this device (the key is
        /// gone): it is never sent, and `lastError` says so in plain words.
        ReadableRole,
    };
    Q_ENUM(RoleNames)

    /// How long to wait before trying again after the n-th failure in a
    /// row: 2 s, 4 s, 8 s … at most a minute.
    static int retryDelayMs(int failures);

    static SyncQueue *instance();
    static SyncQueue *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString databasePath() const;
    /// Closes the current file; the next use opens the one at `path`.
    void setDatabasePath(const QString &path);
    bool useKeychain() const;
    /// Closes the current file; the next use reads the key as told.
    void setUseKeychain(bool useKeychain);
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
        WriteKind::Kind kind, const QVariantMap &payload, const QString &summary);
    /// Stores a session record (enqueueWrite() of RecordSession).
    QString enqueue(const SessionRecord &record, const QString &summary);
    /// Replaces what a queued write will send, keeping its key and kind, and
    /// sends it again. False if it is on its way just now.
    Q_INVOKABLE bool replaceWrite(
        const QString &key, const QVariantMap &payload, const QString &summary);
    /// For forms in C++: enqueueWrite(), or replaceWrite() of the queued
    /// entry `key` (a refused change being corrected) when one is given.
    /// Returns the key; empty, with `error` saying why, when nothing could
    /// be kept.
    QString keep(WriteKind::Kind kind, const QVariantMap &payload, const QString &summary,
        QString *error, const QString &key = {});
    /// The record an entry holds, as a map of SessionRecord's fields.
    Q_INVOKABLE QVariantMap recordOf(const QString &key) const;
    /// What an entry will send, as a map (dates as `startsAt`); empty if none.
    Q_INVOKABLE QVariantMap payloadOf(const QString &key) const;
    /// An entry's kind (a WriteKind); WriteKind::kUnknown if there is no
    /// such entry or this version does not know its kind.
    Q_INVOKABLE int kindOf(const QString &key) const;
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
    /// Removes everything the signed-in person keeps on this device for
    /// this server, entries and drafts, before signing out; none of it
    /// reaches the server. False if the file could not be changed.
    Q_INVOKABLE bool removeSignedInContent();
    /// Closes the file and reads it again, as a restart of the app would.
    Q_INVOKABLE void reopen();

    /// The last relationships list loaded, kept for offline use.
    void cacheRelationships(const QVariantList &rows);
    /// The cached list (empty if none) and when it was saved.
    std::pair<QVariantList, QDateTime> cachedRelationships();

    /// The outbox file, opened if need be (for Drafts); null if it can't be.
    OutboxStore *openStore();
    /// Whose content is on show: the signed-in person (0 when signed out)
    /// and the server they are signed in to.
    qint64 accountId() const;
    QString server() const;

Q_SIGNALS:
    void databasePathChanged();
    void useKeychainChanged();
    void countChanged();
    void syncingChanged();
    void lastErrorChanged();
    /// The entries changed (added, sent, refused, removed).
    void entriesChanged();
    /// An entry reached the server and left the queue. `kind` is a WriteKind.
    void synced(
        const QString &key, const QString &summary, bool replayed, int kind, double relationshipId);
    /// The server refused an entry; it stays, with `message`.
    void refused(const QString &key, const QString &message, int kind, double relationshipId);
    /// Something about the queue itself failed (e.g. the file).
    void errorOccurred(const QString &message);
    /// What the server answered a write with (C++ models keep up with it).
    void relationshipWritten(const QString &key, const RelationshipInfo &relationship);
    void sessionWritten(const QString &key, const SessionInfo &session);
    void concernWritten(const QString &key, const ConcernInfo &concern);
    void goalPlanWritten(const QString &key, const GoalPlanInfo &plan);
    void questionsWritten(const QString &key, const QuestionSetInfo &questions);

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
    void handleAnswer(const QString &key, const Result<WriteOutcome> &result);
    void scheduleRetry();
    void finishSending();
    void setSyncing(bool syncing);
    void setLastError(const QString &message);
    /// Calls (and forgets) the watchers of `key`.
    void notify(const QString &key, const WriteOutcome &outcome);
    /// Calls (and forgets) every watcher: nothing can be sent just now.
    void notifyAllDeferred(const QString &message);
    QString store(const WriteKindInfo &kind, QJsonObject payload, const QString &summary);
    const OutboxEntry *rowOf(const QString &key) const;

    OutboxStore m_store;
    QString m_databasePath;
    bool m_useKeychain;
    /// True while the file (and its key) is being opened: the keychain may
    /// run the event loop meanwhile, and nothing may open it twice.
    bool m_opening = false;
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
