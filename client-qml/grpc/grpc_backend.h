#pragma once

#include "common/connection.h"
#include "directory/directory_backend.h"
#include "identity/account_backend.h"
#include "identity/auth_backend.h"
#include "matching/matching_backend.h"
#include "relationships/relationship_backend.h"
#include "safeguarding/safeguarding_backend.h"

#include <QThreadPool>

#include <chrono>
#include <memory>

namespace grpc {
class Channel;
class ClientContext;
} // namespace grpc

class CallRegistry;
enum class CallAuth;

/// Every service's backend over gRPC (tandem.v1), and their connection. Blocking grpc++ stubs run
/// on a small thread pool, never on the GUI thread; each call has a deadline and its result is
/// queued back to the GUI thread. Loopback addresses (127.x, localhost, ::1) use plaintext,
/// anything else TLS with the system roots.
class GrpcBackend final : public Connection,
                          public AuthBackend,
                          public AccountBackend,
                          public DirectoryBackend,
                          public MatchingBackend,
                          public RelationshipBackend,
                          public SafeguardingBackend {
    Q_OBJECT

public:
    explicit GrpcBackend(const QString &address, QObject *parent = nullptr);
    /// Cancels calls still in flight and waits for their threads to finish.
    ~GrpcBackend() override;

    /// True when `address` names this machine, so plaintext is acceptable.
    static bool isLoopbackAddress(const QString &address);

    QString address() const override;
    void setToken(const QString &token) override;

    void signIn(const QString &email, const QString &password, QObject *context,
        Callback<SignInResult> done) override;
    void signOut(QObject *context, Callback<Done> done) override;
    void getMe(QObject *context, Callback<MeResult> done) override;
    void changePassword(const QString &currentPassword, const QString &newPassword,
        QObject *context, Callback<Done> done) override;

    void listOrganisations(QObject *context, Callback<QList<OrganisationInfo>> done) override;
    void createAccount(const QString &email, const QString &displayName, qint64 organisationId,
        const QList<Role> &roles, QObject *context, Callback<CreatedAccount> done) override;
    void listAccounts(
        const AccountQuery &query, QObject *context, Callback<AccountPage> done) override;
    void setAccountRoles(qint64 accountId, const QList<Role> &roles, QObject *context,
        Callback<AccountInfo> done) override;

    void listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done) override;
    void createSpecialism(
        const QString &label, QObject *context, Callback<SpecialismInfo> done) override;
    void searchProfiles(
        const ProfileQuery &query, QObject *context, Callback<ProfilePage> done) override;
    void getProfile(qint64 accountId, QObject *context, Callback<ProfileInfo> done) override;
    void getMyProfile(QObject *context, Callback<ProfileInfo> done) override;
    void saveMyProfile(
        const ProfileDraft &draft, QObject *context, Callback<ProfileInfo> done) override;
    void addMyQualification(
        const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done) override;
    void deleteMyQualification(
        qint64 qualificationId, QObject *context, Callback<ProfileInfo> done) override;
    void listPool(const PoolQuery &query, QObject *context, Callback<ProfilePage> done) override;
    void reviewApplication(qint64 accountId, bool approve, const QString &declineReason,
        QObject *context, Callback<ProfileInfo> done) override;
    void setPoolStatus(qint64 accountId, const QString &status, QObject *context,
        Callback<ProfileInfo> done) override;
    void verifyQualification(qint64 qualificationId, bool verified, QObject *context,
        Callback<ProfileInfo> done) override;

    void createRequest(const RequestDetails &details, qint64 memberId, QObject *context,
        Callback<SupportRequestInfo> done) override;
    void listMyRequests(QObject *context, Callback<QList<SupportRequestInfo>> done) override;
    void withdrawRequest(
        qint64 requestId, QObject *context, Callback<SupportRequestInfo> done) override;
    void suggestMatches(
        qint64 requestId, int limit, QObject *context, Callback<SuggestionList> done) override;
    void chooseMember(qint64 requestId, qint64 memberId, QObject *context,
        Callback<SupportRequestInfo> done) override;
    void listInbox(QObject *context, Callback<QList<SupportRequestInfo>> done) override;
    void answerRequest(qint64 requestId, bool accept, const QString &declineReason,
        QObject *context, Callback<SupportRequestInfo> done) override;
    void listWaiting(
        const WaitingQuery &query, QObject *context, Callback<RequestPage> done) override;
    void proposeMatches(QObject *context, Callback<MatchProposal> done) override;
    void confirmMatches(
        const QList<MatchPair> &pairs, QObject *context, Callback<ConfirmResult> done) override;
    void getMatchWeights(
        qint64 organisationId, QObject *context, Callback<MatchWeights> done) override;
    void updateMatchWeights(
        const MatchWeights &weights, QObject *context, Callback<MatchWeights> done) override;

    void listMyRelationships(QObject *context, Callback<QList<RelationshipInfo>> done) override;
    void getRelationship(
        qint64 relationshipId, QObject *context, Callback<RelationshipInfo> done) override;
    void setContractTerms(qint64 relationshipId, const ContractTermsInfo &terms,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done) override;
    void agreeContract(qint64 relationshipId, bool confidentialityAcknowledged,
        bool ethicsAcknowledged, const QString &lineManagerTold, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done) override;
    void reviewContract(qint64 relationshipId, int numberOfSessions, const QString &plannedEndOn,
        const QString &reason, const QString &idempotencyKey, QObject *context,
        Callback<RelationshipInfo> done) override;
    void completeRelationship(qint64 relationshipId, const QString &idempotencyKey,
        QObject *context, Callback<RelationshipInfo> done) override;
    void endRelationship(qint64 relationshipId, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<RelationshipInfo> done) override;
    void proposeSession(const SessionProposal &proposal, const QString &idempotencyKey,
        QObject *context, Callback<SessionInfo> done) override;
    void acceptSession(qint64 sessionId, const QString &idempotencyKey, QObject *context,
        Callback<SessionInfo> done) override;
    void cancelSession(qint64 sessionId, const QString &reason, const QString &idempotencyKey,
        QObject *context, Callback<SessionInfo> done) override;
    void rescheduleSession(qint64 sessionId, const QDateTime &startsAt, const QString &reason,
        const QString &idempotencyKey, QObject *context, Callback<SessionInfo> done) override;
    void exportSessionCalendar(
        qint64 sessionId, QObject *context, Callback<CalendarFile> done) override;
    void recordSession(
        const SessionRecord &record, QObject *context, Callback<RecordedSession> done) override;
    void listSessions(
        qint64 relationshipId, QObject *context, Callback<QList<SessionInfo>> done) override;

    void listConcerns(QObject *context, Callback<QList<ConcernInfo>> done) override;
    void listAuditTrail(int limit, QObject *context, Callback<QList<AuditEntryInfo>> done) override;
    void setSupervisor(
        qint64 coachId, qint64 supervisorId, QObject *context, Callback<Done> done) override;
    void setSafeguardingLead(
        qint64 organisationId, qint64 accountId, QObject *context, Callback<Done> done) override;

    void raiseConcern(qint64 relationshipId, const QString &description,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done) override;
    void acknowledgeConcern(qint64 concernId, const QString &actionTaken,
        const QString &idempotencyKey, QObject *context, Callback<ConcernInfo> done) override;

    void reconnectNow() override;

    /// Deadline for ordinary calls.
    static constexpr std::chrono::seconds kCallTimeout {10};
    /// Sign-in hashes the password (argon2) on the server, so it gets longer.
    static constexpr std::chrono::seconds kSignInTimeout {20};
    /// Batch matching solves an assignment over the whole waiting list.
    static constexpr std::chrono::seconds kMatchingTimeout {60};

