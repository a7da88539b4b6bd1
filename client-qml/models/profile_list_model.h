#pragma once

#include "backend.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QVariantMap>

/// The shared part of the directory's list models: rows of profiles (as the
/// maps DirectoryCatalogue::toMap makes, one role per key), paging with
/// opaque tokens, `loading`, and dropping responses to superseded requests.
/// Subclasses say how a page is fetched.
class ProfileListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ANONYMOUS
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// How many profiles match in all; -1 until known.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)

public:
    explicit ProfileListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void classBegin() override;
    void componentComplete() override;

    bool loading() const;
    int count() const;
    int totalCount() const;
    bool hasMore() const;

    /// Drops what is loaded and loads the first page again.
    Q_INVOKABLE void reload();
    /// Loads the next page, if there is one and nothing is loading.
    Q_INVOKABLE void loadMore();
    /// The profile in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of an account, or -1.
    Q_INVOKABLE int rowOf(qint64 accountId) const;

Q_SIGNALS:
    void loadingChanged();
    void countChanged();
    void totalCountChanged();
    void hasMoreChanged();
    void errorOccurred(const QString &message);

protected:
    /// Asks the backend for the page at `pageToken` (empty: the first).
    virtual void requestPage(
        Backend &backend, const QString &pageToken, Callback<ProfilePage> done);
    /// Puts the rows of a newly arrived page into the model; by default at
    /// the end. Subclasses that keep their own order insert them in place.
    virtual void addRows(QList<QVariantMap> rows);
    /// True to fetch page after page until the last, without waiting for
    /// loadMore(); `loading` stays true until then.
    virtual bool loadsEveryPage() const { return false; }

    QList<QVariantMap> m_rows;

private:
    void fetchPage(const QString &pageToken);
    void setLoading(bool loading);
    void setTotalCount(int totalCount);
    void setNextPageToken(const QString &token);

    QStringList m_keys;
    QString m_nextPageToken;
    int m_totalCount = -1;
    bool m_loading = false;
    bool m_complete = true;
    int m_generation = 0;
};
