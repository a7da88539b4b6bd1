#include "server/app/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/resource_quota.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "server/api/logging_interceptor.h"
#include "server/app/key_file.h"
#include "server/domain/demo_data.h"
#include "server/domain/demo_goals.h"
#include "shared/limits.h"
#include "shared/logger.h"
#include "shared/status_macros.h"

namespace tandem::app {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path, absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("Cannot read the ", what, " file ", path, "."));
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerOptions& options) {
  if (options.tls_cert_path.empty() != options.tls_key_path.empty()) {
    return absl::InvalidArgumentError("--tls-cert and --tls-key must be given together.");
  }
  if (options.tls_cert_path.empty()) {
    if (!IsLoopbackAddress(options.listen)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "Refusing to listen on ", options.listen,
          " without TLS: plaintext is only allowed on loopback. Give --tls-cert and --tls-key."));
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions ssl;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  ASSIGN_OR_RETURN(pair.cert_chain, ReadFile(options.tls_cert_path, "TLS certificate"));
  ASSIGN_OR_RETURN(pair.private_key, ReadFile(options.tls_key_path, "TLS key"));
  ssl.pem_key_cert_pairs.push_back(std::move(pair));
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

bool IsLoopbackAddress(const std::string& host_port) {
  return absl::StartsWith(host_port, "127.") || absl::StartsWith(host_port, "localhost:") ||
         absl::StartsWith(host_port, "[::1]:");
}

absl::StatusOr<std::unique_ptr<Server>> Server::Start(const ServerOptions& options) {
#ifdef NDEBUG
  // Debian builds Abseil without NDEBUG, so every absl::Mutex lock also
  // updated a process-wide lock graph to detect deadlocks (5% of the
  // server's CPU on the cheapest call). Debug builds and the tests keep it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
#endif
  if (options.request_answer_working_days < 1 || options.request_answer_working_days > 60) {
    return absl::InvalidArgumentError("--request-answer-working-days must be 1 to 60.");
  }
  if (options.concern_escalation_working_days < 0 || options.concern_escalation_working_days > 20) {
    return absl::InvalidArgumentError("--concern-escalation-working-days must be 0 to 20.");
  }
  if (options.return_due_working_day < 1 || options.return_due_working_day > 20) {
    return absl::InvalidArgumentError("--return-due-working-day must be 1 to 20.");
  }
  domain::ReturnSettings return_settings{.due_working_day = options.return_due_working_day};
  if (!absl::LoadTimeZone(options.time_zone, &return_settings.zone)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--time-zone ", options.time_zone,
                     " is not a time zone this machine knows (such as "
                     "Europe/London; the tzdata package has them)."));
  }
  ASSIGN_OR_RETURN(auto credentials, Credentials(options));
  std::unique_ptr<Server> server(new Server());
  // Checked before the database is touched, so a wrong flag fails at once.
  ASSIGN_OR_RETURN(server->email_delivery_, EmailDelivery::Create(options.smtp, server->clock_));
  ASSIGN_OR_RETURN(server->database_, storage::Database::Open(options.db_path));
  server->organisations_ =
      std::make_unique<storage::SqliteOrganisationRepository>(*server->database_);
  server->accounts_ = std::make_unique<storage::SqliteAccountRepository>(*server->database_);
  server->sessions_ = std::make_unique<storage::SqliteAuthSessionRepository>(*server->database_);
  server->attempts_ = std::make_unique<storage::SqliteSignInAttemptRepository>(*server->database_);
  server->profiles_ = std::make_unique<storage::SqliteProfileRepository>(*server->database_);
  server->requests_ = std::make_unique<storage::SqliteRequestRepository>(*server->database_);
  server->relationship_store_ =
      std::make_unique<storage::SqliteRelationshipRepository>(*server->database_);
  server->receipts_ = std::make_unique<storage::SqliteReceiptRepository>(*server->database_);
  server->audit_ = std::make_unique<storage::SqliteAuditRepository>(*server->database_);
  server->candidate_pool_ = std::make_unique<domain::CandidatePool>(*server->profiles_);
  server->hasher_ = std::make_unique<domain::PasswordHasher>();
  server->hashing_limiter_ =
      std::make_unique<domain::ConcurrencyLimiter>(options.max_concurrent_hashes);
  server->authenticator_ = std::make_unique<domain::Authenticator>(
      *server->accounts_, *server->organisations_, *server->sessions_, *server->attempts_,
      *server->hasher_, *server->hashing_limiter_, server->clock_,
      domain::AuthSettings{.session_ttl = options.session_ttl});
  server->account_admin_ = std::make_unique<domain::AccountAdmin>(
      *server->accounts_, *server->organisations_, *server->hasher_, *server->hashing_limiter_,
      server->clock_);
  server->listing_settings_.supervision_limit = options.supervision_limit;
  server->directory_ = std::make_unique<domain::Directory>(*server->profiles_, *server->accounts_,
                                                           *server->requests_, server->clock_,
                                                           server->listing_settings_);
  server->matching_ = std::make_unique<domain::Matching>(
      *server->requests_, *server->profiles_, *server->candidate_pool_, server->clock_,
      domain::MatchingSettings{.listing = server->listing_settings_,
                               .answer_working_days = options.request_answer_working_days});
  server->relationships_ = std::make_unique<domain::Relationships>(
      *server->relationship_store_, *server->receipts_, server->clock_);
  server->session_store_ = std::make_unique<storage::SqliteSessionRepository>(*server->database_);
  // The notes key lives outside the database, so a copy of the database
  // file alone reveals no private notes.
  ASSIGN_OR_RETURN(std::string key, LoadOrCreateKeyFile(options.notes_key_path.empty()
                                                            ? options.db_path + ".notes-key"
                                                            : options.notes_key_path));
  ASSIGN_OR_RETURN(server->note_cipher_, domain::NoteCipher::Create(key));
  std::fill(key.begin(), key.end(), '\0');
  server->session_rules_ = std::make_unique<domain::Sessions>(
      *server->session_store_, *server->relationship_store_, *server->receipts_, *server->audit_,
      *server->profiles_, *server->note_cipher_, server->clock_);
  server->safeguarding_store_ =
      std::make_unique<storage::SqliteSafeguardingRepository>(*server->database_);
  server->safeguarding_ = std::make_unique<domain::Safeguarding>(
      *server->safeguarding_store_, *server->relationship_store_, *server->receipts_,
      *server->accounts_, *server->note_cipher_, *server->audit_, server->clock_,
      options.concern_escalation_working_days);
  server->goal_store_ = std::make_unique<storage::SqliteGoalRepository>(*server->database_);
  server->goals_ = std::make_unique<domain::Goals>(
      *server->goal_store_, *server->relationship_store_, *server->session_store_,
      *server->receipts_, *server->profiles_, *server->note_cipher_, server->clock_);
  server->return_store_ = std::make_unique<storage::SqliteReturnRepository>(*server->database_);
  server->figure_store_ = std::make_unique<storage::SqliteFiguresRepository>(*server->database_);
  server->reach_store_ = std::make_unique<storage::SqliteReachRepository>(*server->database_);
  server->reach_ = std::make_unique<domain::Reach>(*server->reach_store_, server->clock_);
  server->returns_ = std::make_unique<domain::Returns>(*server->return_store_, *server->receipts_,
                                                       *server->profiles_, *server->note_cipher_,
                                                       server->clock_, return_settings);
  server->figures_ = std::make_unique<domain::Figures>(
      *server->figure_store_, *server->figure_store_, *server->reach_store_, *server->profiles_,
      *server->organisations_, *server->note_cipher_, server->clock_, server->listing_settings_,
      return_settings);
  // Records made before agreed actions were sealed are sealed now.
  ASSIGN_OR_RETURN(const int sealed, server->session_rules_->SealPlainActions());
  if (sealed > 0) LogInfo(absl::StrCat("sealed the agreed actions of ", sealed, " sessions"));
  RETURN_IF_ERROR(server->Seed(options));
  // From here on, notices are made in the transactions of the writes that
  // cause them (the demo's history, seeded above, made none).
  server->notice_hub_ = std::make_unique<domain::NoticeHub>();
  const bool email = !options.smtp.host.empty();
  server->notification_store_ = std::make_unique<storage::SqliteNotificationRepository>(
      *server->database_, server->clock_, *server->notice_hub_,
      storage::NotificationStoreSettings{.zone = return_settings.zone, .email = email});
  server->notifications_ = std::make_unique<domain::Notifications>(*server->notification_store_,
                                                                   *server->notice_hub_, email);
  server->reminder_source_ = std::make_unique<storage::SqliteReminderSource>(*server->database_);
  server->reminders_ = std::make_unique<domain::Reminders>(
      *server->reminder_source_, *server->notification_store_, *server->profiles_, *server->goals_,
      *server->matching_, server->clock_, server->listing_settings_, return_settings);
  if (!email) {
    LogInfo("no --smtp-host: notifications are shown in the app only; nothing is emailed");
  }
  if (server->seeded_demo_) RETURN_IF_ERROR(server->NoticeDemoInboxes());

  server->guard_ = std::make_unique<api::CallGuard>(*server->authenticator_, server->callers_);
  server->auth_handler_ = std::make_unique<api::AuthHandler>(
      *server->guard_, *server->authenticator_, *server->organisations_);
  server->account_handler_ =
      std::make_unique<api::AccountHandler>(*server->guard_, *server->account_admin_);
  server->directory_handler_ =
      std::make_unique<api::DirectoryHandler>(*server->guard_, *server->directory_);
  server->matching_handler_ = std::make_unique<api::MatchingHandler>(
      *server->guard_, *server->matching_, *server->directory_);
  server->relationship_handler_ = std::make_unique<api::RelationshipHandler>(
      *server->guard_, *server->relationships_, *server->session_rules_);
  server->safeguarding_handler_ =
      std::make_unique<api::SafeguardingHandler>(*server->guard_, *server->safeguarding_);
  server->goal_handler_ = std::make_unique<api::GoalHandler>(*server->guard_, *server->goals_);
  server->activity_handler_ =
      std::make_unique<api::ActivityHandler>(*server->guard_, *server->returns_);
  server->figures_handler_ =
      std::make_unique<api::FiguresHandler>(*server->guard_, *server->figures_);
  server->reach_handler_ = std::make_unique<api::ReachHandler>(*server->guard_, *server->reach_);
  server->notification_feed_ = std::make_unique<api::NotificationFeed>(
      *server->notifications_, *server->notice_hub_, return_settings.zone, options.feed_poll);
  server->notification_handler_ = std::make_unique<api::NotificationHandler>(
      *server->guard_, *server->notifications_, *server->notification_feed_, return_settings.zone);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, credentials, &port);
  builder.RegisterService(server->auth_handler_.get());
  builder.RegisterService(server->account_handler_.get());
  builder.RegisterService(server->directory_handler_.get());
  builder.RegisterService(server->matching_handler_.get());
  builder.RegisterService(server->relationship_handler_.get());
  builder.RegisterService(server->safeguarding_handler_.get());
  builder.RegisterService(server->goal_handler_.get());
  builder.RegisterService(server->activity_handler_.get());
  builder.RegisterService(server->figures_handler_.get());
  builder.RegisterService(server->reach_handler_.get());
  builder.RegisterService(server->notification_handler_.get());
  builder.SetMaxReceiveMessageSize(limits::kMaxRequestBytes);
  // Beyond max_threads busy threads, new calls are refused with
  // RESOURCE_EXHAUSTED instead of piling up.
  grpc::ResourceQuota quota("tandem");
  quota.SetMaxThreads(options.max_threads);
  builder.SetResourceQuota(quota);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, 64);
  // An open notification stream is idle for long spells: ping to find
  // clients that vanished, and let clients ping to keep it open.
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 60 * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20 * 1000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10 * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<api::LoggingInterceptorFactory>(server->callers_));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  server->grpc_server_ = builder.BuildAndStart();
  if (server->grpc_server_ == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("Cannot listen on ", options.listen, ": the address is in use or not valid."));
  }
  const auto colon = options.listen.rfind(':');
  server->address_ = absl::StrCat(options.listen.substr(0, colon), ":", port);
  server->reminder_runs_ = std::make_unique<Periodic>(
      "reminders", options.reminder_interval,
      [reminders = server->reminders_.get()]() -> absl::Status {
        ASSIGN_OR_RETURN(const domain::ReminderRun run, reminders->Run());
        if (run.made > 0) LogInfo(absl::StrCat("reminders: made ", run.made));
        return absl::OkStatus();
      });
  if (server->email_delivery_ != nullptr) {
    server->email_delivery_->Start(*server->notification_store_);
  }
  return server;
}

