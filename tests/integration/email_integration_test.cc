// Email over a real SMTP server: the real tandem-server (demo data, a
// temporary database) delivers its outbox to tests/support/smtp_sink.py
// (Debian's python3-aiosmtpd) on loopback. Each person's choice of kinds,
// quiet hours (and a concern that goes through them), refusals for now and
// for good, a relay that is down, a SIGKILL in the middle of a send, the
// rate limit, AUTH from the credentials file, STARTTLS never skipped, and
// the flags checked at start.

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tandem/v1/notifications.grpc.pb.h"
#include "tandem/v1/safeguarding.grpc.pb.h"
#include "tests/support/client.h"
#include "tests/support/server_process.h"
#include "tests/support/smtp_sink.h"

namespace tandem::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kFrom[] = "Tandem <tandem@trust.nhs.example>";
constexpr char kConcernSubject[] = "Tandem: A safeguarding concern needs your attention";
constexpr char kMentoringRequestSubject[] = "Tandem: You have a new request for mentoring";

std::string MessageId(int64_t outbox_id) {
  return absl::StrCat("<tandem-outbox-", outbox_id, "@trust.nhs.example>");
}

/// A row of email_outbox, read straight from the database file.
struct OutboxRow {
  int64_t id = 0;
  std::string to;
  std::string subject;
  std::string body;
  int64_t next_attempt_at = 0;
  std::optional<int64_t> sent_at;
  std::optional<int64_t> failed_at;
  int attempts = 0;
  std::string last_error;
};

