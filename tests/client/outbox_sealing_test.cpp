// Nothing people typed sits readable on the device: a private note, a
// concern, a draft and the cached relationships put through SyncQueue and
// Drafts are not in the bytes
// of outbox.sqlite (or a journal beside it), the app reads them back after
// a restart, a file of an earlier version is sealed as it opens, and
// content sealed under another key is shown as refused — kept, never sent.
#include "signed_in_fixture.h"

#include "sync/device_cipher.h"
#include "sync/drafts.h"
#include "sync/outbox_store.h"
#include "sync/sync_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace {

using namespace Qt::StringLiterals;

QString marker(const QString &what)
{
    return u"MARKER-%1-%2"_s.arg(what, QUuid::createUuid().toString(QUuid::Id128));
}

/// Every byte of the outbox file at `path` and of any journal beside it.
QByteArray bytesOnDisk(const QString &path)
{
    QByteArray bytes;
    for (const QString &suffix : {u""_s, u"-journal"_s, u"-wal"_s, u"-shm"_s}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly)) {
            bytes += file.readAll();
        }
    }
    return bytes;
}

class OutboxSealingTest : public SignedInFixture {
protected:
    void SetUp() override
    {
        SignedInFixture::SetUp();
        // No server: everything stays on the device.
        relationships().answerWith(FakeAnswer::unreachable());
        fakes->safeguarding->answerWith(FakeAnswer::unreachable());
    }

    static QString path() { return queue().databasePath(); }

    /// A record with private notes, a concern and a draft, kept on the device.
    void keepAll()
    {
        SessionRecord record;
        record.relationshipId = 12;
        record.startedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        record.actualMinutes = 45;
        record.privateNotes = note;
        recordKey = queue().enqueue(record, u"Session with Amy Lee"_s);
        ASSERT_FALSE(recordKey.isEmpty());
        concernKey = queue().enqueueWrite(WriteKind::RaiseConcern,
            {{u"relationshipId"_s, 12}, {u"description"_s, concern}}, u"A concern"_s);
        ASSERT_FALSE(concernKey.isEmpty());
        ASSERT_TRUE(Drafts::instance()->save(draftName, {{u"reason"_s, draft}}));
        queue().cacheRelationships({QVariantMap {{u"id"_s, 12}, {u"otherName"_s, cached}}});
        drain();
        ASSERT_EQ(queue().count(), 2);
    }

    void expectNoMarkerOnDisk() const
    {
        const QByteArray bytes = bytesOnDisk(path());
        ASSERT_FALSE(bytes.isEmpty());
        for (const QString &text : {note, concern, draft, cached}) {
            EXPECT_FALSE(bytes.contains(text.toUtf8())) << text.toStdString() << " is on disk";
        }
    }

    const QString note = marker(u"NOTE"_s);
    const QString concern = marker(u"CONCERN"_s);
    const QString draft = marker(u"DRAFT"_s);
    const QString cached = marker(u"CACHED"_s);
    const QString draftName = Drafts::nameFor(WriteKind::EndRelationship, 12);
    QString recordKey;
    QString concernKey;
};

TEST_F(OutboxSealingTest, NothingTypedCanBeReadFromTheFileAndTheAppReadsItBack)
{
    keepAll();
    expectNoMarkerOnDisk();

    // As after a restart of the app.
    queue().reopen();
    expectNoMarkerOnDisk();
    ASSERT_EQ(queue().count(), 2);
    EXPECT_EQ(queue().recordOf(recordKey).value(u"privateNotes"_s).toString(), note);
    EXPECT_EQ(queue().payloadOf(concernKey).value(u"description"_s).toString(), concern);
    EXPECT_EQ(roleOf(concernKey, SyncQueue::SummaryRole).toString(), u"A concern"_s);
    EXPECT_TRUE(roleOf(recordKey, SyncQueue::ReadableRole).toBool());
    EXPECT_EQ(Drafts::instance()->load(draftName).value(u"reason"_s).toString(), draft);
    const QVariantList list = queue().cachedRelationships().first;
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list.first().toMap().value(u"otherName"_s).toString(), cached);

    // And what is sent is what was typed.
    relationships().answerWith(FakeAnswer::ok());
    fakes->safeguarding->answerWith(FakeAnswer::ok());
    queue().syncNow();
    ASSERT_TRUE(waitUntil([] { return queue().count() == 0; }));
    const QList<FakeCall> records = relationships().callsTo(u"recordSession"_s);
    ASSERT_FALSE(records.isEmpty());
    EXPECT_EQ(records.last().arg<SessionRecord>(u"record"_s).privateNotes, note);
    const QList<FakeCall> concerns = fakes->safeguarding->callsTo(u"raiseConcern"_s);
    ASSERT_FALSE(concerns.isEmpty());
    EXPECT_EQ(concerns.last().args.value(u"description"_s).toString(), concern);
}

