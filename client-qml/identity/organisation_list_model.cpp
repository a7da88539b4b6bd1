#include "identity/organisation_list_model.h"

#include "identity/account_backend.h"
#include "identity/session.h"

#include <algorithm>

namespace {

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("nhs_trust")) {
        return OrganisationListModel::tr("NHS trust");
    }
    if (kind == QLatin1String("local_authority")) {
        return OrganisationListModel::tr("Local authority");
    }
    if (kind == QLatin1String("care_provider")) {
        return OrganisationListModel::tr("Care provider");
    }
    if (kind == QLatin1String("primary_care")) {
        return OrganisationListModel::tr("Primary care");
    }
    return OrganisationListModel::tr("Other");
}

} // namespace

OrganisationListModel::OrganisationListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int OrganisationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_organisations.size());
}

QVariant OrganisationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const OrganisationInfo &organisation = m_organisations.at(index.row());
    switch (role) {
    case IdRole:
        return organisation.id;
    case Qt::DisplayRole:
    case NameRole:
        return organisation.name;
    case KindRole:
        return organisation.kind;
    case KindLabelRole:
        return kindLabel(organisation.kind);
    default:
        return {};
    }
}

QHash<int, QByteArray> OrganisationListModel::roleNames() const
{
    return {{IdRole, "organisationId"}, {NameRole, "name"}, {KindRole, "kind"},
        {KindLabelRole, "kindLabel"}};
}

void OrganisationListModel::classBegin()
{
    m_complete = false;
}

void OrganisationListModel::componentComplete()
{
    m_complete = true;
    reload();
}

bool OrganisationListModel::loading() const
{
    return m_loading;
}

int OrganisationListModel::count() const
{
    return rowCount();
}

bool OrganisationListModel::coordinatedOnly() const
{
    return m_coordinatedOnly;
}

void OrganisationListModel::setCoordinatedOnly(bool coordinatedOnly)
{
    if (coordinatedOnly == m_coordinatedOnly) {
        return;
    }
    m_coordinatedOnly = coordinatedOnly;
    Q_EMIT coordinatedOnlyChanged();
    reload();
}

void OrganisationListModel::reload()
{
    if (!m_complete) {
        return;
    }
    AccountBackend *backend = Session::instance()->accounts();
    if (!backend || !Session::instance()->signedIn()) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->listOrganisations(
        this, [this, generation](const Result<QList<OrganisationInfo>> &result) {
            if (generation != m_generation) {
                return; // a newer load is under way
            }
            setLoading(false);
            if (!result.ok()) {
                Q_EMIT errorOccurred(result.error().message);
                return;
            }
            QList<OrganisationInfo> organisations = result.value();
            if (m_coordinatedOnly) {
                const QVariantList ids = Session::instance()->coordinatedOrganisationIds();
                organisations.removeIf([&ids](const OrganisationInfo &organisation) {
                    return !ids.contains(QVariant(organisation.id));
                });
            }
            std::sort(organisations.begin(), organisations.end(),
                [](const OrganisationInfo &a, const OrganisationInfo &b) {
                    return a.name.localeAwareCompare(b.name) < 0;
                });
            beginResetModel();
            m_organisations = std::move(organisations);
            endResetModel();
            Q_EMIT countChanged();
        });
}

int OrganisationListModel::indexOfId(qint64 organisationId) const
{
    for (qsizetype row = 0; row < m_organisations.size(); ++row) {
        if (m_organisations.at(row).id == organisationId) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

qint64 OrganisationListModel::idAt(int row) const
{
    if (row < 0 || row >= m_organisations.size()) {
        return 0;
    }
    return m_organisations.at(row).id;
}

void OrganisationListModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}
