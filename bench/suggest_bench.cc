// SuggestMatches benchmark: loads 100,000 profiles (the same ones as
// search_bench) and a few hundred coachees with one WAITING request each into
// a fresh SQLite file, then asks the real server over loopback gRPC for the
// best 5 pool members for those requests, one client and then two at once.
// As the floor, the same Matching::Suggest runs in the same process without
// gRPC; a breakdown of one call's steps shows where the time goes.
//
//   bench/run-suggest-bench.sh [profiles]   (default 100000)

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "server/app/server.h"
#include "server/domain/directory.h"
#include "server/domain/matching.h"
#include "server/domain/password_hasher.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "server/storage/sqlite/sqlite_request_repository.h"
#include "shared/clock.h"
#include "tandem/v1/identity.grpc.pb.h"
#include "tandem/v1/matching.grpc.pb.h"

namespace tandem::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kCoachees = 300;
constexpr int kLimit = 5;
constexpr int kCalls = 2000;
constexpr int kStepCalls = 500;
constexpr char kPassword[] = "bench-password";

constexpr std::array<const char*, 6> kGaps = {
    "I have just stepped up to lead a team and want to grow into the role with confidence.",
    "I would like to plan the next step in my career and understand what I need to get there.",
    "Returning after a long absence, I want support to settle back in and find my feet.",
    "I want to lead a service improvement project and bring the team with me.",
    "I struggle to balance a demanding rota with everything else and want to change that.",
    "I would like to develop as an inclusive leader and build a stronger team culture."};

struct Coachee {
  domain::Principal principal;  // for the in-process calls
  std::string email;
  int64_t request_id = 0;
  domain::SupportRequest request;
  std::string bearer;  // after signing in
};

void PrintRow(const char* name, const Latencies& l) {
  std::printf("%-46s %6d %8.2fms %8.2fms %8.2fms %8.2fms %8.2fms\n", name, l.calls, l.p50, l.p90,
              l.p99, l.max, l.mean);
}

