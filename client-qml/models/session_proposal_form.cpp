#include "session_proposal_form.h"

#include "relationship_catalogue.h"
#include "session.h"

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
    if (date != m_date) {
        m_date = date;
        setFieldError(QStringLiteral("date"), {});
        Q_EMIT draftChanged();
    }
}

QString SessionProposalForm::time() const
{
    return m_time;
}

void SessionProposalForm::setTime(const QString &time)
{
    if (time != m_time) {
        m_time = time;
        setFieldError(QStringLiteral("time"), {});
        Q_EMIT draftChanged();
    }
}

int SessionProposalForm::plannedMinutes() const
{
    return m_plannedMinutes;
}

void SessionProposalForm::setPlannedMinutes(int minutes)
{
    if (minutes != m_plannedMinutes) {
        m_plannedMinutes = minutes;
        setFieldError(QStringLiteral("plannedMinutes"), {});
        Q_EMIT draftChanged();
    }
}

QString SessionProposalForm::mode() const
{
    return m_mode;
}

void SessionProposalForm::setMode(const QString &mode)
{
    if (mode != m_mode) {
        m_mode = mode;
        setFieldError(QStringLiteral("mode"), {});
        Q_EMIT draftChanged();
    }
}

QString SessionProposalForm::place() const
{
    return m_place;
}

void SessionProposalForm::setPlace(const QString &place)
{
    if (place != m_place) {
        m_place = place;
        setFieldError(QStringLiteral("place"), {});
        Q_EMIT draftChanged();
    }
}

void SessionProposalForm::start(const QVariantMap &relationship)
{
    m_relationshipId = relationship.value(QStringLiteral("id")).toLongLong();
    m_yourPart = relationship.value(QStringLiteral("yourPart")).toString();
    m_date = QDate::currentDate().addDays(7).toString(Qt::ISODate);
    m_time = QStringLiteral("10:00");
    const int minutes = relationship.value(QStringLiteral("sessionMinutes")).toInt();
    m_plannedMinutes = minutes > 0 ? minutes : 60;
    m_mode.clear();
    m_place.clear();
    setFieldErrors({});
    setErrorMessage({});
    Q_EMIT draftChanged();
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
        errors.insert(QStringLiteral("date"),
            tr("Enter the date as year-month-day, like %1.")
                .arg(QDate::currentDate().addDays(7).toString(Qt::ISODate)));
    }
    if (!parseTime(m_time).isValid()) {
        errors.insert(QStringLiteral("time"), tr("Enter the time as hours:minutes, like 14:30."));
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
    Backend *backend = Session::instance()->backend();
    if (!backend || busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    SessionProposal proposal;
    proposal.relationshipId = m_relationshipId;
    proposal.startsAt = startsAt();
    proposal.plannedMinutes = m_plannedMinutes;
    proposal.mode = m_mode;
    proposal.place = m_place;
    setBusy(true);
    backend->proposeSession(proposal, this, [this](const Result<SessionInfo> &result) {
        setBusy(false);
        if (!result.ok()) {
            fail(result.error().message,
                {{QStringLiteral("starts_at_unix"), QStringLiteral("date")},
                    {QStringLiteral("planned_minutes"), QStringLiteral("plannedMinutes")},
                    {QStringLiteral("mode"), QStringLiteral("mode")},
                    {QStringLiteral("place"), QStringLiteral("place")}});
            return;
        }
        Q_EMIT submitted(RelationshipCatalogue::toMap(
            result.value(), Session::instance()->accountId(), m_yourPart));
    });
}
