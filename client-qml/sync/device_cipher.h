#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

/// Seals what must not sit readable on the device (private notes, concerns,
/// what is typed in forms) with XChaCha20-Poly1305 (libsodium) under the
/// device's key. Each sealed value is bound to a context — the row it
/// belongs to — so that a value moved to another row does not open.
class DeviceCipher {
public:
    /// The key's length in bytes.
    static constexpr int kKeyBytes = 32;

    /// `key` must be kKeyBytes long (see DeviceKey).
    explicit DeviceCipher(const QByteArray &key);
    /// Wipes the key from memory.
    ~DeviceCipher();
    DeviceCipher(const DeviceCipher &) = delete;
    DeviceCipher &operator=(const DeviceCipher &) = delete;

    /// A fresh random key.
    static QByteArray newKey();

    /// "sealed:1:" and the nonce and ciphertext in base64: text, so that it
    /// fits the store's TEXT columns.
    QString seal(const QByteArray &plaintext, const QByteArray &context) const;
    /// The plaintext, or nothing when `sealed` was not sealed under this key
    /// and context (or was changed).
    std::optional<QByteArray> open(const QString &sealed, const QByteArray &context) const;
    /// True when `text` looks like the output of seal().
    static bool isSealed(const QString &text);

private:
    QByteArray m_key;
};
