#include "relationships/relationship_detail.h"

#include "common/form_base.h"
#include "common/reversed.h"
#include "identity/session.h"
#include "relationships/relationship_backend.h"
#include "relationships/relationship_catalogue.h"
#include "sync/drafts.h"
#include "sync/sync_queue.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace {

/// The first folder of `candidates` that exists (or can be made) and can
/// be written.
QString writableFolder(const QStringList &candidates)
{
    for (const QString &folder : candidates) {
        if (!folder.isEmpty() && QDir().mkpath(folder) && QFileInfo(folder).isWritable()) {
            return folder;
        }
    }
    return {};
}

bool isOpen(const SessionInfo &session)
{
    return session.status == QLatin1String("proposed")
        || session.status == QLatin1String("accepted");
}

} // namespace

RelationshipDetail::RelationshipDetail(QObject *parent)
    : QObject(parent)
{
    SyncQueue *queue = SyncQueue::instance();
    // Whoever sent it (this page, a form, Sync now after a restart), what
    // the server answered shows here.
    connect(queue, &SyncQueue::relationshipWritten, this,
        [this](const QString &, const RelationshipInfo &relationship) {
            if (relationship.id != m_relationshipId || m_relationshipId <= 0) {
                return;
            }
            ++m_generation; // anything still loading is older than this
            setLoading(false);
            setOffline(false);
            setRelationship(relationship);
            loadSessions();
        });
    connect(queue, &SyncQueue::sessionWritten, this,
        [this](const QString &, const SessionInfo &session) {
            if (session.relationshipId != m_relationshipId || m_relationshipId <= 0) {
                return;
            }
            bool found = false;
            for (SessionInfo &known : m_sessions) {
                if (known.id == session.id) {
                    known = session;
                    found = true;
                }
            }
            if (!found) {
                m_sessions.append(session);
            }
            // Soonest first, as the server lists them; a move changes the order.
            std::stable_sort(m_sessions.begin(), m_sessions.end(),
                [](const SessionInfo &a, const SessionInfo &b) { return a.startsAt < b.startsAt; });
            Q_EMIT sessionsChanged();
        });
    connect(queue, &SyncQueue::entriesChanged, this, &RelationshipDetail::updatePending);
}

qint64 RelationshipDetail::relationshipId() const
{
    return m_relationshipId;
}

double RelationshipDetail::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

void RelationshipDetail::setRelationshipIdForQml(double relationshipId)
{
    const auto id = static_cast<qint64>(relationshipId);
    if (id == m_relationshipId) {
        return;
    }
    m_relationshipId = id;
    Q_EMIT relationshipIdChanged();
    m_relationship.clear();
    m_exists = false;
    m_sessions.clear();
    Q_EMIT relationshipChanged();
    Q_EMIT sessionsChanged();
    updatePending();
    reload();
}

QVariantMap RelationshipDetail::relationship() const
{
    return m_relationship;
}

QVariant RelationshipDetail::relationshipForQml() const
{
    return m_relationship;
}

bool RelationshipDetail::exists() const
{
    return m_exists;
}

QVariantMap RelationshipDetail::sessionMap(const SessionInfo &session) const
{
    QVariantMap map
        = RelationshipCatalogue::toMap(session, Session::instance()->accountId(), m_yourPart);
    map.insert(QStringLiteral("pendingLabel"), m_sessionPending.value(session.id));
    return map;
}

QVariantList RelationshipDetail::upcoming() const
{
    QVariantList list;
    for (const SessionInfo &session : m_sessions) {
        if (isOpen(session)) {
            list.append(sessionMap(session));
        }
    }
    return list;
}

QVariantList RelationshipDetail::past() const
{
    QVariantList list;
    for (const SessionInfo &session : reversed(m_sessions)) { // newest first
        if (!isOpen(session)) {
            list.append(sessionMap(session));
        }
    }
    return list;
}

QVariantList RelationshipDetail::sharedActions() const
{
    QVariantList list;
    for (const SessionInfo &session : reversed(m_sessions)) { // newest first
        if (session.status == QLatin1String("held") && !session.agreedActions.trimmed().isEmpty()) {
            list.append(QVariantMap {
                {QStringLiteral("dateLabel"), RelationshipCatalogue::dateLabel(session.startsAt)},
                {QStringLiteral("text"), session.agreedActions}});
        }
    }
    return list;
}

