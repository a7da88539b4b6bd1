// The contract's terms (ContractTermsForm) with the outbox and a fake
// RelationshipBackend: what it refuses, what it sends, where a refusal
// lands, and what it keeps while the person types.
#include "signed_in_fixture.h"

#include "relationships/contract_terms_form.h"
#include "sync/sync_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QDate>
#include <QSignalSpy>

namespace {

using namespace Qt::StringLiterals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const QString kSetContractTerms = u"setContractTerms"_s;

/// A coaching relationship with Amy Lee, contracting, no terms yet.
QVariantMap contracting()
{
    return {{u"id"_s, 21}, {u"kind"_s, u"coaching"_s}, {u"otherName"_s, u"Amy Lee"_s},
        {u"termsSet"_s, false}};
}

/// The same, active, with six sessions of an hour agreed.
QVariantMap active()
{
    QVariantMap relationship = contracting();
    relationship.insert(u"termsSet"_s, true);
    relationship.insert(u"numberOfSessions"_s, 6);
    relationship.insert(u"sessionMinutes"_s, 60);
    relationship.insert(u"regularity"_s, u"fortnightly"_s);
    relationship.insert(u"plannedEndOn"_s, QDate::currentDate().addMonths(3).toString(Qt::ISODate));
    return relationship;
}

std::string fieldError(const FormBase &form, const QString &field)
{
    return form.fieldErrors().value(field).toString().toStdString();
}

using ContractTermsFormTest = SignedInFixture;

TEST_F(ContractTermsFormTest, TermsNotRightSayWhyAndNothingIsSent)
{
    ContractTermsForm form;
    form.start(contracting(), false);
    form.setNumberOfSessions(0);
    form.setSessionMinutes(10);
    form.setRegularity({});
    form.setPlannedEndOn(u"next spring"_s);
    form.submit();
    EXPECT_THAT(fieldError(form, u"numberOfSessions"_s), HasSubstr("sessions"));
    EXPECT_THAT(fieldError(form, u"sessionMinutes"_s), HasSubstr("minutes"));
    EXPECT_THAT(fieldError(form, u"regularity"_s), HasSubstr("how often"));
    EXPECT_THAT(fieldError(form, u"plannedEndOn"_s), HasSubstr("day, month and year"));
    EXPECT_FALSE(form.busy());

    form.setNumberOfSessions(6);
    form.setSessionMinutes(60);
    form.setRegularity(u"monthly"_s);
    form.setPlannedEndOn(QDate::currentDate().addDays(-1).toString(Qt::ISODate));
    form.submit();
    EXPECT_EQ(form.fieldErrors().keys(), QStringList {u"plannedEndOn"_s});
    EXPECT_THAT(fieldError(form, u"plannedEndOn"_s), HasSubstr("after today"));

    // A review says why.
    ContractTermsForm review;
    review.start(active(), true);
    review.submit();
    EXPECT_EQ(review.fieldErrors().keys(), QStringList {u"reason"_s});
    EXPECT_THAT(fieldError(review, u"reason"_s), HasSubstr("Say why"));

    // Mentoring is reviewed at some pace.
    QVariantMap mentoring = contracting();
    mentoring.insert(u"kind"_s, u"mentoring"_s);
    ContractTermsForm mentoringForm;
    mentoringForm.start(mentoring, false);
    mentoringForm.setReviewCadence({});
    mentoringForm.submit();
    EXPECT_EQ(mentoringForm.fieldErrors().keys(), QStringList {u"reviewCadence"_s});

    drain();
    EXPECT_EQ(queue().count(), 0);
    EXPECT_THAT(relationships().calls(), IsEmpty());
}

TEST_F(ContractTermsFormTest, TermsAreQueuedOnceAndSentWithTheirFields)
{
    relationships().answerWith(FakeAnswer::hold());
    ContractTermsForm form;
    form.start(contracting(), false);
    form.setNumberOfSessions(8);
    form.setRegularity(u"monthly"_s);
    QSignalSpy submitted(&form, &ContractTermsForm::submitted);
    form.submit();
    EXPECT_TRUE(form.busy()); // until the server answers
    EXPECT_TRUE(form.fieldErrors().isEmpty());
    drain();
    EXPECT_EQ(queue().count(), 1);
    const QList<FakeCall> calls = relationships().callsTo(kSetContractTerms);
    ASSERT_EQ(calls.size(), 1);
    EXPECT_GE(calls[0].idempotencyKey.size(), 16);
    EXPECT_EQ(calls[0].args.value(u"relationshipId"_s).toLongLong(), 21);
    const auto terms = calls[0].arg<ContractTermsInfo>(u"terms"_s);
    EXPECT_EQ(terms.numberOfSessions, 8);
    EXPECT_EQ(terms.sessionMinutes, 60);
    EXPECT_EQ(terms.regularity, u"monthly"_s);
    EXPECT_EQ(terms.plannedEndOn, QDate::currentDate().addMonths(6).toString(Qt::ISODate));

    ASSERT_TRUE(relationships().release());
    ASSERT_TRUE(waitUntil([&] { return submitted.count() == 1; }));
    EXPECT_FALSE(form.busy());
    EXPECT_EQ(submitted.at(0).at(0).toMap().value(u"id"_s).toLongLong(), 21);
    EXPECT_EQ(queue().count(), 0);
    EXPECT_EQ(relationships().calls().size(), 1);
}

TEST_F(ContractTermsFormTest, ARefusalLandsOnTheFieldTheServerNames)
{
    ContractTermsForm form;
    form.start(contracting(), false);
    const QString endWords = u"terms.planned_end_on: must be before the programme ends"_s;
    relationships().answerNextWith(FakeAnswer::refuse(endWords));
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return !form.busy(); }));
    const QString endPlain = u"Planned end date must be before the programme ends."_s;
    EXPECT_EQ(form.fieldErrors().value(u"plannedEndOn"_s).toString(), endPlain);
    EXPECT_EQ(form.errorMessage(), endPlain);
    // Put right on the form, so not kept in the queue as well.
    EXPECT_EQ(queue().count(), 0);

    const QString sessionsWords = u"number_of_sessions: more than this programme allows"_s;
    relationships().answerNextWith(FakeAnswer::refuse(sessionsWords));
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return !form.busy(); }));
    EXPECT_EQ(form.fieldErrors().keys(), QStringList {u"numberOfSessions"_s});
    EXPECT_EQ(form.fieldErrors().value(u"numberOfSessions"_s).toString(),
        u"Number of sessions: More than this programme allows."_s);

    // Words about no field are the form's message only.
    const QString notYours = u"Only the coach or mentor sets the terms."_s;
    relationships().answerNextWith(FakeAnswer::refuse(notYours));
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return !form.busy(); }));
    EXPECT_TRUE(form.fieldErrors().isEmpty());
    EXPECT_EQ(form.errorMessage(), notYours);
    EXPECT_EQ(relationships().callsTo(kSetContractTerms).size(), 3);
}

