#include "settings.h"

#include "legacysettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSettings, "ccbridge.config")

namespace {

const QString keyInKeychain = QStringLiteral("keyInKeychain");

// The first secret-looking field name anywhere in `json`; empty when there is none.
QString secretField(const QJsonValue &json)
{
    if (json.isArray()) {
        for (const QJsonValue &item : json.toArray()) {
            if (QString found = secretField(item); !found.isEmpty())
                return found;
        }
    } else if (json.isObject()) {
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (Settings::isSecretName(it.key()))
                return it.key();
            // toolNames maps tool names (which may well say "key" or "token") to tool names.
            if (it.key() == QLatin1StringView("toolNames"))
                continue;
            if (QString found = secretField(it.value()); !found.isEmpty())
                return found;
        }
    }
    return {};
}

QString listenText(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

// The top-level and app keys, the ones Settings reads and writes one by one.
bool isSetting(const ConfigField &field)
{
    return !field.section().endsWith(QLatin1StringView("[]"));
}

} // namespace

Settings::Settings(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_fileName(fileName)
{
    const QString legacy = QFileInfo(fileName).dir().filePath(LegacySettings::fileName);
    if (!QFile::exists(fileName) && QFile::exists(legacy)) {
        QJsonObject migrated = LegacySettings::read(legacy);
        migrated.insert(keyName(Key::Version), currentVersion);
        if (store(migrated))
            qCInfo(lcSettings).noquote() << "Migrated" << legacy << "to" << fileName << "(the old file is kept).";
        return;
    }
    load();
    const int version = settingsVersion();
    if (version > currentVersion) {
        m_fromNewerVersion = true;
        qCInfo(lcSettings).noquote() << "The configuration" << fileName << "is from a newer version" << version
                                     << "of CC Bridge; reading what this version understands.";
    }
}

void Settings::load()
{
    QFile file(m_fileName);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSettings).noquote() << "Cannot read the configuration" << m_fileName << file.errorString();
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject()) {
        // Kept aside rather than overwritten by the next change: it may be a hand edit to fix.
        const QString aside = m_fileName + QStringLiteral(".unreadable");
        QFile::remove(aside);
        file.close();
        QFile::rename(m_fileName, aside);
        qCWarning(lcSettings).noquote() << "The configuration" << m_fileName << "is not a JSON object ("
                                        << error.errorString() << "); it was moved to" << aside;
        return;
    }
    m_root = document.object();
}

QString Settings::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/config.json");
}

QString Settings::keyName(Key key)
{
    return QString(ConfigSchema::field(key).path);
}

QVariant Settings::defaultValue(Key key)
{
    return ConfigSchema::field(key).defaultValue.toVariant();
}

bool Settings::isSecretName(const QString &name)
{
    // Names of environment variables, flags and token counts, not of secrets.
    static const QStringList harmless{
        QStringLiteral("apiKeyEnv"),       QStringLiteral("clientTokenEnv"),      keyInKeychain,
        QStringLiteral("passClientKey"),   QStringLiteral("maxOutputTokens"),     QStringLiteral("maxCompletionTokens"),
        QStringLiteral("longContextTokens"), QStringLiteral("schemaKeywords"), QStringLiteral("tokenInKeychain")};
    if (harmless.contains(name))
        return false;
    static const QStringList words{QStringLiteral("key"),      QStringLiteral("token"), QStringLiteral("secret"),
                                   QStringLiteral("password"), QStringLiteral("auth"),  QStringLiteral("cookie")};
    return std::any_of(words.begin(), words.end(),
                       [&name](const QString &word) { return name.contains(word, Qt::CaseInsensitive); });
}

QVariant Settings::value(Key key) const
{
    switch (ConfigSchema::field(key).type) {
    case ConfigField::Type::Integer:
        return integer(key);
    case ConfigField::Type::Boolean:
        return flag(key);
    case ConfigField::Type::Text:
    case ConfigField::Type::Listen:
        return text(key);
    case ConfigField::Type::List:
        return array(key);
    case ConfigField::Type::Object:
        break;
    }
    return {};
}

int Settings::settingsVersion() const
{
    // A file without a version was written by hand or for --config: it is of this version.
    const QJsonValue stored = ConfigSchema::valueAt(m_root, ConfigSchema::field(Key::Version));
    return stored.isDouble() ? stored.toInt(currentVersion) : currentVersion;
}

// A stored value that does not fit its field reads as the default: the proxy never starts
// from it, and the window shows the default where the file is wrong.
static QJsonValue fitting(const QJsonObject &root, const ConfigField &field)
{
    const QJsonValue stored = ConfigSchema::valueAt(root, field);
    if (stored.isUndefined() || ConfigSchema::problem(field, stored))
        return field.defaultValue;
    return stored;
}

