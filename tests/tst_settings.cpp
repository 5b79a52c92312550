#include "config/settings.h"
#include "testdata.h"

#include <QFile>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Key = Settings::Key;

// Environment variables set by the tests; names no real setup would use.
constexpr const char deepseekKeyEnv[] = "CCBRIDGE_TST_SETTINGS_DEEPSEEK_KEY";
// What a leaked key would look like in the settings file.
constexpr const char plantedKey[] = "sk-ccbridge-PLANTED-7f3a9c51e2d04b68";

QString settingsPath(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("settings.ini"));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void expectRefusal()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Not storing .* looks like a secret")));
}

void expectInvalidValue()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Ignoring an invalid value for ")));
}

QList<Key> allKeys()
{
    const QMetaEnum keys = QMetaEnum::fromType<Key>();
    QList<Key> all;
    for (int i = 0; i < keys.keyCount(); ++i)
        all << Key(keys.value(i));
    return all;
}

// A deepseek preset with its key in the environment, an OpenRouter entry whose key is in
// the keychain, and a local server without a key.
QJsonArray typicalProviders()
{
    return TestData::singleQuotedArray("["
        "{'preset': 'deepseek', 'apiKeyEnv': 'CCBRIDGE_TST_SETTINGS_DEEPSEEK_KEY'},"
        "{'name': 'router', 'baseUrl': 'https://openrouter.ai/api/v1', 'keyInKeychain': true,"
        " 'maxOutputTokens': 16384, 'headers': {'X-Title': 'CC Bridge, \\'quoted\\'; #1', 'HTTP-Referer': 'https://example.org'},"
        " 'rules': {'maxCompletionTokens': true, 'toolNames': {'get_api_key': 'fetch_credential'}}},"
        "{'name': 'local', 'baseUrl': 'http://127.0.0.1:11434/v1', 'format': 'openai-chat', 'maxOutputTokens': 0}"
    "]");
}

QJsonArray typicalRoutes()
{
    return TestData::singleQuotedArray("["
        "{'match': '*haiku*', 'provider': 'local', 'model': 'qwen2.5-coder:7b'},"
        "{'match': '*', 'when': 'thinking', 'provider': 'deepseek', 'model': 'deepseek-reasoner'},"
        "{'match': '*', 'provider': 'router', 'model': 'qwen/qwen3-coder', 'maxOutputTokens': 32000,"
        " 'fallbacks': [{'provider': 'deepseek', 'model': 'deepseek-chat'}]}"
    "]");
}

