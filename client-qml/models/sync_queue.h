#pragma once

#include "backend.h"
#include "outbox_store.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

/// Writes made with no connection, kept on the device until the server has
/// answered them (`SyncQueue` in QML). A session record is stored here
/// first, with an idempotency key made on the device, and only then sent;
/// it is sent again with the same key until the server answers, and leaves
/// the queue only when it has: recorded (or `replayed`, a retry of a record
/// already made, which is success too), or refused. A refusal (the server
/// says the record is not valid, or not allowed) is kept, with the
/// server's words, until the person edits, retries or discards it; nothing
/// is dropped silently.
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
    int count() const;
    int waitingCount() const;
    int refusedCount() const;
    bool syncing() const;
    QString lastError() const;

    /// Stores a session record for the signed-in person and starts sending
    /// it. Makes the idempotency key if the record has none. Returns the
    /// key; empty (and errorOccurred) if it could not be stored.
    QString enqueue(SessionRecord record, const QString &summary);
    /// enqueue() for QML: `record` has SessionRecord's fields by name
    /// (`startedAt` a date, `themes` a list; `idempotencyKey` optional).
    Q_INVOKABLE QString enqueueRecord(const QVariantMap &record, const QString &summary);
    /// Replaces what a queued (usually refused) record will send, keeping
    /// its key, and sends it again.
    bool replace(const QString &key, const SessionRecord &record, const QString &summary);
    /// The record an entry holds, as a map of SessionRecord's fields.
    Q_INVOKABLE QVariantMap recordOf(const QString &key) const;
    Q_INVOKABLE QVariant get(int row) const;
    Q_INVOKABLE bool contains(const QString &key) const;

    /// Tries every waiting entry now (and the connection at once).
    Q_INVOKABLE void syncNow();
    /// Queues a refused entry again as it is (after the cause was fixed
    /// elsewhere, e.g. the contract was reviewed).
    Q_INVOKABLE void retry(const QString &key);
    /// Drops an entry for good; it never reaches the server.
    Q_INVOKABLE void discard(const QString &key);
    /// Closes the file and reads it again, as a restart of the app would.
    Q_INVOKABLE void reopen();

    /// The last relationships list loaded, kept for offline use.
    void cacheRelationships(const QVariantList &rows);
    /// The cached list (empty if none) and when it was saved.
    std::pair<QVariantList, QDateTime> cachedRelationships();

    static QJsonObject toJson(const SessionRecord &record);
    static SessionRecord recordFromJson(const QJsonObject &json);

Q_SIGNALS:
    void databasePathChanged();
    void countChanged();
    void syncingChanged();
    void lastErrorChanged();
    /// An entry reached the server and left the queue.
    void synced(const QString &key, const QString &summary, bool replayed);
    /// The server refused an entry; it stays, with `message`.
    void refused(const QString &key, const QString &message);
    /// Something about the queue itself failed (e.g. the file).
    void errorOccurred(const QString &message);

private:
    explicit SyncQueue(QObject *parent = nullptr);

    bool ensureOpen();
    /// Reads the signed-in person's entries again.
    void reloadRows();
    void sendNext();
    void scheduleRetry();
    void finishSending();
    void setSyncing(bool syncing);
    void setLastError(const QString &message);
    qint64 accountId() const;
    QString server() const;

    OutboxStore m_store;
    QString m_databasePath;
    QList<OutboxEntry> m_rows;
    QString m_sendingKey;
    QPointer<Backend> m_sendingBackend;
    QMetaObject::Connection m_backendGone;
    bool m_syncing = false;
    QString m_lastError;
    int m_failures = 0;
    QTimer m_retryTimer;
};
