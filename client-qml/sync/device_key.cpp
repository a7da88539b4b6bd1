#include "sync/device_key.h"

#include "sync/device_cipher.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace {

const auto kService = QStringLiteral("Tandem");
const auto kEntry = QStringLiteral("outbox-device-key");
/// What the key file holds once the key is in the keychain.
constexpr auto kInKeychain = "keychain";
/// A keychain that asks the person to unlock it may take a while; the
/// outbox waits this long and then says it cannot open.
constexpr int kKeychainTimeoutMs = 10000;

struct JobResult {
    bool finished = false;
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

/// Runs a keychain job (which deletes itself) to its end, or gives up after
/// kKeychainTimeoutMs. Keychain jobs are asynchronous; the key is needed
/// once, when the outbox opens, so waiting here is simplest. What the job
/// found is copied out as it finishes: the job is gone afterwards.
JobResult runToEnd(QKeychain::Job *job)
{
    JobResult result;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        result.finished = true;
        result.error = done->error();
        if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done)) {
            result.data = read->binaryData();
        }
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->setAutoDelete(true);
    job->setKey(kEntry);
    job->start();
    if (!result.finished) {
        loop.exec();
    }
    return result;
}

enum class KeychainRead { Found, Missing, Unavailable };

KeychainRead readKeychain(QByteArray *key)
{
    const JobResult read = runToEnd(new QKeychain::ReadPasswordJob(kService));
    if (read.finished && read.error == QKeychain::NoError
        && read.data.size() == DeviceCipher::kKeyBytes) {
        *key = read.data;
        return KeychainRead::Found;
    }
    return read.finished && read.error == QKeychain::EntryNotFound ? KeychainRead::Missing
                                                                   : KeychainRead::Unavailable;
}

bool writeKeychain(const QByteArray &key)
{
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setBinaryData(key);
    const JobResult written = runToEnd(job);
    return written.finished && written.error == QKeychain::NoError;
}

struct KeyFile {
    enum class State { None, Key, InKeychain, Refused } state = State::None;
    QByteArray key;
};

KeyFile readKeyFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("The device key file beside the outbox cannot be read.");
        return {KeyFile::State::Refused, {}};
    }
    const QByteArray text = file.readAll().trimmed();
    if (text == kInKeychain) {
        return {KeyFile::State::InKeychain, {}};
    }
#if defined(Q_OS_UNIX)
    // Readable by others (or other users' processes): not a secret any more.
    // (Windows reports no such bits without an ACL look-up; the app's data
    // folder there is the user's own.)
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & others) {
        *error = QStringLiteral(
            "The device key file beside the outbox can be read by others; it must be owner-only.");
        return {KeyFile::State::Refused, {}};
    }
#endif
    const QByteArray key = QByteArray::fromBase64(text, QByteArray::AbortOnBase64DecodingErrors);
    if (key.size() != DeviceCipher::kKeyBytes) {
        *error = QStringLiteral("The device key file beside the outbox is damaged.");
        return {KeyFile::State::Refused, {}};
    }
    return {KeyFile::State::Key, key};
}

/// Writes `text` to a new owner-only file at `path`.
bool writeNewFile(const QString &path, const QByteArray &text, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("The folder for the device key cannot be made.");
        return false;
    }
    QFile file(path);
    // Created owner-only: no moment when the key is readable by others.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("The device key file cannot be made.");
        return false;
    }
    if (file.write(text) != text.size() || !file.flush()) {
        file.close();
        QFile::remove(path);
        *error = QStringLiteral("The device key file cannot be written.");
        return false;
    }
    return true;
}

} // namespace

DeviceKey::DeviceKey(QByteArray bytes, Place place)
    : m_bytes(std::move(bytes))
    , m_place(place)
{ }

std::optional<DeviceKey> DeviceKey::loadOrCreate(
    const QString &keyFilePath, bool tryKeychain, QString *error)
{
    const KeyFile file = readKeyFile(keyFilePath, error);
    QByteArray key;
    switch (file.state) {
    case KeyFile::State::Refused:
        return std::nullopt;
    case KeyFile::State::Key:
        return DeviceKey(file.key, Place::File);
    case KeyFile::State::InKeychain:
        if (!tryKeychain) {
            *error = QStringLiteral("The device key is in the keychain, which is not in use.");
            return std::nullopt;
        }
        switch (readKeychain(&key)) {
        case KeychainRead::Found:
            return DeviceKey(key, Place::Keychain);
        case KeychainRead::Missing:
            // The keychain lost it (reset, restored elsewhere): what it
            // sealed cannot be read any more, and shows so; new content is
            // sealed under a new key.
            key = DeviceCipher::newKey();
            if (writeKeychain(key)) {
                return DeviceKey(key, Place::Keychain);
            }
            *error = QStringLiteral("A new device key cannot be kept in the keychain.");
            return std::nullopt;
        case KeychainRead::Unavailable:
            *error = QStringLiteral("The keychain that holds the device key cannot be reached.");
            return std::nullopt;
        }
        return std::nullopt;
    case KeyFile::State::None:
        break;
    }
    if (tryKeychain) {
        switch (readKeychain(&key)) {
        case KeychainRead::Found: {
            // Kept from before the key file went (the app's data cleared).
            QString ignored;
            writeNewFile(keyFilePath, QByteArray(kInKeychain) + '\n', &ignored);
            return DeviceKey(key, Place::Keychain);
        }
        case KeychainRead::Missing:
            key = DeviceCipher::newKey();
            if (writeKeychain(key)) {
                // Should the word not be written, the keychain still has the
                // key and is read first next time.
                QString ignored;
                writeNewFile(keyFilePath, QByteArray(kInKeychain) + '\n', &ignored);
                return DeviceKey(key, Place::Keychain);
            }
            break;
        case KeychainRead::Unavailable:
            break;
        }
    }
    key = DeviceCipher::newKey();
    if (!writeNewFile(keyFilePath, key.toBase64() + '\n', error)) {
        return std::nullopt;
    }
    return DeviceKey(key, Place::File);
}

void DeviceKey::forget(const QString &keyFilePath, bool tryKeychain)
{
    QFile::remove(keyFilePath);
    if (tryKeychain) {
        runToEnd(new QKeychain::DeletePasswordJob(kService));
    }
}
