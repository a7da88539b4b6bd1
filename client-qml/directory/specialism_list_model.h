#pragma once

#include "directory/directory_types.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QQmlParserStatus>

/// The specialism taxonomy (ListSpecialisms): roles `code` and `label`.
/// Loads itself when created. Coordinators extend it with addSpecialism()
/// (CreateSpecialism).
class SpecialismListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// An addSpecialism() call is in flight.
    Q_PROPERTY(bool adding READ adding NOTIFY addingChanged)
    /// Why the last addSpecialism() failed, as a sentence; empty otherwise.
    Q_PROPERTY(QString addError READ addError NOTIFY addErrorChanged)

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
    bool adding() const;
    QString addError() const;

    Q_INVOKABLE void reload();
    /// The label of a code; the code itself until the taxonomy has loaded.
    Q_INVOKABLE QString labelFor(const QString &code) const;
    /// Labels of `codes`, in order.
    Q_INVOKABLE QStringList labelsFor(const QStringList &codes) const;
    /// Adds `label` to the taxonomy; specialismAdded() fires once it is in
    /// the list, addError says why it is not.
    Q_INVOKABLE void addSpecialism(const QString &label);
    Q_INVOKABLE void clearAddError();

Q_SIGNALS:
    void loadingChanged();
    void countChanged();
    void addingChanged();
    void addErrorChanged();
    void specialismAdded(const QString &code, const QString &label);
    void errorOccurred(const QString &message);

private:
    void setLoading(bool loading);
    void setAdding(bool adding);
    void setAddError(const QString &message);

    QList<SpecialismInfo> m_specialisms;
    QString m_addError;
    bool m_loading = false;
    bool m_adding = false;
    bool m_complete = true;
};
