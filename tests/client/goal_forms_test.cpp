// The forms of goals, reviews and the end evaluation (goals/) with the
// outbox and a fake GoalBackend: what each refuses before sending, what it
// sends (once, with its own key, also after waiting offline), where the
// server's refusal lands, and what it keeps as a draft while the person
// types.
#include "signed_in_fixture.h"

#include "goals/close_goal_form.h"
#include "goals/evaluation_form.h"
#include "goals/follow_up_form.h"
#include "goals/goal_form.h"
#include "goals/goal_plan.h"
#include "goals/question_editor_form.h"
#include "goals/review_comment_form.h"
#include "goals/review_form.h"
#include "sync/sync_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QDate>
#include <QSignalSpy>

#include <memory>

namespace {

using namespace Qt::StringLiterals;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

/// A coaching relationship with Amy Lee.
QVariantMap coaching()
{
    return {{u"id"_s, 31}, {u"kind"_s, u"coaching"_s}, {u"otherName"_s, u"Amy Lee"_s}};
}

QVariantMap goal(qint64 id, const QString &what)
{
    return {{u"id"_s, id}, {u"what"_s, what}, {u"measure"_s, u"I will know"_s},
        {u"state"_s, u"open"_s}};
}

std::string fieldError(const FormBase &form, const QString &field)
{
    return form.fieldErrors().value(field).toString().toStdString();
}

class GoalFormsTest : public SignedInFixture {
protected:
    FakeGoalBackend &goals() const { return *fakes->goals; }
};

TEST_F(GoalFormsTest, AGoalSaysWhatIsMissingAndNothingIsSent)
{
    GoalForm form;
    form.start(coaching());
    form.submit();
    EXPECT_THAT(fieldError(form, u"what"_s), HasSubstr("what you want to achieve"));
    EXPECT_THAT(fieldError(form, u"measure"_s), HasSubstr("how you will know"));
    EXPECT_THAT(fieldError(form, u"startingRating"_s), HasSubstr("0"));
    form.setWhat(QString(301, u'x'));
    form.setMeasure(u"My team lead says so"_s);
    form.setStartingRating(3);
    form.setTargetOn(QDate::currentDate().addDays(-1).toString(Qt::ISODate));
    form.submit();
    EXPECT_THAT(fieldError(form, u"what"_s), HasSubstr("300 characters"));
    EXPECT_THAT(fieldError(form, u"targetOn"_s), HasSubstr("today or later"));
    EXPECT_FALSE(form.fieldErrors().contains(u"measure"_s));
    drain();
    EXPECT_EQ(queue().count(), 0);
    EXPECT_THAT(goals().calls(), IsEmpty());
}

TEST_F(GoalFormsTest, ARewordingIsSentForItsGoalAndTheFormIsDone)
{
    GoalForm form;
    form.start(coaching(), goal(7, u"Delegate"_s));
    EXPECT_TRUE(form.rewording());
    EXPECT_EQ(form.what(), u"Delegate"_s);
    form.setWhat(u"Delegate two tasks a shift"_s);
    QSignalSpy submitted(&form, &GoalForm::submitted);
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return submitted.count() == 1; }))
        << form.errorMessage().toStdString();
    EXPECT_FALSE(form.busy());
    const QList<FakeCall> calls = goals().callsTo(u"rewordGoal"_s);
    ASSERT_EQ(calls.size(), 1);
    EXPECT_EQ(calls[0].args.value(u"goalId"_s).toLongLong(), 7);
    EXPECT_EQ(calls[0].arg<GoalDraftInfo>(u"goal"_s).what, u"Delegate two tasks a shift"_s);
    EXPECT_EQ(queue().count(), 0);
}

