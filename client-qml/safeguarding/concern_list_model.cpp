#include "safeguarding/concern_list_model.h"

#include "common/map_rows.h"
#include "identity/session.h"
#include "safeguarding/safeguarding_backend.h"
#include "safeguarding/safeguarding_catalogue.h"
#include "sync/sync_queue.h"

#include <QHash>

#include <algorithm>

namespace {

bool isOpenToRead(const QVariantMap &row)
{
    return row.value(QStringLiteral("canRead")).toBool()
        && !row.value(QStringLiteral("acknowledged")).toBool();
}

} // namespace

ConcernListModel::ConcernListModel(QObject *parent)
    : PagedListModel(parent)
    , m_keys(SafeguardingCatalogue::toMap(ConcernInfo()).keys())
{
    SyncQueue *queue = SyncQueue::instance();
    connect(queue, &SyncQueue::countChanged, this, &ConcernListModel::markPending);
    connect(queue, &SyncQueue::entriesChanged, this, &ConcernListModel::markPending);
    connect(
        queue, &SyncQueue::synced, this, [this](const QString &, const QString &, bool, int kind) {
            if (kind == WriteKind::AcknowledgeConcern || kind == WriteKind::RaiseConcern) {
                reload();
            }
        });
}

int ConcernListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ConcernListModel::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("raisedByName"));
}

QHash<int, QByteArray> ConcernListModel::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

QString ConcernListModel::scope() const
{
    return m_scope;
}

void ConcernListModel::setScope(const QString &scope)
{
    if (scope == m_scope) {
        return;
    }
    m_scope = scope;
    Q_EMIT scopeChanged();
    beginResetModel();
    m_rows.clear();
    for (const QVariantMap &row : std::as_const(m_all)) {
        if (wanted(row)) {
            m_rows.append(row);
        }
    }
    endResetModel();
    Q_EMIT countChanged();
}

bool ConcernListModel::active() const
{
    return m_active;
}

void ConcernListModel::setActive(bool active)
{
    if (active == m_active) {
        return;
    }
    m_active = active;
    Q_EMIT activeChanged();
    reload();
}

int ConcernListModel::openCount() const
{
    return static_cast<int>(std::count_if(m_all.cbegin(), m_all.cend(), isOpenToRead));
}

int ConcernListModel::escalatedCount() const
{
    return static_cast<int>(std::count_if(m_all.cbegin(), m_all.cend(), [](const auto &row) {
        return isOpenToRead(row) && row.value(QStringLiteral("escalated")).toBool();
    }));
}

int ConcernListModel::toReadCount() const
{
    return static_cast<int>(std::count_if(m_all.cbegin(), m_all.cend(),
        [](const auto &row) { return row.value(QStringLiteral("canRead")).toBool(); }));
}

int ConcernListModel::raisedCount() const
{
    return static_cast<int>(std::count_if(m_all.cbegin(), m_all.cend(),
        [](const auto &row) { return row.value(QStringLiteral("raisedByYou")).toBool(); }));
}

int ConcernListModel::raisedOpenCount() const
{
    return static_cast<int>(std::count_if(m_all.cbegin(), m_all.cend(), [](const auto &row) {
        return row.value(QStringLiteral("raisedByYou")).toBool()
            && !row.value(QStringLiteral("acknowledged")).toBool();
    }));
}

QVariant ConcernListModel::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

int ConcernListModel::rowOf(double concernId) const
{
    const auto id = static_cast<qint64>(concernId);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QStringLiteral("id")).toLongLong() == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool ConcernListModel::wanted(const QVariantMap &row) const
{
    if (m_scope == QLatin1String("toRead")) {
        return row.value(QStringLiteral("canRead")).toBool();
    }
    if (m_scope == QLatin1String("raised")) {
        return row.value(QStringLiteral("raisedByYou")).toBool();
    }
    return true;
}

