#include "goals/goal_write_form.h"

#include "sync/sync_queue.h"

GoalWriteForm::GoalWriteForm(QObject *parent)
    : CorrectableForm(parent)
{
    // Whatever the person changes is kept as a draft shortly after (the
    // draft is the derived form's member, there by the time this fires).
    connect(this, &GoalWriteForm::draftChanged, this, [this] { draft().changed(); });
}

void GoalWriteForm::startOn(const QVariantMap &relationship)
{
    draft().flush(); // what was typed before, under its own name
    const Draft::Quiet filling(draft());
    m_startRelationship = relationship;
    m_relationshipId = relationship.value(QStringLiteral("id")).toLongLong();
    m_otherName = relationship.value(QStringLiteral("otherName")).toString();
    m_kind = relationship.value(QStringLiteral("kind")).toString();
    m_queuedKey.clear();
    reset();
    setFieldErrors({});
    setErrorMessage({});
    const QVariantMap kept = draft().open(writeKind(), draftSubject());
    m_restoredFromDraft = !kept.isEmpty();
    if (m_restoredFromDraft) {
        restore(kept);
    }
    Q_EMIT draftChanged();
}

void GoalWriteForm::startAgain()
{
    reset();
    m_restoredFromDraft = false;
    setFieldErrors({});
}

bool GoalWriteForm::editQueued(const QString &key, const QVariantMap &relationship)
{
    if (SyncQueue::instance()->kindOf(key) != writeKind()) {
        return false;
    }
    draft().flush();
    const Draft::Quiet filling(draft());
    startOn(relationship);
    restore(SyncQueue::instance()->payloadOf(key));
    m_queuedKey = key;
    const QVariantMap kept
        = draft().open(writeKind(), QVariantList {QStringLiteral("queued"), key});
    m_restoredFromDraft = !kept.isEmpty();
    if (m_restoredFromDraft) {
        restore(kept);
    }
    Q_EMIT draftChanged();
    return true;
}

void GoalWriteForm::send(
    const QVariantMap &payload, const QString &summary, const QHash<QString, QString> &fields)
{
    keepAndWait(writeKind(), payload, summary,
        tr("This could not be kept on the device. Nothing was sent; try again."), fields,
        [this, summary](const WriteOutcome &) {
            m_restoredFromDraft = false;
            Q_EMIT submitted(summary);
        });
}

QString GoalWriteForm::lengthProblem(const QString &text, int maxLength, const QString &missing)
{
    const qsizetype length = text.trimmed().size();
    if (length == 0 && !missing.isEmpty()) {
        return missing;
    }
    if (length > maxLength) {
        return tr("Keep it to %1 characters: it has %2.").arg(maxLength).arg(length);
    }
    return {};
}
