#include "server/api/notification_handler.h"

#include <deque>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "server/api/mapping.h"
#include "server/domain/notice_templates.h"
#include "shared/logger.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

using domain::NoticeKind;
using domain::NoticeScreen;
using domain::Principal;

static_assert(Same(NoticeKind::kRequestReceived, v1::NOTIFICATION_KIND_REQUEST_RECEIVED) &&
              Same(NoticeKind::kRequestReturned, v1::NOTIFICATION_KIND_REQUEST_RETURNED) &&
              Same(NoticeKind::kSessionSoon, v1::NOTIFICATION_KIND_SESSION_SOON) &&
              Same(NoticeKind::kReturnOverdue, v1::NOTIFICATION_KIND_RETURN_OVERDUE) &&
              Same(NoticeKind::kConcernEscalated, v1::NOTIFICATION_KIND_CONCERN_ESCALATED) &&
              domain::kMaxNoticeKind == v1::NotificationKind_MAX);
static_assert(Same(NoticeScreen::kInbox, v1::NOTIFICATION_SCREEN_INBOX) &&
              Same(NoticeScreen::kRelationship, v1::NOTIFICATION_SCREEN_RELATIONSHIP) &&
              Same(NoticeScreen::kMonthlyReturn, v1::NOTIFICATION_SCREEN_MONTHLY_RETURN) &&
              Same(NoticeScreen::kConcerns, v1::NOTIFICATION_SCREEN_CONCERNS) &&
              v1::NotificationScreen_MAX == 8);

std::string Method(absl::string_view name) {
  return absl::StrCat("/tandem.v1.NotificationService/", name);
}

void ToProto(const domain::StoredNotice& stored, absl::TimeZone zone, v1::Notification* out) {
  const domain::Notice& notice = stored.notice;
  const domain::NoticeText text = domain::RenderNotice(notice, zone);
  out->set_sequence(stored.sequence);
  out->set_kind(static_cast<v1::NotificationKind>(notice.kind));
  out->set_title(text.title);
  out->set_detail(text.detail);
  out->set_created_at_unix(absl::ToUnixSeconds(stored.created_at));
  out->set_read(stored.read);
  v1::NotificationLink* link = out->mutable_link();
  link->set_screen(static_cast<v1::NotificationScreen>(notice.screen));
  if (notice.screen == NoticeScreen::kRelationship ||
      notice.screen == NoticeScreen::kRecordSession) {
    link->set_relationship_id(notice.relationship_id);
  }
  if (notice.screen == NoticeScreen::kMonthlyReturn && notice.facts.month) {
    link->set_month(absl::FormatCivilTime(*notice.facts.month));
  }
}

void ToProto(const domain::PreferencesView& view, v1::NotificationPreferences* out) {
  for (const domain::KindChoice& choice : view.preferences.kinds) {
    v1::KindPreference* kind = out->add_kinds();
    kind->set_kind(static_cast<v1::NotificationKind>(choice.kind));
    kind->set_email(choice.email);
  }
  out->set_quiet_from_minute(view.preferences.quiet_from_minute);
  out->set_quiet_to_minute(view.preferences.quiet_to_minute);
  out->set_email_address(view.email_address);
  out->set_email_available(view.email_available);
}

}  // namespace

// ---- Plain calls -------------------------------------------------------------

grpc::Status NotificationHandler::ListNotifications(grpc::ServerContext* context,
                                                    const v1::ListNotificationsRequest* request,
                                                    v1::ListNotificationsResponse* response) {
  return guard_.Serve(
      context, Method("ListNotifications"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const domain::NoticePage page,
                         notifications_.List(caller, request->before_sequence(),
                                             request->page_size(), request->unread_only()));
        for (const domain::StoredNotice& n : page.notices) {
          ToProto(n, zone_, response->add_notifications());
        }
        response->set_more(page.more);
        response->set_unread_count(page.unread);
        return absl::OkStatus();
      });
}

grpc::Status NotificationHandler::MarkNotificationsRead(
    grpc::ServerContext* context, const v1::MarkNotificationsReadRequest* request,
    v1::MarkNotificationsReadResponse* response) {
  return guard_.Serve(
      context, Method("MarkNotificationsRead"), [&](const Principal& caller) -> absl::Status {
        const std::vector<int64_t> sequences(request->sequences().begin(),
                                             request->sequences().end());
        ASSIGN_OR_RETURN(const int unread,
                         notifications_.MarkRead(caller, sequences, request->up_to_sequence()));
        response->set_unread_count(unread);
        return absl::OkStatus();
      });
}

grpc::Status NotificationHandler::GetNotificationPreferences(
    grpc::ServerContext* context, const v1::GetNotificationPreferencesRequest* /*request*/,
    v1::GetNotificationPreferencesResponse* response) {
  return guard_.Serve(
      context, Method("GetNotificationPreferences"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const domain::PreferencesView view, notifications_.Preferences(caller));
        ToProto(view, response->mutable_preferences());
        return absl::OkStatus();
      });
}

