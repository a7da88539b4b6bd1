#include "grpc/goal_grpc.h"

#include "grpc/grpc_call.h"
#include "grpc/proto_enums.h"
#include "tandem/v1/goals.grpc.pb.h"

namespace {

GoalInfo fromProto(const v1::Goal &goal)
{
    GoalInfo info;
    info.id = goal.id();
    info.relationshipId = goal.relationship_id();
    info.state = keyOf(kGoalStates, goal.state());
    info.what = fromStd(goal.what());
    info.measure = fromStd(goal.measure());
    info.targetOn = fromStd(goal.target_on());
    info.themes = toStringList(goal.themes());
    for (const auto &rating : goal.ratings()) {
        info.ratings.append({rating.rating(), timeFromUnix(rating.at_unix()),
            keyOf(kRatingSources, rating.source())});
    }
    for (const auto &wording : goal.earlier()) {
        info.earlier.append({fromStd(wording.what()), fromStd(wording.measure()),
            timeFromUnix(wording.replaced_at_unix())});
    }
    info.closedReason = fromStd(goal.closed_reason());
    info.closedAt = timeFromUnix(goal.closed_at_unix());
    info.createdAt = timeFromUnix(goal.created_at_unix());
    info.outcome = keyOf(kGoalOutcomes, goal.outcome());
    return info;
}

ReviewInfo fromProto(const v1::Review &review)
{
    ReviewInfo info;
    info.id = review.id();
    info.occasion = keyOf(kReviewOccasions, review.occasion());
    info.submittedAt = timeFromUnix(review.submitted_at_unix());
    for (const auto &rating : review.ratings()) {
        info.ratings.append({rating.goal_id(), rating.rating()});
    }
    info.helped = fromStd(review.helped());
    info.next = fromStd(review.next());
    info.comment = fromStd(review.comment());
    info.commentedAt = timeFromUnix(review.commented_at_unix());
    return info;
}

QuestionInfo fromProto(const v1::Question &question)
{
    return {keyOf(kQuestionTypes, question.type()), fromStd(question.wording()),
        question.required(), toStringList(question.options())};
}

void toProto(const QuestionInfo &question, v1::Question *target)
{
    target->set_type(valueOf(kQuestionTypes, question.type));
    target->set_wording(question.wording.trimmed().toStdString());
    target->set_required(question.required);
    // Options are kept as typed (no empty ones left out): their positions
    // are what answers refer to.
    for (const QString &option : question.options) {
        target->add_options(option.trimmed().toStdString());
    }
}

QuestionSetInfo fromProto(const v1::QuestionSet &set)
{
    QuestionSetInfo info;
    info.organisationId = set.organisation_id();
    info.kind = keyOf(kSupportKinds, set.kind());
    info.audience = keyOf(kEvaluationAudiences, set.audience());
    info.version = set.version();
    for (const auto &question : set.questions()) {
        info.questions.append(fromProto(question));
    }
    info.savedAt = timeFromUnix(set.saved_at_unix());
    info.savedByName = fromStd(set.saved_by_name());
    return info;
}

AnswerInfo fromProto(const v1::Answer &answer)
{
    return {
        answer.question(), answer.choice(), fromStd(answer.text()), answer.share_with_programme()};
}

DueInfo fromProto(const v1::Due &due)
{
    DueInfo info;
    info.what = keyOf(kDueWhats, due.what());
    info.relationshipId = due.relationship_id();
    info.kind = keyOf(kSupportKinds, due.kind());
    info.withName = fromStd(due.with_name());
    info.since = timeFromUnix(due.since_unix());
    info.occasion = keyOf(kReviewOccasions, due.occasion());
    info.yours = due.yours();
    return info;
}

GoalPlanInfo fromProto(const v1::GoalPlan &plan)
{
    GoalPlanInfo info;
    info.relationshipId = plan.relationship_id();
    for (const auto &goal : plan.goals()) {
        info.goals.append(fromProto(goal));
    }
    for (const auto &review : plan.reviews()) {
        info.reviews.append(fromProto(review));
    }
    for (const auto &due : plan.due()) {
        info.due.append(fromProto(due));
    }
    info.hasEvaluation = plan.has_my_evaluation();
    const v1::Evaluation &evaluation = plan.my_evaluation();
    info.myEvaluation.audience = keyOf(kEvaluationAudiences, evaluation.audience());
    info.myEvaluation.submittedAt = timeFromUnix(evaluation.submitted_at_unix());
    info.myEvaluation.version = evaluation.version();
    for (const auto &answered : evaluation.answers()) {
        info.myEvaluation.answers.append(
            {fromProto(answered.question()), fromProto(answered.answer())});
    }
    info.myQuestions = fromProto(plan.my_questions());
    info.otherEvaluated = plan.other_evaluated();
    const v1::FollowUp &followUp = plan.follow_up();
    info.followUp.dueAt = timeFromUnix(followUp.due_at_unix());
    info.followUp.submittedAt = timeFromUnix(followUp.submitted_at_unix());
    info.followUp.rating = followUp.rating();
    info.followUp.answer = fromStd(followUp.answer());
    info.followUp.shareWithProgramme = followUp.share_with_programme();
    info.followUpQuestion = fromStd(plan.follow_up_question());
    return info;
}

/// The plan of a response that carries one.
template <typename Response> GoalPlanInfo planOf(const Response &response)
{
    return fromProto(response.plan());
}

void fillGoal(const GoalDraftInfo &goal, std::string *what, std::string *measure,
    std::string *targetOn, google::protobuf::RepeatedPtrField<std::string> *themes)
{
    *what = goal.what.trimmed().toStdString();
    *measure = goal.measure.trimmed().toStdString();
    *targetOn = goal.targetOn.trimmed().toStdString();
    addStrings(themes, goal.themes);
}

} // namespace