std::vector<OutboxRow> ReadOutbox(const std::string& db_path) {
  std::vector<OutboxRow> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db_path;
    sqlite3_close(db);
    return rows;
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT id, to_address, subject, next_attempt_at, sent_at, failed_at, "
                     "attempts, COALESCE(last_error, ''), body FROM email_outbox ORDER BY id",
                     -1, &s, nullptr);
  const auto text = [&](int column) {
    const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
    return std::string(t == nullptr ? "" : t);
  };
  const auto optional = [&](int column) -> std::optional<int64_t> {
    if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(s, column);
  };
  while (s != nullptr && sqlite3_step(s) == SQLITE_ROW) {
    rows.push_back({.id = sqlite3_column_int64(s, 0),
                    .to = text(1),
                    .subject = text(2),
                    .body = text(8),
                    .next_attempt_at = sqlite3_column_int64(s, 3),
                    .sent_at = optional(4),
                    .failed_at = optional(5),
                    .attempts = sqlite3_column_int(s, 6),
                    .last_error = text(7)});
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

class EmailIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override { CopyDemoDatabase(db_path_); }

  void StartSink(const std::string& auth = "") {
    sink_ = std::make_unique<SmtpSink>(dir_.File("sink"), 0, auth);
  }

  /// Starts (or, after a stop, starts again) tandem-server with a relay on
  /// the sink's port.
  void StartServer(std::vector<std::string> extra = {}) {
    std::vector<std::string> flags = {
        "--smtp-host",     "127.0.0.1", "--smtp-port", std::to_string(sink_->port()),
        "--smtp-security", "none",      "--smtp-from", kFrom};
    flags.insert(flags.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(db_path_, flags);
    client_ = std::make_unique<Client>(server_->address());
    safeguarding_ = v1::SafeguardingService::NewStub(client_->channel());
    notifications_ = v1::NotificationService::NewStub(client_->channel());
    tokens_.clear();
  }

  std::string Token(const std::string& email) {
    std::string& token = tokens_[email];
    if (token.empty()) token = client_->TokenFor(email);
    return token;
  }

  int64_t AccountId(const std::string& token) {
    v1::GetMeResponse me;
    EXPECT_TRUE(client_->auth().GetMe(Client::Context(token).get(), {}, &me).ok());
    return me.account().id();
  }

  /// The demo coach accepts a request from their inbox: a relationship to
  /// raise concerns about. (Its coachee is emailed that it was accepted.)
  void OpenRelationship() {
    const Client::Accepted accepted = client_->AcceptFirstInboxRequest(Token(kDemoCoach));
    ASSERT_GT(accepted.relationship_id, 0);
    relationship_id_ = accepted.relationship_id;
  }

  /// The coach raises a concern; the supervisor is emailed (at once,
  /// whatever their quiet hours). The new outbox row's id.
  int64_t RaiseConcern() {
    v1::RaiseConcernRequest raise;
    raise.set_relationship_id(relationship_id_);
    raise.set_description("They said they feel unsafe at home. MARKER-c0ncern-ma1l");
    v1::RaiseConcernResponse raised;
    const grpc::Status status =
        safeguarding_->RaiseConcern(Client::Context(Token(kDemoCoach)).get(), raise, &raised);
    EXPECT_TRUE(status.ok()) << status.error_message();
    int64_t newest = 0;
    for (const OutboxRow& row : ReadOutbox(db_path_)) {
      if (row.subject == kConcernSubject) newest = std::max(newest, row.id);
    }
    EXPECT_GT(newest, 0) << "no email was queued for the concern";
    return newest;
  }

  struct Person {
    int64_t id = 0;
    std::string email;
    std::string token;
  };
  Person NewPerson(const std::string& email, v1::Role role) {
    v1::CreateAccountRequest request;
    request.set_email(email);
    request.set_display_name("Person " + email.substr(0, email.find('@')));
    request.set_organisation_id(1);
    request.add_roles(role);
    v1::CreateAccountResponse created;
    const grpc::Status status = client_->accounts().CreateAccount(
        Client::Context(Token(kDemoCoordinator)).get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {created.account().id(), email, client_->TokenFor(email, created.temporary_password())};
  }
  /// A mentor in the pool (approved by the demo coordinator) with room for
  /// five. `before_approval` runs first (to set preferences, say).
  Person ListedMentor(const std::string& email,
                      const std::function<void(const Person&)>& before_approval = {}) {
    Person mentor = NewPerson(email, v1::ROLE_MENTOR);
    v1::SaveMyProfileRequest profile;
    profile.set_kind(v1::PROFILE_KIND_MENTOR);
    profile.set_headline("Mentoring for future leaders");
    profile.add_specialisms("career_planning");
    profile.add_delivery_modes(v1::DELIVERY_MODE_PHONE);
    profile.add_languages("English");
    profile.set_availability(v1::AVAILABILITY_ACCEPTING);
    profile.set_capacity(5);
    profile.set_pay_band(v1::PAY_BAND_9);
    v1::SaveMyProfileResponse saved;
    EXPECT_TRUE(client_->directory()
                    .SaveMyProfile(Client::Context(mentor.token).get(), profile, &saved)
                    .ok());
    if (before_approval) before_approval(mentor);
    v1::ReviewApplicationRequest review;
    review.set_account_id(mentor.id);
    review.set_approve(true);
    v1::ReviewApplicationResponse reviewed;
    EXPECT_TRUE(
        client_->directory()
            .ReviewApplication(Client::Context(Token(kDemoCoordinator)).get(), review, &reviewed)
            .ok());
    return mentor;
  }
  /// A new member of staff asks `mentor` by name for mentoring.
  void RequestMentoring(const std::string& mentee_email, const Person& mentor) {
    const Person mentee = NewPerson(mentee_email, v1::ROLE_COACHEE);
    v1::CreateRequestRequest request;
    request.mutable_details()->set_kind(v1::SUPPORT_KIND_MENTORING);
    request.mutable_details()->set_gap(
        "MARKER-gap-ma1l I have just become a ward manager and want to lead my team well.");
    request.mutable_details()->add_themes("career_planning");
    request.mutable_details()->set_delivery_mode(v1::DELIVERY_MODE_PHONE);
    request.mutable_details()->set_pay_band(v1::PAY_BAND_5);
    request.set_member_id(mentor.id);
    v1::CreateRequestResponse created;
    const grpc::Status status =
        client_->matching().CreateRequest(Client::Context(mentee.token).get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
  }

  /// Saves the caller's preferences: `kinds` chosen, quiet hours as given.
  void SavePreferences(const std::string& token,
                       const std::vector<std::pair<v1::NotificationKind, bool>>& kinds,
                       int quiet_from = 0, int quiet_to = 0) {
    v1::SaveNotificationPreferencesRequest save;
    for (const auto& [kind, email] : kinds) {
      v1::KindPreference* choice = save.mutable_preferences()->add_kinds();
      choice->set_kind(kind);
      choice->set_email(email);
    }
    save.mutable_preferences()->set_quiet_from_minute(quiet_from);
    save.mutable_preferences()->set_quiet_to_minute(quiet_to);
    v1::SaveNotificationPreferencesResponse saved;
    const grpc::Status status =
        notifications_->SaveNotificationPreferences(Client::Context(token).get(), save, &saved);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::vector<SmtpSink::Message> MessagesTo(const std::string& address) {
    std::vector<SmtpSink::Message> out;
    for (SmtpSink::Message& m : sink_->Messages()) {
      if (m.headers["x-envelope-to"] == address) out.push_back(std::move(m));
    }
    return out;
  }
  /// How many copies of an outbox row the sink has accepted.
  int Copies(int64_t outbox_id) {
    int copies = 0;
    for (SmtpSink::Message& m : sink_->Messages()) {
      copies += m.headers["message-id"] == MessageId(outbox_id) ? 1 : 0;
    }
    return copies;
  }
  std::vector<SmtpSink::Event> EventsFor(int64_t outbox_id, const std::string& what = "") {
    std::vector<SmtpSink::Event> out;
    for (const SmtpSink::Event& e : sink_->Events()) {
      if (e.message_id == MessageId(outbox_id) && (what.empty() || e.what == what)) {
        out.push_back(e);
      }
    }
    return out;
  }
  std::optional<OutboxRow> Row(int64_t id) {
    for (const OutboxRow& row : ReadOutbox(db_path_)) {
      if (row.id == id) return row;
    }
    return std::nullopt;
  }
  /// Nothing the server logged names an address the test made, a subject or
  /// anything of a body; and no email kept in the outbox (at rest) carries
  /// anything the people wrote.
  void ExpectContentKeptOut(const std::vector<std::string>& secrets) {
    for (const OutboxRow& row : ReadOutbox(db_path_)) {
      EXPECT_THAT(row.subject + row.body, Not(HasSubstr("MARKER-"))) << "email " << row.id;
    }
    const std::string log = server_->Log();
    for (const std::string& secret :
         std::vector<std::string>{"Tandem: ", "safeguarding concern needs", "new request for",
                                  "Open the Tandem app", "MARKER-"}) {
      EXPECT_THAT(log, Not(HasSubstr(secret)));
    }
    for (const std::string& secret : secrets) EXPECT_THAT(log, Not(HasSubstr(secret)));
  }

  TempDir dir_;
  const std::string db_path_ = dir_.File("tandem.db");
  std::unique_ptr<SmtpSink> sink_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<Client> client_;
  std::unique_ptr<v1::SafeguardingService::Stub> safeguarding_;
  std::unique_ptr<v1::NotificationService::Stub> notifications_;
  std::map<std::string, std::string> tokens_;
  int64_t relationship_id_ = 0;
};

// (a) A request reaches the member by email when they chose it, and not when
// they turned that kind off — while it still shows in the app.
TEST_F(EmailIntegrationTest, ARequestIsEmailedOnlyWhenTheMemberChoseIt) {
  StartSink();
  StartServer();
  const Person mentor = ListedMentor("mail.mentor@northvale.example");
  // Their approval is emailed by default.
  ASSERT_TRUE(WaitUntil([&] { return MessagesTo(mentor.email).size() == 1; }, seconds(15)));
  EXPECT_EQ(MessagesTo(mentor.email)[0].headers["subject"],
            "Tandem: Your application to join the pool was approved");

  SavePreferences(mentor.token, {{v1::NOTIFICATION_KIND_REQUEST_RECEIVED, false}});
  RequestMentoring("mail.mentee1@northvale.example", mentor);
  // In the app…
  v1::ListNotificationsResponse listed;
  ASSERT_TRUE(
      notifications_->ListNotifications(Client::Context(mentor.token).get(), {}, &listed).ok());
  ASSERT_GT(listed.notifications_size(), 0);
  EXPECT_EQ(listed.notifications(0).kind(), v1::NOTIFICATION_KIND_REQUEST_RECEIVED);
  // …but not by email: nothing queued, nothing arrives.
  std::this_thread::sleep_for(seconds(5));
  EXPECT_EQ(MessagesTo(mentor.email).size(), 1u);
  for (const OutboxRow& row : ReadOutbox(db_path_)) {
    EXPECT_FALSE(row.to == mentor.email && row.subject == kMentoringRequestSubject);
  }

  SavePreferences(mentor.token, {{v1::NOTIFICATION_KIND_REQUEST_RECEIVED, true}});
  RequestMentoring("mail.mentee2@northvale.example", mentor);
  ASSERT_TRUE(WaitUntil([&] { return MessagesTo(mentor.email).size() == 2; }, seconds(15)));
  SmtpSink::Message email = MessagesTo(mentor.email)[1];
  int64_t row_id = 0;
  for (const OutboxRow& row : ReadOutbox(db_path_)) {
    if (row.to == mentor.email && row.subject == kMentoringRequestSubject) row_id = row.id;
  }
  ASSERT_GT(row_id, 0);
  EXPECT_EQ(email.headers["subject"], kMentoringRequestSubject);
  EXPECT_EQ(email.headers["from"], kFrom);
  EXPECT_EQ(email.headers["to"], mentor.email);
  EXPECT_EQ(email.headers["x-envelope-from"], "tandem@trust.nhs.example");
  EXPECT_EQ(email.headers["message-id"], MessageId(row_id));
  EXPECT_EQ(email.headers["mime-version"], "1.0");
  EXPECT_EQ(email.headers["content-type"], "text/plain; charset=UTF-8");
  EXPECT_EQ(email.headers["auto-submitted"], "auto-generated");
  const int year = absl::ToCivilYear(absl::Now(), absl::UTCTimeZone()).year();
  EXPECT_THAT(email.headers["date"], HasSubstr(absl::StrCat(" ", year, " ")));
  EXPECT_THAT(email.headers["date"], HasSubstr("+0000"));
  EXPECT_THAT(email.body, HasSubstr("You have a new request for mentoring."));
  EXPECT_THAT(email.body, HasSubstr("\r\n"));
  // Nothing of the request itself, nor who asked.
  EXPECT_THAT(email.body, Not(HasSubstr("MARKER-gap")));
  EXPECT_THAT(email.header_block + email.body, Not(HasSubstr("mail.mentee2")));
  EXPECT_TRUE(Row(row_id)->sent_at.has_value());
  EXPECT_THAT(server_->Log(), HasSubstr(absl::StrCat("email ", row_id, " (try 1): sent")));
  ExpectContentKeptOut({mentor.email});
}

// (b) Quiet hours hold an email back (its row waits for their end), while a
// concern's email goes at once through the supervisor's quiet hours.
TEST_F(EmailIntegrationTest, QuietHoursHoldEmailBackButNotAConcern) {
  StartSink();
  StartServer();
  OpenRelationship();
  const absl::TimeZone london = [] {
    absl::TimeZone zone;
    EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &zone));
    return zone;
  }();
  const absl::Time now = absl::Now();
  const absl::CivilMinute local = absl::ToCivilMinute(now, london);
  const int minute = local.hour() * 60 + local.minute();
  const int quiet_from = (minute + 1440 - 60) % 1440;
  const int quiet_to = (minute + 120) % 1440;
  // When the server should send it: the next time London's clock reads
  // quiet_to (today, or tomorrow when that is past midnight).
  absl::CivilDay end_day = absl::CivilDay(local);
  if (minute + 120 >= 1440) end_day += 1;
  const int64_t quiet_end = absl::ToUnixSeconds(
      absl::FromCivil(absl::CivilMinute(end_day.year(), end_day.month(), end_day.day(),
                                        quiet_to / 60, quiet_to % 60),
                      london));

  const Person mentor = ListedMentor("quiet.mentor@northvale.example", [&](const Person& m) {
    SavePreferences(m.token, {}, quiet_from, quiet_to);
  });
  RequestMentoring("quiet.mentee@northvale.example", mentor);
  SavePreferences(Token(kDemoSupervisor), {}, quiet_from, quiet_to);
  v1::SetSupervisorRequest supervise;
  supervise.set_coach_id(AccountId(Token(kDemoCoach)));
  supervise.set_supervisor_id(AccountId(Token(kDemoSupervisor)));
  v1::SetSupervisorResponse supervised;
  ASSERT_TRUE(
      safeguarding_
          ->SetSupervisor(Client::Context(Token(kDemoCoordinator)).get(), supervise, &supervised)
          .ok());
  const int64_t concern = RaiseConcern();
  ASSERT_EQ(Row(concern)->to, kDemoSupervisor);

  // The concern arrives at once…
  ASSERT_TRUE(WaitUntil([&] { return Copies(concern) == 1; }, seconds(15)));
  // …while the mentor's two emails (approval, request) wait in the outbox
  // for the end of their quiet hours.
  std::this_thread::sleep_for(seconds(4));
  EXPECT_EQ(MessagesTo(mentor.email).size(), 0u);
  int held = 0;
  for (const OutboxRow& row : ReadOutbox(db_path_)) {
    if (row.to != mentor.email) continue;
    ++held;
    EXPECT_EQ(row.next_attempt_at, quiet_end) << row.subject;
    EXPECT_FALSE(row.sent_at.has_value());
    EXPECT_EQ(row.attempts, 0);
  }
  EXPECT_EQ(held, 2);
  const std::optional<OutboxRow> concern_row = Row(concern);
  ASSERT_TRUE(concern_row.has_value());
  EXPECT_TRUE(concern_row->sent_at.has_value());
  ExpectContentKeptOut({mentor.email});
}

// (c) A refusal for good (550 to the recipient) is given up on at once and
// never tried again.
TEST_F(EmailIntegrationTest, ARefusalForGoodIsGivenUp) {
  StartSink();
  StartServer();
  OpenRelationship();
  ASSERT_TRUE(WaitUntil([&] { return !sink_->Messages().empty(); }, seconds(15)));  // accepted
  sink_->SetMode("reject");
  const int64_t refused = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return Row(refused)->failed_at.has_value(); }, seconds(15)));
  EXPECT_EQ(Row(refused)->last_error, "the relay refused the recipient (550)");
  EXPECT_EQ(Row(refused)->attempts, 1);
  EXPECT_THAT(server_->Log(),
              HasSubstr(absl::StrCat("email ", refused,
                                     " (try 1): given up, the relay refused the recipient (550)")));
  sink_->SetMode("accept");
  const int64_t next = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return Copies(next) == 1; }, seconds(15)));
  EXPECT_EQ(Copies(refused), 0);
  EXPECT_EQ(Row(refused)->attempts, 1);

  // The same for a refusal of the message itself.
  sink_->SetMode("reject-data");
  const int64_t rejected = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return Row(rejected)->failed_at.has_value(); }, seconds(15)));
  EXPECT_EQ(Row(rejected)->last_error, "the relay refused the message (554)");
  ExpectContentKeptOut({});
}

