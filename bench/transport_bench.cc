// Transport benchmark (issue 15): what one of Tandem's cheapest calls costs
// next to the floor, a bare grpc++ server answering the same RPC with the
// same messages and nothing else (no authentication, no database, no
// interceptors, the builder's defaults), built with the same library.
//
// Both servers run in a child process, so that its CPU time (from
// /proc/<pid>/stat) is the servers' alone; this process is the client: one
// thread, one call at a time, alternating between the two servers in
// rounds. For each it prints calls/s, p50, p99 and the server's CPU per
// call, and the ratios Tandem / bare.
//
//   bench/run-transport-bench.sh [rounds] [seconds per round]   (default 5, 3)

#include <grpcpp/grpcpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "server/app/server.h"
#include "server/domain/password_hasher.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "tandem/v1/identity.grpc.pb.h"

namespace tandem::bench {
namespace {

using Steady = std::chrono::steady_clock;

constexpr char kEmail[] = "coachee@example.org";
constexpr char kPassword[] = "bench-password";

/// The floor: GetMe answered with a fixed account of the same shape as
/// Tandem's answer, by a plain synchronous service.
class BareAuth final : public v1::AuthService::Service {
 public:
  grpc::Status GetMe(grpc::ServerContext*, const v1::GetMeRequest*,
                     v1::GetMeResponse* response) override {
    response->CopyFrom(answer_);
    return grpc::Status::OK;
  }
  void set_answer(v1::GetMeResponse answer) { answer_ = std::move(answer); }

 private:
  v1::GetMeResponse answer_;
};

/// The child: both servers; writes their addresses to `out` and serves
/// until `in` closes.
[[noreturn]] void Serve(const std::string& dir, int out, int in) {
  const std::string path = dir + "/bench.db";
  {
    auto db = storage::Database::Open(path, 1);
    Check(db.status(), "open");
    storage::SqliteOrganisationRepository organisations(**db);
    storage::SqliteAccountRepository accounts(**db);
    const std::vector<int64_t> orgs = CreateOrganisations(organisations, absl::Now());
    auto hash = domain::PasswordHasher().Hash(kPassword);
    Check(hash.status(), "hash");
    Check(accounts
              .Create({.email = kEmail,
                       .display_name = "Amara Adeyemi",
                       .organisation_id = orgs[0],
                       .roles = {domain::Role::kCoachee},
                       .password_hash = *hash,
                       .password_change_required = false},
                      absl::Now())
              .status(),
          "account");
  }
  app::ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.db_path = path;
  options.reminder_interval = absl::Hours(1);
  auto tandem = app::Server::Start(options);
  Check(tandem.status(), "server");

  BareAuth bare;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&bare);
  std::unique_ptr<grpc::Server> bare_server = builder.BuildAndStart();

  const std::string addresses = absl::StrCat((*tandem)->address(), " 127.0.0.1:", port, "\n");
  Check(write(out, addresses.data(), addresses.size()) == static_cast<ssize_t>(addresses.size())
            ? absl::OkStatus()
            : absl::InternalError("write"),
        "addresses");
  // The answer the bare server gives is Tandem's own, read once here.
  char byte;
  while (read(in, &byte, 1) == 1) {
    // A line from the parent: the serialized answer's size, then itself.
    std::string size_text;
    size_text.push_back(byte);
    while (read(in, &byte, 1) == 1 && byte != '\n') size_text.push_back(byte);
    std::string bytes(static_cast<size_t>(std::stoul(size_text)), '\0');
    size_t got = 0;
    while (got < bytes.size()) {
      const ssize_t n = read(in, bytes.data() + got, bytes.size() - got);
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    v1::GetMeResponse answer;
    answer.ParseFromString(bytes);
    bare.set_answer(std::move(answer));
  }
  bare_server->Shutdown();
  (*tandem)->Shutdown(absl::Seconds(1));
  std::_Exit(0);
}

/// The child's CPU time (user + system) so far, in microseconds.
double CpuMicros(pid_t pid) {
  std::ifstream stat(absl::StrCat("/proc/", pid, "/stat"));
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command name (which may hold spaces) in parentheses.
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
  }
  return ticks * 1e6 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

/// Calls to one server: their latencies, the server's CPU time and the
/// wall time they took; rounds add up.
struct Calls {
  std::vector<double> ms;
  double cpu_us = 0;
  double seconds = 0;
  void Add(const Calls& more) {
    ms.insert(ms.end(), more.ms.begin(), more.ms.end());
    cpu_us += more.cpu_us;
    seconds += more.seconds;
  }
};

Calls Measure(pid_t child, v1::AuthService::Stub& stub, const std::string& bearer, double seconds) {
  Calls round;
  const double cpu_start = CpuMicros(child);
  const auto start = Steady::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  while (Steady::now() < end) {
    grpc::ClientContext context;
    if (!bearer.empty()) context.AddMetadata("authorization", bearer);
    const auto call_start = Steady::now();
    v1::GetMeResponse response;
    const grpc::Status status = stub.GetMe(&context, v1::GetMeRequest(), &response);
    round.ms.push_back(MillisSince(call_start));
    if (!status.ok()) {
      std::fprintf(stderr, "GetMe failed: %s\n", status.error_message().c_str());
      std::exit(1);
    }
  }
  round.seconds = MillisSince(start) / 1000;
  round.cpu_us = CpuMicros(child) - cpu_start;
  return round;
}

void PrintRow(const char* name, const Calls& t) {
  const Latencies l = Summarise(t.ms);
  std::printf("%-34s %9.0f %9.3fms %9.3fms %10.1fus\n", name, t.ms.size() / t.seconds, l.p50, l.p99,
              t.cpu_us / static_cast<double>(t.ms.size()));
}

int Run(int rounds, double seconds) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "tandem-transport-bench").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  int to_parent[2], to_child[2];
  if (pipe(to_parent) != 0 || pipe(to_child) != 0) return 1;
  const pid_t child = fork();
  if (child == 0) {
    close(to_parent[0]);
    close(to_child[1]);
    Serve(dir, to_parent[1], to_child[0]);
  }
  close(to_parent[1]);
  close(to_child[0]);
  std::string line;
  char byte;
  while (read(to_parent[0], &byte, 1) == 1 && byte != '\n') line.push_back(byte);
  const std::string tandem_address = line.substr(0, line.find(' '));
  const std::string bare_address = line.substr(line.find(' ') + 1);

