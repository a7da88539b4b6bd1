#include "sync/outbox_store.h"

#include "sync/device_cipher.h"
#include "sync/device_key.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

/// Version 4 of the file: version 2 (version 1 plus `drafts`) with entries'
/// payloads and summaries and drafts' fields sealed (3), and the cached
/// relationships too (4). Every statement is idempotent, so an older file is
/// brought up to date by running them and sealing what it holds in plain
/// text (OutboxStore::sealPlainRows). A later version migrates from
/// `user_version`.
constexpr int kSchemaVersion = 4;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS outbox ("
    " key TEXT PRIMARY KEY,"
    " kind TEXT NOT NULL,"
    " account_id INTEGER NOT NULL,"
    " server TEXT NOT NULL,"
    " relationship_id INTEGER NOT NULL DEFAULT 0,"
    " summary TEXT," // sealed
    " payload TEXT NOT NULL," // sealed
    " created_at INTEGER NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " last_attempt_at INTEGER NOT NULL DEFAULT 0,"
    " state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'refused')),"
    " last_error TEXT)", // NULL (a null QString) while there is none
    "CREATE INDEX IF NOT EXISTS outbox_by_owner ON outbox (account_id, server, created_at)",
    "CREATE TABLE IF NOT EXISTS relationship_cache ("
    " account_id INTEGER NOT NULL,"
    " server TEXT NOT NULL,"
    " saved_at INTEGER NOT NULL,"
    " json TEXT NOT NULL," // sealed
    " PRIMARY KEY (account_id, server))",
    // A list cached in plain text by an earlier version: only a cache, read
    // again at the next load, so it goes rather than being sealed.
    "DELETE FROM relationship_cache WHERE json NOT LIKE 'sealed:%'",
    "CREATE TABLE IF NOT EXISTS drafts ("
    " account_id INTEGER NOT NULL,"
    " server TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " saved_at INTEGER NOT NULL,"
    " fields TEXT NOT NULL," // sealed
    " PRIMARY KEY (account_id, server, name))",
};

constexpr auto kPayload = "payload";
constexpr auto kSummary = "summary";

QDateTime fromUnix(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

/// What a sealed value of an entry is bound to: the field and the row (its
/// key, kind and owner), so that it opens nowhere else.
QByteArray entryContext(const char *field, const QString &key, const QString &kind,
    qint64 accountId, const QString &server)
{
    return QStringLiteral("outbox:%1:%2:%3:%4:%5")
        .arg(QLatin1String(field), key, kind)
        .arg(accountId)
        .arg(server)
        .toUtf8();
}

QByteArray draftContext(qint64 accountId, const QString &server, const QString &name)
{
    return QStringLiteral("draft:%1:%2:%3").arg(accountId).arg(server, name).toUtf8();
}

QByteArray relationshipsContext(qint64 accountId, const QString &server)
{
    return QStringLiteral("relationships:%1:%2").arg(accountId).arg(server).toUtf8();
}

/// Sealed, by this version or a later one (whose values this one cannot
/// open, rather than taking them for plain text).
bool isSealedText(const QString &stored)
{
    return stored.startsWith(QLatin1String("sealed:"));
}

constexpr auto kColumns = "key, kind, account_id, server, relationship_id, summary, payload, "
                          "created_at, attempts, last_attempt_at, state, last_error";

} // namespace

OutboxStore::OutboxStore()
    : m_connectionName(QStringLiteral("tandem-outbox-%1").arg(reinterpret_cast<quintptr>(this)))
{ }

OutboxStore::~OutboxStore()
{
    close();
}

QString OutboxStore::keyFilePath(const QString &path)
{
    const QFileInfo file(path);
    return file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral(".key"));
}

