#include "fakes/fake_matching_backend.h"

using namespace Qt::StringLiterals;

void FakeMatchingBackend::createRequest(const RequestDetails &details, qint64 memberId,
    QObject *context, Callback<SupportRequestInfo> done)
{
    respond({u"createRequest"_s,
                {{u"details"_s, QVariant::fromValue(details)}, {u"memberId"_s, memberId}}, {}},
        context, std::move(done));
}

void FakeMatchingBackend::listMyRequests(QObject *context, Callback<QList<SupportRequestInfo>> done)
{
    respond({u"listMyRequests"_s, {}, {}}, context, std::move(done));
}

void FakeMatchingBackend::withdrawRequest(
    qint64 requestId, QObject *context, Callback<SupportRequestInfo> done)
{
    respond({u"withdrawRequest"_s, {{u"requestId"_s, requestId}}, {}}, context, std::move(done));
}

void FakeMatchingBackend::suggestMatches(
    qint64 requestId, int limit, QObject *context, Callback<SuggestionList> done)
{
    respond({u"suggestMatches"_s, {{u"requestId"_s, requestId}, {u"limit"_s, limit}}, {}}, context,
        std::move(done));
}

void FakeMatchingBackend::chooseMember(
    qint64 requestId, qint64 memberId, QObject *context, Callback<SupportRequestInfo> done)
{
    respond({u"chooseMember"_s, {{u"requestId"_s, requestId}, {u"memberId"_s, memberId}}, {}},
        context, std::move(done));
}

void FakeMatchingBackend::listInbox(QObject *context, Callback<QList<SupportRequestInfo>> done)
{
    respond({u"listInbox"_s, {}, {}}, context, std::move(done));
}

void FakeMatchingBackend::answerRequest(qint64 requestId, bool accept, const QString &declineReason,
    QObject *context, Callback<SupportRequestInfo> done)
{
    respond({u"answerRequest"_s,
                {{u"requestId"_s, requestId}, {u"accept"_s, accept},
                    {u"declineReason"_s, declineReason}},
                {}},
        context, std::move(done));
}

void FakeMatchingBackend::listWaiting(
    const WaitingQuery &query, QObject *context, Callback<RequestPage> done)
{
    respond({u"listWaiting"_s, {{u"query"_s, QVariant::fromValue(query)}}, {}}, context,
        std::move(done));
}

void FakeMatchingBackend::proposeMatches(QObject *context, Callback<MatchProposal> done)
{
    respond({u"proposeMatches"_s, {}, {}}, context, std::move(done));
}

void FakeMatchingBackend::confirmMatches(
    const QList<MatchPair> &pairs, QObject *context, Callback<ConfirmResult> done)
{
    respond({u"confirmMatches"_s, {{u"pairs"_s, QVariant::fromValue(pairs)}}, {}}, context,
        std::move(done));
}

void FakeMatchingBackend::getMatchWeights(
    qint64 organisationId, QObject *context, Callback<MatchWeights> done)
{
    respond({u"getMatchWeights"_s, {{u"organisationId"_s, organisationId}}, {}}, context,
        std::move(done));
}

void FakeMatchingBackend::updateMatchWeights(
    const MatchWeights &weights, QObject *context, Callback<MatchWeights> done)
{
    respond({u"updateMatchWeights"_s, {{u"weights"_s, QVariant::fromValue(weights)}}, {}}, context,
        std::move(done), weights);
}
