#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/audit.h"
#include "server/domain/identity.h"
#include "server/domain/note_cipher.h"
#include "server/domain/notices.h"
#include "server/domain/profile_repository.h"
#include "server/domain/relationship.h"
#include "server/domain/write_receipt.h"
#include "shared/clock.h"

/// Sessions of a relationship: scheduling, the record made after the
/// meeting, and private notes that only their author can read.
namespace tandem::domain {

/// Stored by these numbers; server/api maps them to the API's enums.
enum class SessionStatus : int { kProposed = 1, kAccepted, kCancelled, kHeld, kNotHeld };
enum class CancelledBy : int { kNone = 0, kCoachee, kMember };

struct Session {
  int64_t id = 0;
  int64_t relationship_id = 0;
  SessionStatus status = SessionStatus::kProposed;
  absl::Time starts_at;
  int planned_minutes = 0;
  std::optional<DeliveryMode> mode;
  std::string place;
  int64_t proposed_by = 0;
  std::string cancel_reason;
  CancelledBy cancelled_by = CancelledBy::kNone;
  int actual_minutes = 0;
  std::vector<std::string> themes;
  /// Plain in a view; as stored, only in records made before actions were
  /// sealed (the server seals those at start: Sessions::SealPlainActions).
  std::string agreed_actions;
  /// Agreed actions, sealed by NoteCipher; empty when there are none.
  std::string sealed_actions;
  /// Private notes, sealed by NoteCipher; empty when there are none.
  std::string sealed_notes;
  int64_t author_id = 0;  // who recorded it
  std::string idempotency_key;
  std::optional<absl::Time> recorded_at;
  std::string reschedule_reason;
};

/// A session as one viewer may see it.
struct SessionView {
  Session session;
  /// Decrypted, for the author only.
  std::optional<std::string> private_notes;
};

/// The domain's rule of how many sessions a relationship may take: given the
/// relationship's sessions as they are, OK or the refusal
/// (FAILED_PRECONDITION). A repository runs it inside the transaction that
/// writes a session, so two writes at once cannot both pass it.
using SessionRoom = std::function<absl::Status(const std::vector<Session>& existing)>;

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  /// Create and Update keep `receipt` in their transaction
  /// (ALREADY_EXISTS when its key is taken, checked before anything else).
  /// Create writes only if `room` admits it, in the same transaction.
  virtual absl::StatusOr<Session> Create(const Session& session, const WriteReceipt& receipt,
                                         const SessionRoom& room) = 0;
  /// NOT_FOUND if there is none.
  virtual absl::StatusOr<Session> Get(int64_t id) = 0;
  /// Soonest first.
  virtual absl::StatusOr<std::vector<Session>> ListFor(int64_t relationship_id) = 0;
  virtual absl::StatusOr<Session> Update(int64_t id,
                                         const std::function<absl::Status(Session&)>& change,
                                         const WriteReceipt& receipt) = 0;
  /// Sessions whose agreed actions are still stored in plain text.
  virtual absl::StatusOr<std::vector<Session>> WithPlainActions() = 0;
  /// Replaces session `id`'s plain actions (if still `plain`) with `sealed`.
  virtual absl::Status SealActions(int64_t id, const std::string& plain,
                                   const std::string& sealed) = 0;
  /// The session `author_id` recorded with `idempotency_key`, if any
  /// (records keep their key on the session too).
  virtual absl::StatusOr<std::optional<Session>> FindRecorded(int64_t author_id,
                                                              const std::string& key) = 0;
  /// Stores a record: updates session `session.id` if it is still
  /// scheduled, or inserts a new one when id is 0, only if `room` admits it
  /// on the sessions as they are, keeping `receipt` — all in one
  /// transaction. ALREADY_EXISTS when the author has already used the key
  /// (a racing retry), checked first.
  virtual absl::StatusOr<Session> Record(const Session& session, const WriteReceipt& receipt,
                                         const SessionRoom& room) = 0;
};

/// What the coach or mentor records after a meeting, as sent.
struct RecordInput {
  int64_t relationship_id = 0;
  int64_t session_id = 0;
  bool held = false;
  /// Not held: who called it off (kNone is refused).
  CancelledBy cancelled_by = CancelledBy::kNone;
  std::string cancel_reason;
  absl::Time started_at = absl::UnixEpoch();
  int actual_minutes = 0;
  std::optional<DeliveryMode> mode;
  std::vector<std::string> themes;
  std::string agreed_actions;
  std::string private_notes;
};

/// A session proposed by one party, as sent.
struct ProposeInput {
  int64_t relationship_id = 0;
  absl::Time starts_at = absl::UnixEpoch();
  int planned_minutes = 0;
  /// Required.
  std::optional<DeliveryMode> mode;
  std::string place;
};

