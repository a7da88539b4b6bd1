#include "relationships/relationship_detail.h"

#include "common/date_words.h"
#include "common/reversed.h"
#include "identity/session.h"
#include "relationships/relationship_backend.h"
#include "relationships/relationship_catalogue.h"
#include "sync/sync_queue.h"

#include <algorithm>

namespace {

bool isOpen(const SessionInfo &session)
{
    return session.status == QLatin1String("proposed")
        || session.status == QLatin1String("accepted");
}

} // namespace

RelationshipDetail::RelationshipDetail(QObject *parent)
    : QObject(parent)
{
    SyncQueue *queue = SyncQueue::instance();
    // Whoever sent it (this page, a form, Sync now after a restart), what
    // the server answered shows here.
    connect(queue, &SyncQueue::relationshipWritten, this,
        [this](const QString &, const RelationshipInfo &relationship) {
            if (relationship.id != m_relationshipId || m_relationshipId <= 0) {
                return;
            }
            ++m_generation; // anything still loading is older than this
            setLoading(false);
            setOffline(false);
            setRelationship(relationship);
            loadSessions();
        });
    connect(queue, &SyncQueue::sessionWritten, this,
        [this](const QString &, const SessionInfo &session) {
            if (session.relationshipId != m_relationshipId || m_relationshipId <= 0) {
                return;
            }
            bool found = false;
            for (SessionInfo &known : m_sessions) {
                if (known.id == session.id) {
                    known = session;
                    found = true;
                }
            }
            if (!found) {
                m_sessions.append(session);
            }
            // Soonest first, as the server lists them; a move changes the order.
            std::stable_sort(m_sessions.begin(), m_sessions.end(),
                [](const SessionInfo &a, const SessionInfo &b) { return a.startsAt < b.startsAt; });
            Q_EMIT sessionsChanged();
        });
    connect(queue, &SyncQueue::entriesChanged, this, &RelationshipDetail::updatePending);
}

qint64 RelationshipDetail::relationshipId() const
{
    return m_relationshipId;
}

double RelationshipDetail::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

void RelationshipDetail::setRelationshipIdForQml(double relationshipId)
{
    const auto id = static_cast<qint64>(relationshipId);
    if (id == m_relationshipId) {
        return;
    }
    m_relationshipId = id;
    Q_EMIT relationshipIdChanged();
    m_relationship.clear();
    m_exists = false;
    m_sessions.clear();
    Q_EMIT relationshipChanged();
    Q_EMIT sessionsChanged();
    updatePending();
    reload();
}

QVariantMap RelationshipDetail::relationship() const
{
    return m_relationship;
}

QVariant RelationshipDetail::relationshipForQml() const
{
    return m_relationship;
}

bool RelationshipDetail::exists() const
{
    return m_exists;
}

QVariantMap RelationshipDetail::sessionMap(const SessionInfo &session) const
{
    QVariantMap map
        = RelationshipCatalogue::toMap(session, Session::instance()->accountId(), m_yourPart);
    map.insert(QStringLiteral("pendingLabel"), m_sessionPending.value(session.id));
    return map;
}

QVariantList RelationshipDetail::upcoming() const
{
    QVariantList list;
    for (const SessionInfo &session : m_sessions) {
        if (isOpen(session)) {
            list.append(sessionMap(session));
        }
    }
    return list;
}

QVariantList RelationshipDetail::past() const
{
    QVariantList list;
    for (const SessionInfo &session : reversed(m_sessions)) { // newest first
        if (!isOpen(session)) {
            list.append(sessionMap(session));
        }
    }
    return list;
}

QVariantList RelationshipDetail::sharedActions() const
{
    QVariantList list;
    for (const SessionInfo &session : reversed(m_sessions)) { // newest first
        if (session.status == QLatin1String("held") && !session.agreedActions.trimmed().isEmpty()) {
            list.append(
                QVariantMap {{QStringLiteral("dateLabel"), DateWords::weekday(session.startsAt)},
                    {QStringLiteral("text"), session.agreedActions}});
        }
    }
    return list;
}

int RelationshipDetail::heldCount() const
{
    return static_cast<int>(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
        [](const SessionInfo &s) { return s.status == QLatin1String("held"); }));
}

QVariantList RelationshipDetail::pending() const
{
    return m_pending;
}

QVariantList RelationshipDetail::pendingWriteKinds() const
{
    return m_pendingWriteKinds;
}

bool RelationshipDetail::loading() const
{
    return m_loading;
}

bool RelationshipDetail::offline() const
{
    return m_offline;
}

bool RelationshipDetail::busy() const
{
    return m_busy;
}

bool RelationshipDetail::exporting() const
{
    return m_exporting;
}

QString RelationshipDetail::exportFolder() const
{
    return m_exportFolder;
}

void RelationshipDetail::setExportFolder(const QString &folder)
{
    if (folder == m_exportFolder) {
        return;
    }
    m_exportFolder = folder;
    Q_EMIT exportChanged();
}

QString RelationshipDetail::lastExportPath() const
{
    return m_lastExportPath;
}

QString RelationshipDetail::errorMessage() const
{
    return m_errorMessage;
}