GoalGrpc::GoalGrpc(std::shared_ptr<GrpcConnection> connection)
    : m_connection(std::move(connection))
{ }

void GoalGrpc::getGoalPlan(qint64 relationshipId, QObject *context, Callback<GoalPlanInfo> done)
{
    v1::GetGoalPlanRequest request;
    request.set_relationship_id(relationshipId);
    m_connection->call(&v1::GoalService::Stub::GetGoalPlan, request, context,
        planOf<v1::GetGoalPlanResponse>, std::move(done));
}

void GoalGrpc::listDue(QObject *context, Callback<QList<DueInfo>> done)
{
    m_connection->call(
        &v1::GoalService::Stub::ListDue, v1::ListDueRequest(), context,
        [](const v1::ListDueResponse &response) {
            QList<DueInfo> list;
            for (const auto &due : response.due()) {
                list.append(fromProto(due));
            }
            return list;
        },
        std::move(done));
}

void GoalGrpc::addGoal(qint64 relationshipId, const GoalDraftInfo &goal,
    const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
{
    v1::AddGoalRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    fillGoal(goal, request.mutable_what(), request.mutable_measure(), request.mutable_target_on(),
        request.mutable_themes());
    request.set_starting_rating(goal.startingRating);
    m_connection->call(&v1::GoalService::Stub::AddGoal, request, context,
        planOf<v1::AddGoalResponse>, std::move(done));
}

void GoalGrpc::rewordGoal(qint64 goalId, const GoalDraftInfo &goal, const QString &idempotencyKey,
    QObject *context, Callback<GoalPlanInfo> done)
{
    v1::RewordGoalRequest request;
    request.set_goal_id(goalId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    fillGoal(goal, request.mutable_what(), request.mutable_measure(), request.mutable_target_on(),
        request.mutable_themes());
    m_connection->call(&v1::GoalService::Stub::RewordGoal, request, context,
        planOf<v1::RewordGoalResponse>, std::move(done));
}

void GoalGrpc::closeGoal(qint64 goalId, const QString &state, const QString &reason,
    const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
{
    v1::CloseGoalRequest request;
    request.set_goal_id(goalId);
    request.set_state(valueOf(kGoalStates, state));
    request.set_reason(reason.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::GoalService::Stub::CloseGoal, request, context,
        planOf<v1::CloseGoalResponse>, std::move(done));
}

void GoalGrpc::requestReview(qint64 relationshipId, const QString &idempotencyKey, QObject *context,
    Callback<GoalPlanInfo> done)
{
    v1::RequestReviewRequest request;
    request.set_relationship_id(relationshipId);
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::GoalService::Stub::RequestReview, request, context,
        planOf<v1::RequestReviewResponse>, std::move(done));
}

void GoalGrpc::submitReview(qint64 relationshipId, const QList<ReviewRatingInfo> &ratings,
    const QString &helped, const QString &next, const QString &idempotencyKey, QObject *context,
    Callback<GoalPlanInfo> done)
{
    v1::SubmitReviewRequest request;
    request.set_relationship_id(relationshipId);
    for (const ReviewRatingInfo &rating : ratings) {
        v1::ReviewRating *target = request.add_ratings();
        target->set_goal_id(rating.goalId);
        target->set_rating(rating.rating);
    }
    request.set_helped(helped.trimmed().toStdString());
    request.set_next(next.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::GoalService::Stub::SubmitReview, request, context,
        planOf<v1::SubmitReviewResponse>, std::move(done));
}

void GoalGrpc::commentOnReview(qint64 reviewId, const QString &comment,
    const QString &idempotencyKey, QObject *context, Callback<GoalPlanInfo> done)
{
    v1::CommentOnReviewRequest request;
    request.set_review_id(reviewId);
    request.set_comment(comment.trimmed().toStdString());
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::GoalService::Stub::CommentOnReview, request, context,
        planOf<v1::CommentOnReviewResponse>, std::move(done));
}

void GoalGrpc::submitEvaluation(qint64 relationshipId, const QList<GoalResultInfo> &goals,
    int version, const QList<AnswerInfo> &answers, const QString &idempotencyKey, QObject *context,
    Callback<GoalPlanInfo> done)
{
    v1::SubmitEvaluationRequest request;
    request.set_relationship_id(relationshipId);
    for (const GoalResultInfo &goal : goals) {
        v1::GoalResult *target = request.add_goals();
        target->set_goal_id(goal.goalId);
        target->set_rating(goal.rating);
        target->set_outcome(valueOf(kGoalOutcomes, goal.outcome));
    }
    request.set_version(version);
    for (const AnswerInfo &answer : answers) {
        v1::Answer *target = request.add_answers();
        target->set_question(answer.question);
        target->set_choice(answer.choice);
        target->set_text(answer.text.trimmed().toStdString());
        target->set_share_with_programme(answer.shareWithProgramme);
    }
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::GoalService::Stub::SubmitEvaluation, request, context,
        planOf<v1::SubmitEvaluationResponse>, std::move(done));
}

