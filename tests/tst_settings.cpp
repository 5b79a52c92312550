#include "config/settings.h"
#include "testdata.h"

#include <QFile>
#include <QJsonDocument>
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
    return dir.filePath(QStringLiteral("config.json"));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void expectRefusal()
{
    // Refused by the secret guard, or before it by the reader as an unknown field.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "^(Not storing .* looks like a secret|Refusing a value for )")));
}

void expectInvalidValue()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Refusing a value for ")));
}

// The keys Settings reads and writes one by one: the file's top level and its app section.
QList<ConfigField> settingFields()
{
    QList<ConfigField> fields;
    for (const ConfigField &field : ConfigSchema::fields()) {
        if (!field.section().endsWith(QLatin1StringView("[]")))
            fields << field;
    }
    return fields;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
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
        const Settings settings(settingsPath(dir));
        for (const ConfigField &field : settingFields()) {
            if (field.defaultValue.isNull() || field.type == ConfigField::Type::List)
                continue;
            QCOMPARE(settings.value(field.key), field.defaultValue.toVariant());
        }
        const ProxyConfig proxy;
        QCOMPARE(settings.listenAddress(), proxy.listenAddress.toString());
        QCOMPARE(settings.port(), proxy.port);
        QCOMPARE(settings.requestTimeoutMs(), proxy.requestTimeoutMs);
        QCOMPARE(settings.startProxyAtLaunch(), true);
        QVERIFY(!QFile::exists(settingsPath(dir))); // nothing written until something is set
    }

    // Every number of the table: in bounds it is stored, beyond them it is refused with a
    // message that names the field and its bounds, and nothing changes.
    void numbersOutOfBoundsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        int checked = 0;
        for (const ConfigField &field : settingFields()) {
            if (field.type != ConfigField::Type::Integer || field.key == Key::Version)
                continue;
            ++checked;
            const QVariant before = settings.value(field.key);
            for (const qint64 wrong : {field.minimum - 1, field.maximum + 1}) {
                expectInvalidValue();
                const std::optional<QString> problem = settings.set(field.key, double(wrong));
                QVERIFY2(problem, qPrintable(QString(field.path)));
                QVERIFY2(problem->contains(QString(field.path)), qPrintable(*problem));
                QVERIFY2(problem->contains(QString::number(field.minimum)) && problem->contains(QString::number(field.maximum)),
                         qPrintable(*problem));
                QCOMPARE(settings.value(field.key), before);
            }
            QVERIFY(!settings.set(field.key, double(field.maximum)));
            QCOMPARE(settings.value(field.key).toLongLong(), field.maximum);
            QVERIFY(!settings.set(field.key, double(field.minimum)));
            QCOMPARE(settings.value(field.key).toLongLong(), field.minimum);
        }
        QVERIFY(checked >= 15);
        // The two that once passed every check and broke the proxy.
        expectInvalidValue();
        QVERIFY(settings.set(Key::RequestTimeoutMs, 0));
        expectInvalidValue();
        QVERIFY(settings.set(Key::PingIntervalMs, 0));
    }

    // A hand-edited file with values out of bounds reads as the defaults there.
    void invalidStoredValuesReadAsDefaults()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(settingsPath(dir), TestData::doubleQuoted("{'listen': 'localhost:99999', 'timeouts': {'requestMs': 0, 'readMs': 'long'},"
                                                            " 'app': {'language': 'not a language', 'startAtLogin': 'yes'},"
                                                            " 'providers': {'not': 'a list'}}"));
        const Settings settings(settingsPath(dir));
        QCOMPARE(settings.port(), quint16(8765));
        QCOMPARE(settings.listenAddress(), QStringLiteral("127.0.0.1"));
        QCOMPARE(settings.requestTimeoutMs(), ProxyConfig().requestTimeoutMs);
        QCOMPARE(settings.readTimeoutMs(), ProxyConfig().readTimeoutMs);
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.startAtLogin(), false);
        QCOMPARE(settings.providers(), QJsonArray());
        // And the proxy is not started from it: the reader says what is wrong.
        const QStringList errors = settings.toProxyConfig().errors;
        QVERIFY2(errors.join(QLatin1Char('\n')).contains(QStringLiteral("timeouts.requestMs")), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void textsValidated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        expectInvalidValue();
        settings.setActiveProfile(QStringLiteral("bad name"));
        QCOMPARE(settings.activeProfile(), QString());
        expectInvalidValue();
        settings.setLanguage(QStringLiteral("de; rm -rf"));
        QCOMPARE(settings.language(), QString());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid listen address")));
        settings.setListenAddress(QStringLiteral("localhost"));
        QCOMPARE(settings.listenAddress(), QStringLiteral("127.0.0.1"));
        settings.setListenAddress(QStringLiteral("::1"));
        settings.setPort(9100);
        QCOMPARE(settings.listenAddress(), QStringLiteral("::1"));
        QCOMPARE(settings.port(), quint16(9100));
        QCOMPARE(settings.document().value(QLatin1StringView("listen")).toString(), QStringLiteral("[::1]:9100"));
        // Entries of lists are checked as the file reader checks them.
        expectInvalidValue();
        const auto problem = settings.set(Key::Providers, TestData::singleQuotedArray(
                                                              "[{'name': 'x', 'baseUrl': 'http://h/v1', 'maxQueued': -1}]"));
        QVERIFY(problem && problem->contains(QStringLiteral("providers[0].maxQueued")));
    }

    void changedOnlyOnChange()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        QSignalSpy changed(&settings, &Settings::changed);
        settings.setRequestTimeoutMs(ProxyConfig().requestTimeoutMs); // the default: no change
        QCOMPARE(changed.size(), 0);
        settings.setRequestTimeoutMs(900'000);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), Settings::keyName(Key::RequestTimeoutMs));
        settings.setRequestTimeoutMs(900'000);
        QCOMPARE(changed.size(), 1);
        settings.setPort(9000);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(1).at(0).toString(), QStringLiteral("listen"));
        QVERIFY(settings.setRoutes(typicalRoutes()));
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.at(2).at(0).toString(), QStringLiteral("routes"));
    }

    // Written as the JSON --config reads: a second instance and the file reader see it all.
    void persistsAsConfigFile()
    {
        const auto unset = qScopeGuard([] { qunsetenv(deepseekKeyEnv); });
        qputenv(deepseekKeyEnv, "sk-test");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            Settings settings(settingsPath(dir));
            settings.setListenAddress(QStringLiteral("::1"));
            settings.setPort(9100);
            settings.setReadTimeoutMs(120'000);
            settings.setRetryMaxAttempts(5);
            settings.setLongContextTokens(80'000);
            settings.setLanguage(QStringLiteral("zh_CN"));
            QVERIFY(settings.setProviders(typicalProviders()));
            QVERIFY(settings.setRoutes(typicalRoutes()));
            QVERIFY(settings.setProfiles(typicalProfiles()));
        }
        const Settings settings(settingsPath(dir));
        QCOMPARE(settings.port(), quint16(9100));
        QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
        QCOMPARE(TestData::compact(settings.routes()), TestData::compact(typicalRoutes()));

        const ConfigFile::Result loaded = ConfigFile::load(settingsPath(dir));
        QVERIFY2(loaded.errors.isEmpty(), qPrintable(loaded.errors.join(QLatin1Char('\n'))));
        QCOMPARE(loaded.config.listenAddress, QHostAddress(QStringLiteral("::1")));
        QCOMPARE(loaded.config.port, quint16(9100));
        QCOMPARE(loaded.config.readTimeoutMs, 120'000);
        QCOMPARE(loaded.config.retry.maxAttempts, 5);
        QCOMPARE(loaded.config.longContextTokens, 80'000);
        QCOMPARE(loaded.config.providers.size(), 3);
        QVERIFY(loaded.config.provider(QStringLiteral("router"))->keyInKeychain);
        QCOMPARE(loaded.config.provider(QStringLiteral("deepseek"))->apiKey, QStringLiteral("sk-test"));
        QCOMPARE(loaded.config.routes.size(), 3);
        QCOMPARE(loaded.config.profiles.size(), 1);
        QCOMPARE(settings.keychainProviders(), QStringList{QStringLiteral("router")});
    }

    void activeProfileServesDefaultRoutes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        QVERIFY(settings.setProviders(typicalProviders()));
        QVERIFY(settings.setRoutes(typicalRoutes()));
        QVERIFY(settings.setProfiles(typicalProfiles()));
        settings.setActiveProfile(QStringLiteral("byok"));
        const ConfigFile::Result result = settings.toProxyConfig();
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.config.routes.size(), 1);
        QCOMPARE(result.config.routes.constFirst().model, QStringLiteral("qwen/qwen3-coder"));
        settings.setActiveProfile(QStringLiteral("gone"));
        QVERIFY(settings.toProxyConfig().errors.join(QLatin1Char(' ')).contains(QStringLiteral("gone")));
    }

    // A settings.ini of 0.1 (both of its versions) becomes config.json, nothing lost; the INI stays.
    void migratesLegacyIni_data()
    {
        QTest::addColumn<QString>("addressKey");
        QTest::addColumn<QString>("portKey");
        QTest::newRow("0.1 with settingsVersion 1") << QStringLiteral("listen/address") << QStringLiteral("listen/port");
        QTest::newRow("0.1 before settingsVersion") << QStringLiteral("proxy/address") << QStringLiteral("proxy/port");
    }

    void migratesLegacyIni()
    {
        QFETCH(QString, addressKey);
        QFETCH(QString, portKey);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        {
            QSettings legacy(ini, QSettings::IniFormat);
            if (addressKey.startsWith(QLatin1StringView("listen")))
                legacy.setValue(QStringLiteral("settingsVersion"), 1);
            legacy.setValue(addressKey, QStringLiteral("::1"));
            legacy.setValue(portKey, 9100);
            legacy.setValue(QStringLiteral("timeouts/requestMs"), 900000);
            legacy.setValue(QStringLiteral("timeouts/pingIntervalMs"), 0); // clamped by 0.1 on reading
            legacy.setValue(QStringLiteral("retry/maxAttempts"), 5);
            legacy.setValue(QStringLiteral("routing/longContextTokens"), 80000);
            legacy.setValue(QStringLiteral("log/retainedRequests"), 5000);
            legacy.setValue(QStringLiteral("usage/retentionDays"), 30);
            legacy.setValue(QStringLiteral("app/language"), QStringLiteral("de"));
            legacy.setValue(QStringLiteral("app/startAtLogin"), true);
            legacy.setValue(QStringLiteral("app/startProxyAtLaunch"), false);
            legacy.setValue(QStringLiteral("routing/activeProfile"), QStringLiteral("byok"));
            legacy.setValue(QStringLiteral("routing/providers"), TestData::compact(typicalProviders()));
            legacy.setValue(QStringLiteral("routing/routes"), TestData::compact(typicalRoutes()));
            legacy.setValue(QStringLiteral("routing/profiles"), TestData::compact(typicalProfiles()));
        }
        const QByteArray iniBefore = readFile(ini);

        const Settings settings(settingsPath(dir));
        QVERIFY(QFile::exists(settingsPath(dir)));
        QCOMPARE(readFile(ini), iniBefore);
        QCOMPARE(settings.listenAddress(), QStringLiteral("::1"));
        QCOMPARE(settings.port(), quint16(9100));
        QCOMPARE(settings.requestTimeoutMs(), 900'000);
        QCOMPARE(settings.pingIntervalMs(), 1'000);
        QCOMPARE(settings.retryMaxAttempts(), 5);
        QCOMPARE(settings.longContextTokens(), 80'000);
        QCOMPARE(settings.logRetention(), 5'000);
        QCOMPARE(settings.usageRetentionDays(), 30);
        QCOMPARE(settings.language(), QStringLiteral("de"));
        QCOMPARE(settings.startAtLogin(), true);
        QCOMPARE(settings.startProxyAtLaunch(), false);
        QCOMPARE(settings.activeProfile(), QStringLiteral("byok"));
        QCOMPARE(TestData::compact(settings.providers()), TestData::compact(typicalProviders()));
        QCOMPARE(TestData::compact(settings.routes()), TestData::compact(typicalRoutes()));
        QCOMPARE(TestData::compact(settings.profiles()), TestData::compact(typicalProfiles()));
        QCOMPARE(settings.keychainProviders(), QStringList{QStringLiteral("router")});
        QCOMPARE(settings.settingsVersion(), Settings::currentVersion);

        // The file reader takes the migrated file as it is.
        const ConfigFile::Result loaded = ConfigFile::load(settingsPath(dir));
        QVERIFY2(loaded.errors.isEmpty(), qPrintable(loaded.errors.join(QLatin1Char('\n'))));
    }

    void newerVersionUntouched()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(settingsPath(dir), TestData::doubleQuoted("{'version': 99, 'timeouts': {'readMs': 120000}, 'future': {'x': 1}}"));
        {
            Settings settings(settingsPath(dir));
            QVERIFY(settings.isFromNewerVersion());
            QCOMPARE(settings.readTimeoutMs(), 120'000);
            settings.setConnectTimeoutMs(20'000);
        }
        const QJsonObject written = QJsonDocument::fromJson(readFile(settingsPath(dir))).object();
        QCOMPARE(written.value(QLatin1StringView("version")).toInt(), 99);
        QVERIFY(written.contains(QLatin1StringView("future")));
    }

    void unreadableFileKeptAside()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(settingsPath(dir), "{ not json");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not a JSON object")));
        Settings settings(settingsPath(dir));
        QCOMPARE(readFile(settingsPath(dir) + QStringLiteral(".unreadable")), QByteArray("{ not json"));
        settings.setPort(9001);
        QCOMPARE(Settings(settingsPath(dir)).port(), quint16(9001));
    }

    // An import replaces everything at once, or nothing when any part is wrong.
    void replaceDocument()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(settingsPath(dir));
        QSignalSpy changed(&settings, &Settings::changed);
        const QJsonObject good{{QStringLiteral("providers"), typicalProviders()},
                               {QStringLiteral("routes"), typicalRoutes()},
                               {QStringLiteral("timeouts"), QJsonObject{{QStringLiteral("readMs"), 120000}}}};
        QCOMPARE(settings.replaceDocument(good), QStringList());
        QCOMPARE(settings.readTimeoutMs(), 120'000);
        QCOMPARE(settings.routes().size(), 3);
        QVERIFY(changed.size() >= 3);

        QJsonObject bad = good;
        bad.insert(QStringLiteral("timeouts"), QJsonObject{{QStringLiteral("requestMs"), 0}});
        bad.insert(QStringLiteral("routes"), QJsonArray());
        const QStringList problems = settings.replaceDocument(bad);
        QVERIFY(problems.join(QLatin1Char(' ')).contains(QStringLiteral("timeouts.requestMs")));
        QCOMPARE(settings.routes().size(), 3);
        QCOMPARE(settings.readTimeoutMs(), 120'000);
    }

    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        QTest::newRow("apiKey") << QStringLiteral("apiKey") << true;
        QTest::newRow("clientToken") << QStringLiteral("clientToken") << true;
        QTest::newRow("Authorization") << QStringLiteral("Authorization") << true;
        QTest::newRow("password") << QStringLiteral("password") << true;
        QTest::newRow("apiKeyEnv") << QStringLiteral("apiKeyEnv") << false;
        QTest::newRow("keyInKeychain") << QStringLiteral("keyInKeychain") << false;
        QTest::newRow("maxOutputTokens") << QStringLiteral("maxOutputTokens") << false;
        QTest::newRow("name") << QStringLiteral("name") << false;
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
            QCOMPARE(settings.set(Key::ShutdownGraceMs, 3'000), std::nullopt);
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
            QCOMPARE(settings.set(Key::WebSearchBackend, QStringLiteral("brave")), std::nullopt);
            QCOMPARE(settings.set(Key::WebSearchUrl, QStringLiteral("https://search.example/res/v1/web/search")), std::nullopt);
            QCOMPARE(settings.set(Key::WebSearchApiKeyEnv, QStringLiteral("BRAVE_API_KEY")), std::nullopt);
            QCOMPARE(settings.set(Key::WebSearchKeyInKeychain, true), std::nullopt);
            QCOMPARE(settings.set(Key::WebSearchMaxResults, 8), std::nullopt);
            QVERIFY(settings.setProviders(typicalProviders()));
            QVERIFY(settings.setRoutes(typicalRoutes()));
            QVERIFY(settings.setProfiles(typicalProfiles()));

            // The resolved config holds the key (it is in reach), but only in memory.
            const ConfigFile::Result result = settings.toProxyConfig();
            QVERIFY(result.config.secrets().contains(key));
            QVERIFY(!TestData::compact(settings.document()).contains(plantedKey));

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
        const QJsonObject raw = QJsonDocument::fromJson(written).object();
        for (const ConfigField &field : settingFields()) {
            if (field.key != Key::ClientTokenEnv && field.key != Key::CorsOrigins && field.key != Key::AllowedHosts)
                QVERIFY2(!ConfigSchema::valueAt(raw, field).isUndefined(), field.path.data());
        }
        QVERIFY2(!written.contains(plantedKey), written.constData());
        QVERIFY(!written.contains("7f3a9c51e2d04b68"));
        QCOMPARE(accepted, QList<bool>(6, false));
        QVERIFY(keptProviders);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
