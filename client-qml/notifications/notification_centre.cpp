#include "notifications/notification_centre.h"

#include "common/connection.h"
#include "common/date_words.h"
#include "identity/session.h"
#include "notifications/notification_backend.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <utility>

namespace {

/// The server takes at most this many sequences in one mark.
constexpr int kMostMarksAtOnce = 500;
/// A mark the server could not be told of is tried again after this,
/// or sooner when the stream brings a message.
constexpr int kMarkRetryMs = 5000;
constexpr int kClockTickMs = 60 * 1000;

} // namespace

NotificationCentre *NotificationCentre::instance()
{
    static QPointer<NotificationCentre> centre;
    if (!centre) {
        centre = new NotificationCentre(QCoreApplication::instance());
    }
    return centre;
}

NotificationCentre *NotificationCentre::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    Q_UNUSED(jsEngine)
    NotificationCentre *centre = instance();
    QJSEngine::setObjectOwnership(centre, QJSEngine::CppOwnership);
    return centre;
}

NotificationCentre::NotificationCentre(QObject *parent)
    : QAbstractListModel(parent)
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (Connection *connection = Session::instance()->connection()) {
            connection->reconnectNow();
        }
        if (!m_loaded) {
            loadFirstPage();
        } else {
            openStream();
        }
    });
    m_markTimer.setSingleShot(true);
    connect(&m_markTimer, &QTimer::timeout, this, &NotificationCentre::sendMarks);
    m_clockTimer.setInterval(kClockTickMs);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), {WhenRole});
        }
    });
    // Each sign-in starts afresh; signing out forgets the last person's.
    connect(Session::instance(), &Session::signedInChanged, this, [this] {
        if (Session::instance()->signedIn()) {
            start();
        } else {
            stop();
        }
    });
    // The stream's thread is cancelled and joined before the app goes.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
        &NotificationCentre::stop);
    if (Session::instance()->signedIn()) {
        start();
    }
}

NotificationCentre::~NotificationCentre()
{
    m_watch.reset();
}

int NotificationCentre::retryDelayMs(int failures)
{
    constexpr int kFirstMs = 1000;
    constexpr int kMostMs = 30000;
    const int doublings = std::clamp(failures - 1, 0, 10);
    return std::min(kMostMs, kFirstMs << doublings);
}

int NotificationCentre::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant NotificationCentre::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size()) {
        return {};
    }
    const NotificationInfo &n = m_rows.at(index.row());
    switch (role) {
    case SequenceRole:
        return static_cast<double>(n.sequence);
    case KindRole:
        return n.kind;
    case Qt::DisplayRole:
    case TitleRole:
        return n.title;
    case DetailRole:
        return n.detail;
    case WhenRole:
        return DateWords::since(n.createdAt, m_clock());
    case CreatedAtRole:
        return n.createdAt;
    case ReadRole:
        return n.read;
    case ScreenRole:
        return n.link.screen;
    case RelationshipIdRole:
        return static_cast<double>(n.link.relationshipId);
    case MonthRole:
        return n.link.month;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationCentre::roleNames() const
{
    return {
        {SequenceRole, "sequence"},
        {KindRole, "kind"},
        {TitleRole, "title"},
        {DetailRole, "detail"},
        {WhenRole, "when"},
        {CreatedAtRole, "createdAt"},
        {ReadRole, "read"},
        {ScreenRole, "screen"},
        {RelationshipIdRole, "relationshipId"},
        {MonthRole, "month"},
    };
}

bool NotificationCentre::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_hasMore && !m_loadingMore && !m_moreFailed;
}

void NotificationCentre::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && !m_moreFailed) {
        loadMore();
    }
}

int NotificationCentre::count() const
{
    return static_cast<int>(m_rows.size());
}

int NotificationCentre::unreadCount() const
{
    return m_unreadCount;
}

bool NotificationCentre::loading() const
{
    return m_loading;
}

