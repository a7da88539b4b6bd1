#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

/// A role a person holds in the programme (mirrors tandem.v1.Role, without
/// the protobuf type: the seam speaks Qt only).
enum class Role { Coachee, Coach, Mentor, Coordinator, Supervisor };

/// The stable key QML uses for a role: "coachee", "coach", "mentor",
/// "coordinator", "supervisor".
QString roleKey(Role role);
/// The role for a key, or nothing for an unknown key.
std::optional<Role> roleFromKey(const QString &key);
/// Every role, in the API's order.
QList<Role> allRoles();
QStringList roleKeys(const QList<Role> &roles);

/// A trust, council, care provider or practice taking part in the programme.
struct OrganisationInfo {
    qint64 id = 0;
    QString name;
    /// "nhs_trust", "local_authority", "care_provider", "primary_care",
    /// "other" or empty.
    QString kind;
};

/// A person's account as the app sees it.
struct AccountInfo {
    qint64 id = 0;
    QString email;
    QString displayName;
    qint64 organisationId = 0;
    QList<Role> roles;
    QList<qint64> coordinatedOrganisationIds;
    bool passwordChangeRequired = false;
    QDateTime createdAt;
};

/// What a successful sign-in returns.
struct SignInResult {
    QString token;
    QDateTime expiresAt;
    AccountInfo account;
    OrganisationInfo organisation;
};

/// The signed-in person's own account and organisation.
struct MeResult {
    AccountInfo account;
    OrganisationInfo organisation;
};

/// Filters and paging for listing accounts.
struct AccountQuery {
    qint64 organisationId = 0; ///< 0: every organisation the caller coordinates
    std::optional<Role> role; ///< nothing: any role
    QString text; ///< matches name or email; empty: everyone
    int pageSize = 50;
    QString pageToken; ///< empty: first page
};

/// One page of accounts.
struct AccountPage {
    QList<AccountInfo> accounts;
    QString nextPageToken; ///< empty when there are no more pages
    int totalCount = 0;
};

/// A new account and the temporary password to hand over once.
struct CreatedAccount {
    AccountInfo account;
    QString temporaryPassword;
};

/// One entry of the specialism taxonomy.
struct SpecialismInfo {
    QString code; ///< stable, e.g. "leadership"
    QString label; ///< shown to people, e.g. "Leadership"
};

/// A qualification on a pool member's profile. Enum values of the API are
/// carried as stable keys (see DirectoryCatalogue), never as protobuf types.
struct QualificationInfo {
    qint64 id = 0;
    QString type; ///< "ilm_level_5", "ilm_level_7", "emcc_practitioner", … "mentoring"
    QString title;
    QString awardedOn; ///< "YYYY-MM-DD"
    QString expiresOn; ///< "YYYY-MM-DD" or empty
    QString evidence; ///< coordinators and the owner only
    bool verified = false;
    QString verifiedOn;
};

/// A pool member's profile; which fields are filled depends on who asks.
struct ProfileInfo {
    qint64 accountId = 0;
    QString displayName;
    QString kind; ///< "coach", "mentor", "coach_and_mentor" or empty
    QString headline;
    QString bio;
    QStringList specialisms; ///< taxonomy codes
    QStringList tags;
    QStringList professions;
    qint64 organisationId = 0;
    QString organisationName;
    QString site;
    QStringList deliveryModes; ///< "in_person", "video", "phone"
    QStringList languages;
    QString availability; ///< "accepting", "full", "on_leave" or empty
    int capacity = 0;
    int currentLoad = 0;
    bool listed = false;
    bool accepting = false;
    QList<QualificationInfo> qualifications;
    QString lastSupervisionOn;
    QString trainingLevel; ///< "coaching_fundamentals", … or empty
    QString payBand; ///< "2" … "9", "8a" … "8d", "above_9" or empty
    int yearsExperience = 0;
    QString status; ///< "applied", "approved", "declined", "paused", "removed" or empty
    QString declineReason;
    QStringList unlistedReasons;
    QString contactEmail;
    QDateTime lastActiveAt; ///< invalid when unknown
    /// The viewer's pay band is known and this member's is higher (the
    /// seniority a mentor needs), without showing the band itself.
    bool moreSeniorThanYou = false;
    /// Median hours the member takes to answer a request; 0 when unknown.
    int usualAnswerHours = 0;
};

