#pragma once

#include "common/paged_list_model.h"

#include <QVariantMap>

/// Coordinators: reads of confidential content (private notes, concerns) by
/// people of the organisations they coordinate (ListAuditTrail), newest
/// first: who, what, when, never the content. Rows are the maps
/// SafeguardingCatalogue::auditRows makes (repeats kept as one row). Loads itself when
/// created; showMore() asks for a longer stretch of the trail.
class AuditTrailModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT

    /// How many entries are asked for: 1 to 500.
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    /// The server may hold older entries than those shown.
    Q_PROPERTY(bool canShowMore READ canShowMore NOTIFY countChanged)
    /// Reads shown, counting each of the repeats a row stands for.
    Q_PROPERTY(int readCount READ readCount NOTIFY countChanged)

public:
    explicit AuditTrailModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int limit() const;
    void setLimit(int limit);
    bool canShowMore() const;
    int readCount() const;

    /// The entry in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// Asks for the next stretch of older entries (up to 500 in all).
    Q_INVOKABLE void showMore();

Q_SIGNALS:
    void limitChanged();

private:
    void sendPageRequest(const QString &pageToken, int generation) override;
    void clearRows() override;

    QStringList m_keys;
    QList<QVariantMap> m_rows;
    int m_limit;
    int m_entries = 0;
};
