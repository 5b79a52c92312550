#pragma once

#include "config/envexport.h"
#include "config/proxyconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

class ProxyEngine;
class RequestLog;
class SecretStore;
class Settings;

// The desktop app's proxy: built from the Settings and the keys in the OS keychain, started
// and stopped on demand (the tray's toggle closes and reopens the listening socket), with one
// request log that lives across restarts. While it runs, changed settings are put into effect
// without cutting a request (ProxyEngine::reconfigure).
class ProxyController : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Running, Error };
    Q_ENUM(State)

    // The keychain entry that holds the client token.
    static inline const QString clientTokenName = QStringLiteral("proxy/client-token");
    // The keychain entry that holds a profile's own token.
    static QString profileTokenName(const QString &profile) { return QStringLiteral("profile/%1/client-token").arg(profile); }
    // Where the web search backend's key is kept in the keychain.
    static QString webSearchKeyName() { return QStringLiteral("web-search/api-key"); }

    ProxyController(Settings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~ProxyController() override;

    // Reads the keys (asynchronously), builds the configuration and binds the port.
    void start();
    // Frees the port; requests in flight end with an error saying the proxy stopped.
    void stop();
    // Puts the current settings and keys into effect on the running proxy, the same way start()
    // reads them; several calls in one event-loop turn make one reload. Settings changes that
    // concern the proxy reload by themselves; a key changed in the keychain needs a call.
    void reload();
    // Gives clientToken() the token in the keychain, making and storing one when there is none
    // yet (a first run, or an upgrade from a version that made none), so that every environment
    // handed to Claude Code carries it and a start waits for it. The window calls this; the
    // headless proxy does not, so a server whose clients send no token keeps serving them.
    void provideClientToken();
    // Stores `token` in the keychain in place of the current one and puts it into effect.
    void replaceClientToken(const QString &token);

    State state() const { return m_state; }
    // Why the last start or reload failed: configuration problems, a missing key, a taken port.
    QString errorText() const { return m_errorText; }
    QUrl baseUrl() const;
    QString clientToken() const { return m_clientToken; }
    RequestLog *requestLog() const { return m_log; }
    // What Claude Code needs to use this proxy: its URL and the token, or a placeholder when
    // none is required.
    ClaudeCodeEnvironment claudeCodeEnvironment() const;
    // The configuration the running proxy uses (empty while stopped).
    const ProxyConfig *config() const;
    // The running proxy, for a shutdown that lets its requests finish; nullptr while stopped.
    ProxyEngine *engine() const { return m_engine.get(); }

Q_SIGNALS:
    void stateChanged(ProxyController::State state);
    // The running proxy took the current settings (its URL may have changed).
    void reloaded();
    // The running proxy could not take the current settings and keeps serving its previous ones.
    void reloadFailed(const QString &errorText);
    // clientToken() changed: read from the keychain, made, or replaced.
    void clientTokenChanged();
    // A token was made because the keychain held none: environments copied before lack it.
    void clientTokenCreated();
    // The token could not be read or stored.
    void clientTokenProblem(const QString &text);

private:
    void onSettingChanged(const QString &key);
    void reloadNow();
    // Builds the configuration from the settings and reads its keys, then keysRead().
    void load();
    void keysRead();
    void fail(const QString &errorText);
    // Ends the engine's requests with `reason` and lets it go once they have.
    void retireEngine(const QString &reason);
    void setState(State state, const QString &errorText = {});
    void adoptClientToken(const QString &token);

    Settings *m_settings;
    SecretStore *m_secrets;
    RequestLog *m_log;
    std::unique_ptr<ProxyEngine> m_engine;
    ProxyConfig m_pending;     // being filled with keys before the start or reload
    int m_pendingReads = 0;
    QStringList m_keyProblems;
    QString m_clientToken;
    State m_state = State::Stopped;
    QString m_errorText;
    quint64 m_generation = 0;  // a stop, start or reload makes earlier key reads stale
    bool m_reloadQueued = false;
    bool m_providingClientToken = false; // a start waits until the token is read or stored
};
