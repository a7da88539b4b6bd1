// Monthly returns and the programme's figures against a real tandem-server
// with demo data (a year of history) on a temporary SQLite file.

#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tandem/v1/activity.grpc.pb.h"
#include "tests/support/relationship_server_test.h"
#include "tests/support/rpc_scan.h"

namespace tandem::testing {
namespace {

using ::testing::IsEmpty;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

constexpr char kThemeMarker[] = "MARKER-new-theme-7d3e";
constexpr char kActionsMarker[] = "MARKER-figures-actions-2b8c";

absl::CivilMonth ThisMonth() {
  absl::TimeZone london;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &london));
  return absl::CivilMonth(absl::ToCivilSecond(absl::Now(), london));
}

std::string Month(absl::CivilMonth m) { return absl::StrFormat("%04d-%02d", m.year(), m.month()); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class ActivityIntegrationTest : public RelationshipServerTest {
 protected:
  void SetUp() override {
    RelationshipServerTest::SetUp();
    activity_ = v1::ActivityService::NewStub(client_->channel());
    figures_ = v1::FiguresService::NewStub(client_->channel());
  }

  grpc::Status Confirm(const std::string& month, const std::string& key,
                       v1::ConfirmMonthlyReturnResponse* out,
                       const std::string& theme = "wellbeing", int minutes = 90) {
    v1::ConfirmMonthlyReturnRequest request;
    request.set_month(month);
    v1::AddedHours* added = request.add_added();
    added->set_kind(v1::SUPPORT_KIND_COACHING);
    added->set_category(v1::HOURS_CATEGORY_GROUP);
    added->set_paid(true);
    added->set_minutes(minutes);
    request.add_themes(theme);
    request.set_new_theme(absl::StrCat("Rota pressure ", kThemeMarker));
    request.set_idempotency_key(key);
    return activity_->ConfirmMonthlyReturn(Client::Context(coach_).get(), request, out);
  }

  v1::MonthlyReturn Get(const std::string& month, const std::string& token = "") {
    v1::GetMonthlyReturnRequest request;
    request.set_month(month);
    v1::GetMonthlyReturnResponse response;
    const grpc::Status status = activity_->GetMonthlyReturn(
        Client::Context(token.empty() ? coach_ : token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.monthly_return();
  }

  std::unique_ptr<v1::ActivityService::Stub> activity_;
  std::unique_ptr<v1::FiguresService::Stub> figures_;
};

TEST_F(ActivityIntegrationTest, AReturnIsCountedFromRecordsConfirmedOnceAndAmendedWithItsHistory) {
  MakeActive(6);
  const absl::CivilMonth now = ThisMonth();
  v1::RecordSessionRequest record;
  record.set_relationship_id(relationship_id_);
  record.set_idempotency_key("activity-test-record-01");
  record.set_held(true);
  record.set_started_at_unix(absl::ToUnixSeconds(absl::Now() - absl::Minutes(90)));
  record.set_actual_minutes(50);
  record.add_themes("confidence");
  v1::RecordSessionResponse recorded;
  ASSERT_TRUE(relationships_->RecordSession(Client::Context(coach_).get(), record, &recorded).ok());
  record.set_idempotency_key("activity-test-record-02");
  record.set_held(false);
  record.set_cancelled_by(v1::CANCELLED_BY_COACHEE);
  record.set_cancel_reason("Did not come: short-staffed.");
  record.set_actual_minutes(0);
  record.clear_themes();
  record.set_started_at_unix(absl::ToUnixSeconds(absl::Now() - absl::Minutes(30)));
  ASSERT_TRUE(relationships_->RecordSession(Client::Context(coach_).get(), record, &recorded).ok());

  // This month: counted from the records, open until it is over.
  const v1::MonthlyReturn open = Get(Month(now));
  EXPECT_EQ(open.state(), v1::RETURN_STATE_OPEN);
  EXPECT_EQ(open.derived().coaching_minutes(), 50);
  EXPECT_EQ(open.derived().mentoring_minutes(), 0);
  EXPECT_EQ(open.derived().sessions_held(), 1);
  EXPECT_EQ(open.derived().sessions_not_attended(), 1);
  EXPECT_EQ(open.derived().sessions_cancelled(), 0);
  EXPECT_EQ(open.derived().active_relationships(), 1);
  EXPECT_EQ(open.derived().new_relationships(), 1);
  v1::ConfirmMonthlyReturnResponse confirmed;
  EXPECT_EQ(Confirm(Month(now), "", &confirmed).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // Last month: due (or overdue), then confirmed once.
  const std::string last = Month(now - 1);
  const v1::MonthlyReturn due = Get(last);
  EXPECT_TRUE(due.state() == v1::RETURN_STATE_DUE || due.state() == v1::RETURN_STATE_OVERDUE);
  EXPECT_GT(due.due_at_unix(), 0);
  ASSERT_TRUE(Confirm(last, "activity-confirm-key-01", &confirmed).ok());
  EXPECT_EQ(confirmed.monthly_return().state(), v1::RETURN_STATE_CONFIRMED);
  EXPECT_EQ(confirmed.monthly_return().current().version(), 1);
  ASSERT_EQ(confirmed.monthly_return().current().added_size(), 1);
  EXPECT_EQ(confirmed.monthly_return().current().added(0).minutes(), 90);
  EXPECT_THAT(confirmed.monthly_return().current().themes(), ::testing::ElementsAre("wellbeing"));
  EXPECT_THAT(confirmed.monthly_return().current().new_theme(), ::testing::HasSubstr(kThemeMarker));
  // A retry answers the same; the key with another request is refused;
  // another confirmation is refused.
  v1::ConfirmMonthlyReturnResponse again;
  ASSERT_TRUE(Confirm(last, "activity-confirm-key-01", &again).ok());
  EXPECT_EQ(again.monthly_return().current().version(), 1);
  EXPECT_EQ(Confirm(last, "activity-confirm-key-01", &again, "leadership").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Confirm(last, "", &again).error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // Amended with a reason; the first version stays in the history.
  v1::AmendMonthlyReturnRequest amend;
  amend.set_month(last);
  amend.add_themes("leadership");
  v1::AmendMonthlyReturnResponse amended;
  grpc::Status status =
      activity_->AmendMonthlyReturn(Client::Context(coach_).get(), amend, &amended);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("reason"));
  amend.set_reason("I picked the wrong theme.");
  status = activity_->AmendMonthlyReturn(Client::Context(coach_).get(), amend, &amended);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(amended.monthly_return().current().version(), 2);
  EXPECT_EQ(amended.monthly_return().current().reason(), "I picked the wrong theme.");
  EXPECT_EQ(amended.monthly_return().current().added_size(), 0);
  ASSERT_EQ(amended.monthly_return().history_size(), 1);
  EXPECT_EQ(amended.monthly_return().history(0).version(), 1);
  EXPECT_EQ(amended.monthly_return().history(0).added(0).minutes(), 90);

  // The list: newest first, last month confirmed.
  v1::ListMonthlyReturnsResponse list;
  ASSERT_TRUE(activity_->ListMonthlyReturns(Client::Context(coach_).get(), {}, &list).ok());
  ASSERT_GE(list.returns_size(), 1);
  EXPECT_LE(list.returns_size(), 24);
  EXPECT_EQ(list.returns(0).month(), last);
  EXPECT_EQ(list.returns(0).state(), v1::RETURN_STATE_CONFIRMED);
  EXPECT_EQ(list.returns(0).current().version(), 2);

  // What survives a SIGKILL: the amendment.
  KillAndRestart();
  activity_ = v1::ActivityService::NewStub(client_->channel());
  EXPECT_EQ(Get(last).current().version(), 2);
  EXPECT_EQ(Get(last).history(0).added(0).minutes(), 90);

  // The hours log: the session under a pseudonym and the added hours.
  v1::ExportHoursLogResponse log;
  ASSERT_TRUE(activity_->ExportHoursLog(Client::Context(coach_).get(), {}, &log).ok());
  EXPECT_THAT(log.csv(), StartsWith("\xEF\xBB\xBF"
                                    "Date,Hours,Kind,Individual or group,Paid or unpaid,Client "
                                    "reference,Source\r\n"));
  EXPECT_THAT(log.csv(), ::testing::HasSubstr(",0.83,Coaching,Individual,Unpaid,Client 1,"));
  v1::GetMeResponse coachee;
  ASSERT_TRUE(client_->auth().GetMe(Client::Context(coachee_).get(), {}, &coachee).ok());
  EXPECT_FALSE(absl::StrContains(log.csv(), coachee.account().display_name()));
}

TEST_F(ActivityIntegrationTest, BadReturnsSayWhichFieldAndOnlyPoolMembersKeepThem) {
  const std::string last = Month(ThisMonth() - 1);
  const auto refused = [&](const v1::ConfirmMonthlyReturnRequest& request) {
    v1::ConfirmMonthlyReturnResponse response;
    return activity_->ConfirmMonthlyReturn(Client::Context(coach_).get(), request, &response);
  };
  v1::ConfirmMonthlyReturnRequest request;
  request.set_month("2026-13");
  EXPECT_THAT(refused(request).error_message(), StartsWith("month"));
  request.set_month(last);
  request.add_themes("not-a-theme");
  EXPECT_THAT(refused(request).error_message(), StartsWith("themes[0]"));
  request.clear_themes();
  v1::AddedHours* added = request.add_added();
  added->set_kind(v1::SUPPORT_KIND_COACHING);
  added->set_category(v1::HOURS_CATEGORY_INDIVIDUAL);
  added->set_minutes(5);
  EXPECT_THAT(refused(request).error_message(), StartsWith("added[0].minutes"));
  added->set_minutes(60);
  added->set_category(v1::HOURS_CATEGORY_UNSPECIFIED);
  EXPECT_THAT(refused(request).error_message(), StartsWith("added[0].category"));
  added->set_category(v1::HOURS_CATEGORY_INDIVIDUAL);
  request.set_new_theme(std::string(61, 'x'));
  EXPECT_THAT(refused(request).error_message(), StartsWith("new_theme"));
  EXPECT_EQ(refused(request).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  v1::GetMonthlyReturnRequest get;
  get.set_month(last);
  v1::GetMonthlyReturnResponse got;
  for (const std::string& token :
       {client_->TokenFor(kDemoCoordinator), coachee_, client_->TokenFor(kDemoSupervisor)}) {
    EXPECT_EQ(activity_->GetMonthlyReturn(Client::Context(token).get(), get, &got).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  EXPECT_EQ(activity_->GetMonthlyReturn(Client::Context().get(), get, &got).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

// What a return and a session hold reaches their author only: no other
// role finds the new theme or the actions in any RPC's answer, and the new
// theme is not in the database file.
TEST_F(ActivityIntegrationTest, AReturnsWordsAndASessionsContentReachNobodyElse) {
  MakeActive(6);
  v1::RecordSessionRequest record;
  record.set_relationship_id(relationship_id_);
  record.set_idempotency_key("activity-test-record-03");
  record.set_held(true);
  record.set_started_at_unix(absl::ToUnixSeconds(absl::Now() - absl::Minutes(90)));
  record.set_actual_minutes(60);
  record.add_themes("confidence");
  record.set_agreed_actions(absl::StrCat("Book the course ", kActionsMarker));
  v1::RecordSessionResponse recorded;
  ASSERT_TRUE(relationships_->RecordSession(Client::Context(coach_).get(), record, &recorded).ok());
  const std::string last = Month(ThisMonth() - 1);
  v1::ConfirmMonthlyReturnResponse confirmed;
  ASSERT_TRUE(Confirm(last, "activity-confirm-key-02", &confirmed).ok());

  const ScanFields fields{.ids = {{"relationship_id", relationship_id_}, {"organisation_id", 0}},
                          .texts = {{"month", last}, {"from_month", Month(ThisMonth() - 2)}},
                          .enums = {{"kind", v1::PERIOD_KIND_MONTH}}};
  int calls = 0;
  const auto revealing = [&](const std::string& token, const char* marker) {
    return MethodsRevealing(client_->channel(), token, fields, marker, &calls);
  };
  EXPECT_THAT(revealing(coach_, kThemeMarker),
              UnorderedElementsAre("/tandem.v1.ActivityService/GetMonthlyReturn",
                                   "/tandem.v1.ActivityService/ListMonthlyReturns"));
  for (const std::string& other :
       {client_->TokenFor(kDemoCoordinator), coachee_, client_->TokenFor(kDemoSupervisor),
        client_->TokenFor(kDemoMentor)}) {
    EXPECT_THAT(revealing(other, kThemeMarker), IsEmpty());
  }
  EXPECT_THAT(revealing(client_->TokenFor(kDemoCoordinator), kActionsMarker), IsEmpty());
  EXPECT_GT(calls, 200);
  for (const std::string& file : {Db(), Db() + "-wal"}) {
    EXPECT_FALSE(absl::StrContains(ReadFile(file), kThemeMarker)) << file;
  }
}

TEST_F(ActivityIntegrationTest, TheDemosFiguresAreMeaningfulRoundedAndNameNoCoachee) {
  const std::string coordinator = client_->TokenFor(kDemoCoordinator);
  const absl::CivilMonth now = ThisMonth();
  const absl::CivilMonth quarter(now.year(), ((now.month() - 1) / 3) * 3 + 1);
  v1::GetProgrammeFiguresRequest request;
  request.mutable_period()->set_kind(v1::PERIOD_KIND_QUARTER);
  request.mutable_period()->set_from_month(Month(quarter - 3));
  v1::GetProgrammeFiguresResponse response;
  grpc::Status status =
      figures_->GetProgrammeFigures(Client::Context(coordinator).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const v1::ProgrammeFigures& f = response.figures();
  EXPECT_EQ(f.scope_label(), "The whole system");
  EXPECT_FALSE(f.period_label().empty());
  std::set<std::string> ids;
  int shown = 0;
  for (const v1::Headline& h : f.headlines()) {
    ids.insert(h.id());
    if (h.current().suppressed() || h.unit() == "days" || h.unit() == "%" || h.unit() == "points") {
      continue;
    }
    EXPECT_EQ(static_cast<int64_t>(h.current().value()) % 5, 0) << h.id();
    shown += h.current().value() > 0 ? 1 : 0;
  }
  EXPECT_GE(shown, 4) << "a year of demo history gives figures worth showing";
  for (const char* id :
       {"hours", "sessions_held", "active_relationships", "new_requests", "matches", "waiting_now",
        "match_rate", "goals_set", "average_rating_change", "returns_confirmed"}) {
    EXPECT_TRUE(ids.contains(id)) << id;
  }
  std::set<std::string> tables;
  for (const v1::FigureTable& t : f.tables()) {
    tables.insert(t.id());
    for (const v1::FigureRow& row : t.rows()) {
      EXPECT_EQ(row.cells_size() + 1, t.columns_size()) << t.id();
    }
  }
  for (const char* id :
       {"hours_by_month", "sessions_by_month", "waiting_now", "time_to_match", "themes_by_quarter",
        "goal_outcomes", "evaluation_ratings", "pool", "reach_by_organisation"}) {
    EXPECT_TRUE(tables.contains(id)) << id;
  }
  // No coachee's name anywhere in it.
  const std::string bytes = response.SerializeAsString();
  // Pool members' names may appear in the pool's notes; a coachee who has
  // the same name as one is left out of the check.
  std::vector<v1::Account> accounts;
  v1::ListAccountsRequest list;
  list.set_page_size(200);
  while (true) {
    v1::ListAccountsResponse page;
    ASSERT_TRUE(
        client_->accounts().ListAccounts(Client::Context(coordinator).get(), list, &page).ok());
    accounts.insert(accounts.end(), page.accounts().begin(), page.accounts().end());
    if (page.next_page_token().empty()) break;
    list.set_page_token(page.next_page_token());
  }
  std::set<std::string> pool;
  for (const v1::Account& a : accounts) {
    if (a.roles_size() > 1 || a.roles(0) != v1::ROLE_COACHEE) pool.insert(a.display_name());
  }
  int names = 0;
  for (const v1::Account& a : accounts) {
    if (pool.contains(a.display_name())) continue;
    ++names;
    EXPECT_FALSE(absl::StrContains(bytes, a.display_name())) << a.display_name();
  }
  EXPECT_GT(names, 100);

  // One organisation, a custom period; errors name the field.
  request.set_organisation_id(1);
  request.mutable_period()->set_kind(v1::PERIOD_KIND_CUSTOM);
  request.mutable_period()->set_to_month(Month(now - 1));
  ASSERT_TRUE(
      figures_->GetProgrammeFigures(Client::Context(coordinator).get(), request, &response).ok());
  EXPECT_NE(response.figures().scope_label(), "The whole system");
  request.mutable_period()->set_to_month(Month(quarter - 4));
  status = figures_->GetProgrammeFigures(Client::Context(coordinator).get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("period.to_month"));
  EXPECT_EQ(
      figures_->GetProgrammeFigures(Client::Context(coach_).get(), request, &response).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);

  // The programme's relationships: both names, no content; quiet ones.
  v1::ListProgrammeRelationshipsRequest relationships;
  relationships.set_page_size(10);
  v1::ListProgrammeRelationshipsResponse page;
  ASSERT_TRUE(
      figures_->ListProgrammeRelationships(Client::Context(coordinator).get(), relationships, &page)
          .ok());
  EXPECT_EQ(page.relationships_size(), 10);
  EXPECT_GT(page.total_count(), 10);
  EXPECT_FALSE(page.next_page_token().empty());
  for (const auto& r : page.relationships()) {
    EXPECT_FALSE(r.coachee_name().empty());
    EXPECT_TRUE(r.state() == v1::RELATIONSHIP_STATE_CONTRACTING ||
                r.state() == v1::RELATIONSHIP_STATE_ACTIVE);
  }
  relationships.set_no_session_for_weeks(4);
  v1::ListProgrammeRelationshipsResponse quiet;
  ASSERT_TRUE(
      figures_
          ->ListProgrammeRelationships(Client::Context(coordinator).get(), relationships, &quiet)
          .ok());
  for (const auto& r : quiet.relationships()) {
    const int64_t last =
        r.last_session_at_unix() > 0 ? r.last_session_at_unix() : r.started_at_unix();
    EXPECT_LT(last, absl::ToUnixSeconds(absl::Now() - absl::Hours(24 * 28)));
  }
  relationships.set_page_size(500);
  EXPECT_EQ(
      figures_
          ->ListProgrammeRelationships(Client::Context(coordinator).get(), relationships, &quiet)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ActivityIntegrationTest, DeclarationsAreOptionalTheirOwnAndCountedOnlyWhereMonitored) {
  auto reach = v1::ReachService::NewStub(client_->channel());
  const std::string coordinator = client_->TokenFor(kDemoCoordinator);
  v1::GetMyDeclarationResponse mine;
  ASSERT_TRUE(reach->GetMyDeclaration(Client::Context(coachee_).get(), {}, &mine).ok());
  EXPECT_EQ(mine.declaration().saved_at_unix(), 0) << "never asked yet";
  EXPECT_FALSE(mine.equality_monitoring());

  v1::SaveMyDeclarationRequest save;
  save.mutable_declaration()->set_staff_group(v1::STAFF_GROUP_NURSING_AND_MIDWIFERY);
  save.mutable_declaration()->set_pay_band(-1);  // prefer not to say
  save.mutable_declaration()->set_clinical(v1::CLINICAL_ROLE_CLINICAL);
  save.mutable_declaration()->set_ethnic_group(v1::ETHNIC_GROUP_ASIAN);
  v1::SaveMyDeclarationResponse saved;
  grpc::Status status = reach->SaveMyDeclaration(Client::Context(coachee_).get(), save, &saved);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("declaration.ethnic_group"));
  save.mutable_declaration()->set_pay_band(11);
  save.mutable_declaration()->clear_ethnic_group();
  status = reach->SaveMyDeclaration(Client::Context(coachee_).get(), save, &saved);
  EXPECT_THAT(status.error_message(), StartsWith("declaration.pay_band"));
  save.mutable_declaration()->set_pay_band(-1);
  ASSERT_TRUE(reach->SaveMyDeclaration(Client::Context(coachee_).get(), save, &saved).ok());
  EXPECT_GT(saved.declaration().saved_at_unix(), 0);

  // The coordinator turns on equality monitoring for the coachee's
  // organisation; only then is the question accepted.
  v1::GetMeResponse me;
  ASSERT_TRUE(client_->auth().GetMe(Client::Context(coachee_).get(), {}, &me).ok());
  v1::SaveOrganisationSettingsRequest settings;
  settings.mutable_settings()->set_organisation_id(me.account().organisation_id());
  settings.mutable_settings()->set_headcount(4200);
  settings.mutable_settings()->set_equality_monitoring(true);
  v1::SaveOrganisationSettingsResponse set;
  EXPECT_EQ(
      reach->SaveOrganisationSettings(Client::Context(coach_).get(), settings, &set).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(
      reach->SaveOrganisationSettings(Client::Context(coordinator).get(), settings, &set).ok());
  save.mutable_declaration()->set_ethnic_group(v1::ETHNIC_GROUP_ASIAN);
  ASSERT_TRUE(reach->SaveMyDeclaration(Client::Context(coachee_).get(), save, &saved).ok());
  ASSERT_TRUE(reach->GetMyDeclaration(Client::Context(coachee_).get(), {}, &mine).ok());
  EXPECT_EQ(mine.declaration().ethnic_group(), v1::ETHNIC_GROUP_ASIAN);
  EXPECT_TRUE(mine.equality_monitoring());
  // The coordinator reads their own declaration, never the coachee's.
  ASSERT_TRUE(reach->GetMyDeclaration(Client::Context(coordinator).get(), {}, &mine).ok());
  EXPECT_EQ(mine.declaration().staff_group(), v1::STAFF_GROUP_UNSPECIFIED);

  // Figures for that organisation now: reach by staff group and, with
  // monitoring on, by ethnic group; the share of its 4,200 staff.
  v1::GetProgrammeFiguresRequest request;
  request.set_organisation_id(me.account().organisation_id());
  request.mutable_period()->set_kind(v1::PERIOD_KIND_MONTH);
  request.mutable_period()->set_from_month(Month(ThisMonth()));
  v1::GetProgrammeFiguresResponse figures;
  ASSERT_TRUE(
      figures_->GetProgrammeFigures(Client::Context(coordinator).get(), request, &figures).ok());
  std::set<std::string> tables;
  for (const auto& t : figures.figures().tables()) {
    tables.insert(t.id());
    if (t.id() == "reach_by_organisation") {
      ASSERT_EQ(t.rows_size(), 1);
      EXPECT_EQ(t.columns(3), "Share of staff (%)");
    }
    if (t.id() == "reach_by_staff_group") {
      EXPECT_EQ(t.rows(0).label(), "Nursing and midwifery");
      EXPECT_TRUE(t.rows(0).cells(0).suppressed()) << "one person: fewer than 8";
    }
  }
  for (const char* id : {"reach_by_staff_group", "reach_by_profession", "reach_by_pay_band",
                         "reach_by_clinical", "reach_by_ethnic_group", "reach_by_disability"}) {
    EXPECT_TRUE(tables.contains(id)) << id;
  }
}

}  // namespace
}  // namespace tandem::testing
