// The composition root: the one file in app/ that may include ui/.
#include "cli/savedsetup.h"
#include "cli/windowless.h"
#include "cli/windowlessexecutable.h"
#include "config/commandline.h"
#include "config/keychainsecretstore.h"
#include "config/settings.h"
#include "firstrunguide.h"
#include "mainwindow.h"
#include "monitor/requestlogprinter.h"
#include "monitor/usagestats.h"
#include "proxy/gracefulshutdown.h"
#include "proxy/proxycontroller.h"
#include "proxy/upstreamconnectionpool.h"
#include "singleinstance.h"
#include "traycontroller.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace {

int runWithWindow(const CommandLine &commandLine)
{
    // Before the port is bound: a second launch only brings the running window forward.
    SingleInstance instance(QStringLiteral("ccbridge"));
    if (!instance.claim())
        return 0;

    Settings settings(Settings::defaultFileName());
    Translations::apply(settings.language());
    KeychainSecretStore secrets;
    UsageStats usage(
        SavedSetup::usageFileName(),
        [&settings](const QString &provider, const QString &model) { return SavedSetup::priceOf(settings, provider, model); },
        settings.usageRetentionDays());
    ProxyController proxy(&settings, &secrets);
    usage.follow(proxy.requestLog());
    new RequestLogPrinter(proxy.requestLog(), stderr, &proxy);
    UpstreamConnectionPool upstreams; // the window's provider checks

    MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
    TrayController tray(&proxy, &settings, &usage, &window);
    GracefulShutdown *shutdown = Windowless::shutDownOnSignals(&proxy, [&proxy] { return proxy.engine(); });
    QObject::connect(&tray, &TrayController::quitRequested, shutdown, [&window, shutdown] {
        window.hide(); // gone at once for the user, while requests in flight finish
        shutdown->begin();
    });
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    // With a tray icon, closing the window keeps CC Bridge running in the tray.
    QApplication::setQuitOnLastWindowClosed(!tray.isVisible());
    window.setHidesOnClose(tray.isVisible());
    if (!tray.isVisible())
        window.showNotice(QCoreApplication::translate("main", "No system tray was found: CC Bridge runs as long as this "
                                                              "window is open."));
    if (!commandLine.usesSavedConfiguration())
        window.showNotice(QCoreApplication::translate("main", "The configuration given on the command line is used with "
                                                              "--headless only; the window uses the providers set up here."));
    QObject::connect(&settings, &Settings::changed, &window, [&settings, &window](const QString &key) {
        if (key != Settings::keyName(Settings::Key::Language))
            return;
        Translations::apply(settings.language());
        window.showNotice(QCoreApplication::translate("main", "Restart CC Bridge to see every text in the new language."));
    });
    if (!commandLine.minimized() || !tray.isVisible())
        window.show();
    // An empty configuration starts in the guided start, which starts the proxy itself.
    if (settings.startProxyAtLaunch() && !FirstRunGuide::isWanted(settings))
        proxy.start();
    const int result = QApplication::exec();
    usage.flush();
    return result;
}
}

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // A windowed program has no console of its own: started from one (--headless, --help),
    // it writes to that one.
    if (AttachConsole(ATTACH_PARENT_PROCESS)) {
        std::freopen("CONOUT$", "w", stdout);
        std::freopen("CONOUT$", "w", stderr);
    }
#endif
    const bool noWindow = CommandLine::wantsNoWindow(argc, argv) || !CommandLine::hasDisplay();
    if (noWindow)
        WindowlessExecutable::replaceProcess(argv);
    std::unique_ptr<QCoreApplication> application(noWindow ? new QCoreApplication(argc, argv)
                                                            : new QApplication(argc, argv));
    Windowless::setUpApplication();
    // Wayland compositors and docks match the window to the installed menu entry, and so to
    // its name and icon, by this id (packaging/linux/<id>.desktop).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.ccbridge.CCBridge"));

    CommandLine commandLine;
    if (const std::optional<int> status = Windowless::parseOrAnswer(commandLine))
        return *status;
    return noWindow ? Windowless::runHeadless(commandLine) : runWithWindow(commandLine);
}