int RelationshipDetail::heldCount() const
{
    return static_cast<int>(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
        [](const SessionInfo &s) { return s.status == QLatin1String("held"); }));
}

QVariantList RelationshipDetail::pending() const
{
    return m_pending;
}

QVariantList RelationshipDetail::pendingWriteKinds() const
{
    return m_pendingWriteKinds;
}

bool RelationshipDetail::loading() const
{
    return m_loading;
}

bool RelationshipDetail::offline() const
{
    return m_offline;
}

bool RelationshipDetail::busy() const
{
    return m_busy;
}

bool RelationshipDetail::exporting() const
{
    return m_exporting;
}

QString RelationshipDetail::exportFolder() const
{
    return m_exportFolder;
}

void RelationshipDetail::setExportFolder(const QString &folder)
{
    if (folder == m_exportFolder) {
        return;
    }
    m_exportFolder = folder;
    Q_EMIT exportChanged();
}

QString RelationshipDetail::lastExportPath() const
{
    return m_lastExportPath;
}

QString RelationshipDetail::errorMessage() const
{
    return m_errorMessage;
}

void RelationshipDetail::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void RelationshipDetail::clearError()
{
    setErrorMessage({});
}

void RelationshipDetail::reload()
{
    RelationshipBackend *backend = Session::instance()->relationships();
    if (!backend || m_relationshipId <= 0) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getRelationship(
        m_relationshipId, this, [this, generation](const Result<RelationshipInfo> &result) {
            if (generation != m_generation) {
                return;
            }
            if (!result.ok()) {
                setLoading(false);
                loadFailed(result.error());
                return;
            }
            setOffline(false);
            setRelationship(result.value());
            loadSessions();
        });
}

void RelationshipDetail::loadSessions()
{
    RelationshipBackend *backend = Session::instance()->relationships();
    if (!backend) {
        setLoading(false);
        return;
    }
    const int generation = m_generation;
    backend->listSessions(
        m_relationshipId, this, [this, generation](const Result<QList<SessionInfo>> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!result.ok()) {
                loadFailed(result.error());
                return;
            }
            setSessions(result.value());
        });
}

QString RelationshipDetail::otherName() const
{
    return m_relationship.value(QStringLiteral("otherName")).toString();
}

QString RelationshipDetail::whenLabel(const QDateTime &when) const
{
    return tr("%1 at %2")
        .arg(RelationshipCatalogue::dateLabel(when), RelationshipCatalogue::timeLabel(when));
}

const SessionInfo *RelationshipDetail::sessionById(qint64 sessionId) const
{
    for (const SessionInfo &session : m_sessions) {
        if (session.id == sessionId) {
            return &session;
        }
    }
    return nullptr;
}

QString RelationshipDetail::agreementProblem(
    bool confidentiality, bool ethics, const QString &lineManagerTold) const
{
    if (!confidentiality || !ethics) {
        return tr("Tick both boxes to agree: confidentiality, and the EMCC code of ethics.");
    }
    if (m_yourPart == QLatin1String("coachee") && lineManagerTold.isEmpty()) {
        return tr("Say whether your line manager knows: yes, not yet, or you chose not to tell "
                  "them.");
    }
    return {};
}

void RelationshipDetail::agree(bool confidentiality, bool ethics, const QString &lineManagerTold)
{
    if (const QString problem = agreementProblem(confidentiality, ethics, lineManagerTold);
        !problem.isEmpty()) {
        fail(problem);
        return;
    }
    const QString told = m_yourPart == QLatin1String("coachee") ? lineManagerTold : QString();
    write(WriteKind::AgreeContract,
        {{QStringLiteral("confidentialityAcknowledged"), confidentiality},
            {QStringLiteral("ethicsAcknowledged"), ethics},
            {QStringLiteral("lineManagerTold"), told}},
        tr("Agreed the contract with %1").arg(otherName()), {});
}

