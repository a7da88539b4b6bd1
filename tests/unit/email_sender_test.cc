// The email sender's rules on a fake clock, with a fake outbox and a fake
// relay: oldest first, marked sent the moment the relay accepts, backoff
// after a temporary failure, giving up after a permanent one (or days of
// temporary ones), the rate limit over any 60 s, waking when the next email
// falls due, and stopping without touching an email cut short.

#include "server/domain/email_sender.h"

#include <algorithm>
#include <deque>
#include <map>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/fake_repositories.h"

namespace tandem::domain {
namespace {

using ::tandem::testing::FakeClock;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Row {
  OutgoingEmail email;
  absl::Time next_attempt;
  std::optional<absl::Time> sent_at;
  std::optional<absl::Time> failed_at;
  std::string last_error;
};

class FakeOutbox final : public EmailOutbox {
 public:
  int64_t Add(absl::Time created, absl::Time due) {
    const int64_t id = static_cast<int64_t>(rows_.size()) + 1;
    rows_[id] = {.email = {.id = id,
                           .to_address = "person@nhs.example",
                           .subject = "You have a new request for coaching",
                           .body = "Open Tandem.\r\n",
                           .created_at = created},
                 .next_attempt = due};
    return id;
  }
  const Row& row(int64_t id) const { return rows_.at(id); }

  absl::StatusOr<std::vector<OutgoingEmail>> Due(absl::Time now, int limit) override {
    if (!due_error.ok()) return due_error;
    std::vector<const Row*> due;
    for (const auto& [id, row] : rows_) {
      if (Waiting(row) && row.next_attempt <= now) due.push_back(&row);
    }
    std::sort(due.begin(), due.end(), [](const Row* a, const Row* b) {
      return std::tie(a->next_attempt, a->email.id) < std::tie(b->next_attempt, b->email.id);
    });
    std::vector<OutgoingEmail> out;
    for (const Row* row : due) {
      if (static_cast<int>(out.size()) == limit) break;
      out.push_back(row->email);
    }
    return out;
  }
  absl::StatusOr<std::optional<absl::Time>> NextDueAt() override {
    std::optional<absl::Time> next;
    for (const auto& [id, row] : rows_) {
      if (Waiting(row) && (!next || row.next_attempt < *next)) next = row.next_attempt;
    }
    return next;
  }
  absl::Status MarkSent(int64_t id, absl::Time at) override {
    if (!mark_sent_error.ok()) return mark_sent_error;
    Row& row = rows_.at(id);
    row.sent_at = at;
    ++row.email.attempts;
    return absl::OkStatus();
  }
  absl::Status MarkRetry(int64_t id, absl::Time next_attempt, const std::string& error) override {
    Row& row = rows_.at(id);
    row.next_attempt = next_attempt;
    row.last_error = error;
    ++row.email.attempts;
    return absl::OkStatus();
  }
  absl::Status MarkFailed(int64_t id, absl::Time at, const std::string& error) override {
    Row& row = rows_.at(id);
    row.failed_at = at;
    row.last_error = error;
    ++row.email.attempts;
    return absl::OkStatus();
  }

  absl::Status due_error = absl::OkStatus();
  absl::Status mark_sent_error = absl::OkStatus();

 private:
  static bool Waiting(const Row& row) { return !row.sent_at && !row.failed_at; }
  std::map<int64_t, Row> rows_;
};

/// Answers from a script (then OK), taking `takes` of the fake clock's time
/// per email, and remembers what it was handed and when it answered.
class FakeRelay final : public MailRelay {
 public:
  explicit FakeRelay(FakeClock& clock) : clock_(clock) {}
  absl::Status Send(const OutgoingEmail& email) override {
    if (before_answer) before_answer(email);
    clock_.Advance(takes);
    tried.push_back(email.id);
    absl::Status answer = absl::OkStatus();
    if (!script.empty()) {
      answer = script.front();
      script.pop_front();
    }
    if (answer.ok()) accepted_at.push_back(clock_.Now());
    return answer;
  }

