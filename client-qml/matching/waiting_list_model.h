#pragma once

#include "matching/request_list_model.h"
#include "shared/limits.h"

/// Coordinators: the waiting list of their organisations (ListWaiting),
/// longest waiting first, a page at a time (loadMore() or a view's
/// fetchMore()). Each row has `daysWaited`.
class WaitingListModel : public RequestListModel {
    Q_OBJECT
    QML_ELEMENT

    /// Requests asked for per call, 1 to 500.
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)

public:
    using RequestListModel::RequestListModel;

    static constexpr int kMaxPageSize = tandem::limits::kMaxWaitingPageSize;

    int pageSize() const;
    void setPageSize(int pageSize);

Q_SIGNALS:
    void pageSizeChanged();

protected:
    void requestPage(
        MatchingBackend &backend, const QString &pageToken, Callback<RequestPage> done) override;

private:
    int m_pageSize = 100;
};
