#pragma once

#include "sync/draft.h"
#include "sync/outbox_form.h"

/// A coach or mentor raises a safeguarding concern about one of their
/// relationships: a description of the risk (10 to 5000 characters). What
/// is typed is kept on the device as a draft at once, so nothing is lost if
/// the app is killed; save() hands the concern to the on-device SyncQueue
/// (WriteKind::RaiseConcern, with its idempotency key), which sends it when
/// the server can be reached, and drops the draft. Field key:
/// "description".
class RaiseConcernForm : public OutboxForm {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double relationshipId READ relationshipIdForQml NOTIFY relationshipChanged)
    /// The coachee or mentee of the relationship.
    Q_PROPERTY(QString otherName READ otherName NOTIFY relationshipChanged)
    Q_PROPERTY(QString description READ description WRITE setDescription NOTIFY descriptionChanged)
    /// A draft typed earlier and not sent, for the relationship with
    /// `draftOtherName`.
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY draftChanged)
    Q_PROPERTY(QString draftOtherName READ draftOtherName NOTIFY draftChanged)
    Q_PROPERTY(double draftRelationshipId READ draftRelationshipId NOTIFY draftChanged)

public:
    explicit RaiseConcernForm(QObject *parent = nullptr);

    double relationshipIdForQml() const;
    QString otherName() const;
    QString description() const;
    void setDescription(const QString &description);
    bool hasDraft() const;
    QString draftOtherName() const;
    double draftRelationshipId() const;

    /// A concern about `relationship` (a map as RelationshipCatalogue makes,
    /// or {id, otherName}); the draft's text comes back if it was about the
    /// same relationship.
    Q_INVOKABLE void start(const QVariantMap &relationship);
    /// Reads the draft kept on the device again (after a restart).
    Q_INVOKABLE void readDraft();
    /// Starts on the draft's relationship with its text.
    Q_INVOKABLE void resumeDraft();
    /// Drops the draft and empties the form.
    Q_INVOKABLE void discardDraft();
    Q_INVOKABLE bool validate();
    /// Checks, then keeps the concern on the device and starts sending it;
    /// saved() fires with its key once it is safely stored.
    Q_INVOKABLE void save();

Q_SIGNALS:
    void relationshipChanged();
    void descriptionChanged();
    void draftChanged();
    /// Stored on the device; the queue sends it (SyncQueue::synced).
    void saved(const QString &key, const QString &summary);

private:
    void keepDraft();
    QVariantMap draftFields() const;

    qint64 m_relationshipId = 0;
    QString m_otherName;
    QString m_description;
    /// The draft as last read: it may be about another relationship.
    QVariantMap m_kept;
    /// One draft, whichever relationship it is about; saved as it is typed.
    Draft m_draft {[this] { return draftFields(); }};
};
