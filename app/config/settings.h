#pragma once

#include "configfile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

// What the desktop app keeps between runs: the proxy's listen address, limits and timeouts,
// its providers, routes and profiles (as the JSON the config file uses), and the app's own
// preferences. The headless mode does not use it; it keeps its JSON file and flags.
//
// Every key is listed once, with its default and bounds, in the table in settings.cpp. Values
// are clamped (or fall back to the default) when read, so a hand-edited or damaged file cannot
// start the proxy with a nonsensical port or a zero timeout.
//
// Secrets never go here: API keys and the client token live in the OS keychain (SecretStore).
// Every write passes a guard that refuses secret-looking names, in the key and inside stored
// JSON, because one careless provider editor field would otherwise put a key in plain text.
class Settings : public QObject
{
    Q_OBJECT

public:
    enum class Key {
        ListenAddress,
        Port,
        MaxHeaderBytes,
        MaxBodyBytes,
        HeaderTimeoutMs,
        IdleTimeoutMs,
        ConnectTimeoutMs,
        ReadTimeoutMs,
        PingIntervalMs,
        RequestTimeoutMs,
        RetryMaxAttempts,
        RetryBaseDelayMs,
        RetryMaxDelayMs,
        RetryMaxTotalWaitMs,
        LongContextTokens,
        LogRetention,
        UsageRetentionDays,
        Language,
        StartAtLogin,
        StartProxyAtLaunch,
        ActiveProfile,
        Providers,
        Routes,
        Profiles,
        SettingsVersion,
    };
    Q_ENUM(Key)

    // Raised whenever a stored key is renamed or changes meaning; migrate() then gains a step.
    static constexpr int currentVersion = 1;

    // `fileName` is an INI file; it is created on the first write and migrated when older.
    explicit Settings(const QString &fileName, QObject *parent = nullptr);

    // Where the desktop app keeps its settings (the per-user config directory).
    static QString defaultFileName();
    QString fileName() const { return m_settings.fileName(); }
    // Writes pending changes now; they are also written from the event loop and on destruction.
    void sync() { m_settings.sync(); }

    // The key as stored and as `changed` reports it, e.g. "listen/port".
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    // Whether a key or JSON field name looks like it holds a secret: it contains "key",
    // "token", "secret", "password", "auth" or "cookie", and is not one of the known harmless
    // names (apiKeyEnv, keyInKeychain, clientTokenEnv, maxOutputTokens, ...).
    static bool isSecretName(const QString &name);

    // The value as the getters return it: clamped to its bounds, the default when missing or
    // unreadable. JSON keys give a QJsonArray.
    QVariant value(Key key) const;

    // The file was written by a newer CC Bridge: nothing was migrated, unknown keys are kept,
    // and the version is left as it is so the newer app still recognises its file.
    bool isFromNewerVersion() const { return m_fromNewerVersion; }
    int settingsVersion() const;

    QString listenAddress() const;
    void setListenAddress(const QString &address); // ignored unless an IP address
    quint16 port() const;
    void setPort(int port);

    qint64 maxHeaderBytes() const;
    void setMaxHeaderBytes(qint64 bytes);
    qint64 maxBodyBytes() const;
    void setMaxBodyBytes(qint64 bytes);
    int headerTimeoutMs() const;
    void setHeaderTimeoutMs(int ms);
    int idleTimeoutMs() const;
    void setIdleTimeoutMs(int ms);

    int connectTimeoutMs() const;
    void setConnectTimeoutMs(int ms);
    int readTimeoutMs() const;
    void setReadTimeoutMs(int ms);
    int pingIntervalMs() const;
    void setPingIntervalMs(int ms);
    int requestTimeoutMs() const;
    void setRequestTimeoutMs(int ms);

    int retryMaxAttempts() const;
    void setRetryMaxAttempts(int attempts);
    int retryBaseDelayMs() const;
    void setRetryBaseDelayMs(int ms);
    int retryMaxDelayMs() const;
    void setRetryMaxDelayMs(int ms);
    int retryMaxTotalWaitMs() const;
    void setRetryMaxTotalWaitMs(int ms);

    int longContextTokens() const;
    void setLongContextTokens(int tokens);

    // Requests kept in the live log.
    int logRetention() const;
    void setLogRetention(int requests);
    int usageRetentionDays() const;
    void setUsageRetentionDays(int days);

    // "" follows the system; otherwise a locale name such as "de" or "zh_CN".
    QString language() const;
    void setLanguage(const QString &language); // ignored unless "" or a locale name
    bool startAtLogin() const;
    void setStartAtLogin(bool start);
    bool startProxyAtLaunch() const;
    void setStartProxyAtLaunch(bool start);
    // The profile the app's env snippets point at; "" = the default routes.
    QString activeProfile() const;
    void setActiveProfile(const QString &profile); // ignored unless "" or a valid profile name

    // The config file's `providers`, `routes` and `profiles` arrays. A provider may also carry
    // "keyInKeychain": true, meaning its key is in the keychain under the provider's name.
    // The setters return false, and store nothing, when the JSON holds a secret-looking field.
    QJsonArray providers() const;
    bool setProviders(const QJsonArray &providers);
    QJsonArray routes() const;
    bool setRoutes(const QJsonArray &routes);
    QJsonArray profiles() const;
    bool setProfiles(const QJsonArray &profiles);

    // Names of the providers whose key is in the keychain (name, or preset id when unnamed).
    QStringList keychainProviders() const;

    // The settings as a config file (docs/configuration.md): listen, limits, timeouts, retry,
    // longContextTokens, providers (without keyInKeychain), routes, profiles. Nothing secret.
    QJsonObject configJson() const;
    // ConfigFile::parse of configJson(). Keys from apiKeyEnv are resolved; the caller fills
    // the keychainProviders()' keys in afterwards, then asks config.problems().
    ConfigFile::Result toProxyConfig() const;

Q_SIGNALS:
    // Only when a getter's value really changes; `key` is keyName() of what changed.
    void changed(const QString &key);

private:
    qint64 integer(Key key) const;
    bool flag(Key key) const;
    QString text(Key key) const;
    QJsonArray array(Key key) const;
    void setInteger(Key key, qint64 value);
    void setFlag(Key key, bool value);
    void setText(Key key, const QString &value);
    bool setArray(Key key, const QJsonArray &value);
    // Writes `value` unless its name, or a field inside it when it is JSON text, looks secret.
    bool store(const QString &name, const QVariant &value);
    // Converts a file of version `from` to currentVersion, one version at a time.
    void migrate(int from);
    void renameKey(const QString &oldName, const QString &newName);

    QSettings m_settings;
    bool m_fromNewerVersion = false;
};
