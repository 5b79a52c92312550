#include "setupdoctor.h"

#include "config/envconflicts.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace {
constexpr int versionTimeoutMs = 15000;
constexpr int healthTimeoutMs = 3000;
const QString compactWindowVariable = QStringLiteral("CLAUDE_CODE_AUTO_COMPACT_WINDOW");

// The "env" entry of Claude Code's user settings, where a variable set for every session lives.
QJsonObject settingsEnvOf(const QString &homeDir)
{
    QFile file(QDir(homeDir).filePath(QStringLiteral(".claude/settings.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1StringView("env")).toObject();
}
}

SetupDoctor::SetupDoctor(Setup setup, const UpstreamClient &client, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_client(client)
{
}

void SetupDoctor::run()
{
    m_pendingSteps = 2 + int(m_setup.config.providers.size());
    checkEnvironment();
    checkClaudeCode();
    checkProxy();
    checkProviders();
}

SetupDoctor::Setup SetupDoctor::onThisMachine(ProxyConfig config, ClaudeCodeEnvironment environment, QString homeDir)
{
    return {std::move(config), std::move(environment), std::move(homeDir), QProcessEnvironment::systemEnvironment(),
            QStandardPaths::findExecutable(QStringLiteral("claude"))};
}

SetupDoctor::Finding SetupDoctor::problem(const QString &text, const QString &fix)
{
    return {false, text, fix};
}

void SetupDoctor::checkClaudeCode()
{
    const QString install = tr("Install it: npm install -g @anthropic-ai/claude-code");
    if (m_setup.claudeExecutable.isEmpty()) {
        m_claudeCode << problem(tr("Claude Code (claude) was not found on PATH."), install);
        stepDone();
        return;
    }
    auto *version = new QProcess(this);
    auto *timeout = new QTimer(version);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, version, &QProcess::kill);
    connect(version, &QProcess::finished, this, [this, version, install](int exitCode, QProcess::ExitStatus status) {
        const QString said = QString::fromUtf8(version->readAllStandardOutput()).trimmed();
        if (status == QProcess::NormalExit && exitCode == 0 && !said.isEmpty())
            m_claudeCode << Finding{true, tr("Claude Code %1 at %2.").arg(said, m_setup.claudeExecutable), {}};
        else
            m_claudeCode << problem(tr("%1 did not say its version.").arg(m_setup.claudeExecutable), install);
        version->deleteLater();
        stepDone();
    });
    connect(version, &QProcess::errorOccurred, this, [this, version, install](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_claudeCode << problem(tr("%1 could not be started: %2").arg(m_setup.claudeExecutable, version->errorString()), install);
        version->deleteLater();
        stepDone();
    });
    version->setProcessEnvironment(m_setup.processEnvironment);
    version->start(m_setup.claudeExecutable, {QStringLiteral("--version")});
    timeout->start(versionTimeoutMs);
}

void SetupDoctor::checkEnvironment()
{
    const QJsonObject wanted = EnvExport::settingsEnv(m_setup.environment);
    const QString fix = tr("Unset it, or start Claude Code with ccbridge code, or set its environment with: "
                           "eval \"$(ccbridge env)\"");
    for (auto variable = wanted.constBegin(); variable != wanted.constEnd(); ++variable) {
        if (!m_setup.processEnvironment.contains(variable.key()))
            continue;
        const QString value = m_setup.processEnvironment.value(variable.key());
        if (value == variable.value().toString())
            continue;
        const bool secret = variable.key() == QLatin1StringView("ANTHROPIC_AUTH_TOKEN")
                            || variable.key() == QLatin1StringView("ANTHROPIC_API_KEY");
        m_environment << problem(tr("%1 is %2 in this environment, where CC Bridge needs %3.")
                                     .arg(variable.key(), secret && !value.isEmpty() ? EnvConflicts::hiddenValue() : QStringLiteral("\"%1\"").arg(value),
                                          secret ? tr("its own value") : QStringLiteral("\"%1\"").arg(variable.value().toString())),
                                 fix);
    }
    for (const EnvConflicts::Conflict &conflict : EnvConflicts::find(m_setup.homeDir, wanted)) {
        const QString place = conflict.line > 0 ? QStringLiteral("%1:%2").arg(conflict.file).arg(conflict.line) : conflict.file;
        const QString value = conflict.value == EnvConflicts::hiddenValue() ? conflict.value
                                                                             : QStringLiteral("\"%1\"").arg(conflict.value);
        m_environment << problem(tr("%1 sets %2 to %3, which points Claude Code elsewhere.")
                                     .arg(place, conflict.variable, value),
                                 tr("Remove that setting, or give it the value ccbridge env prints."));
    }
    if (m_environment.isEmpty())
        m_environment << Finding{true, tr("Nothing in this environment, the shell profiles or Claude Code's settings points "
                                          "Claude Code elsewhere."), {}};
}

void SetupDoctor::checkProxy()
{
    auto *network = new QNetworkAccessManager(this);
    network->setProxy(QNetworkProxy::NoProxy);
    const QUrl baseUrl(m_setup.environment.baseUrl);
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/health"))));
    request.setTransferTimeout(healthTimeoutMs);
    QNetworkReply *reply = network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, network, baseUrl] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            m_proxy << Finding{true, tr("CC Bridge answers at %1.").arg(baseUrl.toString()), {}};
        else
            m_proxy << problem(tr("Nothing answers at %1, where Claude Code is sent.").arg(baseUrl.toString()),
                               tr("Start CC Bridge (the window's Start, or ccbridge --headless), or start Claude Code "
                                  "with ccbridge code, which runs one for the session."));
        network->deleteLater();
        stepDone();
    });
}

