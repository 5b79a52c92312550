#include "windowless.h"

#include "cli/claudecodecommands.h"
#include "cli/console.h"
#include "cli/savedsetup.h"
#include "config/keychainsecretstore.h"
#include "config/settings.h"
#include "http/filedescriptorlimit.h"
#include "monitor/requestlogprinter.h"
#include "monitor/usagestats.h"
#include "proxy/gracefulshutdown.h"
#include "proxy/proxycontroller.h"
#include "proxy/proxyengine.h"
#include "proxy/proxyenvironment.h"
#include "proxy/shutdownsignals.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>

// This code owns its objects by QCoreApplication::instance(), never qApp: where <QApplication>
// is included, qApp casts the instance to a QApplication, which the headless QCoreApplication
// is not (undefined behaviour, found by UBSan in the sanitized e2e tests).

namespace {
// The headless proxy makes no token of its own: one made afresh at every start would lock out
// every client and service unit set up before. Browsers are refused either way (RequestGuard);
// what remains open, other programs on this computer, is said at every start with the remedy.
void noteMissingToken(const QString &remedy)
{
    Console::print(stderr, QCoreApplication::translate("main", "No client token is set, so any program on this computer can use "
                                                               "the proxy and your providers' keys (web pages cannot). %1\n")
        .arg(remedy));
}

// The configuration the window saved, its keys from the keychain (else the environment).
int runSavedConfiguration(const CommandLine &commandLine)
{
    auto *settings = new Settings(Settings::defaultFileName(), QCoreApplication::instance());
    if (!SavedSetup::exists(*settings))
        return 1;
    if (commandLine.checkConfigRequested()) {
        const ConfigFile::Result result = settings->toProxyConfig();
        if (result.errors.isEmpty()) {
            Console::print(stdout, QCoreApplication::translate("main", "The configuration %1 is valid.\n").arg(settings->fileName()));
            return 0;
        }
        Console::print(stderr, result.errors.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        return 1;
    }
    auto *secrets = new KeychainSecretStore(QStringLiteral("ccbridge"), QCoreApplication::instance());
    auto *proxy = new ProxyController(settings, secrets, QCoreApplication::instance());
    new RequestLogPrinter(proxy->requestLog(), stderr, proxy);
    UsageStats usage(SavedSetup::usageFileName(), {}, settings->usageRetentionDays()); // saved when it goes
    usage.follow(proxy->requestLog());
    Windowless::shutDownOnSignals(proxy, [proxy] { return proxy->engine(); });
    QObject::connect(proxy, &ProxyController::stateChanged, QCoreApplication::instance(), [proxy](ProxyController::State state) {
        if (state == ProxyController::State::Running) {
            Console::print(stderr, QCoreApplication::translate("main", "CC Bridge %1 listening on %2 (configuration: %3)\n")
                .arg(QStringLiteral(CCBRIDGE_VERSION), proxy->baseUrl().toString(), Settings::defaultFileName()));
            if (proxy->clientToken().isEmpty())
                noteMissingToken(QCoreApplication::translate("main", "Open CC Bridge's window once: it makes one and "
                                                                     "shows Claude Code's environment with it."));
        } else if (state == ProxyController::State::Error) {
            Console::print(stderr, proxy->errorText() + QLatin1Char('\n'));
            // Queued: a configuration problem is found before the event loop runs.
            QMetaObject::invokeMethod(QCoreApplication::instance(), [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
        }
    });
    proxy->start();
    return QCoreApplication::exec();
}

} // namespace

void Windowless::setUpApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("CC Bridge"));
    QCoreApplication::setOrganizationName(QStringLiteral("CC Bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CCBRIDGE_VERSION));
    FileDescriptorLimit::raiseToHardLimit();
    ProxyEnvironment::adoptUpperCaseNames();
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

std::optional<int> Windowless::parseOrAnswer(CommandLine &commandLine)
{
    if (!commandLine.parse(QCoreApplication::arguments())) {
        Console::print(stderr, commandLine.errorText() + QStringLiteral("\n\n") + commandLine.helpText());
        return 2;
    }
    if (commandLine.helpRequested()) {
        Console::print(stdout, commandLine.helpText());
        return 0;
    }
    if (commandLine.versionRequested()) {
        Console::print(stdout, QStringLiteral("ccbridge %1\n").arg(QStringLiteral(CCBRIDGE_VERSION)));
        return 0;
    }
    switch (commandLine.command()) {
    case CommandLine::Command::Env:
        return ClaudeCodeCommands::printEnvironment(commandLine);
    case CommandLine::Command::Code:
        return ClaudeCodeCommands::runClaudeCode(commandLine);
    case CommandLine::Command::StatusLine:
        return ClaudeCodeCommands::printStatusLine(commandLine);
    case CommandLine::Command::Doctor:
        return ClaudeCodeCommands::runDoctor(commandLine);
    case CommandLine::Command::Run:
        return std::nullopt;
    }
    return std::nullopt;
}

int Windowless::runHeadless(const CommandLine &commandLine)
{
    if (commandLine.usesSavedConfiguration())
        return runSavedConfiguration(commandLine);
    if (commandLine.checkConfigRequested()) {
        if (commandLine.problems().isEmpty()) {
            Console::print(stdout, QCoreApplication::translate("main", "The configuration is valid.\n"));
            return 0;
        }
        Console::print(stderr, commandLine.problems().join(QLatin1Char('\n')) + QLatin1Char('\n'));
        return 1;
    }
    if (!commandLine.problems().isEmpty()) {
        Console::print(stderr, commandLine.problems().join(QLatin1Char('\n')) + QLatin1Char('\n'));
        return 1;
    }
    auto *engine = new ProxyEngine(commandLine.config(), nullptr, QCoreApplication::instance());
    new RequestLogPrinter(engine->requestLog(), stderr, engine);
    if (!engine->start()) {
        Console::print(stderr, QCoreApplication::translate("main", "Cannot listen on %1:%2: %3\n")
            .arg(commandLine.config().listenAddress.toString())
            .arg(commandLine.config().port)
            .arg(engine->errorString()));
        return 1;
    }
    if (!commandLine.headless())
        Console::print(stderr, QCoreApplication::translate("main", "No display found: running without a window.\n"));
    Console::print(stderr, QCoreApplication::translate("main", "CC Bridge %1 listening on %2\n")
        .arg(QStringLiteral(CCBRIDGE_VERSION), engine->baseUrl().toString()));
    if (engine->config().clientToken.isEmpty())
        noteMissingToken(QCoreApplication::translate("main", "To require one, put a random value in an environment "
                                                             "variable, add --client-token-env <variable> "
                                                             "(\"clientTokenEnv\" in a config file), and give Claude "
                                                             "Code the same value as ANTHROPIC_AUTH_TOKEN."));
    UsageStats usage(SavedSetup::usageFileName()); // saved when it goes
    usage.follow(engine->requestLog());
    Windowless::shutDownOnSignals(engine, [engine] { return engine; });
    return QCoreApplication::exec();
}

GracefulShutdown *Windowless::shutDownOnSignals(QObject *owner, std::function<ProxyEngine *()> runningEngine)
{
    auto *shutdown = new GracefulShutdown(std::move(runningEngine), owner);
    auto *caught = new ShutdownSignals(shutdown);
    QObject::connect(caught, &ShutdownSignals::received, shutdown, &GracefulShutdown::onSignal);
    QObject::connect(shutdown, &GracefulShutdown::draining, shutdown, [](int graceMs) {
        Console::print(stderr, QCoreApplication::translate("main", "CC Bridge is shutting down: requests in flight get up to %1 s "
                                                                   "to finish. Press Ctrl+C again to stop at once.\n")
            .arg(graceMs / 1000.0));
    });
    QObject::connect(shutdown, &GracefulShutdown::finished, QCoreApplication::instance(), &QCoreApplication::exit);
    return shutdown;
}