qint64 Settings::integer(Key key) const
{
    return qint64(fitting(m_root, ConfigSchema::field(key)).toDouble());
}

bool Settings::flag(Key key) const
{
    return fitting(m_root, ConfigSchema::field(key)).toBool();
}

QString Settings::text(Key key) const
{
    return fitting(m_root, ConfigSchema::field(key)).toString();
}

QJsonArray Settings::array(Key key) const
{
    return fitting(m_root, ConfigSchema::field(key)).toArray();
}

std::optional<QString> Settings::set(Key key, const QJsonValue &value)
{
    const ConfigField &field = ConfigSchema::field(key);
    Q_ASSERT(isSetting(field));
    std::optional<QString> problem = ConfigSchema::problem(field, value);
    if (!problem && field.type == ConfigField::Type::List) {
        // Entries are checked as the file reader checks them: unknown keys, types, bounds.
        const QJsonObject alone{{field.name(), value}};
        if (const QStringList errors = ConfigFile::parse(QJsonDocument(alone).toJson()).errors; !errors.isEmpty())
            problem = errors.join(QLatin1Char('\n'));
    }
    if (problem) {
        // Without the value: a key pasted into the wrong field must not reach the log.
        qCWarning(lcSettings).noquote() << "Refusing a value for" << field.path << "that does not fit it";
        return problem;
    }
    if (ConfigSchema::valueAt(m_root, field) == value)
        return std::nullopt;
    QJsonObject root = m_root;
    ConfigSchema::setValueAt(root, field, value);
    if (!store(root))
        return m_writeError.isEmpty() ? tr("It looks like it holds a secret; secrets belong in the keychain.")
                                      : m_writeError;
    return std::nullopt;
}

bool Settings::setArray(Key key, const QJsonArray &value)
{
    return !set(key, value).has_value();
}

QStringList Settings::replaceDocument(const QJsonObject &root)
{
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Compact);
    QStringList problems = ConfigFile::parse(json).errors;
    if (const QString secret = secretField(root); !secret.isEmpty())
        problems << tr("\"%1\" looks like it holds a secret; secrets belong in the keychain.").arg(secret);
    if (!problems.isEmpty())
        return problems;
    QJsonObject stored = root;
    stored.insert(keyName(Key::Version), currentVersion);
    if (!store(stored))
        return {m_writeError};
    return {};
}

bool Settings::store(const QJsonObject &root)
{
    // Checked on the whole file, so that no caller can slip a field past the guard.
    if (const QString offending = secretField(root); !offending.isEmpty()) {
        // The value itself is never logged: it may be the secret.
        qCWarning(lcSettings).noquote() << "Not storing the configuration because" << offending
                                        << "looks like a secret; secrets belong in the keychain.";
        m_writeError.clear();
        return false;
    }
    QJsonObject written = root;
    if (!m_fromNewerVersion)
        written.insert(keyName(Key::Version), currentVersion);

    QDir().mkpath(QFileInfo(m_fileName).absolutePath());
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(written).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        m_writeError = tr("Cannot write the configuration %1: %2").arg(m_fileName, file.errorString());
        qCWarning(lcSettings).noquote() << m_writeError;
        return false;
    }
    m_writeError.clear();

    const QJsonObject before = m_root;
    m_root = written;
    for (const ConfigField &field : ConfigSchema::fields()) {
        if (isSetting(field) && field.key != Key::Version && fitting(before, field) != fitting(m_root, field))
            Q_EMIT changed(QString(field.path));
    }
    return true;
}

QString Settings::listenAddress() const
{
    return ProxyConfig::parseListen(text(Key::Listen))->first.toString();
}

void Settings::setListenAddress(const QString &address)
{
    const QHostAddress parsed(address.trimmed());
    if (parsed.isNull()) {
        // Without the value: a key pasted into the wrong field must not reach the log.
        qCWarning(lcSettings) << "Ignoring an invalid listen address";
        return;
    }
    set(Key::Listen, listenText(parsed, port()));
}

quint16 Settings::port() const
{
    return ProxyConfig::parseListen(text(Key::Listen))->second;
}

void Settings::setPort(int port)
{
    if (port < 1 || port > 65535)
        return;
    set(Key::Listen, listenText(QHostAddress(listenAddress()), quint16(port)));
}

