#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QModelIndex>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

/// The plumbing of list models whose rows are QVariantMaps with the same
/// keys: one role per key (Qt::UserRole + 1 + the key's position), and
/// Qt::DisplayRole for `displayKey`.
namespace MapRows {

QVariant data(const QList<QVariantMap> &rows, const QStringList &keys, const QModelIndex &index,
    int role, const QString &displayKey);
QHash<int, QByteArray> roleNames(const QStringList &keys);

} // namespace MapRows