/// Filters and paging for searching the directory.
struct ProfileQuery {
    QString text;
    QString kind; ///< "coaching", "mentoring" or empty for any
    QStringList specialisms; ///< any of these codes
    QStringList professions;
    QString organisationScope; ///< "mine", "others" or empty for any
    qint64 organisationId = 0;
    QString site;
    QString deliveryMode; ///< a delivery mode key or empty
    QString language;
    bool acceptingOnly = false;
    bool includeUnlisted = false;
    int pageSize = 20;
    QString pageToken;
};

/// One page of profiles.
struct ProfilePage {
    QList<ProfileInfo> profiles;
    QString nextPageToken; ///< empty when there are no more pages
    int totalCount = 0;
};

/// Filters and paging for the coordinator's pool table.
struct PoolQuery {
    QString status; ///< a status key or empty for any
    bool lapsedOnly = false;
    int pageSize = 50;
    QString pageToken;
};

/// What a pool member saves as their own profile (SaveMyProfile).
struct ProfileDraft {
    QString kind;
    QString headline;
    QString bio;
    QStringList specialisms;
    QStringList tags;
    QStringList professions;
    QString site;
    QStringList deliveryModes;
    QStringList languages;
    QString availability;
    int capacity = 0;
    QString lastSupervisionOn;
    QString trainingLevel;
    QString payBand;
    int yearsExperience = 0;
};

/// A qualification to add to one's own profile.
struct QualificationDraft {
    QString type;
    QString title;
    QString awardedOn;
    QString expiresOn;
    QString evidence;
};

/// What a person asks for when they ask for coaching or mentoring
/// (tandem.v1.RequestDetails). Empty preferences mean "no preference".
struct RequestDetails {
    QString kind; ///< "coaching" or "mentoring"
    QString gap; ///< in their words, 10 to 2,000 characters
    QStringList themes; ///< specialism codes, at most 5
    QString deliveryMode; ///< "in_person", "video", "phone" or empty
    QString site;
    QString language;
    QString organisationPreference; ///< "own", "other" or empty
    QList<qint64> avoidAccountIds; ///< pool members not to be matched with
    QString profession;
    QString payBand; ///< a pay band key; required for mentoring
};

/// A request for coaching or mentoring (tandem.v1.SupportRequest).
struct SupportRequestInfo {
    qint64 id = 0;
    QString status; ///< "waiting", "pending", "accepted", "declined", "withdrawn"
    RequestDetails details;
    qint64 coacheeId = 0;
    QString coacheeName;
    qint64 coacheeOrganisationId = 0;
    QString coacheeOrganisationName;
    qint64 memberId = 0; ///< 0 while waiting to be matched
    QString memberName;
    QString origin; ///< "named", "chosen", "coordinator" or empty
    QDateTime createdAt;
    QDateTime waitingSince; ///< kept when a request returns to the waiting list
    QDateTime answerDueAt; ///< pending: when it goes back if not answered
    QDateTime answeredAt;
    QString declineReason;
    QString note; ///< the latest thing that happened, for the coachee
    qint64 relationshipId = 0;
};

/// One pool member suggested for a request, with its score and reasons.
struct SuggestionInfo {
    ProfileInfo profile;
    int score = 0;
    QStringList reasons; ///< plain words, weightiest first
};

/// The answer to SuggestMatches.
struct SuggestionList {
    QList<SuggestionInfo> suggestions;
    int eligibleCount = 0; ///< pool members that passed every hard rule
    QString emptyReason; ///< why there are none, in words a person can act on
};

/// Paging for the coordinators' waiting list.
struct WaitingQuery {
    int pageSize = 100;
    QString pageToken;
};

/// One page of requests.
struct RequestPage {
    QList<SupportRequestInfo> requests;
    QString nextPageToken; ///< empty when there are no more pages
    int totalCount = 0;
};

/// A pair that batch matching proposes.
struct ProposedPairInfo {
    SupportRequestInfo request;
    qint64 memberId = 0;
    QString memberName;
    QString memberOrganisationName;
    int score = 0;
    QStringList reasons;
};

/// A waiting request batch matching could not pair, and why.
struct UnmatchedRequestInfo {
    SupportRequestInfo request;
    QString reason;
};

