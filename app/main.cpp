// The composition root: the one file in app/ that may include ui/.
#include "config/commandline.h"
#include "config/providerpresets.h"
#include "config/keychainsecretstore.h"
#include "config/settings.h"
#include "firstrunguide.h"
#include "http/filedescriptorlimit.h"
#include "mainwindow.h"
#include "monitor/requestlogprinter.h"
#include "monitor/statusline.h"
#include "monitor/usagestats.h"
#include "proxy/claudecodeenvironmentbuilder.h"
#include "proxy/gracefulshutdown.h"
#include "proxy/proxycontroller.h"
#include "proxy/proxyengine.h"
#include "proxy/proxyenvironment.h"
#include "proxy/setupdoctor.h"
#include "proxy/upstreamclient.h"
#include "proxy/shutdownsignals.h"
#include "proxy/upstreamconnectionpool.h"
#include "singleinstance.h"
#include "traycontroller.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QNetworkProxyFactory>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <memory>

#ifdef Q_OS_WIN
#include <io.h> // isatty
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace {
void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// The headless proxy makes no token of its own: one made afresh at every start would lock out
// every client and service unit set up before. Browsers are refused either way (RequestGuard);
// what remains open, other programs on this computer, is said at every start with the remedy.
void noteMissingToken(const QString &remedy)
{
    print(stderr, QCoreApplication::translate("main", "No client token is set, so any program on this computer can use "
                                                      "the proxy and your providers' keys (web pages cannot). %1\n")
                      .arg(remedy));
}

// Where the usage totals are kept, for the window and headless alike.
QString usageFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.json");
}

// The headless code below owns its objects by QCoreApplication::instance(), never qApp: with
// <QApplication> included, qApp casts the instance to a QApplication, which the headless
// QCoreApplication is not (undefined behaviour, found by UBSan in the sanitized e2e tests).

// SIGTERM and SIGINT end the event loop through a shutdown that lets requests in flight
// finish (GracefulShutdown), saying on stderr what goes on. The window's Quit uses it too.
// `owner`, which gives the running engine, takes the shutdown (and the handlers) with it.
GracefulShutdown *shutDownOnSignals(QObject *owner, std::function<ProxyEngine *()> runningEngine)
{
    auto *shutdown = new GracefulShutdown(std::move(runningEngine), owner);
    auto *caught = new ShutdownSignals(shutdown);
    QObject::connect(caught, &ShutdownSignals::received, shutdown, &GracefulShutdown::onSignal);
    QObject::connect(shutdown, &GracefulShutdown::draining, shutdown, [](int graceMs) {
        print(stderr, QCoreApplication::translate("main", "CC Bridge is shutting down: requests in flight get up to %1 s "
                                                          "to finish. Press Ctrl+C again to stop at once.\n")
                          .arg(graceMs / 1000.0));
    });
    QObject::connect(shutdown, &GracefulShutdown::finished, QCoreApplication::instance(), &QCoreApplication::exit);
    return shutdown;
}

bool savedConfigurationExists(const Settings &settings)
{
    if (QFile::exists(settings.fileName()))
        return true;
    print(stderr, QCoreApplication::translate("main", "No configuration yet: set CC Bridge up in its window, or "
                                                      "give --config <file>, --preset <id>, or --upstream <url> "
                                                      "--model <name> [--api-key-env <variable>].\n"));
    return false;
}

