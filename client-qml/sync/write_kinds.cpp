#include "sync/write_kinds.h"

#include "common/date_words.h"
#include "goals/goal_backend.h"
#include "relationships/relationship_backend.h"
#include "safeguarding/safeguarding_backend.h"
#include "sync/write_codec.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>

namespace {

using WriteCodec::idOf;
using WriteCodec::textOf;
using WriteCodec::timeOf;

QString tr(const char *text)
{
    return QCoreApplication::translate("WriteKinds", text);
}

// What the server answered goes into the outcome, by its type.
void keepAnswer(WriteOutcome &outcome, const RelationshipInfo &relationship)
{
    outcome.relationship = relationship;
}

void keepAnswer(WriteOutcome &outcome, const SessionInfo &session)
{
    outcome.session = session;
}

void keepAnswer(WriteOutcome &outcome, const ConcernInfo &concern)
{
    outcome.concern = concern;
}

void keepAnswer(WriteOutcome &outcome, const GoalPlanInfo &plan)
{
    outcome.plan = plan;
}

void keepAnswer(WriteOutcome &outcome, const QuestionSetInfo &questions)
{
    outcome.questions = questions;
}

/// Recorded now or before (a replay): either way it is on the server.
void keepAnswer(WriteOutcome &outcome, const RecordedSession &recorded)
{
    outcome.session = recorded.session;
    outcome.replayed = recorded.replayed;
}

/// One backend callback for every kind: the server's answer as an outcome.
template <typename T> Callback<T> into(const WriteAnswer &answer)
{
    return [answer](const Result<T> &result) {
        if (!result.ok()) {
            answer(result.error());
            return;
        }
        WriteOutcome outcome;
        outcome.kind = WriteOutcome::Kind::Written;
        keepAnswer(outcome, result.value());
        answer(outcome);
    };
}

/// False, having answered, when the service is not there (signed out).
template <typename Backend>
bool reachable(const std::shared_ptr<Backend> &backend, const WriteAnswer &answer)
{
    if (!backend) {
        answer(BackendError {BackendError::Kind::Unreachable, tr("Sign in to send your changes.")});
        return false;
    }
    return true;
}

/// "Tue 3 Mar 2026 at 10:00" for a date field; empty if it has none.
QString when(const QJsonObject &payload, const char *field)
{
    const QDateTime at = timeOf(payload, QLatin1String(field));
    return at.isValid() ? tr("%1 at %2").arg(DateWords::weekday(at), DateWords::time(at))
                        : QString();
}

/// `withDate` with the date of `field` filled in, or `without` if it has none.
QString dated(
    const QJsonObject &payload, const char *field, const char *withDate, const char *without)
{
    const QString at = when(payload, field);
    return at.isEmpty() ? tr(without) : tr(withDate).arg(at);
}

QJsonObject encodeRecord(const QVariantMap &fields)
{
    // Through SessionRecord, so that what is stored has one shape.
    QJsonObject json = WriteCodec::fromRecord(WriteCodec::toRecord(WriteCodec::fromMap(fields)));
    if (const QString key = fields.value(QStringLiteral("idempotencyKey")).toString();
        !key.isEmpty()) {
        json.insert(QStringLiteral("idempotencyKey"), key);
    }
    return json;
}

// How each kind is sent. The payload fields are those of the class comment
// of SyncQueue.

void sendRecord(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        SessionRecord record = WriteCodec::toRecord(p);
        record.idempotencyKey = key;
        b.relationships->recordSession(record, context, into<RecordedSession>(answer));
    }
}

void sendTerms(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        ContractTermsInfo terms;
        terms.numberOfSessions = p.value(QStringLiteral("numberOfSessions")).toInt();
        terms.sessionMinutes = p.value(QStringLiteral("sessionMinutes")).toInt();
        terms.regularity = textOf(p, "regularity");
        terms.plannedEndOn = textOf(p, "plannedEndOn");
        terms.reviewCadence = textOf(p, "reviewCadence");
        b.relationships->setContractTerms(
            idOf(p, "relationshipId"), terms, key, context, into<RelationshipInfo>(answer));
    }
}

void sendAgreement(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        b.relationships->agreeContract(idOf(p, "relationshipId"),
            p.value(QStringLiteral("confidentialityAcknowledged")).toBool(),
            p.value(QStringLiteral("ethicsAcknowledged")).toBool(), textOf(p, "lineManagerTold"),
            key, context, into<RelationshipInfo>(answer));
    }
}

