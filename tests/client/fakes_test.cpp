// The fakes keep the backends' contract: an answer comes on the event loop,
// never inside the call, and not at all once the call's context is gone;
// and they answer as scripted.
#include "fakes/fake_backends.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace {

using namespace Qt::StringLiterals;
using ::testing::ElementsAre;

void runEventLoop()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
    }
}

/// Ends a session, keeping how it was answered.
struct Caller {
    explicit Caller(FakeRelationshipBackend &fake)
        : backend(fake)
    { }

    FakeRelationshipBackend &backend;
    QObject context;
    std::optional<Result<RelationshipInfo>> answer;

    void endRelationship(const QString &key)
    {
        backend.endRelationship(12, u"Moving post."_s, key, &context,
            [this](const Result<RelationshipInfo> &result) { answer = result; });
    }
};

TEST(FakesTest, AnswerOnTheEventLoopWithTheRecordedCall)
{
    FakeRelationshipBackend backend;
    Caller caller(backend);
    caller.endRelationship(u"key-1"_s);
    EXPECT_FALSE(caller.answer.has_value()) << "answered inside the call";
    ASSERT_EQ(backend.calls().size(), 1);
    EXPECT_EQ(backend.calls()[0].method, u"endRelationship"_s);
    EXPECT_EQ(backend.calls()[0].idempotencyKey, u"key-1"_s);
    EXPECT_EQ(backend.calls()[0].args.value(u"reason"_s).toString(), u"Moving post."_s);

    runEventLoop();
    ASSERT_TRUE(caller.answer.has_value());
    ASSERT_TRUE(caller.answer->ok());
    EXPECT_EQ(caller.answer->value().id, 12);
}

TEST(FakesTest, HoldAnAnswerUntilReleasedAsScripted)
{
    FakeRelationshipBackend backend;
    Caller caller(backend);
    backend.answerNextWith(FakeAnswer::hold());
    caller.endRelationship(u"key-1"_s);
    runEventLoop();
    EXPECT_FALSE(caller.answer.has_value());
    EXPECT_EQ(backend.heldCount(), 1);

    ASSERT_TRUE(backend.release(FakeAnswer::refuse(u"reason: too short"_s)));
    EXPECT_FALSE(backend.release());
    runEventLoop();
    ASSERT_TRUE(caller.answer.has_value());
    ASSERT_FALSE(caller.answer->ok());
    EXPECT_EQ(caller.answer->error().kind, BackendError::Kind::Rejected);
    EXPECT_EQ(caller.answer->error().message, u"Reason: Too short."_s);
    EXPECT_EQ(caller.answer->error().field, u"reason"_s);
}

TEST(FakesTest, ScriptedAnswersComeInOrderThenTheDefault)
{
    FakeRelationshipBackend backend;
    Caller caller(backend);
    backend.answerWith(FakeAnswer::unreachable());
    backend.answerNextWith(FakeAnswer::ok());
    QList<bool> oks;
    for (const QString &key : {u"a"_s, u"b"_s}) {
        caller.endRelationship(key);
        runEventLoop();
        oks.append(caller.answer->ok());
    }
    EXPECT_THAT(oks, ElementsAre(true, false));
    EXPECT_EQ(caller.answer->error().kind, BackendError::Kind::Unreachable);
    EXPECT_THAT(backend.keysSentTo(u"endRelationship"_s), ElementsAre(u"a"_s, u"b"_s));
}

TEST(FakesTest, DropTheAnswerWhenTheContextWentFirst)
{
    FakeRelationshipBackend backend;
    bool answered = false;
    auto context = std::make_unique<QObject>();
    backend.completeRelationship(
        12, u"key-1"_s, context.get(), [&](const Result<RelationshipInfo> &) { answered = true; });
    context.reset();
    runEventLoop();
    EXPECT_FALSE(answered);

    backend.answerWith(FakeAnswer::hold());
    context = std::make_unique<QObject>();
    backend.completeRelationship(
        12, u"key-2"_s, context.get(), [&](const Result<RelationshipInfo> &) { answered = true; });
    context.reset();
    EXPECT_TRUE(backend.release());
    runEventLoop();
    EXPECT_FALSE(answered);
}

TEST(FakesTest, BackendsFactoryHandsOutTheFakesForTheAddressSignedInTo)
{
    auto fakes = std::make_shared<FakeBackends>();
    const Backends backends = fakeBackendsFactory(fakes)(u"example.invalid:7443"_s);
    EXPECT_EQ(backends.connection->address(), u"example.invalid:7443"_s);
    EXPECT_EQ(backends.relationships.get(), fakes->relationships.get());
    EXPECT_EQ(backends.safeguarding.get(), fakes->safeguarding.get());
    EXPECT_EQ(backends.auth.get(), fakes->auth.get());
    EXPECT_EQ(backends.accounts.get(), fakes->accounts.get());
    EXPECT_EQ(backends.directory.get(), fakes->directory.get());
    EXPECT_EQ(backends.matching.get(), fakes->matching.get());
}

} // namespace