/// What "Run matching" proposes; nothing is stored until confirmed.
struct MatchProposal {
    QList<ProposedPairInfo> pairs;
    QList<UnmatchedRequestInfo> unmatched;
    qint64 totalScore = 0;
    int membersConsidered = 0;
    int pairsConsidered = 0;
    int solveMillis = 0;
};

/// A request and the member to send it to.
struct MatchPair {
    qint64 requestId = 0;
    qint64 memberId = 0;
};

/// What became of one pair on confirming.
struct PairOutcome {
    qint64 requestId = 0;
    qint64 memberId = 0;
    bool confirmed = false;
    QString problem; ///< why not, when not confirmed
};

/// The answer to ConfirmMatches.
struct ConfirmResult {
    QList<PairOutcome> outcomes;
    int confirmedCount = 0;
};

/// How much each part of a match counts for one organisation's coachees,
/// each 0 to 100.
struct MatchWeights {
    qint64 organisationId = 0;
    int themes = 0;
    int deliveryMode = 0;
    int site = 0;
    int language = 0;
    int organisation = 0;
    int profession = 0;
    int spareCapacity = 0;
    int waiting = 0;
};

/// The terms a coach or mentor sets (tandem.v1.ContractTerms). Enum values
/// are carried as keys (see RelationshipCatalogue).
struct ContractTermsInfo {
    int numberOfSessions = 0; ///< coaching: 1 to 24
    int sessionMinutes = 0; ///< coaching: 30 to 180
    QString regularity; ///< coaching: "weekly", "fortnightly", "monthly", "as_agreed"
    QString plannedEndOn; ///< coaching: "YYYY-MM-DD"
    QString reviewCadence; ///< mentoring: "monthly", "quarterly", "six_monthly"
};

/// One party's agreement to the terms.
struct AgreementInfo {
    QDateTime agreedAt; ///< invalid while not agreed
    bool confidentialityAcknowledged = false;
    bool ethicsAcknowledged = false;
};

/// A relationship's contract (tandem.v1.Contract).
struct ContractInfo {
    bool termsSet = false;
    ContractTermsInfo terms;
    AgreementInfo coachee;
    AgreementInfo member;
    QString lineManagerTold; ///< "yes", "not_yet", "chose_not_to" or empty
    int reviews = 0;
};

/// One step of a relationship's history.
struct HistoryEntryInfo {
    QDateTime at;
    qint64 byAccountId = 0;
    QString byName;
    QString event; ///< in words: "set the contract", "agreed the contract", …
    QString fromState;
    QString toState;
    QString reason;
};

/// A coaching or mentoring relationship (tandem.v1.Relationship).
struct RelationshipInfo {
    qint64 id = 0;
    QString kind; ///< "coaching" or "mentoring"
    QString state; ///< "contracting", "active", "completed", "ended_early"
    qint64 requestId = 0;
    qint64 coacheeId = 0;
    QString coacheeName;
    qint64 memberId = 0;
    QString memberName;
    ContractInfo contract;
    QList<HistoryEntryInfo> history; ///< oldest first
    QDateTime createdAt;
    QString yourPart; ///< "coachee", "member", or empty for a coordinator
};

/// A session of a relationship (tandem.v1.Session).
struct SessionInfo {
    qint64 id = 0;
    qint64 relationshipId = 0;
    QString status; ///< "proposed", "accepted", "cancelled", "held", "not_held"
    QDateTime startsAt;
    int plannedMinutes = 0;
    QString mode; ///< a delivery mode key or empty
    QString place;
    qint64 proposedByAccountId = 0;
    QString cancelReason;
    QString cancelledBy; ///< "coachee", "member" or empty
    int actualMinutes = 0;
    QStringList themes; ///< specialism codes
    QString agreedActions;
    QString privateNotes; ///< only ever filled for their author
    bool hasPrivateNotes = false;
    QDateTime recordedAt;
    QString rescheduleReason; ///< why it was last moved; empty if never
};

/// What either party proposes for a session.
struct SessionProposal {
    qint64 relationshipId = 0;
    QDateTime startsAt; ///< in the future, within a year
    int plannedMinutes = 0; ///< 15 to 240
    QString mode; ///< a delivery mode key
    QString place; ///< room, video link or phone number
};

