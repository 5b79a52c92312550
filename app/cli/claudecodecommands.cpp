#include "claudecodecommands.h"

#include "cli/console.h"
#include "cli/savedsetup.h"
#include "config/keychainsecretstore.h"
#include "monitor/statusline.h"
#include "monitor/usagestats.h"
#include "proxy/claudecodeenvironmentbuilder.h"
#include "proxy/proxycontroller.h"
#include "proxy/proxyengine.h"
#include "proxy/setupdoctor.h"
#include "proxy/upstreamclient.h"
#include "proxy/upstreamconnectionpool.h"

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
#include <QStandardPaths>

#include <algorithm>
#include <csignal>
#include <memory>

#ifdef Q_OS_WIN
#include <io.h> // isatty
#else
#include <unistd.h>
#endif

namespace {
// Today's tokens and their cost at list prices, as the running CC Bridge last saved them.
StatusLine::Today usageToday(const UsageStats::PriceLookup &prices)
{
    const std::unique_ptr<UsageStats> usage = UsageStats::readOnly(SavedSetup::usageFileName(), prices);
    const QDate today = QDate::currentDate();
    StatusLine::Today result;
    for (const UsageStats::Row &row : usage->rows(today, today)) {
        result.tokens += row.totals.inputTokens + row.totals.outputTokens + row.totals.cacheReadTokens;
        if (const std::optional<double> cost = usage->estimatedCostUsd(row.provider, row.model, row.totals))
            result.costUsd = result.costUsd.value_or(0) + *cost;
    }
    return result;
}

struct DirectAnswer
{
    int status = 0; // 0: nothing answered in time
    QByteArray body;
};

// A GET to a CC Bridge on this machine, asked directly (never through the system's proxy), with
// the client token when there is one.
DirectAnswer getDirectly(const QUrl &url, const QString &clientToken, int timeoutMs)
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!clientToken.isEmpty())
        request.setRawHeader("authorization", "Bearer " + clientToken.toUtf8());
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

// Whether a CC Bridge answers at `baseUrl` (its /health).
bool answersHealth(const QUrl &baseUrl)
{
    return getDirectly(baseUrl.resolved(QUrl(QStringLiteral("/health"))), {}, 2000).status == 200;
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
        Console::print(stderr, QCoreApplication::translate("main", "Claude Code could not be started: %1\n").arg(process->errorString()));
        QCoreApplication::exit(1);
    });
    process->start();
}
} // namespace

int ClaudeCodeCommands::printEnvironment(const CommandLine &commandLine)
{
    QStringList problems;
    const std::optional<ProxyConfig> config = SavedSetup::configurationFor(commandLine, problems);
    if (!config)
        return 1;
    if (!problems.isEmpty())
        Console::print(stderr, problems.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    const ClaudeCodeEnvironment environment = ClaudeCodeEnvironmentBuilder::build(*config);
    const std::optional<EnvExport::Shell> shell = commandLine.envShell();
    Console::print(stdout, shell ? EnvExport::snippet(*shell, environment) : EnvExport::settingsJson(environment));
    return 0;
}

int ClaudeCodeCommands::runClaudeCode(const CommandLine &commandLine)
{
    const QString claude = QStandardPaths::findExecutable(QStringLiteral("claude"));
    if (claude.isEmpty()) {
        Console::print(stderr, QCoreApplication::translate("main", "Claude Code (claude) was not found on PATH. Install it with: "
                                                                   "npm install -g @anthropic-ai/claude-code\n"));
        return 127;
    }
    // Ctrl+C belongs to Claude Code (it clears the prompt, or ends the session), and the terminal
    // sends it to both: the proxy must outlive it. A handler, not SIG_IGN, which claude would inherit.
    std::signal(SIGINT, [](int) {});
    UsageStats usage(SavedSetup::usageFileName()); // saved when it goes
    const QStringList &arguments = commandLine.claudeArguments();

    if (commandLine.usesSavedConfiguration()) {
        auto *settings = new Settings(Settings::defaultFileName(), QCoreApplication::instance());
        if (!SavedSetup::exists(*settings))
            return 1;
        const ProxyConfig config = settings->toProxyConfig().config;
        const QUrl running = ClaudeCodeEnvironmentBuilder::baseUrlOf(config);
        if (answersHealth(running)) {
            launchClaude(claude, arguments, ClaudeCodeEnvironmentBuilder::build(running, config, SavedSetup::clientToken()));
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
                                 Console::print(stderr, proxy->errorText() + QLatin1Char('\n'));
                                 QMetaObject::invokeMethod(QCoreApplication::instance(), [] { QCoreApplication::exit(1); },
                                                           Qt::QueuedConnection);
                             }
                         });
        proxy->start();
        return QCoreApplication::exec();
    }

    if (!commandLine.problems().isEmpty()) {
        Console::print(stderr, commandLine.problems().join(QLatin1Char('\n')) + QLatin1Char('\n'));
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
            Console::print(stderr, QCoreApplication::translate("main", "Cannot listen on %1: %2\n")
                .arg(config.listenAddress.toString(), engine->errorString()));
            return 1;
        }
    }
    usage.follow(engine->requestLog());
    launchClaude(claude, arguments, ClaudeCodeEnvironmentBuilder::build(engine->baseUrl(), engine->config(), config.clientToken));
    return QCoreApplication::exec();
}

