#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/identity.h"
#include "server/domain/note_cipher.h"
#include "server/domain/profile.h"
#include "server/domain/profile_repository.h"
#include "server/domain/session.h"
#include "server/domain/write_receipt.h"
#include "shared/clock.h"

/// Monthly returns: each pool member's hours and emerging themes for a
/// month, counted from their records, completed and confirmed by them, and
/// corrected by amendments that keep every earlier version.
namespace tandem::domain {

/// Stored by these numbers; server/api maps them to the API's enums.
enum class HoursCategory : int { kIndividual = 1, kGroup = 2 };
enum class ReturnState : int { kOpen = 1, kDue, kOverdue, kConfirmed };

/// Months are exchanged as "2026-11"; nullopt for anything else.
std::optional<absl::CivilMonth> ParseMonth(absl::string_view text);
std::string FormatMonth(absl::CivilMonth month);
/// "November 2026".
std::string MonthWords(absl::CivilMonth month);

/// The programme's calendar: its time zone and when returns are due.
struct ReturnSettings {
  absl::TimeZone zone = absl::UTCTimeZone();
  /// The return for a month is due by the end of this working day
  /// (Monday to Friday) of the next month.
  int due_working_day = 5;
};

absl::Time MonthStart(absl::CivilMonth month, absl::TimeZone zone);
absl::CivilMonth MonthOf(absl::Time at, absl::TimeZone zone);
/// The end of the due day of `month`'s return.
absl::Time ReturnDueAt(absl::CivilMonth month, const ReturnSettings& settings);

/// What Tandem counted for a member's month.
struct DerivedActivity {
  int coaching_minutes = 0;
  int mentoring_minutes = 0;
  int sessions_held = 0;
  int sessions_cancelled = 0;
  int sessions_not_attended = 0;
  int active_relationships = 0;
  int new_relationships = 0;

  bool operator==(const DerivedActivity&) const = default;
};

struct AddedHours {
  SupportKind kind = SupportKind::kCoaching;
  HoursCategory category = HoursCategory::kIndividual;
  bool paid = false;
  int minutes = 0;

