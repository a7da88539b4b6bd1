#include "identity/account_list_model.h"

#include "identity/account_backend.h"
#include "identity/role_catalogue.h"
#include "identity/session.h"
#include "shared/limits.h"

#include <algorithm>

AccountListModel::AccountListModel(QObject *parent)
    : PagedListModel(parent)
{
    // Names of organisations arrive after sign-in; show them when they do.
    connect(Session::instance(), &Session::organisationsChanged, this, [this] {
        if (!m_accounts.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {OrganisationNameRole});
        }
    });
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_accounts.size());
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AccountInfo &account = m_accounts.at(index.row());
    switch (role) {
    case IdRole:
        return account.id;
    case EmailRole:
        return account.email;
    case Qt::DisplayRole:
    case DisplayNameRole:
        return account.displayName;
    case OrganisationIdRole:
        return account.organisationId;
    case OrganisationNameRole:
        return Session::instance()->organisationNameFor(account.organisationId);
    case RolesRole:
        return roleKeys(account.roles);
    case RoleLabelsRole: {
        QStringList labels;
        for (Role held : account.roles) {
            labels.append(RoleCatalogue::labelFor(roleKey(held)));
        }
        return labels.join(QStringLiteral(", "));
    }
    case PasswordChangeRequiredRole:
        return account.passwordChangeRequired;
    case CreatedAtRole:
        return account.createdAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountListModel::roleNames() const
{
    return {{IdRole, "accountId"}, {EmailRole, "email"}, {DisplayNameRole, "displayName"},
        {OrganisationIdRole, "organisationId"}, {OrganisationNameRole, "organisationName"},
        {RolesRole, "roles"}, {RoleLabelsRole, "roleLabels"},
        {PasswordChangeRequiredRole, "passwordChangeRequired"}, {CreatedAtRole, "createdAt"}};
}

bool AccountListModel::saving() const
{
    return m_saving;
}

QString AccountListModel::query() const
{
    return m_query;
}

void AccountListModel::setQuery(const QString &query)
{
    if (query == m_query) {
        return;
    }
    m_query = query;
    Q_EMIT queryChanged();
    reload();
}

QString AccountListModel::role() const
{
    return m_role;
}

void AccountListModel::setRole(const QString &role)
{
    if (role == m_role) {
        return;
    }
    m_role = role;
    Q_EMIT roleChanged();
    reload();
}

qint64 AccountListModel::organisationId() const
{
    return m_organisationId;
}

void AccountListModel::setOrganisationId(qint64 organisationId)
{
    if (organisationId == m_organisationId) {
        return;
    }
    m_organisationId = organisationId;
    Q_EMIT organisationIdChanged();
    reload();
}

int AccountListModel::pageSize() const
{
    return m_pageSize;
}

void AccountListModel::setPageSize(int pageSize)
{
    pageSize = std::clamp(pageSize, 1, tandem::limits::kMaxPageSize);
    if (pageSize == m_pageSize) {
        return;
    }
    m_pageSize = pageSize;
    Q_EMIT pageSizeChanged();
    reload();
}

void AccountListModel::sendPageRequest(const QString &pageToken, int generation)
{
    AccountBackend &backend = *Session::instance()->accounts();
    AccountQuery accountQuery;
    accountQuery.organisationId = m_organisationId;
    accountQuery.role = roleFromKey(m_role);
    accountQuery.text = m_query.trimmed();
    accountQuery.pageSize = m_pageSize;
    accountQuery.pageToken = pageToken;
    backend.listAccounts(
        accountQuery, this, onPage<AccountPage>(generation, [this](const AccountPage &page) {
            setLoading(false);
            if (!page.accounts.isEmpty()) {
                const int first = rowCount();
                beginInsertRows({}, first, first + static_cast<int>(page.accounts.size()) - 1);
                m_accounts.append(page.accounts);
                endInsertRows();
                Q_EMIT countChanged();
            }
        }));
}

void AccountListModel::clearRows()
{
    m_accounts.clear();
}

void AccountListModel::setRoles(int row, const QStringList &keys)
{
    AccountBackend *backend = Session::instance()->accounts();
    if (!backend || row < 0 || row >= rowCount() || m_saving) {
        return;
    }
    QList<Role> roles;
    for (const QString &key : keys) {
        if (auto known = roleFromKey(key); known && !roles.contains(*known)) {
            roles.append(*known);
        }
    }
    if (roles.isEmpty()) {
        Q_EMIT errorOccurred(tr("Choose at least one role."));
        return;
    }
    const qint64 accountId = m_accounts.at(row).id;
    setSaving(true);
    backend->setAccountRoles(
        accountId, roles, this, [this, accountId](const Result<AccountInfo> &result) {
            setSaving(false);
            if (!result.ok()) {
                Q_EMIT errorOccurred(result.error().message);
                return;
            }
            // The row may have moved if the list was reloaded meanwhile.
            for (qsizetype i = 0; i < m_accounts.size(); ++i) {
                if (m_accounts.at(i).id == accountId) {
                    m_accounts[i] = result.value();
                    const QModelIndex changed = index(static_cast<int>(i));
                    Q_EMIT dataChanged(changed, changed);
                    break;
                }
            }
            Q_EMIT rolesSaved(result.value().displayName);
        });
}

QVariant AccountListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.constBegin(); it != names.constEnd(); ++it) {
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    }
    return map;
}

void AccountListModel::setSaving(bool saving)
{
    if (saving == m_saving) {
        return;
    }
    m_saving = saving;
    Q_EMIT savingChanged();
}
