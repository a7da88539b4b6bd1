// Qt Quick Test runner for the app's QML. Before any test runs it starts the
// real tandem-server on a free loopback port with a fresh demo database, and
// gives the tests its address through the `TestEnv` singleton
// (`import TandemTest`). Tests may stop the server and start it again on the
// same port and database (offline journeys). The server is stopped when the
// tests end. The app's on-device queue lives in a fresh temporary folder.
// The app reaches the server over gRPC, as in app/main.cpp.
#include "accessibility_audit.h"
#include "common/app_settings.h"
#include "common/connection.h"
#include "grpc/grpc_backends.h"
#include "identity/account_backend.h"
#include "identity/auth_backend.h"
#include "identity/session.h"
#include "matching/matching_backend.h"
#include "sync/sync_queue.h"

#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

#include <cstdio>
#include <functional>

Q_IMPORT_QML_PLUGIN(TandemPlugin)

namespace {

constexpr int kServerStartTimeoutMs = 30000;
constexpr int kServerStopTimeoutMs = 10000;
constexpr int kCallWaitMs = 30000;

/// Runs the event loop until `done` is set (by a backend's callback) or the
/// wait is over; returns whether it was set.
bool waitFor(const bool &done)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(kCallWaitMs);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done) {
            loop.quit();
        }
    });
    poll.start(10);
    if (!done) {
        loop.exec();
    }
    return done;
}

/// Signs `backends` in as `email`; empty, or why not.
QString signInAs(const Backends &backends, const QString &email, const QString &password,
    QObject *context, SignInResult *signedIn = nullptr)
{
    bool done = false;
    QString error;
    backends.auth->signIn(email, password, context, [&](const Result<SignInResult> &result) {
        done = true;
        if (!result.ok()) {
            error = result.error().message;
            return;
        }
        backends.connection->setToken(result.value().token);
        if (signedIn != nullptr) {
            *signedIn = result.value();
        }
    });
    return waitFor(done) ? error : QStringLiteral("signing in as %1 timed out").arg(email);
}

} // namespace