private:
    /// What runs on the worker: performs one RPC with a prepared context.
    template <typename T> using Work = std::function<Result<T>(grpc::ClientContext &)>;

    /// Runs one call of `Service`; `convert` turns its response into T.
    template <typename Service, typename T, typename Request, typename Response, typename Method,
        typename Convert>
    void serviceCall(std::chrono::seconds timeout, const Request &request, Method method,
        QObject *context, Convert convert, Callback<T> done);

    /// Runs one DirectoryService call that answers with a profile.
    template <typename Request, typename Response, typename Method>
    void profileCall(
        const Request &request, Method method, QObject *context, Callback<ProfileInfo> done);

    /// Runs one MatchingService call; `convert` turns its response into T.
    template <typename T, typename Request, typename Response, typename Method, typename Convert>
    void matchingCall(std::chrono::seconds timeout, const Request &request, Method method,
        QObject *context, Convert convert, Callback<T> done);

    /// Runs one RelationshipService call; `convert` turns its response into T.
    template <typename T, typename Request, typename Response, typename Method, typename Convert>
    void relationshipCall(
        const Request &request, Method method, QObject *context, Convert convert, Callback<T> done);

    /// Runs one SafeguardingService call; `convert` turns its response into T.
    template <typename T, typename Request, typename Response, typename Method, typename Convert>
    void safeguardingCall(
        const Request &request, Method method, QObject *context, Convert convert, Callback<T> done);

    template <typename T>
    void dispatch(std::chrono::seconds timeout, CallAuth auth, QObject *context, Work<T> work,
        Callback<T> done);

    QString m_address;
    std::string m_token;
    std::shared_ptr<grpc::Channel> m_channel;
    std::shared_ptr<CallRegistry> m_calls;
    QThreadPool m_pool;
};