// The configuration the window saved, its keys from the keychain (else the environment).
int runSavedConfiguration(const CommandLine &commandLine)
{
    auto *settings = new Settings(Settings::defaultFileName(), QCoreApplication::instance());
    if (!savedConfigurationExists(*settings))
        return 1;
    if (commandLine.checkConfigRequested()) {
        const ConfigFile::Result result = settings->toProxyConfig();
        if (result.errors.isEmpty()) {
            print(stdout, QCoreApplication::translate("main", "The configuration %1 is valid.\n").arg(settings->fileName()));
            return 0;
        }
        print(stderr, result.errors.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        return 1;
    }
    auto *secrets = new KeychainSecretStore(QStringLiteral("ccbridge"), QCoreApplication::instance());
    auto *proxy = new ProxyController(settings, secrets, QCoreApplication::instance());
    new RequestLogPrinter(proxy->requestLog(), stderr, proxy);
    UsageStats usage(usageFileName(), {}, settings->usageRetentionDays()); // saved when it goes
    usage.follow(proxy->requestLog());
    shutDownOnSignals(proxy, [proxy] { return proxy->engine(); });
    QObject::connect(proxy, &ProxyController::stateChanged, QCoreApplication::instance(), [proxy](ProxyController::State state) {
        if (state == ProxyController::State::Running) {
            print(stderr, QCoreApplication::translate("main", "CC Bridge %1 listening on %2 (configuration: %3)\n")
                              .arg(QStringLiteral(CCBRIDGE_VERSION), proxy->baseUrl().toString(),
                                   Settings::defaultFileName()));
            if (proxy->clientToken().isEmpty())
                noteMissingToken(QCoreApplication::translate("main", "Open CC Bridge's window once: it makes one and "
                                                                     "shows Claude Code's environment with it."));
        } else if (state == ProxyController::State::Error) {
            print(stderr, proxy->errorText() + QLatin1Char('\n'));
            // Queued: a configuration problem is found before the event loop runs.
            QMetaObject::invokeMethod(QCoreApplication::instance(), [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
        }
    });
    proxy->start();
    return QCoreApplication::exec();
}

// A secret the window keeps in the keychain (a key, the client token); empty when there is none
// (or no keychain).
QString savedSecret(const QString &name)
{
    KeychainSecretStore secrets;
    QString secret;
    QEventLoop loop;
    secrets.read(name, &loop, [&secret, &loop](const SecretStore::Result &result) {
        secret = result.ok ? result.secret : QString();
        loop.quit();
    });
    loop.exec();
    return secret;
}

QString savedClientToken()
{
    return savedSecret(ProxyController::clientTokenName);
}

// The configuration `env` and `statusline` speak of: the command line's, or the one the window
// saved with its client token from the keychain; nullopt (said on stderr) when none is saved.
// What would keep the proxy from starting (a missing key) goes to `problems`.
std::optional<ProxyConfig> configurationFor(const CommandLine &commandLine, QStringList &problems)
{
    if (!commandLine.usesSavedConfiguration()) {
        problems = commandLine.problems();
        return commandLine.config();
    }
    const Settings settings(Settings::defaultFileName());
    if (!savedConfigurationExists(settings))
        return std::nullopt;
    ConfigFile::Result saved = settings.toProxyConfig();
    problems = saved.errors;
    saved.config.clientToken = savedClientToken();
    return saved.config;
}

// `ccbridge env`: what the window's Copy button copies. Problems that would keep the proxy
// from starting do not change the environment: they are said on stderr.
int printClaudeCodeEnvironment(const CommandLine &commandLine)
{
    QStringList problems;
    const std::optional<ProxyConfig> config = configurationFor(commandLine, problems);
    if (!config)
        return 1;
    if (!problems.isEmpty())
        print(stderr, problems.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    const ClaudeCodeEnvironment environment = ClaudeCodeEnvironmentBuilder::build(
        ClaudeCodeEnvironmentBuilder::baseUrlOf(config->listenAddress, config->port), *config, config->clientToken);
    const std::optional<EnvExport::Shell> shell = commandLine.envShell();
    print(stdout, shell ? EnvExport::snippet(*shell, environment) : EnvExport::settingsJson(environment));
    return 0;
}

// Prices are kept per preset; the usage log knows providers by their configured names.
std::optional<ModelPrice> priceOf(const Settings &settings, const QString &provider, const QString &model)
{
    for (const QJsonValue &entry : settings.providers()) {
        const QJsonObject object = entry.toObject();
        const QString presetId = object.value(QLatin1StringView("preset")).toString();
        const QString name = object.value(QLatin1StringView("name")).toString(presetId);
        if (name != provider)
            continue;
        if (const ProviderPreset *preset = ProviderPresets::find(presetId)) {
            if (preset->prices.contains(model))
                return preset->prices.value(model);
        }
    }
    return std::nullopt;
}

// Prices are kept per preset: a provider of the command line's configuration is named after its preset.
std::optional<ModelPrice> presetPriceOf(const QString &provider, const QString &model)
{
    const ProviderPreset *preset = ProviderPresets::find(provider);
    if (preset && preset->prices.contains(model))
        return preset->prices.value(model);
    return std::nullopt;
}

// Today's tokens and their cost at list prices, as the running CC Bridge last saved them.
StatusLine::Today usageToday(const UsageStats::PriceLookup &prices)
{
    const std::unique_ptr<UsageStats> usage = UsageStats::readOnly(usageFileName(), prices);
    const QDate today = QDate::currentDate();
    StatusLine::Today result;
    for (const UsageStats::Row &row : usage->rows(today, today)) {
        result.tokens += row.totals.inputTokens + row.totals.outputTokens + row.totals.cacheReadTokens;
        if (const std::optional<double> cost = usage->estimatedCostUsd(row.provider, row.model, row.totals))
            result.costUsd = result.costUsd.value_or(0) + *cost;
    }
    return result;
}

// `ccbridge statusline`, run by Claude Code for its status line: asks the CC Bridge at the
// configured address what served the last request, and adds today's usage. Always one line
// and exit 0: Claude Code shows what it prints.
int printStatusLine(const CommandLine &commandLine)
{
    // Claude Code writes the session's JSON to stdin; read it so that it never waits on the
    // pipe (the proxy, not the session, knows what served it). A terminal is not waited on.
    if (!isatty(fileno(stdin))) {
        QFile input;
        if (input.open(stdin, QIODevice::ReadOnly))
            input.readAll();
    }
    QStringList problems;
    const std::optional<ProxyConfig> config = configurationFor(commandLine, problems);
    if (!config)
        return 1;
    const QUrl baseUrl = ClaudeCodeEnvironmentBuilder::baseUrlOf(config->listenAddress, config->port);
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/ccbridge/status"))));
    request.setTransferTimeout(1500);
    if (!config->clientToken.isEmpty())
        request.setRawHeader("authorization", "Bearer " + config->clientToken.toUtf8());
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        print(stdout, StatusLine::notRunning(baseUrl) + QLatin1Char('\n'));
        return 0;
    }
    if (status == 401) {
        print(stdout, StatusLine::tokenRefused(baseUrl) + QLatin1Char('\n'));
        return 0;
    }
    const QJsonObject last = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1StringView("lastRequest")).toObject();
    std::optional<StatusLine::LastRequest> lastRequest;
    if (!last.isEmpty()) {
        lastRequest = StatusLine::LastRequest{last.value(QLatin1StringView("provider")).toString(),
                                              last.value(QLatin1StringView("upstreamModel")).toString(),
                                              last.value(QLatin1StringView("status")).toInt(),
                                              qint64(last.value(QLatin1StringView("durationMs")).toDouble())};
    }
    UsageStats::PriceLookup prices = presetPriceOf;
    if (commandLine.usesSavedConfiguration()) {
        auto settings = std::make_shared<Settings>(Settings::defaultFileName());
        prices = [settings](const QString &provider, const QString &model) { return priceOf(*settings, provider, model); };
    }
    print(stdout, StatusLine::running(lastRequest, usageToday(prices)) + QLatin1Char('\n'));
    return 0;
}

// `ccbridge doctor`: every check of SetupDoctor, a line each with the fix under a problem; exit
// status 1 when there is one.
int runDoctor(const CommandLine &commandLine)
{
    QStringList problems;
    std::optional<ProxyConfig> config = configurationFor(commandLine, problems);
    if (!config)
        return 1;
    if (commandLine.usesSavedConfiguration()) {
        const Settings settings(Settings::defaultFileName());
        for (const QString &name : settings.keychainProviders()) {
            const QString key = savedSecret(name);
            for (ProviderConfig &provider : config->providers) {
                if (provider.name == name && !key.isEmpty())
                    provider.apiKey = key;
            }
        }
    }
    const ClaudeCodeEnvironment environment = ClaudeCodeEnvironmentBuilder::build(
        ClaudeCodeEnvironmentBuilder::baseUrlOf(config->listenAddress, config->port), *config, config->clientToken);
    UpstreamConnectionPool pool;
    // A check, not a conversation: a provider that has not answered its model list in 15 s is a finding.
    const UpstreamClient client(&pool, std::min(config->connectTimeoutMs, 10000), 15000);
    SetupDoctor doctor({*config, environment, QDir::homePath(), QProcessEnvironment::systemEnvironment(),
                        QStandardPaths::findExecutable(QStringLiteral("claude"))},
                       client);
    int found = 0;
    QObject::connect(&doctor, &SetupDoctor::finished, QCoreApplication::instance(), [&found](const QList<SetupDoctor::Finding> &findings) {
        for (const SetupDoctor::Finding &finding : findings) {
            if (finding.ok) {
                print(stdout, QCoreApplication::translate("main", "[ok] %1\n").arg(finding.text));
            } else {
                ++found;
                print(stdout, QCoreApplication::translate("main", "[problem] %1\n          fix: %2\n").arg(finding.text, finding.fix));
            }
        }
        print(stdout, found == 0 ? QCoreApplication::translate("main", "Everything is set up.\n")
                                 : QCoreApplication::translate("main", "Problems found: %1.\n").arg(found));
        QCoreApplication::exit(found == 0 ? 0 : 1);
    });
    doctor.run();
    return QCoreApplication::exec();
}

// Whether a CC Bridge answers at `baseUrl` (its /health), asked directly, never through a proxy.
bool answersHealth(const QUrl &baseUrl)
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/health"))));
    request.setTransferTimeout(2000);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
}

// Starts claude with `environment` over this process's own, on this terminal; the event loop
// ends with claude, with its exit code.
void launchClaude(const QString &claude, const QStringList &arguments, const ClaudeCodeEnvironment &environment)
{
    auto *process = new QProcess(QCoreApplication::instance());
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : EnvExport::variables(environment))
        variables.insert(name, value);
    process->setProcessEnvironment(variables);
    process->setProgram(claude);
    process->setArguments(arguments);
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    process->setInputChannelMode(QProcess::ForwardedInputChannel);
    QObject::connect(process, &QProcess::finished, QCoreApplication::instance(), [](int exitCode, QProcess::ExitStatus status) {
        QCoreApplication::exit(status == QProcess::NormalExit ? exitCode : 1);
    });
    QObject::connect(process, &QProcess::errorOccurred, QCoreApplication::instance(), [process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        print(stderr, QCoreApplication::translate("main", "Claude Code could not be started: %1\n").arg(process->errorString()));
        QCoreApplication::exit(1);
    });
    process->start();
}

