#pragma once

#include "identity/identity_types.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QQmlParserStatus>

/// How many people hold each role in the organisations the signed-in
/// coordinator runs: one row per role, plus `totalCount` for everyone. Each
/// figure is a ListAccounts call with a role filter and one result per page,
/// read from its total_count.
class RoleSummaryModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// Everyone, whatever their roles; -1 until known.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    /// Only this organisation; 0 for all the coordinator runs.
    Q_PROPERTY(qint64 organisationId READ organisationId WRITE setOrganisationId NOTIFY
            organisationIdChanged)

public:
    enum RoleNames { KeyRole = Qt::UserRole + 1, LabelRole, CountRole };
    Q_ENUM(RoleNames)

    explicit RoleSummaryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void classBegin() override;
    void componentComplete() override;

    bool loading() const;
    int totalCount() const;
    qint64 organisationId() const;
    void setOrganisationId(qint64 organisationId);

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void loadingChanged();
    void totalCountChanged();
    void organisationIdChanged();
    void errorOccurred(const QString &message);

private:
    void finishOne(int generation);

    struct Row {
        Role role;
        int count = -1;
    };
    QList<Row> m_rows;
    int m_totalCount = -1;
    qint64 m_organisationId = 0;
    bool m_loading = false;
    bool m_complete = true;
    bool m_failed = false;
    int m_pending = 0;
    int m_generation = 0;
};