void RelationshipDetail::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void RelationshipDetail::clearError()
{
    setErrorMessage({});
}

void RelationshipDetail::reload()
{
    RelationshipBackend *backend = Session::instance()->relationships();
    if (!backend || m_relationshipId <= 0) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getRelationship(
        m_relationshipId, this, [this, generation](const Result<RelationshipInfo> &result) {
            if (generation != m_generation) {
                return;
            }
            if (!result.ok()) {
                setLoading(false);
                loadFailed(result.error());
                return;
            }
            setOffline(false);
            setRelationship(result.value());
            loadSessions();
        });
}

void RelationshipDetail::loadSessions()
{
    RelationshipBackend *backend = Session::instance()->relationships();
    if (!backend) {
        setLoading(false);
        return;
    }
    const int generation = m_generation;
    backend->listSessions(
        m_relationshipId, this, [this, generation](const Result<QList<SessionInfo>> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!result.ok()) {
                loadFailed(result.error());
                return;
            }
            setSessions(result.value());
        });
}

QString RelationshipDetail::otherName() const
{
    return m_relationship.value(QStringLiteral("otherName")).toString();
}

QString RelationshipDetail::whenLabel(const QDateTime &when) const
{
    return tr("%1 at %2").arg(DateWords::weekday(when), DateWords::time(when));
}

const SessionInfo *RelationshipDetail::sessionById(qint64 sessionId) const
{
    for (const SessionInfo &session : m_sessions) {
        if (session.id == sessionId) {
            return &session;
        }
    }
    return nullptr;
}

void RelationshipDetail::setRelationshipMap(const QVariantMap &relationship)
{
    if (relationship.value(QStringLiteral("id")).toLongLong() != m_relationshipId) {
        return;
    }
    m_relationship = relationship;
    m_yourPart = relationship.value(QStringLiteral("yourPart")).toString();
    m_exists = true;
    Q_EMIT relationshipChanged();
    Q_EMIT sessionsChanged(); // what the viewer may do with them follows the state
}

void RelationshipDetail::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void RelationshipDetail::setOffline(bool offline)
{
    if (offline == m_offline) {
        return;
    }
    m_offline = offline;
    Q_EMIT offlineChanged();
}

void RelationshipDetail::loadFailed(const BackendError &error)
{
    const bool unreachable = error.kind == BackendError::Kind::Unreachable
        || error.kind == BackendError::Kind::Timeout;
    if (unreachable && m_exists) {
        setOffline(true);
        return;
    }
    fail(error.message);
}

void RelationshipDetail::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}

void RelationshipDetail::setExporting(bool exporting)
{
    if (exporting == m_exporting) {
        return;
    }
    m_exporting = exporting;
    Q_EMIT exportingChanged();
}

void RelationshipDetail::fail(const QString &message)
{
    setErrorMessage(message);
    Q_EMIT errorOccurred(message);
}

void RelationshipDetail::setRelationship(const RelationshipInfo &relationship)
{
    m_relationship = RelationshipCatalogue::toMap(relationship);
    m_yourPart = relationship.yourPart;
    m_exists = true;
    Q_EMIT relationshipChanged();
}

void RelationshipDetail::setSessions(const QList<SessionInfo> &sessions)
{
    m_sessions = sessions;
    Q_EMIT sessionsChanged();
}

void RelationshipDetail::updatePending()
{
    QVariantList list;
    QVariantList kinds;
    QHash<qint64, QString> perSession;
    for (const OutboxEntry &entry : SyncQueue::instance()->entriesOf(m_relationshipId)) {
        const bool refused = entry.state == QLatin1String("refused");
        const QString what = WriteKinds::describe(entry.kind, entry.payload);
        const QString text = !entry.readable ? tr("Can't be read on this device: %1.").arg(what)
            : refused                        ? tr("Not accepted by the server: %1.").arg(what)
                                             : tr("Waiting to sync: %1").arg(what);
        const QString problem = !entry.readable
            ? tr("The key that protected it is no longer on this device, so it can't be sent. "
                 "Discard it and make the change again.")
            : refused ? entry.lastError
                      : QString();
        const qint64 sessionId = entry.payload.value(QStringLiteral("sessionId")).toInteger();
        list.append(QVariantMap {{QStringLiteral("key"), entry.key},
            {QStringLiteral("kind"), WriteKinds::valueOf(entry.kind)},
            {QStringLiteral("text"), text}, {QStringLiteral("refused"), refused},
            {QStringLiteral("readable"), entry.readable},
            {QStringLiteral("lastError"), refused ? entry.lastError : QString()},
            {QStringLiteral("problem"), problem}, {QStringLiteral("sessionId"), sessionId}});
        kinds.append(WriteKinds::valueOf(entry.kind));
        if (sessionId > 0) {
            perSession.insert(sessionId, text);
        }
    }
    if (list != m_pending) {
        m_pending = list;
        m_pendingWriteKinds = kinds;
        Q_EMIT pendingChanged();
    }
    // Only when the words change: rebuilding the rows would lose what is
    // being typed in them.
    if (perSession != m_sessionPending) {
        m_sessionPending = perSession;
        Q_EMIT sessionsChanged();
    }
}