// `ccbridge code`: Claude Code with this CC Bridge's environment, served by the instance
// already running at the configured address, or by a proxy this process runs for the session.
int runClaudeCode(const CommandLine &commandLine)
{
    const QString claude = QStandardPaths::findExecutable(QStringLiteral("claude"));
    if (claude.isEmpty()) {
        print(stderr, QCoreApplication::translate("main", "Claude Code (claude) was not found on PATH. Install it with: "
                                                          "npm install -g @anthropic-ai/claude-code\n"));
        return 127;
    }
    // Ctrl+C belongs to Claude Code (it clears the prompt, or ends the session), and the terminal
    // sends it to both: the proxy must outlive it. A handler, not SIG_IGN, which claude would inherit.
    std::signal(SIGINT, [](int) {});
    UsageStats usage(usageFileName()); // saved when it goes
    const QStringList &arguments = commandLine.claudeArguments();

    if (commandLine.usesSavedConfiguration()) {
        auto *settings = new Settings(Settings::defaultFileName(), QCoreApplication::instance());
        if (!savedConfigurationExists(*settings))
            return 1;
        const ProxyConfig config = settings->toProxyConfig().config;
        const QUrl running = ClaudeCodeEnvironmentBuilder::baseUrlOf(config.listenAddress, config.port);
        if (answersHealth(running)) {
            launchClaude(claude, arguments, ClaudeCodeEnvironmentBuilder::build(running, config, savedClientToken()));
            return QCoreApplication::exec();
        }
        auto *secrets = new KeychainSecretStore(QStringLiteral("ccbridge"), QCoreApplication::instance());
        auto *proxy = new ProxyController(settings, secrets, QCoreApplication::instance());
        usage.follow(proxy->requestLog());
        QObject::connect(proxy, &ProxyController::stateChanged, QCoreApplication::instance(),
                         [proxy, claude, arguments](ProxyController::State state) {
                             if (state == ProxyController::State::Running) {
                                 launchClaude(claude, arguments, proxy->claudeCodeEnvironment());
                             } else if (state == ProxyController::State::Error) {
                                 print(stderr, proxy->errorText() + QLatin1Char('\n'));
                                 QMetaObject::invokeMethod(QCoreApplication::instance(), [] { QCoreApplication::exit(1); },
                                                           Qt::QueuedConnection);
                             }
                         });
        proxy->start();
        return QCoreApplication::exec();
    }

    if (!commandLine.problems().isEmpty()) {
        print(stderr, commandLine.problems().join(QLatin1Char('\n')) + QLatin1Char('\n'));
        return 1;
    }
    ProxyConfig config = commandLine.config();
    auto *engine = new ProxyEngine(config, nullptr, QCoreApplication::instance());
    if (!engine->start()) {
        // The address is taken, most likely by the CC Bridge that serves other sessions with
        // another configuration: this session's proxy takes any free port.
        delete engine;
        config.port = 0;
        engine = new ProxyEngine(config, nullptr, QCoreApplication::instance());
        if (!engine->start()) {
            print(stderr, QCoreApplication::translate("main", "Cannot listen on %1: %2\n")
                              .arg(config.listenAddress.toString(), engine->errorString()));
            return 1;
        }
    }
    usage.follow(engine->requestLog());
    launchClaude(claude, arguments, ClaudeCodeEnvironmentBuilder::build(engine->baseUrl(), engine->config(), config.clientToken));
    return QCoreApplication::exec();
}