  std::deque<absl::Status> script;
  absl::Duration takes = absl::ZeroDuration();
  std::function<void(const OutgoingEmail&)> before_answer;
  std::vector<int64_t> tried;
  std::vector<absl::Time> accepted_at;

 private:
  FakeClock& clock_;
};

class EmailSenderTest : public ::testing::Test {
 protected:
  EmailSender Sender(EmailSenderSettings settings = {}) {
    return EmailSender(
        outbox_, relay_, clock_, settings,
        [this](const EmailOutcome& outcome) { outcomes_.push_back(outcome); },
        [this] { return spread_; });
  }

  FakeClock clock_;
  FakeOutbox outbox_;
  FakeRelay relay_{clock_};
  std::vector<EmailOutcome> outcomes_;
  double spread_ = 0.0;
};

TEST(RetryDelayTest, DoublesFromThirtySecondsUpToAnHour) {
  const EmailSenderSettings settings;
  std::vector<absl::Duration> delays;
  for (int failures = 1; failures <= 9; ++failures) {
    delays.push_back(RetryDelay(settings, failures, 0.0));
  }
  EXPECT_THAT(delays, ElementsAre(absl::Seconds(30), absl::Minutes(1), absl::Minutes(2),
                                  absl::Minutes(4), absl::Minutes(8), absl::Minutes(16),
                                  absl::Minutes(32), absl::Hours(1), absl::Hours(1)));
  EXPECT_EQ(RetryDelay(settings, 1000, 0.0), absl::Hours(1));
  // The jitter lengthens a wait by up to a tenth, never shortens it.
  EXPECT_EQ(RetryDelay(settings, 1, 0.5), absl::Seconds(31.5));
  EXPECT_EQ(RetryDelay(settings, 30, 1.0), absl::Minutes(66));
  EXPECT_EQ(RetryDelay(settings, 1, -3.0), absl::Seconds(30));
}

TEST(JudgeTest, PermanentTemporaryAndStopped) {
  const EmailSenderSettings settings;
  const OutgoingEmail email{.id = 1, .created_at = absl::FromUnixSeconds(1'000'000)};
  const absl::Time soon = email.created_at + absl::Minutes(1);
  EXPECT_EQ(Judge(absl::OkStatus(), email, soon, settings), EmailVerdict::kSent);
  EXPECT_EQ(Judge(absl::FailedPreconditionError("550"), email, soon, settings),
            EmailVerdict::kGiveUp);
  EXPECT_EQ(Judge(absl::UnavailableError("451"), email, soon, settings), EmailVerdict::kRetry);
  EXPECT_EQ(Judge(absl::DeadlineExceededError("slow"), email, soon, settings),
            EmailVerdict::kRetry);
  EXPECT_EQ(Judge(absl::CancelledError("stop"), email, soon, settings), EmailVerdict::kStopped);
  // Temporary failures are given up on once a retry would fall past five days.
  EXPECT_EQ(
      Judge(absl::UnavailableError("451"), email, email.created_at + absl::Hours(120), settings),
      EmailVerdict::kRetry);
  EXPECT_EQ(Judge(absl::UnavailableError("451"), email,
                  email.created_at + absl::Hours(120) + absl::Seconds(1), settings),
            EmailVerdict::kGiveUp);
}

TEST(RateWindowTest, AtMostTheLimitInAnyWindow) {
  const absl::Time t0 = absl::FromUnixSeconds(1'000'000);
  RateWindow window(3, absl::Minutes(1));
  EXPECT_EQ(window.FreeNow(t0), 3);
  window.Record(t0);
  window.Record(t0 + absl::Seconds(10));
  EXPECT_EQ(window.NextFreeAt(t0 + absl::Seconds(11)), t0 + absl::Seconds(11));
  window.Record(t0 + absl::Seconds(20));
  EXPECT_EQ(window.FreeNow(t0 + absl::Seconds(21)), 0);
  EXPECT_EQ(window.NextFreeAt(t0 + absl::Seconds(21)), t0 + absl::Seconds(60));
  EXPECT_EQ(window.FreeNow(t0 + absl::Seconds(60)), 1);
  EXPECT_EQ(window.FreeNow(t0 + absl::Seconds(80)), 3);
}

TEST_F(EmailSenderTest, SendsDueEmailsOldestFirstEachMarkedSentBeforeTheNext) {
  const absl::Time now = clock_.Now();
  const int64_t newer = outbox_.Add(now - absl::Minutes(1), now - absl::Minutes(1));
  const int64_t older = outbox_.Add(now - absl::Minutes(5), now - absl::Minutes(5));
  const int64_t later = outbox_.Add(now, now + absl::Hours(1));  // quiet hours
  std::vector<bool> previous_marked;
  relay_.before_answer = [&](const OutgoingEmail& email) {
    if (email.id == newer) previous_marked.push_back(outbox_.row(older).sent_at.has_value());
  };
  EmailSender sender = Sender();
  const absl::StatusOr<SenderRun> run = sender.RunOnce();
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->sent, 2);
  EXPECT_THAT(relay_.tried, ElementsAre(older, newer));
  // The first was marked sent before the second was handed over.
  EXPECT_THAT(previous_marked, ElementsAre(true));
  EXPECT_TRUE(outbox_.row(newer).sent_at.has_value());
  EXPECT_FALSE(outbox_.row(later).sent_at.has_value());
  // Nothing more until the held-back one falls due.
  EXPECT_EQ(run->wake_at, now + absl::Hours(1));
  ASSERT_EQ(outcomes_.size(), 2u);
  EXPECT_EQ(outcomes_[0].id, older);
  EXPECT_EQ(outcomes_[0].attempt, 1);
  EXPECT_EQ(outcomes_[0].verdict, EmailVerdict::kSent);
}

TEST_F(EmailSenderTest, NothingWaitingMeansNoWake) {
  EmailSender sender = Sender();
  const absl::StatusOr<SenderRun> run = sender.RunOnce();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->wake_at, std::nullopt);
  EXPECT_THAT(relay_.tried, IsEmpty());
}

