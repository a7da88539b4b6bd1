// The kinds of offline write, as one table: their stored names never
// change (entries queued on devices carry them), each has its id and words,
// and drafts are named after them.
#include "sync/drafts.h"
#include "sync/write_codec.h"
#include "sync/write_kinds.h"

#include <gtest/gtest.h>

#include <QMetaEnum>

namespace {

using namespace Qt::StringLiterals;

TEST(WriteKindsTest, EveryKindKeepsTheNameItIsStoredUnder)
{
    // Written on devices by every version so far: never renamed.
    const QStringList stored {u"record_session"_s, u"set_contract_terms"_s, u"agree_contract"_s,
        u"review_contract"_s, u"complete_relationship"_s, u"end_relationship"_s,
        u"propose_session"_s, u"accept_session"_s, u"cancel_session"_s, u"reschedule_session"_s,
        u"raise_concern"_s, u"acknowledge_concern"_s, u"add_goal"_s, u"reword_goal"_s,
        u"close_goal"_s, u"request_review"_s, u"submit_review"_s, u"comment_on_review"_s,
        u"submit_evaluation"_s, u"submit_follow_up"_s, u"save_evaluation_questions"_s};
    const QMetaEnum kinds = QMetaEnum::fromType<WriteKind::Kind>();
    ASSERT_EQ(kinds.keyCount(), stored.size());
    ASSERT_EQ(WriteKinds::all().size(), static_cast<std::size_t>(stored.size()));
    for (int i = 0; i < stored.size(); ++i) {
        const auto kind = static_cast<WriteKind::Kind>(kinds.value(i));
        EXPECT_EQ(WriteKinds::nameOf(kind), stored[i]) << kinds.key(i);
        ASSERT_NE(WriteKinds::byName(stored[i]), nullptr);
        EXPECT_EQ(WriteKinds::byName(stored[i])->kind, kind);
        EXPECT_EQ(WriteKinds::valueOf(stored[i]), kinds.value(i));
    }
    EXPECT_EQ(WriteKinds::byName(u"from_a_later_version"_s), nullptr);
    EXPECT_EQ(WriteKinds::valueOf(u"from_a_later_version"_s), WriteKind::kUnknown);
}

TEST(WriteKindsTest, EachKindNamesTheIdItCannotBeSentWithout)
{
    EXPECT_STREQ(WriteKinds::of(WriteKind::RecordSession).requiredId, "relationshipId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::AcceptSession).requiredId, "sessionId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::CancelSession).requiredId, "sessionId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::RescheduleSession).requiredId, "sessionId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::AcknowledgeConcern).requiredId, "concernId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::RaiseConcern).requiredId, "relationshipId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::AddGoal).requiredId, "relationshipId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::RewordGoal).requiredId, "goalId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::CloseGoal).requiredId, "goalId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::SubmitReview).requiredId, "relationshipId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::CommentOnReview).requiredId, "reviewId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::SubmitEvaluation).requiredId, "relationshipId");
    EXPECT_STREQ(WriteKinds::of(WriteKind::SaveEvaluationQuestions).requiredId, "organisationId");
    int editable = 0;
    for (const WriteKindInfo &kind : WriteKinds::all()) {
        editable += kind.editable ? 1 : 0;
    }
    EXPECT_EQ(editable, 4); // a record, terms, a review, a proposal
}

TEST(WriteKindsTest, WordsSayWhatAChangeDoesWithoutWhatIsMissing)
{
    const QJsonObject at
        = WriteCodec::fromMap({{u"startsAt"_s, QDateTime(QDate(2031, 3, 4), QTime(10, 0))}});
    EXPECT_TRUE(
        WriteKinds::describe(u"propose_session"_s, at).startsWith(u"you proposed a session on "_s));
    EXPECT_EQ(WriteKinds::describe(u"propose_session"_s, {}), u"you proposed a session"_s);
    EXPECT_EQ(WriteKinds::describe(u"agree_contract"_s, {}), u"you agreed to the contract"_s);
    EXPECT_EQ(WriteKinds::describe(u"record_session"_s, {{u"held"_s, false}}),
        u"you recorded a missed session"_s);
    EXPECT_EQ(WriteKinds::describe(u"from_a_later_version"_s, {}),
        u"a change made by a newer version of the app"_s);
}

TEST(WriteKindsTest, ARecordIsKeptInOneShape)
{
    const QJsonObject kept = WriteKinds::of(WriteKind::RecordSession)
                                 .encode({{u"relationshipId"_s, 12}, {u"privateNotes"_s, u"n"_s},
                                     {u"startedAt"_s, QDateTime::fromSecsSinceEpoch(1000000)},
                                     {u"idempotencyKey"_s, u"0123456789abcdef"_s}});
    EXPECT_EQ(kept.value(u"startedAtUnix"_s).toInteger(), 1000000);
    EXPECT_EQ(kept.value(u"privateNotes"_s).toString(), u"n"_s);
    EXPECT_EQ(kept.value(u"idempotencyKey"_s).toString(), u"0123456789abcdef"_s);
    EXPECT_TRUE(kept.contains(u"themes"_s));
    EXPECT_FALSE(kept.contains(u"startedAt"_s));
}

TEST(DraftsTest, ADraftIsNamedAfterItsKindAndWhatItIsAbout)
{
    EXPECT_EQ(Drafts::nameFor(WriteKind::RaiseConcern), u"raise_concern"_s);
    EXPECT_EQ(Drafts::nameFor(WriteKind::CancelSession, 12), u"cancel_session:12"_s);
    EXPECT_EQ(Drafts::nameFor(WriteKind::CancelSession, 12.0), u"cancel_session:12"_s);
    EXPECT_EQ(
        Drafts::nameFor(WriteKind::RecordSession, QVariantList {12, 0}), u"record_session:12:0"_s);
    EXPECT_EQ(Drafts::nameFor(WriteKind::ProposeSession, QVariantList {u"queued"_s, u"abc"_s}),
        u"propose_session:queued:abc"_s);
}

} // namespace
