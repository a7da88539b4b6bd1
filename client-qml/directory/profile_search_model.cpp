#include "directory/profile_search_model.h"

#include "directory/directory_backend.h"

#include <algorithm>

ProfileSearchModel::ProfileSearchModel(QObject *parent)
    : ProfileListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &ProfileSearchModel::reload);
}

QString ProfileSearchModel::query() const
{
    return m_query;
}

void ProfileSearchModel::setQuery(const QString &query)
{
    if (query == m_query) {
        return;
    }
    m_query = query;
    Q_EMIT queryChanged();
    m_debounce.start();
}

void ProfileSearchModel::searchNow()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        reload();
    }
}

void ProfileSearchModel::filterChanged()
{
    Q_EMIT filtersChanged();
    m_debounce.stop();
    reload();
}

QString ProfileSearchModel::kind() const
{
    return m_kind;
}

void ProfileSearchModel::setKind(const QString &kind)
{
    if (kind != m_kind) {
        m_kind = kind;
        filterChanged();
    }
}

QStringList ProfileSearchModel::specialisms() const
{
    return m_specialisms;
}

void ProfileSearchModel::setSpecialisms(const QStringList &specialisms)
{
    if (specialisms != m_specialisms) {
        m_specialisms = specialisms;
        filterChanged();
    }
}

QString ProfileSearchModel::deliveryMode() const
{
    return m_deliveryMode;
}

void ProfileSearchModel::setDeliveryMode(const QString &deliveryMode)
{
    if (deliveryMode != m_deliveryMode) {
        m_deliveryMode = deliveryMode;
        filterChanged();
    }
}

QString ProfileSearchModel::organisationScope() const
{
    return m_organisationScope;
}

void ProfileSearchModel::setOrganisationScope(const QString &scope)
{
    if (scope != m_organisationScope) {
        m_organisationScope = scope;
        filterChanged();
    }
}

QString ProfileSearchModel::language() const
{
    return m_language;
}

void ProfileSearchModel::setLanguage(const QString &language)
{
    if (language != m_language) {
        m_language = language;
        filterChanged();
    }
}

bool ProfileSearchModel::acceptingOnly() const
{
    return m_acceptingOnly;
}

void ProfileSearchModel::setAcceptingOnly(bool acceptingOnly)
{
    if (acceptingOnly != m_acceptingOnly) {
        m_acceptingOnly = acceptingOnly;
        filterChanged();
    }
}

int ProfileSearchModel::activeFilterCount() const
{
    return (m_kind.isEmpty() ? 0 : 1) + (m_specialisms.isEmpty() ? 0 : 1)
        + (m_deliveryMode.isEmpty() ? 0 : 1) + (m_organisationScope.isEmpty() ? 0 : 1)
        + (m_language.isEmpty() ? 0 : 1) + (m_acceptingOnly ? 1 : 0);
}

int ProfileSearchModel::pageSize() const
{
    return m_pageSize;
}

void ProfileSearchModel::setPageSize(int pageSize)
{
    pageSize = std::clamp(pageSize, 1, 50);
    if (pageSize != m_pageSize) {
        m_pageSize = pageSize;
        filterChanged();
    }
}

void ProfileSearchModel::clearFilters()
{
    if (activeFilterCount() == 0) {
        return;
    }
    m_kind.clear();
    m_specialisms.clear();
    m_deliveryMode.clear();
    m_organisationScope.clear();
    m_language.clear();
    m_acceptingOnly = false;
    filterChanged();
}

void ProfileSearchModel::requestPage(
    DirectoryBackend &backend, const QString &pageToken, Callback<ProfilePage> done)
{
    ProfileQuery query;
    query.text = m_query.trimmed().left(100);
    query.kind = m_kind;
    query.specialisms = m_specialisms;
    query.organisationScope = m_organisationScope;
    query.deliveryMode = m_deliveryMode;
    query.language = m_language;
    query.acceptingOnly = m_acceptingOnly;
    query.pageSize = m_pageSize;
    query.pageToken = pageToken;
    backend.searchProfiles(query, this, std::move(done));
}
