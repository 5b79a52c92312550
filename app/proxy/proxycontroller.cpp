#include "proxycontroller.h"

#include "config/secretstore.h"
#include "config/settings.h"
#include "monitor/requestlog.h"
#include "proxy/proxyengine.h"

ProxyController::ProxyController(Settings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_log(new RequestLog(settings->logRetention(), this))
{
}

ProxyController::~ProxyController() = default;

void ProxyController::start()
{
    if (m_state == State::Running || m_state == State::Starting)
        return;
    const ConfigFile::Result built = m_settings->toProxyConfig();
    if (!built.errors.isEmpty()) {
        setState(State::Error, built.errors.join(QLatin1Char('\n')));
        return;
    }
    m_pending = built.config;
    m_keyProblems.clear();
    setState(State::Starting);

    const quint64 generation = ++m_generation;
    const QStringList keychainProviders = m_settings->keychainProviders();
    m_pendingReads = int(keychainProviders.size()) + 1;
    auto readDone = [this, generation] {
        if (generation == m_generation && --m_pendingReads == 0)
            keysRead();
    };
    for (const QString &name : keychainProviders) {
        m_secrets->read(name, this, [this, name, readDone](const SecretStore::Result &result) {
            bool fromEnvironment = false;
            for (ProviderConfig &provider : m_pending.providers) {
                if (provider.name != name)
                    continue;
                if (result.ok)
                    provider.apiKey = result.secret;
                // Headless on a server without a keyring: the provider's variable stands in.
                fromEnvironment = !provider.apiKey.isEmpty();
            }
            if (!result.ok && !fromEnvironment)
                m_keyProblems << tr("The API key of %1 could not be read from the keychain: %2").arg(name, result.message);
            readDone();
        });
    }
    m_secrets->read(clientTokenName, this, [this, readDone](const SecretStore::Result &result) {
        // No token yet is normal on loopback; ProxyConfig::problems() says when one is needed.
        m_clientToken = result.ok ? result.secret : QString();
        readDone();
    });
}

void ProxyController::keysRead()
{
    m_pending.clientToken = m_clientToken;
    QStringList problems = m_keyProblems + m_pending.problems();
    problems.removeDuplicates();
    if (!problems.isEmpty()) {
        setState(State::Error, problems.join(QLatin1Char('\n')));
        return;
    }
    m_engine = std::make_unique<ProxyEngine>(m_pending, m_log);
    if (!m_engine->start()) {
        const QString error = tr("Cannot listen on %1:%2: %3")
                                  .arg(m_pending.listenAddress.toString())
                                  .arg(m_pending.port)
                                  .arg(m_engine->errorString());
        m_engine.reset();
        setState(State::Error, error);
        return;
    }
    setState(State::Running);
}

void ProxyController::stop()
{
    ++m_generation;
    // Closing the engine frees the port at once; requests in flight end with their connections.
    m_engine.reset();
    setState(State::Stopped);
}

QUrl ProxyController::baseUrl() const
{
    if (m_engine)
        return m_engine->baseUrl();
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_settings->listenAddress() == QLatin1StringView("0.0.0.0") ? QStringLiteral("127.0.0.1")
                                                                            : m_settings->listenAddress());
    url.setPort(m_settings->port());
    return url;
}

ClaudeCodeEnvironment ProxyController::claudeCodeEnvironment() const
{
    ClaudeCodeEnvironment environment;
    environment.baseUrl = baseUrl().toString();
    // Claude Code wants some token to skip its login; without a client token any value works.
    environment.authToken = m_clientToken.isEmpty() ? QStringLiteral("ccbridge") : m_clientToken;
    return environment;
}

const ProxyConfig *ProxyController::config() const
{
    return m_engine ? &m_engine->config() : nullptr;
}

void ProxyController::setState(State state, const QString &errorText)
{
    m_errorText = errorText;
    if (m_state == state && state != State::Error)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
