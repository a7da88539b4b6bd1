#include "relationships/relationship_list_model.h"

#include "common/date_words.h"
#include "common/map_rows.h"
#include "identity/session.h"
#include "relationships/relationship_backend.h"
#include "relationships/relationship_catalogue.h"
#include "sync/sync_queue.h"

RelationshipListModel::RelationshipListModel(QObject *parent)
    : PagedListModel(parent)
    , m_keys(RelationshipCatalogue::toMap(RelationshipInfo()).keys())
{ }

int RelationshipListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RelationshipListModel::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("otherName"));
}

QHash<int, QByteArray> RelationshipListModel::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

bool RelationshipListModel::recordableOnly() const
{
    return m_recordableOnly;
}

void RelationshipListModel::setRecordableOnly(bool recordableOnly)
{
    if (recordableOnly == m_recordableOnly) {
        return;
    }
    m_recordableOnly = recordableOnly;
    Q_EMIT recordableOnlyChanged();
    reload();
}

int RelationshipListModel::needsYouCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [](const QVariantMap &row) { return row.value(QStringLiteral("needsYou")).toBool(); }));
}

bool RelationshipListModel::offline() const
{
    return m_offline;
}

QString RelationshipListModel::offlineNote() const
{
    if (!m_offline) {
        return {};
    }
    return tr("You are offline. This is the list as it was on %1 at %2.")
        .arg(DateWords::weekday(m_savedAt), DateWords::time(m_savedAt));
}

QVariant RelationshipListModel::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

int RelationshipListModel::rowOf(double relationshipId) const
{
    const auto id = static_cast<qint64>(relationshipId);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QStringLiteral("id")).toLongLong() == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void RelationshipListModel::replace(const QVariantMap &relationship)
{
    const int row = rowOf(relationship.value(QStringLiteral("id")).toDouble());
    if (row < 0) {
        return;
    }
    if (!wanted(relationship)) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    } else {
        m_rows[row] = relationship;
        Q_EMIT dataChanged(index(row), index(row));
    }
    Q_EMIT countChanged();
}

bool RelationshipListModel::wanted(const QVariantMap &row) const
{
    return !m_recordableOnly
        || (row.value(QStringLiteral("isMember")).toBool()
            && row.value(QStringLiteral("open")).toBool());
}

void RelationshipListModel::setOffline(bool offline, const QDateTime &savedAt)
{
    if (offline == m_offline && savedAt == m_savedAt) {
        return;
    }
    m_offline = offline;
    m_savedAt = savedAt;
    Q_EMIT offlineChanged();
}

void RelationshipListModel::sendPageRequest(const QString &, int generation)
{
    RelationshipBackend &backend = *Session::instance()->relationships();
    Callback<Rows> handle = onPage<Rows>(generation, [this](const Rows &page) {
        QList<QVariantMap> rows;
        for (const QVariantMap &row : page.rows) {
            if (wanted(row)) {
                rows.append(row);
            }
        }
        if (!rows.isEmpty()) {
            beginInsertRows({}, 0, static_cast<int>(rows.size()) - 1);
            m_rows = rows;
            endInsertRows();
        }
        Q_EMIT countChanged();
        setLoading(false);
    });
    backend.listMyRelationships(
        this, [this, handle](const Result<QList<RelationshipInfo>> &result) {
            if (!result.ok()) {
                const auto kind = result.error().kind;
                if (kind == BackendError::Kind::Unreachable
                    || kind == BackendError::Kind::Timeout) {
                    auto [cached, savedAt] = SyncQueue::instance()->cachedRelationships();
                    if (savedAt.isValid()) {
                        Rows rows;
                        for (const QVariant &row : cached) {
                            rows.rows.append(row.toMap());
                        }
                        rows.totalCount = static_cast<int>(rows.rows.size());
                        setOffline(true, savedAt);
                        handle(rows);
                        return;
                    }
                }
                handle(result.error());
                return;
            }
            Rows rows;
            QVariantList all;
            for (const RelationshipInfo &relationship : result.value()) {
                rows.rows.append(RelationshipCatalogue::toMap(relationship));
                all.append(rows.rows.constLast());
            }
            rows.totalCount = static_cast<int>(rows.rows.size());
            SyncQueue::instance()->cacheRelationships(all);
            setOffline(false, {});
            handle(rows);
        });
}

void RelationshipListModel::clearRows()
{
    m_rows.clear();
}
