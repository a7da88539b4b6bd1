#pragma once

#include "shared/limits.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantMap>

/// The best pool members for one waiting request (SuggestMatches), each a
/// profile (the keys DirectoryCatalogue::toMap makes) with `score`,
/// `reasons` and `reasonsText`. Loads whenever `requestId` is set; choose()
/// sends the request to one of them (ChooseMember).
class SuggestionsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT

    /// The waiting request; 0 for none. (A double, as QML numbers are.)
    Q_PROPERTY(
        double requestId READ requestIdForQml WRITE setRequestIdForQml NOTIFY requestIdChanged)
    /// How many suggestions to ask for, 1 to 20.
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// True once an answer has arrived for the current request.
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// How many pool members passed every hard rule.
    Q_PROPERTY(int eligibleCount READ eligibleCount NOTIFY countChanged)
    /// Why there are none, in words a person can act on.
    Q_PROPERTY(QString emptyReason READ emptyReason NOTIFY countChanged)
    /// True while choose() is in flight.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit SuggestionsModel(QObject *parent = nullptr);

    static constexpr int kMaxLimit = tandem::limits::kMaxSuggestions;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    qint64 requestId() const;
    void setRequestId(qint64 requestId);
    double requestIdForQml() const;
    void setRequestIdForQml(double requestId);
    int limit() const;
    void setLimit(int limit);
    bool loading() const;
    bool loaded() const;
    int count() const;
    int eligibleCount() const;
    QString emptyReason() const;
    bool busy() const;

    /// The suggestion in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of a member, or -1.
    Q_INVOKABLE int rowOf(double accountId) const;
    Q_INVOKABLE void reload();
    /// Sends the request to the member in `row`; chosen() fires when done.
    Q_INVOKABLE void choose(int row);

Q_SIGNALS:
    void requestIdChanged();
    void limitChanged();
    void loadingChanged();
    void countChanged();
    void busyChanged();
    void errorOccurred(const QString &message);
    /// The request went to a member; `request` is its new state as a map.
    void chosen(const QVariantMap &request);

private:
    void setLoading(bool loading);
    void setBusy(bool busy);

    qint64 m_requestId = 0;
    int m_limit = 5;
    QList<QVariantMap> m_rows;
    QStringList m_keys;
    int m_eligibleCount = 0;
    QString m_emptyReason;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_busy = false;
    int m_generation = 0;
};
