#include "safeguarding/audit_trail_model.h"

#include "common/map_rows.h"
#include "identity/session.h"
#include "safeguarding/safeguarding_backend.h"
#include "safeguarding/safeguarding_catalogue.h"

AuditTrailModel::AuditTrailModel(QObject *parent)
    : PagedListModel(parent)
    , m_keys(SafeguardingCatalogue::toMap(AuditEntryInfo()).keys())
    , m_limit(SafeguardingCatalogue::kAuditPageSize)
{ }

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("what"));
}

QHash<int, QByteArray> AuditTrailModel::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

int AuditTrailModel::readCount() const
{
    return m_entries;
}

int AuditTrailModel::limit() const
{
    return m_limit;
}

void AuditTrailModel::setLimit(int limit)
{
    limit = std::clamp(limit, 1, SafeguardingCatalogue::kAuditMaxEntries);
    if (limit == m_limit) {
        return;
    }
    m_limit = limit;
    Q_EMIT limitChanged();
    reload();
}

bool AuditTrailModel::canShowMore() const
{
    // A full answer below the server's cap may have more behind it.
    return m_entries >= m_limit && m_limit < SafeguardingCatalogue::kAuditMaxEntries;
}

QVariant AuditTrailModel::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

void AuditTrailModel::showMore()
{
    if (canShowMore() && !loading()) {
        setLimit(m_limit + SafeguardingCatalogue::kAuditPageSize);
    }
}

void AuditTrailModel::sendPageRequest(const QString &, int generation)
{
    SafeguardingBackend &backend = *Session::instance()->safeguarding();
    struct Rows {
        QList<QVariantMap> rows;
        QString nextPageToken;
        int totalCount = 0;
    };
    Callback<Rows> handle = onPage<Rows>(generation, [this](const Rows &page) {
        beginResetModel();
        m_rows = page.rows;
        m_entries = page.totalCount;
        endResetModel();
        Q_EMIT countChanged();
        setLoading(false);
    });
    backend.listAuditTrail(m_limit, this, [handle](const Result<QList<AuditEntryInfo>> &result) {
        if (!result.ok()) {
            handle(result.error());
            return;
        }
        Rows rows;
        rows.rows = SafeguardingCatalogue::auditRows(result.value());
        rows.totalCount = static_cast<int>(result.value().size());
        handle(rows);
    });
}

void AuditTrailModel::clearRows()
{
    m_rows.clear();
    m_entries = 0;
}
