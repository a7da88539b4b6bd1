#include "grpc/activity_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/activity.grpc.pb.h"

namespace {

constexpr EnumKey<v1::ReturnState> kReturnStates[] = {
    {v1::RETURN_STATE_OPEN, "open"},
    {v1::RETURN_STATE_DUE, "due"},
    {v1::RETURN_STATE_OVERDUE, "overdue"},
    {v1::RETURN_STATE_CONFIRMED, "confirmed"},
};
constexpr EnumKey<v1::HoursCategory> kHoursCategories[] = {
    {v1::HOURS_CATEGORY_INDIVIDUAL, "individual"},
    {v1::HOURS_CATEGORY_GROUP, "group"},
};
constexpr EnumKey<v1::PeriodKind> kPeriodKinds[] = {
    {v1::PERIOD_KIND_MONTH, "month"},
    {v1::PERIOD_KIND_QUARTER, "quarter"},
    {v1::PERIOD_KIND_YEAR, "year"},
    {v1::PERIOD_KIND_CUSTOM, "custom"},
};

QVariantMap toMap(const v1::DerivedActivity &d)
{
    return {{QStringLiteral("coachingMinutes"), d.coaching_minutes()},
        {QStringLiteral("mentoringMinutes"), d.mentoring_minutes()},
        {QStringLiteral("held"), d.sessions_held()},
        {QStringLiteral("cancelled"), d.sessions_cancelled()},
        {QStringLiteral("notAttended"), d.sessions_not_attended()},
        {QStringLiteral("active"), d.active_relationships()},
        {QStringLiteral("started"), d.new_relationships()}};
}

QVariantMap toMap(const v1::ReturnVersion &v)
{
    QVariantList added;
    for (const auto &a : v.added()) {
        added.append(QVariantMap {{QStringLiteral("kind"), keyOf(kSupportKinds, a.kind())},
            {QStringLiteral("category"), keyOf(kHoursCategories, a.category())},
            {QStringLiteral("paid"), a.paid()}, {QStringLiteral("minutes"), a.minutes()}});
    }
    return {{QStringLiteral("version"), v.version()},
        {QStringLiteral("at"), timeFromUnix(v.at_unix())},
        {QStringLiteral("reason"), fromStd(v.reason())},
        {QStringLiteral("derived"), toMap(v.derived())}, {QStringLiteral("added"), added},
        {QStringLiteral("themes"), toStringList(v.themes())},
        {QStringLiteral("newTheme"), fromStd(v.new_theme())}};
}

QVariantMap toMap(const v1::MonthlyReturn &r)
{
    QVariantList history;
    for (const auto &v : r.history()) {
        history.append(toMap(v));
    }
    return {{QStringLiteral("month"), fromStd(r.month())},
        {QStringLiteral("state"), keyOf(kReturnStates, r.state())},
        {QStringLiteral("dueAt"), timeFromUnix(r.due_at_unix())},
        {QStringLiteral("derived"), toMap(r.derived())},
        {QStringLiteral("current"),
            r.current().version() > 0 ? QVariant(toMap(r.current())) : QVariant()},
        {QStringLiteral("history"), history}};
}

QVariantMap toMap(const v1::Figure &f)
{
    return {{QStringLiteral("value"), f.value()}, {QStringLiteral("suppressed"), f.suppressed()}};
}

QVariantMap toMap(const v1::ProgrammeFigures &f)
{
    QVariantList headlines;
    for (const auto &h : f.headlines()) {
        QVariantMap previous = toMap(h.previous());
        previous.insert(QStringLiteral("missing"), !h.has_previous());
        headlines.append(QVariantMap {{QStringLiteral("id"), fromStd(h.id())},
            {QStringLiteral("label"), fromStd(h.label())},
            {QStringLiteral("unit"), fromStd(h.unit())},
            {QStringLiteral("current"), toMap(h.current())},
            {QStringLiteral("previous"), previous}});
    }
    QVariantList tables;
    for (const auto &t : f.tables()) {
        QVariantList rows;
        for (const auto &row : t.rows()) {
            QVariantList cells;
            for (const auto &cell : row.cells()) {
                cells.append(toMap(cell));
            }
            rows.append(QVariantMap {
                {QStringLiteral("label"), fromStd(row.label())}, {QStringLiteral("cells"), cells}});
        }
        const QString chart = t.chart() == v1::FigureTable::CHART_STACKED_BARS ? "stacked"
            : t.chart() == v1::FigureTable::CHART_BARS                         ? "bars"
                                                                               : "none";
        tables.append(QVariantMap {{QStringLiteral("id"), fromStd(t.id())},
            {QStringLiteral("title"), fromStd(t.title())},
            {QStringLiteral("unit"), fromStd(t.unit())}, {QStringLiteral("chart"), chart},
            {QStringLiteral("columns"), toStringList(t.columns())},
            {QStringLiteral("rows"), rows}});
    }
    QVariantList notes;
    for (const auto &n : f.pool_notes()) {
        notes.append(QVariantMap {{QStringLiteral("name"), fromStd(n.name())},
            {QStringLiteral("note"), fromStd(n.note())}});
    }
    return {{QStringLiteral("scope"), fromStd(f.scope_label())},
        {QStringLiteral("period"), fromStd(f.period_label())},
        {QStringLiteral("previousPeriod"), fromStd(f.previous_period_label())},
        {QStringLiteral("kind"), keyOf(kPeriodKinds, f.period().kind())},
        {QStringLiteral("fromMonth"), fromStd(f.period().from_month())},
        {QStringLiteral("toMonth"), fromStd(f.period().to_month())},
        {QStringLiteral("computedAt"), timeFromUnix(f.computed_at_unix())},
        {QStringLiteral("headlines"), headlines}, {QStringLiteral("tables"), tables},
        {QStringLiteral("poolNotes"), notes}};
}

QVariantMap toMap(const v1::ProgrammeRelationship &r)
{
    return {{QStringLiteral("id"), static_cast<qint64>(r.id())},
        {QStringLiteral("kind"), keyOf(kSupportKinds, r.kind())},
        {QStringLiteral("state"), keyOf(kRelationshipStates, r.state())},
        {QStringLiteral("coacheeName"), fromStd(r.coachee_name())},
        {QStringLiteral("memberName"), fromStd(r.member_name())},
        {QStringLiteral("startedAt"), timeFromUnix(r.started_at_unix())},
        {QStringLiteral("sessionsHeld"), r.sessions_held()},
        {QStringLiteral("lastSessionAt"), timeFromUnix(r.last_session_at_unix())}};
}

template <typename Request> void fillEntry(const QVariantMap &entry, Request *request)
{
    request->set_month(entry.value(QStringLiteral("month")).toString().toStdString());
    for (const QVariant &item : entry.value(QStringLiteral("added")).toList()) {
        const QVariantMap a = item.toMap();
        v1::AddedHours *added = request->add_added();
        added->set_kind(valueOf(kSupportKinds, a.value(QStringLiteral("kind")).toString()));
        added->set_category(
            valueOf(kHoursCategories, a.value(QStringLiteral("category")).toString()));
        added->set_paid(a.value(QStringLiteral("paid")).toBool());
        added->set_minutes(a.value(QStringLiteral("minutes")).toInt());
    }
    addStrings(request->mutable_themes(), entry.value(QStringLiteral("themes")).toStringList());
    request->set_new_theme(
        entry.value(QStringLiteral("newTheme")).toString().trimmed().toStdString());
}

} // namespace

