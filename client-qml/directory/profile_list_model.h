#pragma once

#include "common/paged_list_model.h"
#include "directory/directory_types.h"

#include <QVariantMap>

class DirectoryBackend;
/// The shared part of the directory's list models: rows of profiles (as the
/// maps DirectoryCatalogue::toMap makes, one role per key), paged as in
/// PagedListModel. Subclasses say how a page is fetched.
class ProfileListModel : public PagedListModel {
    Q_OBJECT
    QML_ANONYMOUS

public:
    explicit ProfileListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The profile in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of an account, or -1.
    Q_INVOKABLE int rowOf(qint64 accountId) const;

protected:
    /// Asks the backend for the page at `pageToken` (empty: the first).
    virtual void requestPage(
        DirectoryBackend &backend, const QString &pageToken, Callback<ProfilePage> done)
        = 0;
    /// Puts the rows of a newly arrived page into the model; by default at
    /// the end. Subclasses that keep their own order insert them in place.
    virtual void addRows(QList<QVariantMap> rows);
    /// True to fetch page after page until the last, without waiting for
    /// loadMore(); `loading` stays true until then.
    virtual bool loadsEveryPage() const { return false; }

    QList<QVariantMap> m_rows;

private:
    void sendPageRequest(const QString &pageToken, int generation) override;
    void clearRows() override;

    QStringList m_keys;
};
