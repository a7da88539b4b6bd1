#pragma once

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/api/call_guard.h"
#include "server/domain/notifications.h"
#include "tandem/v1/notifications.grpc.pb.h"

namespace tandem::api {

class NotificationFeed;

/// tandem.v1.NotificationService. WatchNotifications is served by the
/// callback API (an open stream holds no thread); the rest are plain calls.
class NotificationHandler final
    : public v1::NotificationService::WithCallbackMethod_WatchNotifications<
          v1::NotificationService::Service> {
 public:
  NotificationHandler(CallGuard& guard, domain::Notifications& notifications,
                      NotificationFeed& feed, absl::TimeZone zone)
      : guard_(guard), notifications_(notifications), feed_(feed), zone_(zone) {}

  grpc::Status ListNotifications(grpc::ServerContext* context,
                                 const v1::ListNotificationsRequest* request,
                                 v1::ListNotificationsResponse* response) override;
  grpc::Status MarkNotificationsRead(grpc::ServerContext* context,
                                     const v1::MarkNotificationsReadRequest* request,
                                     v1::MarkNotificationsReadResponse* response) override;
  grpc::ServerWriteReactor<v1::WatchNotificationsResponse>* WatchNotifications(
      grpc::CallbackServerContext* context, const v1::WatchNotificationsRequest* request) override;
  grpc::Status GetNotificationPreferences(
      grpc::ServerContext* context, const v1::GetNotificationPreferencesRequest* request,
      v1::GetNotificationPreferencesResponse* response) override;
  grpc::Status SaveNotificationPreferences(
      grpc::ServerContext* context, const v1::SaveNotificationPreferencesRequest* request,
      v1::SaveNotificationPreferencesResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Notifications& notifications_;
  NotificationFeed& feed_;
  absl::TimeZone zone_;
};

/// One open WatchNotifications stream's state, shared by its reactor and
/// the feed.
struct Watcher;

/// The live feed: one thread that, whenever the hub says an account has
/// news (and every `poll` in any case, for notices written by another
/// process), sends each of that account's open streams what came after the
/// last notice it sent — so a stream gets every notice once, in order.
class NotificationFeed {
 public:
  NotificationFeed(domain::Notifications& notifications, domain::NoticeHub& hub,
                   absl::TimeZone zone, absl::Duration poll);
  ~NotificationFeed();
  NotificationFeed(const NotificationFeed&) = delete;
  NotificationFeed& operator=(const NotificationFeed&) = delete;

  /// A reactor for a new stream of `account_id` after `after_sequence`.
  grpc::ServerWriteReactor<v1::WatchNotificationsResponse>* Open(int64_t account_id,
                                                                 int64_t after_sequence);
  /// Ends every open stream (UNAVAILABLE: the client reconnects) and the
  /// thread; new streams are refused. Before the gRPC server shuts down.
  void Stop();
  /// Streams open now.
  int OpenCount();

 private:
  friend class WatchReactor;
  void Run();
  void Send(const std::shared_ptr<Watcher>& watcher);
  void Remove(const Watcher* watcher);

  domain::Notifications& notifications_;
  domain::NoticeHub& hub_;
  absl::TimeZone zone_;
  absl::Duration poll_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_map<int64_t, std::vector<std::shared_ptr<Watcher>>> watchers_
      ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace tandem::api