TEST_F(OutboxSealingTest, AnEntrySealedUnderAnotherKeyIsShownRefusedAndNeverSent)
{
    keepAll();
    const int triesBefore = static_cast<int>(relationships().callsTo(u"recordSession"_s).size());
    // The key is lost (the keychain was reset, the key file deleted): a new
    // one is made, and what the old one sealed can't be read.
    ASSERT_TRUE(QFile::remove(OutboxStore::keyFilePath(path())));
    queue().reopen();

    ASSERT_EQ(queue().count(), 2) << "an entry that can't be read was dropped";
    EXPECT_EQ(queue().refusedCount(), 2);
    for (const QString &key : {recordKey, concernKey}) {
        EXPECT_FALSE(roleOf(key, SyncQueue::ReadableRole).toBool());
        EXPECT_TRUE(roleOf(key, SyncQueue::RefusedRole).toBool());
        EXPECT_FALSE(roleOf(key, SyncQueue::EditableRole).toBool());
        EXPECT_THAT(roleOf(key, SyncQueue::LastErrorRole).toString().toStdString(),
            ::testing::StartsWith("This change can't be read on this device"));
        EXPECT_EQ(
            roleOf(key, SyncQueue::StatusLabelRole).toString(), u"Can't be read on this device"_s);
        EXPECT_TRUE(queue().payloadOf(key).isEmpty());
    }
    // Said from its kind, as its own summary is sealed too.
    EXPECT_EQ(roleOf(concernKey, SyncQueue::SummaryRole).toString(),
        u"You raised a safeguarding concern"_s);
    EXPECT_TRUE(Drafts::instance()->load(draftName).isEmpty());
    EXPECT_EQ(Drafts::instance()->count(), 1); // still there until replaced or removed

    // Not sent, however it is asked for.
    relationships().answerWith(FakeAnswer::ok());
    queue().retry(recordKey);
    queue().syncNow();
    drain();
    EXPECT_EQ(relationships().callsTo(u"recordSession"_s).size(), triesBefore);
    EXPECT_TRUE(fakes->safeguarding->callsTo(u"raiseConcern"_s).isEmpty());
    EXPECT_EQ(queue().count(), 2);

    // The person discards it.
    queue().discard(recordKey);
    EXPECT_EQ(queue().count(), 1);
}

TEST_F(OutboxSealingTest, AValueMovedToAnotherRowDoesNotOpen)
{
    keepAll();
    {
        // A second connection beside the queue's, as anyone with the file could.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(path());
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(u"UPDATE outbox SET payload = (SELECT payload FROM outbox "
                               "WHERE key = '%1') WHERE key = '%2'"_s.arg(recordKey, concernKey)));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    queue().reopen();
    EXPECT_TRUE(roleOf(recordKey, SyncQueue::ReadableRole).toBool());
    EXPECT_FALSE(roleOf(concernKey, SyncQueue::ReadableRole).toBool());
}

