#pragma once

#include "common/result.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QQmlParserStatus>

/// The paging shared by the list models that load a page at a time: opaque
/// next-page tokens, `loading`, `totalCount`, fetchMore() for views, and
/// dropping responses to requests that reload() has superseded. Subclasses
/// keep the rows and say how a page is requested.
class PagedListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ANONYMOUS
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// How many rows match in all; -1 until known.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)

public:
    explicit PagedListModel(QObject *parent = nullptr);

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

Q_SIGNALS:
    void loadingChanged();
    void countChanged();
    void totalCountChanged();
    void hasMoreChanged();
    void errorOccurred(const QString &message);

protected:
    /// Asks the subclass's service for the page at `pageToken` (empty: the
    /// first), and hands the answer to a callback made by onPage() with
    /// `generation`. Called only while signed in with backends.
    virtual void sendPageRequest(const QString &pageToken, int generation) = 0;
    /// Empties the rows; reload() resets the model around it.
    virtual void clearRows() = 0;

    /// A callback for the page requested in `generation`: it drops the
    /// answer if reload() has been called since, reports a failure, and
    /// otherwise stores the total and the next page's token, then calls
    /// `handle` with the page. The token is stored first so that `handle`
    /// may turn `loading` false (or fetch the next page) at once.
    template <typename Page, typename Handle> Callback<Page> onPage(int generation, Handle handle)
    {
        return [this, generation, handle = std::move(handle)](const Result<Page> &result) {
            if (generation != m_generation) {
                return; // a response to filters that have changed since
            }
            if (!result.ok()) {
                setLoading(false);
                Q_EMIT errorOccurred(result.error().message);
                return;
            }
            const Page &page = result.value();
            setTotalCount(page.totalCount);
            setNextPageToken(page.nextPageToken);
            handle(page);
        };
    }

    /// Requests the page at `pageToken` if there are backends and a session;
    /// otherwise leaves `loading` false.
    void fetchPage(const QString &pageToken);
    /// The token of the next page; empty after the last.
    const QString &nextPageToken() const;
    void setLoading(bool loading);

private:
    void setTotalCount(int totalCount);
    void setNextPageToken(const QString &token);

    QString m_nextPageToken;
    int m_totalCount = -1;
    bool m_loading = false;
    bool m_complete = true;
    int m_generation = 0;
};
