#include "sync_queue.h"

#include "relationship_catalogue.h"
#include "session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace {

constexpr auto kRecordSession = "record_session";

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
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncQueue::sendNext);
    // A new sign-in shows that person's entries and sends what is waiting.
    connect(Session::instance(), &Session::signedInChanged, this, [this] {
        m_retryTimer.stop();
        m_failures = 0;
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
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        return entry.summary;
    case KeyRole:
        return entry.key;
    case KindRole:
        return entry.kind;
    case RelationshipIdRole:
        return entry.relationshipId;
    case StateRole:
        return entry.state;
    case RefusedRole:
        return refused;
    case AttemptsRole:
        return entry.attempts;
    case LastErrorRole:
        return entry.lastError;
    case CreatedLabelRole:
        return tr("Saved %1 at %2")
            .arg(RelationshipCatalogue::dateLabel(entry.createdAt),
                RelationshipCatalogue::timeLabel(entry.createdAt));
    case StatusLabelRole:
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
    default:
        return {};
    }
}

QHash<int, QByteArray> SyncQueue::roleNames() const
{
    return {{KeyRole, "key"}, {KindRole, "kind"}, {RelationshipIdRole, "relationshipId"},
        {SummaryRole, "summary"}, {StateRole, "state"}, {RefusedRole, "refused"},
        {AttemptsRole, "attempts"}, {LastErrorRole, "lastError"},
        {CreatedLabelRole, "createdLabel"}, {StatusLabelRole, "statusLabel"}};
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
    if (m_databasePath.isEmpty()) {
        m_databasePath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/outbox.sqlite");
        Q_EMIT databasePathChanged();
    }
    QString error;
    if (!m_store.open(m_databasePath, &error)) {
        Q_EMIT errorOccurred(
            tr("Can't open the store for unsent records on this device (%1).").arg(error));
        return false;
    }
    return true;
}

qint64 SyncQueue::accountId() const
{
    return Session::instance()->signedIn() ? Session::instance()->accountId() : 0;
}

QString SyncQueue::server() const
{
    const Backend *backend = Session::instance()->backend();
    return backend ? backend->address() : Session::instance()->serverAddress();
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
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT countChanged();
}

QString SyncQueue::enqueue(SessionRecord record, const QString &summary)
{
    if (accountId() <= 0) {
        Q_EMIT errorOccurred(tr("Sign in to record a session."));
        return {};
    }
    if (!ensureOpen()) {
        return {};
    }
    if (record.idempotencyKey.isEmpty()) {
        // 32 hex digits: random, unique per record, within the 16–64 the API allows.
        record.idempotencyKey = QUuid::createUuid().toString(QUuid::Id128);
    }
    OutboxEntry entry;
    entry.key = record.idempotencyKey;
    entry.kind = QString::fromLatin1(kRecordSession);
    entry.accountId = accountId();
    entry.server = server();
    entry.relationshipId = record.relationshipId;
    entry.summary = summary;
    entry.payload = toJson(record);
    entry.createdAt = QDateTime::currentDateTimeUtc();
    QString error;
    // Stored (and committed) before anything is sent.
    if (!m_store.add(entry, &error)) {
        Q_EMIT errorOccurred(
            tr("Can't keep this record on the device (%1). It has not been sent.").arg(error));
        return {};
    }
    reloadRows();
    m_failures = 0;
    sendNext();
    return entry.key;
}

QString SyncQueue::enqueueRecord(const QVariantMap &record, const QString &summary)
{
    return enqueue(recordFromJson(QJsonObject::fromVariantMap(record)), summary);
}

bool SyncQueue::replace(const QString &key, const SessionRecord &record, const QString &summary)
{
    if (!ensureOpen() || key == m_sendingKey) {
        return false;
    }
    SessionRecord kept = record;
    kept.idempotencyKey = key;
    if (!m_store.replacePayload(key, toJson(kept), summary)) {
        return false;
    }
    reloadRows();
    m_failures = 0;
    sendNext();
    return true;
}

QVariantMap SyncQueue::recordOf(const QString &key) const
{
    for (const OutboxEntry &entry : m_rows) {
        if (entry.key == key) {
            QVariantMap map = entry.payload.toVariantMap();
            map.insert(QStringLiteral("idempotencyKey"), key);
            // A date for QML, not seconds.
            map.insert(QStringLiteral("startedAt"), recordFromJson(entry.payload).startedAt);
            return map;
        }
    }
    return {};
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
    return std::any_of(
        m_rows.cbegin(), m_rows.cend(), [&](const OutboxEntry &e) { return e.key == key; });
}

void SyncQueue::syncNow()
{
    if (Backend *backend = Session::instance()->backend()) {
        backend->reconnectNow();
    }
    m_retryTimer.stop();
    m_failures = 0;
    sendNext();
}

void SyncQueue::retry(const QString &key)
{
    if (!ensureOpen()) {
        return;
    }
    m_store.setOutcome(key, QStringLiteral("waiting"), {});
    reloadRows();
    syncNow();
}

void SyncQueue::discard(const QString &key)
{
    if (!ensureOpen() || key == m_sendingKey) {
        return;
    }
    m_store.remove(key);
    reloadRows();
}

void SyncQueue::reopen()
{
    m_store.close();
    reloadRows();
}

