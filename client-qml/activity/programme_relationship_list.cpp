#include "activity/programme_relationship_list.h"

#include "activity/activity_backend.h"
#include "activity/reach_catalogue.h"
#include "common/date_words.h"
#include "common/map_rows.h"
#include "identity/session.h"
#include "relationships/relationship_catalogue.h"
#include "shared/limits.h"

#include <algorithm>

ProgrammeRelationshipList::ProgrammeRelationshipList(QObject *parent)
    : PagedListModel(parent)
    // Every key a row has: the API's (activity_backend.h) and their words.
    , m_keys(withWords(
          {{QStringLiteral("id"), 0}, {QStringLiteral("kind"), QString()},
              {QStringLiteral("state"), QString()}, {QStringLiteral("coacheeName"), QString()},
              {QStringLiteral("memberName"), QString()}, {QStringLiteral("startedAt"), QDateTime()},
              {QStringLiteral("sessionsHeld"), 0}, {QStringLiteral("lastSessionAt"), QDateTime()}},
          QDateTime::currentDateTime())
                 .keys())
{
    connect(this, &PagedListModel::errorOccurred, this, &ProgrammeRelationshipList::setError);
}

int ProgrammeRelationshipList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ProgrammeRelationshipList::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("coacheeName"));
}

QHash<int, QByteArray> ProgrammeRelationshipList::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

void ProgrammeRelationshipList::setOrganisationId(double id)
{
    const auto value = static_cast<qint64>(id);
    if (value != m_organisationId) {
        m_organisationId = value;
        Q_EMIT filtersChanged();
        reload();
    }
}

void ProgrammeRelationshipList::setStateFilter(const QString &filter)
{
    if (filter != m_stateFilter) {
        m_stateFilter = filter;
        Q_EMIT filtersChanged();
        reload();
    }
}

void ProgrammeRelationshipList::setNoSessionForWeeks(int weeks)
{
    weeks = std::clamp(weeks, 0, ReachCatalogue::kMaxNoSessionWeeks);
    if (weeks != m_noSessionForWeeks) {
        m_noSessionForWeeks = weeks;
        Q_EMIT filtersChanged();
        reload();
    }
}

void ProgrammeRelationshipList::setPageSize(int size)
{
    size = std::clamp(size, 1, tandem::limits::kMaxPageSize);
    if (size != m_pageSize) {
        m_pageSize = size;
        Q_EMIT filtersChanged();
        reload();
    }
}

void ProgrammeRelationshipList::setError(const QString &message)
{
    if (message != m_error) {
        m_error = message;
        Q_EMIT errorMessageChanged();
    }
}

QVariantList ProgrammeRelationshipList::stateOptions() const
{
    return {QVariantMap {{QStringLiteral("key"), QStringLiteral("open")},
                {QStringLiteral("label"), tr("Under way (agreeing the contract or active)")}},
        QVariantMap {{QStringLiteral("key"), QStringLiteral("contracting")},
            {QStringLiteral("label"),
                RelationshipCatalogue::labelFor(
                    QStringLiteral("state"), QStringLiteral("contracting"))}},
        QVariantMap {{QStringLiteral("key"), QStringLiteral("active")},
            {QStringLiteral("label"),
                RelationshipCatalogue::labelFor(
                    QStringLiteral("state"), QStringLiteral("active"))}},
        QVariantMap {{QStringLiteral("key"), QStringLiteral("completed")},
            {QStringLiteral("label"),
                RelationshipCatalogue::labelFor(
                    QStringLiteral("state"), QStringLiteral("completed"))}},
        QVariantMap {{QStringLiteral("key"), QStringLiteral("ended_early")},
            {QStringLiteral("label"),
                RelationshipCatalogue::labelFor(
                    QStringLiteral("state"), QStringLiteral("ended_early"))}},
        QVariantMap {{QStringLiteral("key"), QStringLiteral("all")},
            {QStringLiteral("label"), tr("Every state")}}};
}

QVariantList ProgrammeRelationshipList::quietOptions() const
{
    QVariantList list {QVariantMap {{QStringLiteral("key"), QStringLiteral("0")},
        {QStringLiteral("label"), tr("Any time since the last session")}}};
    for (const int weeks : {4, 8, 12, 26}) {
        list.append(QVariantMap {{QStringLiteral("key"), QString::number(weeks)},
            {QStringLiteral("label"), tr("No session for %1 weeks or more").arg(weeks)}});
    }
    return list;
}

