// SearchProfiles benchmark: loads 100,000 profiles into a fresh SQLite file,
// then runs a mix of realistic searches through the real server over loopback
// gRPC and, as the floor, the same searches straight against the storage
// layer in the same process. Prints p50/p99 latency per query and the
// throughput of a 2-client mixed load.
//
//   bench/run-search-bench.sh [profiles]   (default 100000)

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "server/app/server.h"
#include "server/domain/directory.h"
#include "server/domain/password_hasher.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "server/storage/sqlite/sqlite_request_repository.h"
#include "tandem/v1/directory.grpc.pb.h"
#include "tandem/v1/identity.grpc.pb.h"

namespace tandem::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Loads `count` pool members (and their accounts) plus one coachee.
void Load(const std::string& path, int count) {
  auto db = storage::Database::Open(path, 1, storage::Database::Durability::kBulkLoad);
  Check(db.status(), "open");
  storage::SqliteOrganisationRepository organisations(**db);
  storage::SqliteAccountRepository accounts(**db);
  storage::SqliteProfileRepository profiles(**db);
  const absl::Time now = absl::Now();
  const std::vector<int64_t> orgs = CreateOrganisations(organisations, now);
  const domain::PasswordHasher hasher;
  Check(accounts
            .Create({.email = "bench.coachee@example.org",
                     .display_name = "Bench Coachee",
                     .organisation_id = orgs[0],
                     .roles = {domain::Role::kCoachee},
                     .password_hash = *hasher.Hash("bench-password"),
                     .password_change_required = false},
                    now)
            .status(),
        "coachee");
  LoadPool(accounts, profiles, orgs, count, now);
}

struct Query {
  std::string name;
  v1::SearchProfilesRequest request;
  int page = 1;  // measure this page (earlier pages are fetched to get the token)
};

std::vector<Query> Queries() {
  std::vector<Query> queries;
  auto add = [&](std::string name, auto edit, int page = 1) {
    Query q{std::move(name), {}, page};
    edit(q.request);
    queries.push_back(std::move(q));
  };
  using R = v1::SearchProfilesRequest;
  add("browse all, page 1", [](R&) {});
  add("filters: coaching, accepting, video", [](R& r) {
    r.set_kind(v1::SUPPORT_KIND_COACHING);
    r.set_accepting_only(true);
    r.set_delivery_mode(v1::DELIVERY_MODE_VIDEO);
  });
  add("filters: specialism + other orgs", [](R& r) {
    r.add_specialisms("clinical_leadership");
    r.set_organisation_scope(R::ORGANISATION_SCOPE_OTHERS);
  });
  add("filters: language + site (rare)", [](R& r) {
    r.set_language("welsh");
    r.set_site("north wing");
  });
  add("text: \"lead\" (broad prefix)", [](R& r) { r.set_query("lead"); });
  add("text: \"patel\" (name)", [](R& r) { r.set_query("patel"); });
  add("text: \"resilient nursing\"", [](R& r) { r.set_query("resilient nursing"); });
  add("text + filters: \"career\" mentoring", [](R& r) {
    r.set_query("career");
    r.set_kind(v1::SUPPORT_KIND_MENTORING);
    r.set_accepting_only(true);
  });
  add(
      "filters, deep page 10", [](R& r) { r.set_kind(v1::SUPPORT_KIND_COACHING); }, 10);
  add(
      "text \"coaching\", deep page 10", [](R& r) { r.set_query("coaching"); }, 10);
  return queries;
}

struct Stats {
  double p50_ms = 0, p99_ms = 0;
  int total = 0;
};

Stats Measure(int iterations, const std::function<int()>& call) {
  std::vector<double> ms;
  int total = 0;
  for (int i = 0; i < iterations; ++i) {
    const auto start = Clock::now();
    total = call();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)], total};
}

domain::SearchInput ToInput(const v1::SearchProfilesRequest& r) {
  domain::SearchInput in;
  in.query = r.query();
  if (r.kind() != 0) in.kind = static_cast<domain::SupportKind>(r.kind());
  in.specialisms.assign(r.specialisms().begin(), r.specialisms().end());
  if (r.organisation_scope() == v1::SearchProfilesRequest::ORGANISATION_SCOPE_OTHERS) {
    in.organisation_scope = domain::OrganisationScope::kOthers;
  }
  in.site = r.site();
  in.language = r.language();
  if (r.delivery_mode() != 0)
    in.delivery_mode = static_cast<domain::DeliveryMode>(r.delivery_mode());
  in.accepting_only = r.accepting_only();
  in.page_size = r.page_size();
  return in;
}