bool NotificationCentre::loadingMore() const
{
    return m_loadingMore;
}

bool NotificationCentre::loaded() const
{
    return m_loaded;
}

bool NotificationCentre::hasMore() const
{
    return m_hasMore;
}

bool NotificationCentre::live() const
{
    return m_live;
}

bool NotificationCentre::reconnecting() const
{
    return m_reconnecting;
}

QString NotificationCentre::errorMessage() const
{
    return m_errorMessage;
}

qint64 NotificationCentre::lastSequence() const
{
    return m_lastSequence;
}

const QList<NotificationInfo> &NotificationCentre::notifications() const
{
    return m_rows;
}

void NotificationCentre::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void NotificationCentre::reload()
{
    if (Session::instance()->signedIn()) {
        start();
    }
}

void NotificationCentre::retry()
{
    if (!Session::instance()->signedIn() || !Session::instance()->notifications()) {
        return;
    }
    m_reconnectTimer.stop();
    if (Connection *connection = Session::instance()->connection()) {
        connection->reconnectNow();
    }
    if (!m_loaded) {
        if (!m_loading) {
            loadFirstPage();
        }
    } else if (!m_live) {
        openStream();
    }
}

QVariant NotificationCentre::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_rows.size()) {
        return map;
    }
    const QModelIndex at = index(row);
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.constBegin(); it != names.constEnd(); ++it) {
        map.insert(QString::fromLatin1(it.value()), data(at, it.key()));
    }
    return map;
}

QVariant NotificationCentre::open(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        return QVariantMap();
    }
    if (!m_rows.at(row).read) {
        markRowRead(row);
        sendMarks();
    }
    const NotificationLinkInfo &link = m_rows.at(row).link;
    return QVariantMap {{QStringLiteral("screen"), link.screen},
        {QStringLiteral("relationshipId"), static_cast<double>(link.relationshipId)},
        {QStringLiteral("month"), link.month}};
}

void NotificationCentre::markAllRead()
{
    if (m_lastSequence == 0) {
        return;
    }
    for (NotificationInfo &n : m_rows) {
        n.read = true;
    }
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), {ReadRole});
    }
    m_unsentUpTo = std::max(m_unsentUpTo, m_lastSequence);
    setUnreadCount(0);
    sendMarks();
}

void NotificationCentre::start()
{
    stop();
    if (!Session::instance()->signedIn() || !Session::instance()->notifications()) {
        return;
    }
    m_clockTimer.start();
    loadFirstPage();
}

void NotificationCentre::stop()
{
    ++m_generation;
    retireWatch();
    m_reconnectTimer.stop();
    m_markTimer.stop();
    m_clockTimer.stop();
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    m_lastSequence = 0;
    m_failures = 0;
    m_unsentReads.clear();
    m_unsentUpTo = 0;
    m_sendingMarks = false;
    m_moreFailed = false;
    setUnreadCount(0);
    setLoading(false);
    setLoadingMore(false);
    setLoaded(false);
    setHasMore(false);
    setLive(false);
    setReconnecting(false);
    setErrorMessage({});
}

void NotificationCentre::retireWatch()
{
    if (!m_watch) {
        return;
    }
    // Stopped now (no callback of it runs after this), destroyed once the
    // event loop is back: this may be running inside one of its callbacks.
    m_watch->stop();
    QMetaObject::invokeMethod(
        this, [old = std::shared_ptr<NotificationWatch>(std::move(m_watch))] {},
        Qt::QueuedConnection);
}

void NotificationCentre::loadFirstPage()
{
    NotificationBackend *backend = Session::instance()->notifications();
    if (!backend || !Session::instance()->signedIn()) {
        return;
    }
    setLoading(true);
    const int generation = m_generation;
    const int epoch = m_countEpoch;
    backend->listNotifications(
        0, kPageSize, this, [this, generation, epoch](const Result<NotificationPage> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!result.ok()) {
                if (result.error().kind != BackendError::Kind::SessionExpired) {
                    setErrorMessage(result.error().message);
                    scheduleReconnect();
                }
                return;
            }
            const NotificationPage &page = result.value();
            setErrorMessage({});
            merge(page.notifications);
            setHasMore(page.more);
            if (epoch == m_countEpoch) {
                setUnreadCount(page.unreadCount);
            }
            setLoaded(true);
            openStream();
        });
}

