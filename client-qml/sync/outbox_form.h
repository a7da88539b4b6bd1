#pragma once

#include "common/form_base.h"
#include "sync/write_kinds.h"

#include <QHash>
#include <QString>
#include <QVariantMap>

#include <functional>

class Draft;

/// A form whose saving is a write kept in the outbox (SyncQueue) before it
/// is sent: the one place that keeps it and says why when it could not be
/// kept.
class OutboxForm : public FormBase {
    Q_OBJECT
    QML_ANONYMOUS

public:
    using FormBase::FormBase;

protected:
    /// Keeps a write of `kind` — a new one, or the queued write `replacing`
    /// being corrected — and clears `draft`, now that the outbox holds what
    /// was typed. Its key; empty, with the outbox's reason (or
    /// `couldNotKeep`) shown on the form, when it could not be kept.
    QString keepWrite(WriteKind::Kind kind, const QVariantMap &payload, const QString &summary,
        Draft &draft, const QString &couldNotKeep, const QString &replacing = {});
};

/// An OutboxForm whose write can be opened again while it waits in the
/// outbox — refused by the server, say — and corrected (editQueued()); what
/// is typed is kept as a draft (draft()) as the person types.
class CorrectableForm : public OutboxForm {
    Q_OBJECT
    QML_ANONYMOUS

    /// Correcting a write already queued (refused by the server): its key.
    Q_PROPERTY(QString queuedKey READ queuedKey NOTIFY draftChanged)
    /// What shows came from a draft kept on the device, not a fresh start.
    Q_PROPERTY(bool restoredFromDraft READ restoredFromDraft NOTIFY draftChanged)

public:
    using OutboxForm::OutboxForm;

    QString queuedKey() const { return m_queuedKey; }
    bool restoredFromDraft() const { return m_restoredFromDraft; }

    /// Opens the queued write `key` about `relationship` (a map as
    /// RelationshipCatalogue makes) to correct it, with corrections typed
    /// before the app closed; false when it is not this form's kind.
    Q_INVOKABLE virtual bool editQueued(const QString &key, const QVariantMap &relationship) = 0;
    /// Forgets the draft: back to the queued write being corrected, or to
    /// the form as it started.
    Q_INVOKABLE void discardDraft();

Q_SIGNALS:
    /// A field, the queued key or where the form came from changed.
    void draftChanged();
    /// keepAndWait(): the server could not be reached, so the write waits on
    /// the device and is sent later.
    void queued(const QString &key, const QString &summary);

protected:
    /// The form's draft (a member, declared last so that it is saved on
    /// destruction while the fields are still there).
    virtual Draft &draft() = 0;
    /// Fills the form as it started, for m_startRelationship.
    virtual void startAgain() = 0;

    /// keepWrite() of a new write, or of the queued one being corrected,
    /// then busy until the server answers: written clears the queued key
    /// and calls `onWritten`; refused shows the server's words on the field
    /// it names (`fields` maps the API's names to the form's) and, for a new
    /// write, takes it back out of the outbox, keeping what was typed as the
    /// draft (a queued write being corrected stays queued, refused);
    /// unreachable says queued().
    void keepAndWait(WriteKind::Kind kind, const QVariantMap &payload, const QString &summary,
        const QString &couldNotKeep, const QHash<QString, QString> &fields,
        const std::function<void(const WriteOutcome &)> &onWritten);

    QString m_queuedKey;
    QVariantMap m_startRelationship;
    bool m_restoredFromDraft = false;
};
