// SyncQueue, in two files: this one is the list and how writes are kept;
// sync_queue_sending.cpp sends them.
#include "common/date_words.h"
#include "sync/sync_queue.h"

#include "identity/session.h"
#include "sync/write_codec.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace {

/// The API's bounds on a client-made key (relationships.proto).
constexpr int kMinKeyLength = 16;
constexpr int kMaxKeyLength = 64;

QString capitalised(const QString &text)
{
    return text.left(1).toUpper() + text.mid(1);
}

} // namespace

SyncQueue *SyncQueue::instance()
{
    static QPointer<SyncQueue> queue;
    if (!queue) {
        queue = new SyncQueue(QCoreApplication::instance());
    }
    return queue;
}

SyncQueue *SyncQueue::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    Q_UNUSED(jsEngine)
    SyncQueue *queue = instance();
    QJSEngine::setObjectOwnership(queue, QJSEngine::CppOwnership);
    queue->reloadRows();
    return queue;
}

SyncQueue::SyncQueue(QObject *parent)
    : QAbstractListModel(parent)
    // Tests (QStandardPaths' test mode) keep away from the user's keychain
    // as they keep away from the user's files.
    , m_useKeychain(!QStandardPaths::isTestModeEnabled())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncQueue::sendNext);
    // A new sign-in shows that person's entries and sends what is waiting.
    connect(Session::instance(), &Session::signedInChanged, this, [this] {
        m_retryTimer.stop();
        m_failures = 0;
        m_watchers.clear(); // the forms waiting were the last person's
        reloadRows();
        sendNext();
    });
}

int SyncQueue::retryDelayMs(int failures)
{
    constexpr int kFirstMs = 2000;
    constexpr int kMostMs = 60000;
    const int doublings = std::clamp(failures - 1, 0, 10);
    return std::min(kMostMs, kFirstMs << doublings);
}

int SyncQueue::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SyncQueue::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size()) {
        return {};
    }
    const OutboxEntry &entry = m_rows.at(index.row());
    const bool refused = entry.state == QLatin1String("refused");
    const WriteKindInfo *kind = WriteKinds::byName(entry.kind);
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        // Sealed with the rest when the key is gone: the kind still says what it was.
        return entry.readable ? entry.summary
                              : capitalised(WriteKinds::describe(entry.kind, entry.payload));
    case KeyRole:
        return entry.key;
    case KindRole:
        return WriteKinds::valueOf(entry.kind);
    case RelationshipIdRole:
        return entry.relationshipId;
    case StateRole:
        return entry.state;
    case RefusedRole:
        return refused;
    case AttemptsRole:
        return entry.attempts;
    case LastErrorRole:
        if (!entry.readable) {
            return tr("This change can't be read on this device: the key that protected it is "
                      "no longer here, so it can't be sent. Discard it and make the change "
                      "again.");
        }
        return entry.lastError;
    case CreatedLabelRole:
        return tr("Saved %1 at %2")
            .arg(DateWords::weekday(entry.createdAt), DateWords::time(entry.createdAt));
    case StatusLabelRole:
        if (!entry.readable) {
            return tr("Can't be read on this device");
        }
        if (refused) {
            return tr("Not accepted by the server");
        }
        if (entry.key == m_sendingKey) {
            return tr("Sending…");
        }
        if (entry.attempts == 0) {
            return tr("Waiting to send");
        }
        return entry.attempts == 1 ? tr("Waiting to send (tried once)")
                                   : tr("Waiting to send (tried %1 times)").arg(entry.attempts);
    case DescriptionRole:
        return WriteKinds::describe(entry.kind, entry.payload);
    case EditableRole:
        return entry.readable && kind && kind->editable;
    case ReadableRole:
        return entry.readable;
    default:
        return {};
    }
}

QHash<int, QByteArray> SyncQueue::roleNames() const
{
    return {{KeyRole, "key"}, {KindRole, "kind"}, {RelationshipIdRole, "relationshipId"},
        {SummaryRole, "summary"}, {StateRole, "state"}, {RefusedRole, "refused"},
        {AttemptsRole, "attempts"}, {LastErrorRole, "lastError"},
        {CreatedLabelRole, "createdLabel"}, {StatusLabelRole, "statusLabel"},
        {DescriptionRole, "description"}, {EditableRole, "editable"}, {ReadableRole, "readable"}};
}

QString SyncQueue::databasePath() const
{
    return m_databasePath;
}

void SyncQueue::setDatabasePath(const QString &path)
{
    if (path == m_databasePath) {
        return;
    }
    m_store.close();
    m_databasePath = path;
    Q_EMIT databasePathChanged();
    reloadRows();
}

bool SyncQueue::useKeychain() const
{
    return m_useKeychain;
}

void SyncQueue::setUseKeychain(bool useKeychain)
{
    if (useKeychain == m_useKeychain) {
        return;
    }
    m_store.close();
    m_useKeychain = useKeychain;
    Q_EMIT useKeychainChanged();
    reloadRows();
}

