#pragma once

#include "matching/matching_backend.h"

#include <memory>

class GrpcConnection;

/// MatchingBackend over gRPC (tandem.v1.MatchingService).
class MatchingGrpc final : public MatchingBackend {
public:
    explicit MatchingGrpc(std::shared_ptr<GrpcConnection> connection);

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

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