  auto tandem_channel = grpc::CreateChannel(tandem_address, grpc::InsecureChannelCredentials());
  auto bare_channel = grpc::CreateChannel(bare_address, grpc::InsecureChannelCredentials());
  auto auth = v1::AuthService::NewStub(tandem_channel);
  auto bare = v1::AuthService::NewStub(bare_channel);
  v1::SignInRequest request;
  request.set_email(kEmail);
  request.set_password(kPassword);
  v1::SignInResponse signed_in;
  {
    grpc::ClientContext context;
    const grpc::Status status = auth->SignIn(&context, request, &signed_in);
    if (!status.ok()) {
      std::fprintf(stderr, "sign-in failed: %s\n", status.error_message().c_str());
      return 1;
    }
  }
  const std::string bearer = "Bearer " + signed_in.token();
  // The bare server answers with what Tandem answers.
  {
    grpc::ClientContext context;
    context.AddMetadata("authorization", bearer);
    v1::GetMeResponse me;
    Check(auth->GetMe(&context, v1::GetMeRequest(), &me).ok() ? absl::OkStatus()
                                                              : absl::InternalError("GetMe"),
          "GetMe");
    const std::string bytes = me.SerializeAsString();
    const std::string message = absl::StrCat(bytes.size(), "\n", bytes);
    Check(write(to_child[1], message.data(), message.size()) == static_cast<ssize_t>(message.size())
              ? absl::OkStatus()
              : absl::InternalError("write"),
          "answer");
    std::printf("GetMe answer: %zu bytes\n", bytes.size());
  }
  // Warm-up, then alternating rounds.
  Measure(child, *bare, "", 1);
  Measure(child, *auth, bearer, 1);
  Calls bare_total, tandem_total;
  for (int r = 0; r < rounds; ++r) {
    bare_total.Add(Measure(child, *bare, "", seconds));
    tandem_total.Add(Measure(child, *auth, bearer, seconds));
  }
  close(to_child[1]);
  int status = 0;
  waitpid(child, &status, 0);

  std::printf("%d rounds of %.0f s each, alternating; one client thread, one call at a time\n",
              rounds, seconds);
  std::printf("%-34s %9s %11s %11s %12s\n", "", "calls/s", "p50", "p99", "server CPU");
  PrintRow("bare grpc++ GetMe (floor)", bare_total);
  PrintRow("Tandem GetMe (authenticated)", tandem_total);
  const Latencies b = Summarise(bare_total.ms);
  const Latencies t = Summarise(tandem_total.ms);
  const double b_cpu = bare_total.cpu_us / static_cast<double>(bare_total.ms.size());
  const double t_cpu = tandem_total.cpu_us / static_cast<double>(tandem_total.ms.size());
  std::printf("Tandem / bare: CPU per call %.2fx, p50 %.2fx, p99 %.2fx, calls/s %.2fx\n",
              t_cpu / b_cpu, t.p50 / b.p50, t.p99 / b.p99,
              (static_cast<double>(tandem_total.ms.size()) / tandem_total.seconds) /
                  (static_cast<double>(bare_total.ms.size()) / bare_total.seconds));
  return 0;
}

}  // namespace
}  // namespace tandem::bench

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 5;
  const double seconds = argc > 2 ? std::atof(argv[2]) : 3;
  return tandem::bench::Run(rounds, seconds);
}
