#include "sync/sync_queue.h"

#include "common/connection.h"
#include "identity/session.h"
#include "relationships/relationship_backend.h"
#include "relationships/relationship_catalogue.h"
#include "safeguarding/safeguarding_backend.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace {

constexpr auto kRecordSession = "record_session";
constexpr auto kSetContractTerms = "set_contract_terms";
constexpr auto kAgreeContract = "agree_contract";
constexpr auto kReviewContract = "review_contract";
constexpr auto kCompleteRelationship = "complete_relationship";
constexpr auto kEndRelationship = "end_relationship";
constexpr auto kProposeSession = "propose_session";
constexpr auto kAcceptSession = "accept_session";
constexpr auto kCancelSession = "cancel_session";
constexpr auto kRescheduleSession = "reschedule_session";
constexpr auto kRaiseConcern = "raise_concern";
constexpr auto kAcknowledgeConcern = "acknowledge_concern";

/// Kinds with a form in the app to correct a refused entry.
constexpr const char *kEditableKinds[]
    = {kRecordSession, kSetContractTerms, kReviewContract, kProposeSession};

/// The API's bounds on a client-made key (relationships.proto).
constexpr int kMinKeyLength = 16;
constexpr int kMaxKeyLength = 64;

/// A payload field ending in "At" that holds a date is kept as seconds,
/// under the same name with "Unix" added: JSON has no dates.
constexpr auto kAtSuffix = "At";
constexpr auto kUnixSuffix = "Unix";

QJsonObject jsonFrom(const QVariantMap &map)
{
    QVariantMap plain;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QVariant &value = it.value();
        if (it.key().endsWith(QLatin1String(kAtSuffix))
            && (value.metaType() == QMetaType::fromType<QDateTime>()
                || value.metaType() == QMetaType::fromType<QDate>())) {
            const QDateTime when = value.toDateTime();
            plain.insert(it.key() + QLatin1String(kUnixSuffix),
                when.isValid() ? when.toSecsSinceEpoch() : 0);
        } else {
            plain.insert(it.key(), value);
        }
    }
    return QJsonObject::fromVariantMap(plain);
}

/// The payload for QML: dates back as dates, beside their seconds.
QVariantMap mapFrom(const QJsonObject &json)
{
    QVariantMap map = json.toVariantMap();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString name = it.key();
        const QString suffix = QLatin1String(kAtSuffix) + QLatin1String(kUnixSuffix);
        if (name.endsWith(suffix)) {
            const qint64 seconds = it.value().toInteger();
            map.insert(name.chopped(static_cast<qsizetype>(qstrlen(kUnixSuffix))),
                seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds) : QDateTime());
        }
    }
    return map;
}

