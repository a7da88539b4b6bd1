#pragma once

#include "common/result.h"
#include "matching/matching_types.h"

#include <QList>
#include <QObject>
#include <QString>

/// Requests for support and matching (tandem.v1.MatchingService), with Qt
/// types only. Every call returns at once and reports through its callback.
class MatchingBackend {
public:
    virtual ~MatchingBackend() = default;

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
};