void sendReview(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        b.relationships->reviewContract(idOf(p, "relationshipId"),
            p.value(QStringLiteral("numberOfSessions")).toInt(), textOf(p, "plannedEndOn"),
            textOf(p, "reason"), key, context, into<RelationshipInfo>(answer));
    }
}

void sendCompletion(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        b.relationships->completeRelationship(
            idOf(p, "relationshipId"), key, context, into<RelationshipInfo>(answer));
    }
}

void sendEnding(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        b.relationships->endRelationship(idOf(p, "relationshipId"), textOf(p, "reason"), key,
            context, into<RelationshipInfo>(answer));
    }
}

void sendProposal(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        SessionProposal proposal;
        proposal.relationshipId = idOf(p, "relationshipId");
        proposal.startsAt = timeOf(p, QStringLiteral("startsAt"));
        proposal.plannedMinutes = p.value(QStringLiteral("plannedMinutes")).toInt();
        proposal.mode = textOf(p, "mode");
        proposal.place = textOf(p, "place");
        b.relationships->proposeSession(proposal, key, context, into<SessionInfo>(answer));
    }
}

void sendAcceptance(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        b.relationships->acceptSession(
            idOf(p, "sessionId"), key, context, into<SessionInfo>(answer));
    }
}

void sendCancellation(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        b.relationships->cancelSession(
            idOf(p, "sessionId"), textOf(p, "reason"), key, context, into<SessionInfo>(answer));
    }
}

void sendMove(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.relationships, answer)) {
        b.relationships->rescheduleSession(idOf(p, "sessionId"),
            timeOf(p, QStringLiteral("startsAt")), textOf(p, "reason"), key, context,
            into<SessionInfo>(answer));
    }
}

void sendConcern(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.safeguarding, answer)) {
        b.safeguarding->raiseConcern(idOf(p, "relationshipId"), textOf(p, "description"), key,
            context, into<ConcernInfo>(answer));
    }
}

void sendAcknowledgement(const Backends &b, const QJsonObject &p, const QString &key,
    QObject *context, const WriteAnswer &answer)
{
    if (reachable(b.safeguarding, answer)) {
        b.safeguarding->acknowledgeConcern(idOf(p, "concernId"), textOf(p, "actionTaken"), key,
            context, into<ConcernInfo>(answer));
    }
}

// Goals, reviews and the evaluation: lists in the payload are JSON arrays of
// objects.

QJsonArray arrayOf(const QJsonObject &p, const char *field)
{
    return p.value(QLatin1String(field)).toArray();
}

GoalDraftInfo goalOf(const QJsonObject &p)
{
    GoalDraftInfo goal;
    goal.what = textOf(p, "what");
    goal.measure = textOf(p, "measure");
    goal.targetOn = textOf(p, "targetOn");
    for (const auto &theme : arrayOf(p, "themes")) {
        goal.themes.append(theme.toString());
    }
    goal.startingRating = p.value(QStringLiteral("startingRating")).toInt();
    return goal;
}

void sendAddGoal(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        b.goals->addGoal(
            idOf(p, "relationshipId"), goalOf(p), key, context, into<GoalPlanInfo>(answer));
    }
}

void sendRewordGoal(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        b.goals->rewordGoal(idOf(p, "goalId"), goalOf(p), key, context, into<GoalPlanInfo>(answer));
    }
}

void sendCloseGoal(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        b.goals->closeGoal(idOf(p, "goalId"), textOf(p, "state"), textOf(p, "reason"), key, context,
            into<GoalPlanInfo>(answer));
    }
}

void sendRequestReview(const Backends &b, const QJsonObject &p, const QString &key,
    QObject *context, const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        b.goals->requestReview(idOf(p, "relationshipId"), key, context, into<GoalPlanInfo>(answer));
    }
}

void sendSubmitReview(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        QList<ReviewRatingInfo> ratings;
        for (const auto &value : arrayOf(p, "ratings")) {
            const QJsonObject rating = value.toObject();
            ratings.append(
                {idOf(rating, "goalId"), rating.value(QStringLiteral("rating")).toInt()});
        }
        b.goals->submitReview(idOf(p, "relationshipId"), ratings, textOf(p, "helped"),
            textOf(p, "next"), key, context, into<GoalPlanInfo>(answer));
    }
}

void sendComment(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        b.goals->commentOnReview(
            idOf(p, "reviewId"), textOf(p, "comment"), key, context, into<GoalPlanInfo>(answer));
    }
}