TEST_F(GoalFormsTest, AGoalIsSentOnceWithItsFieldsAndTheRefusalLandsOnItsField)
{
    GoalForm form;
    form.start(coaching());
    form.setWhat(u"Lead the ward huddle with confidence"_s);
    form.setMeasure(u"I run it three times without notes"_s);
    form.setStartingRating(4);
    QSignalSpy submitted(&form, &GoalForm::submitted);
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return submitted.count() == 1; }));
    const QList<FakeCall> calls = goals().callsTo(u"addGoal"_s);
    ASSERT_EQ(calls.size(), 1);
    EXPECT_GE(calls[0].idempotencyKey.size(), 16);
    EXPECT_EQ(calls[0].args.value(u"relationshipId"_s).toLongLong(), 31);
    const auto sent = calls[0].arg<GoalDraftInfo>(u"goal"_s);
    EXPECT_EQ(sent.what, u"Lead the ward huddle with confidence"_s);
    EXPECT_EQ(sent.startingRating, 4);
    EXPECT_EQ(queue().count(), 0);

    // The server's "field: why" lands on the field, and nothing stays queued.
    goals().answerNextWith(FakeAnswer::refuse(u"measure: must be at most 500 characters"_s));
    GoalForm again;
    again.start(coaching());
    again.setWhat(u"Another"_s);
    again.setMeasure(u"Somehow"_s);
    again.setStartingRating(2);
    again.submit();
    ASSERT_TRUE(waitUntil([&] { return !again.busy(); }));
    EXPECT_THAT(fieldError(again, u"measure"_s), HasSubstr("500 characters"));
    EXPECT_EQ(queue().count(), 0);
}

TEST_F(GoalFormsTest, AReviewMadeOfflineWaitsAndIsSentOnceWithOneKey)
{
    ReviewForm form;
    form.start(coaching(), {goal(7, u"Delegate"_s), goal(8, u"Say no"_s)});
    form.setRating(7, 6);
    form.submit();
    EXPECT_THAT(fieldError(form, u"rating-8"_s), HasSubstr("0 to 10"));
    EXPECT_FALSE(form.fieldErrors().contains(u"rating-7"_s));
    form.setRating(8, 3);
    form.setHelped(u"Practising at handover"_s);

    goals().answerNextWith(FakeAnswer::unreachable());
    QSignalSpy queued(&form, &ReviewForm::queued);
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return queued.count() == 1; }));
    EXPECT_EQ(queue().count(), 1);
    const QString key = queued.at(0).at(0).toString();

    // Back online: the same write, with the same key, once.
    QSignalSpy synced(&queue(), &SyncQueue::synced);
    queue().syncNow();
    ASSERT_TRUE(waitUntil([&] { return synced.count() == 1; }));
    const QStringList keys = goals().keysSentTo(u"submitReview"_s);
    ASSERT_EQ(keys.size(), 2);
    EXPECT_EQ(keys[0], key);
    EXPECT_EQ(keys[1], key);
    const auto ratings
        = goals().callsTo(u"submitReview"_s).last().arg<QList<ReviewRatingInfo>>(u"ratings"_s);
    ASSERT_EQ(ratings.size(), 2);
    EXPECT_EQ(ratings[0].goalId, 7);
    EXPECT_EQ(ratings[0].rating, 6);
    EXPECT_EQ(ratings[1].rating, 3);
    EXPECT_EQ(queue().count(), 0);
}

TEST_F(GoalFormsTest, WhatIsTypedIsKeptAsADraftUntilSent)
{
    {
        ReviewForm form;
        form.start(coaching(), {goal(7, u"Delegate"_s)});
        form.setRating(7, 5);
        form.setNext(u"Try it on nights"_s);
    } // the app closes
    ReviewForm reopened;
    reopened.start(coaching(), {goal(7, u"Delegate"_s)});
    EXPECT_TRUE(reopened.restoredFromDraft());
    EXPECT_EQ(reopened.ratingOf(7), 5);
    EXPECT_EQ(reopened.next(), u"Try it on nights"_s);
    QSignalSpy submitted(&reopened, &ReviewForm::submitted);
    reopened.submit();
    ASSERT_TRUE(waitUntil([&] { return submitted.count() == 1; }));

    ReviewForm after;
    after.start(coaching(), {goal(7, u"Delegate"_s)});
    EXPECT_FALSE(after.restoredFromDraft());
    EXPECT_EQ(after.ratingOf(7), -1);
}