/// The record of a meeting, made by the coach or mentor afterwards
/// (RecordSession). `idempotencyKey` (16 to 64 characters) is made by the
/// app once per record and sent with every retry.
struct SessionRecord {
    qint64 relationshipId = 0;
    qint64 sessionId = 0; ///< the scheduled session recorded, or 0
    QString idempotencyKey;
    bool held = true;
    QString cancelledBy; ///< not held: "coachee" or "member"
    QString cancelReason;
    QDateTime startedAt; ///< required with sessionId 0
    int actualMinutes = 0;
    QString mode;
    QStringList themes;
    QString agreedActions;
    QString privateNotes;
};

/// A session as an iCalendar (RFC 5545) file, with no confidential content.
struct CalendarFile {
    QString fileName; ///< e.g. "tandem-session-12.ics"
    QByteArray ics; ///< text/calendar, UTF-8, CRLF line ends
};

/// The answer to RecordSession.
struct RecordedSession {
    SessionInfo session;
    /// The server had already recorded this key: a retry, not a new record.
    bool replayed = false;
};

/// A safeguarding concern (tandem.v1.Concern) as the caller may see it: the
/// description and what was done are empty unless the caller is the coach's
/// supervisor (or, once escalated, the organisation's safeguarding lead).
struct ConcernInfo {
    qint64 id = 0;
    qint64 relationshipId = 0;
    qint64 raisedByAccountId = 0;
    QString raisedByName;
    QDateTime raisedAt;
    QString description; ///< the supervisor's and the lead's only
    QDateTime escalateAt; ///< when it goes to the lead if not acknowledged
    bool escalated = false; ///< not acknowledged in time: the lead sees it too
    QDateTime acknowledgedAt; ///< invalid while not acknowledged
    QString acknowledgedByName;
    QString actionTaken; ///< what was done; the supervisor's and the lead's only
    QString yourPart; ///< "supervisor", "safeguarding lead" or "raised by you"
    QString aboutName; ///< the coachee; the supervisor's and the lead's only
};

/// One read of confidential content (tandem.v1.AuditEntry): who, what,
/// when, never the content.
struct AuditEntryInfo {
    QDateTime at;
    qint64 accountId = 0;
    QString accountName;
    QString what; ///< e.g. "read safeguarding concern 3"
};

/// Nothing to return; the call succeeded.
struct Done { };

/// Why a call failed, already phrased for the person using the app.
struct BackendError {
    enum class Kind {
        Unreachable, ///< the server could not be reached
        Timeout, ///< the deadline passed
        SessionExpired, ///< the token is no longer valid; sign in again
        Rejected, ///< the server refused the request; message says why
        Busy, ///< the server is too busy just now; trying later may work
        NotFound,
        Internal, ///< a bug or an unexpected failure
    };
    Kind kind = Kind::Internal;
    QString message;
};

/// The outcome of a call: a value or an error, never both.
template <typename T> class Result {
public:
    Result(T value)
        : m_value(std::move(value))
    { } // NOLINT(google-explicit-constructor)
    Result(BackendError error)
        : m_error(std::move(error))
    { } // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const BackendError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    BackendError m_error;
};

template <typename T> using Callback = std::function<void(const Result<T> &)>;