/// The rules of sessions. Every write (Propose, Accept, Cancel, Reschedule
/// and Record) is made once per WriteKey: a retry answers with the session
/// as it is, and the same key with a different request is INVALID_ARGUMENT.
class Sessions {
 public:
  Sessions(SessionRepository& sessions, RelationshipRepository& relationships,
           ReceiptRepository& receipts, AuditRepository& audit, ProfileRepository& profiles,
           const NoteCipher& cipher, const Clock& clock)
      : sessions_(sessions),
        relationships_(relationships),
        receipts_(receipts),
        audit_(audit),
        profiles_(profiles),
        cipher_(cipher),
        clock_(clock) {}

  absl::StatusOr<SessionView> Propose(const Principal& caller, const ProposeInput& input,
                                      const WriteKey& key);
  absl::StatusOr<SessionView> Accept(const Principal& caller, int64_t session_id,
                                     const WriteKey& key);
  absl::StatusOr<SessionView> Cancel(const Principal& caller, int64_t session_id,
                                     const std::string& reason, const WriteKey& key);
  absl::StatusOr<SessionView> Reschedule(const Principal& caller, int64_t session_id,
                                         absl::Time starts_at, const std::string& reason,
                                         const WriteKey& key);
  /// The session as an iCalendar file, and a file name for it.
  absl::StatusOr<std::pair<std::string, std::string>> ExportCalendar(const Principal& caller,
                                                                     int64_t session_id);
  /// The view and whether it was a replay of an earlier record (the same
  /// request with the same key). The key is required.
  absl::StatusOr<std::pair<SessionView, bool>> Record(const Principal& caller,
                                                      const RecordInput& input,
                                                      const WriteKey& key);
  absl::StatusOr<std::vector<SessionView>> List(const Principal& caller, int64_t relationship_id);
  /// Seals the agreed actions of records stored before actions were sealed;
  /// returns how many. Run once at start.
  absl::StatusOr<int> SealPlainActions();

 private:
  /// The relationship and the caller's part in it (NOT_FOUND for strangers).
  absl::StatusOr<std::pair<Relationship, Party>> Find(const Principal& caller,
                                                      int64_t relationship_id);
  struct SessionOf {
    Session session;
    Relationship relationship;
    Party party;
  };
  /// A session with its relationship, for one of the relationship's two
  /// people (PERMISSION_DENIED for a coordinator, NOT_FOUND for others).
  absl::StatusOr<SessionOf> ForParticipant(const Principal& caller, int64_t session_id);
  /// What `viewer` may see of `session`. Reading private notes is audited:
  /// at once, or added to `reads` for the caller to record with others.
  absl::StatusOr<SessionView> View(const Principal& viewer, Party party, Session session,
                                   std::vector<std::string>* reads = nullptr);
  /// Session `session_id` as the caller sees it now: the answer to a retry.
  absl::StatusOr<SessionView> Current(const Principal& caller, int64_t session_id);
  /// Makes `write` once per key; a retry gets Current().
  absl::StatusOr<SessionView> Once(
      const Principal& caller, const WriteKey& key,
      absl::FunctionRef<absl::StatusOr<SessionView>(const WriteReceipt&)> write);
  /// Record's write, keeping `receipt` with it.
  absl::StatusOr<SessionView> RecordOnce(const Principal& caller, const RecordInput& input,
                                         const WriteReceipt& receipt);
  /// Applies `change` (given the caller's part) to a session of the
  /// caller's relationship, keeping `receipt` in the same transaction and
  /// telling the other person with a notice of `tell` in it.
  absl::StatusOr<SessionView> Change(const Principal& caller, int64_t session_id,
                                     const WriteReceipt& receipt, NoticeKind tell,
                                     const std::function<absl::Status(Session&, Party)>& change);

  SessionRepository& sessions_;
  RelationshipRepository& relationships_;
  ReceiptRepository& receipts_;
  AuditRepository& audit_;
  ProfileRepository& profiles_;
  const NoteCipher& cipher_;
  const Clock& clock_;
};

/// `session` of `relationship` as an iCalendar (RFC 5545) file made at
/// `now`: time, length, place and the two people — never themes, actions
/// or notes.
std::string SessionToICalendar(const Session& session, const Relationship& relationship,
                               absl::Time now);

/// The associated data that binds sealed notes to their session's
/// relationship, author and idempotency key.
std::string NotesAssociatedData(const Session& session);
/// The same for the session's agreed actions.
std::string ActionsAssociatedData(const Session& session);

}  // namespace tandem::domain