void GoalGrpc::submitFollowUp(qint64 relationshipId, int rating, const QString &answer,
    bool shareWithProgramme, const QString &idempotencyKey, QObject *context,
    Callback<GoalPlanInfo> done)
{
    v1::SubmitFollowUpRequest request;
    request.set_relationship_id(relationshipId);
    request.set_rating(rating);
    request.set_answer(answer.trimmed().toStdString());
    request.set_share_with_programme(shareWithProgramme);
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(&v1::GoalService::Stub::SubmitFollowUp, request, context,
        planOf<v1::SubmitFollowUpResponse>, std::move(done));
}

void GoalGrpc::getEvaluationQuestions(qint64 organisationId, const QString &kind,
    const QString &audience, QObject *context, Callback<QuestionSetInfo> done)
{
    v1::GetEvaluationQuestionsRequest request;
    request.set_organisation_id(organisationId);
    request.set_kind(valueOf(kSupportKinds, kind));
    request.set_audience(valueOf(kEvaluationAudiences, audience));
    m_connection->call(
        &v1::GoalService::Stub::GetEvaluationQuestions, request, context,
        [](const v1::GetEvaluationQuestionsResponse &response) {
            return fromProto(response.questions());
        },
        std::move(done));
}

void GoalGrpc::saveEvaluationQuestions(qint64 organisationId, const QString &kind,
    const QString &audience, const QList<QuestionInfo> &questions, const QString &idempotencyKey,
    QObject *context, Callback<QuestionSetInfo> done)
{
    v1::SaveEvaluationQuestionsRequest request;
    request.set_organisation_id(organisationId);
    request.set_kind(valueOf(kSupportKinds, kind));
    request.set_audience(valueOf(kEvaluationAudiences, audience));
    for (const QuestionInfo &question : questions) {
        toProto(question, request.add_questions());
    }
    request.set_idempotency_key(idempotencyKey.toStdString());
    m_connection->call(
        &v1::GoalService::Stub::SaveEvaluationQuestions, request, context,
        [](const v1::SaveEvaluationQuestionsResponse &response) {
            return fromProto(response.questions());
        },
        std::move(done));
}

void GoalGrpc::listSharedAnswers(
    qint64 organisationId, QObject *context, Callback<QList<SharedAnswerInfo>> done)
{
    v1::ListSharedAnswersRequest request;
    request.set_organisation_id(organisationId);
    m_connection->call(
        &v1::GoalService::Stub::ListSharedAnswers, request, context,
        [](const v1::ListSharedAnswersResponse &response) {
            QList<SharedAnswerInfo> list;
            for (const auto &answer : response.answers()) {
                list.append({keyOf(kSupportKinds, answer.kind()), fromStd(answer.question()),
                    fromStd(answer.text()), fromStd(answer.quarter())});
            }
            return list;
        },
        std::move(done));
}