// (c) A refusal for now (451 to the message) is tried again after the
// backoff and delivered once, with the same Message-ID.
TEST_F(EmailIntegrationTest, ARefusalForNowIsDeliveredOnceAfterTheBackoff) {
  StartSink();
  sink_->SetMode("tempfail");
  StartServer();
  OpenRelationship();
  const int64_t delayed = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return !EventsFor(delayed, "refused-451").empty(); }, seconds(15)));
  const double refused_at = EventsFor(delayed, "refused-451")[0].at;
  // The next try is set for 30 s later (plus at most 10%), as the row says.
  ASSERT_TRUE(WaitUntil([&] { return Row(delayed)->attempts == 1; }, seconds(15)));
  const double wait = static_cast<double>(Row(delayed)->next_attempt_at) - refused_at;
  EXPECT_GE(wait, 29.0);
  EXPECT_LE(wait, 34.0);
  sink_->SetMode("accept");
  // Not before it; delivered soon after (a loaded machine may be slow to
  // look, so no upper bound on the moment itself).
  ASSERT_TRUE(WaitUntil([&] { return Copies(delayed) == 1; }, seconds(90)));
  const double accepted_at = EventsFor(delayed, "accepted")[0].at;
  EXPECT_GE(accepted_at - refused_at, 29.5);
  EXPECT_EQ(EventsFor(delayed).size(), 2u);  // refused once, accepted once
  EXPECT_EQ(Row(delayed)->attempts, 2);
  EXPECT_THAT(server_->Log(),
              HasSubstr(absl::StrCat("email ", delayed,
                                     " (try 1): not sent, the relay answered 451 to the message")));
  EXPECT_THAT(server_->Log(), HasSubstr(absl::StrCat("email ", delayed, " (try 2): sent")));
  std::this_thread::sleep_for(seconds(3));
  EXPECT_EQ(Copies(delayed), 1);
  ExpectContentKeptOut({});
}

