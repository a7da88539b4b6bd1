#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>

#include <memory>

class QSettings;

/// The person's settings on this device, kept between runs: text size,
/// theme and the server's address (an advanced setting; the build sets the
/// organisation's default). One per app, the `AppSettings` QML singleton.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// Text size as a factor of the standard size, 1.0 to 2.0.
    Q_PROPERTY(double textScale READ textScale WRITE setTextScale NOTIFY textScaleChanged)
    /// Light or dark colours. Until the person chooses, follows the
    /// platform's palette (Qt 6.4 has no colour-scheme hint).
    Q_PROPERTY(bool darkTheme READ darkTheme WRITE setDarkTheme NOTIFY darkThemeChanged)
    /// "host:port" of the organisation's server.
    Q_PROPERTY(
        QString serverAddress READ serverAddress WRITE setServerAddress NOTIFY serverAddressChanged)
    /// The address this build ships with.
    Q_PROPERTY(QString defaultServerAddress READ defaultServerAddress CONSTANT)

public:
    static constexpr double kMinTextScale = 1.0;
    static constexpr double kMaxTextScale = 2.0;

    static AppSettings *instance();
    static AppSettings *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    ~AppSettings() override;

    /// Keeps the settings in an INI file at `path` from now on (tests, so
    /// that they never touch the person's own settings).
    void useFile(const QString &path);

    double textScale() const;
    void setTextScale(double scale);
    bool darkTheme() const;
    void setDarkTheme(bool dark);
    QString serverAddress() const;
    void setServerAddress(const QString &address);
    static QString defaultServerAddress();

    /// Back to the build's server address.
    Q_INVOKABLE void resetServerAddress();

    /// Whether the notice `name` was put away on this device ("not now" on
    /// a card that asks once). The name says whose and which notice.
    bool isDismissed(const QString &name) const;
    /// Puts the notice `name` away on this device, for good.
    void dismiss(const QString &name);

Q_SIGNALS:
    void textScaleChanged();
    void darkThemeChanged();
    void serverAddressChanged();

private:
    explicit AppSettings(QObject *parent);
    QSettings &settings() const;

    mutable std::unique_ptr<QSettings> m_settings;
};
