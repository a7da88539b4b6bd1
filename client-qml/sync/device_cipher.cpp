#include "sync/device_cipher.h"

#include <sodium.h>

#include <QLatin1String>

namespace {

constexpr auto kPrefix = "sealed:1:";

/// libsodium is safe to initialise more than once; it must be before use.
void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    Q_ASSERT(ready);
    Q_UNUSED(ready)
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

} // namespace

DeviceCipher::DeviceCipher(const QByteArray &key)
    // A copy of its own, not shared with `key`, so that the destructor wipes
    // the bytes this object held rather than a copy detached at that moment.
    : m_key(key.constData(), key.size())
{
    ensureSodium();
    Q_ASSERT(m_key.size() == kKeyBytes);
}

DeviceCipher::~DeviceCipher()
{
    sodium_memzero(m_key.data(), static_cast<size_t>(m_key.size()));
}

QByteArray DeviceCipher::newKey()
{
    ensureSodium();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    crypto_aead_xchacha20poly1305_ietf_keygen(bytes(key));
    return key;
}

QString DeviceCipher::seal(const QByteArray &plaintext, const QByteArray &context) const
{
    constexpr int kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr int kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    QByteArray sealed(kNonce + plaintext.size() + kTag, Qt::Uninitialized);
    randombytes_buf(sealed.data(), kNonce);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(bytes(sealed) + kNonce, &written, bytes(plaintext),
        static_cast<unsigned long long>(plaintext.size()), bytes(context),
        static_cast<unsigned long long>(context.size()), nullptr, bytes(sealed), bytes(m_key));
    sealed.truncate(kNonce + static_cast<int>(written));
    return QLatin1String(kPrefix) + QString::fromLatin1(sealed.toBase64());
}

std::optional<QByteArray> DeviceCipher::open(const QString &sealed, const QByteArray &context) const
{
    constexpr int kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr int kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (!isSealed(sealed)) {
        return std::nullopt;
    }
    const QByteArray raw
        = QByteArray::fromBase64(sealed.mid(static_cast<qsizetype>(qstrlen(kPrefix))).toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
    if (raw.size() < kNonce + kTag) {
        return std::nullopt;
    }
    QByteArray plaintext(raw.size() - kNonce - kTag, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(bytes(plaintext), &length, nullptr,
            bytes(raw) + kNonce, static_cast<unsigned long long>(raw.size() - kNonce),
            bytes(context), static_cast<unsigned long long>(context.size()), bytes(raw),
            bytes(m_key))
        != 0) {
        return std::nullopt;
    }
    plaintext.truncate(static_cast<qsizetype>(length));
    return plaintext;
}

bool DeviceCipher::isSealed(const QString &text)
{
    return text.startsWith(QLatin1String(kPrefix));
}