// Loads the pool, then `count_coachees` coachees each with one WAITING
// request validated as the server would validate it.
std::vector<Coachee> Load(const std::string& path, int count, int count_coachees) {
  auto db = storage::Database::Open(path, 1, storage::Database::Durability::kBulkLoad);
  Check(db.status(), "open");
  storage::SqliteOrganisationRepository organisations(**db);
  storage::SqliteAccountRepository accounts(**db);
  storage::SqliteProfileRepository profiles(**db);
  storage::SqliteRequestRepository requests(**db);
  const absl::Time now = absl::Now();
  const std::vector<int64_t> orgs = CreateOrganisations(organisations, now);
  const std::vector<int64_t> members = LoadPool(accounts, profiles, orgs, count, now);
  auto taxonomy = profiles.ListSpecialisms();
  Check(taxonomy.status(), "taxonomy");
  // One argon2id hash for everyone's password, as the demo data does.
  const domain::PasswordHasher hasher;
  auto hash = hasher.Hash(kPassword);
  Check(hash.status(), "hash");

  Random random(7);
  std::vector<Coachee> coachees;
  for (int i = 0; i < count_coachees; ++i) {
    Coachee c;
    c.email = absl::StrCat("coachee", i, "@example.org");
    auto account =
        accounts.Create({.email = c.email,
                         .display_name = absl::StrCat(random.Pick(kFirst), " ", random.Pick(kLast)),
                         .organisation_id = orgs[random.Below(static_cast<int>(orgs.size()))],
                         .roles = {domain::Role::kCoachee},
                         .password_hash = *hash,
                         .password_change_required = false},
                        now);
    Check(account.status(), "coachee");
    c.principal.account = *account;

    // Two in three ask for coaching; mentoring needs the mentee's pay band.
    domain::RequestInput in;
    in.kind =
        random.Below(3) == 0 ? domain::SupportKind::kMentoring : domain::SupportKind::kCoaching;
    in.gap = random.Pick(kGaps);
    const size_t themes = 1 + static_cast<size_t>(random.Below(3));
    while (in.themes.size() < themes) {
      const std::string theme = random.Pick(kSpecialisms);
      if (std::find(in.themes.begin(), in.themes.end(), theme) == in.themes.end()) {
        in.themes.push_back(theme);
      }
    }
    if (random.Below(2) == 0)
      in.delivery_mode = static_cast<domain::DeliveryMode>(1 + random.Below(3));
    if (random.Below(4) == 0) in.site = random.Pick(kSites);
    if (random.Below(5) == 0) in.language = random.Below(2) == 0 ? "Welsh" : "English";
    const int preference = random.Below(6);
    if (preference < 2) {
      in.organisation_preference = static_cast<domain::OrganisationPreference>(1 + preference);
    }
    if (random.Below(2) == 0) in.profession = random.Pick(kProfessions);
    if (in.kind == domain::SupportKind::kMentoring || random.Below(2) == 0)
      in.pay_band = 3 + random.Below(6);
    // Some keep their line manager or team out.
    if (random.Below(5) == 0 && !members.empty()) {
      for (int a = 1 + random.Below(3); a > 0; --a) {
        in.avoid_account_ids.push_back(members[random.Below(static_cast<int>(members.size()))]);
      }
    }
    auto details = domain::ValidateRequestInput(in, *taxonomy);
    Check(details.status(), "request details");

    domain::SupportRequest r;
    r.details = *std::move(details);
    r.coachee_id = account->id;
    r.coachee_organisation_id = account->organisation_id;
    r.created_at = now - absl::Minutes(random.Below(60 * 24 * 40));
    r.waiting_since = r.created_at;
    auto created = requests.Create(r);
    Check(created.status(), "request");
    c.request_id = created->id;
    c.request = *std::move(created);
    coachees.push_back(std::move(c));
  }
  return coachees;
}

struct Range {
  int min = std::numeric_limits<int>::max();
  int max = 0;
  int requests = 0;
  void Add(int value) {
    min = std::min(min, value);
    max = std::max(max, value);
    ++requests;
  }
};