absl::Status Server::Seed(const ServerOptions& options) {
  if (options.demo_data) {
    // Seeded only into an empty store; on a later start the demo's inboxes
    // must not be told again of requests made since (they were told then).
    ASSIGN_OR_RETURN(const int64_t accounts_before, accounts_->Count());
    ASSIGN_OR_RETURN(const auto sign_ins,
                     domain::SeedDemoData(
                         *organisations_, *accounts_, *profiles_, *requests_, *safeguarding_store_,
                         *hasher_, clock_, listing_settings_, options.request_answer_working_days,
                         [&](const std::vector<domain::Account>& staff,
                             const std::vector<domain::Account>& members) {
                           return domain::SeedDemoGoals({.requests = *requests_,
                                                         .relationships = *relationship_store_,
                                                         .sessions = *session_store_,
                                                         .goals = *goal_store_,
                                                         .receipts = *receipts_,
                                                         .audit = *audit_,
                                                         .profiles = *profiles_,
                                                         .returns = *return_store_,
                                                         .cipher = *note_cipher_,
                                                         .return_settings = returns_->settings()},
                                                        staff, members, clock_.Now());
                         }));
    seeded_demo_ = accounts_before == 0 && !sign_ins.empty();
    std::string lines = "demo data ready. Sign in with any of these (password ";
    absl::StrAppend(&lines, domain::kDemoPassword, "):");
    for (const auto& sign_in : sign_ins) {
      absl::StrAppend(&lines, "\n    ", sign_in.role, ": ", sign_in.email);
    }
    LogInfo(lines);
  }
  if (!options.bootstrap_coordinator_email.empty()) {
    ASSIGN_OR_RETURN(const auto created,
                     account_admin_->BootstrapFirstCoordinator(
                         options.bootstrap_organisation, options.bootstrap_coordinator_email));
    if (!created) {
      LogInfo("bootstrap: the store already has accounts; nothing created");
    } else {
      LogInfo(absl::StrCat("bootstrap: created coordinator ", created->account.email,
                           " with temporary password ", created->temporary_password,
                           " (shown once; it must be changed at first sign-in)"));
    }
  }
  return absl::OkStatus();
}

