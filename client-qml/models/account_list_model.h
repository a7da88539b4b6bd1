#pragma once

#include "backend.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QQmlParserStatus>

/// Accounts of the organisations the signed-in coordinator runs, ordered by
/// name, filtered by text, role and organisation. Loads the first page when
/// created or when a filter changes, and further pages on loadMore() (or
/// when a view asks through fetchMore()).
class AccountListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// True while a role change is being saved.
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// How many accounts match the filters in all; -1 until known.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    /// Case-insensitive match on name or email.
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    /// A role key, or empty for any role.
    Q_PROPERTY(QString role READ role WRITE setRole NOTIFY roleChanged)
    /// Only this organisation; 0 for all the coordinator runs.
    Q_PROPERTY(qint64 organisationId READ organisationId WRITE setOrganisationId NOTIFY
            organisationIdChanged)
    /// Accounts per page, 1 to 200.
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)

public:
    enum RoleNames {
        IdRole = Qt::UserRole + 1,
        EmailRole,
        DisplayNameRole,
        OrganisationIdRole,
        OrganisationNameRole,
        RolesRole,
        RoleLabelsRole,
        PasswordChangeRequiredRole,
        CreatedAtRole,
    };
    Q_ENUM(RoleNames)

    explicit AccountListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void classBegin() override;
    void componentComplete() override;

    bool loading() const;
    bool saving() const;
    int count() const;
    int totalCount() const;
    bool hasMore() const;
    QString query() const;
    void setQuery(const QString &query);
    QString role() const;
    void setRole(const QString &role);
    qint64 organisationId() const;
    void setOrganisationId(qint64 organisationId);
    int pageSize() const;
    void setPageSize(int pageSize);

    /// Drops what is loaded and loads the first page again.
    Q_INVOKABLE void reload();
    /// Loads the next page, if there is one and nothing is loading.
    Q_INVOKABLE void loadMore();
    /// Replaces the roles of the account in `row`; rolesSaved fires when done.
    Q_INVOKABLE void setRoles(int row, const QStringList &roleKeys);
    /// The account in `row` as a map of the role names above.
    Q_INVOKABLE QVariant get(int row) const;

Q_SIGNALS:
    void loadingChanged();
    void savingChanged();
    void countChanged();
    void totalCountChanged();
    void hasMoreChanged();
    void queryChanged();
    void roleChanged();
    void organisationIdChanged();
    void pageSizeChanged();
    void errorOccurred(const QString &message);
    /// The roles of `displayName`'s account were saved.
    void rolesSaved(const QString &displayName);

private:
    void fetchPage(const QString &pageToken);
    void setLoading(bool loading);
    void setSaving(bool saving);
    void setTotalCount(int totalCount);
    void setNextPageToken(const QString &token);

    QList<AccountInfo> m_accounts;
    QString m_nextPageToken;
    QString m_query;
    QString m_role;
    qint64 m_organisationId = 0;
    int m_pageSize = 50;
    int m_totalCount = -1;
    bool m_loading = false;
    bool m_saving = false;
    bool m_complete = true;
    int m_generation = 0;
};