grpc::Status NotificationHandler::SaveNotificationPreferences(
    grpc::ServerContext* context, const v1::SaveNotificationPreferencesRequest* request,
    v1::SaveNotificationPreferencesResponse* response) {
  return guard_.Serve(
      context, Method("SaveNotificationPreferences"), [&](const Principal& caller) -> absl::Status {
        const v1::NotificationPreferences& in = request->preferences();
        domain::NoticePreferences preferences{.quiet_from_minute = in.quiet_from_minute(),
                                              .quiet_to_minute = in.quiet_to_minute()};
        for (int i = 0; i < in.kinds_size(); ++i) {
          const std::string field = absl::StrCat("preferences.kinds[", i, "].kind");
          if (in.kinds(i).kind() == v1::NOTIFICATION_KIND_UNSPECIFIED) {
            return absl::InvalidArgumentError(
                absl::StrCat(field, ": must be a kind of notification"));
          }
          ASSIGN_OR_RETURN(
              const NoticeKind kind,
              EnumFromProto<NoticeKind>(in.kinds(i).kind(), v1::NotificationKind_IsValid, field));
          preferences.kinds.push_back({.kind = kind, .email = in.kinds(i).email()});
        }
        ASSIGN_OR_RETURN(const domain::PreferencesView view,
                         notifications_.SavePreferences(caller, preferences));
        ToProto(view, response->mutable_preferences());
        return absl::OkStatus();
      });
}

// ---- The live feed -------------------------------------------------------------

class WatchReactor;

struct Watcher {
  explicit Watcher(int64_t account, int64_t after) : account_id(account), last_sequence(after) {}

  const int64_t account_id;
  // The feed's thread only.
  int64_t last_sequence;
  int last_unread = -1;

  absl::Mutex mu;
  WatchReactor* reactor ABSL_GUARDED_BY(mu) = nullptr;  // null once done
  std::deque<v1::WatchNotificationsResponse> queue ABSL_GUARDED_BY(mu);
  bool writing ABSL_GUARDED_BY(mu) = false;
  std::optional<grpc::Status> finish ABSL_GUARDED_BY(mu);  // once ending
  bool finished ABSL_GUARDED_BY(mu) = false;
  int in_call ABSL_GUARDED_BY(mu) = 0;  // feed calls into the reactor
};

/// One stream. Writes one message at a time from its watcher's queue. The
/// feed never calls into it under the watcher's lock (a reaction may run
/// inline), and OnDone waits for any such call to return before it goes.
class WatchReactor final : public grpc::ServerWriteReactor<v1::WatchNotificationsResponse> {
 public:
  WatchReactor(NotificationFeed& feed, std::shared_ptr<Watcher> watcher)
      : feed_(feed), watcher_(std::move(watcher)) {
    absl::MutexLock lock(&watcher_->mu);
    watcher_->reactor = this;
  }

  /// From the feed: queues a message, and starts writing if idle.
  static void Deliver(Watcher& w, v1::WatchNotificationsResponse message) {
    WatchReactor* reactor = nullptr;
    const v1::WatchNotificationsResponse* first = nullptr;
    {
      absl::MutexLock lock(&w.mu);
      if (w.reactor == nullptr || w.finish) return;
      w.queue.push_back(std::move(message));
      if (w.writing) return;
      w.writing = true;
      first = &w.queue.front();
      reactor = w.reactor;
      ++w.in_call;
    }
    reactor->StartWrite(first);
    absl::MutexLock lock(&w.mu);
    --w.in_call;
  }

  /// From the feed: ends the stream with `status` once the write under
  /// way (if any) is done.
  static void End(Watcher& w, const grpc::Status& status) {
    WatchReactor* reactor = nullptr;
    {
      absl::MutexLock lock(&w.mu);
      if (w.reactor == nullptr || w.finish) return;
      w.finish = status;
      if (w.writing) return;  // OnWriteDone finishes it
      w.finished = true;
      reactor = w.reactor;
      ++w.in_call;
    }
    reactor->Finish(status);
    absl::MutexLock lock(&w.mu);
    --w.in_call;
  }

  void OnWriteDone(bool ok) override {
    const v1::WatchNotificationsResponse* next = nullptr;
    std::optional<grpc::Status> finish;
    {
      absl::MutexLock lock(&watcher_->mu);
      if (!ok && !watcher_->finish) watcher_->finish = grpc::Status::CANCELLED;
      watcher_->queue.pop_front();
      if (!watcher_->finish && !watcher_->queue.empty()) {
        next = &watcher_->queue.front();
      } else {
        watcher_->writing = false;
        if (watcher_->finish && !watcher_->finished) {
          watcher_->finished = true;
          finish = watcher_->finish;
        }
      }
    }
    if (next != nullptr) StartWrite(next);
    if (finish) Finish(*finish);
  }

  void OnCancel() override {
    bool finish_now = false;
    {
      absl::MutexLock lock(&watcher_->mu);
      if (!watcher_->finish) watcher_->finish = grpc::Status::CANCELLED;
      if (!watcher_->writing && !watcher_->finished) {
        watcher_->finished = true;
        finish_now = true;
      }
    }
    if (finish_now) Finish(grpc::Status::CANCELLED);
  }