int Run(int count) {
  const std::string dir = (std::filesystem::temp_directory_path() / "tandem-search-bench").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/bench.db";
  std::fprintf(stderr, "loading %d profiles into %s ...\n", count, path.c_str());
  const auto load_start = Clock::now();
  Load(path, count);
  std::fprintf(stderr, "loaded in %.1f s\n",
               std::chrono::duration<double>(Clock::now() - load_start).count());

  if (std::getenv("TANDEM_BENCH_LOAD_ONLY") != nullptr) return 0;  // keep the file for EXPLAIN

  app::ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.db_path = path;
  auto server = app::Server::Start(options);
  Check(server.status(), "server");
  auto channel = grpc::CreateChannel((*server)->address(), grpc::InsecureChannelCredentials());
  auto auth = v1::AuthService::NewStub(channel);
  auto directory = v1::DirectoryService::NewStub(channel);
  v1::SignInRequest sign_in;
  sign_in.set_email("bench.coachee@example.org");
  sign_in.set_password("bench-password");
  v1::SignInResponse signed_in;
  {
    grpc::ClientContext context;
    if (!auth->SignIn(&context, sign_in, &signed_in).ok()) return 1;
  }
  const std::string bearer = "Bearer " + signed_in.token();

  // The floor: the same searches through the domain-free storage layer on a
  // separate connection to the same file.
  auto direct_db = storage::Database::Open(path, 1);
  Check(direct_db.status(), "open direct");
  storage::SqliteProfileRepository direct(**direct_db);
  domain::Principal caller;
  caller.account.id = signed_in.account().id();
  caller.account.organisation_id = signed_in.account().organisation_id();
  caller.account.roles = {domain::Role::kCoachee};
  const domain::ListingSettings listing;
  SystemClock clock;
  storage::SqliteAccountRepository direct_accounts(**direct_db);
  storage::SqliteRequestRepository direct_requests(**direct_db);
  domain::Directory direct_directory(direct, direct_accounts, direct_requests, clock, listing);

  auto grpc_search = [&](v1::SearchProfilesRequest request, int page) {
    v1::SearchProfilesResponse response;
    for (int p = 1; p <= page; ++p) {
      grpc::ClientContext context;
      context.AddMetadata("authorization", bearer);
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
      const grpc::Status status = directory->SearchProfiles(&context, request, &response);
      if (!status.ok()) {
        std::fprintf(stderr, "search failed: %s\n", status.error_message().c_str());
        std::exit(1);
      }
      request.set_page_token(response.next_page_token());
    }
    return response.total_count();
  };
  constexpr int kIterations = 200;
  std::printf("\nSearchProfiles over %d profiles, %d calls per query, page size 20\n", count,
              kIterations);
  std::printf("%-40s %9s | %9s %9s | %9s %9s | %6s\n", "query", "matches", "gRPC p50", "gRPC p99",
              "direct p50", "direct p99", "ratio");
  for (const Query& q : Queries()) {
    // Deep pages: time only the last page, with the token from the pages before.
    v1::SearchProfilesRequest request = q.request;
    std::string token;
    domain::SearchInput direct_in = ToInput(request);
    if (q.page > 1) {
      v1::SearchProfilesResponse response;
      for (int p = 1; p < q.page; ++p) {
        grpc::ClientContext context;
        context.AddMetadata("authorization", bearer);
        directory->SearchProfiles(&context, request, &response);
        request.set_page_token(response.next_page_token());
        auto d = direct_directory.Search(caller, direct_in);
        direct_in.page_token = d->next_page_token;
      }
    }
    const Stats via_grpc = Measure(kIterations, [&] { return grpc_search(request, 1); });
    const Stats via_direct = Measure(kIterations, [&] {
      auto result = direct_directory.Search(caller, direct_in);
      Check(result.status(), "direct");
      return result->total_count;
    });
    std::printf("%-40s %9d | %7.2fms %7.2fms | %7.2fms %7.2fms | %5.2fx\n", q.name.c_str(),
                via_grpc.total, via_grpc.p50_ms, via_grpc.p99_ms, via_direct.p50_ms,
                via_direct.p99_ms, via_grpc.p99_ms / std::max(0.001, via_direct.p99_ms));
  }

  // Throughput: two client threads cycling through the mix for 5 seconds.
  const auto queries = Queries();
  std::atomic<int> calls{0};
  std::vector<double> all_ms;
  std::mutex all_mu;
  const auto until = Clock::now() + std::chrono::seconds(5);
  std::vector<std::thread> clients;
  for (int t = 0; t < 2; ++t) {
    clients.emplace_back([&, t] {
      std::vector<double> mine;
      for (size_t i = t; Clock::now() < until; ++i) {
        const Query& q = queries[i % queries.size()];
        if (q.page > 1) continue;
        const auto start = Clock::now();
        grpc_search(q.request, 1);
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        ++calls;
      }
      std::lock_guard<std::mutex> lock(all_mu);
      all_ms.insert(all_ms.end(), mine.begin(), mine.end());
    });
  }
  for (auto& c : clients) c.join();
  std::sort(all_ms.begin(), all_ms.end());
  std::printf("\nmixed load, 2 client threads, 5 s: %.0f searches/s, p50 %.2f ms, p99 %.2f ms\n",
              calls.load() / 5.0, all_ms[all_ms.size() / 2], all_ms[all_ms.size() * 99 / 100]);
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
