#pragma once

#include "backend.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QQmlParserStatus>

/// The specialism taxonomy (ListSpecialisms): roles `code` and `label`.
/// Loads itself when created.
class SpecialismListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum RoleNames { CodeRole = Qt::UserRole + 1, LabelRole };
    Q_ENUM(RoleNames)

    explicit SpecialismListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void classBegin() override;
    void componentComplete() override;

    bool loading() const;
    int count() const;

    Q_INVOKABLE void reload();
    /// The label of a code; the code itself until the taxonomy has loaded.
    Q_INVOKABLE QString labelFor(const QString &code) const;
    /// Labels of `codes`, in order.
    Q_INVOKABLE QStringList labelsFor(const QStringList &codes) const;

Q_SIGNALS:
    void loadingChanged();
    void countChanged();
    void errorOccurred(const QString &message);

private:
    void setLoading(bool loading);

    QList<SpecialismInfo> m_specialisms;
    bool m_loading = false;
    bool m_complete = true;
};