absl::Status Server::NoticeDemoInboxes() {
  // The demo's history was written before notices were made: its pool
  // members hear of the requests waiting in their inboxes as they would
  // have when each came in.
  ASSIGN_OR_RETURN(const std::vector<domain::PendingRequest> pending, requests_->ListPending());
  std::vector<domain::Notice> notices;
  for (const domain::PendingRequest& p : pending) {
    notices.push_back({.recipient_id = p.member_id,
                       .kind = domain::NoticeKind::kRequestReceived,
                       .facts = {.support = p.kind},
                       .screen = domain::NoticeScreen::kInbox,
                       .once_key = absl::StrCat("demo/request/", p.request_id)});
  }
  return notification_store_->Write(notices).status();
}

Server::~Server() {
  if (grpc_server_ != nullptr) Shutdown(absl::ZeroDuration());
}

void Server::Wait() { grpc_server_->Wait(); }

void Server::Shutdown(absl::Duration grace) {
  // First: a send under way is cut short and stays due.
  if (email_delivery_ != nullptr) email_delivery_->Stop();
  if (reminder_runs_ != nullptr) {
    reminders_->Stop();
    reminder_runs_->Stop();
  }
  if (auto* health = grpc_server_->GetHealthCheckService()) health->Shutdown();
  // Open streams end first (the app reconnects to the next server).
  notification_feed_->Stop();
  grpc_server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
}

}  // namespace tandem::app