bool OutboxStore::open(const QString &path, bool useKeychain, QString *error)
{
    close();
    const QFileInfo file(path);
    if (!QDir().mkpath(file.absolutePath())) {
        *error = QStringLiteral("Cannot create the folder %1.").arg(file.absolutePath());
        return false;
    }
    // The key first: no file is opened that could not be sealed.
    const std::optional<DeviceKey> key
        = DeviceKey::loadOrCreate(keyFilePath(path), useKeychain, error);
    if (!key) {
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(file.absoluteFilePath());
        if (!db.open()) {
            *error = db.lastError().text();
        }
    }
    if (!QSqlDatabase::database(m_connectionName, false).isOpen()) {
        if (error->isEmpty()) {
            *error = QStringLiteral("The SQLite driver is not available.");
        }
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    }
    m_path = file.absoluteFilePath();
    m_cipher = std::make_unique<DeviceCipher>(key->bytes());
    // Durable at every commit; deleted or replaced rows (sent notes, plain
    // text sealed on upgrade) are overwritten in the file, not left behind in
    // free pages.
    const bool ready = exec(QStringLiteral("PRAGMA synchronous = FULL"), error)
        && exec(QStringLiteral("PRAGMA secure_delete = ON"), error);
    bool created = ready;
    for (const char *statement : kSchema) {
        created = created && exec(QString::fromLatin1(statement), error);
    }
    if (!created || !sealPlainRows(error)
        || !exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion), error)) {
        close();
        return false;
    }
    return true;
}

void OutboxStore::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_path.clear();
    m_cipher.reset();
}

bool OutboxStore::isOpen() const
{
    return m_cipher && QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString OutboxStore::path() const
{
    return m_path;
}

bool OutboxStore::exec(const QString &statement, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(statement)) {
        if (error) {
            *error = query.lastError().text();
        }
        return false;
    }
    return true;
}

QString OutboxStore::sealEntry(
    const OutboxEntry &entry, const char *field, const QByteArray &text) const
{
    return m_cipher->seal(
        text, entryContext(field, entry.key, entry.kind, entry.accountId, entry.server));
}

std::optional<QByteArray> OutboxStore::openEntry(
    const OutboxEntry &entry, const char *field, const QString &stored) const
{
    if (!isSealedText(stored)) {
        // Only from an earlier version, between its write and our next open.
        return stored.toUtf8();
    }
    return m_cipher->open(
        stored, entryContext(field, entry.key, entry.kind, entry.accountId, entry.server));
}

