// The Tandem app: the composition (the server is reached over gRPC), the
// command line, the Material style and the QML module. Everything else
// lives in tandem_client.
#include "grpc/grpc_backends.h"
#include "identity/session.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(TandemPlugin)

int main(int argc, char *argv[])
{
    // A QApplication, not a QGuiApplication: Qt Charts draws with the
    // Graphics View framework.
    QApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Tandem"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Tandem"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tandem: coaching and mentoring for health and social care."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QStringLiteral("The server to use from now on (remembered; default: the one this build "
                       "was made for)."),
        QStringLiteral("HOST:PORT"));
    parser.addOption(serverOption);
    parser.process(app);
    Session::instance()->setBackendsFactory(makeGrpcBackends);
    if (parser.isSet(serverOption)) {
        Session::instance()->setServerAddress(parser.value(serverOption));
    }

    QQmlApplicationEngine engine;
    // The module's resource root; a default import path only from Qt 6.5 on.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Tandem/shell/Main.qml")));
    return QApplication::exec();
}