// (c) A relay that is down (nothing listening) is tried again until it is
// up, and the email is delivered once.
TEST_F(EmailIntegrationTest, ARelayThatIsDownIsTriedAgainUntilItIsUp) {
  StartSink();
  sink_->SetMode("down");
  StartServer();
  OpenRelationship();
  const int64_t concern = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return Row(concern)->attempts >= 1; }, seconds(15)));
  EXPECT_FALSE(Row(concern)->failed_at.has_value());
  EXPECT_THAT(Row(concern)->last_error, HasSubstr("connect"));
  EXPECT_THAT(server_->Log(), HasSubstr(absl::StrCat("email ", concern, " (try 1): not sent")));
  sink_->SetMode("accept");
  ASSERT_TRUE(WaitUntil([&] { return Copies(concern) == 1; }, seconds(90)));
  std::this_thread::sleep_for(seconds(3));
  EXPECT_EQ(Copies(concern), 1);
  EXPECT_TRUE(Row(concern)->sent_at.has_value());
}

// (d) tandem-server is SIGKILLed while the relay holds back its answer to
// the message (the slow window is 20 s; the kill comes as soon as the
// message is in). Nothing was marked sent, the relay took nothing, and after
// a restart on the same database every email arrives exactly once.
TEST_F(EmailIntegrationTest, EachEmailIsDeliveredExactlyOnceAcrossASigkillMidSend) {
  StartSink();
  StartServer();
  OpenRelationship();
  ASSERT_TRUE(WaitUntil([&] { return !sink_->Messages().empty(); }, seconds(15)));
  const size_t before = sink_->Messages().size();

  sink_->SetMode("slow 20");
  std::vector<int64_t> concerns;
  for (int i = 0; i < 3; ++i) concerns.push_back(RaiseConcern());
  ASSERT_TRUE(WaitUntil([&] { return !EventsFor(concerns[0], "delaying").empty(); }, seconds(15)));
  server_->Stop(SIGKILL);
  // The relay saw the connection go before it answered: it took nothing.
  ASSERT_TRUE(WaitUntil([&] { return !EventsFor(concerns[0], "cut-off").empty(); }, seconds(10)));
  for (const int64_t id : concerns) {
    EXPECT_FALSE(Row(id)->sent_at.has_value()) << id;
    EXPECT_EQ(Copies(id), 0) << id;
  }

  sink_->SetMode("accept");
  StartServer();
  ASSERT_TRUE(WaitUntil(
      [&] {
        return Copies(concerns[0]) >= 1 && Copies(concerns[1]) >= 1 && Copies(concerns[2]) >= 1;
      },
      seconds(30)));
  std::this_thread::sleep_for(seconds(3));
  for (const int64_t id : concerns) {
    EXPECT_EQ(Copies(id), 1) << id;
    EXPECT_TRUE(Row(id)->sent_at.has_value()) << id;
  }
  // No message at all came twice, and none is missing.
  std::map<std::string, int> by_id;
  for (SmtpSink::Message& m : sink_->Messages()) ++by_id[m.headers["message-id"]];
  for (const auto& [id, copies] : by_id) EXPECT_EQ(copies, 1) << id;
  EXPECT_EQ(sink_->Messages().size(), before + concerns.size());
  for (const OutboxRow& row : ReadOutbox(db_path_)) {
    EXPECT_TRUE(row.sent_at.has_value()) << row.id;
  }
}