QString RelationshipDetail::reasonProblem(const QString &reason) const
{
    const qsizetype length = reason.trimmed().size();
    if (length == 0) {
        return tr("Say why, in a sentence or two.");
    }
    if (length > RelationshipCatalogue::kReasonMaxLength) {
        return tr("Keep the reason to %1 characters (it is %2 now).")
            .arg(RelationshipCatalogue::kReasonMaxLength)
            .arg(length);
    }
    return {};
}

void RelationshipDetail::complete()
{
    write(WriteKind::CompleteRelationship, {},
        tr("Completed the relationship with %1").arg(otherName()),
        tr("The relationship is completed. Thank you."));
}

void RelationshipDetail::end(const QString &reason)
{
    if (const QString problem = reasonProblem(reason); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    write(WriteKind::EndRelationship, {{QStringLiteral("reason"), reason.trimmed()}},
        tr("Ended the relationship with %1 early").arg(otherName()),
        tr("The relationship has ended. Its record is kept."), m_relationshipId);
}

void RelationshipDetail::acceptSession(double sessionId)
{
    const auto id = static_cast<qint64>(sessionId);
    const SessionInfo *session = sessionById(id);
    QVariantMap payload {{QStringLiteral("sessionId"), id}};
    QString summary = tr("Accepted a session with %1").arg(otherName());
    if (session && session->startsAt.isValid()) {
        payload.insert(QStringLiteral("startsAt"), session->startsAt);
        summary = tr("Accepted the session with %1 on %2")
                      .arg(otherName(), whenLabel(session->startsAt));
    }
    write(WriteKind::AcceptSession, payload, summary, tr("Session booked."));
}

void RelationshipDetail::cancelSession(double sessionId, const QString &reason)
{
    if (const QString problem = reasonProblem(reason); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    const auto id = static_cast<qint64>(sessionId);
    const SessionInfo *session = sessionById(id);
    QVariantMap payload {
        {QStringLiteral("sessionId"), id}, {QStringLiteral("reason"), reason.trimmed()}};
    QString summary = tr("Cancelled a session with %1").arg(otherName());
    if (session && session->startsAt.isValid()) {
        payload.insert(QStringLiteral("startsAt"), session->startsAt);
        summary = tr("Cancelled the session with %1 on %2")
                      .arg(otherName(), whenLabel(session->startsAt));
    }
    write(WriteKind::CancelSession, payload, summary,
        tr("Session cancelled. %1 will see why.").arg(otherName()), id);
}

QVariantMap RelationshipDetail::rescheduleProblems(
    const QString &date, const QString &time, const QString &reason) const
{
    QVariantMap problems;
    const QDate day = FormBase::parseDate(date);
    const QTime at = FormBase::parseTime(time);
    if (!day.isValid()) {
        problems.insert(QStringLiteral("date"),
            tr("Enter the date as year-month-day, like %1.")
                .arg(QDate::currentDate().addDays(7).toString(Qt::ISODate)));
    }
    if (!at.isValid()) {
        problems.insert(QStringLiteral("time"), tr("Enter the time as hours:minutes, like 14:30."));
    }
    if (day.isValid() && at.isValid()) {
        const QDateTime when(day, at);
        const QDateTime now = QDateTime::currentDateTime();
        if (when <= now) {
            problems.insert(QStringLiteral("date"), tr("Choose a time in the future."));
        } else if (when > now.addDays(366)) {
            problems.insert(QStringLiteral("date"), tr("Choose a time within the next year."));
        }
    }
    if (const QString problem = reasonProblem(reason); !problem.isEmpty()) {
        problems.insert(QStringLiteral("reason"), problem);
    }
    return problems;
}

void RelationshipDetail::rescheduleSession(
    double sessionId, const QString &date, const QString &time, const QString &reason)
{
    if (const QVariantMap problems = rescheduleProblems(date, time, reason); !problems.isEmpty()) {
        fail(problems.first().toString());
        return;
    }
    const QDateTime when(FormBase::parseDate(date), FormBase::parseTime(time));
    write(WriteKind::RescheduleSession,
        {{QStringLiteral("sessionId"), static_cast<qint64>(sessionId)},
            {QStringLiteral("startsAt"), when}, {QStringLiteral("reason"), reason.trimmed()}},
        tr("Moved the session with %1 to %2").arg(otherName(), whenLabel(when)),
        tr("Session moved to %1. %2 is asked to accept the new time.")
            .arg(whenLabel(when), otherName()),
        static_cast<qint64>(sessionId));
}

void RelationshipDetail::exportCalendar(double sessionId)
{
    RelationshipBackend *backend = Session::instance()->relationships();
    if (!backend || m_exporting) {
        return;
    }
    clearError();
    const auto id = static_cast<qint64>(sessionId);
    setExporting(true);
    backend->exportSessionCalendar(id, this, [this, id](const Result<CalendarFile> &result) {
        setExporting(false);
        if (!result.ok()) {
            fail(result.error().kind == BackendError::Kind::Unreachable
                    ? tr("A calendar file needs the server: try again when you are online.")
                    : result.error().message);
            return;
        }
        const QString folder = writableFolder(m_exportFolder.isEmpty()
                ? QStringList {QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
                    QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                    QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)}
                : QStringList {m_exportFolder});
        if (folder.isEmpty()) {
            fail(tr("There is no folder on this device to save the calendar file in."));
            return;
        }
        // Only the name: never a path the answer could lead elsewhere with.
        QString name = QFileInfo(result.value().fileName).fileName();
        if (!name.endsWith(QLatin1String(".ics"), Qt::CaseInsensitive)) {
            name = QStringLiteral("tandem-session-%1.ics").arg(id);
        }
        const QString path = QDir(folder).filePath(name);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(result.value().ics) < 0
            || !file.commit()) {
            fail(tr("Can't save the calendar file in %1 (%2).")
                     .arg(QDir::toNativeSeparators(folder), file.errorString()));
            return;
        }
        m_lastExportPath = path;
        Q_EMIT exportChanged();
        Q_EMIT calendarSaved(path);
        const bool opened
            = m_openExportedFiles && QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        const SessionInfo *session = sessionById(id);
        const QString what = session
            ? tr("the session with %1 on %2").arg(otherName(), whenLabel(session->startsAt))
            : tr("the session");
        Q_EMIT changed(opened
                ? tr("Calendar file saved in %1 and opened in your calendar app: %2.")
                      .arg(QDir::toNativeSeparators(path), what)
                : tr("Calendar file saved in %1: %2. Open it to add the session to your "
                     "calendar.")
                      .arg(QDir::toNativeSeparators(path), what));
    });
}