TEST_F(GoalFormsTest, DroppingAGoalSaysWhyAndACommentIsNeverEmpty)
{
    CloseGoalForm close;
    close.start(coaching(), goal(7, u"Delegate"_s));
    close.submit();
    EXPECT_THAT(fieldError(close, u"state"_s), HasSubstr("achieved"));
    close.setState(u"dropped"_s);
    close.submit();
    EXPECT_THAT(fieldError(close, u"reason"_s), HasSubstr("why"));
    close.setReason(u"My role changed"_s);
    QSignalSpy closed(&close, &CloseGoalForm::submitted);
    close.submit();
    ASSERT_TRUE(waitUntil([&] { return closed.count() == 1; }));
    const FakeCall call = goals().callsTo(u"closeGoal"_s).value(0);
    EXPECT_EQ(call.args.value(u"goalId"_s).toLongLong(), 7);
    EXPECT_EQ(call.args.value(u"state"_s).toString(), u"dropped"_s);
    EXPECT_EQ(call.args.value(u"reason"_s).toString(), u"My role changed"_s);

    ReviewCommentForm comment;
    comment.start(coaching(), {{u"id"_s, 44}});
    comment.setComment(u"   "_s);
    comment.submit();
    EXPECT_THAT(fieldError(comment, u"comment"_s), HasSubstr("Write your comment"));
    comment.setComment(u"Great progress on delegation."_s);
    QSignalSpy commented(&comment, &ReviewCommentForm::submitted);
    comment.submit();
    ASSERT_TRUE(waitUntil([&] { return commented.count() == 1; }));
    EXPECT_EQ(
        goals().callsTo(u"commentOnReview"_s).value(0).args.value(u"reviewId"_s).toLongLong(), 44);
}

TEST_F(GoalFormsTest, TheEvaluationAsksEveryGoalAndEveryRequiredQuestion)
{
    const QVariantMap questions {{u"version"_s, 2},
        {u"questions"_s,
            QVariantList {QVariantMap {{u"type"_s, u"rating"_s},
                              {u"wording"_s, u"How useful was it?"_s}, {u"required"_s, true},
                              {u"options"_s, QStringList {u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s}}},
                QVariantMap {{u"type"_s, u"text"_s}, {u"wording"_s, u"What changed?"_s},
                    {u"required"_s, false}},
                QVariantMap {{u"type"_s, u"yes_no"_s}, {u"wording"_s, u"Would you recommend it?"_s},
                    {u"required"_s, true}}}}};
    EvaluationForm form;
    form.start(coaching(), questions, {goal(7, u"Delegate"_s)});
    form.submit();
    // Each problem names its goal or question, so the summary's lines differ.
    EXPECT_EQ(fieldError(form, u"goal-7"_s),
        "“Delegate”: choose where you ended up, from 0 to 10, and how it turned out.");
    EXPECT_THAT(fieldError(form, u"question-0"_s), HasSubstr("Question 1: choose an answer"));
    EXPECT_FALSE(form.fieldErrors().contains(u"question-1"_s)); // not required
    EXPECT_THAT(fieldError(form, u"question-2"_s), HasSubstr("Question 3: choose an answer"));
    form.setGoalRating(7, 8);
    form.submit();
    EXPECT_EQ(fieldError(form, u"goal-7"_s), "“Delegate”: choose how it turned out.");
    form.setGoalOutcome(7, u"partly"_s);
    form.setChoice(0, 4);
    form.setChoice(2, 1);
    form.setText(1, u"I delegate every shift now"_s);
    form.setShare(1, true);
    QSignalSpy submitted(&form, &EvaluationForm::submitted);
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return submitted.count() == 1; }));
    const FakeCall call = goals().callsTo(u"submitEvaluation"_s).value(0);
    EXPECT_EQ(call.args.value(u"version"_s).toInt(), 2);
    const auto results = call.arg<QList<GoalResultInfo>>(u"goals"_s);
    ASSERT_EQ(results.size(), 1);
    EXPECT_EQ(results[0].rating, 8);
    EXPECT_EQ(results[0].outcome, u"partly"_s);
    const auto answers = call.arg<QList<AnswerInfo>>(u"answers"_s);
    ASSERT_EQ(answers.size(), 3);
    EXPECT_EQ(answers[0].choice, 4);
    EXPECT_EQ(answers[1].text, u"I delegate every shift now"_s);
    EXPECT_TRUE(answers[1].shareWithProgramme);
    EXPECT_FALSE(answers[2].shareWithProgramme);
    EXPECT_EQ(answers[2].choice, 1);
}