// (e) At most --smtp-max-per-minute emails in any minute: with 3 a minute
// and a dozen waiting, exactly 3 arrive in the first 20 seconds.
TEST_F(EmailIntegrationTest, TheRateLimitHolds) {
  StartSink();
  StartServer({"--smtp-max-per-minute", "3"});
  OpenRelationship();
  std::vector<int64_t> concerns;
  for (int i = 0; i < 10; ++i) concerns.push_back(RaiseConcern());
  ASSERT_TRUE(WaitUntil([&] { return !sink_->Events().empty(); }, seconds(15)));
  const double first = sink_->Events()[0].at;
  const double wait = first + 20.0 - static_cast<double>(absl::ToUnixMillis(absl::Now())) / 1000.0;
  if (wait > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(wait * 1000)));
  int accepted = 0;
  for (const SmtpSink::Event& e : sink_->Events()) accepted += e.what == "accepted" ? 1 : 0;
  EXPECT_EQ(accepted, 3);
  EXPECT_EQ(sink_->Messages().size(), 3u);
  // The rest wait their turn: the coachee's email and ten concerns, less three.
  const std::vector<OutboxRow> rows = ReadOutbox(db_path_);
  int waiting = 0;
  for (const OutboxRow& row : rows) waiting += row.sent_at ? 0 : 1;
  EXPECT_GE(rows.size(), 11u);
  EXPECT_EQ(waiting, static_cast<int>(rows.size()) - 3);
}