TEST_F(EmailSenderTest, TemporaryFailuresAreTriedAgainWithBackoffThenSentOnce) {
  const int64_t id = outbox_.Add(clock_.Now(), clock_.Now());
  relay_.script = {absl::UnavailableError("the relay answered 451 to the message"),
                   absl::UnavailableError("Couldn't connect to server (connecting)")};
  EmailSender sender = Sender();
  const absl::Time first = clock_.Now();
  ASSERT_TRUE(sender.RunOnce().ok());
  EXPECT_EQ(outbox_.row(id).next_attempt, first + absl::Seconds(30));
  EXPECT_EQ(outbox_.row(id).last_error, "the relay answered 451 to the message");
  EXPECT_EQ(outcomes_.back().verdict, EmailVerdict::kRetry);
  EXPECT_EQ(outcomes_.back().retry_at, first + absl::Seconds(30));

  // Not before its time.
  clock_.Advance(absl::Seconds(29));
  absl::StatusOr<SenderRun> run = sender.RunOnce();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(relay_.tried.size(), 1u);
  EXPECT_EQ(run->wake_at, first + absl::Seconds(30));

  clock_.Advance(absl::Seconds(1));
  const absl::Time second = clock_.Now();
  ASSERT_TRUE(sender.RunOnce().ok());
  EXPECT_EQ(relay_.tried.size(), 2u);
  EXPECT_EQ(outbox_.row(id).next_attempt, second + absl::Minutes(1));  // doubled
  EXPECT_EQ(outcomes_.back().attempt, 2);

  clock_.Advance(absl::Minutes(1));
  run = sender.RunOnce();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->sent, 1);
  EXPECT_THAT(relay_.tried, ElementsAre(id, id, id));
  EXPECT_TRUE(outbox_.row(id).sent_at.has_value());
  EXPECT_EQ(outbox_.row(id).email.attempts, 3);
  EXPECT_EQ(run->wake_at, std::nullopt);
  clock_.Advance(absl::Hours(2));
  ASSERT_TRUE(sender.RunOnce().ok());
  EXPECT_EQ(relay_.tried.size(), 3u);  // sent once, never again
}

