#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace tandem::testing {

/// A temporary directory removed (with its contents) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// The real tandem-server binary run as a child process on a free loopback
/// port, for tests that talk to it over gRPC.
class ServerProcess {
 public:
  /// Starts `tandem-server --listen 127.0.0.1:0 --db <db_path> <extra_args>`
  /// and waits for its "listening on" line. Aborts the test binary if the
  /// server does not come up within 60 s.
  ServerProcess(std::string db_path, std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  const std::string& address() const { return address_; }
  pid_t pid() const { return pid_; }
  /// Sends `signal` and waits for the process to exit; returns its wait
  /// status.
  int Stop(int signal);
  /// Everything the server wrote to stderr so far (its log).
  std::string Log() const;

 private:
  void Start();

  std::string db_path_;
  std::vector<std::string> extra_args_;
  std::string log_path_;
  std::string address_;
  pid_t pid_ = -1;
};

/// Path of the tandem-server binary under test.
std::string ServerBinary();

/// Puts the demo programme's database (and its notes key) at `db_path`: a
/// copy of one seeded once per build tree, so that each test starts its own
/// server on its own database in a second rather than seeding for a quarter
/// of a minute. ctest runs each test in a process of its own, so the seeded
/// database is kept in the build tree — under a lock, made again when
/// tandem-server changes or when it is an hour old (the demo's requests are
/// dated from when it was seeded). A ServerProcess started with
/// --demo-data on a database that does not exist yet uses it.
void CopyDemoDatabase(const std::string& db_path);

}  // namespace tandem::testing
