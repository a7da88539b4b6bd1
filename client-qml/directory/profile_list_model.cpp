#include "directory/profile_list_model.h"

#include "common/map_rows.h"
#include "directory/directory_backend.h"
#include "directory/directory_catalogue.h"
#include "identity/session.h"

ProfileListModel::ProfileListModel(QObject *parent)
    : PagedListModel(parent)
    , m_keys(DirectoryCatalogue::toMap(ProfileInfo()).keys())
{ }

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("displayName"));
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

QVariant ProfileListModel::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

int ProfileListModel::rowOf(qint64 accountId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QStringLiteral("accountId")).toLongLong() == accountId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void ProfileListModel::addRows(QList<QVariantMap> rows)
{
    if (rows.isEmpty()) {
        return;
    }
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows.append(std::move(rows));
    endInsertRows();
}

void ProfileListModel::sendPageRequest(const QString &pageToken, int generation)
{
    DirectoryBackend &backend = *Session::instance()->directory();
    requestPage(
        backend, pageToken, onPage<ProfilePage>(generation, [this](const ProfilePage &page) {
            if (!page.profiles.isEmpty()) {
                QList<QVariantMap> rows;
                rows.reserve(page.profiles.size());
                for (const ProfileInfo &profile : page.profiles) {
                    rows.append(DirectoryCatalogue::toMap(profile));
                }
                addRows(std::move(rows));
                Q_EMIT countChanged();
                // Only after rows: an empty page with a token would loop for ever.
                if (loadsEveryPage() && hasMore()) {
                    fetchPage(nextPageToken());
                    return;
                }
            }
            setLoading(false);
        }));
}

void ProfileListModel::clearRows()
{
    m_rows.clear();
}