int SyncQueue::count() const
{
    return rowCount();
}

int SyncQueue::waitingCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [](const OutboxEntry &e) { return e.state == QLatin1String("waiting"); }));
}

int SyncQueue::refusedCount() const
{
    return count() - waitingCount();
}

bool SyncQueue::syncing() const
{
    return m_syncing;
}

QString SyncQueue::lastError() const
{
    return m_lastError;
}

bool SyncQueue::ensureOpen()
{
    if (m_store.isOpen()) {
        return true;
    }
    if (m_opening) {
        return false;
    }
    if (m_databasePath.isEmpty()) {
        m_databasePath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/outbox.sqlite");
        Q_EMIT databasePathChanged();
    }
    m_opening = true;
    QString error;
    const bool opened = m_store.open(m_databasePath, m_useKeychain, &error);
    m_opening = false;
    if (!opened) {
        Q_EMIT errorOccurred(
            tr("Can't open the store for unsent changes on this device (%1).").arg(error));
        return false;
    }
    return true;
}

OutboxStore *SyncQueue::openStore()
{
    return ensureOpen() ? &m_store : nullptr;
}

qint64 SyncQueue::accountId() const
{
    return Session::instance()->signedIn() ? Session::instance()->accountId() : 0;
}

QString SyncQueue::server() const
{
    const Connection *connection = Session::instance()->connection();
    return connection ? connection->address() : Session::instance()->serverAddress();
}

void SyncQueue::reloadRows()
{
    QList<OutboxEntry> rows;
    if (accountId() > 0 && ensureOpen()) {
        rows = m_store.entriesFor(accountId(), server());
    }
    const auto sameKeys = [&] {
        return std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), m_rows.cend(),
            [](const OutboxEntry &a, const OutboxEntry &b) { return a.key == b.key; });
    };
    if (!rows.isEmpty() && sameKeys()) {
        // The same entries in a new state: changed in place, so that views
        // keep their delegates.
        m_rows = rows;
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
        Q_EMIT countChanged(); // waiting and refused counts
        Q_EMIT entriesChanged();
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT entriesChanged();
}

QString SyncQueue::store(const WriteKindInfo &kind, QJsonObject payload, const QString &summary)
{
    if (accountId() <= 0) {
        Q_EMIT errorOccurred(tr("Sign in to make changes."));
        return {};
    }
    if (WriteCodec::idOf(payload, kind.requiredId) <= 0) {
        // A bug in the form that made it: said plainly, without the field's name.
        Q_EMIT errorOccurred(tr("This change does not say what it is about, so it was not kept."));
        return {};
    }
    if (!ensureOpen()) {
        return {};
    }
    // A key given is the key of a write sent before whose answer was lost.
    QString key = payload.take(QStringLiteral("idempotencyKey")).toString();
    if (key.isEmpty()) {
        // 32 hex digits: random, unique per write, within the 16–64 the API allows.
        key = QUuid::createUuid().toString(QUuid::Id128);
    } else if (key.size() < kMinKeyLength || key.size() > kMaxKeyLength) {
        Q_EMIT errorOccurred(tr("An idempotency key has %1 to %2 characters.")
                                 .arg(kMinKeyLength)
                                 .arg(kMaxKeyLength));
        return {};
    }
    OutboxEntry entry;
    entry.key = key;
    entry.kind = QLatin1String(kind.name);
    entry.accountId = accountId();
    entry.server = server();
    entry.relationshipId = WriteCodec::idOf(payload, "relationshipId");
    entry.summary = summary.trimmed();
    if (entry.summary.isEmpty()) {
        entry.summary = capitalised(kind.describe(payload));
    }
    entry.payload = payload;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    QString error;
    // Stored (and committed) before anything is sent.
    if (!m_store.add(entry, &error)) {
        Q_EMIT errorOccurred(
            tr("Can't keep this change on the device (%1). It has not been sent.").arg(error));
        return {};
    }
    reloadRows();
    m_failures = 0;
    sendNext();
    return entry.key;
}

QString SyncQueue::enqueueWrite(
    WriteKind::Kind kind, const QVariantMap &payload, const QString &summary)
{
    if (static_cast<int>(kind) < 0 || static_cast<std::size_t>(kind) >= WriteKinds::all().size()) {
        Q_EMIT errorOccurred(tr("This version of the app cannot send that change."));
        return {};
    }
    const WriteKindInfo &info = WriteKinds::of(kind);
    return store(info, info.encode(payload), summary);
}

QString SyncQueue::enqueue(const SessionRecord &record, const QString &summary)
{
    QJsonObject payload = WriteCodec::fromRecord(record);
    if (!record.idempotencyKey.isEmpty()) {
        payload.insert(QStringLiteral("idempotencyKey"), record.idempotencyKey);
    }
    return store(WriteKinds::of(WriteKind::RecordSession), payload, summary);
}