/// What the QML tests need to know about their surroundings.
class TestEnv : public QObject {
    Q_OBJECT
    /// "127.0.0.1:PORT" of the running server; empty if it did not start.
    Q_PROPERTY(QString serverAddress MEMBER m_serverAddress CONSTANT)
    /// Why the server did not start; empty when it did.
    Q_PROPERTY(QString serverError MEMBER m_serverError CONSTANT)
    /// Where screenshots go.
    Q_PROPERTY(QString screenshotDir MEMBER m_screenshotDir CONSTANT)
    /// The app's data folder for this run (the sync queue's file is here).
    Q_PROPERTY(QString appDataDir MEMBER m_appDataDir CONSTANT)
    Q_PROPERTY(bool serverRunning READ serverRunning NOTIFY serverRunningChanged)

public:
    /// Stops the server (SIGTERM, as an operator would); true once it is down.
    Q_INVOKABLE bool stopServer()
    {
        const bool stopped = m_stop();
        Q_EMIT serverRunningChanged();
        return stopped;
    }
    /// Starts it again on the same address and database; true once listening.
    Q_INVOKABLE bool startServer()
    {
        const bool started = m_start();
        Q_EMIT serverRunningChanged();
        return started;
    }
    bool serverRunning() const { return m_running(); }
    /// A file's text (UTF-8); empty if it cannot be read. QML itself may
    /// not read local files.
    Q_INVOKABLE QString readFile(const QString &path) const
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    Q_INVOKABLE bool fileExists(const QString &path) const { return QFile::exists(path); }
    /// Writes `text` (UTF-8) to a file; false if it cannot.
    Q_INVOKABLE bool writeFile(const QString &path, const QString &text) const
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(text.toUtf8()) == text.toUtf8().size();
    }
    /// The text of a PDF file, as poppler's pdftotext reads it (layout
    /// kept); empty if it cannot be read.
    Q_INVOKABLE QString pdfText(const QString &path) const
    {
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path,
                QStringLiteral("-")});
        if (!pdftotext.waitForFinished(kServerStopTimeoutMs) || pdftotext.exitCode() != 0) {
            return QString();
        }
        return QString::fromUtf8(pdftotext.readAllStandardOutput());
    }
    /// As the demo coordinator, over gRPC apart from the app: makes an
    /// account for `email` (a coachee in the coordinator's organisation) and
    /// replaces its temporary password with `password`, so that it can sign
    /// in straight away. Empty, or why it could not.
    Q_INVOKABLE QString makeAccount(
        const QString &email, const QString &displayName, const QString &password) const
    {
        QObject context;
        const Backends coordinator = makeGrpcBackends(m_serverAddress);
        SignInResult signedIn;
        QString error = signInAs(coordinator, QStringLiteral("coordinator@demo.tandem.example"),
            QStringLiteral("demo-password-1"), &context, &signedIn);
        if (!error.isEmpty()) {
            return error;
        }
        bool done = false;
        QString temporary;
        coordinator.accounts->createAccount(email, displayName, signedIn.organisation.id,
            {Role::Coachee}, &context, [&](const Result<CreatedAccount> &result) {
                done = true;
                if (result.ok()) {
                    temporary = result.value().temporaryPassword;
                } else {
                    error = result.error().message;
                }
            });
        if (!waitFor(done) || !error.isEmpty()) {
            return error.isEmpty() ? QStringLiteral("creating the account timed out") : error;
        }
        const Backends person = makeGrpcBackends(m_serverAddress);
        error = signInAs(person, email, temporary, &context);
        if (!error.isEmpty()) {
            return error;
        }
        done = false;
        person.auth->changePassword(temporary, password, &context, [&](const Result<Done> &result) {
            done = true;
            if (!result.ok()) {
                error = result.error().message;
            }
        });
        return waitFor(done) ? error : QStringLiteral("changing the password timed out");
    }
    /// As `email`, over gRPC apart from the app: asks pool member
    /// `memberId` for coaching by name, so that it lands in their inbox.
    /// Empty, or why it could not.
    Q_INVOKABLE QString requestCoaching(
        const QString &email, const QString &password, double memberId) const
    {
        QObject context;
        const Backends person = makeGrpcBackends(m_serverAddress);
        QString error = signInAs(person, email, password, &context);
        if (!error.isEmpty()) {
            return error;
        }
        RequestDetails details;
        details.kind = QStringLiteral("coaching");
        details.gap = QStringLiteral("I have stepped up to lead a busy ward and want to grow "
                                     "in confidence as a leader.");
        bool done = false;
        person.matching->createRequest(details, static_cast<qint64>(memberId), &context,
            [&](const Result<SupportRequestInfo> &result) {
                done = true;
                if (!result.ok()) {
                    error = result.error().message;
                }
            });
        return waitFor(done) ? error : QStringLiteral("asking for coaching timed out");
    }
    /// The accessibility problems under `root` (accessibility_audit.h).
    Q_INVOKABLE QStringList audit(QQuickItem *root, bool phone) const
    {
        return auditAccessibility(root, phone);
    }
    /// Whether the bytes of a file hold `text` (as UTF-8) anywhere; false if
    /// there is no such file. For binary files such as the app's outbox,
    /// which readFile() would garble.
    Q_INVOKABLE bool fileContains(const QString &path, const QString &text) const
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8());
    }

    QString m_serverAddress;
    QString m_serverError;
    QString m_screenshotDir = QStringLiteral(TANDEM_SCREENSHOT_DIR);
    QString m_appDataDir;
    std::function<bool()> m_stop;
    std::function<bool()> m_start;
    std::function<bool()> m_running;

Q_SIGNALS:
    void serverRunningChanged();
};

