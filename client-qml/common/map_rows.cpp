#include "common/map_rows.h"

namespace MapRows {

QVariant data(const QList<QVariantMap> &rows, const QStringList &keys, const QModelIndex &index,
    int role, const QString &displayKey)
{
    if (!index.isValid() || index.parent().isValid() || index.row() < 0
        || index.row() >= rows.size()) {
        return {};
    }
    const QVariantMap &row = rows.at(index.row());
    if (role == Qt::DisplayRole) {
        return row.value(displayKey);
    }
    const int key = role - Qt::UserRole - 1;
    if (key < 0 || key >= keys.size()) {
        return {};
    }
    return row.value(keys.at(key));
}

QHash<int, QByteArray> roleNames(const QStringList &keys)
{
    QHash<int, QByteArray> names;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        names.insert(Qt::UserRole + 1 + static_cast<int>(i), keys.at(i).toLatin1());
    }
    return names;
}

} // namespace MapRows
