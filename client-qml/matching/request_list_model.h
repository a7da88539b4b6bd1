#pragma once

#include "common/paged_list_model.h"
#include "matching/matching_types.h"

#include <QVariantMap>

class MatchingBackend;
/// The shared part of the list models of requests: rows of requests (as
/// the maps MatchingCatalogue::toMap makes, one role per key), loaded as in
/// PagedListModel. Lists the API returns whole come as a single page.
/// Subclasses say how rows are fetched and what can be done with them.
class RequestListModel : public PagedListModel {
    Q_OBJECT
    QML_ANONYMOUS

    /// True while an action on a row (withdraw, accept, decline) is in flight.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit RequestListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool busy() const;

    /// The request in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of a request, or -1.
    Q_INVOKABLE int rowOf(double requestId) const;

Q_SIGNALS:
    void busyChanged();

protected:
    /// Asks the backend for the page at `pageToken` (empty: the first).
    virtual void requestPage(
        MatchingBackend &backend, const QString &pageToken, Callback<RequestPage> done)
        = 0;

    /// Wraps a whole list as the one page there is.
    static Callback<QList<SupportRequestInfo>> asOnePage(Callback<RequestPage> done);

    void setBusy(bool busy);
    /// Puts a newer version of a request in place; false if it is not listed.
    bool replaceRequest(const SupportRequestInfo &request);
    /// Takes a request out of the list.
    void removeRequest(qint64 requestId);

    QList<QVariantMap> m_rows;

private:
    void sendPageRequest(const QString &pageToken, int generation) override;
    void clearRows() override;

    QStringList m_keys;
    bool m_busy = false;
};