QVariant ProgrammeRelationshipList::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

int ProgrammeRelationshipList::rowOf(double relationshipId) const
{
    const auto id = static_cast<qint64>(relationshipId);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QStringLiteral("id")).toLongLong() == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QStringList ProgrammeRelationshipList::statesOf(const QString &filter)
{
    if (filter == QLatin1String("all")) {
        return {QStringLiteral("contracting"), QStringLiteral("active"),
            QStringLiteral("completed"), QStringLiteral("ended_early")};
    }
    if (filter == QLatin1String("open") || filter.isEmpty()) {
        return {}; // the API's default: contracting and active
    }
    return {filter};
}

QVariantMap ProgrammeRelationshipList::withWords(QVariantMap r, const QDateTime &now)
{
    const QString kind = r.value(QStringLiteral("kind")).toString();
    const QString state = r.value(QStringLiteral("state")).toString();
    const QDateTime started = r.value(QStringLiteral("startedAt")).toDateTime();
    const QDateTime last = r.value(QStringLiteral("lastSessionAt")).toDateTime();
    const int held = r.value(QStringLiteral("sessionsHeld")).toInt();
    const QDateTime since = last.isValid() ? last : started;
    const qint64 days = since.isValid() ? std::max<qint64>(0, since.daysTo(now)) : 0;
    const qint64 weeks = days / 7;
    QString quiet;
    if (since.isValid()) {
        if (last.isValid()) {
            quiet = days < 7 ? tr("this week")
                : weeks == 1 ? tr("1 week ago")
                             : tr("%1 weeks ago").arg(weeks);
        } else {
            quiet = days < 7 ? tr("started this week")
                : weeks == 1 ? tr("started 1 week ago")
                             : tr("started %1 weeks ago").arg(weeks);
        }
    }
    r.insert(QStringLiteral("kindLabel"),
        kind == QLatin1String("mentoring")      ? tr("Mentoring")
            : kind == QLatin1String("coaching") ? tr("Coaching")
                                                : QString());
    r.insert(QStringLiteral("stateLabel"),
        state.isEmpty() ? QString()
                        : RelationshipCatalogue::labelFor(QStringLiteral("state"), state));
    r.insert(QStringLiteral("startedText"), DateWords::day(started));
    r.insert(QStringLiteral("sessionsText"),
        held == 1 ? tr("1 session held") : tr("%1 sessions held").arg(held));
    r.insert(
        QStringLiteral("lastSessionText"), last.isValid() ? DateWords::day(last) : tr("None yet"));
    r.insert(QStringLiteral("quietText"), quiet);
    r.insert(QStringLiteral("quietWeeks"), static_cast<int>(weeks));
    r.insert(QStringLiteral("canEnd"),
        state == QLatin1String("contracting") || state == QLatin1String("active"));
    return r;
}

void ProgrammeRelationshipList::sendPageRequest(const QString &pageToken, int generation)
{
    ActivityBackend *backend = Session::instance()->activity();
    if (!backend) {
        setLoading(false);
        return;
    }
    ProgrammeRelationshipQuery query;
    query.organisationId = m_organisationId;
    query.states = statesOf(m_stateFilter);
    query.noSessionForWeeks = m_noSessionForWeeks;
    query.pageSize = m_pageSize;
    query.pageToken = pageToken;
    backend->listProgrammeRelationships(query, this,
        onPage<ProgrammeRelationshipPage>(
            generation, [this](const ProgrammeRelationshipPage &page) {
                setError({});
                const QDateTime now = QDateTime::currentDateTime();
                if (!page.relationships.isEmpty()) {
                    const int first = rowCount();
                    beginInsertRows(
                        {}, first, first + static_cast<int>(page.relationships.size()) - 1);
                    for (const QVariant &r : page.relationships) {
                        m_rows.append(withWords(r.toMap(), now));
                    }
                    endInsertRows();
                    Q_EMIT countChanged();
                }
                setLoading(false);
            }));
}

void ProgrammeRelationshipList::clearRows()
{
    m_rows.clear();
}
