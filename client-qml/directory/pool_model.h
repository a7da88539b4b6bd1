#pragma once

#include "directory/profile_list_model.h"
#include "shared/limits.h"

#include <QCollator>

/// The pool of the coordinator's organisations (ListPool), for the
/// coordinator's table. A pool is at most a few thousand people, so the
/// model loads every page for the current filters (`loading` until the
/// last; `count` of `totalCount` so far) and sorts the whole set on the
/// client, by name unless sortBy() says otherwise.
class PoolModel : public ProfileListModel {
    Q_OBJECT
    QML_ELEMENT

    /// A status key ("applied", "approved", …) or empty for any.
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY statusChanged)
    /// Only approved members whose listing has lapsed.
    Q_PROPERTY(bool lapsedOnly READ lapsedOnly WRITE setLapsedOnly NOTIFY lapsedOnlyChanged)
    /// Profiles asked for per ListPool call, 1 to 200 (the API's maximum).
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    /// The role name the rows are sorted by: "displayName" (the default),
    /// "kindLabel", "organisationName", "statusLabel", "listed",
    /// "currentLoad" or "lastSupervisionOn".
    Q_PROPERTY(QString sortKey READ sortKey NOTIFY sortChanged)
    Q_PROPERTY(bool sortAscending READ sortAscending NOTIFY sortChanged)

public:
    using ProfileListModel::ProfileListModel;

    static constexpr int kMaxPageSize = tandem::limits::kMaxPageSize;

    QString status() const;
    void setStatus(const QString &status);
    bool lapsedOnly() const;
    void setLapsedOnly(bool lapsedOnly);
    int pageSize() const;
    void setPageSize(int pageSize);
    QString sortKey() const;
    bool sortAscending() const;

    /// Sorts every row by `key`; the same key again flips the direction.
    /// Rows still arriving go into their place.
    Q_INVOKABLE void sortBy(const QString &key);

Q_SIGNALS:
    void statusChanged();
    void lapsedOnlyChanged();
    void pageSizeChanged();
    void sortChanged();

protected:
    void requestPage(
        DirectoryBackend &backend, const QString &pageToken, Callback<ProfilePage> done) override;
    void addRows(QList<QVariantMap> rows) override;
    bool loadsEveryPage() const override { return true; }

private:
    /// True when `a` sorts before `b` under the current key and direction.
    bool lessThan(const QVariantMap &a, const QVariantMap &b) const;
    void sortRows();

    QString m_status;
    bool m_lapsedOnly = false;
    int m_pageSize = kMaxPageSize;
    QString m_sortKey = QStringLiteral("displayName");
    bool m_sortAscending = true;
    QCollator m_collator;
};
