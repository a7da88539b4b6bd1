#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <cstddef>

/// A key of the API and its label, marked for translation
/// (QT_TRANSLATE_NOOP) in the context of the catalogue that lists it.
struct KeyLabel {
    const char *key;
    const char *label;
};

/// The label of `key` in `table`, translated in `context`; the key itself
/// when the table does not have it.
template <std::size_t N>
QString labelIn(const char *context, const KeyLabel (&table)[N], const QString &key)
{
    for (const auto &entry : table) {
        if (key == QLatin1String(entry.key)) {
            return QCoreApplication::translate(context, entry.label);
        }
    }
    return key;
}

/// A choice for QML: [{key, label}] in the table's order.
template <std::size_t N> QVariantList optionsIn(const char *context, const KeyLabel (&table)[N])
{
    QVariantList list;
    for (const auto &entry : table) {
        list.append(QVariantMap {{QStringLiteral("key"), QString::fromLatin1(entry.key)},
            {QStringLiteral("label"), QCoreApplication::translate(context, entry.label)}});
    }
    return list;
}