  bool operator==(const AddedHours&) const = default;
};

/// One confirmed version of a month's return.
struct ReturnVersion {
  int version = 0;  // 1 = the confirmation, 2+ amendments
  absl::Time at;
  std::string reason;  // why it was amended; empty for version 1
  DerivedActivity derived;
  std::vector<AddedHours> added;
  std::vector<std::string> themes;  // specialism codes
  std::string new_theme;            // plain in a view
  std::string sealed_new_theme;     // as stored
};

struct MonthlyReturn {
  absl::CivilMonth month;
  ReturnState state = ReturnState::kOpen;
  absl::Time due_at;
  DerivedActivity derived;
  std::optional<ReturnVersion> current;
  std::vector<ReturnVersion> history;  // earlier versions, newest first
};

/// A session in one of a member's relationships, as counted.
struct SessionFact {
  int64_t relationship_id = 0;
  SupportKind kind = SupportKind::kCoaching;
  SessionStatus status = SessionStatus::kProposed;
  absl::Time starts_at;
  int actual_minutes = 0;
};

/// When a relationship began (matched) and ended, if it has.
struct RelationshipSpan {
  int64_t id = 0;
  SupportKind kind = SupportKind::kCoaching;
  absl::Time started;
  std::optional<absl::Time> ended;
};

/// What a month's sessions and relationships add up to. Pure.
DerivedActivity Derive(absl::CivilMonth month, absl::TimeZone zone,
                       const std::vector<SessionFact>& sessions,
                       const std::vector<RelationshipSpan>& relationships);

class ReturnRepository {
 public:
  virtual ~ReturnRepository() = default;
  /// Sessions of `member_id`'s relationships that start in [from, to).
  virtual absl::StatusOr<std::vector<SessionFact>> MemberSessions(int64_t member_id,
                                                                  absl::Time from,
                                                                  absl::Time to) = 0;
  /// Every relationship `member_id` is the coach or mentor of, oldest first.
  virtual absl::StatusOr<std::vector<RelationshipSpan>> MemberRelationships(int64_t member_id) = 0;
  /// Every version of the member's return for `month`, newest first.
  virtual absl::StatusOr<std::vector<ReturnVersion>> Versions(int64_t member_id,
                                                              absl::CivilMonth month) = 0;
  /// The months the member has confirmed, with their latest version
  /// number, oldest first.
  virtual absl::StatusOr<std::vector<std::pair<absl::CivilMonth, ReturnVersion>>> Latest(
      int64_t member_id) = 0;
  /// Stores `version` for the month only if the latest stored version is
  /// version.version - 1 (FAILED_PRECONDITION otherwise: someone else got
  /// there first), keeping `receipt` for `result_id`, in one transaction.
  virtual absl::Status Append(int64_t member_id, absl::CivilMonth month,
                              const ReturnVersion& version, const WriteReceipt& receipt,
                              int64_t result_id) = 0;
};

/// A return as the member completes it.
struct ReturnInput {
  std::string month;
  std::vector<AddedHours> added;
  std::vector<std::string> themes;
  std::string new_theme;
  std::string reason;  // amendments only
};

/// One line of a member's hours log.
struct HoursLogLine {
  absl::CivilDay day;
  int minutes = 0;
  SupportKind kind = SupportKind::kCoaching;
  HoursCategory category = HoursCategory::kIndividual;
  bool paid = false;
  std::string client;  // "Client 3", or "Outside Tandem"
  std::string source;
};

/// What a return's sealed new theme is bound to.
std::string ReturnThemeData(int64_t member_id, absl::CivilMonth month, int version);

/// The hours log as CSV (shared/csv.h), one row per line.
std::string HoursLogCsv(const std::vector<HoursLogLine>& lines);

/// The rules of returns: a member's own, read and written by them alone
/// (activity_access.h). Confirm and Amend are made once per WriteKey.
class Returns {
 public:
  Returns(ReturnRepository& returns, ReceiptRepository& receipts, ProfileRepository& profiles,
          const NoteCipher& cipher, const Clock& clock, ReturnSettings settings)
      : returns_(returns),
        receipts_(receipts),
        profiles_(profiles),
        cipher_(cipher),
        clock_(clock),
        settings_(settings) {}

  absl::StatusOr<MonthlyReturn> Get(const Principal& caller, absl::string_view month);
  /// From the month the member joined the pool (at most 24 months back)
  /// to last month, newest first; without history.
  absl::StatusOr<std::vector<MonthlyReturn>> List(const Principal& caller);
  absl::StatusOr<MonthlyReturn> Confirm(const Principal& caller, const ReturnInput& input,
                                        const WriteKey& key);
  absl::StatusOr<MonthlyReturn> Amend(const Principal& caller, const ReturnInput& input,
                                      const WriteKey& key);
  /// The member's hours log for months [from, to] ("" for no bound), as
  /// CSV.
  absl::StatusOr<std::string> HoursLog(const Principal& caller, absl::string_view from,
                                       absl::string_view to);

  const ReturnSettings& settings() const { return settings_; }

 private:
  absl::StatusOr<MonthlyReturn> Read(int64_t member_id, absl::CivilMonth month);
  absl::StatusOr<MonthlyReturn> Write(const Principal& caller, const ReturnInput& input,
                                      const WriteKey& key, bool amend);
  absl::StatusOr<ReturnVersion> Validate(const ReturnInput& input, bool amend);
  absl::StatusOr<DerivedActivity> Count(int64_t member_id, absl::CivilMonth month);

  ReturnRepository& returns_;
  ReceiptRepository& receipts_;
  ProfileRepository& profiles_;
  const NoteCipher& cipher_;
  const Clock& clock_;
  ReturnSettings settings_;
};

}  // namespace tandem::domain
