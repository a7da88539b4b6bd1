#include "signed_in_fixture.h"

#include "identity/session.h"
#include "sync/sync_queue.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

std::ostream &operator<<(std::ostream &out, const QString &text)
{
    return out << text.toStdString();
}

void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text << '"';
}

void SignedInFixture::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
    // The queue first, so that it sees the sign-in as the app's does; its
    // device key in a file beside it, never a desktop's keychain. (Set by
    // name, so that this also builds with a queue that has no key.)
    queue().setProperty("useKeychain", false);
    queue().setDatabasePath(m_dir.filePath(QStringLiteral("outbox.sqlite")));
    Session *session = Session::instance();
    session->setBackendsFactory(fakeBackendsFactory(fakes));
    session->signIn(QStringLiteral("fake.invalid:1"), fakes->auth->account().email,
        QStringLiteral("correct horse"));
    ASSERT_TRUE(waitUntil([session] { return session->signedIn(); })) << session->errorMessage();
    ASSERT_GT(session->accountId(), 0);
    drain(); // the organisations, loaded after sign-in
}

void SignedInFixture::TearDown()
{
    Session *session = Session::instance();
    session->signOut();
    drain();
    // The fakes go, and with them their connection: a write still on its
    // way is given up as the app does when the connection goes.
    session->setBackendsFactory({});
    fakes.reset();
    drain();
    queue().setDatabasePath({});
}

bool SignedInFixture::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    // Wakes the loop up now and then to look again.
    QTimer tick;
    tick.start(5);
    while (!condition()) {
        if (elapsed.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void SignedInFixture::drain()
{
    // An answer can lead to the next send, whose answer is queued in turn.
    constexpr int kRounds = 20;
    for (int i = 0; i < kRounds; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}

SyncQueue &SignedInFixture::queue()
{
    return *SyncQueue::instance();
}

FakeRelationshipBackend &SignedInFixture::relationships() const
{
    return *fakes->relationships;
}

QVariant SignedInFixture::roleOf(const QString &key, int role)
{
    SyncQueue &q = queue();
    for (int row = 0; row < q.rowCount(); ++row) {
        const QModelIndex index = q.index(row);
        if (q.data(index, SyncQueue::KeyRole).toString() == key) {
            return q.data(index, role);
        }
    }
    return {};
}
