#pragma once

#include "common/paged_list_model.h"

#include <QVariantMap>

/// Safeguarding concerns the signed-in person may see (ListConcerns), as
/// the maps SafeguardingCatalogue::toMap makes (one role per key): those
/// they read as supervisor or safeguarding lead, with the text, and those
/// they raised, without it. Unacknowledged first, oldest first; then
/// acknowledged, latest first. Loads itself when created. Never kept on
/// the device: a concern is read from the server or not at all.
///
/// An acknowledgement kept on the device (SyncQueue, kind
/// WriteKind::AcknowledgeConcern) and not yet sent shows on its concern as
/// `pending`, with the server's words in `syncProblem` if it refused it;
/// when the queue has sent an acknowledgement or a new concern, the list
/// loads again.
class ConcernListModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT

    /// "toRead" (as supervisor or lead), "raised" (by the person) or empty
    /// for both.
    Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY scopeChanged)
    /// False: nothing is asked of the server and the list stays empty (for
    /// people whose roles can have no concerns).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    /// Concerns to read that are not acknowledged yet (whatever the scope).
    Q_PROPERTY(int openCount READ openCount NOTIFY countsChanged)
    /// Of those, the ones not acknowledged in time: gone to the lead too.
    Q_PROPERTY(int escalatedCount READ escalatedCount NOTIFY countsChanged)
    /// Concerns the person may read, acknowledged or not.
    Q_PROPERTY(int toReadCount READ toReadCount NOTIFY countsChanged)
    /// Concerns the person raised.
    Q_PROPERTY(int raisedCount READ raisedCount NOTIFY countsChanged)
    /// Of those, the ones not acknowledged yet.
    Q_PROPERTY(int raisedOpenCount READ raisedOpenCount NOTIFY countsChanged)

public:
    explicit ConcernListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString scope() const;
    void setScope(const QString &scope);
    bool active() const;
    void setActive(bool active);
    int openCount() const;
    int escalatedCount() const;
    int toReadCount() const;
    int raisedCount() const;
    int raisedOpenCount() const;

    /// The concern in `row` as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of a concern, or -1.
    Q_INVOKABLE int rowOf(double concernId) const;

Q_SIGNALS:
    void scopeChanged();
    void activeChanged();
    void countsChanged();

private:
    void sendPageRequest(const QString &pageToken, int generation) override;
    void clearRows() override;
    bool wanted(const QVariantMap &row) const;
    /// Puts `pending` and `syncProblem` on each concern from the queue.
    void markPending();

    QStringList m_keys;
    QList<QVariantMap> m_all;
    QList<QVariantMap> m_rows;
    QString m_scope;
    bool m_active = true;
};
