#include "relationships/session_proposal_form.h"

#include "common/date_words.h"
#include "relationships/relationship_catalogue.h"
#include "identity/session.h"
#include "sync/sync_queue.h"

SessionProposalForm::SessionProposalForm(QObject *parent)
    : CorrectableForm(parent)
{
    // Whatever the person changes is kept as a draft shortly after.
    connect(this, &SessionProposalForm::draftChanged, &m_draft, &Draft::changed);
}

double SessionProposalForm::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

void SessionProposalForm::setRelationshipIdForQml(double id)
{
    if (static_cast<qint64>(id) != m_relationshipId) {
        m_relationshipId = static_cast<qint64>(id);
        Q_EMIT draftChanged();
    }
}

QString SessionProposalForm::date() const
{
    return m_date;
}

void SessionProposalForm::setDate(const QString &date)
{
    if (change(m_date, date, QStringLiteral("date"))) {
        Q_EMIT draftChanged();
    }
}

QString SessionProposalForm::time() const
{
    return m_time;
}

void SessionProposalForm::setTime(const QString &time)
{
    if (change(m_time, time, QStringLiteral("time"))) {
        Q_EMIT draftChanged();
    }
}

int SessionProposalForm::plannedMinutes() const
{
    return m_plannedMinutes;
}

void SessionProposalForm::setPlannedMinutes(int minutes)
{
    if (change(m_plannedMinutes, minutes, QStringLiteral("plannedMinutes"))) {
        Q_EMIT draftChanged();
    }
}

QString SessionProposalForm::mode() const
{
    return m_mode;
}

void SessionProposalForm::setMode(const QString &mode)
{
    if (change(m_mode, mode, QStringLiteral("mode"))) {
        Q_EMIT draftChanged();
    }
}

QString SessionProposalForm::place() const
{
    return m_place;
}

void SessionProposalForm::setPlace(const QString &place)
{
    if (change(m_place, place, QStringLiteral("place"))) {
        Q_EMIT draftChanged();
    }
}

void SessionProposalForm::fill(const QVariantMap &relationship)
{
    m_startRelationship = relationship;
    m_relationshipId = relationship.value(QStringLiteral("id")).toLongLong();
    m_yourPart = relationship.value(QStringLiteral("yourPart")).toString();
    m_otherName = relationship.value(QStringLiteral("otherName")).toString();
    m_date = QDate::currentDate().addDays(7).toString(Qt::ISODate);
    m_time = QStringLiteral("10:00");
    const int minutes = relationship.value(QStringLiteral("sessionMinutes")).toInt();
    m_plannedMinutes = minutes > 0 ? minutes : 60;
    m_mode.clear();
    m_place.clear();
    m_queuedKey.clear();
    m_restoredFromDraft = false;
    setFieldErrors({});
    setErrorMessage({});
}

QVariantMap SessionProposalForm::draftFields() const
{
    return {{QStringLiteral("date"), m_date}, {QStringLiteral("time"), m_time},
        {QStringLiteral("plannedMinutes"), m_plannedMinutes}, {QStringLiteral("mode"), m_mode},
        {QStringLiteral("place"), m_place}};
}

bool SessionProposalForm::restoreDraft(const QVariantMap &fields)
{
    if (fields.isEmpty()) {
        return false;
    }
    m_date = fields.value(QStringLiteral("date"), m_date).toString();
    m_time = fields.value(QStringLiteral("time"), m_time).toString();
    m_plannedMinutes = fields.value(QStringLiteral("plannedMinutes"), m_plannedMinutes).toInt();
    m_mode = fields.value(QStringLiteral("mode"), m_mode).toString();
    m_place = fields.value(QStringLiteral("place"), m_place).toString();
    return true;
}

void SessionProposalForm::start(const QVariantMap &relationship)
{
    m_draft.flush();
    const Draft::Quiet filling(m_draft);
    fill(relationship);
    m_restoredFromDraft = restoreDraft(m_draft.open(WriteKind::ProposeSession, m_relationshipId));
    Q_EMIT draftChanged();
}