ActivityGrpc::ActivityGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void ActivityGrpc::listMonthlyReturns(QObject *context, Callback<QVariantList> done)
{
    m_connection->call(
        &v1::ActivityService::Stub::ListMonthlyReturns, v1::ListMonthlyReturnsRequest(), context,
        [](const v1::ListMonthlyReturnsResponse &response) {
            QVariantList list;
            for (const auto &r : response.returns()) {
                list.append(toMap(r));
            }
            return list;
        },
        std::move(done));
}

void ActivityGrpc::getMonthlyReturn(
    const QString &month, QObject *context, Callback<QVariantMap> done)
{
    v1::GetMonthlyReturnRequest request;
    request.set_month(month.toStdString());
    m_connection->call(
        &v1::ActivityService::Stub::GetMonthlyReturn, request, context,
        [](const v1::GetMonthlyReturnResponse &response) {
            return toMap(response.monthly_return());
        },
        std::move(done));
}

void ActivityGrpc::confirmMonthlyReturn(const QVariantMap &entry, const QString &idempotencyKey,
    QObject *context, Callback<QVariantMap> done)
{
    v1::ConfirmMonthlyReturnRequest request;
    fillEntry(entry, &request);
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(
        &v1::ActivityService::Stub::ConfirmMonthlyReturn, request, context,
        [](const v1::ConfirmMonthlyReturnResponse &response) {
            return toMap(response.monthly_return());
        },
        std::move(done));
}

