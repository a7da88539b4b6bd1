// The device key and cipher that seal confidential content in the outbox.
#include "sync/device_cipher.h"
#include "sync/device_key.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

namespace {

TEST(DeviceCipherTest, OpensWhatItSealedUnderTheSameContext)
{
    const DeviceCipher cipher(DeviceCipher::newKey());
    const QString sealed = cipher.seal("private note MARKER-1", "outbox:key-1");
    EXPECT_TRUE(DeviceCipher::isSealed(sealed));
    EXPECT_FALSE(sealed.contains(QStringLiteral("MARKER-1")));
    const auto opened = cipher.open(sealed, "outbox:key-1");
    ASSERT_TRUE(opened.has_value());
    EXPECT_EQ(*opened, QByteArray("private note MARKER-1"));
}

TEST(DeviceCipherTest, SealsTheSameTextDifferentlyEachTime)
{
    const DeviceCipher cipher(DeviceCipher::newKey());
    EXPECT_NE(cipher.seal("same", "c"), cipher.seal("same", "c"));
}

TEST(DeviceCipherTest, RefusesAnotherContextAnotherKeyOrATamperedValue)
{
    const QByteArray key = DeviceCipher::newKey();
    const DeviceCipher cipher(key);
    const QString sealed = cipher.seal("text", "outbox:a");
    EXPECT_FALSE(cipher.open(sealed, "outbox:b").has_value());
    EXPECT_FALSE(DeviceCipher(DeviceCipher::newKey()).open(sealed, "outbox:a").has_value());
    QString tampered = sealed;
    const qsizetype last = tampered.size() - 3;
    tampered[last] = tampered.at(last) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    EXPECT_FALSE(cipher.open(tampered, "outbox:a").has_value());
    EXPECT_FALSE(cipher.open(QStringLiteral("plain text"), "outbox:a").has_value());
    EXPECT_FALSE(cipher.open(QStringLiteral("sealed:1:"), "outbox:a").has_value());
}

TEST(DeviceKeyTest, MakesAnOwnerOnlyKeyFileOnceAndReadsItBack)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox.key"));
    QString error;
    const auto made = DeviceKey::loadOrCreate(path, /*tryKeychain=*/false, &error);
    ASSERT_TRUE(made.has_value()) << error.toStdString();
    EXPECT_EQ(made->place(), DeviceKey::Place::File);
    EXPECT_EQ(made->bytes().size(), DeviceCipher::kKeyBytes);
    EXPECT_EQ(QFile(path).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    const auto again = DeviceKey::loadOrCreate(path, false, &error);
    ASSERT_TRUE(again.has_value()) << error.toStdString();
    EXPECT_EQ(again->bytes(), made->bytes());
}

TEST(DeviceKeyTest, RefusesAKeyFileOthersCanRead)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox.key"));
    QString error;
    ASSERT_TRUE(DeviceKey::loadOrCreate(path, false, &error).has_value());
    QFile(path).setPermissions(QFile(path).permissions() | QFileDevice::ReadOther);
    EXPECT_FALSE(DeviceKey::loadOrCreate(path, false, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("owner-only"))) << error.toStdString();
}

TEST(DeviceKeyTest, RefusesADamagedKeyFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox.key"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    file.write("c2hvcnQ=\n");
    file.close();
    QString error;
    EXPECT_FALSE(DeviceKey::loadOrCreate(path, false, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("damaged"))) << error.toStdString();
}

TEST(DeviceKeyTest, AKeyKeptInTheKeychainIsNotReplacedWhenTheKeychainIsNotUsed)
{
    // The key file says the key is in the keychain: without it, an error to
    // try again later, not a second key that leaves the first one's content
    // unreadable.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox.key"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    file.write("keychain\n");
    file.close();
    QString error;
    EXPECT_FALSE(DeviceKey::loadOrCreate(path, /*tryKeychain=*/false, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("keychain"))) << error.toStdString();
    QFile kept(path);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray("keychain\n"));
}

TEST(DeviceKeyTest, ForgetRemovesTheKeyFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox.key"));
    QString error;
    const auto first = DeviceKey::loadOrCreate(path, false, &error);
    ASSERT_TRUE(first.has_value()) << error.toStdString();
    DeviceKey::forget(path, /*tryKeychain=*/false);
    EXPECT_FALSE(QFile::exists(path));
    const auto second = DeviceKey::loadOrCreate(path, false, &error);
    ASSERT_TRUE(second.has_value()) << error.toStdString();
    EXPECT_NE(second->bytes(), first->bytes());
}

} // namespace