bool SessionProposalForm::editQueued(const QString &key, const QVariantMap &relationship)
{
    if (SyncQueue::instance()->kindOf(key) != WriteKind::ProposeSession) {
        return false;
    }
    const QVariantMap queued = SyncQueue::instance()->payloadOf(key);
    m_draft.flush();
    const Draft::Quiet filling(m_draft);
    fill(relationship);
    const QDateTime when = queued.value(QStringLiteral("startsAt")).toDateTime().toLocalTime();
    if (when.isValid()) {
        m_date = when.date().toString(Qt::ISODate);
        m_time = when.time().toString(QStringLiteral("HH:mm"));
    }
    m_plannedMinutes = queued.value(QStringLiteral("plannedMinutes"), m_plannedMinutes).toInt();
    m_mode = queued.value(QStringLiteral("mode")).toString();
    m_place = queued.value(QStringLiteral("place")).toString();
    m_queuedKey = key;
    m_restoredFromDraft = restoreDraft(
        m_draft.open(WriteKind::ProposeSession, QVariantList {QStringLiteral("queued"), key}));
    Q_EMIT draftChanged();
    return true;
}

QDateTime SessionProposalForm::startsAt() const
{
    const QDate day = parseDate(m_date);
    const QTime at = parseTime(m_time);
    return day.isValid() && at.isValid() ? QDateTime(day, at) : QDateTime();
}

bool SessionProposalForm::validate()
{
    QVariantMap errors;
    const QDate day = parseDate(m_date);
    if (!day.isValid()) {
        errors.insert(QStringLiteral("date"), dateProblem(QDate::currentDate().addDays(7)));
    }
    if (!parseTime(m_time).isValid()) {
        errors.insert(QStringLiteral("time"), timeProblem());
    }
    const QDateTime when = startsAt();
    if (when.isValid()) {
        const QDateTime now = QDateTime::currentDateTime();
        if (when <= now) {
            errors.insert(QStringLiteral("date"), tr("Choose a time in the future."));
        } else if (when > now.addDays(366)) {
            errors.insert(QStringLiteral("date"), tr("Choose a time within the next year."));
        }
    }
    if (m_plannedMinutes < RelationshipCatalogue::kMinPlannedMinutes
        || m_plannedMinutes > RelationshipCatalogue::kMaxPlannedMinutes) {
        errors.insert(QStringLiteral("plannedMinutes"),
            tr("A session lasts %1 to %2 minutes.")
                .arg(RelationshipCatalogue::kMinPlannedMinutes)
                .arg(RelationshipCatalogue::kMaxPlannedMinutes));
    }
    if (m_mode.isEmpty()) {
        errors.insert(QStringLiteral("mode"), tr("Choose in person, video or phone."));
    }
    if (m_place.trimmed().size() > RelationshipCatalogue::kPlaceMaxLength) {
        errors.insert(QStringLiteral("place"),
            tr("Keep the place to %1 characters.").arg(RelationshipCatalogue::kPlaceMaxLength));
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void SessionProposalForm::submit()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    const QDateTime when = startsAt();
    const QVariantMap payload {{QStringLiteral("relationshipId"), m_relationshipId},
        {QStringLiteral("startsAt"), when}, {QStringLiteral("plannedMinutes"), m_plannedMinutes},
        {QStringLiteral("mode"), m_mode}, {QStringLiteral("place"), m_place.trimmed()}};
    const QString summary = tr("Proposed a session with %1 on %2 at %3")
                                .arg(m_otherName, DateWords::weekday(when), DateWords::time(when));
    keepAndWait(WriteKind::ProposeSession, payload, summary,
        tr("This proposal could not be kept on the device. Nothing was sent; try again."),
        {{QStringLiteral("starts_at_unix"), QStringLiteral("date")},
            {QStringLiteral("planned_minutes"), QStringLiteral("plannedMinutes")},
            {QStringLiteral("mode"), QStringLiteral("mode")},
            {QStringLiteral("place"), QStringLiteral("place")}},
        [this](const WriteOutcome &outcome) {
            if (outcome.session) {
                Q_EMIT submitted(RelationshipCatalogue::toMap(
                    *outcome.session, Session::instance()->accountId(), m_yourPart));
            }
        });
}