int Run(int count) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "tandem-suggest-bench").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/bench.db";
  std::fprintf(stderr, "loading %d profiles and %d coachees into %s ...\n", count, kCoachees,
               path.c_str());
  const auto load_start = Clock::now();
  std::vector<Coachee> coachees = Load(path, count, kCoachees);
  std::fprintf(stderr, "loaded in %.1f s\n", MillisSince(load_start) / 1000);

  if (std::getenv("TANDEM_BENCH_LOAD_ONLY") != nullptr) return 0;  // keep the file for EXPLAIN

  app::ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.db_path = path;
  auto server = app::Server::Start(options);
  Check(server.status(), "server");
  auto channel = grpc::CreateChannel((*server)->address(), grpc::InsecureChannelCredentials());
  auto auth = v1::AuthService::NewStub(channel);
  auto matching = v1::MatchingService::NewStub(channel);

  // Every sign-in verifies an argon2id hash (the server runs two at once).
  const auto sign_in_start = Clock::now();
  {
    std::vector<std::thread> signers;
    for (size_t t = 0; t < 2; ++t) {
      signers.emplace_back([&, t] {
        for (size_t i = t; i < coachees.size(); i += 2) {
          v1::SignInRequest request;
          request.set_email(coachees[i].email);
          request.set_password(kPassword);
          v1::SignInResponse response;
          grpc::ClientContext context;
          const grpc::Status status = auth->SignIn(&context, request, &response);
          if (!status.ok()) {
            std::fprintf(stderr, "sign-in failed: %s\n", status.error_message().c_str());
            std::exit(1);
          }
          coachees[i].bearer = "Bearer " + response.token();
        }
      });
    }
    for (auto& s : signers) s.join();
  }
  std::fprintf(stderr, "signed in %zu coachees in %.1f s\n", coachees.size(),
               MillisSince(sign_in_start) / 1000);

  auto grpc_suggest = [&](const Coachee& c, v1::SuggestMatchesResponse* response) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", c.bearer);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    v1::SuggestMatchesRequest request;
    request.set_request_id(c.request_id);
    request.set_limit(kLimit);
    const grpc::Status status = matching->SuggestMatches(&context, request, response);
    if (!status.ok()) {
      std::fprintf(stderr, "SuggestMatches failed: %s\n", status.error_message().c_str());
      std::exit(1);
    }
  };

  // The first call finds the server's pool empty and reads every profile.
  v1::SuggestMatchesResponse first;
  const auto first_start = Clock::now();
  grpc_suggest(coachees[0], &first);
  const double first_grpc_ms = MillisSince(first_start);

  // One call per request: what each is scored against, and a sanity check.
  std::vector<int> eligible(coachees.size());
  Range coaching, mentoring;
  size_t fewest = kLimit;
  std::vector<double> warm_ms;
  for (size_t i = 0; i < coachees.size(); ++i) {
    v1::SuggestMatchesResponse response;
    const auto start = Clock::now();
    grpc_suggest(coachees[i], &response);
    warm_ms.push_back(MillisSince(start));
    eligible[i] = response.eligible_count();
    (coachees[i].request.details.kind == domain::SupportKind::kCoaching ? coaching : mentoring)
        .Add(response.eligible_count());
    fewest = std::min(fewest, static_cast<size_t>(response.suggestions_size()));
  }

  // One client, calls back to back, cycling through the requests.
  std::vector<double> one_ms;
  one_ms.reserve(kCalls);
  for (int i = 0; i < kCalls; ++i) {
    v1::SuggestMatchesResponse response;
    const auto start = Clock::now();
    grpc_suggest(coachees[static_cast<size_t>(i) % coachees.size()], &response);
    one_ms.push_back(MillisSince(start));
  }

  // Two clients at once, kCalls between them.
  std::vector<double> two_ms;
  std::mutex two_mu;
  const auto two_start = Clock::now();
  {
    std::vector<std::thread> clients;
    for (int t = 0; t < 2; ++t) {
      clients.emplace_back([&, t] {
        std::vector<double> mine;
        for (int i = t; i < kCalls; i += 2) {
          v1::SuggestMatchesResponse response;
          const auto start = Clock::now();
          grpc_suggest(coachees[static_cast<size_t>(i * 7) % coachees.size()], &response);
          mine.push_back(MillisSince(start));
        }
        std::lock_guard<std::mutex> lock(two_mu);
        two_ms.insert(two_ms.end(), mine.begin(), mine.end());
      });
    }
    for (auto& c : clients) c.join();
  }
  const double two_seconds = MillisSince(two_start) / 1000;

  // The floor: Matching::Suggest in this process, on its own connection and
  // its own pool, with no gRPC, no sign-in check and no profile views.
  auto direct_db = storage::Database::Open(path, 2);
  Check(direct_db.status(), "open direct");
  storage::SqliteProfileRepository direct_profiles(**direct_db);
  storage::SqliteAccountRepository direct_accounts(**direct_db);
  storage::SqliteRequestRepository direct_requests(**direct_db);
  domain::CandidatePool direct_pool(direct_profiles);
  SystemClock clock;
  const domain::MatchingSettings settings;
  domain::Matching direct(direct_requests, direct_profiles, direct_pool, clock, settings);
  domain::Directory directory(direct_profiles, direct_accounts, direct_requests, clock,
                              settings.listing);
  auto direct_suggest = [&](const Coachee& c) {
    auto found = direct.Suggest(c.principal, c.request_id, kLimit);
    Check(found.status(), "direct suggest");
    return *std::move(found);
  };
  const auto first_direct_start = Clock::now();
  direct_suggest(coachees[0]);
  const double first_direct_ms = MillisSince(first_direct_start);
  size_t pool_size = 0;
  Check(direct_pool.Read(
            [&](const domain::CandidatePool& pool) { pool_size = pool.profiles().size(); }),
        "pool size");
  std::vector<domain::Suggestions> direct_found(coachees.size());
  for (size_t i = 0; i < coachees.size(); ++i) {
    direct_found[i] = direct_suggest(coachees[i]);
    if (direct_found[i].eligible_count != eligible[i]) {
      std::fprintf(stderr, "eligible_count differs for request %lld: gRPC %d, in-process %d\n",
                   static_cast<long long>(coachees[i].request_id), eligible[i],
                   direct_found[i].eligible_count);
      return 1;
    }
  }
  std::vector<double> direct_ms;
  direct_ms.reserve(kCalls);
  for (int i = 0; i < kCalls; ++i) {
    const auto start = Clock::now();
    direct_suggest(coachees[static_cast<size_t>(i) % coachees.size()]);
    direct_ms.push_back(MillisSince(start));
  }

  // Where one call's time goes: each step of the call on its own.
  const auto time_step = [&](const std::function<void(const Coachee&, size_t)>& step) {
    std::vector<double> ms;
    for (int i = 0; i < kStepCalls; ++i) {
      const size_t at = static_cast<size_t>(i) % coachees.size();
      const auto start = Clock::now();
      step(coachees[at], at);
      ms.push_back(MillisSince(start));
    }
    return Summarise(std::move(ms));
  };
  const Latencies stale =
      time_step([&](const Coachee&, size_t) { Check(direct.ReturnStale(), "stale"); });
  const Latencies get = time_step([&](const Coachee& c, size_t) {
    Check(direct_requests.Get(c.request_id).status(), "get");
    Check(direct_requests.GetWeights(c.principal.account.organisation_id).status(), "weights");
  });
  const Latencies catch_up = time_step([&](const Coachee&, size_t) {
    Check(direct_pool.Read([](const domain::CandidatePool&) {}), "catch up");
  });
  std::vector<double> scan_ms;
  const domain::MatchWeights weights;
  time_step([&](const Coachee& c, size_t) {
    Check(direct_pool.Read([&](const domain::CandidatePool& pool) {
      const auto start = Clock::now();
      const absl::Time now = clock.Now();
      const domain::PreparedSeeker seeker =
          domain::Prepare(domain::SeekerOf(c.request), pool.vocabulary());
      int64_t best = 0;
      for (const domain::MatchProfile& member : pool.profiles()) {
        if (domain::HardRuleBroken(seeker, member, now) != nullptr) continue;
        best = std::max(best, domain::ScorePoints(seeker, member, weights, now));
      }
      scan_ms.push_back(MillisSince(start));
      if (best < 0) std::abort();  // keeps the loop from being optimised away
    }),
          "scan");
  });
  const Latencies scan = Summarise(scan_ms);
  const Latencies views = time_step([&](const Coachee& c, size_t at) {
    for (const domain::Suggestion& s : direct_found[at].suggestions) {
      Check(directory.GetProfile(c.principal, s.member_id).status(), "profile view");
    }
  });

  std::printf(
      "\nSuggestMatches over %d profiles (%zu in the pool), %zu coachees with one WAITING "
      "request each, limit %d\n",
      count, pool_size, coachees.size(), kLimit);
  std::printf("eligible_count per call (members passing every hard rule, each scored):\n");
  std::printf("  coaching  %3d requests: %d to %d\n", coaching.requests, coaching.min,
              coaching.max);
  std::printf("  mentoring %3d requests: %d to %d\n", mentoring.requests, mentoring.min,
              mentoring.max);
  std::printf("fewest suggestions returned: %zu of %d\n", fewest, kLimit);
  std::printf("first call (loads the pool into memory): gRPC %.1f ms, in-process %.1f ms\n",
              first_grpc_ms, first_direct_ms);
  if (first.suggestions_size() > 0) {
    const v1::Suggestion& top = first.suggestions(0);
    std::printf("example: request %lld (%s, themes %s) -> %s, score %d: %s\n",
                static_cast<long long>(coachees[0].request_id),
                coachees[0].request.details.kind == domain::SupportKind::kCoaching ? "coaching"
                                                                                   : "mentoring",
                absl::StrJoin(coachees[0].request.details.themes, ", ").c_str(),
                top.profile().display_name().c_str(), top.score(),
                absl::StrJoin(top.reasons(), "; ").c_str());
  }

  std::printf("\n%-46s %6s %10s %10s %10s %10s %10s\n", "", "calls", "p50", "p90", "p99", "max",
              "mean");
  PrintRow("gRPC, each request once (after first call)", Summarise(warm_ms));
  const Latencies one = Summarise(one_ms);
  PrintRow("gRPC, 1 client", one);
  const Latencies two = Summarise(two_ms);
  PrintRow("gRPC, 2 concurrent clients", two);
  const Latencies floor = Summarise(direct_ms);
  PrintRow("in-process Matching::Suggest (floor)", floor);
  std::printf("\n2 concurrent clients: %.0f calls/s (1 client: %.0f calls/s)\n",
              static_cast<double>(two_ms.size()) / two_seconds, 1000.0 / one.mean);
  std::printf("gRPC / in-process p99: %.2fx\n", one.p99 / std::max(0.001, floor.p99));
  const auto verdict = [](double p99) { return p99 <= 20 ? "met" : "MISSED"; };
  std::printf(
      "target p99 <= 20 ms through gRPC: 1 client %s (%.2f ms), 2 concurrent clients %s "
      "(%.2f ms)\n",
      verdict(one.p99), one.p99, verdict(two.p99), two.p99);

  std::printf("\nwhere one call goes (in-process, each step alone, %d calls):\n", kStepCalls);
  PrintRow("  ReturnStale (pending list + WhyStale)", stale);
  PrintRow("  read the request and its weights", get);
  PrintRow("  pool catch-up (ChangedSince, no changes)", catch_up);
  PrintRow("  hard rules + score over the whole pool", scan);
  PrintRow("  handler: Directory::GetProfile x suggestions", views);

  // "Run matching" for everyone waiting, as a coordinator of every
  // organisation: the whole pool is checked against each request.
  domain::Principal coordinator;
  coordinator.account.roles = {domain::Role::kCoordinator};
  for (const Coachee& c : coachees) {
    coordinator.account.coordinated_organisation_ids.push_back(c.principal.account.organisation_id);
  }
  auto& orgs = coordinator.account.coordinated_organisation_ids;
  std::sort(orgs.begin(), orgs.end());
  orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
  std::printf("\nRun matching (in-process Matching::Propose) for %zu waiting over the pool:\n",
              coachees.size());
  for (int run = 0; run < 3; ++run) {
    const auto start = Clock::now();
    const auto proposal = direct.Propose(coordinator);
    Check(proposal.status(), "propose");
    std::printf(
        "  run %d: %6.0f ms in all, solver %4lld ms | %zu pairs, %zu unmatched, total score %lld, "
        "%d members with places, %lld pairs kept for the solver\n",
        run + 1, MillisSince(start),
        static_cast<long long>(absl::ToInt64Milliseconds(proposal->solve_time)),
        proposal->pairs.size(), proposal->unmatched.size(),
        static_cast<long long>(proposal->total_score), proposal->members_considered,
        static_cast<long long>(proposal->pairs_considered));
  }

  (*server)->Shutdown(absl::Seconds(1));
  if (std::getenv("TANDEM_BENCH_KEEP") == nullptr) std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace tandem::bench

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
  return tandem::bench::Run(count);
}