int runHeadless(const CommandLine &commandLine)
{
    if (commandLine.usesSavedConfiguration())
        return runSavedConfiguration(commandLine);
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
    auto *engine = new ProxyEngine(commandLine.config(), nullptr, QCoreApplication::instance());
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
    if (engine->config().clientToken.isEmpty())
        noteMissingToken(QCoreApplication::translate("main", "To require one, put a random value in an environment "
                                                             "variable, add --client-token-env <variable> "
                                                             "(\"clientTokenEnv\" in a config file), and give Claude "
                                                             "Code the same value as ANTHROPIC_AUTH_TOKEN."));
    UsageStats usage(usageFileName()); // saved when it goes
    usage.follow(engine->requestLog());
    shutDownOnSignals(engine, [engine] { return engine; });
    return QCoreApplication::exec();
}

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
        usageFileName(),
        [&settings](const QString &provider, const QString &model) { return priceOf(settings, provider, model); },
        settings.usageRetentionDays());
    ProxyController proxy(&settings, &secrets);
    usage.follow(proxy.requestLog());
    new RequestLogPrinter(proxy.requestLog(), stderr, &proxy);
    UpstreamConnectionPool upstreams; // the window's provider checks

    MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
    TrayController tray(&proxy, &settings, &usage, &window);
    GracefulShutdown *shutdown = shutDownOnSignals(&proxy, [&proxy] { return proxy.engine(); });
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
    std::unique_ptr<QCoreApplication> application(noWindow ? new QCoreApplication(argc, argv)
                                                            : new QApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("CC Bridge"));
    QCoreApplication::setOrganizationName(QStringLiteral("CC Bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CCBRIDGE_VERSION));
    // Wayland compositors and docks match the window to the installed menu entry, and so to
    // its name and icon, by this id (packaging/linux/<id>.desktop).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.ccbridge.CCBridge"));
    FileDescriptorLimit::raiseToHardLimit();
    ProxyEnvironment::adoptUpperCaseNames();
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
    if (commandLine.command() == CommandLine::Command::Env)
        return printClaudeCodeEnvironment(commandLine);
    if (commandLine.command() == CommandLine::Command::Code)
        return runClaudeCode(commandLine);
    if (commandLine.command() == CommandLine::Command::StatusLine)
        return printStatusLine(commandLine);
    if (commandLine.command() == CommandLine::Command::Doctor)
        return runDoctor(commandLine);
    return noWindow ? runHeadless(commandLine) : runWithWindow(commandLine);
}
