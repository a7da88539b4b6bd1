#pragma once

#include "common/paged_list_model.h"
#include "identity/identity_types.h"

/// Accounts of the organisations the signed-in coordinator runs, ordered by
/// name, filtered by text, role and organisation. Loads the first page when
/// created or when a filter changes, and further pages on loadMore() (or
/// when a view asks through fetchMore()).
class AccountListModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT

    /// True while a role change is being saved.
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
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

    bool saving() const;
    QString query() const;
    void setQuery(const QString &query);
    QString role() const;
    void setRole(const QString &role);
    qint64 organisationId() const;
    void setOrganisationId(qint64 organisationId);
    int pageSize() const;
    void setPageSize(int pageSize);

    /// Replaces the roles of the account in `row`; rolesSaved fires when done.
    Q_INVOKABLE void setRoles(int row, const QStringList &roleKeys);
    /// The account in `row` as a map of the role names above.
    Q_INVOKABLE QVariant get(int row) const;

Q_SIGNALS:
    void savingChanged();
    void queryChanged();
    void roleChanged();
    void organisationIdChanged();
    void pageSizeChanged();
    /// The roles of `displayName`'s account were saved.
    void rolesSaved(const QString &displayName);

private:
    void sendPageRequest(const QString &pageToken, int generation) override;
    void clearRows() override;
    void setSaving(bool saving);

    QList<AccountInfo> m_accounts;
    QString m_query;
    QString m_role;
    qint64 m_organisationId = 0;
    int m_pageSize = 50;
    bool m_saving = false;
};