  void OnDone() override {
    {
      absl::MutexLock lock(&watcher_->mu);
      watcher_->reactor = nullptr;
      const auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(watcher_->mu) {
        return watcher_->in_call == 0;
      };
      watcher_->mu.Await(absl::Condition(&idle));
    }
    feed_.Remove(watcher_.get());
    delete this;
  }

 private:
  NotificationFeed& feed_;
  std::shared_ptr<Watcher> watcher_;
};

/// A stream refused before it began.
class RefusedReactor final : public grpc::ServerWriteReactor<v1::WatchNotificationsResponse> {
 public:
  explicit RefusedReactor(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

grpc::ServerWriteReactor<v1::WatchNotificationsResponse>* NotificationHandler::WatchNotifications(
    grpc::CallbackServerContext* context, const v1::WatchNotificationsRequest* request) {
  absl::StatusOr<Principal> caller = guard_.AuthoriseStream(context, Method("WatchNotifications"));
  if (!caller.ok()) return new RefusedReactor(ToGrpcStatus(caller.status()));
  if (request->after_sequence() < 0) {
    return new RefusedReactor(
        ToGrpcStatus(absl::InvalidArgumentError("after_sequence: must not be negative")));
  }
  return feed_.Open(caller->id(), request->after_sequence());
}

NotificationFeed::NotificationFeed(domain::Notifications& notifications, domain::NoticeHub& hub,
                                   absl::TimeZone zone, absl::Duration poll)
    : notifications_(notifications), hub_(hub), zone_(zone), poll_(poll), thread_([this] {
        Run();
      }) {}

NotificationFeed::~NotificationFeed() { Stop(); }

grpc::ServerWriteReactor<v1::WatchNotificationsResponse>* NotificationFeed::Open(
    int64_t account_id, int64_t after_sequence) {
  auto watcher = std::make_shared<Watcher>(account_id, after_sequence);
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      return new RefusedReactor(
          grpc::Status(grpc::StatusCode::UNAVAILABLE, "The server is restarting. Try again."));
    }
    watchers_[account_id].push_back(watcher);
  }
  auto* reactor = new WatchReactor(*this, watcher);
  // The feed's thread sends what is there (at least the unread count).
  hub_.Publish({account_id});
  return reactor;
}

void NotificationFeed::Remove(const Watcher* watcher) {
  absl::MutexLock lock(&mu_);
  const auto it = watchers_.find(watcher->account_id);
  if (it == watchers_.end()) return;
  std::erase_if(it->second, [&](const auto& w) { return w.get() == watcher; });
  if (it->second.empty()) watchers_.erase(it);
}

int NotificationFeed::OpenCount() {
  absl::MutexLock lock(&mu_);
  int open = 0;
  for (const auto& [account, list] : watchers_) open += static_cast<int>(list.size());
  return open;
}

void NotificationFeed::Send(const std::shared_ptr<Watcher>& watcher) {
  // More than one batch may be waiting: send until caught up.
  while (true) {
    absl::StatusOr<domain::NoticePage> page =
        notifications_.Next(watcher->account_id, watcher->last_sequence);
    if (!page.ok()) {
      // Tried again at the next wake-up or poll; the stream stays open.
      LogError(absl::StrCat("notification feed: ", page.status().ToString()));
      return;
    }
    if (page->notices.empty() && page->unread == watcher->last_unread) return;
    v1::WatchNotificationsResponse message;
    for (const domain::StoredNotice& n : page->notices) {
      ToProto(n, zone_, message.add_notifications());
      watcher->last_sequence = n.sequence;
    }
    message.set_unread_count(page->unread);
    watcher->last_unread = page->unread;
    WatchReactor::Deliver(*watcher, std::move(message));
    if (!page->more) return;
  }
}

void NotificationFeed::Run() {
  absl::Time next_poll = absl::Now() + poll_;
  while (true) {
    const absl::flat_hash_set<int64_t> news = hub_.Wait(next_poll);
    std::vector<std::shared_ptr<Watcher>> due;
    const bool poll = absl::Now() >= next_poll;
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) return;
      for (const auto& [account, list] : watchers_) {
        if (poll || news.contains(account)) due.insert(due.end(), list.begin(), list.end());
      }
    }
    if (poll) next_poll = absl::Now() + poll_;
    for (const auto& watcher : due) Send(watcher);
  }
}

void NotificationFeed::Stop() {
  std::vector<std::shared_ptr<Watcher>> open;
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) return;
    stopping_ = true;
    for (const auto& [account, list] : watchers_) open.insert(open.end(), list.begin(), list.end());
  }
  hub_.Interrupt();
  if (thread_.joinable()) thread_.join();
  for (const auto& watcher : open) {
    WatchReactor::End(*watcher,
                      grpc::Status(grpc::StatusCode::UNAVAILABLE, "The server is restarting."));
  }
}

}  // namespace tandem::api
