// Notifications through the real server: each event reaches the person it
// concerns, live on an open WatchNotifications stream, once and in order; a
// client that reconnects with the last sequence it has — across a SIGKILL
// and restart of the server — gets every later one exactly once; reading
// updates the count on open streams; refusals name the field.

#include <signal.h>

#include <algorithm>
#include <map>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tandem/v1/notifications.grpc.pb.h"
#include "tests/support/relationship_server_test.h"

namespace tandem::testing {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

/// One open WatchNotifications stream, read on a thread of its own.
class Watch {
 public:
  Watch(const std::shared_ptr<grpc::Channel>& channel, const std::string& token, int64_t after)
      : stub_(v1::NotificationService::NewStub(channel)) {
    context_.AddMetadata("authorization", "Bearer " + token);
    v1::WatchNotificationsRequest request;
    request.set_after_sequence(after);
    reader_ = stub_->WatchNotifications(&context_, request);
    thread_ = std::thread([this] {
      v1::WatchNotificationsResponse message;
      while (reader_->Read(&message)) {
        absl::MutexLock lock(&mu_);
        ++messages_;
        unread_ = message.unread_count();
        for (const auto& n : message.notifications()) notices_.push_back(n);
      }
      const grpc::Status status = reader_->Finish();
      absl::MutexLock lock(&mu_);
      ended_ = true;
      status_ = status;
    });
  }
  ~Watch() {
    context_.TryCancel();
    thread_.join();
  }

  /// Waits until `n` notices have come (or 15 s); the notices so far.
  std::vector<v1::Notification> WaitFor(size_t n) {
    absl::MutexLock lock(&mu_);
    const auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return notices_.size() >= n || ended_;
    };
    mu_.AwaitWithTimeout(absl::Condition(&enough), absl::Seconds(15));
    return notices_;
  }
  /// Waits for the first message (the unread count) or 15 s.
  bool WaitForFirst() {
    absl::MutexLock lock(&mu_);
    const auto first = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return messages_ > 0 || ended_; };
    return mu_.AwaitWithTimeout(absl::Condition(&first), absl::Seconds(15)) && messages_ > 0;
  }
  /// Waits until the unread count is `count` or 15 s.
  bool WaitForUnread(int count) {
    absl::MutexLock lock(&mu_);
    const auto seen = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return unread_ == count; };
    return mu_.AwaitWithTimeout(absl::Condition(&seen), absl::Seconds(15));
  }
  /// Waits for the stream to end (or 15 s); its status.
  grpc::Status WaitForEnd() {
    absl::MutexLock lock(&mu_);
    const auto ended = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return ended_; };
    mu_.AwaitWithTimeout(absl::Condition(&ended), absl::Seconds(15));
    return status_;
  }

 private:
  std::unique_ptr<v1::NotificationService::Stub> stub_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<v1::WatchNotificationsResponse>> reader_;
  std::thread thread_;
  absl::Mutex mu_;
  std::vector<v1::Notification> notices_ ABSL_GUARDED_BY(mu_);
  int messages_ ABSL_GUARDED_BY(mu_) = 0;
  int unread_ ABSL_GUARDED_BY(mu_) = -1;
  bool ended_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status status_ ABSL_GUARDED_BY(mu_);
};

std::vector<int64_t> Sequences(const std::vector<v1::Notification>& notices) {
  std::vector<int64_t> out;
  for (const auto& n : notices) out.push_back(n.sequence());
  return out;
}

class NotificationIntegrationTest : public RelationshipServerTest {
 protected:
  v1::NotificationService::Stub& Notifications() {
    if (!stub_ || stub_channel_ != client_->channel()) {
      stub_channel_ = client_->channel();
      stub_ = v1::NotificationService::NewStub(stub_channel_);
    }
    return *stub_;
  }

