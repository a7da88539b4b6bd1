#pragma once

#include "directory/directory_types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

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
    int maxScore = 0; ///< the most any pair could score under the same weights
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
    int maxScore = 0; ///< the most any pair could score under the same weights
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