void NotificationCentre::openStream()
{
    NotificationBackend *backend = Session::instance()->notifications();
    if (!backend || !Session::instance()->signedIn()) {
        return;
    }
    retireWatch();
    const int generation = m_generation;
    m_watch = backend->watch(
        m_lastSequence, this,
        [this, generation](const NotificationBatch &batch) {
            if (generation == m_generation) {
                onBatch(batch);
            }
        },
        [this, generation](const Result<Done> &end) {
            if (generation == m_generation) {
                onStreamEnd(end);
            }
        });
}

void NotificationCentre::onBatch(const NotificationBatch &batch)
{
    m_failures = 0;
    setReconnecting(false);
    setLive(true);
    ++m_countEpoch;
    const int added = merge(batch.notifications);
    setUnreadCount(batch.unreadCount);
    // Reads the server could not be told of: now it can.
    sendMarks();
    if (added > 0) {
        Q_EMIT arrived(added);
    }
}

void NotificationCentre::onStreamEnd(const Result<Done> &end)
{
    setLive(false);
    if (!end.ok() && end.error().kind == BackendError::Kind::SessionExpired) {
        return; // Session signs out, which stops everything
    }
    scheduleReconnect();
}

void NotificationCentre::scheduleReconnect()
{
    ++m_failures;
    setReconnecting(true);
    m_reconnectTimer.start(retryDelayMs(m_failures));
}

int NotificationCentre::merge(const QList<NotificationInfo> &notifications)
{
    int added = 0;
    for (NotificationInfo n : notifications) {
        if (n.sequence <= 0) {
            continue;
        }
        // Read here and not yet told to the server: it still says unread.
        if (m_unsentReads.contains(n.sequence) || n.sequence <= m_unsentUpTo) {
            n.read = true;
        }
        // Newest first: the first row not newer than this one.
        const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), n.sequence,
            [](const NotificationInfo &row, qint64 sequence) { return row.sequence > sequence; });
        const int row = static_cast<int>(at - m_rows.begin());
        if (at != m_rows.end() && at->sequence == n.sequence) {
            // Held already: the same notification, perhaps read since (never
            // unread again).
            n.read = n.read || at->read;
            *at = n;
            Q_EMIT dataChanged(index(row), index(row));
            continue;
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, n);
        endInsertRows();
        m_lastSequence = std::max(m_lastSequence, n.sequence);
        ++added;
    }
    if (added > 0) {
        Q_EMIT countChanged();
    }
    return added;
}

void NotificationCentre::markRowRead(int row)
{
    m_rows[row].read = true;
    Q_EMIT dataChanged(index(row), index(row), {ReadRole});
    m_unsentReads.insert(m_rows.at(row).sequence);
    setUnreadCount(std::max(0, m_unreadCount - 1));
}

