#include "sync/outbox_store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

/// Version 2 of the file: version 1 plus `drafts`. Every statement is
/// idempotent, so a version 1 file is brought up to date by running them.
/// A later version migrates from `user_version`.
constexpr int kSchemaVersion = 2;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS outbox ("
    " key TEXT PRIMARY KEY,"
    " kind TEXT NOT NULL,"
    " account_id INTEGER NOT NULL,"
    " server TEXT NOT NULL,"
    " relationship_id INTEGER NOT NULL DEFAULT 0,"
    " summary TEXT,"
    " payload TEXT NOT NULL,"
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
    " json TEXT NOT NULL,"
    " PRIMARY KEY (account_id, server))",
    "CREATE TABLE IF NOT EXISTS drafts ("
    " account_id INTEGER NOT NULL,"
    " server TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " saved_at INTEGER NOT NULL,"
    " fields TEXT NOT NULL,"
    " PRIMARY KEY (account_id, server, name))",
};

QDateTime fromUnix(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

OutboxEntry entryFrom(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.key = query.value(0).toString();
    entry.kind = query.value(1).toString();
    entry.accountId = query.value(2).toLongLong();
    entry.server = query.value(3).toString();
    entry.relationshipId = query.value(4).toLongLong();
    entry.summary = query.value(5).toString();
    entry.payload = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    entry.createdAt = fromUnix(query.value(7).toLongLong());
    entry.attempts = query.value(8).toInt();
    entry.lastAttemptAt = fromUnix(query.value(9).toLongLong());
    entry.state = query.value(10).toString();
    entry.lastError = query.value(11).toString();
    return entry;
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

bool OutboxStore::open(const QString &path, QString *error)
{
    close();
    const QFileInfo file(path);
    if (!QDir().mkpath(file.absolutePath())) {
        *error = QStringLiteral("Cannot create the folder %1.").arg(file.absolutePath());
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
    // Durable at every commit; deleted rows (sent private notes) are
    // overwritten in the file, not left behind in free pages.
    const bool ready = exec(QStringLiteral("PRAGMA synchronous = FULL"), error)
        && exec(QStringLiteral("PRAGMA secure_delete = ON"), error);
    bool created = ready;
    for (const char *statement : kSchema) {
        created = created && exec(QString::fromLatin1(statement), error);
    }
    if (!created || !exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion), error)) {
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
}

bool OutboxStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
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
    query.addBindValue(entry.summary);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(entry.payload).toJson(QJsonDocument::Compact)));
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
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE outbox SET payload = ?, summary = ?, state = 'waiting', "
                                 "last_error = '' WHERE key = ?"));
    query.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    query.addBindValue(summary);
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

bool OutboxStore::saveRelationships(
    qint64 accountId, const QString &server, const QByteArray &json, const QDateTime &at)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO relationship_cache (account_id, server, "
                                 "saved_at, json) VALUES (?, ?, ?, ?)"));
    query.addBindValue(accountId);
    query.addBindValue(server);
    query.addBindValue(at.toSecsSinceEpoch());
    query.addBindValue(QString::fromUtf8(json));
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
    if (query.exec() && query.next()) {
        return {query.value(0).toString().toUtf8(), fromUnix(query.value(1).toLongLong())};
    }
    return {};
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
    query.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
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
    if (query.exec() && query.next()) {
        return std::make_pair(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object(),
            fromUnix(query.value(1).toLongLong()));
    }
    return std::nullopt;
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
