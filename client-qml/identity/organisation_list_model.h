#pragma once

#include "identity/identity_types.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QQmlParserStatus>

/// The organisations in the programme, sorted by name; optionally only those
/// the signed-in coordinator runs. Loads itself once created.
class OrganisationListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Only the organisations the signed-in coordinator runs.
    Q_PROPERTY(bool coordinatedOnly READ coordinatedOnly WRITE setCoordinatedOnly NOTIFY
            coordinatedOnlyChanged)

public:
    enum RoleNames { IdRole = Qt::UserRole + 1, NameRole, KindRole, KindLabelRole };
    Q_ENUM(RoleNames)

    explicit OrganisationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void classBegin() override;
    void componentComplete() override;

    bool loading() const;
    int count() const;
    bool coordinatedOnly() const;
    void setCoordinatedOnly(bool coordinatedOnly);

    /// Loads the list again from the server.
    Q_INVOKABLE void reload();
    /// Row of the organisation with this id, or -1.
    Q_INVOKABLE int indexOfId(qint64 organisationId) const;
    /// Id of the organisation in this row, or 0.
    Q_INVOKABLE qint64 idAt(int row) const;

Q_SIGNALS:
    void loadingChanged();
    void countChanged();
    void coordinatedOnlyChanged();
    void errorOccurred(const QString &message);

private:
    void setLoading(bool loading);

    QList<OrganisationInfo> m_organisations;
    bool m_loading = false;
    bool m_coordinatedOnly = false;
    bool m_complete = true;
    int m_generation = 0;
};
