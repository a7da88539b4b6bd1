#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

/// The per-device key that seals confidential content in the outbox
/// (DeviceCipher). It lives in the platform keychain (QtKeychain: the
/// Keychain on iOS and macOS, the Keystore on Android, the Credential Store
/// on Windows, the Secret Service on Linux) where one can be reached, and
/// otherwise in an owner-only key file beside the outbox. A key file that
/// others could read is refused, as the server refuses its notes key file.
///
/// The key file's place also says where the key is: it holds either the key
/// (base64) or the word "keychain", written once the key went into the
/// keychain. So a keychain that cannot be reached for a moment (locked, its
/// service not started yet) is an error to try again later, never a reason
/// to make a second key, which would leave what the first sealed unreadable.
class DeviceKey {
public:
    enum class Place { Keychain, File };

    /// Reads the device's key, or makes one on first use: from the keychain
    /// when `tryKeychain` and a keychain answers, else from `keyFilePath`
    /// (created 0600). A key file already there is used before a new
    /// keychain entry is made, so that content sealed while no keychain was
    /// available still opens. Nothing, with `error` saying why in words for
    /// people, when neither works. May wait (running the event loop) for the
    /// keychain, at most a few seconds.
    static std::optional<DeviceKey> loadOrCreate(
        const QString &keyFilePath, bool tryKeychain, QString *error);

    /// Removes the key from the key file and, when `tryKeychain`, from the
    /// keychain: what it sealed can no longer be read.
    static void forget(const QString &keyFilePath, bool tryKeychain);

    QByteArray bytes() const { return m_bytes; }
    Place place() const { return m_place; }

private:
    DeviceKey(QByteArray bytes, Place place);

    QByteArray m_bytes;
    Place m_place;
};
