#include "relationships/record_session_form.h"

#include "common/date_words.h"
#include "relationships/relationship_catalogue.h"
#include "sync/drafts.h"
#include "sync/sync_queue.h"
#include "sync/write_codec.h"

namespace {

constexpr int kMinutesStep = 5;

} // namespace

RecordSessionForm::RecordSessionForm(QObject *parent)
    : CorrectableForm(parent)
{
    // Whatever the person changes is kept as a draft shortly after.
    connect(this, &RecordSessionForm::draftChanged, &m_draft, &Draft::changed);
}

double RecordSessionForm::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

double RecordSessionForm::sessionIdForQml() const
{
    return static_cast<double>(m_sessionId);
}

QString RecordSessionForm::otherName() const
{
    return m_otherName;
}

QString RecordSessionForm::kind() const
{
    return m_kind;
}

bool RecordSessionForm::held() const
{
    return m_record.held;
}

void RecordSessionForm::setHeld(bool held)
{
    if (held != m_record.held) {
        m_record.held = held;
        setFieldErrors({});
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::cancelledBy() const
{
    return m_record.cancelledBy;
}

void RecordSessionForm::setCancelledBy(const QString &who)
{
    if (change(m_record.cancelledBy, who, QStringLiteral("cancelledBy"))) {
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::cancelReason() const
{
    return m_record.cancelReason;
}

void RecordSessionForm::setCancelReason(const QString &reason)
{
    if (change(m_record.cancelReason, reason, QStringLiteral("cancelReason"))) {
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::date() const
{
    return m_date;
}

void RecordSessionForm::setDate(const QString &date)
{
    if (change(m_date, date, QStringLiteral("date"))) {
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::time() const
{
    return m_time;
}

void RecordSessionForm::setTime(const QString &time)
{
    if (change(m_time, time, QStringLiteral("time"))) {
        Q_EMIT draftChanged();
    }
}

int RecordSessionForm::actualMinutes() const
{
    return m_record.actualMinutes;
}

void RecordSessionForm::setActualMinutes(int minutes)
{
    if (change(m_record.actualMinutes, minutes, QStringLiteral("actualMinutes"))) {
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::mode() const
{
    return m_record.mode;
}

void RecordSessionForm::setMode(const QString &mode)
{
    if (change(m_record.mode, mode)) {
        Q_EMIT draftChanged();
    }
}

QStringList RecordSessionForm::themes() const
{
    return m_record.themes;
}

void RecordSessionForm::setThemes(const QStringList &themes)
{
    if (change(m_record.themes, themes, QStringLiteral("themes"))) {
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::agreedActions() const
{
    return m_record.agreedActions;
}

void RecordSessionForm::setAgreedActions(const QString &actions)
{
    if (change(m_record.agreedActions, actions, QStringLiteral("agreedActions"))) {
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::privateNotes() const
{
    return m_record.privateNotes;
}

void RecordSessionForm::setPrivateNotes(const QString &notes)
{
    if (change(m_record.privateNotes, notes, QStringLiteral("privateNotes"))) {
        Q_EMIT draftChanged();
    }
}

QString RecordSessionForm::draftSavedLabel() const
{
    if (!m_restoredFromDraft || !m_draftSavedAt.isValid()) {
        return {};
    }
    return tr("%1 at %2").arg(DateWords::weekday(m_draftSavedAt), DateWords::time(m_draftSavedAt));
}

QString RecordSessionForm::draftNameFor(qint64 relationshipId, qint64 sessionId)
{
    return Drafts::nameFor(WriteKind::RecordSession, QVariantList {relationshipId, sessionId});
}

void RecordSessionForm::start(const QVariantMap &relationship, const QVariant &session)
{
    m_draft.flush(); // what was typed for the record before, under its name
    const Draft::Quiet filling(m_draft);
    startFresh(relationship, session);
    restoreDraft(
        m_draft.open(WriteKind::RecordSession, QVariantList {m_relationshipId, m_sessionId}));
    Q_EMIT draftChanged();
}

QVariantMap RecordSessionForm::draftFields() const
{
    return {{QStringLiteral("held"), m_record.held},
        {QStringLiteral("cancelledBy"), m_record.cancelledBy},
        {QStringLiteral("cancelReason"), m_record.cancelReason}, {QStringLiteral("date"), m_date},
        {QStringLiteral("time"), m_time}, {QStringLiteral("actualMinutes"), m_record.actualMinutes},
        {QStringLiteral("mode"), m_record.mode}, {QStringLiteral("themes"), m_record.themes},
        {QStringLiteral("agreedActions"), m_record.agreedActions},
        {QStringLiteral("privateNotes"), m_record.privateNotes}};
}

bool RecordSessionForm::restoreDraft(const QVariantMap &fields)
{
    if (fields.isEmpty()) {
        return false;
    }
    m_restoredFromDraft = true;
    m_draftSavedAt = m_draft.savedAt();
    m_record.held = fields.value(QStringLiteral("held"), true).toBool();
    m_record.cancelledBy = fields.value(QStringLiteral("cancelledBy")).toString();
    m_record.cancelReason = fields.value(QStringLiteral("cancelReason")).toString();
    m_date = fields.value(QStringLiteral("date"), m_date).toString();
    m_time = fields.value(QStringLiteral("time"), m_time).toString();
    m_record.actualMinutes
        = fields.value(QStringLiteral("actualMinutes"), m_record.actualMinutes).toInt();
    m_record.mode = fields.value(QStringLiteral("mode")).toString();
    m_record.themes = fields.value(QStringLiteral("themes")).toStringList();
    m_record.agreedActions = fields.value(QStringLiteral("agreedActions")).toString();
    m_record.privateNotes = fields.value(QStringLiteral("privateNotes")).toString();
    return true;
}

void RecordSessionForm::startFresh(const QVariantMap &relationship, const QVariant &session)
{
    m_startRelationship = relationship;
    m_startSession = session;
    m_restoredFromDraft = false;
    m_draftSavedAt = {};
    m_relationshipId = relationship.value(QStringLiteral("id")).toLongLong();
    m_otherName = relationship.value(QStringLiteral("otherName")).toString();
    m_kind = relationship.value(QStringLiteral("kind")).toString();
    m_queuedKey.clear();
    m_record = SessionRecord {};
    m_record.relationshipId = m_relationshipId;
    const QVariantMap scheduled = session.toMap();
    m_sessionId = scheduled.value(QStringLiteral("id")).toLongLong();
    const int contractMinutes = relationship.value(QStringLiteral("sessionMinutes")).toInt();
    QDateTime started;
    if (m_sessionId > 0) {
        started = scheduled.value(QStringLiteral("startsAt")).toDateTime().toLocalTime();
        m_record.actualMinutes = scheduled.value(QStringLiteral("plannedMinutes")).toInt();
        m_record.mode = scheduled.value(QStringLiteral("mode")).toString();
    } else {
        m_record.actualMinutes = contractMinutes > 0 ? contractMinutes : 60;
        // Recorded right after the meeting: it began about one session ago.
        started = QDateTime::currentDateTime().addSecs(-60LL * m_record.actualMinutes);
        const QTime at = started.time();
        started.setTime(QTime(at.hour(), at.minute() - at.minute() % kMinutesStep));
    }
    m_date = started.date().toString(Qt::ISODate);
    m_time = started.time().toString(QStringLiteral("HH:mm"));
    setFieldErrors({});
    setErrorMessage({});
}

bool RecordSessionForm::editQueued(const QString &key, const QVariantMap &relationship)
{
    const QVariantMap queued = SyncQueue::instance()->recordOf(key);
    if (queued.isEmpty()) {
        return false;
    }
    m_draft.flush();
    const Draft::Quiet filling(m_draft);
    startFresh(relationship, {});
    m_record = WriteCodec::toRecord(QJsonObject::fromVariantMap(queued));
    m_record.startedAt = queued.value(QStringLiteral("startedAt")).toDateTime();
    m_sessionId = m_record.sessionId;
    m_queuedKey = key;
    if (m_record.startedAt.isValid()) {
        const QDateTime local = m_record.startedAt.toLocalTime();
        m_date = local.date().toString(Qt::ISODate);
        m_time = local.time().toString(QStringLiteral("HH:mm"));
    }
    // Corrections typed before the app closed come back too.
    restoreDraft(
        m_draft.open(WriteKind::RecordSession, QVariantList {QStringLiteral("queued"), key}));
    Q_EMIT draftChanged();
    return true;
}

bool RecordSessionForm::toggleTheme(const QString &code)
{
    QStringList themes = m_record.themes;
    if (themes.removeAll(code) == 0) {
        if (themes.size() >= RelationshipCatalogue::kMaxThemes) {
            setFieldError(QStringLiteral("themes"),
                tr("Choose at most %1 themes: take one off to add another.")
                    .arg(RelationshipCatalogue::kMaxThemes));
            return false;
        }
        themes.append(code);
    }
    setThemes(themes);
    return true;
}

QDateTime RecordSessionForm::startedAt() const
{
    const QDate day = parseDate(m_date);
    const QTime at = parseTime(m_time);
    return day.isValid() && at.isValid() ? QDateTime(day, at) : QDateTime();
}

bool RecordSessionForm::validate()
{
    QVariantMap errors;
    if (m_sessionId == 0) {
        if (!parseDate(m_date).isValid()) {
            errors.insert(QStringLiteral("date"), dateProblem(QDate::currentDate()));
        }
        if (!parseTime(m_time).isValid()) {
            errors.insert(QStringLiteral("time"), timeProblem());
        }
        const QDateTime when = startedAt();
        const QDateTime now = QDateTime::currentDateTime();
        if (when.isValid()
            && when > now.addSecs(qint64 {RelationshipCatalogue::kRecordClockSkewMinutes} * 60)) {
            errors.insert(QStringLiteral("date"), tr("A session is recorded after it happens."));
        } else if (when.isValid()
            && when < now.addDays(-RelationshipCatalogue::kRecordWithinDays)) {
            errors.insert(QStringLiteral("date"),
                tr("Sessions can be recorded up to %1 days later.")
                    .arg(RelationshipCatalogue::kRecordWithinDays));
        }
    }
    if (m_record.held) {
        if (m_record.actualMinutes < RelationshipCatalogue::kMinActualMinutes
            || m_record.actualMinutes > RelationshipCatalogue::kMaxActualMinutes) {
            errors.insert(QStringLiteral("actualMinutes"),
                tr("Enter how long it took: %1 to %2 minutes.")
                    .arg(RelationshipCatalogue::kMinActualMinutes)
                    .arg(RelationshipCatalogue::kMaxActualMinutes));
        }
        if (m_record.themes.size() > RelationshipCatalogue::kMaxThemes) {
            errors.insert(QStringLiteral("themes"),
                tr("Choose at most %1 themes.").arg(RelationshipCatalogue::kMaxThemes));
        }
        if (m_record.agreedActions.trimmed().size()
            > RelationshipCatalogue::kAgreedActionsMaxLength) {
            errors.insert(QStringLiteral("agreedActions"),
                tr("Keep the actions to %1 characters.")
                    .arg(RelationshipCatalogue::kAgreedActionsMaxLength));
        }
    } else {
        if (m_record.cancelledBy != QLatin1String("coachee")
            && m_record.cancelledBy != QLatin1String("member")) {
            errors.insert(QStringLiteral("cancelledBy"), tr("Say who called it off."));
        }
        if (m_record.cancelReason.trimmed().size() > RelationshipCatalogue::kReasonMaxLength) {
            errors.insert(QStringLiteral("cancelReason"),
                tr("Keep the reason to %1 characters.")
                    .arg(RelationshipCatalogue::kReasonMaxLength));
        }
    }
    if (m_record.privateNotes.trimmed().size() > RelationshipCatalogue::kPrivateNotesMaxLength) {
        errors.insert(QStringLiteral("privateNotes"),
            tr("Keep your notes to %1 characters.")
                .arg(RelationshipCatalogue::kPrivateNotesMaxLength));
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

QString RecordSessionForm::summary() const
{
    const QDateTime when = startedAt();
    const QString at = when.isValid()
        ? tr("%1 at %2").arg(DateWords::weekday(when), DateWords::time(when))
        : QString();
    return m_record.held ? tr("Session with %1, %2").arg(m_otherName, at)
                         : tr("Session with %1 that did not happen, %2").arg(m_otherName, at);
}

void RecordSessionForm::save()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    SessionRecord record = m_record;
    record.relationshipId = m_relationshipId;
    record.sessionId = m_sessionId;
    record.startedAt = m_sessionId == 0 ? startedAt() : QDateTime();
    if (record.held) {
        record.cancelledBy.clear();
        record.cancelReason.clear();
    } else {
        record.actualMinutes = 0;
        record.themes.clear();
        record.agreedActions.clear();
    }
    const QString said = summary();
    // A new record gets a new key (toJson() carries none).
    const QString key = keepWrite(WriteKind::RecordSession,
        WriteCodec::fromRecord(record).toVariantMap(), said, m_draft,
        tr("This record could not be kept on the device. Nothing was sent; try again."),
        m_queuedKey);
    if (key.isEmpty()) {
        return;
    }
    m_restoredFromDraft = false;
    Q_EMIT saved(key, said);
}
