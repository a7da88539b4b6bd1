#pragma once

#include <grpcpp/server.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/api/account_handler.h"
#include "server/api/activity_handler.h"
#include "server/api/auth_handler.h"
#include "server/api/call_guard.h"
#include "server/api/directory_handler.h"
#include "server/api/goal_handler.h"
#include "server/api/matching_handler.h"
#include "server/api/notification_handler.h"
#include "server/api/relationship_handler.h"
#include "server/api/safeguarding_handler.h"
#include "server/app/email_delivery.h"
#include "server/app/scheduler.h"
#include "server/domain/account_admin.h"
#include "server/domain/authenticator.h"
#include "server/domain/directory.h"
#include "server/domain/matching.h"
#include "server/domain/notifications.h"
#include "server/domain/reminders.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_activity_repository.h"
#include "server/storage/sqlite/sqlite_audit_repository.h"
#include "server/storage/sqlite/sqlite_auth_repositories.h"
#include "server/storage/sqlite/sqlite_goal_repository.h"
#include "server/storage/sqlite/sqlite_notification_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "server/storage/sqlite/sqlite_relationship_repository.h"
#include "server/storage/sqlite/sqlite_reminder_source.h"
#include "server/storage/sqlite/sqlite_request_repository.h"
#include "server/storage/sqlite/sqlite_safeguarding_repository.h"
#include "server/storage/sqlite/sqlite_session_repository.h"
#include "shared/clock.h"

namespace tandem::app {

/// The mail relay notifications are emailed through.
struct SmtpOptions {
  /// Empty: nothing is emailed (notifications show in the app only).
  std::string host;
  int port = 587;
  /// The sender's address, "Tandem <tandem@trust.nhs.uk>".
  std::string from;
  /// A file holding "user:password" for AUTH, owner-only; empty for none.
  std::string credentials_file;
  /// "starttls" (required), "none" (plain, loopback relays only) or "tls"
  /// (implicit TLS, port 465).
  std::string security = "starttls";
  /// Emails sent at most per minute.
  int max_per_minute = 60;
};

struct ServerOptions {
  std::string listen = "127.0.0.1:7443";
  std::string db_path = "tandem.db";
  bool demo_data = false;
  std::string tls_cert_path;
  std::string tls_key_path;
  absl::Duration session_ttl = absl::Hours(12);
  /// Threads serving calls at once; past it calls fail RESOURCE_EXHAUSTED.
  int max_threads = 32;
  /// Password hashes (64 MiB each) computed at once.
  int max_concurrent_hashes = 2;
  /// Supervision older than this unlists a coach.
  absl::Duration supervision_limit = absl::Hours(24 * 92);
  /// Working days a pool member has to answer a request before it returns
  /// to the waiting list.
  int request_answer_working_days = 5;
  /// The key that encrypts private session notes, kept outside the
  /// database; created (owner-only) on first start. Empty: "<db>.notes-key".
  std::string notes_key_path;
  /// Working days before an unacknowledged safeguarding concern also goes
  /// to the organisation's safeguarding lead.
  int concern_escalation_working_days = 2;
  /// The programme's time zone: its months, due days and figures.
  std::string time_zone = "Europe/London";
  /// A month's return is due by the end of this working day of the next.
  int return_due_working_day = 5;
  /// How often reminders are looked for.
  absl::Duration reminder_interval = absl::Seconds(30);
  /// How often an open notification stream also looks for notices written
  /// by another process (those of this one arrive at once).
  absl::Duration feed_poll = absl::Seconds(30);
  SmtpOptions smtp;
  /// Creates this organisation and a coordinator when the store is empty.
  std::string bootstrap_organisation;
  std::string bootstrap_coordinator_email;
};

/// The composition root: the only place that picks a storage backend and
/// wires storage, domain and API together.
class Server {
 public:
  /// Opens the store, seeds what the options ask for, and starts serving.
  static absl::StatusOr<std::unique_ptr<Server>> Start(const ServerOptions& options);
  ~Server();

  /// The address actually bound (with the real port when 0 was asked for).
  const std::string& address() const { return address_; }
  /// Blocks until Shutdown() has completed.
  void Wait();
  /// Stops accepting calls, lets in-flight calls finish (up to `grace`),
  /// then cancels the rest.
  void Shutdown(absl::Duration grace);

