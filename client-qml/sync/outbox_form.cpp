#include "sync/outbox_form.h"

#include "sync/draft.h"
#include "sync/sync_queue.h"

QString OutboxForm::keepWrite(WriteKind::Kind kind, const QVariantMap &payload,
    const QString &summary, Draft &draft, const QString &couldNotKeep, const QString &replacing)
{
    QString why;
    QString key = SyncQueue::instance()->keep(kind, payload, summary, &why, replacing);
    if (key.isEmpty()) {
        fail(why.isEmpty() ? couldNotKeep : why);
        return {};
    }
    draft.clear();
    return key;
}

void CorrectableForm::keepAndWait(WriteKind::Kind kind, const QVariantMap &payload,
    const QString &summary, const QString &couldNotKeep, const QHash<QString, QString> &fields,
    const std::function<void(const WriteOutcome &)> &onWritten)
{
    const QString key = keepWrite(kind, payload, summary, draft(), couldNotKeep, m_queuedKey);
    if (key.isEmpty()) {
        return;
    }
    setBusy(true);
    SyncQueue::instance()->watch(key, this,
        [this, key, summary, correcting = !m_queuedKey.isEmpty(), fields, onWritten](
            const WriteOutcome &outcome) {
            setBusy(false);
            switch (outcome.kind) {
            case WriteOutcome::Kind::Written:
                m_queuedKey.clear();
                onWritten(outcome);
                return;
            case WriteOutcome::Kind::Refused:
                if (!correcting) {
                    // Shown on the form, where it is put right; not kept as well.
                    SyncQueue::instance()->discard(key);
                    draft().changed(); // still typed: kept again in case the app closes first
                }
                fail(BackendError {BackendError::Kind::Rejected, outcome.message, outcome.field},
                    fields);
                return;
            case WriteOutcome::Kind::Deferred:
                Q_EMIT queued(key, summary);
                return;
            }
        });
}

void CorrectableForm::discardDraft()
{
    draft().clear();
    // Back to the write as it waits in the queue.
    if (const QString key = m_queuedKey; !key.isEmpty() && editQueued(key, m_startRelationship)) {
        return;
    }
    const Draft::Quiet filling(draft());
    startAgain();
    Q_EMIT draftChanged();
}