TEST_F(ContractTermsFormTest, WithNoAnswerTheChangeWaitsOnTheDevice)
{
    relationships().answerNextWith(FakeAnswer::unreachable(u"Can't reach the server."_s));
    ContractTermsForm form;
    form.start(contracting(), false);
    QSignalSpy queued(&form, &ContractTermsForm::queued);
    form.submit();
    ASSERT_TRUE(waitUntil([&] { return queued.count() == 1; }));
    EXPECT_FALSE(form.busy());
    EXPECT_TRUE(form.errorMessage().isEmpty());
    const QString key = queued.at(0).at(0).toString();
    EXPECT_TRUE(queue().contains(key));
    EXPECT_EQ(queue().waitingCount(), 1);

    queue().syncNow();
    ASSERT_TRUE(waitUntil([] { return queue().count() == 0; }));
    EXPECT_THAT(relationships().keysSentTo(kSetContractTerms), ElementsAre(key, key));
}

TEST_F(ContractTermsFormTest, WhatIsTypedComesBackInANewFormAfterARestart)
{
    {
        ContractTermsForm form;
        form.start(contracting(), false);
        form.setNumberOfSessions(10);
        form.setRegularity(u"weekly"_s);
    }
    queue().reopen();

    ContractTermsForm again;
    again.start(contracting(), false);
    EXPECT_TRUE(again.restoredFromDraft());
    EXPECT_EQ(again.numberOfSessions(), 10);
    EXPECT_EQ(again.regularity(), u"weekly"_s);

    // A review of the same relationship is another draft.
    ContractTermsForm review;
    review.start(active(), true);
    EXPECT_FALSE(review.restoredFromDraft());
    EXPECT_EQ(review.numberOfSessions(), 6);

    // Sent: the draft is done with.
    QSignalSpy submitted(&again, &ContractTermsForm::submitted);
    again.submit();
    ASSERT_TRUE(waitUntil([&] { return submitted.count() == 1; })) << again.errorMessage();
    ContractTermsForm afterwards;
    afterwards.start(contracting(), false);
    EXPECT_FALSE(afterwards.restoredFromDraft());
    EXPECT_EQ(afterwards.numberOfSessions(), 6);
}

} // namespace
