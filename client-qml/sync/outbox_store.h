#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class DeviceCipher;
class QSqlQuery;

/// One write kept on the device until the server has answered it.
struct OutboxEntry {
    QString key; ///< the idempotency key, sent with every try
    QString kind; ///< the kind's stored name: "record_session", … (WriteKinds)
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
    /// False when its content was sealed under a key this device no longer
    /// has: `payload` and `summary` are empty, `state` is "refused", and it is
    /// never sent (it stays until the person discards it).
    bool readable = true;
};

/// The on-device queue of writes, in one SQLite file (Qt SQL, "QSQLITE").
/// Every change is committed before the call returns, so a write survives
/// the app being killed the moment after. Also keeps the last list of the
/// person's relationships, so that a session can be recorded with no signal,
/// and drafts: what a person has typed in a form and not yet saved, per
/// account and server. GUI thread only.
///
/// What people typed never sits in the file readable: each entry's payload
/// and summary, each draft's fields and the cached relationships are
/// sealed (DeviceCipher) under the device's key (DeviceKey, in the keychain
/// or in `<name>.key` beside the file), each bound to its row, and opened as
/// they are read. A file of an earlier version, with such content in plain
/// text, is sealed as it opens.
class OutboxStore {
public:
    OutboxStore();
    ~OutboxStore();
    OutboxStore(const OutboxStore &) = delete;
    OutboxStore &operator=(const OutboxStore &) = delete;

    /// Opens (creating if needed) the file at `path`, its tables and the
    /// device key (from the keychain first when `useKeychain`); false with
    /// `error` set when it cannot.
    bool open(const QString &path, bool useKeychain, QString *error);
    void close();
    bool isOpen() const;
    QString path() const;
    /// Where the device key file for the outbox at `path` goes: beside it,
    /// "outbox.key" for "outbox.sqlite".
    static QString keyFilePath(const QString &path);

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
    /// Removes every entry and draft of an account on a server (signing out).
    bool removeAllOf(qint64 accountId, const QString &server);

    /// The last relationships list loaded for an account on a server (JSON).
    bool saveRelationships(
        qint64 accountId, const QString &server, const QByteArray &json, const QDateTime &at);
    /// The cached list and when it was saved; empty if none.
    std::pair<QByteArray, QDateTime> relationships(qint64 accountId, const QString &server) const;

    /// Keeps (replacing) the draft `name` of an account on a server.
    bool saveDraft(qint64 accountId, const QString &server, const QString &name,
        const QJsonObject &fields, const QDateTime &at, QString *error);
    /// The draft `name` and when it was saved; nothing if there is none, or
    /// if it cannot be read on this device any more.
    std::optional<std::pair<QJsonObject, QDateTime>> draft(
        qint64 accountId, const QString &server, const QString &name) const;
    bool removeDraft(qint64 accountId, const QString &server, const QString &name);
    /// How many drafts an account keeps on a server (readable or not).
    int draftCount(qint64 accountId, const QString &server) const;

private:
    bool exec(const QString &statement, QString *error) const;
    /// Seals what an earlier version kept in plain text.
    bool sealPlainRows(QString *error);
    QString sealEntry(const OutboxEntry &entry, const char *field, const QByteArray &text) const;
    std::optional<QByteArray> openEntry(
        const OutboxEntry &entry, const char *field, const QString &stored) const;
    OutboxEntry entryFrom(const QSqlQuery &query) const;

    QString m_connectionName;
    QString m_path;
    std::unique_ptr<DeviceCipher> m_cipher;
};