void ActivityGrpc::amendMonthlyReturn(const QVariantMap &entry, const QString &idempotencyKey,
    QObject *context, Callback<QVariantMap> done)
{
    v1::AmendMonthlyReturnRequest request;
    fillEntry(entry, &request);
    request.set_reason(entry.value(QStringLiteral("reason")).toString().trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(
        &v1::ActivityService::Stub::AmendMonthlyReturn, request, context,
        [](const v1::AmendMonthlyReturnResponse &response) {
            return toMap(response.monthly_return());
        },
        std::move(done));
}

void ActivityGrpc::exportHoursLog(QObject *context, Callback<QString> done)
{
    m_connection->call(
        &v1::ActivityService::Stub::ExportHoursLog, v1::ExportHoursLogRequest(), context,
        [](const v1::ExportHoursLogResponse &response) {
            return QString::fromUtf8(
                response.csv().data(), static_cast<qsizetype>(response.csv().size()));
        },
        std::move(done));
}

void ActivityGrpc::getProgrammeFigures(qint64 organisationId, const QString &periodKind,
    const QString &fromMonth, const QString &toMonth, QObject *context, Callback<QVariantMap> done)
{
    v1::GetProgrammeFiguresRequest request;
    request.set_organisation_id(organisationId);
    request.mutable_period()->set_kind(valueOf(kPeriodKinds, periodKind));
    request.mutable_period()->set_from_month(fromMonth.toStdString());
    if (periodKind == QLatin1String("custom")) {
        request.mutable_period()->set_to_month(toMonth.toStdString());
    }
    m_connection->call(
        &v1::FiguresService::Stub::GetProgrammeFigures, request, context,
        [](const v1::GetProgrammeFiguresResponse &response) { return toMap(response.figures()); },
        std::move(done));
}

void ActivityGrpc::listProgrammeRelationships(const ProgrammeRelationshipQuery &query,
    QObject *context, Callback<ProgrammeRelationshipPage> done)
{
    v1::ListProgrammeRelationshipsRequest request;
    request.set_organisation_id(query.organisationId);
    for (const QString &state : query.states) {
        if (const v1::RelationshipState value = valueOf(kRelationshipStates, state);
            value != v1::RELATIONSHIP_STATE_UNSPECIFIED) {
            request.add_states(value);
        }
    }
    request.set_no_session_for_weeks(query.noSessionForWeeks);
    request.set_page_size(query.pageSize);
    request.set_page_token(query.pageToken.toStdString());
    m_connection->call(
        &v1::FiguresService::Stub::ListProgrammeRelationships, request, context,
        [](const v1::ListProgrammeRelationshipsResponse &response) {
            ProgrammeRelationshipPage page;
            for (const auto &r : response.relationships()) {
                page.relationships.append(toMap(r));
            }
            page.nextPageToken = fromStd(response.next_page_token());
            page.totalCount = response.total_count();
            return page;
        },
        std::move(done));
}