void sendEvaluation(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        QList<GoalResultInfo> goals;
        for (const auto &value : arrayOf(p, "goals")) {
            const QJsonObject goal = value.toObject();
            goals.append({idOf(goal, "goalId"), goal.value(QStringLiteral("rating")).toInt(),
                textOf(goal, "outcome")});
        }
        QList<AnswerInfo> answers;
        for (const auto &value : arrayOf(p, "answers")) {
            const QJsonObject given = value.toObject();
            answers.append({given.value(QStringLiteral("question")).toInt(),
                given.value(QStringLiteral("choice")).toInt(), textOf(given, "text"),
                given.value(QStringLiteral("shareWithProgramme")).toBool()});
        }
        b.goals->submitEvaluation(idOf(p, "relationshipId"), goals,
            p.value(QStringLiteral("version")).toInt(), answers, key, context,
            into<GoalPlanInfo>(answer));
    }
}

void sendFollowUp(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        b.goals->submitFollowUp(idOf(p, "relationshipId"),
            p.value(QStringLiteral("rating")).toInt(), textOf(p, "answer"),
            p.value(QStringLiteral("shareWithProgramme")).toBool(), key, context,
            into<GoalPlanInfo>(answer));
    }
}

void sendQuestions(const Backends &b, const QJsonObject &p, const QString &key, QObject *context,
    const WriteAnswer &answer)
{
    if (reachable(b.goals, answer)) {
        QList<QuestionInfo> questions;
        for (const auto &value : arrayOf(p, "questions")) {
            const QJsonObject question = value.toObject();
            QuestionInfo info;
            info.type = textOf(question, "type");
            info.wording = textOf(question, "wording");
            info.required = question.value(QStringLiteral("required")).toBool();
            for (const auto &option : arrayOf(question, "options")) {
                info.options.append(option.toString());
            }
            questions.append(info);
        }
        b.goals->saveEvaluationQuestions(idOf(p, "organisationId"), textOf(p, "kind"),
            textOf(p, "audience"), questions, key, context, into<QuestionSetInfo>(answer));
    }
}

// How each kind is worded.

QString describeRecord(const QJsonObject &p)
{
    return WriteCodec::toRecord(p).held ? tr("you recorded a session")
                                        : tr("you recorded a missed session");
}

QString describeReview(const QJsonObject &p)
{
    const int sessions = p.value(QStringLiteral("numberOfSessions")).toInt();
    const QString end = textOf(p, "plannedEndOn");
    if (sessions <= 0 || end.isEmpty()) {
        return tr("you reviewed the contract");
    }
    return tr("you reviewed the contract: %1 sessions, ending %2").arg(sessions).arg(end);
}

constexpr auto kRelationship = "relationshipId";
constexpr auto kSession = "sessionId";
constexpr auto kConcern = "concernId";
constexpr auto kGoal = "goalId";
constexpr auto kReview = "reviewId";
constexpr auto kOrganisation = "organisationId";

