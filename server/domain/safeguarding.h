#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/audit.h"
#include "server/domain/identity.h"
#include "server/domain/note_cipher.h"
#include "server/domain/relationship.h"
#include "server/domain/repositories.h"
#include "server/domain/write_receipt.h"
#include "shared/clock.h"

/// Safeguarding concerns (seen by the coach's supervisor only, escalated to
/// the organisation's safeguarding lead when not acknowledged in time) and
/// the audit trail of reads of confidential content.
namespace tandem::domain {

struct Concern {
  int64_t id = 0;
  int64_t relationship_id = 0;
  int64_t raised_by = 0;
  std::string raised_by_name;   // filled when read
  int64_t organisation_id = 0;  // the coach's
  int64_t supervisor_id = 0;
  absl::Time raised_at;
  std::string sealed_description;
  absl::Time escalate_at;
  std::optional<absl::Time> acknowledged_at;
  int64_t acknowledged_by = 0;
  std::string acknowledged_by_name;  // filled when read
  std::string about_name;            // the relationship's coachee, filled when read
  std::string sealed_action;
};

/// A concern as one reader sees it.
struct ConcernView {
  Concern concern;
  bool escalated = false;
  /// Decrypted for the supervisor and, once escalated, the lead.
  std::optional<std::string> description;
  std::optional<std::string> action_taken;
  std::string your_part;
};

class SafeguardingRepository {
 public:
  virtual ~SafeguardingRepository() = default;
  virtual absl::Status SetSupervisor(int64_t coach_id, int64_t supervisor_id, absl::Time at) = 0;
  /// 0 when none is recorded.
  virtual absl::StatusOr<int64_t> SupervisorOf(int64_t coach_id) = 0;
  virtual absl::Status SetSafeguardingLead(int64_t organisation_id, int64_t account_id) = 0;
  /// The organisations whose designated lead is `account_id`.
  virtual absl::StatusOr<std::vector<int64_t>> LeadOf(int64_t account_id) = 0;
  /// Create and Acknowledge keep `receipt` in their transaction
  /// (ALREADY_EXISTS when its key is taken).
  virtual absl::StatusOr<Concern> Create(const Concern& concern, const WriteReceipt& receipt) = 0;
  virtual absl::StatusOr<Concern> Get(int64_t id) = 0;
  /// Concerns `account_id` supervises or raised, and those of
  /// `lead_of_organisations` (the caller filters what is escalated).
  virtual absl::StatusOr<std::vector<Concern>> ListFor(
      int64_t account_id, const std::vector<int64_t>& lead_of_organisations) = 0;
  virtual absl::StatusOr<Concern> Acknowledge(int64_t id,
                                              const std::function<absl::Status(Concern&)>& change,
                                              const WriteReceipt& receipt) = 0;
};

class Safeguarding {
 public:
  Safeguarding(SafeguardingRepository& store, RelationshipRepository& relationships,
               ReceiptRepository& receipts, AccountRepository& accounts, const NoteCipher& cipher,
               AuditRepository& audit, const Clock& clock, int escalation_working_days)
      : store_(store),
        relationships_(relationships),
        receipts_(receipts),
        accounts_(accounts),
        cipher_(cipher),
        audit_(audit),
        clock_(clock),
        escalation_working_days_(escalation_working_days) {}

  absl::Status SetSupervisor(const Principal& caller, int64_t coach_id, int64_t supervisor_id);
  absl::Status SetSafeguardingLead(const Principal& caller, int64_t organisation_id,
                                   int64_t account_id);
  /// Raise and Acknowledge are made once per WriteKey; a retry answers
  /// with the concern as the caller sees it now.
  absl::StatusOr<ConcernView> Raise(const Principal& caller, int64_t relationship_id,
                                    const std::string& description, const WriteKey& key);
  absl::StatusOr<std::vector<ConcernView>> List(const Principal& caller);
  absl::StatusOr<ConcernView> Acknowledge(const Principal& caller, int64_t concern_id,
                                          const std::string& action_taken, const WriteKey& key);
  absl::StatusOr<std::vector<AuditEntry>> AuditTrail(const Principal& caller, int limit);

 private:
  /// The caller's view of `concern`, or nullopt if they may not see it.
  /// Reading the text is audited: at once, or added to `reads` for the
  /// caller to record with others.
  absl::StatusOr<std::optional<ConcernView>> View(const Principal& caller,
                                                  const std::vector<int64_t>& lead_of,
                                                  Concern concern,
                                                  std::vector<std::string>* reads = nullptr);
  /// Concern `concern_id` as the caller sees it now (NOT_FOUND if they may not).
  absl::StatusOr<ConcernView> Current(const Principal& caller, int64_t concern_id);
  absl::StatusOr<ConcernView> Once(
      const Principal& caller, const WriteKey& key,
      absl::FunctionRef<absl::StatusOr<ConcernView>(const WriteReceipt&)> write);

  SafeguardingRepository& store_;
  RelationshipRepository& relationships_;
  ReceiptRepository& receipts_;
  AccountRepository& accounts_;
  const NoteCipher& cipher_;
  AuditRepository& audit_;
  const Clock& clock_;
  int escalation_working_days_;
};

std::string ConcernAssociatedData(const Concern& concern, const char* part);

}  // namespace tandem::domain
