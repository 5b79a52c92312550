#include "settings.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcSettings, "ccbridge.config")

namespace {

enum class Kind {
    Integer, // clamped to [minimum, maximum]
    Flag,
    Text,    // "" or a match of `pattern`
    Address, // an IP address
    Json,    // a JSON array, stored as compact text
};

struct KeySpec
{
    Settings::Key key;
    QLatin1StringView name;
    Kind kind;
    QVariant defaultValue;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QString pattern = {};
};

// Every key the desktop app stores, in the order of Settings::Key. The proxy's defaults come
// from ProxyConfig, so the desktop app and the headless mode start alike.
const QList<KeySpec> &keySpecs()
{
    using K = Settings::Key;
    static const QList<KeySpec> specs = [] {
        const ProxyConfig proxy;
        const auto number = [](qint64 value) { return QVariant(value); };
        return QList<KeySpec>{
            {K::ListenAddress, QLatin1StringView("listen/address"), Kind::Address, proxy.listenAddress.toString()},
            {K::Port, QLatin1StringView("listen/port"), Kind::Integer, number(proxy.port), 1, 65535},
            {K::MaxHeaderBytes, QLatin1StringView("limits/maxHeaderBytes"), Kind::Integer,
             number(proxy.http.maxHeaderBytes), 1024, 1024 * 1024},
            {K::MaxBodyBytes, QLatin1StringView("limits/maxBodyBytes"), Kind::Integer,
             number(proxy.http.maxBodyBytes), 64 * 1024, 1024 * 1024 * 1024},
            {K::HeaderTimeoutMs, QLatin1StringView("limits/headerTimeoutMs"), Kind::Integer,
             number(proxy.http.headerTimeoutMs), 1'000, 600'000},
            {K::IdleTimeoutMs, QLatin1StringView("limits/idleTimeoutMs"), Kind::Integer,
             number(proxy.http.idleTimeoutMs), 1'000, 3'600'000},
            {K::ConnectTimeoutMs, QLatin1StringView("timeouts/connectMs"), Kind::Integer,
             number(proxy.connectTimeoutMs), 1'000, 600'000},
            {K::ReadTimeoutMs, QLatin1StringView("timeouts/readMs"), Kind::Integer,
             number(proxy.readTimeoutMs), 1'000, 3'600'000},
            {K::PingIntervalMs, QLatin1StringView("timeouts/pingIntervalMs"), Kind::Integer,
             number(proxy.pingIntervalMs), 1'000, 300'000},
            {K::RequestTimeoutMs, QLatin1StringView("timeouts/requestMs"), Kind::Integer,
             number(proxy.requestTimeoutMs), 1'000, 86'400'000},
            {K::RetryMaxAttempts, QLatin1StringView("retry/maxAttempts"), Kind::Integer,
             number(proxy.retry.maxAttempts), 1, 10},
            {K::RetryBaseDelayMs, QLatin1StringView("retry/baseDelayMs"), Kind::Integer,
             number(proxy.retry.baseDelayMs), 0, 60'000},
            {K::RetryMaxDelayMs, QLatin1StringView("retry/maxDelayMs"), Kind::Integer,
             number(proxy.retry.maxDelayMs), 0, 600'000},
            {K::RetryMaxTotalWaitMs, QLatin1StringView("retry/maxTotalWaitMs"), Kind::Integer,
             number(proxy.retry.maxTotalWaitMs), 0, 3'600'000},
            {K::LongContextTokens, QLatin1StringView("routing/longContextTokens"), Kind::Integer,
             number(proxy.longContextTokens), 1'000, 10'000'000},
            {K::LogRetention, QLatin1StringView("log/retainedRequests"), Kind::Integer, number(1'000), 100, 100'000},
            {K::UsageRetentionDays, QLatin1StringView("usage/retentionDays"), Kind::Integer, number(365), 1, 3'650},
            {K::Language, QLatin1StringView("app/language"), Kind::Text, QString(), 0, 0,
             QStringLiteral("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")},
            {K::StartAtLogin, QLatin1StringView("app/startAtLogin"), Kind::Flag, false},
            {K::StartProxyAtLaunch, QLatin1StringView("app/startProxyAtLaunch"), Kind::Flag, true},
            // ProxyConfig::problems() accepts the same profile names.
            {K::ActiveProfile, QLatin1StringView("routing/activeProfile"), Kind::Text, QString(), 0, 0,
             QStringLiteral("[A-Za-z0-9_.-]+")},
            {K::Providers, QLatin1StringView("routing/providers"), Kind::Json, QJsonArray()},
            {K::Routes, QLatin1StringView("routing/routes"), Kind::Json, QJsonArray()},
            {K::Profiles, QLatin1StringView("routing/profiles"), Kind::Json, QJsonArray()},
            {K::SettingsVersion, QLatin1StringView("settingsVersion"), Kind::Integer,
             number(Settings::currentVersion), 0, std::numeric_limits<int>::max()},
        };
    }();
    return specs;
}

const KeySpec &spec(Settings::Key key)
{
    const QList<KeySpec> &specs = keySpecs();
    const auto index = qsizetype(key);
    Q_ASSERT(index >= 0 && index < specs.size() && specs.at(index).key == key);
    return specs.at(index);
}

bool isValidText(const KeySpec &keySpec, const QString &text)
{
    if (keySpec.kind == Kind::Address)
        return !QHostAddress(text).isNull();
    if (text.isEmpty() || keySpec.pattern.isEmpty())
        return true;
    return QRegularExpression(QRegularExpression::anchoredPattern(keySpec.pattern)).match(text).hasMatch();
}

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

const QString keyInKeychain = QStringLiteral("keyInKeychain");

} // namespace

Settings::Settings(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(fileName, QSettings::IniFormat)
{
    if (m_settings.status() != QSettings::NoError)
        qCWarning(lcSettings).noquote() << "Cannot read the settings file" << fileName;

    const QString versionName = keyName(Key::SettingsVersion);
    int version = currentVersion;
    if (m_settings.contains(versionName)) {
        bool ok = false;
        version = m_settings.value(versionName).toInt(&ok);
        // An unreadable version is treated as the oldest: migration steps only convert what they find.
        if (!ok || version < 0)
            version = 0;
    } else if (!m_settings.allKeys().isEmpty()) {
        version = 0; // written before settingsVersion existed
    }

    if (version > currentVersion) {
        m_fromNewerVersion = true;
        qCInfo(lcSettings).noquote() << "The settings file" << fileName << "is from a newer version" << version
                                     << "of CC Bridge; reading what this version understands.";
    } else if (version < currentVersion) {
        migrate(version);
    } else if (!m_settings.contains(versionName)) {
        // Recorded from the start, so that a file without it is known to be from version 0.
        store(versionName, currentVersion);
    }
}

QString Settings::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/settings.ini");
}

QString Settings::keyName(Key key)
{
    return QString(spec(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return spec(key).defaultValue;
}

bool Settings::isSecretName(const QString &name)
{
    // Names of environment variables, flags and token counts, not of secrets.
    static const QStringList harmless{
        QStringLiteral("apiKeyEnv"),       QStringLiteral("clientTokenEnv"),      keyInKeychain,
        QStringLiteral("passClientKey"),   QStringLiteral("maxOutputTokens"),     QStringLiteral("maxCompletionTokens"),
        QStringLiteral("longContextTokens"), QStringLiteral("schemaKeywords")};
    if (harmless.contains(name))
        return false;
    static const QStringList words{QStringLiteral("key"),      QStringLiteral("token"), QStringLiteral("secret"),
                                   QStringLiteral("password"), QStringLiteral("auth"),  QStringLiteral("cookie")};
    return std::any_of(words.begin(), words.end(),
                       [&name](const QString &word) { return name.contains(word, Qt::CaseInsensitive); });
}

QVariant Settings::value(Key key) const
{
    switch (spec(key).kind) {
    case Kind::Integer:
        return integer(key);
    case Kind::Flag:
        return flag(key);
    case Kind::Text:
    case Kind::Address:
        return text(key);
    case Kind::Json:
        return array(key);
    }
    return {};
}

int Settings::settingsVersion() const
{
    return int(integer(Key::SettingsVersion));
}

qint64 Settings::integer(Key key) const
{
    const KeySpec &keySpec = spec(key);
    bool ok = false;
    const qint64 stored = m_settings.value(keySpec.name).toLongLong(&ok);
    return ok ? std::clamp(stored, keySpec.minimum, keySpec.maximum) : keySpec.defaultValue.toLongLong();
}

bool Settings::flag(Key key) const
{
    const KeySpec &keySpec = spec(key);
    const QVariant stored = m_settings.value(keySpec.name);
    if (stored.typeId() == QMetaType::Bool)
        return stored.toBool();
    // QVariant would read any other non-empty text as true.
    const QString text = stored.toString().trimmed();
    if (text.compare(QLatin1StringView("true"), Qt::CaseInsensitive) == 0 || text == QLatin1StringView("1"))
        return true;
    if (text.compare(QLatin1StringView("false"), Qt::CaseInsensitive) == 0 || text == QLatin1StringView("0"))
        return false;
    return keySpec.defaultValue.toBool();
}

QString Settings::text(Key key) const
{
    const KeySpec &keySpec = spec(key);
    const QVariant stored = m_settings.value(keySpec.name);
    // An INI value with a comma reads as a list: not something this app wrote.
    if (stored.typeId() != QMetaType::QString || !isValidText(keySpec, stored.toString()))
        return keySpec.defaultValue.toString();
    return stored.toString();
}

QJsonArray Settings::array(Key key) const
{
    const KeySpec &keySpec = spec(key);
    const QVariant stored = m_settings.value(keySpec.name);
    if (!stored.isValid())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(stored.toString().toUtf8());
    if (!document.isArray()) {
        qCWarning(lcSettings).noquote() << "The stored" << keySpec.name << "are not a JSON list; reading none.";
        return {};
    }
    return document.array();
}

void Settings::setInteger(Key key, qint64 value)
{
    const KeySpec &keySpec = spec(key);
    const qint64 before = integer(key);
    if (store(keyName(key), std::clamp(value, keySpec.minimum, keySpec.maximum)) && integer(key) != before)
        Q_EMIT changed(keyName(key));
}

void Settings::setFlag(Key key, bool value)
{
    const bool before = flag(key);
    if (store(keyName(key), value) && flag(key) != before)
        Q_EMIT changed(keyName(key));
}

void Settings::setText(Key key, const QString &value)
{
    if (!isValidText(spec(key), value)) {
        // Without the value: a key pasted into the wrong field must not reach the log.
        qCWarning(lcSettings).noquote() << "Ignoring an invalid value for" << keyName(key);
        return;
    }
    const QString before = text(key);
    if (store(keyName(key), value) && text(key) != before)
        Q_EMIT changed(keyName(key));
}

bool Settings::setArray(Key key, const QJsonArray &value)
{
    const QJsonArray before = array(key);
    if (!store(keyName(key), QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact))))
        return false;
    if (array(key) != before)
        Q_EMIT changed(keyName(key));
    return true;
}

bool Settings::store(const QString &name, const QVariant &value)
{
    QString offending;
    for (const QString &segment : name.split(QLatin1Char('/'))) {
        if (isSecretName(segment))
            offending = segment;
    }
    // Checked on the text itself, so that no caller can slip a field past the guard.
    if (const QString text = value.toString();
        offending.isEmpty() && value.typeId() == QMetaType::QString
        && (text.startsWith(QLatin1Char('[')) || text.startsWith(QLatin1Char('{')))) {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        offending = secretField(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    }
    if (!offending.isEmpty()) {
        // The value itself is never logged: it may be the secret.
        qCWarning(lcSettings).noquote() << "Not storing" << name << "because" << offending
                                        << "looks like a secret; secrets belong in the keychain.";
        return false;
    }
    m_settings.setValue(name, value);
    return true;
}

void Settings::migrate(int from)
{
    for (int version = from; version < currentVersion; ++version) {
        switch (version) {
        case 0:
            // Files from before settingsVersion kept the listen address under proxy/.
            renameKey(QStringLiteral("proxy/address"), keyName(Key::ListenAddress));
            renameKey(QStringLiteral("proxy/port"), keyName(Key::Port));
            break;
        }
        // Recorded per step, so each step runs once even if a later one is interrupted.
        store(keyName(Key::SettingsVersion), version + 1);
    }
    m_settings.sync();
    qCInfo(lcSettings).noquote() << "Migrated the settings file" << m_settings.fileName() << "from version" << from
                                 << "to" << currentVersion;
}

void Settings::renameKey(const QString &oldName, const QString &newName)
{
    if (!m_settings.contains(oldName))
        return;
    // A value already under the new name was written later, by a newer build.
    if (!m_settings.contains(newName))
        store(newName, m_settings.value(oldName));
    m_settings.remove(oldName);
}

QString Settings::listenAddress() const { return text(Key::ListenAddress); }
void Settings::setListenAddress(const QString &address)
{
    const QHostAddress parsed(address.trimmed());
    setText(Key::ListenAddress, parsed.isNull() ? address : parsed.toString());
}
quint16 Settings::port() const { return quint16(integer(Key::Port)); }
void Settings::setPort(int port) { setInteger(Key::Port, port); }

qint64 Settings::maxHeaderBytes() const { return integer(Key::MaxHeaderBytes); }
void Settings::setMaxHeaderBytes(qint64 bytes) { setInteger(Key::MaxHeaderBytes, bytes); }
qint64 Settings::maxBodyBytes() const { return integer(Key::MaxBodyBytes); }
void Settings::setMaxBodyBytes(qint64 bytes) { setInteger(Key::MaxBodyBytes, bytes); }
int Settings::headerTimeoutMs() const { return int(integer(Key::HeaderTimeoutMs)); }
void Settings::setHeaderTimeoutMs(int ms) { setInteger(Key::HeaderTimeoutMs, ms); }
int Settings::idleTimeoutMs() const { return int(integer(Key::IdleTimeoutMs)); }
void Settings::setIdleTimeoutMs(int ms) { setInteger(Key::IdleTimeoutMs, ms); }

int Settings::connectTimeoutMs() const { return int(integer(Key::ConnectTimeoutMs)); }
void Settings::setConnectTimeoutMs(int ms) { setInteger(Key::ConnectTimeoutMs, ms); }
int Settings::readTimeoutMs() const { return int(integer(Key::ReadTimeoutMs)); }
void Settings::setReadTimeoutMs(int ms) { setInteger(Key::ReadTimeoutMs, ms); }
int Settings::pingIntervalMs() const { return int(integer(Key::PingIntervalMs)); }
void Settings::setPingIntervalMs(int ms) { setInteger(Key::PingIntervalMs, ms); }
int Settings::requestTimeoutMs() const { return int(integer(Key::RequestTimeoutMs)); }
void Settings::setRequestTimeoutMs(int ms) { setInteger(Key::RequestTimeoutMs, ms); }

int Settings::retryMaxAttempts() const { return int(integer(Key::RetryMaxAttempts)); }
void Settings::setRetryMaxAttempts(int attempts) { setInteger(Key::RetryMaxAttempts, attempts); }
int Settings::retryBaseDelayMs() const { return int(integer(Key::RetryBaseDelayMs)); }
void Settings::setRetryBaseDelayMs(int ms) { setInteger(Key::RetryBaseDelayMs, ms); }
int Settings::retryMaxDelayMs() const { return int(integer(Key::RetryMaxDelayMs)); }
void Settings::setRetryMaxDelayMs(int ms) { setInteger(Key::RetryMaxDelayMs, ms); }
int Settings::retryMaxTotalWaitMs() const { return int(integer(Key::RetryMaxTotalWaitMs)); }
void Settings::setRetryMaxTotalWaitMs(int ms) { setInteger(Key::RetryMaxTotalWaitMs, ms); }

int Settings::longContextTokens() const { return int(integer(Key::LongContextTokens)); }
void Settings::setLongContextTokens(int tokens) { setInteger(Key::LongContextTokens, tokens); }

int Settings::logRetention() const { return int(integer(Key::LogRetention)); }
void Settings::setLogRetention(int requests) { setInteger(Key::LogRetention, requests); }
int Settings::usageRetentionDays() const { return int(integer(Key::UsageRetentionDays)); }
void Settings::setUsageRetentionDays(int days) { setInteger(Key::UsageRetentionDays, days); }

QString Settings::language() const { return text(Key::Language); }
void Settings::setLanguage(const QString &language) { setText(Key::Language, language); }
bool Settings::startAtLogin() const { return flag(Key::StartAtLogin); }
void Settings::setStartAtLogin(bool start) { setFlag(Key::StartAtLogin, start); }
bool Settings::startProxyAtLaunch() const { return flag(Key::StartProxyAtLaunch); }
void Settings::setStartProxyAtLaunch(bool start) { setFlag(Key::StartProxyAtLaunch, start); }
QString Settings::activeProfile() const { return text(Key::ActiveProfile); }
void Settings::setActiveProfile(const QString &profile) { setText(Key::ActiveProfile, profile); }

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

QJsonObject Settings::configJson() const
{
    const QHostAddress address(listenAddress());
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();

    // ConfigFile rejects unknown keys, and where a key is kept is the caller's business.
    QJsonArray providerList;
    for (const QJsonValue &entry : providers()) {
        QJsonObject provider = entry.toObject();
        provider.remove(keyInKeychain);
        providerList.append(entry.isObject() ? QJsonValue(provider) : entry);
    }

    QJsonObject json;
    json.insert(QStringLiteral("listen"), QStringLiteral("%1:%2").arg(host).arg(port()));
    json.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("maxHeaderBytes"), maxHeaderBytes()},
                                                      {QStringLiteral("maxBodyBytes"), maxBodyBytes()},
                                                      {QStringLiteral("headerTimeoutMs"), headerTimeoutMs()},
                                                      {QStringLiteral("idleTimeoutMs"), idleTimeoutMs()}});
    json.insert(QStringLiteral("timeouts"), QJsonObject{{QStringLiteral("connectMs"), connectTimeoutMs()},
                                                        {QStringLiteral("readMs"), readTimeoutMs()},
                                                        {QStringLiteral("pingIntervalMs"), pingIntervalMs()},
                                                        {QStringLiteral("requestMs"), requestTimeoutMs()}});
    json.insert(QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), retryMaxAttempts()},
                                                     {QStringLiteral("baseDelayMs"), retryBaseDelayMs()},
                                                     {QStringLiteral("maxDelayMs"), retryMaxDelayMs()},
                                                     {QStringLiteral("maxTotalWaitMs"), retryMaxTotalWaitMs()}});
    json.insert(QStringLiteral("longContextTokens"), longContextTokens());
    json.insert(QStringLiteral("providers"), providerList);
    json.insert(QStringLiteral("routes"), routes());
    json.insert(QStringLiteral("profiles"), profiles());
    return json;
}

ConfigFile::Result Settings::toProxyConfig() const
{
    return ConfigFile::parse(QJsonDocument(configJson()).toJson(QJsonDocument::Compact));
}
