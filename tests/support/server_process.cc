#include "tests/support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace tandem::testing {
namespace {

[[noreturn]] void Fail(const std::string& why) {
  std::fprintf(stderr, "ServerProcess: %s\n", why.c_str());
  std::abort();
}

/// The seeded demo database of this build's tandem-server.
class DemoTemplate {
 public:
  static const DemoTemplate& Get() {
    static const auto* made = new DemoTemplate();
    return *made;
  }
  void CopyTo(const std::string& db_path) const {
    for (const std::string suffix : {"", "-wal", ".notes-key"}) {
      const std::string from = dir_ + "/tandem.db" + suffix;
      if (!std::filesystem::exists(from)) continue;
      std::filesystem::copy_file(from, db_path + suffix,
                                 std::filesystem::copy_options::overwrite_existing);
      chmod((db_path + suffix).c_str(), 0600);
    }
  }

 private:
  DemoTemplate() {
    const std::string cache = TANDEM_TEST_CACHE_DIR;
    std::filesystem::create_directories(cache);
    struct stat binary {};
    stat(ServerBinary().c_str(), &binary);
    dir_ = cache + "/demo-" + std::to_string(binary.st_size) + "-" +
           std::to_string(binary.st_mtim.tv_sec) + "-" + std::to_string(binary.st_mtim.tv_nsec);
    const int lock = open((cache + "/demo.lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    flock(lock, LOCK_EX);
    const std::string ready = dir_ + "/ready";
    std::error_code error;
    const bool fresh = std::filesystem::exists(ready) &&
                       std::filesystem::last_write_time(ready, error) >
                           std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
    if (!fresh) {
      for (const auto& entry : std::filesystem::directory_iterator(cache, error)) {
        if (entry.is_directory() && entry.path().filename().string().rfind("demo-", 0) == 0) {
          std::filesystem::remove_all(entry.path(), error);
        }
      }
      std::filesystem::create_directories(dir_);
      ServerProcess seeding(dir_ + "/tandem.db", {"--demo-data"});
      // A clean stop leaves the whole database in the main file.
      seeding.Stop(SIGTERM);
      std::ofstream(ready) << "seeded\n";
    }
    flock(lock, LOCK_UN);
    close(lock);
  }
  std::string dir_;
};

}  // namespace

std::string ServerBinary() { return TANDEM_SERVER_BINARY; }

void CopyDemoDatabase(const std::string& db_path) { DemoTemplate::Get().CopyTo(db_path); }

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "tandem-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) Fail("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

ServerProcess::ServerProcess(std::string db_path, std::vector<std::string> extra_args)
    : db_path_(std::move(db_path)),
      extra_args_(std::move(extra_args)),
      log_path_(db_path_ + ".server.log") {
  // A new demo database: the seeded one, copied.
  if (std::find(extra_args_.begin(), extra_args_.end(), "--demo-data") != extra_args_.end() &&
      !std::filesystem::exists(db_path_) && db_path_.find("/demo-") == std::string::npos) {
    CopyDemoDatabase(db_path_);
  }
  Start();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop(SIGKILL);
}

void ServerProcess::Start() {
  int out[2];
  if (pipe(out) != 0) Fail("pipe failed");
  pid_ = fork();
  if (pid_ < 0) Fail("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (log >= 0) dup2(log, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<std::string> args = {ServerBinary(), "--listen", "127.0.0.1:0", "--db", db_path_};
    args.insert(args.end(), extra_args_.begin(), extra_args_.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // Read stdout until the "listening on" line (or EOF if the server died).
  std::string seen;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  const std::string marker = "tandem-server listening on ";
  while (std::chrono::steady_clock::now() < give_up) {
    char buffer[256];
    const ssize_t n = read(out[0], buffer, sizeof(buffer));
    if (n <= 0) break;
    seen.append(buffer, static_cast<size_t>(n));
    const auto at = seen.find(marker);
    const auto end = at == std::string::npos ? at : seen.find('\n', at);
    if (end != std::string::npos) {
      address_ = seen.substr(at + marker.size(), end - at - marker.size());
      break;
    }
  }
  close(out[0]);
  if (address_.empty()) Fail("server did not start; its log:\n" + Log());
}

int ServerProcess::Stop(int signal) {
  if (pid_ <= 0) return 0;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

std::string ServerProcess::Log() const {
  std::ifstream in(log_path_);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace tandem::testing