 private:
  Server() = default;
  absl::Status Seed(const ServerOptions& options);
  /// After demo data is seeded: the notices its inboxes would have had.
  absl::Status NoticeDemoInboxes();

  SystemClock clock_;
  bool seeded_demo_ = false;
  domain::ListingSettings listing_settings_;
  std::unique_ptr<storage::Database> database_;
  std::unique_ptr<storage::SqliteOrganisationRepository> organisations_;
  std::unique_ptr<storage::SqliteAccountRepository> accounts_;
  std::unique_ptr<storage::SqliteAuthSessionRepository> sessions_;
  std::unique_ptr<storage::SqliteSignInAttemptRepository> attempts_;
  std::unique_ptr<storage::SqliteProfileRepository> profiles_;
  std::unique_ptr<storage::SqliteRequestRepository> requests_;
  std::unique_ptr<storage::SqliteRelationshipRepository> relationship_store_;
  std::unique_ptr<storage::SqliteReceiptRepository> receipts_;
  std::unique_ptr<storage::SqliteAuditRepository> audit_;
  std::unique_ptr<storage::SqliteSessionRepository> session_store_;
  std::unique_ptr<storage::SqliteSafeguardingRepository> safeguarding_store_;
  std::unique_ptr<storage::SqliteGoalRepository> goal_store_;
  std::unique_ptr<storage::SqliteReturnRepository> return_store_;
  std::unique_ptr<storage::SqliteFiguresRepository> figure_store_;
  std::unique_ptr<storage::SqliteReachRepository> reach_store_;
  std::unique_ptr<domain::NoteCipher> note_cipher_;
  std::unique_ptr<domain::CandidatePool> candidate_pool_;
  std::unique_ptr<domain::PasswordHasher> hasher_;
  std::unique_ptr<domain::ConcurrencyLimiter> hashing_limiter_;
  std::unique_ptr<domain::Authenticator> authenticator_;
  std::unique_ptr<domain::AccountAdmin> account_admin_;
  std::unique_ptr<domain::Directory> directory_;
  std::unique_ptr<domain::Matching> matching_;
  std::unique_ptr<domain::Relationships> relationships_;
  std::unique_ptr<domain::Sessions> session_rules_;
  std::unique_ptr<domain::Safeguarding> safeguarding_;
  std::unique_ptr<domain::Goals> goals_;
  std::unique_ptr<domain::Returns> returns_;
  std::unique_ptr<domain::Figures> figures_;
  std::unique_ptr<domain::Reach> reach_;
  std::unique_ptr<domain::NoticeHub> notice_hub_;
  std::unique_ptr<storage::SqliteNotificationRepository> notification_store_;
  std::unique_ptr<storage::SqliteReminderSource> reminder_source_;
  std::unique_ptr<domain::Notifications> notifications_;
  std::unique_ptr<domain::Reminders> reminders_;
  api::CallerRegistry callers_;
  std::unique_ptr<api::CallGuard> guard_;
  std::unique_ptr<api::AuthHandler> auth_handler_;
  std::unique_ptr<api::AccountHandler> account_handler_;
  std::unique_ptr<api::DirectoryHandler> directory_handler_;
  std::unique_ptr<api::MatchingHandler> matching_handler_;
  std::unique_ptr<api::RelationshipHandler> relationship_handler_;
  std::unique_ptr<api::SafeguardingHandler> safeguarding_handler_;
  std::unique_ptr<api::GoalHandler> goal_handler_;
  std::unique_ptr<api::ActivityHandler> activity_handler_;
  std::unique_ptr<api::FiguresHandler> figures_handler_;
  std::unique_ptr<api::ReachHandler> reach_handler_;
  std::unique_ptr<api::NotificationFeed> notification_feed_;
  std::unique_ptr<api::NotificationHandler> notification_handler_;
  std::unique_ptr<grpc::Server> grpc_server_;
  // Background work, stopped before anything it uses.
  std::unique_ptr<Periodic> reminder_runs_;
  /// Null without --smtp-host.
  std::unique_ptr<EmailDelivery> email_delivery_;
  std::string address_;
};

/// True for 127.0.0.0/8, ::1 and localhost.
bool IsLoopbackAddress(const std::string& host_port);

}  // namespace tandem::app
