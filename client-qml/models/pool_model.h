#pragma once

#include "profile_list_model.h"

/// The pool of the coordinator's organisations (ListPool), ordered by name
/// by the server. Filters by status and lapsed listing. Sorting by a column
/// reorders the rows loaded so far, on the client.
class PoolModel : public ProfileListModel {
    Q_OBJECT
    QML_ELEMENT

    /// A status key ("applied", "approved", …) or empty for any.
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY statusChanged)
    /// Only approved members whose listing has lapsed.
    Q_PROPERTY(bool lapsedOnly READ lapsedOnly WRITE setLapsedOnly NOTIFY lapsedOnlyChanged)
    /// A role name to sort the loaded rows by ("displayName", "kindLabel",
    /// "organisationName", "statusLabel", "listed", "currentLoad",
    /// "lastSupervisionOn"); empty keeps the server's order.
    Q_PROPERTY(QString sortKey READ sortKey NOTIFY sortChanged)
    Q_PROPERTY(bool sortAscending READ sortAscending NOTIFY sortChanged)

public:
    using ProfileListModel::ProfileListModel;

    QString status() const;
    void setStatus(const QString &status);
    bool lapsedOnly() const;
    void setLapsedOnly(bool lapsedOnly);
    QString sortKey() const;
    bool sortAscending() const;

    /// Sorts by `key`; the same key again flips the direction.
    Q_INVOKABLE void sortBy(const QString &key);

Q_SIGNALS:
    void statusChanged();
    void lapsedOnlyChanged();
    void sortChanged();

protected:
    void requestPage(
        Backend &backend, const QString &pageToken, Callback<ProfilePage> done) override;
    void rowsAppended() override;

private:
    void sortRows();

    QString m_status;
    bool m_lapsedOnly = false;
    QString m_sortKey;
    bool m_sortAscending = true;
};
