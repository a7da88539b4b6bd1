// RelationshipDetail: what its two people can do — agree the contract,
// complete or end it, accept, cancel or move a session, export one to a
// calendar — and the one way each change is kept and sent (write()). The
// model itself (loading, rows, pending changes) is relationship_detail.cpp.
#include "relationships/relationship_detail.h"

#include "common/form_base.h"
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

} // namespace

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
        problems.insert(
            QStringLiteral("date"), FormBase::dateProblem(QDate::currentDate().addDays(7)));
    }
    if (!at.isValid()) {
        problems.insert(QStringLiteral("time"), FormBase::timeProblem());
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
