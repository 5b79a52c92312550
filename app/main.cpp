// The composition root: the one file in app/ that may include ui/.
#include "config/commandline.h"
#include "monitor/requestlogprinter.h"
#include "proxy/proxyengine.h"
#include "singleinstance.h"
#include "statuswindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QNetworkProxyFactory>

#include <cstdio>
#include <memory>

namespace {
void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

int runHeadless(const CommandLine &commandLine)
{
    if (commandLine.checkConfigRequested()) {
        if (commandLine.problems().isEmpty()) {
            print(stdout, QCoreApplication::translate("main", "The configuration is valid.\n"));
            return 0;
        }
        print(stderr, commandLine.problems().join(QLatin1Char('\n')) + QLatin1Char('\n'));
        return 1;
    }
    if (!commandLine.problems().isEmpty()) {
        print(stderr, commandLine.problems().join(QLatin1Char('\n')) + QLatin1Char('\n'));
        return 1;
    }
    auto *engine = new ProxyEngine(commandLine.config(), nullptr, qApp);
    new RequestLogPrinter(engine->requestLog(), stderr, engine);
    if (!engine->start()) {
        print(stderr, QCoreApplication::translate("main", "Cannot listen on %1:%2: %3\n")
                          .arg(commandLine.config().listenAddress.toString())
                          .arg(commandLine.config().port)
                          .arg(engine->errorString()));
        return 1;
    }
    if (!commandLine.headless())
        print(stderr, QCoreApplication::translate("main", "No display found: running without a window.\n"));
    print(stderr, QCoreApplication::translate("main", "CC Bridge %1 listening on %2\n")
                      .arg(QStringLiteral(CCBRIDGE_VERSION), engine->baseUrl().toString()));
    return QCoreApplication::exec();
}

int runWithWindow(const CommandLine &commandLine)
{
    // Before the port is bound: a second launch only brings the running window forward.
    SingleInstance instance(QStringLiteral("ccbridge"));
    if (!instance.claim())
        return 0;
    StatusWindow window;
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    std::unique_ptr<ProxyEngine> engine;
    if (!commandLine.problems().isEmpty()) {
        window.showError(commandLine.problems().join(QLatin1Char('\n')));
    } else {
        engine = std::make_unique<ProxyEngine>(commandLine.config());
        new RequestLogPrinter(engine->requestLog(), stderr, engine.get());
        if (engine->start())
            window.showListening(engine->baseUrl().toString());
        else
            window.showError(engine->errorString());
    }
    window.show();
    return QApplication::exec();
}

// On X11/Wayland desktops a window needs a display; without one (an SSH session, a
// container) QApplication would abort, so the proxy runs headless instead.
bool hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
           || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}
}

int main(int argc, char *argv[])
{
    const bool noWindow = CommandLine::wantsNoWindow(argc, argv) || !hasDisplay();
    std::unique_ptr<QCoreApplication> application(noWindow ? new QCoreApplication(argc, argv)
                                                            : new QApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("CC Bridge"));
    QCoreApplication::setOrganizationName(QStringLiteral("CC Bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CCBRIDGE_VERSION));
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    CommandLine commandLine;
    if (!commandLine.parse(QCoreApplication::arguments())) {
        print(stderr, commandLine.errorText() + QStringLiteral("\n\n") + commandLine.helpText());
        return 2;
    }
    if (commandLine.helpRequested()) {
        print(stdout, commandLine.helpText());
        return 0;
    }
    if (commandLine.versionRequested()) {
        print(stdout, QStringLiteral("ccbridge %1\n").arg(QStringLiteral(CCBRIDGE_VERSION)));
        return 0;
    }
    return noWindow ? runHeadless(commandLine) : runWithWindow(commandLine);
}
