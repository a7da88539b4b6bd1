#include "profile_list_model.h"

#include "directory_catalogue.h"
#include "session.h"

ProfileListModel::ProfileListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_keys(DirectoryCatalogue::toMap(ProfileInfo()).keys())
{ }

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const QVariantMap &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        return row.value(QStringLiteral("displayName"));
    }
    const int key = role - Qt::UserRole - 1;
    if (key < 0 || key >= m_keys.size()) {
        return {};
    }
    return row.value(m_keys.at(key));
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        names.insert(Qt::UserRole + 1 + static_cast<int>(i), m_keys.at(i).toLatin1());
    }
    return names;
}

bool ProfileListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && hasMore() && !m_loading;
}

void ProfileListModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid()) {
        loadMore();
    }
}

void ProfileListModel::classBegin()
{
    m_complete = false;
}

void ProfileListModel::componentComplete()
{
    m_complete = true;
    reload();
}

bool ProfileListModel::loading() const
{
    return m_loading;
}

int ProfileListModel::count() const
{
    return rowCount();
}

int ProfileListModel::totalCount() const
{
    return m_totalCount;
}

bool ProfileListModel::hasMore() const
{
    return !m_nextPageToken.isEmpty();
}

void ProfileListModel::reload()
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
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    fetchPage({});
}

void ProfileListModel::loadMore()
{
    if (m_loading || !hasMore()) {
        return;
    }
    fetchPage(m_nextPageToken);
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

void ProfileListModel::requestPage(Backend &, const QString &, Callback<ProfilePage> done)
{
    done(ProfilePage());
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

void ProfileListModel::fetchPage(const QString &pageToken)
{
    Backend *backend = Session::instance()->backend();
    if (!backend || !Session::instance()->signedIn()) {
        setLoading(false); // a chain of pages ends here too
        return;
    }
    const int generation = m_generation;
    setLoading(true);
    requestPage(*backend, pageToken, [this, generation](const Result<ProfilePage> &result) {
        if (generation != m_generation) {
            return; // a response to filters that have changed since
        }
        if (!result.ok()) {
            setLoading(false);
            Q_EMIT errorOccurred(result.error().message);
            return;
        }
        // `loading` goes false last: views that see it change may ask for
        // the next page at once, which must use the new token.
        const ProfilePage &page = result.value();
        setTotalCount(page.totalCount);
        setNextPageToken(page.nextPageToken);
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
                fetchPage(m_nextPageToken);
                return;
            }
        }
        setLoading(false);
    });
}

void ProfileListModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void ProfileListModel::setTotalCount(int totalCount)
{
    if (totalCount == m_totalCount) {
        return;
    }
    m_totalCount = totalCount;
    Q_EMIT totalCountChanged();
}

void ProfileListModel::setNextPageToken(const QString &token)
{
    const bool hadMore = hasMore();
    m_nextPageToken = token;
    if (hadMore != hasMore()) {
        Q_EMIT hasMoreChanged();
    }
}
