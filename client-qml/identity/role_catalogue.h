#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

/// Names and descriptions of the programme's roles, for QML (`Roles`).
/// Stateless, so the engine makes its own.
class RoleCatalogue : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Roles)
    QML_SINGLETON

    /// Every role key, in the API's order.
    Q_PROPERTY(QStringList keys READ keys CONSTANT)

public:
    using QObject::QObject;

    QStringList keys() const;
    /// "Coachee", "Coach", …; the key itself if unknown.
    Q_INVOKABLE QString label(const QString &key) const;
    /// "Coachees", "Coaches", …
    Q_INVOKABLE QString pluralLabel(const QString &key) const;
    /// One sentence on what the role does in the programme.
    Q_INVOKABLE QString description(const QString &key) const;
    /// For C++ callers.
    static QString labelFor(const QString &key);
    static QString pluralLabelFor(const QString &key);

    /// Labels of `keys` joined for display, e.g. "Coach, Coachee".
    Q_INVOKABLE QString joinedLabels(const QStringList &keys) const;
};