void NotificationCentre::sendMarks()
{
    NotificationBackend *backend = Session::instance()->notifications();
    if (!backend || m_sendingMarks || (m_unsentReads.isEmpty() && m_unsentUpTo == 0)) {
        return;
    }
    QList<qint64> sequences;
    for (qint64 sequence : std::as_const(m_unsentReads)) {
        if (sequence > m_unsentUpTo) {
            sequences.append(sequence);
        }
        if (sequences.size() == kMostMarksAtOnce) {
            break;
        }
    }
    const qint64 upTo = m_unsentUpTo;
    m_sendingMarks = true;
    m_markTimer.stop();
    const int generation = m_generation;
    const int epoch = m_countEpoch;
    backend->markRead(sequences, upTo, this,
        [this, generation, epoch, sequences, upTo](const Result<int> &result) {
            if (generation != m_generation) {
                return;
            }
            m_sendingMarks = false;
            if (!result.ok()) {
                const BackendError::Kind kind = result.error().kind;
                if (kind == BackendError::Kind::Rejected || kind == BackendError::Kind::NotFound) {
                    // Never to be taken: the list as the server has it wins.
                    m_unsentReads.clear();
                    m_unsentUpTo = 0;
                } else if (kind != BackendError::Kind::SessionExpired) {
                    m_markTimer.start(kMarkRetryMs);
                }
                return;
            }
            for (qint64 sequence : sequences) {
                m_unsentReads.remove(sequence);
            }
            if (m_unsentUpTo == upTo) {
                m_unsentUpTo = 0;
                m_unsentReads.removeIf([upTo](qint64 sequence) { return sequence <= upTo; });
            }
            if (!m_unsentReads.isEmpty() || m_unsentUpTo > 0) {
                sendMarks();
            } else if (epoch == m_countEpoch) {
                setUnreadCount(result.value());
            } else {
                refreshUnreadCount();
            }
        });
}

void NotificationCentre::refreshUnreadCount()
{
    NotificationBackend *backend = Session::instance()->notifications();
    if (!backend) {
        return;
    }
    const int generation = m_generation;
    const int epoch = m_countEpoch;
    backend->listNotifications(
        0, 1, this, [this, generation, epoch](const Result<NotificationPage> &result) {
            if (generation != m_generation || !result.ok() || !m_unsentReads.isEmpty()
                || m_unsentUpTo > 0) {
                return;
            }
            if (epoch == m_countEpoch) {
                setUnreadCount(result.value().unreadCount);
            } else {
                refreshUnreadCount(); // crossed another message: ask again
            }
        });
}

void NotificationCentre::loadMore()
{
    NotificationBackend *backend = Session::instance()->notifications();
    if (!backend || !m_loaded || !m_hasMore || m_loadingMore || m_rows.isEmpty()) {
        return;
    }
    m_moreFailed = false;
    setLoadingMore(true);
    const int generation = m_generation;
    backend->listNotifications(m_rows.last().sequence, kPageSize, this,
        [this, generation](const Result<NotificationPage> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoadingMore(false);
            if (!result.ok()) {
                // Not again by itself: the list offers to try.
                m_moreFailed = true;
                return;
            }
            merge(result.value().notifications);
            setHasMore(result.value().more);
        });
}

void NotificationCentre::setUnreadCount(int count)
{
    count = std::max(0, count);
    if (count != m_unreadCount) {
        m_unreadCount = count;
        Q_EMIT unreadCountChanged();
    }
}

void NotificationCentre::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}

void NotificationCentre::setLoadingMore(bool loadingMore)
{
    if (loadingMore != m_loadingMore) {
        m_loadingMore = loadingMore;
        Q_EMIT loadingMoreChanged();
    }
}

void NotificationCentre::setLoaded(bool loaded)
{
    if (loaded != m_loaded) {
        m_loaded = loaded;
        Q_EMIT loadedChanged();
    }
}

void NotificationCentre::setHasMore(bool hasMore)
{
    if (hasMore != m_hasMore) {
        m_hasMore = hasMore;
        Q_EMIT hasMoreChanged();
    }
}

void NotificationCentre::setLive(bool live)
{
    if (live != m_live) {
        m_live = live;
        Q_EMIT liveChanged();
    }
}

void NotificationCentre::setReconnecting(bool reconnecting)
{
    if (reconnecting != m_reconnecting) {
        m_reconnecting = reconnecting;
        Q_EMIT reconnectingChanged();
    }
}

void NotificationCentre::setErrorMessage(const QString &message)
{
    if (message != m_errorMessage) {
        m_errorMessage = message;
        Q_EMIT errorMessageChanged();
    }
}