bool OutboxStore::sealPlainRows(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    struct Plain {
        OutboxEntry entry;
        QString payload;
        QVariant summary;
    };
    QList<Plain> entries;
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT key, kind, account_id, server, payload, summary "
                                       "FROM outbox WHERE payload NOT LIKE 'sealed:%' OR "
                                       "(summary IS NOT NULL AND summary NOT LIKE 'sealed:%')"))) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            Plain plain;
            plain.entry.key = query.value(0).toString();
            plain.entry.kind = query.value(1).toString();
            plain.entry.accountId = query.value(2).toLongLong();
            plain.entry.server = query.value(3).toString();
            plain.payload = query.value(4).toString();
            plain.summary = query.value(5);
            entries.append(plain);
        }
    }
    struct PlainDraft {
        qint64 accountId;
        QString server;
        QString name;
        QString fields;
    };
    QList<PlainDraft> drafts;
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT account_id, server, name, fields FROM drafts "
                                       "WHERE fields NOT LIKE 'sealed:%'"))) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            drafts.append({query.value(0).toLongLong(), query.value(1).toString(),
                query.value(2).toString(), query.value(3).toString()});
        }
    }
    if (entries.isEmpty() && drafts.isEmpty()) {
        return true;
    }
    // All at once or not at all.
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    bool sealed = true;
    for (const Plain &plain : entries) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE outbox SET payload = ?, summary = ? WHERE key = ?"));
        query.addBindValue(isSealedText(plain.payload)
                ? plain.payload
                : sealEntry(plain.entry, kPayload, plain.payload.toUtf8()));
        const QString summary = plain.summary.toString();
        query.addBindValue(plain.summary.isNull() || isSealedText(summary)
                ? plain.summary
                : QVariant(sealEntry(plain.entry, kSummary, summary.toUtf8())));
        query.addBindValue(plain.entry.key);
        sealed = sealed && query.exec();
    }
    for (const PlainDraft &draft : drafts) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "UPDATE drafts SET fields = ? WHERE account_id = ? AND server = ? AND name = ?"));
        query.addBindValue(m_cipher->seal(
            draft.fields.toUtf8(), draftContext(draft.accountId, draft.server, draft.name)));
        query.addBindValue(draft.accountId);
        query.addBindValue(draft.server);
        query.addBindValue(draft.name);
        sealed = sealed && query.exec();
    }
    if (!sealed || !db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

OutboxEntry OutboxStore::entryFrom(const QSqlQuery &query) const
{
    OutboxEntry entry;
    entry.key = query.value(0).toString();
    entry.kind = query.value(1).toString();
    entry.accountId = query.value(2).toLongLong();
    entry.server = query.value(3).toString();
    entry.relationshipId = query.value(4).toLongLong();
    entry.createdAt = fromUnix(query.value(7).toLongLong());
    entry.attempts = query.value(8).toInt();
    entry.lastAttemptAt = fromUnix(query.value(9).toLongLong());
    entry.state = query.value(10).toString();
    entry.lastError = query.value(11).toString();
    const std::optional<QByteArray> payload = openEntry(entry, kPayload, query.value(6).toString());
    const QVariant summary = query.value(5);
    const std::optional<QByteArray> said = summary.isNull()
        ? std::optional<QByteArray>(QByteArray())
        : openEntry(entry, kSummary, summary.toString());
    if (!payload || !said) {
        // Sealed under a key this device no longer has: kept, shown, never sent.
        entry.readable = false;
        entry.state = QStringLiteral("refused");
        return entry;
    }
    entry.payload = QJsonDocument::fromJson(*payload).object();
    entry.summary = QString::fromUtf8(*said);
    return entry;
}

bool OutboxStore::add(const OutboxEntry &entry, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT INTO outbox (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?)")
                      .arg(QLatin1String(kColumns)));
    query.addBindValue(entry.key);
    query.addBindValue(entry.kind);
    query.addBindValue(entry.accountId);
    query.addBindValue(entry.server);
    query.addBindValue(entry.relationshipId);
    query.addBindValue(sealEntry(entry, kSummary, entry.summary.toUtf8()));
    query.addBindValue(sealEntry(entry, kPayload, compact(entry.payload)));
    query.addBindValue(entry.createdAt.toSecsSinceEpoch());
    query.addBindValue(entry.attempts);
    query.addBindValue(entry.lastAttemptAt.isValid() ? entry.lastAttemptAt.toSecsSinceEpoch() : 0);
    query.addBindValue(entry.state);
    query.addBindValue(entry.lastError);
    if (!query.exec()) {
        if (error) {
            *error = query.lastError().text();
        }
        return false;
    }
    return true;
}

QList<OutboxEntry> OutboxStore::entriesFor(qint64 accountId, const QString &server) const
{
    QList<OutboxEntry> entries;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE account_id = ? AND server = ? "
                                 "ORDER BY created_at, rowid")
                      .arg(QLatin1String(kColumns)));
    query.addBindValue(accountId);
    query.addBindValue(server);
    if (query.exec()) {
        while (query.next()) {
            entries.append(entryFrom(query));
        }
    }
    return entries;
}

std::optional<OutboxEntry> OutboxStore::find(const QString &key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT %1 FROM outbox WHERE key = ?").arg(QLatin1String(kColumns)));
    query.addBindValue(key);
    if (query.exec() && query.next()) {
        return entryFrom(query);
    }
    return std::nullopt;
}

bool OutboxStore::countAttempt(const QString &key, const QDateTime &at)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE key = ?"));
    query.addBindValue(at.toSecsSinceEpoch());
    query.addBindValue(key);
    return query.exec();
}

bool OutboxStore::setOutcome(const QString &key, const QString &state, const QString &lastError)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE outbox SET state = ?, last_error = ? WHERE key = ?"));
    query.addBindValue(state);
    query.addBindValue(lastError);
    query.addBindValue(key);
    return query.exec();
}