void ConcernListModel::markPending()
{
    // Acknowledgements waiting in the queue (read from the queue itself, so
    // that they still show after the app restarts), by concern.
    QHash<qint64, QString> waiting;
    const SyncQueue *queue = SyncQueue::instance();
    for (int i = 0; i < queue->rowCount(); ++i) {
        const QModelIndex entry = queue->index(i);
        if (queue->data(entry, SyncQueue::KindRole).toInt() != WriteKind::AcknowledgeConcern) {
            continue;
        }
        const QString key = queue->data(entry, SyncQueue::KeyRole).toString();
        const qint64 id = queue->payloadOf(key).value(QStringLiteral("concernId")).toLongLong();
        waiting.insert(id,
            queue->data(entry, SyncQueue::RefusedRole).toBool()
                ? queue->data(entry, SyncQueue::LastErrorRole).toString()
                : QString());
    }
    auto apply = [&waiting](QVariantMap &row) {
        const qint64 id = row.value(QStringLiteral("id")).toLongLong();
        // Acknowledged on the server already: nothing waits any more.
        const bool isWaiting
            = waiting.contains(id) && !row.value(QStringLiteral("acknowledged")).toBool();
        const QString problem = isWaiting ? waiting.value(id) : QString();
        const bool changed = row.value(QStringLiteral("pending")).toBool() != isWaiting
            || row.value(QStringLiteral("syncProblem")).toString() != problem;
        row.insert(QStringLiteral("pending"), isWaiting);
        row.insert(QStringLiteral("syncProblem"), problem);
        return changed;
    };
    for (QVariantMap &row : m_all) {
        apply(row);
    }
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (apply(m_rows[i])) {
            const QModelIndex changed = index(static_cast<int>(i));
            Q_EMIT dataChanged(changed, changed);
        }
    }
}

void ConcernListModel::sendPageRequest(const QString &, int generation)
{
    SafeguardingBackend &backend = *Session::instance()->safeguarding();
    struct Rows {
        QList<QVariantMap> rows;
        QString nextPageToken;
        int totalCount = 0;
    };
    Callback<Rows> handle = onPage<Rows>(generation, [this](const Rows &page) {
        m_all = page.rows;
        markPending();
        QList<QVariantMap> rows;
        for (const QVariantMap &row : std::as_const(m_all)) {
            if (wanted(row)) {
                rows.append(row);
            }
        }
        beginResetModel();
        m_rows = rows;
        endResetModel();
        Q_EMIT countChanged();
        Q_EMIT countsChanged();
        setLoading(false);
    });
    if (!m_active) {
        handle(Rows {});
        return;
    }
    backend.listConcerns(this, [handle](const Result<QList<ConcernInfo>> &result) {
        if (!result.ok()) {
            handle(result.error());
            return;
        }
        // The coach's own relationships name the other person; the
        // supervisor's concerns are about relationships they are not in.
        QHash<qint64, QString> names;
        const QVariantList cached = SyncQueue::instance()->cachedRelationships().first;
        for (const QVariant &relationship : cached) {
            const QVariantMap map = relationship.toMap();
            names.insert(map.value(QStringLiteral("id")).toLongLong(),
                map.value(QStringLiteral("otherName")).toString());
        }
        QList<ConcernInfo> concerns = result.value();
        std::stable_sort(
            concerns.begin(), concerns.end(), [](const ConcernInfo &a, const ConcernInfo &b) {
                const bool aDone = a.acknowledgedAt.isValid();
                const bool bDone = b.acknowledgedAt.isValid();
                if (aDone != bDone) {
                    return !aDone;
                }
                return aDone ? a.acknowledgedAt > b.acknowledgedAt : a.raisedAt < b.raisedAt;
            });
        Rows rows;
        for (const ConcernInfo &concern : concerns) {
            rows.rows.append(SafeguardingCatalogue::toMap(concern,
                concern.yourPart == QLatin1String("raised by you")
                    ? names.value(concern.relationshipId)
                    : QString()));
        }
        rows.totalCount = static_cast<int>(rows.rows.size());
        handle(rows);
    });
}

void ConcernListModel::clearRows()
{
    m_rows.clear();
    m_all.clear();
    Q_EMIT countsChanged();
}
