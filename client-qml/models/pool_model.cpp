#include "pool_model.h"

#include <algorithm>

QString PoolModel::status() const
{
    return m_status;
}

void PoolModel::setStatus(const QString &status)
{
    if (status == m_status) {
        return;
    }
    m_status = status;
    Q_EMIT statusChanged();
    reload();
}

bool PoolModel::lapsedOnly() const
{
    return m_lapsedOnly;
}

void PoolModel::setLapsedOnly(bool lapsedOnly)
{
    if (lapsedOnly == m_lapsedOnly) {
        return;
    }
    m_lapsedOnly = lapsedOnly;
    Q_EMIT lapsedOnlyChanged();
    reload();
}

QString PoolModel::sortKey() const
{
    return m_sortKey;
}

bool PoolModel::sortAscending() const
{
    return m_sortAscending;
}

void PoolModel::sortBy(const QString &key)
{
    if (key == m_sortKey) {
        m_sortAscending = !m_sortAscending;
    } else {
        m_sortKey = key;
        m_sortAscending = true;
    }
    Q_EMIT sortChanged();
    sortRows();
}

void PoolModel::requestPage(Backend &backend, const QString &pageToken, Callback<ProfilePage> done)
{
    PoolQuery query;
    query.status = m_status;
    query.lapsedOnly = m_lapsedOnly;
    query.pageSize = 50;
    query.pageToken = pageToken;
    backend.listPool(query, this, std::move(done));
}

void PoolModel::rowsAppended()
{
    if (!m_sortKey.isEmpty()) {
        sortRows();
    }
}

void PoolModel::sortRows()
{
    if (m_sortKey.isEmpty() || m_rows.size() < 2) {
        return;
    }
    const QString key = m_sortKey;
    const bool ascending = m_sortAscending;
    const QString name = QStringLiteral("displayName");
    beginResetModel();
    // Stable, and ties keep the server's order by name.
    std::stable_sort(m_rows.begin(), m_rows.end(),
        [&key, &name, ascending](const QVariantMap &a, const QVariantMap &b) {
            const QVariant left = a.value(key);
            const QVariant right = b.value(key);
            int order = 0;
            if (left.typeId() == QMetaType::QString) {
                // Empty text (e.g. no supervision date) sorts last either way.
                const QString l = left.toString();
                const QString r = right.toString();
                if (l.isEmpty() != r.isEmpty()) {
                    return r.isEmpty();
                }
                order = QString::localeAwareCompare(l, r);
            } else {
                const double l = left.toDouble();
                const double r = right.toDouble();
                order = l < r ? -1 : l > r ? 1 : 0;
            }
            if (order == 0) {
                return QString::localeAwareCompare(
                           a.value(name).toString(), b.value(name).toString())
                    < 0;
            }
            return ascending ? order < 0 : order > 0;
        });
    endResetModel();
}