void RelationshipDetail::setRelationshipMap(const QVariantMap &relationship)
{
    if (relationship.value(QStringLiteral("id")).toLongLong() != m_relationshipId) {
        return;
    }
    m_relationship = relationship;
    m_yourPart = relationship.value(QStringLiteral("yourPart")).toString();
    m_exists = true;
    Q_EMIT relationshipChanged();
    Q_EMIT sessionsChanged(); // what the viewer may do with them follows the state
}

void RelationshipDetail::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void RelationshipDetail::setOffline(bool offline)
{
    if (offline == m_offline) {
        return;
    }
    m_offline = offline;
    Q_EMIT offlineChanged();
}

void RelationshipDetail::loadFailed(const BackendError &error)
{
    const bool unreachable = error.kind == BackendError::Kind::Unreachable
        || error.kind == BackendError::Kind::Timeout;
    if (unreachable && m_exists) {
        setOffline(true);
        return;
    }
    fail(error.message);
}

void RelationshipDetail::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}

void RelationshipDetail::setExporting(bool exporting)
{
    if (exporting == m_exporting) {
        return;
    }
    m_exporting = exporting;
    Q_EMIT exportingChanged();
}

void RelationshipDetail::fail(const QString &message)
{
    setErrorMessage(message);
    Q_EMIT errorOccurred(message);
}

void RelationshipDetail::setRelationship(const RelationshipInfo &relationship)
{
    m_relationship = RelationshipCatalogue::toMap(relationship);
    m_yourPart = relationship.yourPart;
    m_exists = true;
    Q_EMIT relationshipChanged();
}

void RelationshipDetail::setSessions(const QList<SessionInfo> &sessions)
{
    m_sessions = sessions;
    Q_EMIT sessionsChanged();
}