QJsonArray typicalProfiles()
{
    return TestData::singleQuotedArray("["
        "{'name': 'byok', 'passClientKey': true, 'routes': [{'provider': 'router', 'model': 'qwen/qwen3-coder'}]}"
    "]");
}
} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv(deepseekKeyEnv);
    }

    void defaults()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            Settings settings(settingsPath(dir));
            QCOMPARE(settings.listenAddress(), QStringLiteral("127.0.0.1"));
            QCOMPARE(settings.port(), quint16(8765));
            QCOMPARE(settings.maxHeaderBytes(), qint64(64 * 1024));
            QCOMPARE(settings.maxBodyBytes(), qint64(32 * 1024 * 1024));
            QCOMPARE(settings.headerTimeoutMs(), 30'000);
            QCOMPARE(settings.idleTimeoutMs(), 60'000);
            QCOMPARE(settings.connectTimeoutMs(), 30'000);
            QCOMPARE(settings.readTimeoutMs(), 300'000);
            QCOMPARE(settings.pingIntervalMs(), 10'000);
            QCOMPARE(settings.requestTimeoutMs(), 600'000);
            QCOMPARE(settings.retryMaxAttempts(), 3);
            QCOMPARE(settings.retryBaseDelayMs(), 500);
            QCOMPARE(settings.retryMaxDelayMs(), 8'000);
            QCOMPARE(settings.retryMaxTotalWaitMs(), 20'000);
            QCOMPARE(settings.longContextTokens(), 60'000);
            QCOMPARE(settings.logRetention(), 1'000);
            QCOMPARE(settings.usageRetentionDays(), 365);
            QCOMPARE(settings.language(), QString());
            QCOMPARE(settings.startAtLogin(), false);
            QCOMPARE(settings.startProxyAtLaunch(), true);
            QCOMPARE(settings.activeProfile(), QString());
            QVERIFY(settings.providers().isEmpty());
            QVERIFY(settings.routes().isEmpty());
            QVERIFY(settings.profiles().isEmpty());
            QVERIFY(settings.keychainProviders().isEmpty());
            QCOMPARE(settings.settingsVersion(), Settings::currentVersion);
            QVERIFY(!settings.isFromNewerVersion());
            for (const Key key : allKeys())
                QVERIFY2(settings.value(key) == Settings::defaultValue(key), qPrintable(Settings::keyName(key)));
        }
        // A new file records its version, so that a file without one is known to be older.
        QSettings raw(settingsPath(dir), QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("settingsVersion")).toInt(), Settings::currentVersion);
    }

    // The table covers every key once, and the proxy defaults are the headless mode's.
    void keyTable()
    {
        QStringList names;
        for (const Key key : allKeys()) {
            const QString name = Settings::keyName(key);
            QVERIFY(!name.isEmpty());
            QVERIFY2(!names.contains(name), qPrintable(name));
            QVERIFY2(Settings::defaultValue(key).isValid(), qPrintable(name));
            names << name;
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        const ConfigFile::Result result = settings.toProxyConfig();
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        const ProxyConfig defaults;
        const ProxyConfig &config = result.config;
        QCOMPARE(config.listenAddress, defaults.listenAddress);
        QCOMPARE(config.port, defaults.port);
        QCOMPARE(config.http.maxHeaderBytes, defaults.http.maxHeaderBytes);
        QCOMPARE(config.http.maxBodyBytes, defaults.http.maxBodyBytes);
        QCOMPARE(config.http.headerTimeoutMs, defaults.http.headerTimeoutMs);
        QCOMPARE(config.http.idleTimeoutMs, defaults.http.idleTimeoutMs);
        QCOMPARE(config.connectTimeoutMs, defaults.connectTimeoutMs);
        QCOMPARE(config.readTimeoutMs, defaults.readTimeoutMs);
        QCOMPARE(config.pingIntervalMs, defaults.pingIntervalMs);
        QCOMPARE(config.requestTimeoutMs, defaults.requestTimeoutMs);
        QCOMPARE(config.retry.maxAttempts, defaults.retry.maxAttempts);
        QCOMPARE(config.retry.baseDelayMs, defaults.retry.baseDelayMs);
        QCOMPARE(config.retry.maxDelayMs, defaults.retry.maxDelayMs);
        QCOMPARE(config.retry.maxTotalWaitMs, defaults.retry.maxTotalWaitMs);
        QCOMPARE(config.longContextTokens, defaults.longContextTokens);
    }

    void clampedOnRead_data()
    {
        QTest::addColumn<Key>("key");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QVariant>("expected");

        const auto number = [](qint64 value) { return QVariant(value); };
        QTest::newRow("port above 65535") << Key::Port << QStringLiteral("70000") << number(65535);
        QTest::newRow("port 0") << Key::Port << QStringLiteral("0") << number(1);
        QTest::newRow("negative port") << Key::Port << QStringLiteral("-5") << number(1);
        QTest::newRow("port not a number") << Key::Port << QStringLiteral("eighty") << number(8765);
        QTest::newRow("port in bounds") << Key::Port << QStringLiteral("9100") << number(9100);
        QTest::newRow("tiny body limit") << Key::MaxBodyBytes << QStringLiteral("10") << number(64 * 1024);
        QTest::newRow("huge body limit") << Key::MaxBodyBytes << QStringLiteral("99999999999999")
                                         << number(1024 * 1024 * 1024);
        QTest::newRow("log retention below") << Key::LogRetention << QStringLiteral("5") << number(100);
        QTest::newRow("log retention above") << Key::LogRetention << QStringLiteral("1000000") << number(100'000);
        QTest::newRow("usage kept 0 days") << Key::UsageRetentionDays << QStringLiteral("0") << number(1);
        QTest::newRow("no attempts") << Key::RetryMaxAttempts << QStringLiteral("0") << number(1);
        QTest::newRow("zero read timeout") << Key::ReadTimeoutMs << QStringLiteral("0") << number(1'000);
        QTest::newRow("host name as address") << Key::ListenAddress << QStringLiteral("localhost")
                                              << QVariant(QStringLiteral("127.0.0.1"));
        QTest::newRow("IPv6 address") << Key::ListenAddress << QStringLiteral("::1") << QVariant(QStringLiteral("::1"));
        QTest::newRow("language") << Key::Language << QStringLiteral("zh_CN") << QVariant(QStringLiteral("zh_CN"));
        QTest::newRow("language not a locale") << Key::Language << QStringLiteral("../etc") << QVariant(QString());
        QTest::newRow("flag true") << Key::StartAtLogin << QStringLiteral("true") << QVariant(true);
        QTest::newRow("flag 0") << Key::StartProxyAtLaunch << QStringLiteral("0") << QVariant(false);
        QTest::newRow("flag garbage") << Key::StartProxyAtLaunch << QStringLiteral("maybe") << QVariant(true);
        QTest::newRow("profile name with spaces") << Key::ActiveProfile << QStringLiteral("my profile")
                                                  << QVariant(QString());
        QTest::newRow("providers not JSON") << Key::Providers << QStringLiteral("not json") << QVariant(QJsonArray());
    }

    void clampedOnRead()
    {
        QFETCH(Key, key);
        QFETCH(QString, stored);
        QFETCH(QVariant, expected);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QSettings raw(settingsPath(dir), QSettings::IniFormat);
            raw.setValue(QStringLiteral("settingsVersion"), Settings::currentVersion);
            raw.setValue(Settings::keyName(key), stored);
        }
        if (key == Key::Providers)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("are not a JSON list")));
        Settings settings(settingsPath(dir));
        QCOMPARE(settings.value(key), expected);
    }

    void settersClampAndValidate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        settings.setPort(70000);
        QCOMPARE(settings.port(), quint16(65535));
        settings.setLogRetention(1);
        QCOMPARE(settings.logRetention(), 100);
        settings.setMaxBodyBytes(qint64(1) << 40);
        QCOMPARE(settings.maxBodyBytes(), qint64(1024 * 1024 * 1024));
        expectInvalidValue();
        settings.setListenAddress(QStringLiteral("not an address"));
        QCOMPARE(settings.listenAddress(), QStringLiteral("127.0.0.1"));
        settings.setListenAddress(QStringLiteral(" 0:0::1 "));
        QCOMPARE(settings.listenAddress(), QStringLiteral("::1"));
        expectInvalidValue();
        settings.setLanguage(QStringLiteral("de DE"));
        QCOMPARE(settings.language(), QString());
        expectInvalidValue();
        settings.setActiveProfile(QStringLiteral("bad name"));
        QCOMPARE(settings.activeProfile(), QString());
    }

    void changedOnlyOnChange()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        QSignalSpy spy(&settings, &Settings::changed);
        const auto takeKey = [&spy] { return spy.isEmpty() ? QString() : spy.takeFirst().at(0).toString(); };

        settings.setPort(8765); // the default
        QCOMPARE(spy.count(), 0);
        settings.setPort(9000);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(takeKey(), QStringLiteral("listen/port"));
        settings.setPort(9000);
        QCOMPARE(spy.count(), 0);
        settings.setPort(70000);
        QCOMPARE(takeKey(), QStringLiteral("listen/port"));
        settings.setPort(80000); // 65535 again once clamped
        QCOMPARE(spy.count(), 0);

        settings.setStartAtLogin(false);
        QCOMPARE(spy.count(), 0);
        settings.setStartAtLogin(true);
        QCOMPARE(takeKey(), QStringLiteral("app/startAtLogin"));

        settings.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(takeKey(), QStringLiteral("app/language"));
        settings.setLanguage(QStringLiteral("zh_CN"));
        expectInvalidValue();
        settings.setLanguage(QStringLiteral("not a locale!"));
        QCOMPARE(spy.count(), 0);

        settings.setListenAddress(QStringLiteral("::1"));
        QCOMPARE(takeKey(), QStringLiteral("listen/address"));
        settings.setListenAddress(QStringLiteral("0:0::1")); // the same address
        QCOMPARE(spy.count(), 0);

        QVERIFY(settings.setProviders(typicalProviders()));
        QCOMPARE(takeKey(), QStringLiteral("routing/providers"));
        QVERIFY(settings.setProviders(typicalProviders()));
        QCOMPARE(spy.count(), 0);
        expectRefusal();
        QVERIFY(!settings.setProviders(TestData::singleQuotedArray("[{'name': 'x', 'apiKey': 'sk-1'}]")));
        QCOMPARE(spy.count(), 0);
        QVERIFY(settings.setRoutes(typicalRoutes()));
        QCOMPARE(takeKey(), QStringLiteral("routing/routes"));
        QVERIFY(settings.setProfiles(typicalProfiles()));
        QCOMPARE(takeKey(), QStringLiteral("routing/profiles"));
        QVERIFY(settings.setProfiles({}));
        QCOMPARE(takeKey(), QStringLiteral("routing/profiles"));
        QCOMPARE(spy.count(), 0);
    }

    void persistsAcrossInstances()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            Settings settings(settingsPath(dir));
            settings.setListenAddress(QStringLiteral("::1"));
            settings.setPort(9100);
            settings.setMaxBodyBytes(8 * 1024 * 1024);
            settings.setReadTimeoutMs(120'000);
            settings.setRetryMaxAttempts(5);
            settings.setLogRetention(5'000);
            settings.setUsageRetentionDays(90);
            settings.setLanguage(QStringLiteral("zh_CN"));
            settings.setStartAtLogin(true);
            settings.setStartProxyAtLaunch(false);
            settings.setActiveProfile(QStringLiteral("byok"));
            QVERIFY(settings.setProviders(typicalProviders()));
            QVERIFY(settings.setRoutes(typicalRoutes()));
            QVERIFY(settings.setProfiles(typicalProfiles()));
        }
        Settings settings(settingsPath(dir));
        QCOMPARE(settings.listenAddress(), QStringLiteral("::1"));
        QCOMPARE(settings.port(), quint16(9100));
        QCOMPARE(settings.maxBodyBytes(), qint64(8 * 1024 * 1024));
        QCOMPARE(settings.readTimeoutMs(), 120'000);
        QCOMPARE(settings.retryMaxAttempts(), 5);
        QCOMPARE(settings.logRetention(), 5'000);
        QCOMPARE(settings.usageRetentionDays(), 90);
        QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
        QCOMPARE(settings.startAtLogin(), true);
        QCOMPARE(settings.startProxyAtLaunch(), false);
        QCOMPARE(settings.activeProfile(), QStringLiteral("byok"));
        QCOMPARE(TestData::compact(settings.providers()), TestData::compact(typicalProviders()));
        QCOMPARE(TestData::compact(settings.routes()), TestData::compact(typicalRoutes()));
        QCOMPARE(TestData::compact(settings.profiles()), TestData::compact(typicalProfiles()));
        QCOMPARE(settings.keychainProviders(), QStringList{QStringLiteral("router")});

        // A plain INI file that QSettings reads as well.
        QSettings raw(settingsPath(dir), QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("listen/port")).toInt(), 9100);
    }

    void configJsonParses()
    {
        const auto unset = qScopeGuard([] { qunsetenv(deepseekKeyEnv); });
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        settings.setPort(9100);
        settings.setMaxBodyBytes(8 * 1024 * 1024);
        settings.setReadTimeoutMs(120'000);
        settings.setRetryMaxAttempts(5);
        settings.setLongContextTokens(80'000);
        QVERIFY(settings.setProviders(typicalProviders()));
        QVERIFY(settings.setRoutes(typicalRoutes()));
        QVERIFY(settings.setProfiles(typicalProfiles()));

        const QJsonObject json = settings.configJson();
        const QStringList documented{QStringLiteral("listen"), QStringLiteral("limits"), QStringLiteral("timeouts"),
                                     QStringLiteral("retry"), QStringLiteral("longContextTokens"),
                                     QStringLiteral("providers"), QStringLiteral("routes"), QStringLiteral("profiles")};
        QCOMPARE(json.keys().size(), documented.size());
        for (const QString &key : json.keys())
            QVERIFY2(documented.contains(key), qPrintable(key));
        QCOMPARE(json.value(QLatin1StringView("listen")).toString(), QStringLiteral("127.0.0.1:9100"));
        QVERIFY(!TestData::compact(json).contains("keyInKeychain"));
        // Still stored: the app needs it to know where the key is.
        QVERIFY(settings.providers().at(1).toObject().value(QLatin1StringView("keyInKeychain")).toBool());
        QCOMPARE(settings.keychainProviders(), QStringList{QStringLiteral("router")});

        const ConfigFile::Result withoutKey = settings.toProxyConfig();
        QVERIFY2(withoutKey.errors.isEmpty(), qPrintable(withoutKey.errors.join(QLatin1Char('\n'))));
        const QStringList problems = withoutKey.config.problems();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QLatin1StringView(deepseekKeyEnv)));

        qputenv(deepseekKeyEnv, "test-deepseek-key");
        const ConfigFile::Result result = settings.toProxyConfig();
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY2(result.config.problems().isEmpty(), qPrintable(result.config.problems().join(QLatin1Char('\n'))));

        const ProxyConfig &config = result.config;
        QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.port, quint16(9100));
        QCOMPARE(config.http.maxBodyBytes, qsizetype(8 * 1024 * 1024));
        QCOMPARE(config.readTimeoutMs, 120'000);
        QCOMPARE(config.retry.maxAttempts, 5);
        QCOMPARE(config.longContextTokens, 80'000);
        QCOMPARE(config.providers.size(), 3);
        const ProviderConfig *deepseek = config.provider(QStringLiteral("deepseek"));
        QVERIFY(deepseek);
        QCOMPARE(deepseek->apiKey, QStringLiteral("test-deepseek-key"));
        QCOMPARE(deepseek->baseUrl, QUrl(QStringLiteral("https://api.deepseek.com/v1")));
        const ProviderConfig *router = config.provider(QStringLiteral("router"));
        QVERIFY(router);
        QVERIFY(router->apiKey.isEmpty()); // the caller fills it from the keychain
        QCOMPARE(router->maxOutputTokens, 16384);
        QCOMPARE(router->rules.toolNameOverrides.value(QStringLiteral("get_api_key")), QStringLiteral("fetch_credential"));
        QCOMPARE(config.routes.size(), 3);
        QCOMPARE(config.routes.at(2).fallbacks.size(), 1);
        QCOMPARE(config.profiles.size(), 1);
        QVERIFY(config.profiles.first().passClientKey);

        settings.setListenAddress(QStringLiteral("::1"));
        QCOMPARE(settings.configJson().value(QLatin1StringView("listen")).toString(), QStringLiteral("[::1]:9100"));
        QCOMPARE(settings.toProxyConfig().config.listenAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    }

    void migratesFromVersion0_data()
    {
        QTest::addColumn<bool>("writeVersion");
        QTest::addColumn<int>("newPort"); // 0: not in the file
        QTest::addColumn<int>("expectedPort");

        QTest::newRow("no version") << false << 0 << 9001;
        QTest::newRow("version 0") << true << 0 << 9001;
        QTest::newRow("new key already there") << false << 9002 << 9002;
    }

    void migratesFromVersion0()
    {
        QFETCH(bool, writeVersion);
        QFETCH(int, newPort);
        QFETCH(int, expectedPort);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QSettings old(settingsPath(dir), QSettings::IniFormat);
            if (writeVersion)
                old.setValue(QStringLiteral("settingsVersion"), 0);
            old.setValue(QStringLiteral("proxy/address"), QStringLiteral("::1"));
            old.setValue(QStringLiteral("proxy/port"), 9001);
            if (newPort)
                old.setValue(QStringLiteral("listen/port"), newPort);
            old.setValue(QStringLiteral("app/language"), QStringLiteral("de"));
        }
        {
            Settings settings(settingsPath(dir));
            QVERIFY(!settings.isFromNewerVersion());
            QCOMPARE(settings.settingsVersion(), Settings::currentVersion);
            QCOMPARE(settings.port(), quint16(expectedPort));
            QCOMPARE(settings.listenAddress(), QStringLiteral("::1"));
            QCOMPARE(settings.language(), QStringLiteral("de"));
        }
        QSettings migrated(settingsPath(dir), QSettings::IniFormat);
        QCOMPARE(migrated.value(QStringLiteral("settingsVersion")).toInt(), Settings::currentVersion);
        QVERIFY(!migrated.contains(QStringLiteral("proxy/port")));
        QVERIFY(!migrated.contains(QStringLiteral("proxy/address")));
        QCOMPARE(migrated.value(QStringLiteral("listen/port")).toInt(), expectedPort);
        QCOMPARE(migrated.value(QStringLiteral("listen/address")).toString(), QStringLiteral("::1"));
    }

    void newerVersionUntouched()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QSettings future(settingsPath(dir), QSettings::IniFormat);
            future.setValue(QStringLiteral("settingsVersion"), Settings::currentVersion + 1);
            future.setValue(QStringLiteral("proxy/port"), 9001); // would be migrated in an old file
            future.setValue(QStringLiteral("listen/port"), 9100);
            future.setValue(QStringLiteral("future/feature"), QStringLiteral("something new"));
        }
        const QByteArray before = readFile(settingsPath(dir));
        QVERIFY(!before.isEmpty());
        {
            Settings settings(settingsPath(dir));
            QVERIFY(settings.isFromNewerVersion());
            QCOMPARE(settings.settingsVersion(), Settings::currentVersion + 1);
            QCOMPARE(settings.port(), quint16(9100));
            QCOMPARE(settings.logRetention(), 1'000);
            QVERIFY(settings.configJson().contains(QLatin1StringView("listen")));
        }
        QCOMPARE(readFile(settingsPath(dir)), before);
    }

    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");

        for (const char *name : {"apiKey", "api_key", "x-api-key", "Authorization", "clientToken", "token",
                                 "client_secret", "password", "Cookie", "proxy/key"})
            QTest::newRow(name) << QString::fromLatin1(name) << true;
        // Every field name of the config format (docs/configuration.md) may be stored.
        for (const char *name : {"listen", "clientTokenEnv", "limits", "maxHeaderBytes", "maxBodyBytes",
                                 "headerTimeoutMs", "idleTimeoutMs", "timeouts", "connectMs", "readMs",
                                 "pingIntervalMs", "requestMs", "retry", "maxAttempts", "baseDelayMs", "maxDelayMs",
                                 "maxTotalWaitMs", "longContextTokens", "corsOrigins", "providers", "preset", "name",
                                 "baseUrl", "format", "apiKeyEnv", "maxOutputTokens", "headers", "maxConcurrent",
                                 "maxQueued", "validateModels", "rules", "reasoningHistory", "thinkingSwitch",
                                 "webSearch", "schemaKeywords", "textToolCalls", "stripBillingHeader",
                                 "maxCompletionTokens", "maxToolNameLength", "toolNames", "routes", "match", "when",
                                 "provider", "model", "fallbacks", "profiles", "passClientKey", "keyInKeychain",
                                 "HTTP-Referer", "X-Title"})
            QTest::newRow(name) << QString::fromLatin1(name) << false;
    }

    void secretNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(Settings::isSecretName(name), secret);
    }

    // Every setter is exercised, with a real key in reach, and the file must not hold it.
    void neverStoresSecrets()
    {
        const auto unset = qScopeGuard([] { qunsetenv(deepseekKeyEnv); });
        qputenv(deepseekKeyEnv, plantedKey);
        const QString key = QString::fromLatin1(plantedKey);
        QTest::failOnWarning(QRegularExpression(QRegularExpression::escape(key)));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QList<bool> accepted;
        bool keptProviders = false;
        {
            Settings settings(settingsPath(dir));
            settings.setListenAddress(QStringLiteral("::1"));
            settings.setPort(9100);
            settings.setMaxHeaderBytes(128 * 1024);
            settings.setMaxBodyBytes(8 * 1024 * 1024);
            settings.setHeaderTimeoutMs(20'000);
            settings.setIdleTimeoutMs(90'000);
            settings.setConnectTimeoutMs(20'000);
            settings.setReadTimeoutMs(120'000);
            settings.setPingIntervalMs(15'000);
            settings.setRequestTimeoutMs(900'000);
            settings.setRetryMaxAttempts(5);
            settings.setRetryBaseDelayMs(250);
            settings.setRetryMaxDelayMs(4'000);
            settings.setRetryMaxTotalWaitMs(10'000);
            settings.setLongContextTokens(80'000);
            settings.setLogRetention(5'000);
            settings.setUsageRetentionDays(30);
            settings.setLanguage(QStringLiteral("de"));
            settings.setStartAtLogin(true);
            settings.setStartProxyAtLaunch(false);
            settings.setActiveProfile(QStringLiteral("byok"));
            QVERIFY(settings.setProviders(typicalProviders()));
            QVERIFY(settings.setRoutes(typicalRoutes()));
            QVERIFY(settings.setProfiles(typicalProfiles()));

            // The resolved config holds the key (it is in reach), but only in memory.
            const ConfigFile::Result result = settings.toProxyConfig();
            QVERIFY(result.config.secrets().contains(key));
            QVERIFY(!TestData::compact(settings.configJson()).contains(plantedKey));

            // Every field a key could be typed into by mistake.
            const QJsonObject base{{QStringLiteral("name"), QStringLiteral("leaky")},
                                   {QStringLiteral("baseUrl"), QStringLiteral("https://example.org/v1")}};
            const auto with = [&base](const QString &field, const QJsonValue &value) {
                QJsonObject provider = base;
                provider.insert(field, value);
                return QJsonArray{provider};
            };
            // Checked after the file scan, which is the last line of defence and must run.
            for (int attempt = 0; attempt < 6; ++attempt)
                expectRefusal();
            accepted << settings.setProviders(with(QStringLiteral("apiKey"), key))
                     << settings.setProviders(with(QStringLiteral("headers"),
                            QJsonObject{{QStringLiteral("Authorization"), QString(QStringLiteral("Bearer ") + key)}}))
                     << settings.setProviders(with(QStringLiteral("headers"), QJsonObject{{QStringLiteral("x-api-key"), key}}))
                     << settings.setProviders(with(QStringLiteral("rules"), QJsonObject{{QStringLiteral("secret"), key}}))
                     << settings.setRoutes(QJsonArray{QJsonObject{{QStringLiteral("provider"), QStringLiteral("leaky")},
                                                                  {QStringLiteral("model"), QStringLiteral("m")},
                                                                  {QStringLiteral("token"), key}}})
                     << settings.setProfiles(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("p")},
                                                                    {QStringLiteral("clientToken"), key}}});
            // A refused write leaves what was stored.
            keptProviders = TestData::compact(settings.providers()) == TestData::compact(typicalProviders());
        }

        const QByteArray written = readFile(settingsPath(dir));
        QSettings raw(settingsPath(dir), QSettings::IniFormat);
        for (const Key settingKey : allKeys())
            QVERIFY2(raw.contains(Settings::keyName(settingKey)), qPrintable(Settings::keyName(settingKey)));
        QVERIFY2(!written.contains(plantedKey), written.constData());
        QVERIFY(!written.contains("7f3a9c51e2d04b68"));
        QCOMPARE(accepted, QList<bool>(6, false));
        QVERIFY(keptProviders);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