TEST_F(OutboxSealingTest, AFileOfAnEarlierVersionIsSealedAsItOpens)
{
    const QString old = QFileInfo(path()).absolutePath() + u"/earlier.sqlite"_s;
    const QString key = u"0123456789abcdef0123456789abcdef"_s;
    const QString payload
        = u"{\"relationshipId\":12,\"held\":true,\"startedAtUnix\":%1,\"actualMinutes\":45,"
          "\"privateNotes\":\"%2\"}"_s.arg(QDateTime::currentSecsSinceEpoch() - 3600)
              .arg(note);
    {
        // Version 2, as the app wrote it before sealing.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"earlier"_s);
        db.setDatabaseName(old);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        for (const QString &statement : {
                 u"CREATE TABLE outbox (key TEXT PRIMARY KEY, kind TEXT NOT NULL, account_id "
                 "INTEGER NOT NULL, server TEXT NOT NULL, relationship_id INTEGER NOT NULL DEFAULT "
                 "0, summary TEXT, payload TEXT NOT NULL, created_at INTEGER NOT NULL, attempts "
                 "INTEGER NOT NULL DEFAULT 0, last_attempt_at INTEGER NOT NULL DEFAULT 0, state "
                 "TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'refused')), "
                 "last_error TEXT)"_s,
                 u"CREATE TABLE drafts (account_id INTEGER NOT NULL, server TEXT NOT NULL, name "
                 "TEXT NOT NULL, saved_at INTEGER NOT NULL, fields TEXT NOT NULL, PRIMARY KEY "
                 "(account_id, server, name))"_s,
                 u"CREATE TABLE relationship_cache (account_id INTEGER NOT NULL, server TEXT "
                 "NOT NULL, saved_at INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY "
                 "(account_id, server))"_s,
                 u"PRAGMA user_version = 2"_s,
             }) {
            ASSERT_TRUE(query.exec(statement)) << statement.toStdString();
        }
        query.prepare(u"INSERT INTO outbox (key, kind, account_id, server, relationship_id, "
                      "summary, payload, created_at) VALUES (?, 'record_session', ?, ?, 12, "
                      "'Session with Amy Lee', ?, ?)"_s);
        query.addBindValue(key);
        query.addBindValue(queue().accountId());
        query.addBindValue(queue().server());
        query.addBindValue(payload);
        query.addBindValue(QDateTime::currentSecsSinceEpoch());
        ASSERT_TRUE(query.exec());
        query.prepare(u"INSERT INTO drafts VALUES (?, ?, ?, ?, ?)"_s);
        query.addBindValue(queue().accountId());
        query.addBindValue(queue().server());
        query.addBindValue(draftName);
        query.addBindValue(QDateTime::currentSecsSinceEpoch());
        query.addBindValue(u"{\"reason\":\"%1\"}"_s.arg(draft));
        ASSERT_TRUE(query.exec());
        query.prepare(u"INSERT INTO relationship_cache VALUES (?, ?, ?, ?)"_s);
        query.addBindValue(queue().accountId());
        query.addBindValue(queue().server());
        query.addBindValue(QDateTime::currentSecsSinceEpoch());
        query.addBindValue(u"[{\"id\":12,\"otherName\":\"%1\"}]"_s.arg(cached));
        ASSERT_TRUE(query.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(u"earlier"_s);
    ASSERT_TRUE(bytesOnDisk(old).contains(note.toUtf8())) << "the test's file is not plain";

    queue().setDatabasePath(old);
    ASSERT_EQ(queue().count(), 1);
    EXPECT_EQ(queue().recordOf(key).value(u"privateNotes"_s).toString(), note);
    EXPECT_EQ(roleOf(key, SyncQueue::SummaryRole).toString(), u"Session with Amy Lee"_s);
    EXPECT_EQ(Drafts::instance()->load(draftName).value(u"reason"_s).toString(), draft);
    const QByteArray bytes = bytesOnDisk(old);
    EXPECT_FALSE(bytes.contains(note.toUtf8())) << "the note stayed readable in the file";
    EXPECT_FALSE(bytes.contains(draft.toUtf8())) << "the draft stayed readable in the file";
    EXPECT_FALSE(bytes.contains(cached.toUtf8())) << "the cached list stayed readable";
    // A cache: dropped, and loaded again from the server next time.
    EXPECT_TRUE(queue().cachedRelationships().first.isEmpty());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"version"_s);
        db.setDatabaseName(old);
        ASSERT_TRUE(db.open());
        QSqlQuery query(u"PRAGMA user_version"_s, db);
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toInt(), 4);
        QSqlQuery payloads(u"SELECT payload, summary FROM outbox"_s, db);
        ASSERT_TRUE(payloads.next());
        EXPECT_TRUE(DeviceCipher::isSealed(payloads.value(0).toString()));
        EXPECT_TRUE(DeviceCipher::isSealed(payloads.value(1).toString()));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"version"_s);
}

} // namespace
