// Reminder fan-out benchmark (issue 14): 10,000 sessions, each of its own
// relationship, all starting in the same minute tomorrow, so that one turn
// of the scheduler owes 20,000 "session tomorrow" reminders (one to each of
// the two people). Measures, on one SQLite file:
//   - the scheduler's turn: finding them and writing them (in transactions
//     of a few hundred, each with its email decision), and a second turn
//     that finds them all made already;
//   - the p50/p99 of other calls through gRPC (GetMe and ListNotifications
//     from two clients) in quiet spells and while a turn runs, over five
//     rounds of each, interleaved (each turn's reminders are removed after
//     it). The clients call at a steady rate, each call's latency counted
//     from when it was due, so a call held up behind a slow one counts as
//     late; or, with rate 0, back to back, which keeps both cores busy with
//     calls alone.
// The server runs in this process with its own scheduler idle; the turns
// are made as the server makes them, on a Periodic's thread, by a
// Reminders on a second connection to the same file, on a clock set to the
// morning before the sessions.
//
//   bench/run-reminders-bench.sh [sessions] [calls per second]
//   (default 10000 sessions, 1000 calls/s)

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "server/app/scheduler.h"
#include "server/app/server.h"
#include "server/domain/goals.h"
#include "server/domain/matching.h"
#include "server/domain/password_hasher.h"
#include "server/domain/reminders.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_goal_repository.h"
#include "server/storage/sqlite/sqlite_notification_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "server/storage/sqlite/sqlite_relationship_repository.h"
#include "server/storage/sqlite/sqlite_reminder_source.h"
#include "server/storage/sqlite/sqlite_request_repository.h"
#include "server/storage/sqlite/sqlite_session_repository.h"
#include "tandem/v1/identity.grpc.pb.h"
#include "tandem/v1/notifications.grpc.pb.h"

namespace tandem::bench {
namespace {

using Steady = std::chrono::steady_clock;

constexpr char kPassword[] = "bench-password";
constexpr int kMembers = 5000;
constexpr int kClients = 2;
constexpr int kRounds = 5;
constexpr auto kQuiet = std::chrono::seconds(5);

/// A clock that reads what it is set to.
class SetClock final : public Clock {
 public:
  explicit SetClock(absl::Time now) : now_(now) {}
  absl::Time Now() const override { return now_; }