// AUTH with the credentials file; wrong credentials keep the email waiting
// (tried again, never given up).
TEST_F(EmailIntegrationTest, AuthUsesTheCredentialsFile) {
  StartSink("relay-user:relay-pass");
  const std::string credentials = dir_.File("smtp-credentials");
  std::ofstream(credentials) << "relay-user:relay-pass\n";
  chmod(credentials.c_str(), 0600);
  StartServer({"--smtp-credentials-file", credentials});
  OpenRelationship();
  const int64_t concern = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return Copies(concern) == 1; }, seconds(15)));
  EXPECT_THAT(server_->Log(), Not(HasSubstr("relay-pass")));

  server_->Stop(SIGTERM);
  std::ofstream(credentials) << "relay-user:wrong-pass\n";
  StartServer({"--smtp-credentials-file", credentials});
  const int64_t refused = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return Row(refused)->attempts >= 1; }, seconds(15)));
  EXPECT_FALSE(Row(refused)->failed_at.has_value());
  EXPECT_EQ(Row(refused)->last_error, "the relay answered 535 to AUTH");
  EXPECT_EQ(Copies(refused), 0);
  EXPECT_THAT(server_->Log(), Not(HasSubstr("wrong-pass")));
}

// --smtp-security starttls never falls back to plaintext: a relay that does
// not offer STARTTLS gets no email (it waits, to be tried again).
TEST_F(EmailIntegrationTest, StartTlsIsRequiredNeverSkipped) {
  StartSink();
  StartServer({"--smtp-security", "starttls"});
  OpenRelationship();
  const int64_t concern = RaiseConcern();
  ASSERT_TRUE(WaitUntil([&] { return Row(concern)->attempts >= 1; }, seconds(15)));
  EXPECT_EQ(Row(concern)->last_error, "the relay does not offer STARTTLS");
  EXPECT_FALSE(Row(concern)->failed_at.has_value());
  EXPECT_EQ(sink_->Messages().size(), 0u);
  EXPECT_EQ(sink_->Events().size(), 0u);
}