/// The network seam: everything the models need from the server, with Qt
/// types only. Every call returns at once and reports on the GUI thread
/// through its callback, unless `context` has been destroyed by then, in
/// which case the result is dropped.
class Backend : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Backend() override = default;

    /// The server address this backend talks to, e.g. "127.0.0.1:7443".
    virtual QString address() const = 0;

    /// The bearer token sent with every call except signIn; empty for none.
    virtual void setToken(const QString &token) = 0;

    virtual void signIn(const QString &email, const QString &password, QObject *context,
        Callback<SignInResult> done)
        = 0;
    virtual void signOut(QObject *context, Callback<Done> done) = 0;
    virtual void getMe(QObject *context, Callback<MeResult> done) = 0;
    virtual void changePassword(const QString &currentPassword, const QString &newPassword,
        QObject *context, Callback<Done> done)
        = 0;

    virtual void listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done) = 0;
    virtual void createAccount(const QString &email, const QString &displayName,
        qint64 organisationId, const QList<Role> &roles, QObject *context,
        Callback<CreatedAccount> done)
        = 0;
    virtual void listAccounts(
        const AccountQuery &query, QObject *context, Callback<AccountPage> done)
        = 0;
    virtual void setAccountRoles(
        qint64 accountId, const QList<Role> &roles, QObject *context, Callback<AccountInfo> done)
        = 0;

    // Directory (tandem.v1.DirectoryService).
    virtual void listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done) = 0;
    /// Adds a specialism to the taxonomy (coordinators only). `label` is 2 to
    /// 60 characters; the server derives the code and refuses a duplicate.
    virtual void createSpecialism(
        const QString &label, QObject *context, Callback<SpecialismInfo> done)
        = 0;
    virtual void searchProfiles(
        const ProfileQuery &query, QObject *context, Callback<ProfilePage> done)
        = 0;
    virtual void getProfile(qint64 accountId, QObject *context, Callback<ProfileInfo> done) = 0;
    /// Fails with Kind::NotFound when the caller has not applied yet.
    virtual void getMyProfile(QObject *context, Callback<ProfileInfo> done) = 0;
    virtual void saveMyProfile(
        const ProfileDraft &draft, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void addMyQualification(
        const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void deleteMyQualification(
        qint64 qualificationId, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void listPool(const PoolQuery &query, QObject *context, Callback<ProfilePage> done) = 0;
    virtual void reviewApplication(qint64 accountId, bool approve, const QString &declineReason,
        QObject *context, Callback<ProfileInfo> done)
        = 0;
    /// `status`: "approved" (reinstate), "paused" or "removed".
    virtual void setPoolStatus(
        qint64 accountId, const QString &status, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void verifyQualification(
        qint64 qualificationId, bool verified, QObject *context, Callback<ProfileInfo> done)
        = 0;

    // Requests and matching (tandem.v1.MatchingService).
    /// Asks for support: named (`memberId` > 0, straight to that member's
    /// inbox) or to be matched (`memberId` 0, waiting).
    virtual void createRequest(const RequestDetails &details, qint64 memberId, QObject *context,
        Callback<SupportRequestInfo> done)
        = 0;
    /// The caller's own requests, newest first.
    virtual void listMyRequests(QObject *context, Callback<QList<SupportRequestInfo>> done) = 0;
    virtual void withdrawRequest(
        qint64 requestId, QObject *context, Callback<SupportRequestInfo> done)
        = 0;
    /// The best pool members for a waiting request; `limit` 1 to 20, 0 for 5.
    virtual void suggestMatches(
        qint64 requestId, int limit, QObject *context, Callback<SuggestionList> done)
        = 0;
    /// Sends a waiting request to one pool member: it becomes pending.
    virtual void chooseMember(
        qint64 requestId, qint64 memberId, QObject *context, Callback<SupportRequestInfo> done)
        = 0;
    /// Requests waiting for the caller's answer, oldest first.
    virtual void listInbox(QObject *context, Callback<QList<SupportRequestInfo>> done) = 0;
    /// Accepts, or declines with a reason the coachee sees.
    virtual void answerRequest(qint64 requestId, bool accept, const QString &declineReason,
        QObject *context, Callback<SupportRequestInfo> done)
        = 0;
    /// Coordinators: the waiting list, longest waiting first.
    virtual void listWaiting(
        const WaitingQuery &query, QObject *context, Callback<RequestPage> done)
        = 0;
    /// Coordinators: "Run matching" over the whole waiting list.
    virtual void proposeMatches(QObject *context, Callback<MatchProposal> done) = 0;
    /// Coordinators: sends each pair to the member's inbox; each is checked
    /// again and confirmed or refused on its own.
    virtual void confirmMatches(
        const QList<MatchPair> &pairs, QObject *context, Callback<ConfirmResult> done)
        = 0;
    /// Coordinators: the weights of one organisation (0: their first).
    virtual void getMatchWeights(
        qint64 organisationId, QObject *context, Callback<MatchWeights> done)
        = 0;
    virtual void updateMatchWeights(
        const MatchWeights &weights, QObject *context, Callback<MatchWeights> done)
        = 0;

    // Relationships and sessions (tandem.v1.RelationshipService).
    /// The caller's relationships, as coachee or as coach or mentor, newest
    /// first.
    virtual void listMyRelationships(QObject *context, Callback<QList<RelationshipInfo>> done) = 0;
    virtual void getRelationship(
        qint64 relationshipId, QObject *context, Callback<RelationshipInfo> done)
        = 0;
    // Every write below takes an `idempotencyKey`: made by the app once per
    // write (16 to 64 characters) and sent unchanged with every retry, so
    // that the server acts once however often it arrives; empty for none.

    /// The coach or mentor sets the terms while contracting; both parties'
    /// agreements are cleared.
    virtual void setContractTerms(qint64 relationshipId, const ContractTermsInfo &terms,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
        = 0;
    /// One party agrees; `lineManagerTold` is required from the coachee.
    virtual void agreeContract(qint64 relationshipId, bool confidentialityAcknowledged,
        bool ethicsAcknowledged, const QString &lineManagerTold, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done)
        = 0;
    /// The coach resets an active coaching contract's sessions and end date.
    virtual void reviewContract(qint64 relationshipId, int numberOfSessions,
        const QString &plannedEndOn, const QString &reason, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done)
        = 0;
    virtual void completeRelationship(qint64 relationshipId, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done)
        = 0;
    virtual void endRelationship(qint64 relationshipId, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done)
        = 0;
    virtual void proposeSession(const SessionProposal &proposal, const QString &idempotencyKey,
        QObject *context, Callback<SessionInfo> done)
        = 0;
    virtual void acceptSession(qint64 sessionId, const QString &idempotencyKey, QObject *context,
        Callback<SessionInfo> done)
        = 0;
    virtual void cancelSession(qint64 sessionId, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done)
        = 0;
    /// Moves a session still to come to `startsAt` (future, within a year),
    /// with a reason; it is proposed again by the caller for the other to
    /// accept.
    virtual void rescheduleSession(qint64 sessionId, const QDateTime &startsAt,
        const QString &reason, const QString &idempotencyKey, QObject *context,
        Callback<SessionInfo> done)
        = 0;
    /// The session as an iCalendar file (the parties only; no private content).
    virtual void exportSessionCalendar(
        qint64 sessionId, QObject *context, Callback<CalendarFile> done)
        = 0;
    /// Safe to retry with the same key: a repeat answers `replayed`.
    virtual void recordSession(
        const SessionRecord &record, QObject *context, Callback<RecordedSession> done)
        = 0;
    /// The sessions of a relationship, soonest first.
    virtual void listSessions(
        qint64 relationshipId, QObject *context, Callback<QList<SessionInfo>> done)
        = 0;

    // Safeguarding, reads and set-up (tandem.v1.SafeguardingService).
    /// Concerns the caller may read (as supervisor, or as safeguarding lead
    /// once escalated) with their text, and those they raised without it;
    /// oldest unacknowledged first.
    virtual void listConcerns(QObject *context, Callback<QList<ConcernInfo>> done) = 0;
    /// Coordinators: reads of confidential content in their organisations,
    /// newest first, without the content; `limit` 1 to 500, 0 for 100.
    virtual void listAuditTrail(int limit, QObject *context, Callback<QList<AuditEntryInfo>> done)
        = 0;
    /// Coordinators: records who supervises a coach or mentor.
    virtual void setSupervisor(
        qint64 coachId, qint64 supervisorId, QObject *context, Callback<Done> done)
        = 0;
    /// Coordinators: names an organisation's designated safeguarding lead.
    virtual void setSafeguardingLead(
        qint64 organisationId, qint64 accountId, QObject *context, Callback<Done> done)
        = 0;

    // Safeguarding, writes (sent through the app's outbox with a key).
    /// The coach or mentor of a relationship raises a concern (10 to 5,000
    /// characters); refused when no supervisor is recorded for them.
    virtual void raiseConcern(qint64 relationshipId, const QString &description,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
        = 0;
    /// The supervisor (or, once escalated, the lead) acknowledges a concern
    /// and records what was done (10 to 5,000 characters).
    virtual void acknowledgeConcern(qint64 concernId, const QString &actionTaken,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done)
        = 0;

    /// Asks the connection to try the server again now instead of waiting
    /// out its back-off (after a "Sync now"). Does nothing by default.
    virtual void reconnectNow() { }

Q_SIGNALS:
    /// A call other than signIn was refused because the token is no longer
    /// valid. Emitted before that call's callback runs.
    void sessionExpired(const QString &message);
};
