#include "directory/pool_model.h"

#include "directory/directory_backend.h"

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

int PoolModel::pageSize() const
{
    return m_pageSize;
}

void PoolModel::setPageSize(int pageSize)
{
    pageSize = std::clamp(pageSize, 1, kMaxPageSize);
    if (pageSize == m_pageSize) {
        return;
    }
    m_pageSize = pageSize;
    Q_EMIT pageSizeChanged();
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
    if (key.isEmpty()) {
        return;
    }
    if (key == m_sortKey) {
        m_sortAscending = !m_sortAscending;
    } else {
        m_sortKey = key;
        m_sortAscending = true;
    }
    Q_EMIT sortChanged();
    sortRows();
}

void PoolModel::requestPage(
    DirectoryBackend &backend, const QString &pageToken, Callback<ProfilePage> done)
{
    PoolQuery query;
    query.status = m_status;
    query.lapsedOnly = m_lapsedOnly;
    query.pageSize = m_pageSize;
    query.pageToken = pageToken;
    backend.listPool(query, this, std::move(done));
}

void PoolModel::addRows(QList<QVariantMap> rows)
{
    if (rows.isEmpty()) {
        return;
    }
    const auto less = [this](const QVariantMap &a, const QVariantMap &b) { return lessThan(a, b); };
    std::stable_sort(rows.begin(), rows.end(), less);
    // Merge the sorted page into the sorted rows, one insertion per run of
    // rows that land together: with the default order (the server's, by
    // name) that is a single insertion at the end.
    qsizetype from = 0;
    qsizetype i = 0;
    while (i < rows.size()) {
        const qsizetype at
            = std::upper_bound(m_rows.cbegin() + from, m_rows.cend(), rows.at(i), less)
            - m_rows.cbegin();
        qsizetype end = i + 1;
        while (end < rows.size() && (at == m_rows.size() || less(rows.at(end), m_rows.at(at)))) {
            ++end;
        }
        beginInsertRows({}, static_cast<int>(at), static_cast<int>(at + end - i - 1));
        m_rows.insert(at, end - i, QVariantMap());
        std::move(rows.begin() + i, rows.begin() + end, m_rows.begin() + at);
        endInsertRows();
        from = at + (end - i);
        i = end;
    }
}

bool PoolModel::lessThan(const QVariantMap &a, const QVariantMap &b) const
{
    static const QString kName = QStringLiteral("displayName");
    static const QString kAccountId = QStringLiteral("accountId");
    const QVariant left = a.value(m_sortKey);
    const QVariant right = b.value(m_sortKey);
    int order = 0;
    if (left.typeId() == QMetaType::QString) {
        // Empty text (no supervision date, no kind) sorts last either way.
        const QString l = left.toString();
        const QString r = right.toString();
        if (l.isEmpty() != r.isEmpty()) {
            return r.isEmpty();
        }
        order = m_collator.compare(l, r);
    } else {
        const double l = left.toDouble();
        const double r = right.toDouble();
        order = l < r ? -1 : l > r ? 1 : 0;
    }
    if (order != 0) {
        return m_sortAscending ? order < 0 : order > 0;
    }
    // Ties by name, then by account, so that the order is total and rows
    // arriving later land where a full sort would put them.
    if (m_sortKey != kName) {
        order = m_collator.compare(a.value(kName).toString(), b.value(kName).toString());
        if (order != 0) {
            return order < 0;
        }
    }
    return a.value(kAccountId).toLongLong() < b.value(kAccountId).toLongLong();
}

void PoolModel::sortRows()
{
    if (m_rows.size() < 2) {
        return;
    }
    beginResetModel();
    std::stable_sort(m_rows.begin(), m_rows.end(),
        [this](const QVariantMap &a, const QVariantMap &b) { return lessThan(a, b); });
    endResetModel();
}
