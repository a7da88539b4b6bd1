#include "server/domain/notifications.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

constexpr int kDefaultPageSize = 30;
constexpr int kMaxPageSize = 100;
constexpr int kMaxMarked = 500;
/// What the feed sends at most at once, and first to a new watcher.
constexpr int kFeedBatch = 100;

}  // namespace

void NoticeHub::Publish(const std::vector<int64_t>& recipients) {
  if (recipients.empty()) return;
  absl::MutexLock lock(&mu_);
  pending_.insert(recipients.begin(), recipients.end());
}

absl::flat_hash_set<int64_t> NoticeHub::Wait(absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  const auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !pending_.empty() || interrupted_;
  };
  mu_.AwaitWithDeadline(absl::Condition(&ready), deadline);
  interrupted_ = false;
  return std::exchange(pending_, {});
}

void NoticeHub::Interrupt() {
  absl::MutexLock lock(&mu_);
  interrupted_ = true;
}

absl::StatusOr<NoticePage> Notifications::List(const Principal& caller, int64_t before_sequence,
                                               int page_size, bool unread_only) {
  if (before_sequence < 0) {
    return absl::InvalidArgumentError("before_sequence: must not be negative");
  }
  if (page_size < 0 || page_size > kMaxPageSize) {
    return absl::InvalidArgumentError(absl::StrCat("page_size: must be 0 to ", kMaxPageSize,
                                                   " (0 means ", kDefaultPageSize, ")"));
  }
  return notices_.List(caller.account.id, before_sequence,
                       page_size == 0 ? kDefaultPageSize : page_size, unread_only);
}

absl::StatusOr<int> Notifications::MarkRead(const Principal& caller,
                                            const std::vector<int64_t>& sequences, int64_t up_to) {
  if (sequences.size() > kMaxMarked) {
    return absl::InvalidArgumentError(
        absl::StrCat("sequences: at most ", kMaxMarked, " at once (or use up_to_sequence)"));
  }
  for (size_t i = 0; i < sequences.size(); ++i) {
    if (sequences[i] <= 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("sequences[", i, "]: must be a notification's sequence (1 or more)"));
    }
  }
  if (up_to < 0) return absl::InvalidArgumentError("up_to_sequence: must not be negative");
  ASSIGN_OR_RETURN(const int unread, notices_.MarkRead(caller.account.id, sequences, up_to));
  hub_.Publish({caller.account.id});
  return unread;
}

absl::StatusOr<NoticePage> Notifications::Next(int64_t account_id, int64_t after_sequence) {
  if (after_sequence < 0) {
    return absl::InvalidArgumentError("after_sequence: must not be negative");
  }
  if (after_sequence == 0) {
    // A new watcher: the latest ones, not a whole history.
    ASSIGN_OR_RETURN(NoticePage newest, notices_.List(account_id, 0, 1, false));
    if (!newest.notices.empty()) {
      after_sequence = std::max<int64_t>(0, newest.notices.front().sequence - kFeedBatch);
    }
  }
  NoticePage page;
  ASSIGN_OR_RETURN(page.notices, notices_.After(account_id, after_sequence, kFeedBatch + 1));
  page.more = page.notices.size() > kFeedBatch;
  if (page.more) page.notices.resize(kFeedBatch);
  ASSIGN_OR_RETURN(page.unread, notices_.UnreadCount(account_id));
  return page;
}

PreferencesView Notifications::ViewOf(const Principal& caller,
                                      const NoticePreferences& preferences) const {
  PreferencesView view{.preferences = preferences,
                       .email_address = caller.account.email,
                       .email_available = email_available_};
  view.preferences.kinds = EveryChoice(preferences);
  return view;
}

absl::StatusOr<PreferencesView> Notifications::Preferences(const Principal& caller) {
  ASSIGN_OR_RETURN(const NoticePreferences preferences, notices_.GetPreferences(caller.account.id));
  return ViewOf(caller, preferences);
}

absl::StatusOr<PreferencesView> Notifications::SavePreferences(
    const Principal& caller, const NoticePreferences& preferences) {
  RETURN_IF_ERROR(ValidatePreferences(preferences));
  RETURN_IF_ERROR(notices_.SavePreferences(caller.account.id, preferences));
  return Preferences(caller);
}

}  // namespace tandem::domain