TEST_F(EmailSenderTest, JitterSpreadsRetries) {
  const int64_t id = outbox_.Add(clock_.Now(), clock_.Now());
  relay_.script = {absl::UnavailableError("451")};
  spread_ = 1.0;
  EmailSender sender = Sender();
  const absl::Time at = clock_.Now();
  ASSERT_TRUE(sender.RunOnce().ok());
  EXPECT_EQ(outbox_.row(id).next_attempt, at + absl::Seconds(33));
}

TEST_F(EmailSenderTest, APermanentRefusalIsGivenUpAtOnce) {
  const int64_t refused = outbox_.Add(clock_.Now(), clock_.Now());
  const int64_t fine = outbox_.Add(clock_.Now(), clock_.Now());
  relay_.script = {absl::FailedPreconditionError("the relay refused the recipient (550)")};
  EmailSender sender = Sender();
  const absl::StatusOr<SenderRun> run = sender.RunOnce();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->failed, 1);
  EXPECT_EQ(run->sent, 1);
  EXPECT_TRUE(outbox_.row(refused).failed_at.has_value());
  EXPECT_EQ(outbox_.row(refused).last_error, "the relay refused the recipient (550)");
  EXPECT_TRUE(outbox_.row(fine).sent_at.has_value());
  clock_.Advance(absl::Hours(24));
  ASSERT_TRUE(sender.RunOnce().ok());
  EXPECT_THAT(relay_.tried, ElementsAre(refused, fine));
}

TEST_F(EmailSenderTest, TemporaryFailuresAreGivenUpAfterFiveDays) {
  const int64_t id = outbox_.Add(clock_.Now(), clock_.Now());
  for (int i = 0; i < 200; ++i) relay_.script.push_back(absl::UnavailableError("421"));
  EmailSender sender = Sender();
  int runs = 0;
  while (!outbox_.row(id).failed_at && runs < 400) {
    ASSERT_TRUE(sender.RunOnce().ok());
    clock_.Advance(absl::Hours(1));
    ++runs;
  }
  ASSERT_TRUE(outbox_.row(id).failed_at.has_value());
  EXPECT_LE(*outbox_.row(id).failed_at - outbox_.row(id).email.created_at, absl::Hours(121));
  EXPECT_GE(*outbox_.row(id).failed_at - outbox_.row(id).email.created_at, absl::Hours(118));
  EXPECT_THAT(outbox_.row(id).last_error, ::testing::HasSubstr("still not accepted"));
  EXPECT_EQ(outcomes_.back().verdict, EmailVerdict::kGiveUp);
}