  /// The coach proposes a session `days` ahead: the coachee is told.
  void Propose(int days) {
    v1::ProposeSessionRequest request;
    request.set_relationship_id(relationship_id_);
    request.set_starts_at_unix(absl::ToUnixSeconds(absl::Now() + absl::Hours(24 * days)));
    request.set_planned_minutes(60);
    request.set_mode(v1::DELIVERY_MODE_VIDEO);
    v1::ProposeSessionResponse response;
    const grpc::Status status =
        relationships_->ProposeSession(Client::Context(coach_).get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  v1::ListNotificationsResponse List(const std::string& token) {
    v1::ListNotificationsRequest request;
    request.set_page_size(100);
    v1::ListNotificationsResponse response;
    const grpc::Status status =
        Notifications().ListNotifications(Client::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  int64_t Newest(const std::string& token) {
    const auto list = List(token);
    return list.notifications_size() == 0 ? 0 : list.notifications(0).sequence();
  }

 private:
  std::shared_ptr<grpc::Channel> stub_channel_;
  std::unique_ptr<v1::NotificationService::Stub> stub_;
};

TEST_F(NotificationIntegrationTest, TheMemberAcceptingTellsTheCoachee) {
  const auto list = List(coachee_);
  ASSERT_GE(list.notifications_size(), 1);
  const v1::Notification& accepted = list.notifications(0);
  EXPECT_EQ(accepted.kind(), v1::NOTIFICATION_KIND_REQUEST_ACCEPTED);
  EXPECT_THAT(accepted.title(), StartsWith("Your request for "));
  EXPECT_FALSE(accepted.read());
  EXPECT_EQ(accepted.link().screen(), v1::NOTIFICATION_SCREEN_MY_REQUESTS);
  EXPECT_GE(list.unread_count(), 1);
}

TEST_F(NotificationIntegrationTest, ALiveStreamGetsEachNewNoticeOnceInOrder) {
  const int64_t before = Newest(coachee_);
  Watch watch(client_->channel(), coachee_, before);
  ASSERT_TRUE(watch.WaitForFirst()) << "the stream opens with the unread count";
  for (int day = 2; day <= 4; ++day) Propose(day);
  const auto notices = watch.WaitFor(3);
  ASSERT_EQ(notices.size(), 3u);
  EXPECT_THAT(Sequences(notices), ElementsAre(before + 1, before + 2, before + 3));
  for (const auto& n : notices) {
    EXPECT_EQ(n.kind(), v1::NOTIFICATION_KIND_SESSION_PROPOSED);
    EXPECT_EQ(n.link().screen(), v1::NOTIFICATION_SCREEN_RELATIONSHIP);
    EXPECT_EQ(n.link().relationship_id(), relationship_id_);
    EXPECT_THAT(n.title(), HasSubstr("was proposed"));
  }
  // The coach, who proposed them, was told nothing of it.
  const auto coach = List(coach_);
  for (const auto& n : coach.notifications()) {
    EXPECT_NE(n.kind(), v1::NOTIFICATION_KIND_SESSION_PROPOSED);
  }
}

TEST_F(NotificationIntegrationTest, AReconnectingClientMissesNothingAcrossARestart) {
  const int64_t start = Newest(coachee_);
  int64_t last = start;
  {
    Watch watch(client_->channel(), coachee_, start);
    Propose(2);
    Propose(3);
    const auto got = watch.WaitFor(2);
    ASSERT_EQ(got.size(), 2u);
    last = got.back().sequence();
    KillAndRestart();
    // The stream ends with an error the client retries on.
    const grpc::Status ended = watch.WaitForEnd();
    EXPECT_FALSE(ended.ok());
  }
  // Made while nobody watched.
  Propose(4);
  Propose(5);
  Watch again(client_->channel(), coachee_, last);
  auto got = again.WaitFor(2);
  EXPECT_THAT(Sequences(got), ElementsAre(last + 1, last + 2));
  Propose(6);
  got = again.WaitFor(3);
  EXPECT_THAT(Sequences(got), ElementsAre(last + 1, last + 2, last + 3));

  // The same after a graceful restart (SIGTERM ends streams at once).
  server_->Stop(SIGTERM);
  const grpc::Status ended = again.WaitForEnd();
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::UNAVAILABLE) << ended.error_message();
  KillAndRestart();
  Propose(7);
  Watch third(client_->channel(), coachee_, last + 3);
  EXPECT_THAT(Sequences(third.WaitFor(1)), ElementsAre(last + 4));
  // Nothing was ever numbered twice.
  const auto all = List(coachee_);
  std::vector<int64_t> seen;
  for (const auto& n : all.notifications()) seen.push_back(n.sequence());
  std::sort(seen.begin(), seen.end());
  EXPECT_TRUE(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
  EXPECT_EQ(seen.back(), last + 4);
}

TEST_F(NotificationIntegrationTest, ReadingUpdatesTheCountOnOpenStreams) {
  Watch watch(client_->channel(), coachee_, Newest(coachee_));
  Propose(2);
  ASSERT_EQ(watch.WaitFor(1).size(), 1u);
  v1::MarkNotificationsReadRequest mark;
  mark.set_up_to_sequence(Newest(coachee_));
  v1::MarkNotificationsReadResponse marked;
  ASSERT_TRUE(
      Notifications().MarkNotificationsRead(Client::Context(coachee_).get(), mark, &marked).ok());
  EXPECT_EQ(marked.unread_count(), 0);
  EXPECT_TRUE(watch.WaitForUnread(0)) << "another device's stream hears of it";
  EXPECT_THAT(List(coachee_).notifications(),
              Each(::testing::Property(&v1::Notification::read, true)));
}

TEST_F(NotificationIntegrationTest, RefusalsNameTheFieldAndTheCaller) {
  {
    Watch anonymous(client_->channel(), "not-a-token", 0);
    EXPECT_EQ(anonymous.WaitForEnd().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  {
    Watch negative(client_->channel(), coachee_, -1);
    const grpc::Status status = negative.WaitForEnd();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), StartsWith("after_sequence:"));
  }
  v1::ListNotificationsRequest big;
  big.set_page_size(500);
  v1::ListNotificationsResponse listed;
  grpc::Status status =
      Notifications().ListNotifications(Client::Context(coachee_).get(), big, &listed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("page_size:"));

  v1::GetNotificationPreferencesResponse preferences;
  ASSERT_TRUE(Notifications()
                  .GetNotificationPreferences(Client::Context(coachee_).get(), {}, &preferences)
                  .ok());
  EXPECT_EQ(preferences.preferences().kinds_size(), v1::NotificationKind_MAX);
  EXPECT_FALSE(preferences.preferences().email_available()) << "no mail relay in this test";
  EXPECT_THAT(preferences.preferences().email_address(), HasSubstr("@"));

  v1::SaveNotificationPreferencesRequest save;
  save.mutable_preferences()->add_kinds()->set_kind(v1::NOTIFICATION_KIND_UNSPECIFIED);
  v1::SaveNotificationPreferencesResponse saved;
  status =
      Notifications().SaveNotificationPreferences(Client::Context(coachee_).get(), save, &saved);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("preferences.kinds[0].kind:"));

  save.Clear();
  auto* choice = save.mutable_preferences()->add_kinds();
  choice->set_kind(v1::NOTIFICATION_KIND_SESSION_PROPOSED);
  choice->set_email(true);
  save.mutable_preferences()->set_quiet_from_minute(21 * 60);
  save.mutable_preferences()->set_quiet_to_minute(7 * 60);
  ASSERT_TRUE(Notifications()
                  .SaveNotificationPreferences(Client::Context(coachee_).get(), save, &saved)
                  .ok());
  EXPECT_EQ(saved.preferences().quiet_from_minute(), 21 * 60);
  std::map<int, bool> email;
  for (const auto& kind : saved.preferences().kinds()) email[kind.kind()] = kind.email();
  EXPECT_TRUE(email[v1::NOTIFICATION_KIND_SESSION_PROPOSED]) << "chosen";
  EXPECT_TRUE(email[v1::NOTIFICATION_KIND_REQUEST_RECEIVED]) << "by default";
  EXPECT_FALSE(email[v1::NOTIFICATION_KIND_SESSION_TOMORROW]) << "by default";
}

}  // namespace
}  // namespace tandem::testing
