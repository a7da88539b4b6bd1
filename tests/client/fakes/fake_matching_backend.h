#pragma once

#include "fakes/fake_service.h"
#include "matching/matching_backend.h"

/// MatchingBackend with no server: records each call and answers as
/// scripted (FakeService), by default OK with an empty reply.
class FakeMatchingBackend : public MatchingBackend, public FakeService {
public:
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
};
