#pragma once

#include "configfile.h"
#include "configschema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// The configuration the desktop app edits: one JSON file in the platform's config folder, in
// the format `ccbridge --config` reads (docs/configuration.md), so the headless proxy serves
// what the window set up. The app's own preferences sit in its "app" section.
//
// Every key is described once, with its default and bounds, in ConfigSchema. A value that does
// not fit is refused when set (the setter says why) and read as the default, so a hand-edited
// or damaged file cannot start the proxy with a nonsensical port or a zero timeout.
//
// Secrets never go here: API keys and the client token live in the OS keychain (SecretStore).
// Every write passes a guard that refuses secret-looking field names, because one careless
// editor field would otherwise put a key in plain text.
class Settings : public QObject
{
    Q_OBJECT

public:
    using Key = ConfigKey;

    // Raised whenever a stored key is renamed or changes meaning; migration then gains a step.
    // Version 1 was the INI file of CC Bridge 0.1, migrated into this file on first start.
    static constexpr int currentVersion = 2;

    // `fileName` is the JSON file; it is created on the first write. When it does not exist
    // yet and a 0.1 settings.ini lies beside it, that is migrated into it (the INI is kept).
    explicit Settings(const QString &fileName, QObject *parent = nullptr);

    // Where the desktop app keeps its configuration (the per-user config directory).
    static QString defaultFileName();
    QString fileName() const { return m_fileName; }
    // Why the last write failed; empty when it did not.
    QString writeError() const { return m_writeError; }

    // The key as `changed` reports it: its path in the file, e.g. "timeouts.requestMs".
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    // Whether a key or JSON field name looks like it holds a secret: it contains "key",
    // "token", "secret", "password", "auth" or "cookie", and is not one of the known harmless
    // names (apiKeyEnv, keyInKeychain, clientTokenEnv, maxOutputTokens, ...).
    static bool isSecretName(const QString &name);

    // The value as the getters return it: the default when missing or out of bounds. Lists
    // give a QJsonArray.
    QVariant value(Key key) const;
    // Stores `value` for a top-level or app key; nullopt when stored, else why not (out of
    // bounds, wrong type, or a secret-looking field inside a list).
    std::optional<QString> set(Key key, const QJsonValue &value);

    // The whole configuration as the file holds it (nothing secret in it).
    QJsonObject document() const { return m_root; }
    // Replaces the whole configuration (an import): every problem ConfigFile finds, and
    // nothing stored, when there are any.
    QStringList replaceDocument(const QJsonObject &root);

    // The file was written by a newer CC Bridge: nothing was migrated, unknown keys are kept,
    // and the version is left as it is so the newer app still recognises its file.
    bool isFromNewerVersion() const { return m_fromNewerVersion; }
    int settingsVersion() const;

    // Both are kept as the file's "listen": "address:port".
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

    // ConfigFile::parse of the file's contents. Keys from apiKeyEnv are resolved; the caller
    // fills the keychainProviders()' keys in afterwards, then asks config.problems().
    ConfigFile::Result toProxyConfig() const;

Q_SIGNALS:
    // Only when a getter's value really changes; `key` is keyName() of what changed.
    void changed(const QString &key);

private:
    qint64 integer(Key key) const;
    bool flag(Key key) const;
    QString text(Key key) const;
    QJsonArray array(Key key) const;
    bool setArray(Key key, const QJsonArray &value);
    // Writes `root` to the file unless a field name in it looks secret, then emits `changed`
    // for every key whose value differs from before.
    bool store(const QJsonObject &root);
    void load();

    QString m_fileName;
    QJsonObject m_root;
    QString m_writeError;
    bool m_fromNewerVersion = false;
};
