#pragma once

#include <QAbstractItemModel>
#include <QQmlEngine>

/// Describes QAbstractItemModel, the base of our list models, in this
/// module's type information. Qt 6.4's QtQml module does not, so qmllint
/// could not resolve the models otherwise.
struct ForeignAbstractItemModel {
    Q_GADGET
    QML_FOREIGN(QAbstractItemModel)
    QML_ANONYMOUS
};