int ClaudeCodeCommands::printStatusLine(const CommandLine &commandLine)
{
    // Claude Code writes the session's JSON to stdin; read it so that it never waits on the
    // pipe (the proxy, not the session, knows what served it). A terminal is not waited on.
    if (!isatty(fileno(stdin))) {
        QFile input;
        if (input.open(stdin, QIODevice::ReadOnly))
            input.readAll();
    }
    QStringList problems;
    const std::optional<ProxyConfig> config = SavedSetup::configurationFor(commandLine, problems);
    if (!config)
        return 1;
    const QUrl baseUrl = ClaudeCodeEnvironmentBuilder::baseUrlOf(*config);
    const DirectAnswer answer = getDirectly(baseUrl.resolved(QUrl(QStringLiteral("/ccbridge/status"))), config->clientToken, 1500);
    if (answer.status == 0) {
        Console::print(stdout, StatusLine::notRunning(baseUrl) + QLatin1Char('\n'));
        return 0;
    }
    if (answer.status == 401) {
        Console::print(stdout, StatusLine::tokenRefused(baseUrl) + QLatin1Char('\n'));
        return 0;
    }
    const QJsonObject last = QJsonDocument::fromJson(answer.body).object().value(QLatin1StringView("lastRequest")).toObject();
    std::optional<StatusLine::LastRequest> lastRequest;
    if (!last.isEmpty()) {
        lastRequest = StatusLine::LastRequest{last.value(QLatin1StringView("provider")).toString(),
                                              last.value(QLatin1StringView("upstreamModel")).toString(),
                                              last.value(QLatin1StringView("status")).toInt(),
                                              qint64(last.value(QLatin1StringView("durationMs")).toDouble())};
    }
    // A provider of the command line's configuration is named after its preset.
    UsageStats::PriceLookup prices = ProviderPresets::priceOf;
    if (commandLine.usesSavedConfiguration()) {
        auto settings = std::make_shared<Settings>(Settings::defaultFileName());
        prices = [settings](const QString &provider, const QString &model) { return SavedSetup::priceOf(*settings, provider, model); };
    }
    Console::print(stdout, StatusLine::running(lastRequest, usageToday(prices)) + QLatin1Char('\n'));
    return 0;
}

int ClaudeCodeCommands::runDoctor(const CommandLine &commandLine)
{
    QStringList problems;
    std::optional<ProxyConfig> config = SavedSetup::configurationFor(commandLine, problems);
    if (!config)
        return 1;
    if (commandLine.usesSavedConfiguration()) {
        const Settings settings(Settings::defaultFileName());
        for (const QString &name : settings.keychainProviders()) {
            const QString key = SavedSetup::secret(name);
            for (ProviderConfig &provider : config->providers) {
                if (provider.name == name && !key.isEmpty())
                    provider.apiKey = key;
            }
        }
    }
    const ClaudeCodeEnvironment environment = ClaudeCodeEnvironmentBuilder::build(*config);
    UpstreamConnectionPool pool;
    const UpstreamClient client(&pool, std::min(config->connectTimeoutMs, SetupDoctor::providerConnectTimeoutMs),
                                SetupDoctor::providerReadTimeoutMs);
    SetupDoctor doctor(SetupDoctor::onThisMachine(*config, environment, QDir::homePath()), client);
    int found = 0;
    QObject::connect(&doctor, &SetupDoctor::finished, QCoreApplication::instance(), [&found](const QList<SetupDoctor::Finding> &findings) {
        for (const SetupDoctor::Finding &finding : findings) {
            if (finding.ok) {
                Console::print(stdout, QCoreApplication::translate("main", "[ok] %1\n").arg(finding.text));
            } else {
                ++found;
                Console::print(stdout, QCoreApplication::translate("main", "[problem] %1\n          fix: %2\n").arg(finding.text, finding.fix));
            }
        }
        Console::print(stdout, found == 0 ? QCoreApplication::translate("main", "Everything is set up.\n")
                                 : QCoreApplication::translate("main", "Problems found: %1.\n").arg(found));
        QCoreApplication::exit(found == 0 ? 0 : 1);
    });
    doctor.run();
    return QCoreApplication::exec();
}
