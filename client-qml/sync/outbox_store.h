#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// One write kept on the device until the server has answered it.
struct OutboxEntry {
    QString key; ///< the idempotency key, sent with every try
    QString kind; ///< what the write is: "record_session", "agree_contract", … (SyncQueue)
    qint64 accountId = 0; ///< whose write it is
    QString server; ///< the server address it is for
    qint64 relationshipId = 0;
    QString summary; ///< one line for the list: "Session with Amy Lee, Tue 3 Mar 14:00"
    QJsonObject payload; ///< the request's fields
    QDateTime createdAt;
    int attempts = 0;
    QDateTime lastAttemptAt; ///< invalid until the first try
    QString state = QStringLiteral("waiting"); ///< "waiting" or "refused"
    QString lastError; ///< the last failure, as a sentence; empty if none
};

/// The on-device queue of writes, in one SQLite file (Qt SQL, "QSQLITE").
/// Every change is committed before the call returns, so a write survives
/// the app being killed the moment after. Also keeps the last list of the
/// person's relationships, so that a session can be recorded with no signal,
/// and drafts: what a person has typed in a form and not yet saved, per
/// account and server. GUI thread only.
class OutboxStore {
public:
    OutboxStore();
    ~OutboxStore();
    OutboxStore(const OutboxStore &) = delete;
    OutboxStore &operator=(const OutboxStore &) = delete;

    /// Opens (creating if needed) the file at `path` and its tables; false
    /// with `error` set when it cannot.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    QString path() const;

    /// Adds an entry; false (with `error`) if it could not be stored, e.g.
    /// its key is already queued.
    bool add(const OutboxEntry &entry, QString *error);
    /// The entries of one account on one server, oldest first.
    QList<OutboxEntry> entriesFor(qint64 accountId, const QString &server) const;
    std::optional<OutboxEntry> find(const QString &key) const;
    /// Counts a try about to be made.
    bool countAttempt(const QString &key, const QDateTime &at);
    /// Records how the last try went: `state` "waiting" or "refused".
    bool setOutcome(const QString &key, const QString &state, const QString &lastError);
    /// Replaces what an entry will send (the key stays) and queues it again.
    bool replacePayload(const QString &key, const QJsonObject &payload, const QString &summary);
    bool remove(const QString &key);

    /// The last relationships list loaded for an account on a server (JSON).
    bool saveRelationships(
        qint64 accountId, const QString &server, const QByteArray &json, const QDateTime &at);
    /// The cached list and when it was saved; empty if none.
    std::pair<QByteArray, QDateTime> relationships(qint64 accountId, const QString &server) const;

    /// Keeps (replacing) the draft `name` of an account on a server.
    bool saveDraft(qint64 accountId, const QString &server, const QString &name,
        const QJsonObject &fields, const QDateTime &at, QString *error);
    /// The draft `name` and when it was saved; nothing if there is none.
    std::optional<std::pair<QJsonObject, QDateTime>> draft(
        qint64 accountId, const QString &server, const QString &name) const;
    bool removeDraft(qint64 accountId, const QString &server, const QString &name);

private:
    bool exec(const QString &statement, QString *error) const;

    QString m_connectionName;
    QString m_path;
};
