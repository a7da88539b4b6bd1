// SyncQueue, in two files to keep each readable: this one sends — the next
// entry, the server's answer, retries with back-off and whoever watches an
// entry; sync_queue.cpp is the list and how writes are kept.
#include "sync/sync_queue.h"

#include "identity/session.h"

void SyncQueue::watch(
    const QString &key, QObject *context, const std::function<void(const WriteOutcome &)> &handler)
{
    if (!key.isEmpty() && handler) {
        m_watchers[key].append(Watcher {context, handler});
    }
}

void SyncQueue::notify(const QString &key, const WriteOutcome &outcome)
{
    const QList<Watcher> watchers = m_watchers.take(key);
    for (const Watcher &watcher : watchers) {
        if (watcher.context) {
            watcher.handler(outcome);
        }
    }
}

void SyncQueue::notifyAllDeferred(const QString &message)
{
    WriteOutcome outcome;
    outcome.kind = WriteOutcome::Kind::Deferred;
    outcome.message = message;
    const QStringList keys = m_watchers.keys();
    for (const QString &key : keys) {
        notify(key, outcome);
    }
}

void SyncQueue::syncNow()
{
    if (Connection *connection = Session::instance()->connection()) {
        connection->reconnectNow();
    }
    m_retryTimer.stop();
    m_failures = 0;
    sendNext();
}

void SyncQueue::retry(const QString &key)
{
    if (!ensureOpen()) {
        return;
    }
    // One that can't be read stays refused when it is read again (OutboxStore).
    m_store.setOutcome(key, QStringLiteral("waiting"), {});
    reloadRows();
    syncNow();
}

void SyncQueue::sendNext()
{
    Connection *connection = Session::instance()->connection();
    if (m_syncing || !connection || accountId() <= 0 || !ensureOpen()) {
        return;
    }
    // Refused entries, and those that can't be read (refused as they are
    // read), wait for the person.
    const auto next = std::find_if(m_rows.cbegin(), m_rows.cend(),
        [](const OutboxEntry &e) { return e.readable && e.state == QLatin1String("waiting"); });
    if (next == m_rows.cend()) {
        return;
    }
    // A copy: reloadRows() below replaces the rows `next` points into.
    const OutboxEntry entry = *next; // NOLINT(performance-unnecessary-copy-initialization)
    m_store.countAttempt(entry.key, QDateTime::currentDateTimeUtc());
    m_sendingKey = entry.key;
    m_sendingConnection = connection;
    // A connection replaced mid-call (a sign-in to another server) never answers.
    m_connectionGone = connect(connection, &QObject::destroyed, this, [this] {
        finishSending();
        reloadRows();
    });
    setSyncing(true);
    reloadRows();
    const QString key = entry.key; // the same key on every try
    const auto answer
        = [this, key](const Result<WriteOutcome> &result) { handleAnswer(key, result); };
    if (const WriteKindInfo *kind = WriteKinds::byName(entry.kind)) {
        kind->send(Session::instance()->backends(), entry.payload, key, this, answer);
    } else {
        // A file written by a later version of the app: shown, never dropped.
        answer(BackendError {BackendError::Kind::Rejected,
            tr("This version of the app cannot send this change. Update the app to send it.")});
    }
}

void SyncQueue::handleAnswer(const QString &key, const Result<WriteOutcome> &result)
{
    finishSending();
    const std::optional<OutboxEntry> entry = m_store.find(key);
    const QString summary = entry ? entry->summary : QString();
    const int kind = entry ? WriteKinds::valueOf(entry->kind) : WriteKind::kUnknown;
    const auto relationshipId = static_cast<double>(entry ? entry->relationshipId : 0);
    if (result.ok()) {
        // Done now or before (a retry): either way it is on the server, so
        // it leaves the device.
        const WriteOutcome &outcome = result.value();
        m_store.remove(key);
        m_failures = 0;
        setLastError({});
        reloadRows();
        if (outcome.relationship) {
            Q_EMIT relationshipWritten(key, *outcome.relationship);
        }
        if (outcome.session) {
            Q_EMIT sessionWritten(key, *outcome.session);
        }
        if (outcome.concern) {
            Q_EMIT concernWritten(key, *outcome.concern);
        }
        if (outcome.plan) {
            Q_EMIT goalPlanWritten(key, *outcome.plan);
        }
        if (outcome.questions) {
            Q_EMIT questionsWritten(key, *outcome.questions);
        }
        Q_EMIT synced(key, summary, outcome.replayed, kind, relationshipId);
        notify(key, outcome);
        sendNext();
        return;
    }
    const BackendError &error = result.error();
    switch (error.kind) {
    case BackendError::Kind::Rejected:
    case BackendError::Kind::NotFound: {
        // The server answered no: kept, with its words, for the person.
        m_store.setOutcome(key, QStringLiteral("refused"), error.message);
        reloadRows();
        Q_EMIT refused(key, error.message, kind, relationshipId);
        WriteOutcome outcome;
        outcome.kind = WriteOutcome::Kind::Refused;
        outcome.message = error.message;
        outcome.field = error.field;
        notify(key, outcome);
        sendNext();
        return;
    }
    case BackendError::Kind::SessionExpired:
        // Sent again after the next sign-in.
        m_store.setOutcome(key, QStringLiteral("waiting"), error.message);
        setLastError(error.message);
        reloadRows();
        notifyAllDeferred(error.message);
        return;
    case BackendError::Kind::Unreachable:
    case BackendError::Kind::Timeout:
    case BackendError::Kind::Busy:
    case BackendError::Kind::Internal:
        // No answer (or none to act on): the same key goes again later.
        m_store.setOutcome(key, QStringLiteral("waiting"), error.message);
        setLastError(error.message);
        reloadRows();
        notifyAllDeferred(error.message);
        scheduleRetry();
        return;
    }
}

void SyncQueue::finishSending()
{
    disconnect(m_connectionGone);
    m_sendingKey.clear();
    m_sendingConnection.clear();
    setSyncing(false);
}

void SyncQueue::scheduleRetry()
{
    ++m_failures;
    m_retryTimer.start(retryDelayMs(m_failures));
}

void SyncQueue::setSyncing(bool syncing)
{
    if (syncing == m_syncing) {
        return;
    }
    m_syncing = syncing;
    Q_EMIT syncingChanged();
}

void SyncQueue::setLastError(const QString &message)
{
    if (message == m_lastError) {
        return;
    }
    m_lastError = message;
    Q_EMIT lastErrorChanged();
}