constexpr std::array<WriteKindInfo, 21> kKinds = {{
    {WriteKind::RecordSession, "record_session", kRelationship, true, encodeRecord, sendRecord,
        describeRecord},
    {WriteKind::SetContractTerms, "set_contract_terms", kRelationship, true, WriteCodec::fromMap,
        sendTerms, [](const QJsonObject &) { return tr("you set the contract's terms"); }},
    {WriteKind::AgreeContract, "agree_contract", kRelationship, false, WriteCodec::fromMap,
        sendAgreement, [](const QJsonObject &) { return tr("you agreed to the contract"); }},
    {WriteKind::ReviewContract, "review_contract", kRelationship, true, WriteCodec::fromMap,
        sendReview, describeReview},
    {WriteKind::CompleteRelationship, "complete_relationship", kRelationship, false,
        WriteCodec::fromMap, sendCompletion,
        [](const QJsonObject &) { return tr("you completed the relationship"); }},
    {WriteKind::EndRelationship, "end_relationship", kRelationship, false, WriteCodec::fromMap,
        sendEnding, [](const QJsonObject &) { return tr("you ended the relationship early"); }},
    {WriteKind::ProposeSession, "propose_session", kRelationship, true, WriteCodec::fromMap,
        sendProposal,
        [](const QJsonObject &p) {
            return dated(p, "startsAt", "you proposed a session on %1", "you proposed a session");
        }},
    {WriteKind::AcceptSession, "accept_session", kSession, false, WriteCodec::fromMap,
        sendAcceptance,
        [](const QJsonObject &p) {
            return dated(p, "startsAt", "you accepted the session on %1", "you accepted a session");
        }},
    {WriteKind::CancelSession, "cancel_session", kSession, false, WriteCodec::fromMap,
        sendCancellation,
        [](const QJsonObject &p) {
            return dated(
                p, "startsAt", "you cancelled the session on %1", "you cancelled a session");
        }},
    {WriteKind::RescheduleSession, "reschedule_session", kSession, false, WriteCodec::fromMap,
        sendMove,
        [](const QJsonObject &p) {
            return dated(p, "startsAt", "you moved a session to %1", "you moved a session");
        }},
    {WriteKind::RaiseConcern, "raise_concern", kRelationship, false, WriteCodec::fromMap,
        sendConcern, [](const QJsonObject &) { return tr("you raised a safeguarding concern"); }},
    {WriteKind::AcknowledgeConcern, "acknowledge_concern", kConcern, false, WriteCodec::fromMap,
        sendAcknowledgement,
        [](const QJsonObject &) { return tr("you acknowledged a safeguarding concern"); }},
    {WriteKind::AddGoal, "add_goal", kRelationship, false, WriteCodec::fromMap, sendAddGoal,
        [](const QJsonObject &) { return tr("you added a goal"); }},
    {WriteKind::RewordGoal, "reword_goal", kGoal, false, WriteCodec::fromMap, sendRewordGoal,
        [](const QJsonObject &) { return tr("you reworded a goal"); }},
    {WriteKind::CloseGoal, "close_goal", kGoal, false, WriteCodec::fromMap, sendCloseGoal,
        [](const QJsonObject &p) {
            return textOf(p, "state") == QLatin1String("dropped")
                ? tr("you dropped a goal")
                : tr("you marked a goal achieved");
        }},
    {WriteKind::RequestReview, "request_review", kRelationship, false, WriteCodec::fromMap,
        sendRequestReview, [](const QJsonObject &) { return tr("you asked for a goal review"); }},
    {WriteKind::SubmitReview, "submit_review", kRelationship, false, WriteCodec::fromMap,
        sendSubmitReview, [](const QJsonObject &) { return tr("you completed a goal review"); }},
    {WriteKind::CommentOnReview, "comment_on_review", kReview, false, WriteCodec::fromMap,
        sendComment, [](const QJsonObject &) { return tr("you commented on a goal review"); }},
    {WriteKind::SubmitEvaluation, "submit_evaluation", kRelationship, false, WriteCodec::fromMap,
        sendEvaluation, [](const QJsonObject &) { return tr("you answered the evaluation"); }},
    {WriteKind::SubmitFollowUp, "submit_follow_up", kRelationship, false, WriteCodec::fromMap,
        sendFollowUp, [](const QJsonObject &) { return tr("you answered the follow-up"); }},
    {WriteKind::SaveEvaluationQuestions, "save_evaluation_questions", kOrganisation, false,
        WriteCodec::fromMap, sendQuestions,
        [](const QJsonObject &) { return tr("you saved the evaluation questions"); }},
}};

// The table is in WriteKind order, so that of() is an index.
constexpr bool inOrder()
{
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        if (static_cast<std::size_t>(kKinds[i].kind) != i) {
            return false;
        }
    }
    return true;
}
static_assert(inOrder(), "kKinds must list every WriteKind in order");
static_assert(kKinds.size() == WriteKind::SaveEvaluationQuestions + 1, "a WriteKind has no row");

} // namespace

namespace WriteKinds {

std::span<const WriteKindInfo> all()
{
    return kKinds;
}

const WriteKindInfo &of(WriteKind::Kind kind)
{
    return kKinds.at(static_cast<std::size_t>(kind));
}

const WriteKindInfo *byName(const QString &name)
{
    for (const WriteKindInfo &info : kKinds) {
        if (name == QLatin1String(info.name)) {
            return &info;
        }
    }
    return nullptr;
}

int valueOf(const QString &name)
{
    const WriteKindInfo *info = byName(name);
    return info ? static_cast<int>(info->kind) : WriteKind::kUnknown;
}

QString nameOf(WriteKind::Kind kind)
{
    return QLatin1String(of(kind).name);
}

QString describe(const QString &name, const QJsonObject &payload)
{
    const WriteKindInfo *info = byName(name);
    return info ? info->describe(payload) : tr("a change made by a newer version of the app");
}

} // namespace WriteKinds
