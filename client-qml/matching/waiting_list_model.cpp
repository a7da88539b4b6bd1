#include "matching/waiting_list_model.h"

#include "matching/matching_backend.h"

#include <algorithm>

int WaitingListModel::pageSize() const
{
    return m_pageSize;
}

void WaitingListModel::setPageSize(int pageSize)
{
    pageSize = std::clamp(pageSize, 1, kMaxPageSize);
    if (pageSize == m_pageSize) {
        return;
    }
    m_pageSize = pageSize;
    Q_EMIT pageSizeChanged();
    reload();
}

void WaitingListModel::requestPage(
    MatchingBackend &backend, const QString &pageToken, Callback<RequestPage> done)
{
    WaitingQuery query;
    query.pageSize = m_pageSize;
    query.pageToken = pageToken;
    backend.listWaiting(query, this, std::move(done));
}