void SetupDoctor::checkProviders()
{
    for (int place = 0; place < int(m_setup.config.providers.size()); ++place) {
        new ProviderProbe(m_client, m_setup.config.providers.at(place),
                          [this, place](const ProviderProbe::Result &result) { providerChecked(place, result); }, this);
    }
}

void SetupDoctor::providerChecked(int place, const ProviderProbe::Result &result)
{
    const ProviderConfig &provider = m_setup.config.providers.at(place);
    QList<Finding> &findings = m_providers[place];
    const QString url = provider.baseUrl.toString(QUrl::RemoveUserInfo);
    if (result.ok) {
        findings << Finding{true, tr("%1 answers at %2 and accepts the key.").arg(provider.name, url), {}};
        for (const ModelRoute &route : std::as_const(m_setup.config.routes)) {
            if (route.provider != provider.name || route.model.isEmpty() || result.models.isEmpty())
                continue;
            const QString routeName = route.when.isEmpty() ? route.match : tr("%1 when %2").arg(route.match, route.when);
            if (result.models.contains(route.model, Qt::CaseInsensitive))
                findings << Finding{true, tr("%1 serves %2 (route %3).").arg(provider.name, route.model, routeName), {}};
            else
                findings << problem(tr("%1 does not list %2, which route %3 asks for.").arg(provider.name, route.model, routeName),
                                    tr("Choose one of its models in the Routes tab: %1.")
                                        .arg(result.models.mid(0, 8).join(QLatin1StringView(", "))));
        }
    } else if (result.status == 401 || result.status == 403) {
        findings << problem(tr("%1 rejected the key (HTTP %2).").arg(provider.name).arg(result.status),
                            provider.apiKeyEnv.isEmpty()
                                ? tr("Paste a valid key for %1 in the window's Providers tab.").arg(provider.name)
                                : tr("Put a valid key in %1, or in the window's Providers tab.").arg(provider.apiKeyEnv));
    } else if (result.status == 0) {
        findings << problem(tr("%1 could not be reached at %2: %3").arg(provider.name, url, result.problem),
                            tr("Check its base URL, and the network or HTTPS_PROXY on the way."));
    } else {
        findings << problem(tr("%1 at %2 answered: %3").arg(provider.name, url, result.problem),
                            tr("Check its base URL in the Providers tab."));
    }
    stepDone();
}

void SetupDoctor::checkContextWindow()
{
    const ClaudeCodeEnvironment &environment = m_setup.environment;
    if (environment.mainContextWindow <= 0 || environment.mainContextWindow >= EnvExport::claudeCodeWindow)
        return;
    const QString window = QLocale::c().toString(environment.mainContextWindow);
    if (environment.mainContextWindow < EnvExport::minimumCompactWindow) {
        m_proxy << Finding{true, tr("The main model %1 has a %2-token window, below the smallest Claude Code compacts at; "
                                    "CC Bridge answers its overflows as \"prompt is too long\", which makes Claude Code "
                                    "compact.").arg(environment.mainModel, window), {}};
        return;
    }
    const QString set = m_setup.processEnvironment.contains(compactWindowVariable)
                            ? m_setup.processEnvironment.value(compactWindowVariable)
                            : settingsEnvOf(m_setup.homeDir).value(compactWindowVariable).toString();
    if (!set.isEmpty()) {
        m_proxy << Finding{true, tr("The main model %1 has a %2-token window and Claude Code compacts before it (%3=%4).")
                                     .arg(environment.mainModel, window, compactWindowVariable, set), {}};
        return;
    }
    m_proxy << problem(tr("The main model %1 has a %2-token window, smaller than Claude Code assumes, and %3 is not set: "
                          "long sessions fail before Claude Code compacts.").arg(environment.mainModel, window, compactWindowVariable),
                       tr("Start Claude Code with ccbridge code, or set its environment with eval \"$(ccbridge env)\" or "
                          "the window's Apply to settings.json."));
}

void SetupDoctor::stepDone()
{
    if (--m_pendingSteps > 0)
        return;
    checkContextWindow();
    QList<Finding> findings = m_claudeCode + m_environment + m_proxy;
    for (const QList<Finding> &provider : std::as_const(m_providers))
        findings += provider;
    Q_EMIT finished(findings);
}
