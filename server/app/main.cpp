// tandem-server: the Tandem gRPC service on an embedded SQLite file.

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "server/app/server.h"
#include "shared/logger.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:7443",
          "HOST:PORT to listen on; port 0 picks a free one. Plaintext only on loopback.");
ABSL_FLAG(std::string, db, "tandem.db", "SQLite database file (created if missing).");
ABSL_FLAG(bool, demo_data, false,
          "Seed a deterministic demo programme if the database has no accounts, and print "
          "its sign-in details.");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain; enables TLS with --tls-key.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key for --tls-cert.");
ABSL_FLAG(absl::Duration, session_ttl, absl::Hours(12), "How long a sign-in token works.");
ABSL_FLAG(int, max_threads, 32, "Calls served at once; beyond it calls get RESOURCE_EXHAUSTED.");
ABSL_FLAG(std::string, bootstrap_organisation, "",
          "With --bootstrap-coordinator: the first organisation, created if the store is empty.");
ABSL_FLAG(std::string, bootstrap_coordinator, "",
          "Email of a first coordinator, created with a temporary password (printed once) if "
          "the store is empty.");
ABSL_FLAG(int, supervision_limit_days, 92,
          "A coach whose last supervision is older than this many days is unlisted.");
ABSL_FLAG(std::string, notes_key_file, "",
          "The key file that encrypts private session notes (created owner-only on first start); "
          "default: the database path + \".notes-key\".");
ABSL_FLAG(int, concern_escalation_working_days, 2,
          "Working days before an unacknowledged safeguarding concern also goes to the "
          "organisation's safeguarding lead.");
ABSL_FLAG(int, request_answer_working_days, 5,
          "Working days a coach or mentor has to answer a request before it returns to the "
          "waiting list.");
ABSL_FLAG(std::string, time_zone, "Europe/London",
          "The programme's time zone (an IANA name): its calendar months, due days and figures.");
ABSL_FLAG(int, return_due_working_day, 5,
          "A month's return is due by the end of this working day of the next month (1 to 20).");
ABSL_FLAG(absl::Duration, reminder_interval, absl::Seconds(30),
          "How often reminders (sessions, records, reviews, returns, lapsing supervision) are "
          "looked for.");
ABSL_FLAG(std::string, smtp_host, "",
          "The mail relay notifications are emailed through (a host name or address); without "
          "it nothing is emailed.");
ABSL_FLAG(int, smtp_port, 587, "The mail relay's port (587 for starttls, 465 for tls).");
ABSL_FLAG(std::string, smtp_from, "",
          "The address emails come from, e.g. \"Tandem <tandem@trust.nhs.uk>\" (needed with "
          "--smtp-host).");
ABSL_FLAG(std::string, smtp_credentials_file, "",
          "A file holding one line, user:password, for the relay's AUTH; it must be readable by "
          "its owner only (chmod 600). Without it, no AUTH.");
ABSL_FLAG(std::string, smtp_security, "starttls",
          "starttls (required before anything is sent), tls (implicit TLS, port 465), or none "
          "(unencrypted: only to a relay on this machine).");
ABSL_FLAG(int, smtp_max_per_minute, 60, "Emails handed to the relay at most in any minute.");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "On SIGINT/SIGTERM, how long in-flight calls may take to finish.");

namespace {

// Flags are documented with dashes (--demo-data); Abseil names them with
// underscores. Rewrite the name part of each "--flag[=value]" argument.
std::vector<std::string> DashesToUnderscores(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (size_t i = 1; i < args.size(); ++i) {
    std::string& arg = args[i];
    if (arg == "--") break;
    if (arg.rfind("--", 0) != 0) continue;
    const size_t end = std::min(arg.find('='), arg.size());
    std::replace(arg.begin() + 2, arg.begin() + static_cast<std::ptrdiff_t>(end), '-', '_');
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("tandem-server [flags] — the Tandem coaching and mentoring hub");
  std::vector<std::string> args = DashesToUnderscores(argc, argv);
  std::vector<char*> arg_pointers;
  for (std::string& arg : args) arg_pointers.push_back(arg.data());
  absl::ParseCommandLine(static_cast<int>(arg_pointers.size()), arg_pointers.data());

  // Block the shutdown signals before any thread starts, so every thread
  // inherits the mask and only the waiter below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  tandem::app::ServerOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.db_path = absl::GetFlag(FLAGS_db);
  options.demo_data = absl::GetFlag(FLAGS_demo_data);
  options.tls_cert_path = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key_path = absl::GetFlag(FLAGS_tls_key);
  options.session_ttl = absl::GetFlag(FLAGS_session_ttl);
  options.max_threads = absl::GetFlag(FLAGS_max_threads);
  options.supervision_limit = absl::Hours(24) * absl::GetFlag(FLAGS_supervision_limit_days);
  options.request_answer_working_days = absl::GetFlag(FLAGS_request_answer_working_days);
  options.notes_key_path = absl::GetFlag(FLAGS_notes_key_file);
  options.concern_escalation_working_days = absl::GetFlag(FLAGS_concern_escalation_working_days);
  options.time_zone = absl::GetFlag(FLAGS_time_zone);
  options.return_due_working_day = absl::GetFlag(FLAGS_return_due_working_day);
  options.reminder_interval = absl::GetFlag(FLAGS_reminder_interval);
  options.smtp.host = absl::GetFlag(FLAGS_smtp_host);
  options.smtp.port = absl::GetFlag(FLAGS_smtp_port);
  options.smtp.from = absl::GetFlag(FLAGS_smtp_from);
  options.smtp.credentials_file = absl::GetFlag(FLAGS_smtp_credentials_file);
  options.smtp.security = absl::GetFlag(FLAGS_smtp_security);
  options.smtp.max_per_minute = absl::GetFlag(FLAGS_smtp_max_per_minute);
  options.bootstrap_organisation = absl::GetFlag(FLAGS_bootstrap_organisation);
  options.bootstrap_coordinator_email = absl::GetFlag(FLAGS_bootstrap_coordinator);

  auto server = tandem::app::Server::Start(options);
  if (!server.ok()) {
    tandem::LogError(absl::StrCat("tandem-server cannot start: ", server.status().message()));
    return 1;
  }
  // Tests and scripts wait for this exact line on stdout.
  std::printf("tandem-server listening on %s\n", (*server)->address().c_str());
  std::fflush(stdout);
  tandem::LogInfo(
      absl::StrCat("serving on ", (*server)->address(), " with database ", options.db_path));

  const absl::Duration grace = absl::GetFlag(FLAGS_shutdown_grace);
  std::thread waiter([&signals, &server, grace] {
    int received = 0;
    sigwait(&signals, &received);
    tandem::LogInfo(absl::StrCat("received ", received == SIGINT ? "SIGINT" : "SIGTERM",
                                 "; finishing in-flight calls"));
    (*server)->Shutdown(grace);
  });
  (*server)->Wait();
  waiter.join();
  server->reset();  // closes the database cleanly
  tandem::LogInfo("stopped");
  return 0;
}