QDateTime timeOf(const QJsonObject &payload, const QString &field)
{
    const qint64 seconds = payload.value(field + QLatin1String(kUnixSuffix)).toInteger();
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

qint64 idOf(const QJsonObject &payload, const char *field)
{
    return payload.value(QLatin1String(field)).toInteger();
}

QString textOf(const QJsonObject &payload, const char *field)
{
    return payload.value(QLatin1String(field)).toString();
}

void keepAnswer(WriteOutcome &outcome, const RelationshipInfo &relationship)
{
    outcome.relationship = relationship;
}

void keepAnswer(WriteOutcome &outcome, const SessionInfo &session)
{
    outcome.session = session;
}

void keepAnswer(WriteOutcome &outcome, const ConcernInfo &concern)
{
    outcome.concern = concern;
}

/// Recorded now or before (a replay): either way it is on the server.
void keepAnswer(WriteOutcome &outcome, const RecordedSession &recorded)
{
    outcome.session = recorded.session;
    outcome.replayed = recorded.replayed;
}

/// The id field a kind cannot be sent without.
const char *requiredIdOf(const QString &kind)
{
    if (kind == QLatin1String(kAcceptSession) || kind == QLatin1String(kCancelSession)
        || kind == QLatin1String(kRescheduleSession)) {
        return "sessionId";
    }
    if (kind == QLatin1String(kAcknowledgeConcern)) {
        return "concernId";
    }
    return "relationshipId";
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

QStringList SyncQueue::kinds()
{
    QStringList list;
    for (const char *kind : {kRecordSession, kSetContractTerms, kAgreeContract, kReviewContract,
             kCompleteRelationship, kEndRelationship, kProposeSession, kAcceptSession,
             kCancelSession, kRescheduleSession, kRaiseConcern, kAcknowledgeConcern}) {
        list.append(QString::fromLatin1(kind));
    }
    return list;
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
    case DescriptionRole:
        return describe(entry.kind, entry.payload);
    case EditableRole:
        return std::any_of(std::cbegin(kEditableKinds), std::cend(kEditableKinds),
            [&](const char *kind) { return entry.kind == QLatin1String(kind); });
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
        {DescriptionRole, "description"}, {EditableRole, "editable"}};
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
            tr("Can't open the store for unsent changes on this device (%1).").arg(error));
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

QString SyncQueue::store(const QString &kind, QJsonObject payload, const QString &summary)
{
    if (accountId() <= 0) {
        Q_EMIT errorOccurred(tr("Sign in to make changes."));
        return {};
    }
    if (!kinds().contains(kind)) {
        Q_EMIT errorOccurred(tr("This app cannot send a change of kind \"%1\".").arg(kind));
        return {};
    }
    const char *required = requiredIdOf(kind);
    if (idOf(payload, required) <= 0) {
        Q_EMIT errorOccurred(
            tr("This change lacks its %1, so it was not kept.").arg(QLatin1String(required)));
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
    entry.kind = kind;
    entry.accountId = accountId();
    entry.server = server();
    entry.relationshipId = idOf(payload, "relationshipId");
    entry.summary = summary.trimmed();
    if (entry.summary.isEmpty()) {
        const QString said = describe(kind, payload);
        entry.summary = said.left(1).toUpper() + said.mid(1);
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
    const QString &kind, const QVariantMap &payload, const QString &summary)
{
    if (kind == QLatin1String(kRecordSession)) {
        // Through SessionRecord, so that what is stored has one shape.
        return enqueueRecord(payload, summary);
    }
    return store(kind, jsonFrom(payload), summary);
}

QString SyncQueue::enqueue(SessionRecord record, const QString &summary)
{
    QJsonObject payload = toJson(record);
    if (!record.idempotencyKey.isEmpty()) {
        payload.insert(QStringLiteral("idempotencyKey"), record.idempotencyKey);
    }
    return store(QString::fromLatin1(kRecordSession), payload, summary);
}

QString SyncQueue::enqueueRecord(const QVariantMap &record, const QString &summary)
{
    return enqueue(recordFromJson(jsonFrom(record)), summary);
}

bool SyncQueue::replace(const QString &key, const SessionRecord &record, const QString &summary)
{
    if (!ensureOpen() || key == m_sendingKey) {
        return false;
    }
    if (!m_store.replacePayload(key, toJson(record), summary)) {
        return false;
    }
    reloadRows();
    m_failures = 0;
    sendNext();
    return true;
}

bool SyncQueue::replaceWrite(const QString &key, const QVariantMap &payload, const QString &summary)
{
    const QString kind = kindOf(key);
    if (kind == QLatin1String(kRecordSession)) {
        return replace(key, recordFromJson(jsonFrom(payload)), summary);
    }
    if (kind.isEmpty() || !ensureOpen() || key == m_sendingKey) {
        return false;
    }
    QJsonObject json = jsonFrom(payload);
    json.remove(QStringLiteral("idempotencyKey"));
    if (idOf(json, requiredIdOf(kind)) <= 0) {
        return false;
    }
    QString said = summary.trimmed();
    if (said.isEmpty()) {
        said = describe(kind, json);
        said = said.left(1).toUpper() + said.mid(1);
    }
    if (!m_store.replacePayload(key, json, said)) {
        return false;
    }
    reloadRows();
    m_failures = 0;
    sendNext();
    return true;
}

QString SyncQueue::keep(const QString &kind, const QVariantMap &payload, const QString &summary,
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

QVariantMap SyncQueue::payloadOf(const QString &key) const
{
    for (const OutboxEntry &entry : m_rows) {
        if (entry.key == key) {
            QVariantMap map = mapFrom(entry.payload);
            map.insert(QStringLiteral("idempotencyKey"), key);
            return map;
        }
    }
    return {};
}

QString SyncQueue::kindOf(const QString &key) const
{
    for (const OutboxEntry &entry : m_rows) {
        if (entry.key == key) {
            return entry.kind;
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

void SyncQueue::watch(
    const QString &key, QObject *context, const std::function<void(const WriteOutcome &)> &handler)
{
    if (!key.isEmpty() && handler) {
        m_watchers[key].append(Watcher {context, handler});
    }
}

void SyncQueue::notify(const QString &key, const WriteOutcome &outcome)
{
    const QList<Watcher> watchers = m_watchers.take(key);
    for (const Watcher &watcher : watchers) {
        if (watcher.context) {
            watcher.handler(outcome);
        }
    }
}

void SyncQueue::notifyAllDeferred(const QString &message)
{
    WriteOutcome outcome;
    outcome.kind = WriteOutcome::Kind::Deferred;
    outcome.message = message;
    const QStringList keys = m_watchers.keys();
    for (const QString &key : keys) {
        notify(key, outcome);
    }
}

void SyncQueue::syncNow()
{
    if (Connection *connection = Session::instance()->connection()) {
        connection->reconnectNow();
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
    m_watchers.remove(key);
    reloadRows();
}

void SyncQueue::reopen()
{
    m_store.close();
    reloadRows();
}

void SyncQueue::sendNext()
{
    Connection *connection = Session::instance()->connection();
    if (m_syncing || !connection || accountId() <= 0 || !ensureOpen()) {
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
    m_sendingConnection = connection;
    // A connection replaced mid-call (a sign-in to another server) never answers.
    m_connectionGone = connect(connection, &QObject::destroyed, this, [this] {
        finishSending();
        reloadRows();
    });
    setSyncing(true);
    reloadRows();
    send(*Session::instance()->relationships(), *Session::instance()->safeguarding(), entry);
}

void SyncQueue::send(
    RelationshipBackend &relationships, SafeguardingBackend &safeguarding, const OutboxEntry &entry)
{
    const QString key = entry.key; // the same key on every try
    const QJsonObject &p = entry.payload;
    // One answer for every kind: what the server wrote goes into the outcome.
    const auto done = [this, key](const auto &result) {
        if (!result.ok()) {
            handleAnswer(key, result.error());
            return;
        }
        WriteOutcome outcome;
        outcome.kind = WriteOutcome::Kind::Written;
        keepAnswer(outcome, result.value());
        handleAnswer(key, outcome);
    };
    const QString &kind = entry.kind;
    const qint64 relationshipId = idOf(p, "relationshipId");
    const qint64 sessionId = idOf(p, "sessionId");
    if (kind == QLatin1String(kRecordSession)) {
        SessionRecord record = recordFromJson(p);
        record.idempotencyKey = key;
        relationships.recordSession(record, this, done);
    } else if (kind == QLatin1String(kSetContractTerms)) {
        ContractTermsInfo terms;
        terms.numberOfSessions = p.value(QStringLiteral("numberOfSessions")).toInt();
        terms.sessionMinutes = p.value(QStringLiteral("sessionMinutes")).toInt();
        terms.regularity = textOf(p, "regularity");
        terms.plannedEndOn = textOf(p, "plannedEndOn");
        terms.reviewCadence = textOf(p, "reviewCadence");
        relationships.setContractTerms(relationshipId, terms, key, this, done);
    } else if (kind == QLatin1String(kAgreeContract)) {
        relationships.agreeContract(relationshipId,
            p.value(QStringLiteral("confidentialityAcknowledged")).toBool(),
            p.value(QStringLiteral("ethicsAcknowledged")).toBool(), textOf(p, "lineManagerTold"),
            key, this, done);
    } else if (kind == QLatin1String(kReviewContract)) {
        relationships.reviewContract(relationshipId,
            p.value(QStringLiteral("numberOfSessions")).toInt(), textOf(p, "plannedEndOn"),
            textOf(p, "reason"), key, this, done);
    } else if (kind == QLatin1String(kCompleteRelationship)) {
        relationships.completeRelationship(relationshipId, key, this, done);
    } else if (kind == QLatin1String(kEndRelationship)) {
        relationships.endRelationship(relationshipId, textOf(p, "reason"), key, this, done);
    } else if (kind == QLatin1String(kProposeSession)) {
        SessionProposal proposal;
        proposal.relationshipId = relationshipId;
        proposal.startsAt = timeOf(p, QStringLiteral("startsAt"));
        proposal.plannedMinutes = p.value(QStringLiteral("plannedMinutes")).toInt();
        proposal.mode = textOf(p, "mode");
        proposal.place = textOf(p, "place");
        relationships.proposeSession(proposal, key, this, done);
    } else if (kind == QLatin1String(kAcceptSession)) {
        relationships.acceptSession(sessionId, key, this, done);
    } else if (kind == QLatin1String(kCancelSession)) {
        relationships.cancelSession(sessionId, textOf(p, "reason"), key, this, done);
    } else if (kind == QLatin1String(kRescheduleSession)) {
        relationships.rescheduleSession(
            sessionId, timeOf(p, QStringLiteral("startsAt")), textOf(p, "reason"), key, this, done);
    } else if (kind == QLatin1String(kRaiseConcern)) {
        safeguarding.raiseConcern(relationshipId, textOf(p, "description"), key, this, done);
    } else if (kind == QLatin1String(kAcknowledgeConcern)) {
        safeguarding.acknowledgeConcern(
            idOf(p, "concernId"), textOf(p, "actionTaken"), key, this, done);
    } else {
        // A file written by a later version of the app: shown, never dropped.
        handleAnswer(key,
            BackendError {BackendError::Kind::Rejected,
                tr("This version of the app cannot send a change of kind \"%1\".").arg(kind)});
    }
}

void SyncQueue::handleAnswer(const QString &key, const Result<WriteOutcome> &result)
{
    finishSending();
    const std::optional<OutboxEntry> entry = m_store.find(key);
    const QString summary = entry ? entry->summary : QString();
    const QString kind = entry ? entry->kind : QString();
    const auto relationshipId = static_cast<double>(entry ? entry->relationshipId : 0);
    if (result.ok()) {
        // Done now or before (a retry): either way it is on the server, so
        // it leaves the device.
        const WriteOutcome &outcome = result.value();
        m_store.remove(key);
        m_failures = 0;
        setLastError({});
        reloadRows();
        if (outcome.relationship) {
            Q_EMIT relationshipWritten(key, *outcome.relationship);
        }
        if (outcome.session) {
            Q_EMIT sessionWritten(key, *outcome.session);
        }
        if (outcome.concern) {
            Q_EMIT concernWritten(key, *outcome.concern);
        }
        Q_EMIT synced(key, summary, outcome.replayed, kind, relationshipId);
        notify(key, outcome);
        sendNext();
        return;
    }
    const BackendError &error = result.error();
    switch (error.kind) {
    case BackendError::Kind::Rejected:
    case BackendError::Kind::NotFound: {
        // The server answered no: kept, with its words, for the person.
        m_store.setOutcome(key, QStringLiteral("refused"), error.message);
        reloadRows();
        Q_EMIT refused(key, error.message, kind, relationshipId);
        WriteOutcome outcome;
        outcome.kind = WriteOutcome::Kind::Refused;
        outcome.message = error.message;
        notify(key, outcome);
        sendNext();
        return;
    }
    case BackendError::Kind::SessionExpired:
        // Sent again after the next sign-in.
        m_store.setOutcome(key, QStringLiteral("waiting"), error.message);
        setLastError(error.message);
        reloadRows();
        notifyAllDeferred(error.message);
        return;
    case BackendError::Kind::Unreachable:
    case BackendError::Kind::Timeout:
    case BackendError::Kind::Busy:
    case BackendError::Kind::Internal:
        // No answer (or none to act on): the same key goes again later.
        m_store.setOutcome(key, QStringLiteral("waiting"), error.message);
        setLastError(error.message);
        reloadRows();
        notifyAllDeferred(error.message);
        scheduleRetry();
        return;
    }
}

void SyncQueue::finishSending()
{
    disconnect(m_connectionGone);
    m_sendingKey.clear();
    m_sendingConnection.clear();
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

bool SyncQueue::saveDraft(const QString &name, const QVariantMap &fields)
{
    if (accountId() <= 0 || name.isEmpty() || !ensureOpen()) {
        return false;
    }
    QString error;
    if (!m_store.saveDraft(accountId(), server(), name, QJsonObject::fromVariantMap(fields),
            QDateTime::currentDateTimeUtc(), &error)) {
        Q_EMIT errorOccurred(tr("Can't keep what you typed on this device (%1).").arg(error));
        return false;
    }
    return true;
}

QVariantMap SyncQueue::draft(const QString &name)
{
    if (accountId() <= 0 || name.isEmpty() || !ensureOpen()) {
        return {};
    }
    const auto kept = m_store.draft(accountId(), server(), name);
    return kept ? kept->first.toVariantMap() : QVariantMap();
}

QDateTime SyncQueue::draftSavedAt(const QString &name)
{
    if (accountId() <= 0 || name.isEmpty() || !ensureOpen()) {
        return {};
    }
    const auto kept = m_store.draft(accountId(), server(), name);
    return kept ? kept->second : QDateTime();
}

void SyncQueue::clearDraft(const QString &name)
{
    if (accountId() > 0 && !name.isEmpty() && ensureOpen()) {
        m_store.removeDraft(accountId(), server(), name);
    }
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

QString SyncQueue::describe(const QString &kind, const QJsonObject &payload)
{
    const auto at = [&payload](const char *field) {
        const QDateTime when = timeOf(payload, QLatin1String(field));
        return when.isValid() ? tr("%1 at %2")
                                    .arg(RelationshipCatalogue::dateLabel(when),
                                        RelationshipCatalogue::timeLabel(when))
                              : QString();
    };
    if (kind == QLatin1String(kRecordSession)) {
        const SessionRecord record = recordFromJson(payload);
        return record.held ? tr("you recorded a session") : tr("you recorded a missed session");
    }
    if (kind == QLatin1String(kSetContractTerms)) {
        return tr("you set the contract's terms");
    }
    if (kind == QLatin1String(kAgreeContract)) {
        return tr("you agreed to the contract");
    }
    if (kind == QLatin1String(kReviewContract)) {
        return tr("you reviewed the contract: %1 sessions, ending %2")
            .arg(payload.value(QStringLiteral("numberOfSessions")).toInt())
            .arg(textOf(payload, "plannedEndOn"));
    }
    if (kind == QLatin1String(kCompleteRelationship)) {
        return tr("you completed the relationship");
    }
    if (kind == QLatin1String(kEndRelationship)) {
        return tr("you ended the relationship early");
    }
    if (kind == QLatin1String(kProposeSession)) {
        return tr("you proposed a session on %1").arg(at("startsAt"));
    }
    if (kind == QLatin1String(kAcceptSession)) {
        const QString when = at("startsAt");
        return when.isEmpty() ? tr("you accepted a session")
                              : tr("you accepted the session on %1").arg(when);
    }
    if (kind == QLatin1String(kCancelSession)) {
        const QString when = at("startsAt");
        return when.isEmpty() ? tr("you cancelled a session")
                              : tr("you cancelled the session on %1").arg(when);
    }
    if (kind == QLatin1String(kRescheduleSession)) {
        return tr("you moved a session to %1").arg(at("startsAt"));
    }
    if (kind == QLatin1String(kRaiseConcern)) {
        return tr("you raised a safeguarding concern");
    }
    if (kind == QLatin1String(kAcknowledgeConcern)) {
        return tr("you acknowledged a safeguarding concern");
    }
    return tr("a change of kind \"%1\"").arg(kind);
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
        // A date as an ISO string (a payload that has been through JSON as text).
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

DraftKeeper::DraftKeeper(std::function<QVariantMap()> fields)
    : m_fields(std::move(fields))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
        if (!m_name.isEmpty() && m_fields) {
            SyncQueue::instance()->saveDraft(m_name, m_fields());
        }
    });
}

DraftKeeper::~DraftKeeper()
{
    // Not while the app goes down: the queue may be gone already.
    if (QCoreApplication::instance() && !QCoreApplication::closingDown()) {
        flush();
    }
}

void DraftKeeper::setName(const QString &name)
{
    if (name != m_name) {
        flush();
        m_name = name;
    }
}

QString DraftKeeper::name() const
{
    return m_name;
}

void DraftKeeper::changed()
{
    if (!m_name.isEmpty()) {
        m_timer.start();
    }
}

void DraftKeeper::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        if (!m_name.isEmpty() && m_fields) {
            SyncQueue::instance()->saveDraft(m_name, m_fields());
        }
    }
}

QVariantMap DraftKeeper::load() const
{
    return m_name.isEmpty() ? QVariantMap() : SyncQueue::instance()->draft(m_name);
}

QDateTime DraftKeeper::savedAt() const
{
    return m_name.isEmpty() ? QDateTime() : SyncQueue::instance()->draftSavedAt(m_name);
}

void DraftKeeper::clear()
{
    m_timer.stop();
    if (!m_name.isEmpty()) {
        SyncQueue::instance()->clearDraft(m_name);
    }
}