void SyncQueue::sendNext()
{
    Backend *backend = Session::instance()->backend();
    if (m_syncing || !backend || accountId() <= 0 || !ensureOpen()) {
        return;
    }
    const auto next = std::find_if(m_rows.cbegin(), m_rows.cend(),
        [](const OutboxEntry &e) { return e.state == QLatin1String("waiting"); });
    if (next == m_rows.cend()) {
        return;
    }
    const OutboxEntry entry = *next;
    m_store.countAttempt(entry.key, QDateTime::currentDateTimeUtc());
    m_sendingKey = entry.key;
    m_sendingBackend = backend;
    // A backend replaced mid-call (a sign-in to another server) never answers.
    m_backendGone = connect(backend, &QObject::destroyed, this, [this] {
        finishSending();
        reloadRows();
    });
    setSyncing(true);
    reloadRows();
    const QString key = entry.key;
    const QString summary = entry.summary;
    SessionRecord record = recordFromJson(entry.payload);
    record.idempotencyKey = entry.key; // the same key on every try
    backend->recordSession(
        record, this, [this, key, summary](const Result<RecordedSession> &result) {
            finishSending();
            if (result.ok()) {
                // Recorded now or before (a replay): either way it is on
                // the server, so it leaves the device.
                m_store.remove(key);
                m_failures = 0;
                setLastError({});
                reloadRows();
                Q_EMIT synced(key, summary, result.value().replayed);
                sendNext();
                return;
            }
            const BackendError &error = result.error();
            switch (error.kind) {
            case BackendError::Kind::Rejected:
            case BackendError::Kind::NotFound:
                // The server answered no: kept, with its words, for the person.
                m_store.setOutcome(key, QStringLiteral("refused"), error.message);
                reloadRows();
                Q_EMIT refused(key, error.message);
                sendNext();
                return;
            case BackendError::Kind::SessionExpired:
                // Sent again after the next sign-in.
                m_store.setOutcome(key, QStringLiteral("waiting"), error.message);
                setLastError(error.message);
                reloadRows();
                return;
            case BackendError::Kind::Unreachable:
            case BackendError::Kind::Timeout:
            case BackendError::Kind::Busy:
            case BackendError::Kind::Internal:
                // No answer (or none to act on): the same key goes again later.
                m_store.setOutcome(key, QStringLiteral("waiting"), error.message);
                setLastError(error.message);
                reloadRows();
                scheduleRetry();
                return;
            }
        });
}

void SyncQueue::finishSending()
{
    disconnect(m_backendGone);
    m_sendingKey.clear();
    m_sendingBackend.clear();
    setSyncing(false);
}

void SyncQueue::scheduleRetry()
{
    ++m_failures;
    m_retryTimer.start(retryDelayMs(m_failures));
}

void SyncQueue::setSyncing(bool syncing)
{
    if (syncing == m_syncing) {
        return;
    }
    m_syncing = syncing;
    Q_EMIT syncingChanged();
}

void SyncQueue::setLastError(const QString &message)
{
    if (message == m_lastError) {
        return;
    }
    m_lastError = message;
    Q_EMIT lastErrorChanged();
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

QJsonObject SyncQueue::toJson(const SessionRecord &record)
{
    return {{QStringLiteral("relationshipId"), record.relationshipId},
        {QStringLiteral("sessionId"), record.sessionId}, {QStringLiteral("held"), record.held},
        {QStringLiteral("cancelledBy"), record.cancelledBy},
        {QStringLiteral("cancelReason"), record.cancelReason},
        {QStringLiteral("startedAtUnix"),
            record.startedAt.isValid() ? record.startedAt.toSecsSinceEpoch() : 0},
        {QStringLiteral("actualMinutes"), record.actualMinutes},
        {QStringLiteral("mode"), record.mode},
        {QStringLiteral("themes"), QJsonArray::fromStringList(record.themes)},
        {QStringLiteral("agreedActions"), record.agreedActions},
        {QStringLiteral("privateNotes"), record.privateNotes}};
}

SessionRecord SyncQueue::recordFromJson(const QJsonObject &json)
{
    SessionRecord record;
    record.relationshipId = json.value(QStringLiteral("relationshipId")).toInteger();
    record.sessionId = json.value(QStringLiteral("sessionId")).toInteger();
    record.idempotencyKey = json.value(QStringLiteral("idempotencyKey")).toString();
    record.held = json.value(QStringLiteral("held")).toBool(true);
    record.cancelledBy = json.value(QStringLiteral("cancelledBy")).toString();
    record.cancelReason = json.value(QStringLiteral("cancelReason")).toString();
    const qint64 started = json.value(QStringLiteral("startedAtUnix")).toInteger();
    if (started > 0) {
        record.startedAt = QDateTime::fromSecsSinceEpoch(started, Qt::UTC);
    } else if (json.contains(QStringLiteral("startedAt"))) {
        // From QML: a date (as an ISO string once it has been through JSON).
        record.startedAt = QDateTime::fromString(
            json.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    }
    record.actualMinutes = json.value(QStringLiteral("actualMinutes")).toInt();
    record.mode = json.value(QStringLiteral("mode")).toString();
    for (const QJsonValue &theme : json.value(QStringLiteral("themes")).toArray()) {
        record.themes.append(theme.toString());
    }
    record.agreedActions = json.value(QStringLiteral("agreedActions")).toString();
    record.privateNotes = json.value(QStringLiteral("privateNotes")).toString();
    return record;
}