TEST_F(GoalFormsTest, TheFollowUpSharesOnlyAnAnswerThatWasGiven)
{
    FollowUpForm form;
    form.start(coaching());
    form.submit();
    EXPECT_THAT(fieldError(form, u"rating"_s), HasSubstr("0 to 10"));
    form.setRating(7);
    form.setShareWithProgramme(true);
    QSignalSpy submitted(&form, &FollowUpForm::submitted);
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return submitted.count() == 1; }));
    const FakeCall call = goals().callsTo(u"submitFollowUp"_s).value(0);
    EXPECT_EQ(call.args.value(u"rating"_s).toInt(), 7);
    EXPECT_FALSE(call.args.value(u"shareWithProgramme"_s).toBool());
}

TEST_F(GoalFormsTest, TheQuestionEditorChecksEachTypeAndSavesTheSetInOrder)
{
    QuestionSetInfo set;
    set.version = 0;
    set.questions = {{u"yes_no"_s, u"Did it help?"_s, true, {}}};
    goals().setReply(u"getEvaluationQuestions"_s, set);
    QuestionEditorForm form;
    form.setOrganisationIdForQml(3);
    form.load();
    ASSERT_TRUE(waitUntil([&] { return !form.loading(); }));
    ASSERT_EQ(form.questions().size(), 1);
    EXPECT_THAT(form.versionLabel().toStdString(), HasSubstr("default"));

    form.addQuestion(u"choice"_s);
    form.setWording(1, u"Where did you meet?"_s);
    form.setOption(1, 0, u"On site"_s);
    form.save();
    EXPECT_THAT(fieldError(form, u"question-1"_s), HasSubstr("options"));
    form.setOption(1, 1, u"On video"_s);
    form.addQuestion(u"rating"_s);
    EXPECT_EQ(form.questions().at(2).toMap().value(u"options"_s).toStringList().size(), 5);
    form.setWording(2, u"How confident do you feel?"_s);
    form.moveQuestion(2, -1);
    form.removeQuestion(0);
    QSignalSpy saved(&form, &QuestionEditorForm::saved);
    form.save();
    ASSERT_TRUE(waitUntil([&] { return saved.count() == 1; }));
    const FakeCall call = goals().callsTo(u"saveEvaluationQuestions"_s).value(0);
    EXPECT_EQ(call.args.value(u"organisationId"_s).toLongLong(), 3);
    const auto questions = call.arg<QList<QuestionInfo>>(u"questions"_s);
    ASSERT_EQ(questions.size(), 2);
    EXPECT_EQ(questions[0].type, u"rating"_s);
    EXPECT_EQ(questions[1].options, (QStringList {u"On site"_s, u"On video"_s}));
    EXPECT_THAT(form.versionLabel().toStdString(), HasSubstr("Version 1"));
}

TEST_F(GoalFormsTest, APlanKeepsUpWithWhatTheOutboxSent)
{
    GoalPlanInfo plan;
    plan.relationshipId = 31;
    GoalInfo one;
    one.id = 7;
    one.state = u"open"_s;
    one.what = u"Delegate"_s;
    one.ratings = {{3, QDateTime::currentDateTimeUtc(), u"start"_s},
        {6, QDateTime::currentDateTimeUtc(), u"review"_s}};
    plan.goals = {one};
    goals().setReply(u"addGoal"_s, plan);
    GoalPlan model;
    model.setRelationshipIdForQml(31);
    ASSERT_TRUE(waitUntil([&] { return model.loaded(); }));
    EXPECT_EQ(model.openGoalCount(), 0);

    GoalForm form;
    form.start(coaching());
    form.setWhat(u"Delegate"_s);
    form.setMeasure(u"I hand over two tasks a shift"_s);
    form.setStartingRating(3);
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return model.openGoalCount() == 1; }));
    const QVariantMap shown = model.goals().value(0).toMap();
    EXPECT_EQ(shown.value(u"latestRating"_s).toInt(), 6);
    EXPECT_THAT(shown.value(u"progressLabel"_s).toString().toStdString(),
        HasSubstr("Started at 3 out of 10, now 6"));
}

} // namespace
