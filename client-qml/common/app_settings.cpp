#include "common/app_settings.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJSEngine>
#include <QPalette>
#include <QPointer>
#include <QSettings>

#include <algorithm>

#ifndef TANDEM_SERVER_ADDRESS
#define TANDEM_SERVER_ADDRESS "127.0.0.1:7443"
#endif

namespace {

const QString kTextScaleKey = QStringLiteral("display/textScale");
const QString kDarkThemeKey = QStringLiteral("display/darkTheme");
const QString kServerAddressKey = QStringLiteral("connection/serverAddress");

/// A notice's key: its name in hex, so that any name (with an address's
/// colons and dots in it) is one key of the INI file.
QString dismissedKey(const QString &name)
{
    return QStringLiteral("dismissed/") + QString::fromLatin1(name.toUtf8().toHex());
}

} // namespace

AppSettings *AppSettings::instance()
{
    static QPointer<AppSettings> settings;
    if (!settings) {
        settings = new AppSettings(QCoreApplication::instance());
    }
    return settings;
}

AppSettings *AppSettings::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    Q_UNUSED(jsEngine)
    AppSettings *settings = instance();
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{ }

AppSettings::~AppSettings() = default;

QSettings &AppSettings::settings() const
{
    if (!m_settings) {
        m_settings = std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
            QStringLiteral("Tandem"), QStringLiteral("Tandem"));
    }
    return *m_settings;
}

void AppSettings::useFile(const QString &path)
{
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    Q_EMIT textScaleChanged();
    Q_EMIT darkThemeChanged();
    Q_EMIT serverAddressChanged();
}

double AppSettings::textScale() const
{
    const double scale = settings().value(kTextScaleKey, kMinTextScale).toDouble();
    return std::clamp(scale, kMinTextScale, kMaxTextScale);
}

void AppSettings::setTextScale(double scale)
{
    const double clamped = std::clamp(scale, kMinTextScale, kMaxTextScale);
    if (qFuzzyCompare(clamped, textScale())) {
        return;
    }
    settings().setValue(kTextScaleKey, clamped);
    Q_EMIT textScaleChanged();
}

bool AppSettings::darkTheme() const
{
    const QVariant chosen = settings().value(kDarkThemeKey);
    if (chosen.isValid()) {
        return chosen.toBool();
    }
    // The platform's choice, where there is a GUI to have one.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()) == nullptr) {
        return false;
    }
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

void AppSettings::setDarkTheme(bool dark)
{
    if (dark == darkTheme() && settings().contains(kDarkThemeKey)) {
        return;
    }
    const bool changed = dark != darkTheme();
    settings().setValue(kDarkThemeKey, dark);
    if (changed) {
        Q_EMIT darkThemeChanged();
    }
}

QString AppSettings::serverAddress() const
{
    const QString address = settings().value(kServerAddressKey).toString();
    return address.isEmpty() ? defaultServerAddress() : address;
}

void AppSettings::setServerAddress(const QString &address)
{
    const QString trimmed = address.trimmed();
    if (trimmed == serverAddress()) {
        return;
    }
    if (trimmed.isEmpty() || trimmed == defaultServerAddress()) {
        settings().remove(kServerAddressKey);
    } else {
        settings().setValue(kServerAddressKey, trimmed);
    }
    Q_EMIT serverAddressChanged();
}

QString AppSettings::defaultServerAddress()
{
    return QStringLiteral(TANDEM_SERVER_ADDRESS);
}

void AppSettings::resetServerAddress()
{
    setServerAddress(QString());
}

bool AppSettings::isDismissed(const QString &name) const
{
    return !name.isEmpty() && settings().value(dismissedKey(name), false).toBool();
}

void AppSettings::dismiss(const QString &name)
{
    if (!name.isEmpty()) {
        settings().setValue(dismissedKey(name), true);
    }
}