void RelationshipDetail::write(WriteKind::Kind kind, QVariantMap payload, const QString &summary,
    const QString &said, const QVariant &draftSubject)
{
    if (m_busy || m_relationshipId <= 0) {
        return;
    }
    clearError();
    payload.insert(QStringLiteral("relationshipId"), m_relationshipId);
    SyncQueue *queue = SyncQueue::instance();
    QString why;
    const QString key = queue->keep(kind, payload, summary, &why);
    if (key.isEmpty()) {
        fail(why.isEmpty()
                ? tr("This change could not be kept on the device. Nothing was sent; try again.")
                : why);
        return;
    }
    setBusy(true);
    const QString before = m_relationship.value(QStringLiteral("state")).toString();
    const QString draftName
        = draftSubject.isValid() ? Drafts::nameFor(kind, draftSubject) : QString();
    queue->watch(key, this, [this, key, said, before, draftName](const WriteOutcome &outcome) {
        onWritten(key, outcome, said, before, draftName);
    });
}

void RelationshipDetail::onWritten(const QString &key, const WriteOutcome &outcome,
    const QString &said, const QString &stateBefore, const QString &draftName)
{
    setBusy(false);
    if (!draftName.isEmpty() && outcome.kind != WriteOutcome::Kind::Refused) {
        // The queue keeps it now; on a refusal what was typed stays.
        Drafts::instance()->clear(draftName);
    }
    switch (outcome.kind) {
    case WriteOutcome::Kind::Written: {
        // What the server answered is on show already (relationshipWritten,
        // sessionWritten).
        QString message = said;
        if (message.isEmpty()) {
            // Agreeing: say what it led to.
            const QString state = m_relationship.value(QStringLiteral("state")).toString();
            message = state == QLatin1String("active") && stateBefore != state
                ? tr("You have both agreed: the relationship is active.")
                : tr("You have agreed to the contract. Waiting for %1 to agree.").arg(otherName());
        }
        Q_EMIT changed(message);
        return;
    }
    case WriteOutcome::Kind::Refused:
        // Said here, where the person can put it right at once, rather than
        // kept in the list of changes to sync as well.
        SyncQueue::instance()->discard(key);
        fail(outcome.message);
        return;
    case WriteOutcome::Kind::Deferred:
        Q_EMIT changed(
            tr("Saved on this device. It is sent as soon as the server can be reached."));
        return;
    }
}

void RelationshipDetail::updatePending()
{
    QVariantList list;
    QVariantList kinds;
    QHash<qint64, QString> perSession;
    for (const OutboxEntry &entry : SyncQueue::instance()->entriesOf(m_relationshipId)) {
        const bool refused = entry.state == QLatin1String("refused");
        const QString what = WriteKinds::describe(entry.kind, entry.payload);
        const QString text = !entry.readable ? tr("Can't be read on this device: %1.").arg(what)
            : refused                        ? tr("Not accepted by the server: %1.").arg(what)
                                             : tr("Waiting to sync: %1").arg(what);
        const QString problem = !entry.readable
            ? tr("The key that protected it is no longer on this device, so it can't be sent. "
                 "Discard it and make the change again.")
            : refused ? tr("The server said: %1").arg(entry.lastError)
                      : QString();
        const qint64 sessionId = entry.payload.value(QStringLiteral("sessionId")).toInteger();
        list.append(QVariantMap {{QStringLiteral("key"), entry.key},
            {QStringLiteral("kind"), WriteKinds::valueOf(entry.kind)},
            {QStringLiteral("text"), text}, {QStringLiteral("refused"), refused},
            {QStringLiteral("readable"), entry.readable},
            {QStringLiteral("lastError"), refused ? entry.lastError : QString()},
            {QStringLiteral("problem"), problem}, {QStringLiteral("sessionId"), sessionId}});
        kinds.append(WriteKinds::valueOf(entry.kind));
        if (sessionId > 0) {
            perSession.insert(sessionId, text);
        }
    }
    if (list != m_pending) {
        m_pending = list;
        m_pendingWriteKinds = kinds;
        Q_EMIT pendingChanged();
    }
    // Only when the words change: rebuilding the rows would lose what is
    // being typed in them.
    if (perSession != m_sessionPending) {
        m_sessionPending = perSession;
        Q_EMIT sessionsChanged();
    }
}
