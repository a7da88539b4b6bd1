#pragma once

#include "common/paged_list_model.h"

#include <QDateTime>
#include <QVariantMap>

/// The signed-in person's relationships (ListMyRelationships), newest
/// first, as the maps RelationshipCatalogue::toMap makes (one role per
/// key). Loads itself when created. Each list loaded is kept on the device;
/// when the server cannot be reached the kept list is shown instead, with
/// `offline` true, so that a session can still be recorded.
class RelationshipListModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT

    /// Only open relationships in which the person is the coach or mentor:
    /// those they can record a session for.
    Q_PROPERTY(bool recordableOnly READ recordableOnly WRITE setRecordableOnly NOTIFY
            recordableOnlyChanged)
    /// Relationships waiting for something from the person (contract terms
    /// to set, a contract to agree).
    Q_PROPERTY(int needsYouCount READ needsYouCount NOTIFY countChanged)
    /// The rows are the list kept on the device: the server was out of reach.
    Q_PROPERTY(bool offline READ offline NOTIFY offlineChanged)
    /// When the kept list was loaded, in words; empty unless `offline`.
    Q_PROPERTY(QString offlineNote READ offlineNote NOTIFY offlineChanged)

public:
    explicit RelationshipListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool recordableOnly() const;
    void setRecordableOnly(bool recordableOnly);
    int needsYouCount() const;
    bool offline() const;
    QString offlineNote() const;

    /// The relationship in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of a relationship, or -1.
    Q_INVOKABLE int rowOf(double relationshipId) const;
    /// Puts a newer version of a relationship (a map) in place.
    Q_INVOKABLE void replace(const QVariantMap &relationship);

Q_SIGNALS:
    void recordableOnlyChanged();
    void offlineChanged();

private:
    struct Rows {
        QList<QVariantMap> rows;
        QString nextPageToken;
        int totalCount = 0;
    };

    void sendPageRequest(const QString &pageToken, int generation) override;
    void clearRows() override;
    bool wanted(const QVariantMap &row) const;
    void setOffline(bool offline, const QDateTime &savedAt);

    QStringList m_keys;
    QList<QVariantMap> m_rows;
    bool m_recordableOnly = false;
    bool m_offline = false;
    QDateTime m_savedAt;
};
