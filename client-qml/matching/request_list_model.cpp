#include "matching/request_list_model.h"

#include "common/map_rows.h"
#include "identity/session.h"
#include "matching/matching_backend.h"
#include "matching/matching_catalogue.h"

RequestListModel::RequestListModel(QObject *parent)
    : PagedListModel(parent)
    , m_keys(MatchingCatalogue::toMap(SupportRequestInfo()).keys())
{ }

int RequestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RequestListModel::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("coacheeName"));
}

QHash<int, QByteArray> RequestListModel::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

bool RequestListModel::busy() const
{
    return m_busy;
}

QVariant RequestListModel::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

int RequestListModel::rowOf(double requestId) const
{
    const auto id = static_cast<qint64>(requestId);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QStringLiteral("id")).toLongLong() == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Callback<QList<SupportRequestInfo>> RequestListModel::asOnePage(Callback<RequestPage> done)
{
    return [done = std::move(done)](const Result<QList<SupportRequestInfo>> &result) {
        if (!result.ok()) {
            done(result.error());
            return;
        }
        done(RequestPage {result.value(), {}, static_cast<int>(result.value().size())});
    };
}

void RequestListModel::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}

bool RequestListModel::replaceRequest(const SupportRequestInfo &request)
{
    const int row = rowOf(static_cast<double>(request.id));
    if (row < 0) {
        return false;
    }
    m_rows[row] = MatchingCatalogue::toMap(request);
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
    return true;
}

void RequestListModel::removeRequest(qint64 requestId)
{
    const int row = rowOf(static_cast<double>(requestId));
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void RequestListModel::sendPageRequest(const QString &pageToken, int generation)
{
    MatchingBackend &backend = *Session::instance()->matching();
    requestPage(
        backend, pageToken, onPage<RequestPage>(generation, [this](const RequestPage &page) {
            if (!page.requests.isEmpty()) {
                const int first = rowCount();
                beginInsertRows({}, first, first + static_cast<int>(page.requests.size()) - 1);
                for (const SupportRequestInfo &request : page.requests) {
                    m_rows.append(MatchingCatalogue::toMap(request));
                }
                endInsertRows();
                Q_EMIT countChanged();
            }
            setLoading(false);
        }));
}

void RequestListModel::clearRows()
{
    m_rows.clear();
}
