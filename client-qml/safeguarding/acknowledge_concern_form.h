#pragma once

#include "sync/draft.h"
#include "sync/outbox_form.h"

/// The supervisor (or, once a concern is escalated, the safeguarding lead)
/// acknowledges a concern and records what was done (10 to 5000
/// characters). What is typed is kept on the device as a draft at once;
/// save() hands the acknowledgement to the on-device SyncQueue (kind
/// WriteKind::AcknowledgeConcern), which sends it when the server can be reached,
/// and every ConcernListModel shows the concern as waiting to sync until
/// then. Field key: "actionTaken".
class AcknowledgeConcernForm : public OutboxForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double concernId READ concernIdForQml NOTIFY concernChanged)
    /// The concern being acknowledged, as ConcernListModel::get gives it (a
    /// map, untyped in QML so that its keys can be read).
    Q_PROPERTY(QVariant concern READ concernForQml NOTIFY concernChanged)
    Q_PROPERTY(QString actionTaken READ actionTaken WRITE setActionTaken NOTIFY actionTakenChanged)

public:
    explicit AcknowledgeConcernForm(QObject *parent = nullptr);

    double concernIdForQml() const;
    QVariantMap concern() const;
    QVariant concernForQml() const;
    QString actionTaken() const;
    void setActionTaken(const QString &actionTaken);

    /// Acknowledges `concern` (a map from ConcernListModel); the text typed
    /// before for it, if any, comes back from its draft.
    Q_INVOKABLE void start(const QVariantMap &concern);
    Q_INVOKABLE bool validate();
    /// Checks, then keeps the acknowledgement on the device and starts
    /// sending it; saved() fires with its key once it is safely stored.
    Q_INVOKABLE void save();

Q_SIGNALS:
    void concernChanged();
    void actionTakenChanged();
    /// Stored on the device; the queue sends it (SyncQueue::synced).
    void saved(const QString &key, const QString &summary);

private:
    qint64 m_concernId = 0;
    QVariantMap m_concern;
    QString m_actionTaken;
    /// Per concern; saved as it is typed.
    Draft m_draft {[this] { return QVariantMap {{QStringLiteral("actionTaken"), m_actionTaken}}; }};
};