class Setup : public QObject {
    Q_OBJECT

public:
    ~Setup() override { stopServer(); }

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // As with a screen reader on: controls then name themselves (a
        // button by its text) and the accessibility audit reads those names.
        QAccessible::setActive(true);
        QDir().mkpath(m_env.m_screenshotDir);
        m_env.m_appDataDir = m_appDataDir.path();
        // Settings (text size, theme, server address) in this run's folder.
        AppSettings::instance()->useFile(m_appDataDir.filePath(QStringLiteral("settings.ini")));
        Session::instance()->setBackendsFactory(makeGrpcBackends);
        // The device key in a file beside the outbox, never a desktop's keychain.
        SyncQueue::instance()->setUseKeychain(false);
        SyncQueue::instance()->setDatabasePath(
            m_appDataDir.filePath(QStringLiteral("outbox.sqlite")));
        m_env.m_stop = [this] {
            stopServer();
            return m_server.state() == QProcess::NotRunning;
        };
        m_env.m_start = [this] {
            if (m_server.state() != QProcess::NotRunning) {
                return true;
            }
            return startServer(m_env.m_serverAddress);
        };
        m_env.m_running = [this] { return m_server.state() == QProcess::Running; };
        startServer(QStringLiteral("127.0.0.1:0"));
        qmlRegisterSingletonInstance("TandemTest", 1, 0, "TestEnv", &m_env);
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Where the Tandem module lives in the resources (default from Qt 6.5).
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase() { stopServer(); }

private:
    /// Starts the server listening on `listen`; true once it says it is.
    bool startServer(const QString &listen)
    {
        if (!m_dataDir.isValid() || !m_appDataDir.isValid()) {
            m_env.m_serverError = QStringLiteral("Could not create a temporary directory.");
            return false;
        }
        disconnect(&m_server, &QProcess::readyReadStandardOutput, this, nullptr);
        m_server.setProgram(QStringLiteral(TANDEM_SERVER_PATH));
        m_server.setArguments({QStringLiteral("--listen"), listen, QStringLiteral("--db"),
            m_dataDir.filePath(QStringLiteral("tandem.db")), QStringLiteral("--demo-data")});
        // The server's log goes straight to ours; stdout carries the address.
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        if (!m_server.waitForStarted(kServerStartTimeoutMs)) {
            m_env.m_serverError = QStringLiteral("Could not start %1: %2")
                                      .arg(m_server.program(), m_server.errorString());
            return false;
        }

        static const QRegularExpression listening(
            QStringLiteral("^tandem-server listening on (127\\.0\\.0\\.1:\\d+)\\s*$"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < kServerStartTimeoutMs) {
            while (m_server.canReadLine()) {
                const QString line = QString::fromUtf8(m_server.readLine());
                std::fprintf(stderr, "[tandem-server stdout] %s", qPrintable(line));
                const auto match = listening.match(line);
                if (match.hasMatch()) {
                    m_env.m_serverAddress = match.captured(1);
                    // Keep draining stdout so that the server never blocks on it.
                    connect(&m_server, &QProcess::readyReadStandardOutput, this, [this] {
                        std::fprintf(stderr, "[tandem-server stdout] %s",
                            m_server.readAllStandardOutput().constData());
                    });
                    return true;
                }
            }
            if (m_server.state() != QProcess::Running) {
                break;
            }
            m_server.waitForReadyRead(500);
        }
        m_env.m_serverError = m_server.state() == QProcess::Running
            ? QStringLiteral("tandem-server did not say it was listening within %1 s.")
                  .arg(kServerStartTimeoutMs / 1000)
            : QStringLiteral("tandem-server exited early with code %1.").arg(m_server.exitCode());
        stopServer();
        return false;
    }

    void stopServer()
    {
        if (m_server.state() == QProcess::NotRunning) {
            return;
        }
        m_server.terminate(); // SIGTERM: the server shuts down gracefully
        if (!m_server.waitForFinished(kServerStopTimeoutMs)) {
            std::fprintf(stderr, "tandem-server ignored SIGTERM; killing it\n");
            m_server.kill();
            m_server.waitForFinished(kServerStopTimeoutMs);
        }
    }

    TestEnv m_env;
    QTemporaryDir m_dataDir;
    QTemporaryDir m_appDataDir;
    QProcess m_server;
};

int main(int argc, char **argv)
{
    // As the app does (app/main.cpp): Qt Charts needs a QApplication, and
    // quick_test_main_with_setup() would make a QGuiApplication.
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "tandem_qml", nullptr, &setup);
}

#include "tst_tandem_qml.moc"