bool OutboxStore::replacePayload(
    const QString &key, const QJsonObject &payload, const QString &summary)
{
    // Sealed under the row it replaces the payload of.
    const std::optional<OutboxEntry> entry = find(key);
    if (!entry) {
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE outbox SET payload = ?, summary = ?, state = 'waiting', "
                                 "last_error = '' WHERE key = ?"));
    query.addBindValue(sealEntry(*entry, kPayload, compact(payload)));
    query.addBindValue(sealEntry(*entry, kSummary, summary.toUtf8()));
    query.addBindValue(key);
    return query.exec() && query.numRowsAffected() == 1;
}

bool OutboxStore::remove(const QString &key)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE key = ?"));
    query.addBindValue(key);
    return query.exec();
}

bool OutboxStore::removeAllOf(qint64 accountId, const QString &server)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        return false;
    }
    bool removed = true;
    for (const QString &table : {QStringLiteral("outbox"), QStringLiteral("drafts")}) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("DELETE FROM %1 WHERE account_id = ? AND server = ?").arg(table));
        query.addBindValue(accountId);
        query.addBindValue(server);
        removed = removed && query.exec();
    }
    if (!removed || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

bool OutboxStore::saveRelationships(
    qint64 accountId, const QString &server, const QByteArray &json, const QDateTime &at)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO relationship_cache (account_id, server, "
                                 "saved_at, json) VALUES (?, ?, ?, ?)"));
    query.addBindValue(accountId);
    query.addBindValue(server);
    query.addBindValue(at.toSecsSinceEpoch());
    // Names, contracts and their history: as private as what is typed.
    query.addBindValue(m_cipher->seal(json, relationshipsContext(accountId, server)));
    return query.exec();
}

std::pair<QByteArray, QDateTime> OutboxStore::relationships(
    qint64 accountId, const QString &server) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "SELECT json, saved_at FROM relationship_cache WHERE account_id = ? AND server = ?"));
    query.addBindValue(accountId);
    query.addBindValue(server);
    if (!query.exec() || !query.next()) {
        return {};
    }
    // Nothing when it was sealed under another key: the next load replaces it.
    const std::optional<QByteArray> json
        = m_cipher->open(query.value(0).toString(), relationshipsContext(accountId, server));
    if (!json) {
        return {};
    }
    return {*json, fromUnix(query.value(1).toLongLong())};
}

bool OutboxStore::saveDraft(qint64 accountId, const QString &server, const QString &name,
    const QJsonObject &fields, const QDateTime &at, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (account_id, server, name, "
                                 "saved_at, fields) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(accountId);
    query.addBindValue(server);
    query.addBindValue(name);
    query.addBindValue(at.toSecsSinceEpoch());
    query.addBindValue(m_cipher->seal(compact(fields), draftContext(accountId, server, name)));
    if (!query.exec()) {
        if (error) {
            *error = query.lastError().text();
        }
        return false;
    }
    return true;
}

std::optional<std::pair<QJsonObject, QDateTime>> OutboxStore::draft(
    qint64 accountId, const QString &server, const QString &name) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT fields, saved_at FROM drafts WHERE account_id = ? AND "
                                 "server = ? AND name = ?"));
    query.addBindValue(accountId);
    query.addBindValue(server);
    query.addBindValue(name);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    const QString stored = query.value(0).toString();
    const std::optional<QByteArray> fields = isSealedText(stored)
        ? m_cipher->open(stored, draftContext(accountId, server, name))
        : std::optional<QByteArray>(stored.toUtf8());
    if (!fields) {
        // Sealed under a lost key: the form starts afresh; the next save replaces it.
        return std::nullopt;
    }
    return std::make_pair(
        QJsonDocument::fromJson(*fields).object(), fromUnix(query.value(1).toLongLong()));
}

bool OutboxStore::removeDraft(qint64 accountId, const QString &server, const QString &name)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("DELETE FROM drafts WHERE account_id = ? AND server = ? AND name = ?"));
    query.addBindValue(accountId);
    query.addBindValue(server);
    query.addBindValue(name);
    return query.exec();
}

int OutboxStore::draftCount(qint64 accountId, const QString &server) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT COUNT(*) FROM drafts WHERE account_id = ? AND server = ?"));
    query.addBindValue(accountId);
    query.addBindValue(server);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}