/// Runs tandem-server with `flags` expecting it to refuse to start; its
/// exit status and what it wrote.
std::pair<int, std::string> StartRefused(const TempDir& dir, std::vector<std::string> flags) {
  const std::string log = dir.File("refused.log");
  std::filesystem::remove(log);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    std::vector<std::string> args = {ServerBinary(), "--listen", "127.0.0.1:0", "--db",
                                     dir.File("refused.db")};
    args.insert(args.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  const bool ended = WaitUntil([&] { return waitpid(pid, &status, WNOHANG) == pid; }, seconds(30));
  if (!ended) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  return {ended && WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

TEST(EmailFlagsTest, WrongSmtpFlagsStopTheServerWithAClearError) {
  TempDir dir;
  const std::string from = "--smtp-from=Tandem <tandem@trust.nhs.example>";
  const std::string open_file = dir.File("open-credentials");
  std::ofstream(open_file) << "relay-user:S3CRET\n";
  chmod(open_file.c_str(), 0644);
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--smtp-host", "smtp.example.org", "--smtp-security", "none", from},
       "allowed only to a relay on this machine"},
      {{"--smtp-host", "127.0.0.1"}, "--smtp-from is needed with --smtp-host"},
      {{"--smtp-host", "127.0.0.1", "--smtp-from", "not an address"}, "--smtp-from:"},
      {{"--smtp-host", "127.0.0.1", "--smtp-security", "ssl", from},
       "--smtp-security must be starttls, tls or none"},
      {{"--smtp-host", "smtp.example.org:25", from}, "without a port"},
      {{"--smtp-host", "127.0.0.1", "--smtp-port", "70000", from}, "--smtp-port must be"},
      {{"--smtp-host", "127.0.0.1", "--smtp-max-per-minute", "0", from},
       "--smtp-max-per-minute must be"},
      {{"--smtp-host", "127.0.0.1", "--smtp-credentials-file", open_file, from},
       "chmod 600 " + open_file},
      {{"--smtp-host", "127.0.0.1", "--smtp-credentials-file", dir.File("missing"), from},
       "does not exist"},
      {{"--smtp-from", "tandem@trust.nhs.example"}, "need --smtp-host"},
  };
  for (const auto& [flags, why] : cases) {
    const auto [exit_code, output] = StartRefused(dir, flags);
    EXPECT_EQ(exit_code, 1) << why << "\n" << output;
    EXPECT_THAT(output, HasSubstr("tandem-server cannot start: ")) << why;
    EXPECT_THAT(output, HasSubstr(why));
    EXPECT_THAT(output, Not(HasSubstr("S3CRET")));
    EXPECT_THAT(output, Not(HasSubstr("listening on")));
  }
}

}  // namespace
}  // namespace tandem::testing
