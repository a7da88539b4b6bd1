#include "identity/role_summary_model.h"

#include "identity/account_backend.h"
#include "identity/role_catalogue.h"
#include "identity/session.h"

RoleSummaryModel::RoleSummaryModel(QObject *parent)
    : QAbstractListModel(parent)
{
    for (Role role : allRoles()) {
        m_rows.append({role, -1});
    }
}

int RoleSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RoleSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case KeyRole:
        return roleKey(row.role);
    case Qt::DisplayRole:
    case LabelRole:
        return RoleCatalogue::pluralLabelFor(roleKey(row.role));
    case CountRole:
        return row.count;
    default:
        return {};
    }
}

QHash<int, QByteArray> RoleSummaryModel::roleNames() const
{
    return {{KeyRole, "key"}, {LabelRole, "label"}, {CountRole, "count"}};
}

void RoleSummaryModel::classBegin()
{
    m_complete = false;
}

void RoleSummaryModel::componentComplete()
{
    m_complete = true;
    reload();
}

bool RoleSummaryModel::loading() const
{
    return m_loading;
}

int RoleSummaryModel::totalCount() const
{
    return m_totalCount;
}

qint64 RoleSummaryModel::organisationId() const
{
    return m_organisationId;
}

void RoleSummaryModel::setOrganisationId(qint64 organisationId)
{
    if (organisationId == m_organisationId) {
        return;
    }
    m_organisationId = organisationId;
    Q_EMIT organisationIdChanged();
    reload();
}

void RoleSummaryModel::reload()
{
    if (!m_complete) {
        return;
    }
    AccountBackend *backend = Session::instance()->accounts();
    if (!backend || !Session::instance()->signedIn()) {
        return;
    }
    const int generation = ++m_generation;
    m_failed = false;
    m_pending = static_cast<int>(m_rows.size()) + 1;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged();
    }

    AccountQuery everyone;
    everyone.organisationId = m_organisationId;
    everyone.pageSize = 1;
    backend->listAccounts(everyone, this, [this, generation](const Result<AccountPage> &result) {
        if (generation != m_generation) {
            return;
        }
        if (result.ok()) {
            m_totalCount = result.value().totalCount;
            Q_EMIT totalCountChanged();
        } else if (!m_failed) {
            m_failed = true;
            Q_EMIT errorOccurred(result.error().message);
        }
        finishOne(generation);
    });

    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        AccountQuery query = everyone;
        query.role = m_rows.at(i).role;
        backend->listAccounts(
            query, this, [this, generation, i](const Result<AccountPage> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (result.ok()) {
                    m_rows[i].count = result.value().totalCount;
                    const QModelIndex changed = index(static_cast<int>(i));
                    Q_EMIT dataChanged(changed, changed, {CountRole});
                } else if (!m_failed) {
                    m_failed = true;
                    Q_EMIT errorOccurred(result.error().message);
                }
                finishOne(generation);
            });
    }
}

void RoleSummaryModel::finishOne(int generation)
{
    if (generation != m_generation || --m_pending > 0) {
        return;
    }
    m_loading = false;
    Q_EMIT loadingChanged();
}
