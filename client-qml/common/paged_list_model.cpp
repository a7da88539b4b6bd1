#include "common/paged_list_model.h"

#include "identity/session.h"

PagedListModel::PagedListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && hasMore() && !m_loading;
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid()) {
        loadMore();
    }
}

void PagedListModel::classBegin()
{
    m_complete = false;
}

void PagedListModel::componentComplete()
{
    m_complete = true;
    reload();
}

bool PagedListModel::loading() const
{
    return m_loading;
}

int PagedListModel::count() const
{
    return rowCount();
}

int PagedListModel::totalCount() const
{
    return m_totalCount;
}

bool PagedListModel::hasMore() const
{
    return !m_nextPageToken.isEmpty();
}

void PagedListModel::reload()
{
    if (!m_complete) {
        return;
    }
    // Anything still arriving belongs to the old filters. Paging state goes
    // before the rows: views ask canFetchMore() as soon as rows change.
    ++m_generation;
    setNextPageToken({});
    setTotalCount(-1);
    setLoading(false);
    if (rowCount() > 0) {
        beginResetModel();
        clearRows();
        endResetModel();
        Q_EMIT countChanged();
    }
    fetchPage({});
}

void PagedListModel::loadMore()
{
    if (m_loading || !hasMore()) {
        return;
    }
    fetchPage(m_nextPageToken);
}

void PagedListModel::fetchPage(const QString &pageToken)
{
    if (!Session::instance()->connection() || !Session::instance()->signedIn()) {
        setLoading(false); // a chain of pages ends here too
        return;
    }
    const int generation = m_generation;
    setLoading(true);
    sendPageRequest(pageToken, generation);
}

const QString &PagedListModel::nextPageToken() const
{
    return m_nextPageToken;
}

void PagedListModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void PagedListModel::setTotalCount(int totalCount)
{
    if (totalCount == m_totalCount) {
        return;
    }
    m_totalCount = totalCount;
    Q_EMIT totalCountChanged();
}

void PagedListModel::setNextPageToken(const QString &token)
{
    const bool hadMore = hasMore();
    m_nextPageToken = token;
    if (hadMore != hasMore()) {
        Q_EMIT hasMoreChanged();
    }
}
