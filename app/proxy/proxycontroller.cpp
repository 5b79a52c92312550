#include "proxycontroller.h"

#include "config/clienttoken.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "monitor/requestlog.h"
#include "proxy/claudecodeenvironmentbuilder.h"
#include "proxy/proxyengine.h"
#include "proxy/router.h"

namespace {
// The app's own preferences; every other setting shapes the proxy.
bool concernsTheProxy(const QString &key)
{
    for (const Settings::Key preference : {Settings::Key::Language, Settings::Key::StartAtLogin, Settings::Key::StartProxyAtLaunch,
                                           Settings::Key::LogRetention, Settings::Key::UsageRetentionDays}) {
        if (key == Settings::keyName(preference))
            return false;
    }
    return true;
}
}

ProxyController::ProxyController(Settings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_log(new RequestLog(settings->logRetention(), this))
{
    connect(m_settings, &Settings::changed, this, &ProxyController::onSettingChanged);
}

ProxyController::~ProxyController()
{
    // Stopped engines still closing their connections go before the log they write to.
    qDeleteAll(findChildren<ProxyEngine *>(Qt::FindDirectChildrenOnly));
}

void ProxyController::start()
{
    if (m_state == State::Running || m_state == State::Starting)
        return;
    load();
}

void ProxyController::reload()
{
    if (m_reloadQueued)
        return;
    m_reloadQueued = true;
    // Editors change several keys in a row (providers, then routes): one reload takes them all.
    QMetaObject::invokeMethod(this, &ProxyController::reloadNow, Qt::QueuedConnection);
}

void ProxyController::onSettingChanged(const QString &key)
{
    if (concernsTheProxy(key))
        reload();
}

void ProxyController::reloadNow()
{
    m_reloadQueued = false;
    // While starting, the start begins again with the new settings; stopped, the next start
    // reads them anyway.
    if (m_state == State::Running || m_state == State::Starting)
        load();
}

void ProxyController::load()
{
    const quint64 generation = ++m_generation;
    // The token being provided goes into this start; provideClientToken() reloads once it has it.
    if (m_providingClientToken) {
        if (!m_engine)
            setState(State::Starting);
        return;
    }
    const ConfigFile::Result built = m_settings->toProxyConfig();
    if (!built.errors.isEmpty()) {
        fail(built.errors.join(QLatin1Char('\n')));
        return;
    }
    m_pending = built.config;
    m_keyProblems.clear();
    if (!m_engine)
        setState(State::Starting);

    const QStringList keychainProviders = m_settings->keychainProviders();
    QStringList keychainProfiles;
    for (const Profile &profile : std::as_const(m_pending.profiles)) {
        if (profile.tokenInKeychain)
            keychainProfiles << profile.name;
    }
    const bool webSearchKeyInKeychain = m_pending.webSearch.keyInKeychain;
    m_pendingReads = int(keychainProviders.size() + keychainProfiles.size()) + 1 + (webSearchKeyInKeychain ? 1 : 0);
    auto readDone = [this] {
        if (--m_pendingReads == 0)
            keysRead();
    };
    if (webSearchKeyInKeychain) {
        m_secrets->read(webSearchKeyName(), this, [this, generation, readDone](const SecretStore::Result &result) {
            if (generation != m_generation)
                return;
            if (result.ok)
                m_pending.webSearch.backend.apiKey = result.secret;
            else if (m_pending.webSearch.backend.apiKey.isEmpty())
                m_keyProblems << tr("The web search key could not be read from the keychain: %1").arg(result.message);
            readDone();
        });
    }
    for (const QString &name : keychainProfiles) {
        m_secrets->read(profileTokenName(name), this, [this, generation, name, readDone](const SecretStore::Result &result) {
            if (generation != m_generation)
                return;
            for (Profile &profile : m_pending.profiles) {
                if (profile.name != name)
                    continue;
                if (result.ok)
                    profile.clientToken = result.secret;
                // Without a keyring, the profile's variable stands in; without either, the
                // profile would be open to anyone who can reach it: refused.
                else if (profile.clientToken.isEmpty())
                    m_keyProblems << tr("The token of profile %1 could not be read from the keychain: %2")
                                         .arg(name, result.message);
            }
            readDone();
        });
    }
    for (const QString &name : keychainProviders) {
        m_secrets->read(name, this, [this, generation, name, readDone](const SecretStore::Result &result) {
            if (generation != m_generation)
                return;
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
    m_secrets->read(clientTokenName, this, [this, generation, readDone](const SecretStore::Result &result) {
        if (generation != m_generation)
            return;
        // No token yet is normal on loopback; ProxyConfig::problems() says when one is needed.
        m_pending.clientToken = result.ok ? result.secret : QString();
        readDone();
    });
}

void ProxyController::keysRead()
{
    QStringList problems = m_keyProblems + m_pending.problems();
    problems.removeDuplicates();
    if (!m_engine) // the settings page shows the token even when the start fails
        m_clientToken = m_pending.clientToken;
    if (!problems.isEmpty()) {
        fail(problems.join(QLatin1Char('\n')));
        return;
    }
    if (m_engine) {
        if (!m_engine->reconfigure(m_pending)) {
            fail(tr("Cannot listen on %1:%2: %3")
                     .arg(m_pending.listenAddress.toString())
                     .arg(m_pending.port)
                     .arg(m_engine->errorString()));
            return;
        }
        m_clientToken = m_pending.clientToken;
        m_errorText.clear();
        Q_EMIT reloaded();
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

void ProxyController::provideClientToken()
{
    if (m_providingClientToken || !m_clientToken.isEmpty())
        return;
    m_providingClientToken = true;
    auto provided = [this] {
        m_providingClientToken = false;
        reload(); // a start that waited goes on
    };
    m_secrets->read(clientTokenName, this, [this, provided](const SecretStore::Result &found) {
        if (found.ok || found.error != SecretStore::Error::NotFound) {
            if (found.ok)
                adoptClientToken(found.secret);
            else
                Q_EMIT clientTokenProblem(tr("The client token could not be read from the keychain, so any program on "
                                             "this computer can use the proxy. %1")
                                              .arg(SecretStore::explain(found.error)));
            provided();
            return;
        }
        const QString token = ClientToken::generate();
        m_secrets->write(clientTokenName, token, this, [this, provided, token](const SecretStore::Result &written) {
            if (written.ok) {
                adoptClientToken(token);
                Q_EMIT clientTokenCreated();
            } else {
                Q_EMIT clientTokenProblem(tr("No client token could be stored in the keychain, so any program on this "
                                             "computer can use the proxy. %1")
                                              .arg(SecretStore::explain(written.error)));
            }
            provided();
        });
    });
}

void ProxyController::replaceClientToken(const QString &token)
{
    m_secrets->write(clientTokenName, token, this, [this, token](const SecretStore::Result &result) {
        if (!result.ok) {
            Q_EMIT clientTokenProblem(SecretStore::explain(result.error));
            return;
        }
        adoptClientToken(token);
        // The running proxy checks the new token from now on.
        reload();
    });
}

void ProxyController::adoptClientToken(const QString &token)
{
    m_clientToken = token;
    Q_EMIT clientTokenChanged();
}

void ProxyController::fail(const QString &errorText)
{
    if (m_state == State::Running && m_engine->isRunning()) {
        m_errorText = errorText;
        Q_EMIT reloadFailed(errorText);
        return;
    }
    // Nothing serves: a failed start, or a move whose old address could not be taken back.
    if (m_engine)
        retireEngine(errorText);
    setState(State::Error, errorText);
}

void ProxyController::stop()
{
    ++m_generation;
    if (m_engine)
        retireEngine(tr("CC Bridge was stopped."));
    setState(State::Stopped);
}

void ProxyController::retireEngine(const QString &reason)
{
    // The port is free at once; the engine goes when its last connection has closed, so the
    // errors it wrote reach their clients.
    ProxyEngine *engine = m_engine.release();
    engine->setParent(this);
    connect(engine, &ProxyEngine::drained, engine, &QObject::deleteLater);
    engine->closeGracefully(reason);
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
    // Until the proxy runs, its routes (and so the main model's window) are not known yet.
    return ClaudeCodeEnvironmentBuilder::build(baseUrl(), m_engine ? m_engine->config() : ProxyConfig(), m_clientToken);
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