TEST_F(EmailSenderTest, NeverMoreThanTheLimitInAnySixtySeconds) {
  for (int i = 0; i < 10; ++i) outbox_.Add(clock_.Now(), clock_.Now());
  relay_.takes = absl::Seconds(7);  // slow sends must not let more through
  EmailSender sender = Sender({.max_per_minute = 3});
  const absl::Time start = clock_.Now();
  absl::StatusOr<SenderRun> run = sender.RunOnce();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->sent, 3);
  ASSERT_TRUE(run->wake_at.has_value());
  EXPECT_EQ(*run->wake_at, relay_.accepted_at[0] + absl::Minutes(1));

  clock_.Advance(absl::Seconds(20));
  ASSERT_TRUE(sender.RunOnce().ok());
  EXPECT_EQ(relay_.tried.size(), 3u);  // still full

  // Keep waking when told, until all are sent.
  for (int i = 0; i < 20 && relay_.tried.size() < 10; ++i) {
    run = sender.RunOnce();
    ASSERT_TRUE(run.ok());
    if (run->wake_at && *run->wake_at > clock_.Now()) clock_.Advance(*run->wake_at - clock_.Now());
  }
  ASSERT_EQ(relay_.accepted_at.size(), 10u);
  for (size_t i = 3; i < relay_.accepted_at.size(); ++i) {
    EXPECT_GE(relay_.accepted_at[i] - relay_.accepted_at[i - 3], absl::Minutes(1)) << i;
  }
  // And not much slower than the limit allows: 10 at 3 a minute is three
  // minutes and a bit.
  EXPECT_LT(clock_.Now() - start, absl::Minutes(4));
}

TEST_F(EmailSenderTest, StoppingLeavesTheRestDueAndACutSendUntouched) {
  const absl::Time queued = clock_.Now();
  const int64_t first = outbox_.Add(clock_.Now(), clock_.Now());
  const int64_t second = outbox_.Add(clock_.Now(), clock_.Now());
  const int64_t third = outbox_.Add(clock_.Now(), clock_.Now());
  relay_.script = {absl::OkStatus(), absl::CancelledError("stopped before the relay answered")};
  EmailSender sender = Sender();
  const absl::StatusOr<SenderRun> run = sender.RunOnce();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->sent, 1);
  EXPECT_TRUE(outbox_.row(first).sent_at.has_value());
  // Cut short: as if the server had stopped a moment earlier.
  EXPECT_FALSE(outbox_.row(second).sent_at.has_value());
  EXPECT_EQ(outbox_.row(second).email.attempts, 0);
  EXPECT_EQ(outbox_.row(second).next_attempt, queued);
  EXPECT_THAT(relay_.tried, ElementsAre(first, second));
  EXPECT_FALSE(outbox_.row(third).sent_at.has_value());

  // A stop asked for between emails: nothing more is handed over.
  int asked = 0;
  EmailSender next = Sender();
  ASSERT_TRUE(next.RunOnce([&]() -> absl::Status {
                    return ++asked > 2 ? absl::CancelledError("stop") : absl::OkStatus();
                  })
                  .ok());
  EXPECT_THAT(relay_.tried, ElementsAre(first, second, second));
  EXPECT_FALSE(outbox_.row(third).sent_at.has_value());
}

// The one window for a second copy: the relay accepted, and the mark did
// not commit (the process died, or the database failed). The email is still
// due and goes again, as the same outbox row — so with the same Message-ID.
TEST_F(EmailSenderTest, AcceptedButNotMarkedIsSentAgainAsTheSameRow) {
  const int64_t id = outbox_.Add(clock_.Now(), clock_.Now());
  outbox_.mark_sent_error = absl::UnavailableError("database is locked");
  EmailSender sender = Sender();
  const absl::StatusOr<SenderRun> run = sender.RunOnce();
  EXPECT_FALSE(run.ok());
  EXPECT_THAT(std::string(run.status().message()), ::testing::HasSubstr("may go twice"));
  outbox_.mark_sent_error = absl::OkStatus();
  ASSERT_TRUE(sender.RunOnce().ok());
  EXPECT_THAT(relay_.tried, ElementsAre(id, id));
  EXPECT_TRUE(outbox_.row(id).sent_at.has_value());
}

TEST_F(EmailSenderTest, AnOutboxErrorEndsTheRun) {
  outbox_.Add(clock_.Now(), clock_.Now());
  outbox_.due_error = absl::UnavailableError("disk I/O error");
  EmailSender sender = Sender();
  EXPECT_EQ(sender.RunOnce().status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(relay_.tried, IsEmpty());
}

}  // namespace
}  // namespace tandem::domain