qint64 Settings::maxHeaderBytes() const { return integer(Key::MaxHeaderBytes); }
void Settings::setMaxHeaderBytes(qint64 bytes) { set(Key::MaxHeaderBytes, double(bytes)); }
qint64 Settings::maxBodyBytes() const { return integer(Key::MaxBodyBytes); }
void Settings::setMaxBodyBytes(qint64 bytes) { set(Key::MaxBodyBytes, double(bytes)); }
int Settings::headerTimeoutMs() const { return int(integer(Key::HeaderTimeoutMs)); }
void Settings::setHeaderTimeoutMs(int ms) { set(Key::HeaderTimeoutMs, double(ms)); }
int Settings::idleTimeoutMs() const { return int(integer(Key::IdleTimeoutMs)); }
void Settings::setIdleTimeoutMs(int ms) { set(Key::IdleTimeoutMs, double(ms)); }

int Settings::connectTimeoutMs() const { return int(integer(Key::ConnectTimeoutMs)); }
void Settings::setConnectTimeoutMs(int ms) { set(Key::ConnectTimeoutMs, double(ms)); }
int Settings::readTimeoutMs() const { return int(integer(Key::ReadTimeoutMs)); }
void Settings::setReadTimeoutMs(int ms) { set(Key::ReadTimeoutMs, double(ms)); }
int Settings::pingIntervalMs() const { return int(integer(Key::PingIntervalMs)); }
void Settings::setPingIntervalMs(int ms) { set(Key::PingIntervalMs, double(ms)); }
int Settings::requestTimeoutMs() const { return int(integer(Key::RequestTimeoutMs)); }
void Settings::setRequestTimeoutMs(int ms) { set(Key::RequestTimeoutMs, double(ms)); }

int Settings::retryMaxAttempts() const { return int(integer(Key::RetryMaxAttempts)); }
void Settings::setRetryMaxAttempts(int attempts) { set(Key::RetryMaxAttempts, double(attempts)); }
int Settings::retryBaseDelayMs() const { return int(integer(Key::RetryBaseDelayMs)); }
void Settings::setRetryBaseDelayMs(int ms) { set(Key::RetryBaseDelayMs, double(ms)); }
int Settings::retryMaxDelayMs() const { return int(integer(Key::RetryMaxDelayMs)); }
void Settings::setRetryMaxDelayMs(int ms) { set(Key::RetryMaxDelayMs, double(ms)); }
int Settings::retryMaxTotalWaitMs() const { return int(integer(Key::RetryMaxTotalWaitMs)); }
void Settings::setRetryMaxTotalWaitMs(int ms) { set(Key::RetryMaxTotalWaitMs, double(ms)); }

int Settings::longContextTokens() const { return int(integer(Key::LongContextTokens)); }
void Settings::setLongContextTokens(int tokens) { set(Key::LongContextTokens, double(tokens)); }

int Settings::logRetention() const { return int(integer(Key::LogRetention)); }
void Settings::setLogRetention(int requests) { set(Key::LogRetention, double(requests)); }
int Settings::usageRetentionDays() const { return int(integer(Key::UsageRetentionDays)); }
void Settings::setUsageRetentionDays(int days) { set(Key::UsageRetentionDays, double(days)); }

QString Settings::language() const { return text(Key::Language); }
void Settings::setLanguage(const QString &language) { set(Key::Language, language); }
bool Settings::startAtLogin() const { return flag(Key::StartAtLogin); }
void Settings::setStartAtLogin(bool start) { set(Key::StartAtLogin, start); }
bool Settings::startProxyAtLaunch() const { return flag(Key::StartProxyAtLaunch); }
void Settings::setStartProxyAtLaunch(bool start) { set(Key::StartProxyAtLaunch, start); }
QString Settings::activeProfile() const { return text(Key::ActiveProfile); }
void Settings::setActiveProfile(const QString &profile) { set(Key::ActiveProfile, profile); }

QJsonArray Settings::providers() const { return array(Key::Providers); }
bool Settings::setProviders(const QJsonArray &providers) { return setArray(Key::Providers, providers); }
QJsonArray Settings::routes() const { return array(Key::Routes); }
bool Settings::setRoutes(const QJsonArray &routes) { return setArray(Key::Routes, routes); }
QJsonArray Settings::profiles() const { return array(Key::Profiles); }
bool Settings::setProfiles(const QJsonArray &profiles) { return setArray(Key::Profiles, profiles); }

QStringList Settings::keychainProviders() const
{
    QStringList names;
    for (const QJsonValue &entry : providers()) {
        const QJsonObject provider = entry.toObject();
        if (!provider.value(keyInKeychain).toBool())
            continue;
        // Unnamed providers take their preset's id as name, as ConfigFile does.
        QString name = provider.value(QLatin1StringView("name")).toString();
        if (name.isEmpty())
            name = provider.value(QLatin1StringView("preset")).toString();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}


ConfigFile::Result Settings::toProxyConfig() const
{
    return ConfigFile::parse(QJsonDocument(m_root).toJson(QJsonDocument::Compact));
}