bool SyncQueue::replaceWrite(const QString &key, const QVariantMap &payload, const QString &summary)
{
    const OutboxEntry *entry = rowOf(key);
    const WriteKindInfo *kind = entry ? WriteKinds::byName(entry->kind) : nullptr;
    if (!kind || !ensureOpen() || key == m_sendingKey) {
        return false;
    }
    QJsonObject json = kind->encode(payload);
    json.remove(QStringLiteral("idempotencyKey"));
    if (WriteCodec::idOf(json, kind->requiredId) <= 0) {
        return false;
    }
    QString said = summary.trimmed();
    if (said.isEmpty()) {
        said = capitalised(kind->describe(json));
    }
    if (!m_store.replacePayload(key, json, said)) {
        return false;
    }
    reloadRows();
    m_failures = 0;
    sendNext();
    return true;
}

QString SyncQueue::keep(WriteKind::Kind kind, const QVariantMap &payload, const QString &summary,
    QString *error, const QString &key)
{
    // The queue says why it could not keep the write (its file, usually).
    QString why;
    const QMetaObject::Connection listening = connect(
        this, &SyncQueue::errorOccurred, this, [&why](const QString &message) { why = message; });
    QString kept;
    if (key.isEmpty()) {
        kept = enqueueWrite(kind, payload, summary);
    } else if (replaceWrite(key, payload, summary)) {
        kept = key;
    }
    disconnect(listening);
    if (kept.isEmpty() && error) {
        *error = why;
    }
    return kept;
}

const OutboxEntry *SyncQueue::rowOf(const QString &key) const
{
    const auto found = std::find_if(
        m_rows.cbegin(), m_rows.cend(), [&](const OutboxEntry &e) { return e.key == key; });
    return found == m_rows.cend() ? nullptr : &*found;
}

QVariantMap SyncQueue::recordOf(const QString &key) const
{
    const OutboxEntry *entry = rowOf(key);
    if (!entry || !entry->readable) {
        return {};
    }
    QVariantMap map = entry->payload.toVariantMap();
    map.insert(QStringLiteral("idempotencyKey"), key);
    // A date for QML, not seconds.
    map.insert(QStringLiteral("startedAt"), WriteCodec::toRecord(entry->payload).startedAt);
    return map;
}

QVariantMap SyncQueue::payloadOf(const QString &key) const
{
    const OutboxEntry *entry = rowOf(key);
    if (!entry || !entry->readable) {
        return {};
    }
    QVariantMap map = WriteCodec::toMap(entry->payload);
    map.insert(QStringLiteral("idempotencyKey"), key);
    return map;
}

int SyncQueue::kindOf(const QString &key) const
{
    const OutboxEntry *entry = rowOf(key);
    return entry ? WriteKinds::valueOf(entry->kind) : WriteKind::kUnknown;
}

QVariant SyncQueue::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    QVariantMap map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    }
    return map;
}

bool SyncQueue::contains(const QString &key) const
{
    return rowOf(key) != nullptr;
}

QList<OutboxEntry> SyncQueue::entriesOf(qint64 relationshipId) const
{
    QList<OutboxEntry> entries;
    for (const OutboxEntry &entry : m_rows) {
        if (relationshipId > 0 && entry.relationshipId == relationshipId) {
            entries.append(entry);
        }
    }
    return entries;
}

int SyncQueue::countFor(double relationshipId) const
{
    return static_cast<int>(entriesOf(static_cast<qint64>(relationshipId)).size());
}

void SyncQueue::discard(const QString &key)
{
    if (!ensureOpen() || key == m_sendingKey) {
        return;
    }
    m_store.remove(key);
    m_watchers.remove(key);
    reloadRows();
}

bool SyncQueue::removeSignedInContent()
{
    if (accountId() <= 0 || !ensureOpen()) {
        return false;
    }
    const bool removed = m_store.removeAllOf(accountId(), server());
    if (!removed) {
        Q_EMIT errorOccurred(tr("Can't remove your unsent changes from this device."));
    }
    m_watchers.clear();
    reloadRows();
    return removed;
}

void SyncQueue::reopen()
{
    m_store.close();
    reloadRows();
}

void SyncQueue::cacheRelationships(const QVariantList &rows)
{
    if (accountId() <= 0 || !ensureOpen()) {
        return;
    }
    m_store.saveRelationships(accountId(), server(),
        QJsonDocument::fromVariant(rows).toJson(QJsonDocument::Compact),
        QDateTime::currentDateTimeUtc());
}

std::pair<QVariantList, QDateTime> SyncQueue::cachedRelationships()
{
    if (accountId() <= 0 || !ensureOpen()) {
        return {};
    }
    const auto [json, savedAt] = m_store.relationships(accountId(), server());
    if (json.isEmpty()) {
        return {};
    }
    return {QJsonDocument::fromJson(json).toVariant().toList(), savedAt};
}