 private:
  absl::Time now_;
};

void PrintRow(const char* name, const Latencies& l) {
  std::printf("%-40s %7d %9.2fms %9.2fms %9.2fms\n", name, l.calls, l.p50, l.p99, l.max);
}

/// `sessions` coachees, each with an accepted relationship with one of the
/// pool's members and one accepted session at `starts_at`. The coachees'
/// emails, for signing in.
std::vector<std::string> Load(const std::string& path, int sessions, absl::Time starts_at) {
  auto db = storage::Database::Open(path, 1, storage::Database::Durability::kBulkLoad);
  Check(db.status(), "open");
  storage::SqliteOrganisationRepository organisations(**db);
  storage::SqliteAccountRepository accounts(**db);
  storage::SqliteProfileRepository profiles(**db);
  storage::SqliteRequestRepository requests(**db);
  storage::SqliteSessionRepository session_store(**db);
  const absl::Time now = absl::Now();
  const std::vector<int64_t> orgs = CreateOrganisations(organisations, now);
  const std::vector<int64_t> members = LoadPool(accounts, profiles, orgs, kMembers, now);
  const domain::PasswordHasher hasher;
  auto hash = hasher.Hash(kPassword);
  Check(hash.status(), "hash");

  Random random(11);
  std::vector<std::string> emails;
  size_t member = 0;
  for (int i = 0; i < sessions; ++i) {
    const std::string email = absl::StrCat("coachee", i, "@example.org");
    auto account =
        accounts.Create({.email = email,
                         .display_name = absl::StrCat(random.Pick(kFirst), " ", random.Pick(kLast)),
                         .organisation_id = orgs[random.Below(static_cast<int>(orgs.size()))],
                         .roles = {domain::Role::kCoachee},
                         .password_hash = *hash,
                         .password_change_required = false},
                        now);
    Check(account.status(), "coachee");
    emails.push_back(email);
    // The next pool member with a free place accepts.
    absl::StatusOr<domain::SupportRequest> accepted = absl::UnknownError("no member");
    for (size_t tries = 0; tries < members.size() && !accepted.ok(); ++tries) {
      const int64_t member_id = members[member++ % members.size()];
      domain::SupportRequest r;
      r.status = domain::RequestStatus::kPending;
      r.details.gap = "I want to grow into my new role.";
      r.coachee_id = account->id;
      r.coachee_organisation_id = account->organisation_id;
      r.member_id = member_id;
      r.origin = domain::RequestOrigin::kNamed;
      r.created_at = r.waiting_since = now;
      auto created = requests.Create(r);
      Check(created.status(), "request");
      accepted = requests.Accept(created->id, member_id, now);
      if (!accepted.ok()) {
        Check(requests
                  .Update(created->id,
                          [](domain::SupportRequest& q) {
                            q.status = domain::RequestStatus::kWithdrawn;
                            return absl::OkStatus();
                          })
                  .status(),
              "withdraw");
      }
    }
    Check(accepted.status(), "accept");
    domain::Session s;
    s.relationship_id = accepted->relationship_id;
    s.status = domain::SessionStatus::kAccepted;
    s.starts_at = starts_at;
    s.planned_minutes = 60;
    s.mode = domain::DeliveryMode::kVideo;
    s.proposed_by = accepted->member_id;
    Check(session_store.Create(s, {}, [](const auto&) { return absl::OkStatus(); }).status(),
          "session");
  }
  return emails;
}

int Run(int sessions, int rate) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "tandem-reminders-bench").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/bench.db";
  // Tomorrow at 10:00, whole minute: every session in the same minute.
  const absl::Time starts_at =
      absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now() + absl::Hours(30)) / 60 * 60);
  std::fprintf(stderr, "loading %d members and %d relationships with a session each ...\n",
               kMembers, sessions);
  const auto load_start = Steady::now();
  const std::vector<std::string> emails = Load(path, sessions, starts_at);
  std::fprintf(stderr, "loaded in %.1f s\n", MillisSince(load_start) / 1000);

  // The server, its scheduler idle (its first turn at start finds nothing:
  // the sessions are more than a day away by the wall clock).
  app::ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.db_path = path;
  options.reminder_interval = absl::Hours(1);
  auto server = app::Server::Start(options);
  Check(server.status(), "server");
  auto channel = grpc::CreateChannel((*server)->address(), grpc::InsecureChannelCredentials());
  auto auth = v1::AuthService::NewStub(channel);
  auto notifications = v1::NotificationService::NewStub(channel);
  std::vector<std::string> bearers;
  for (int c = 0; c < kClients; ++c) {
    v1::SignInRequest request;
    request.set_email(emails[static_cast<size_t>(c)]);
    request.set_password(kPassword);
    v1::SignInResponse response;
    grpc::ClientContext context;
    const grpc::Status status = auth->SignIn(&context, request, &response);
    if (!status.ok()) {
      std::fprintf(stderr, "sign-in failed: %s\n", status.error_message().c_str());
      return 1;
    }
    bearers.push_back("Bearer " + response.token());
  }

  // The turns: on the morning before the sessions, made as the server
  // makes them (on a Periodic's thread), by a Reminders of their own.
  auto db = storage::Database::Open(path, 2);
  Check(db.status(), "open for the scheduler");
  SetClock clock(starts_at - absl::Hours(20));
  absl::TimeZone zone;
  Check(absl::LoadTimeZone("Europe/London", &zone) ? absl::OkStatus()
                                                   : absl::InternalError("no tzdata"),
        "zone");
  domain::NoticeHub hub;
  storage::SqliteNotificationRepository notices(**db, clock, hub, {.zone = zone, .email = true});
  storage::SqliteReminderSource source(**db);
  storage::SqliteProfileRepository profiles(**db);
  storage::SqliteRequestRepository requests(**db);
  storage::SqliteRelationshipRepository relationships(**db);
  storage::SqliteSessionRepository session_store(**db);
  storage::SqliteReceiptRepository receipts(**db);
  storage::SqliteGoalRepository goal_store(**db);
  auto cipher = domain::NoteCipher::Create(domain::NoteCipher::GenerateKey());
  Check(cipher.status(), "cipher");
  domain::Goals goals(goal_store, relationships, session_store, receipts, profiles, **cipher,
                      clock);
  domain::CandidatePool pool(profiles);
  domain::Matching matching(requests, profiles, pool, clock, domain::MatchingSettings{});
  const auto turn = [&]() -> domain::ReminderRun {
    domain::Reminders reminders(source, notices, profiles, goals, matching, clock,
                                domain::ListingSettings{},
                                domain::ReturnSettings{.zone = zone, .due_working_day = 5});
    domain::ReminderRun run;
    absl::Notification done;
    app::Periodic periodic("reminders", absl::Hours(1), [&] {
      auto made = reminders.Run();
      Check(made.status(), "turn");
      run = *made;
      done.Notify();
      return absl::OkStatus();
    });
    done.WaitForNotification();  // the first run, made at once
    return run;
  };

  // Clients calling GetMe and ListNotifications, each at rate / kClients
  // calls per second (or back to back); each call's latency is kept in
  // the slot it was due in: 2 × round while quiet, 2 × round + 1 during
  // that round's turn, and not kept at all in between.
  constexpr int kUnmeasured = -1;
  constexpr int kStop = -2;
  std::atomic<int> slot{kUnmeasured};
  std::mutex mu;
  std::vector<std::vector<double>> by_slot(2 * kRounds);
  std::vector<std::thread> clients;
  const auto interval = rate > 0 ? std::chrono::nanoseconds(1'000'000'000LL * kClients / rate)
                                 : std::chrono::nanoseconds(0);
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      std::vector<std::vector<double>> mine(2 * kRounds);
      // Staggered, so the clients' calls interleave.
      auto due = Steady::now() + interval * c / kClients;
      for (int i = 0; slot.load() != kStop; ++i) {
        if (rate > 0) {
          std::this_thread::sleep_until(due);
        } else {
          due = Steady::now();
        }
        const auto start = due;
        due += interval;
        const int at = slot.load();
        grpc::ClientContext context;
        context.AddMetadata("authorization", bearers[static_cast<size_t>(c)]);
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
        grpc::Status status;
        if (i % 2 == 0) {
          v1::GetMeResponse response;
          status = auth->GetMe(&context, v1::GetMeRequest(), &response);
        } else {
          v1::ListNotificationsResponse response;
          status =
              notifications->ListNotifications(&context, v1::ListNotificationsRequest(), &response);
        }
        const double ms = MillisSince(start);
        if (!status.ok()) {
          std::fprintf(stderr, "call failed: %s\n", status.error_message().c_str());
          std::exit(1);
        }
        if (at >= 0) mine[static_cast<size_t>(at)].push_back(ms);
      }
      std::lock_guard<std::mutex> lock(mu);
      for (size_t k = 0; k < mine.size(); ++k) {
        by_slot[k].insert(by_slot[k].end(), mine[k].begin(), mine[k].end());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));  // warm-up

  // Rounds of a quiet spell and a turn, the turn's reminders removed again
  // after each, so that the calls' latencies with and without a turn are
  // measured interleaved, over the same stretch of this machine's time.
  const auto compute_start = Steady::now();
  auto due = domain::Reminders(source, notices, profiles, goals, matching, clock,
                               domain::ListingSettings{},
                               domain::ReturnSettings{.zone = zone, .due_working_day = 5})
                 .SessionReminders(clock.Now());
  Check(due.status(), "session reminders");
  const double compute_ms = MillisSince(compute_start);
  std::vector<double> turn_ms;
  domain::ReminderRun first, again;
  double again_ms = 0;
  for (int round = 0; round < kRounds; ++round) {
    slot = 2 * round;
    std::this_thread::sleep_for(kQuiet);
    slot = 2 * round + 1;
    const auto turn_start = Steady::now();
    const domain::ReminderRun run = turn();
    turn_ms.push_back(MillisSince(turn_start));
    slot = kUnmeasured;
    if (round == 0) {
      first = run;
      // As after a restart: all found, none made again.
      const auto again_start = Steady::now();
      again = turn();
      again_ms = MillisSince(again_start);
    }
    Check((*db)->Write([](storage::Connection& c) {
      return c.Execute("DELETE FROM email_outbox; DELETE FROM notifications;");
    }),
          "remove the turn's reminders");
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  slot = kStop;
  for (auto& c : clients) c.join();

  std::printf("sessions in the same minute: %d (reminders owed: %zu)\n", sessions, due->size());
  std::printf("finding the session reminders:           %9.1f ms\n", compute_ms);
  std::printf("scheduler turn (find + write %d, %d new): %9.1f ms\n", first.considered, first.made,
              turn_ms[0]);
  std::printf("turn after a restart (%d found, %d new):  %9.1f ms\n", again.considered, again.made,
              again_ms);
  if (rate > 0) {
    std::printf("other calls (GetMe, ListNotifications) at a steady %d calls/s\n", rate);
  } else {
    std::printf("other calls (GetMe, ListNotifications) back to back from %d clients\n", kClients);
  }
  std::printf("%-40s %7s %11s %11s %11s\n", "", "calls", "p50", "p99", "max");
  std::vector<double> quiet_ms, during_ms;
  for (int round = 0; round < kRounds; ++round) {
    const auto& q = by_slot[static_cast<size_t>(2 * round)];
    const auto& d = by_slot[static_cast<size_t>(2 * round + 1)];
    quiet_ms.insert(quiet_ms.end(), q.begin(), q.end());
    during_ms.insert(during_ms.end(), d.begin(), d.end());
    PrintRow(absl::StrCat("round ", round + 1, ": quiet (5 s)").c_str(), Summarise(q));
    PrintRow(absl::StrCat("round ", round + 1, ": turn (", static_cast<int>(turn_ms[round]), " ms)")
                 .c_str(),
             Summarise(d));
  }
  const Latencies quiet = Summarise(quiet_ms);
  const Latencies during = Summarise(during_ms);
  PrintRow("all rounds: quiet", quiet);
  PrintRow("all rounds: during the turns", during);
  if (quiet.p99 > 0) std::printf("p99 during / quiet: %.2f\n", during.p99 / quiet.p99);
  (*server)->Shutdown(absl::Seconds(1));
  return first.made == 2 * sessions && again.made == 0 ? 0 : 2;
}

}  // namespace
}  // namespace tandem::bench

int main(int argc, char** argv) {
  const int sessions = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int rate = argc > 2 ? std::atoi(argv[2]) : 1000;
  return tandem::bench::Run(sessions, rate);
}
