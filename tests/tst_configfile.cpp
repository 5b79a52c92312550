#include "config/configfile.h"
#include "config/providerpresets.h"
#include "testdata.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {
const auto json = TestData::doubleQuoted;

// A JSON value written with single quotes, for patches.
QJsonValue value(const char *singleQuoted)
{
    return QJsonDocument::fromJson("[" + json(singleQuoted) + "]").array().at(0);
}

// Environment variables set by the tests; names no real setup would use.
constexpr const char providerKeyEnv[] = "CCBRIDGE_TST_CONFIGFILE_PROVIDER_KEY";
constexpr const char clientTokenEnv[] = "CCBRIDGE_TST_CONFIGFILE_CLIENT_TOKEN";
constexpr const char unsetEnv[] = "CCBRIDGE_TST_CONFIGFILE_NEVER_SET";

QByteArray fullConfig()
{
    return json("{"
        "'listen': '127.0.0.1:9000',"
        "'clientTokenEnv': 'CCBRIDGE_TST_CONFIGFILE_CLIENT_TOKEN',"
        "'limits': {'maxHeaderBytes': 1024, 'maxBodyBytes': 65536, 'headerTimeoutMs': 3000, 'idleTimeoutMs': 4000},"
        "'timeouts': {'connectMs': 5000, 'readMs': 6000, 'pingIntervalMs': 7000},"
        "'providers': ["
            "{"
                "'name': 'deepseek',"
                "'baseUrl': 'https://api.deepseek.com/v1',"
                "'format': 'openai-chat',"
                "'apiKeyEnv': 'CCBRIDGE_TST_CONFIGFILE_PROVIDER_KEY',"
                "'maxOutputTokens': 4096,"
                "'headers': {'X-Title': 'CC Bridge', 'HTTP-Referer': 'https://example.org'}"
            "},"
            "{'name': 'ollama', 'baseUrl': 'http://127.0.0.1:11434/v1', 'maxOutputTokens': 0}"
        "],"
        "'routes': ["
            "{'match': '*haiku*', 'provider': 'ollama', 'model': 'qwen2.5-coder:7b', 'maxOutputTokens': 2048},"
            "{'provider': 'deepseek', 'model': 'deepseek-chat'}"
        "]"
    "}");
}

// The smallest file that starts a proxy: everything else takes its default.
QByteArray minimalConfig()
{
    return json("{"
        "'providers': [{'name': 'local', 'baseUrl': 'http://127.0.0.1:11434/v1'}],"
        "'routes': [{'provider': 'local', 'model': 'llama3'}]"
    "}");
}

// A valid config with `patch` merged into the object at `path` ("" = root, "limits",
// "providers/0", "routes/0"), so each case states only what it breaks.
QByteArray patched(const QString &path, const QJsonObject &patch)
{
    QJsonObject root = QJsonDocument::fromJson(minimalConfig()).object();
    const auto merge = [&patch](QJsonObject target) {
        for (auto it = patch.begin(); it != patch.end(); ++it)
            target.insert(it.key(), it.value());
        return target;
    };
    if (path.isEmpty()) {
        root = merge(root);
    } else if (path.contains(QLatin1Char('/'))) {
        const QString list = path.section(QLatin1Char('/'), 0, 0);
        const int index = path.section(QLatin1Char('/'), 1, 1).toInt();
        QJsonArray array = root.value(list).toArray();
        array[index] = merge(array.at(index).toObject());
        root.insert(list, array);
    } else {
        root.insert(path, merge(root.value(path).toObject()));
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray typoInSecondEntries()
{
    return json("{"
        "'providers': [{'name': 'a', 'baseUrl': 'http://127.0.0.1:1/v1'},"
                      "{'name': 'b', 'baseUrl': 'http://127.0.0.1:2/v1', 'key': 'x'}],"
        "'routes': [{'provider': 'a', 'model': 'm'}, {'provider': 'b', 'model': 'n', 'mathc': '*x*'}]"
    "}");
}

// One error each: listen, limits.maxBodyBytes, providers[0].name, providers[0].extra,
// routes[0].maxOutputTokens.
QByteArray fiveMistakes()
{
    return json("{"
        "'listen': 'nowhere',"
        "'limits': {'maxBodyBytes': -1},"
        "'providers': [{'name': 7, 'baseUrl': 'http://127.0.0.1:1/v1', 'extra': true}],"
        "'routes': [{'provider': 'a', 'model': 'm', 'maxOutputTokens': 'many'}]"
    "}");
}

QByteArray headersAsList()
{
    return json("{'providers': [{'name': 'p', 'baseUrl': 'http://127.0.0.1:1/v1', 'headers': ['X-A: b']}]}");
}

QByteArray headerValueNumber()
{
    return json("{'providers': [{'name': 'p', 'baseUrl': 'http://127.0.0.1:1/v1', 'headers': {'X-Retries': 3}}]}");
}

QByteArray jsonWithComment()
{
    return QByteArrayLiteral("{\n  // JSON has no comments\n}");
}

QString docsExamplePath()
{
    return TestData::path(QStringLiteral("../../docs/config.example.json"));
}

// A provider from a preset and nothing else.
QByteArray presetOnly(const char *preset)
{
    return json("{'providers': [{'preset': '%1'}], 'routes': [{'provider': '%1', 'model': 'm'}]}")
        .replace("%1", QByteArray(preset));
}

// Every key a preset fills, given again: the file's values win.
QByteArray presetOverridden()
{
    return json("{"
        "'providers': [{"
            "'preset': 'openrouter',"
            "'name': 'or',"
            "'baseUrl': 'https://gateway.example.org/openrouter/v1',"
            "'format': 'openai-responses',"
            "'apiKeyEnv': 'CCBRIDGE_TST_CONFIGFILE_PROVIDER_KEY',"
            "'maxOutputTokens': 1000,"
            "'headers': {'X-Title': 'My Tool', 'X-Extra': 'yes'},"
            "'rules': {'webSearch': 'drop', 'maxToolNameLength': 40}"
        "}],"
        "'routes': [{'provider': 'or', 'model': 'qwen/qwen3-coder'}]"
    "}");
}

// The new keys of providers, routes and the top level, all given.
QByteArray scenariosAndLimits()
{
    return json("{"
        "'timeouts': {'requestMs': 120000, 'shutdownGraceMs': 1500},"
        "'retry': {'maxAttempts': 5, 'baseDelayMs': 250, 'maxDelayMs': 4000, 'maxTotalWaitMs': 9000},"
        "'longContextTokens': 100000,"
        "'providers': ["
            "{'name': 'a', 'baseUrl': 'http://127.0.0.1:1/v1', 'maxConcurrent': 4, 'maxQueued': 10,"
            " 'rules': {'thinkingSwitch': 'reasoning_effort', 'schemaKeywords': ['format'], 'textToolCalls': true}},"
            "{'name': 'b', 'baseUrl': 'http://127.0.0.1:2/v1'}"
        "],"
        "'routes': ["
            "{'match': '*', 'when': 'thinking', 'provider': 'a', 'model': 'a-thinker',"
            " 'fallbacks': [{'provider': 'b', 'model': 'b-thinker'}, {'provider': 'a', 'model': 'a-chat'}]},"
            "{'when': 'longContext', 'provider': 'b', 'model': 'b-long'},"
            "{'provider': 'a', 'model': 'a-chat'}"
        "]"
    "}");
}

QByteArray withProfiles()
{
    return json("{"
        "'providers': [{'name': 'a', 'baseUrl': 'http://127.0.0.1:1/v1'}, {'name': 'b', 'baseUrl': 'http://127.0.0.1:2/v1'}],"
        "'routes': [{'provider': 'a', 'model': 'a-chat'}],"
        "'profiles': ["
            "{'name': 'team', 'clientTokenEnv': 'CCBRIDGE_TST_CONFIGFILE_CLIENT_TOKEN', 'passClientKey': true,"
            " 'routes': [{'match': '*haiku*', 'provider': 'b', 'model': 'b-small'},"
                        "{'when': 'images', 'provider': 'b', 'model': 'b-vision', 'fallbacks': [{'provider': 'a', 'model': 'a-vision'}]},"
                        "{'provider': 'a', 'model': 'a-big', 'maxOutputTokens': 3000}]},"
            "{'name': 'plain', 'routes': [{'provider': 'b', 'model': 'b-chat'}]}"
        "]"
    "}");
}

// `profile` merged into a valid profile entry (a name and one route).
QByteArray profilePatched(const QJsonObject &patch)
{
    QJsonObject root = QJsonDocument::fromJson(minimalConfig()).object();
    QJsonObject profile{{QStringLiteral("name"), QStringLiteral("p")},
                        {QStringLiteral("routes"), QJsonArray{QJsonObject{{QStringLiteral("provider"), QStringLiteral("local")},
                                                                          {QStringLiteral("model"), QStringLiteral("m")}}}}};
    for (auto it = patch.begin(); it != patch.end(); ++it)
        profile.insert(it.key(), it.value());
    root.insert(QStringLiteral("profiles"), QJsonArray{profile});
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray profileRouteWithNumberModel()
{
    return json("{'providers': [{'name': 'local', 'baseUrl': 'http://127.0.0.1:11434/v1'}],"
                " 'profiles': [{'name': 'p', 'routes': [{'provider': 'local', 'model': 'm'}, {'provider': 'local', 'model': 5}]}]}");
}

QByteArray lastHeader(const HttpHeaders &headers, const char *name)
{
    QByteArray value;
    for (const auto &[key, headerValue] : headers) {
        if (key.compare(QByteArray(name), Qt::CaseInsensitive) == 0)
            value = headerValue;
    }
    return value;
}

int headerCount(const HttpHeaders &headers, const char *name)
{
    return int(std::count_if(headers.begin(), headers.end(), [name](const HttpHeader &header) {
        return header.first.compare(QByteArray(name), Qt::CaseInsensitive) == 0;
    }));
}
}

class TestConfigFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qputenv(providerKeyEnv, "sk-test-provider-key-0123456789");
        qputenv(clientTokenEnv, "client-token-0123456789");
        qunsetenv(unsetEnv);
    }

    void cleanup()
    {
        qunsetenv(providerKeyEnv);
        qunsetenv(clientTokenEnv);
    }

    void fullConfigIsRead()
    {
        const ConfigFile::Result result = ConfigFile::parse(fullConfig());
        QCOMPARE(result.errors, QStringList());
        const ProxyConfig &config = result.config;

        QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.port, quint16(9000));
        QCOMPARE(config.clientTokenEnv, QString::fromLatin1(clientTokenEnv));
        QCOMPARE(config.clientToken, QStringLiteral("client-token-0123456789"));
        QCOMPARE(config.http.maxHeaderBytes, qsizetype(1024));
        QCOMPARE(config.http.maxBodyBytes, qsizetype(65536));
        QCOMPARE(config.http.headerTimeoutMs, 3000);
        QCOMPARE(config.http.idleTimeoutMs, 4000);
        QCOMPARE(config.connectTimeoutMs, 5000);
        QCOMPARE(config.readTimeoutMs, 6000);
        QCOMPARE(config.pingIntervalMs, 7000);

        QCOMPARE(config.providers.size(), 2);
        const ProviderConfig &deepseek = config.providers.at(0);
        QCOMPARE(deepseek.name, QStringLiteral("deepseek"));
        QCOMPARE(deepseek.baseUrl, QUrl(QStringLiteral("https://api.deepseek.com/v1")));
        QCOMPARE(deepseek.format, UpstreamApi::OpenAiChat);
        QCOMPARE(deepseek.apiKeyEnv, QString::fromLatin1(providerKeyEnv));
        QCOMPARE(deepseek.apiKey, QStringLiteral("sk-test-provider-key-0123456789"));
        QCOMPARE(deepseek.maxOutputTokens, 4096);
        // JSON objects have no order; both headers must arrive, byte for byte.
        HttpHeaders headers = deepseek.headers;
        std::sort(headers.begin(), headers.end());
        const HttpHeaders expectedHeaders{{QByteArrayLiteral("HTTP-Referer"), QByteArrayLiteral("https://example.org")},
                                          {QByteArrayLiteral("X-Title"), QByteArrayLiteral("CC Bridge")}};
        QCOMPARE(headers, expectedHeaders);

        const ProviderConfig &ollama = config.providers.at(1);
        QCOMPARE(ollama.name, QStringLiteral("ollama"));
        QCOMPARE(ollama.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
        QCOMPARE(ollama.maxOutputTokens, 0); // an explicit 0 (no cap) is not the default 8192
        QVERIFY(ollama.apiKeyEnv.isEmpty());
        QVERIFY(ollama.apiKey.isEmpty());
        QVERIFY(ollama.headers.isEmpty());

        QCOMPARE(config.routes.size(), 2);
        QCOMPARE(config.routes.at(0).match, QStringLiteral("*haiku*"));
        QCOMPARE(config.routes.at(0).provider, QStringLiteral("ollama"));
        QCOMPARE(config.routes.at(0).model, QStringLiteral("qwen2.5-coder:7b"));
        QCOMPARE(config.routes.at(0).maxOutputTokens, 2048);
        QCOMPARE(config.routes.at(1).match, QStringLiteral("*"));
        QCOMPARE(config.routes.at(1).provider, QStringLiteral("deepseek"));
        QCOMPARE(config.routes.at(1).model, QStringLiteral("deepseek-chat"));
        QCOMPARE(config.routes.at(1).maxOutputTokens, 0);

        QCOMPARE(config.problems(), QStringList());
        QCOMPARE(config.secrets(),
                 QStringList({QStringLiteral("client-token-0123456789"), QStringLiteral("sk-test-provider-key-0123456789")}));
    }

    void defaults()
    {
        const ConfigFile::Result result = ConfigFile::parse(minimalConfig());
        QCOMPARE(result.errors, QStringList());
        const ProxyConfig &config = result.config;
        QCOMPARE(config.port, quint16(8765));
        QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(config.listenAddress.isLoopback());
        QVERIFY(config.clientTokenEnv.isEmpty());
        QVERIFY(config.clientToken.isEmpty());
        QCOMPARE(config.http.maxHeaderBytes, HttpLimits().maxHeaderBytes);
        QCOMPARE(config.http.maxBodyBytes, HttpLimits().maxBodyBytes);
        QCOMPARE(config.http.headerTimeoutMs, HttpLimits().headerTimeoutMs);
        QCOMPARE(config.http.idleTimeoutMs, HttpLimits().idleTimeoutMs);
        // The documented defaults (docs/configuration.md).
        QCOMPARE(config.connectTimeoutMs, 30'000);
        QCOMPARE(config.readTimeoutMs, 300'000);
        QCOMPARE(config.pingIntervalMs, 10'000);

        QCOMPARE(config.providers.size(), 1);
        QCOMPARE(config.providers.at(0).format, UpstreamApi::OpenAiChat);
        QCOMPARE(config.providers.at(0).maxOutputTokens, 8192);
        QVERIFY(config.providers.at(0).apiKeyEnv.isEmpty());
        QVERIFY(config.providers.at(0).apiKey.isEmpty());
        QCOMPARE(config.routes.size(), 1);
        QCOMPARE(config.routes.at(0).match, QStringLiteral("*"));
        QCOMPARE(config.routes.at(0).maxOutputTokens, 0);
        QCOMPARE(config.problems(), QStringList());
    }

    void emptyMatchMeansEverything()
    {
        const ConfigFile::Result result =
            ConfigFile::parse(patched(QStringLiteral("routes/0"), {{QStringLiteral("match"), QString()}}));
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.config.routes.at(0).match, QStringLiteral("*"));
    }

    void emptyObjectReadsButCannotRun()
    {
        const ConfigFile::Result result = ConfigFile::parse(QByteArrayLiteral("{}"));
        QCOMPARE(result.errors, QStringList());
        QVERIFY(result.config.providers.isEmpty());
        QVERIFY(result.config.problems().contains(QStringLiteral("No provider is configured.")));
        QVERIFY(result.config.problems().contains(QStringLiteral("No model route is configured.")));
    }

    void listen_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QHostAddress>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1:9000") << QHostAddress(QHostAddress::LocalHost) << 9000;
        QTest::newRow("IPv6 loopback") << QStringLiteral("[::1]:8765") << QHostAddress(QHostAddress::LocalHostIPv6) << 8765;
        QTest::newRow("all IPv4") << QStringLiteral("0.0.0.0:80") << QHostAddress(QHostAddress::AnyIPv4) << 80;
        QTest::newRow("any free port") << QStringLiteral("127.0.0.1:0") << QHostAddress(QHostAddress::LocalHost) << 0;
    }

    void listen()
    {
        QFETCH(QString, listen);
        QFETCH(QHostAddress, address);
        QFETCH(int, port);
        const ConfigFile::Result result = ConfigFile::parse(patched(QString(), {{QStringLiteral("listen"), listen}}));
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.config.listenAddress, address);
        QCOMPARE(int(result.config.port), port);
    }

    void webSearch_data()
    {
        QTest::addColumn<QJsonObject>("webSearch");
        QTest::addColumn<QStringList>("problems");
        QTest::newRow("searxng") << TestData::singleQuotedObject("{'backend':'searxng','url':'http://127.0.0.1:8888','maxResults':8}")
                                 << QStringList();
        QTest::newRow("brave with its key") << TestData::singleQuotedObject("{'backend':'brave','apiKeyEnv':'PROVIDER_KEY'}")
                                            << QStringList();
        QTest::newRow("tavily, key in the keychain") << TestData::singleQuotedObject("{'backend':'tavily','keyInKeychain':true}")
                                                     << QStringList();
        QTest::newRow("searxng without its address")
            << TestData::singleQuotedObject("{'backend':'searxng'}")
            << QStringList(QStringLiteral("Web search on SearXNG needs the address of a SearXNG instance (webSearch.url)."));
        QTest::newRow("brave without a key") << TestData::singleQuotedObject("{'backend':'brave'}")
                                             << QStringList(QStringLiteral("Web search on brave needs its API key (webSearch.apiKeyEnv)."));
        QTest::newRow("not a url") << TestData::singleQuotedObject("{'backend':'searxng','url':'ftp://search'}")
                                   << QStringList(QStringLiteral("Web search: \"ftp://search\" is not an http(s) URL."));
    }

    void webSearch()
    {
        QFETCH(QJsonObject, webSearch);
        QFETCH(QStringList, problems);
        qputenv("PROVIDER_KEY", "BSA-test-key");
        const ConfigFile::Result result = ConfigFile::parse(patched(QString(), {{QStringLiteral("webSearch"), webSearch}}));
        qunsetenv("PROVIDER_KEY");
        QCOMPARE(result.errors, QStringList());
        const WebSearchConfig &read = result.config.webSearch;
        QCOMPARE(SearchBackendName::of(read.backend.kind), webSearch.value(QLatin1StringView("backend")).toString());
        QCOMPARE(read.backend.url.toString(), webSearch.value(QLatin1StringView("url")).toString());
        QCOMPARE(read.backend.maxResults, webSearch.value(QLatin1StringView("maxResults")).toInt(5));
        QCOMPARE(read.keyInKeychain, webSearch.value(QLatin1StringView("keyInKeychain")).toBool());
        QCOMPARE(read.backend.apiKey.isEmpty(), !webSearch.contains(QLatin1StringView("apiKeyEnv")));
        QCOMPARE(result.config.problems(), problems);
    }

    void unknownWebSearchBackend()
    {
        const ConfigFile::Result result = ConfigFile::parse(
            patched(QString(), {{QStringLiteral("webSearch"), TestData::singleQuotedObject("{'backend':'google'}")}}));
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.constFirst().contains(QLatin1StringView("webSearch.backend")), qPrintable(result.errors.constFirst()));
        QCOMPARE(result.config.webSearch.backend.kind, SearchBackendKind::None);
    }

    void badListen_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::newRow("host name") << QStringLiteral("localhost:8765");
        QTest::newRow("no port") << QStringLiteral("127.0.0.1");
        QTest::newRow("empty port") << QStringLiteral("127.0.0.1:");
        QTest::newRow("port too big") << QStringLiteral("127.0.0.1:65536");
        QTest::newRow("unbracketed IPv6") << QStringLiteral("::1:8765");
        QTest::newRow("with a path") << QStringLiteral("127.0.0.1:8765/v1");
        QTest::newRow("with a scheme") << QStringLiteral("http://127.0.0.1:8765");
        QTest::newRow("words") << QStringLiteral("anywhere please");
    }

    void badListen()
    {
        QFETCH(QString, listen);
        const ConfigFile::Result result = ConfigFile::parse(patched(QString(), {{QStringLiteral("listen"), listen}}));
        QCOMPARE(result.errors,
                 QStringList(QStringLiteral("listen must look like 127.0.0.1:8765.")));
        QCOMPARE(result.config.port, quint16(8765));
        QCOMPARE(result.config.listenAddress, QHostAddress(QHostAddress::LocalHost));
    }

    void invalidJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("missing value") << QByteArrayLiteral("{\"listen\": }");
        QTest::newRow("trailing comma") << QByteArrayLiteral("{\"providers\": [],}");
        QTest::newRow("unterminated") << QByteArrayLiteral("{\"providers\": [");
        QTest::newRow("comment") << jsonWithComment();
        QTest::newRow("empty file") << QByteArray();
    }

    void invalidJson()
    {
        QFETCH(QByteArray, json);
        QJsonParseError expected;
        QJsonDocument::fromJson(json, &expected);
        QVERIFY(expected.error != QJsonParseError::NoError);

        const ConfigFile::Result result = ConfigFile::parse(json);
        QCOMPARE(result.errors.size(), 1);
        const QString message = result.errors.constFirst();
        QVERIFY2(message.startsWith(QLatin1StringView("The configuration is not valid JSON: ")), qPrintable(message));
        QVERIFY2(message.contains(expected.errorString()), qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral(" at offset %1.").arg(expected.offset)), qPrintable(message));
        QVERIFY(result.config.providers.isEmpty());
    }

    void nonObjectRoot_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty list") << QByteArrayLiteral("[]");
        QTest::newRow("list of the config") << QByteArray(QByteArrayLiteral("[") + minimalConfig() + QByteArrayLiteral("]"));
    }

    void nonObjectRoot()
    {
        QFETCH(QByteArray, json);
        const ConfigFile::Result result = ConfigFile::parse(json);
        QCOMPARE(result.errors, QStringList(QStringLiteral("The configuration must be a JSON object.")));
        QVERIFY(result.config.providers.isEmpty());
        QVERIFY(result.config.routes.isEmpty());
    }

    void scalarRootIsOneError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("number") << QByteArrayLiteral("42");
        QTest::newRow("string") << QByteArrayLiteral("\"config\"");
        QTest::newRow("null") << QByteArrayLiteral("null");
    }

    // Whether the JSON parser or the object check rejects a scalar, there is one message.
    void scalarRootIsOneError()
    {
        QFETCH(QByteArray, json);
        const ConfigFile::Result result = ConfigFile::parse(json);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.config.providers.isEmpty());
    }

    void unknownKeys_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("root") << QString() << QStringLiteral("provider")
                              << QStringLiteral("config: unknown key \"provider\".");
        QTest::newRow("limits") << QStringLiteral("limits") << QStringLiteral("maxBody")
                                << QStringLiteral("limits: unknown key \"maxBody\".");
        QTest::newRow("timeouts") << QStringLiteral("timeouts") << QStringLiteral("read")
                                  << QStringLiteral("timeouts: unknown key \"read\".");
        QTest::newRow("provider") << QStringLiteral("providers/0") << QStringLiteral("apiKey")
                                  << QStringLiteral("providers[0]: unknown key \"apiKey\".");
        QTest::newRow("route") << QStringLiteral("routes/0") << QStringLiteral("modle")
                               << QStringLiteral("routes[0]: unknown key \"modle\".");
        // Keys are case-sensitive: a wrong case is a typo to report, not a synonym.
        QTest::newRow("wrong case") << QStringLiteral("providers/0") << QStringLiteral("baseURL")
                                    << QStringLiteral("providers[0]: unknown key \"baseURL\".");
    }

    void unknownKeys()
    {
        QFETCH(QString, path);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const ConfigFile::Result result = ConfigFile::parse(patched(path, {{key, 1}}));
        QCOMPARE(result.errors, QStringList(expected));
    }

    void unknownKeyInSecondEntryNamesItsIndex()
    {
        const ConfigFile::Result result = ConfigFile::parse(typoInSecondEntries());
        QCOMPARE(result.errors, QStringList({QStringLiteral("providers[1]: unknown key \"key\"."),
                                             QStringLiteral("routes[1]: unknown key \"mathc\".")}));
    }

    void everyMistakeIsReportedAtOnce()
    {
        const ConfigFile::Result result = ConfigFile::parse(fiveMistakes());
        QCOMPARE(result.errors.size(), 5);
    }

    void wrongTypes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        const QString notString = QStringLiteral("%1.%2 must be a string.");
        const QString notCount = QStringLiteral("%1.%2 must be a whole number.");
        QTest::newRow("listen number") << QString() << QStringLiteral("listen") << QJsonValue(8765)
                                       << QStringLiteral("listen must look like 127.0.0.1:8765.");
        QTest::newRow("clientTokenEnv bool") << QString() << QStringLiteral("clientTokenEnv") << QJsonValue(true)
                                             << QStringLiteral("clientTokenEnv must be a string.");
        QTest::newRow("provider name number") << QStringLiteral("providers/0") << QStringLiteral("name") << QJsonValue(3)
                                              << notString.arg(QStringLiteral("providers[0]"), QStringLiteral("name"));
        QTest::newRow("baseUrl object") << QStringLiteral("providers/0") << QStringLiteral("baseUrl")
                                        << QJsonValue(QJsonObject()) << notString.arg(QStringLiteral("providers[0]"), QStringLiteral("baseUrl"));
        QTest::newRow("format list") << QStringLiteral("providers/0") << QStringLiteral("format")
                                     << QJsonValue(QJsonArray{QStringLiteral("openai-chat")})
                                     << notString.arg(QStringLiteral("providers[0]"), QStringLiteral("format"));
        QTest::newRow("format unknown") << QStringLiteral("providers/0") << QStringLiteral("format")
                                        << QJsonValue(QStringLiteral("openai-completions"))
                                        << QStringLiteral("providers[0].format is not valid there.");
        QTest::newRow("format empty") << QStringLiteral("providers/0") << QStringLiteral("format") << QJsonValue(QString())
                                      << QStringLiteral("providers[0].format: \"\" is not an API format CC Bridge knows "
                                                        "(known: openai-chat, openai-responses, anthropic).");
        QTest::newRow("apiKeyEnv null") << QStringLiteral("providers/0") << QStringLiteral("apiKeyEnv")
                                        << QJsonValue(QJsonValue::Null)
                                        << notString.arg(QStringLiteral("providers[0]"), QStringLiteral("apiKeyEnv"));
        QTest::newRow("maxOutputTokens string") << QStringLiteral("providers/0") << QStringLiteral("maxOutputTokens")
                                                << QJsonValue(QStringLiteral("4096"))
                                                << notCount.arg(QStringLiteral("providers[0]"), QStringLiteral("maxOutputTokens"));
        QTest::newRow("maxOutputTokens fraction") << QStringLiteral("providers/0") << QStringLiteral("maxOutputTokens")
                                                  << QJsonValue(1.5)
                                                  << notCount.arg(QStringLiteral("providers[0]"), QStringLiteral("maxOutputTokens"));
        QTest::newRow("route model number") << QStringLiteral("routes/0") << QStringLiteral("model") << QJsonValue(4)
                                            << notString.arg(QStringLiteral("routes[0]"), QStringLiteral("model"));
        QTest::newRow("route match list") << QStringLiteral("routes/0") << QStringLiteral("match")
                                          << QJsonValue(QJsonArray{QStringLiteral("*")})
                                          << notString.arg(QStringLiteral("routes[0]"), QStringLiteral("match"));
        QTest::newRow("route maxOutputTokens null") << QStringLiteral("routes/0") << QStringLiteral("maxOutputTokens")
                                                    << QJsonValue(QJsonValue::Null)
                                                    << notCount.arg(QStringLiteral("routes[0]"), QStringLiteral("maxOutputTokens"));
        QTest::newRow("maxBodyBytes string") << QStringLiteral("limits") << QStringLiteral("maxBodyBytes")
                                             << QJsonValue(QStringLiteral("32M"))
                                             << notCount.arg(QStringLiteral("limits"), QStringLiteral("maxBodyBytes"));
        QTest::newRow("readMs bool") << QStringLiteral("timeouts") << QStringLiteral("readMs") << QJsonValue(false)
                                     << notCount.arg(QStringLiteral("timeouts"), QStringLiteral("readMs"));
        QTest::newRow("providers object") << QString() << QStringLiteral("providers") << QJsonValue(QJsonObject())
                                          << QStringLiteral("providers must be a list.");
        QTest::newRow("routes string") << QString() << QStringLiteral("routes") << QJsonValue(QStringLiteral("*"))
                                       << QStringLiteral("routes must be a list.");
    }

    void wrongTypes()
    {
        QFETCH(QString, path);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const ConfigFile::Result result = ConfigFile::parse(patched(path, {{key, value}}));
        QCOMPARE(result.errors, QStringList(expected));
    }

    // Containers of the wrong type must not be skipped in silence: the user would run with
    // defaults they did not ask for. The wording is free; the path must be named.
    void wrongContainerTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("named");
        QTest::newRow("limits number") << json("{'limits': 5}") << QStringLiteral("limits");
        QTest::newRow("timeouts list") << json("{'timeouts': [30000]}") << QStringLiteral("timeouts");
        QTest::newRow("provider entry string")
            << json("{'providers': ['deepseek']}") << QStringLiteral("providers[0]");
        QTest::newRow("route entry string") << json("{'routes': ['*']}") << QStringLiteral("routes[0]");
        QTest::newRow("headers list") << headersAsList() << QStringLiteral("providers[0].headers");
        QTest::newRow("header value number") << headerValueNumber() << QStringLiteral("providers[0].headers");
    }

    void wrongContainerTypes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, named);
        const ConfigFile::Result result = ConfigFile::parse(json);
        QVERIFY2(!result.errors.isEmpty(), "a wrongly typed value was ignored without an error");
        QVERIFY2(result.errors.join(QLatin1Char('\n')).contains(named), qPrintable(result.errors.join(QLatin1Char('\n'))));
    }

    void negativeNumbers_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("where");
        QTest::newRow("provider maxOutputTokens") << QStringLiteral("providers/0") << QStringLiteral("maxOutputTokens")
                                                  << QStringLiteral("providers[0]");
        QTest::newRow("route maxOutputTokens") << QStringLiteral("routes/0") << QStringLiteral("maxOutputTokens")
                                               << QStringLiteral("routes[0]");
        QTest::newRow("maxBodyBytes") << QStringLiteral("limits") << QStringLiteral("maxBodyBytes") << QStringLiteral("limits");
        QTest::newRow("maxHeaderBytes") << QStringLiteral("limits") << QStringLiteral("maxHeaderBytes") << QStringLiteral("limits");
        QTest::newRow("headerTimeoutMs") << QStringLiteral("limits") << QStringLiteral("headerTimeoutMs") << QStringLiteral("limits");
        QTest::newRow("idleTimeoutMs") << QStringLiteral("limits") << QStringLiteral("idleTimeoutMs") << QStringLiteral("limits");
        QTest::newRow("connectMs") << QStringLiteral("timeouts") << QStringLiteral("connectMs") << QStringLiteral("timeouts");
        QTest::newRow("readMs") << QStringLiteral("timeouts") << QStringLiteral("readMs") << QStringLiteral("timeouts");
        QTest::newRow("pingIntervalMs") << QStringLiteral("timeouts") << QStringLiteral("pingIntervalMs") << QStringLiteral("timeouts");
    }

    void negativeNumbers()
    {
        QFETCH(QString, path);
        QFETCH(QString, key);
        QFETCH(QString, where);
        const ConfigFile::Result result = ConfigFile::parse(patched(path, {{key, -1}}));
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.constFirst().startsWith(QStringLiteral("%1.%2 must be between ").arg(where, key)),
                 qPrintable(result.errors.constFirst()));
        // The bad value is not taken.
        const ProxyConfig defaults = ConfigFile::parse(minimalConfig()).config;
        QCOMPARE(result.config.providers.at(0).maxOutputTokens, defaults.providers.at(0).maxOutputTokens);
        QCOMPARE(result.config.routes.at(0).maxOutputTokens, defaults.routes.at(0).maxOutputTokens);
        QCOMPARE(result.config.http.maxBodyBytes, defaults.http.maxBodyBytes);
        QCOMPARE(result.config.http.maxHeaderBytes, defaults.http.maxHeaderBytes);
        QCOMPARE(result.config.http.headerTimeoutMs, defaults.http.headerTimeoutMs);
        QCOMPARE(result.config.http.idleTimeoutMs, defaults.http.idleTimeoutMs);
        QCOMPARE(result.config.connectTimeoutMs, defaults.connectTimeoutMs);
        QCOMPARE(result.config.readTimeoutMs, defaults.readTimeoutMs);
        QCOMPARE(result.config.pingIntervalMs, defaults.pingIntervalMs);
    }

    // A number the field cannot hold must be an error, not a wrapped (or undefined) value.
    void numbersTooBigForTheField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        QTest::newRow("provider maxOutputTokens") << QStringLiteral("providers/0") << QStringLiteral("maxOutputTokens");
        QTest::newRow("readMs") << QStringLiteral("timeouts") << QStringLiteral("readMs");
    }

    void numbersTooBigForTheField()
    {
        QFETCH(QString, path);
        QFETCH(QString, key);
        const ConfigFile::Result result = ConfigFile::parse(patched(path, {{key, 3'000'000'000.0}}));
        QVERIFY2(!result.errors.isEmpty(), "3000000000 does not fit an int field but was accepted");
        QVERIFY(result.config.providers.at(0).maxOutputTokens >= 0);
        QVERIFY(result.config.readTimeoutMs >= 0);
    }

    void unsetKeyVariableLeavesKeyEmpty()
    {
        const ConfigFile::Result result = ConfigFile::parse(
            patched(QStringLiteral("providers/0"), {{QStringLiteral("apiKeyEnv"), QString::fromLatin1(unsetEnv)}}));
        QCOMPARE(result.errors, QStringList()); // reading succeeded; running is what fails
        QVERIFY(result.config.providers.at(0).apiKey.isEmpty());
        QCOMPARE(result.config.problems(),
                 QStringList(QStringLiteral("Provider local: the environment variable %1 that should hold its API key is not set.")
                                 .arg(QString::fromLatin1(unsetEnv))));
    }

    void loadReadsTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ccbridge.json"));
        QVERIFY(TestData::writeFile(path, fullConfig()));

        const ConfigFile::Result result = ConfigFile::load(path);
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.config.port, quint16(9000));
        QCOMPARE(result.config.providers.size(), 2);
        QCOMPARE(result.config.providers.at(0).apiKey, QStringLiteral("sk-test-provider-key-0123456789"));
        QCOMPARE(result.config.routes.size(), 2);
    }

    void loadOfMissingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("absent.json"));
        const ConfigFile::Result result = ConfigFile::load(path);
        QCOMPARE(result.errors.size(), 1);
        const QString message = result.errors.constFirst();
        QVERIFY2(message.startsWith(QStringLiteral("Cannot read the configuration file %1: ").arg(path)), qPrintable(message));
        QVERIFY(result.config.providers.isEmpty());
        QVERIFY(result.config.routes.isEmpty());
    }

    void loadOfInvalidFileReportsJsonError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QVERIFY(TestData::writeFile(path, QByteArrayLiteral("{\"providers\": [}")));
        const ConfigFile::Result result = ConfigFile::load(path);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.constFirst().startsWith(QLatin1StringView("The configuration is not valid JSON: ")));
    }

    void presetFillsProvider_data()
    {
        QTest::addColumn<QString>("id");
        for (const char *id : {"deepseek", "openrouter", "gemini", "chutes", "ollama", "anthropic", "openai"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    void presetFillsProvider()
    {
        QFETCH(QString, id);
        const ProviderPreset *preset = ProviderPresets::find(id);
        QVERIFY(preset);
        const ConfigFile::Result result = ConfigFile::parse(presetOnly(qPrintable(id)));
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.config.providers.size(), 1);
        const ProviderConfig &provider = result.config.providers.at(0);
        QCOMPARE(provider.preset, id);
        QCOMPARE(provider.name, id); // the preset's id names it unless "name" says otherwise
        QCOMPARE(provider.baseUrl, QUrl(preset->baseUrl));
        QCOMPARE(provider.format, preset->format);
        QCOMPARE(provider.apiKeyEnv, preset->apiKeyEnv);
        QCOMPARE(provider.apiKey, preset->apiKeyEnv.isEmpty() ? QString()
                                                              : qEnvironmentVariable(preset->apiKeyEnv.toLocal8Bit().constData()));
        QCOMPARE(provider.maxOutputTokens, preset->maxOutputTokens);
        QCOMPARE(provider.modelOutputCaps, preset->modelOutputCaps);
        QCOMPARE(provider.headers, preset->headers);
        QCOMPARE(provider.rules.reasoningHistory, preset->rules.reasoningHistory);
        QCOMPARE(provider.rules.thinkingSwitch, preset->rules.thinkingSwitch);
        QCOMPARE(provider.rules.webSearch, preset->rules.webSearch);
        QCOMPARE(provider.rules.unsupportedSchemaKeywords, preset->rules.unsupportedSchemaKeywords);
        QCOMPARE(provider.rules.textToolCalls, preset->rules.textToolCalls);
        QCOMPARE(provider.maxConcurrent, 0);
        QCOMPARE(provider.maxQueued, 100);
        QCOMPARE(result.config.provider(id), &provider);
    }

    void presetOfDeepSeek()
    {
        const ConfigFile::Result result = ConfigFile::parse(presetOnly("deepseek"));
        QCOMPARE(result.errors, QStringList());
        const ProviderConfig &provider = result.config.providers.at(0);
        QCOMPARE(provider.baseUrl, QUrl(QStringLiteral("https://api.deepseek.com/v1")));
        QCOMPARE(provider.apiKeyEnv, QStringLiteral("DEEPSEEK_API_KEY"));
        QCOMPARE(provider.outputCapFor(QStringLiteral("deepseek-reasoner")), 65536);
        QCOMPARE(provider.outputCapFor(QStringLiteral("deepseek-chat")), 8192);
        QCOMPARE(provider.rules.reasoningHistory, ProviderRules::ReasoningHistory::ReasoningContent);
    }

    void explicitKeysOverrideThePreset()
    {
        const ConfigFile::Result result = ConfigFile::parse(presetOverridden());
        QCOMPARE(result.errors, QStringList());
        const ProviderConfig &provider = result.config.providers.at(0);
        QCOMPARE(provider.preset, QStringLiteral("openrouter"));
        QCOMPARE(provider.name, QStringLiteral("or"));
        QCOMPARE(provider.baseUrl, QUrl(QStringLiteral("https://gateway.example.org/openrouter/v1")));
        QCOMPARE(provider.format, UpstreamApi::OpenAiResponses);
        QCOMPARE(provider.apiKeyEnv, QString::fromLatin1(providerKeyEnv));
        QCOMPARE(provider.apiKey, QStringLiteral("sk-test-provider-key-0123456789"));
        QCOMPARE(provider.maxOutputTokens, 1000);
        // Headers merge: the file's value is the one sent (the last of a name wins on the
        // wire), the preset's other headers stay.
        QCOMPARE(lastHeader(provider.headers, "X-Title"), QByteArrayLiteral("My Tool"));
        QCOMPARE(lastHeader(provider.headers, "HTTP-Referer"), QByteArrayLiteral("https://github.com/ccbridge/ccbridge"));
        QCOMPARE(lastHeader(provider.headers, "X-Extra"), QByteArrayLiteral("yes"));
        QCOMPARE(headerCount(provider.headers, "HTTP-Referer"), 1);
        // Rules merge key by key.
        QCOMPARE(provider.rules.webSearch, ProviderRules::WebSearch::Drop);
        QCOMPARE(provider.rules.thinkingSwitch, ProviderRules::ThinkingSwitch::OpenRouterReasoning);
        QCOMPARE(provider.rules.maxToolNameLength, 40);
        QCOMPARE(result.config.problems(), QStringList());
    }

    void explicitZeroOverridesThePresetCap()
    {
        const ConfigFile::Result result = ConfigFile::parse(
            json("{'providers': [{'preset': 'deepseek', 'maxOutputTokens': 0, 'apiKeyEnv': ''}],"
                 " 'routes': [{'provider': 'deepseek', 'model': 'deepseek-chat'}]}"));
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.config.providers.at(0).maxOutputTokens, 0);
        QVERIFY(result.config.providers.at(0).apiKeyEnv.isEmpty()); // an explicit "" is no key at all
        QVERIFY(result.config.providers.at(0).apiKey.isEmpty());
    }

    void unknownPreset()
    {
        const ConfigFile::Result result =
            ConfigFile::parse(patched(QStringLiteral("providers/0"), {{QStringLiteral("preset"), QStringLiteral("deepsek")}}));
        QCOMPARE(result.errors, QStringList(QStringLiteral("providers[0].preset: there is no preset \"deepsek\".")));
        // The rest of the entry is still read.
        QCOMPARE(result.config.providers.at(0).name, QStringLiteral("local"));
        QCOMPARE(result.config.providers.at(0).baseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
    }

    void newKeysAreRead()
    {
        const ConfigFile::Result result = ConfigFile::parse(scenariosAndLimits());
        QCOMPARE(result.errors, QStringList());
        const ProxyConfig &config = result.config;
        QCOMPARE(config.requestTimeoutMs, 120'000);
        QCOMPARE(config.shutdownGraceMs, 1500);
        QCOMPARE(config.retry.maxAttempts, 5);
        QCOMPARE(config.retry.baseDelayMs, 250);
        QCOMPARE(config.retry.maxDelayMs, 4000);
        QCOMPARE(config.retry.maxTotalWaitMs, 9000);
        QCOMPARE(config.longContextTokens, 100'000);

        const ProviderConfig &a = config.providers.at(0);
        QCOMPARE(a.maxConcurrent, 4);
        QCOMPARE(a.maxQueued, 10);
        QCOMPARE(a.rules.thinkingSwitch, ProviderRules::ThinkingSwitch::ReasoningEffort);
        QCOMPARE(a.rules.unsupportedSchemaKeywords, QStringList(QStringLiteral("format")));
        QVERIFY(a.rules.textToolCalls);
        QVERIFY(a.preset.isEmpty());
        const ProviderConfig &b = config.providers.at(1);
        QCOMPARE(b.maxConcurrent, 0);
        QCOMPARE(b.maxQueued, 100);
        QCOMPARE(b.rules.thinkingSwitch, ProviderRules().thinkingSwitch);

        QCOMPARE(config.routes.size(), 3);
        QCOMPARE(config.routes.at(0).when, QStringLiteral("thinking"));
        QCOMPARE(config.routes.at(0).fallbacks.size(), 2);
        QCOMPARE(config.routes.at(0).fallbacks.at(0).provider, QStringLiteral("b"));
        QCOMPARE(config.routes.at(0).fallbacks.at(0).model, QStringLiteral("b-thinker"));
        QCOMPARE(config.routes.at(0).fallbacks.at(1).provider, QStringLiteral("a"));
        QCOMPARE(config.routes.at(0).fallbacks.at(1).model, QStringLiteral("a-chat"));
        QCOMPARE(config.routes.at(1).when, QStringLiteral("longContext"));
        QCOMPARE(config.routes.at(1).match, QStringLiteral("*"));
        QVERIFY(config.routes.at(1).fallbacks.isEmpty());
        QVERIFY(config.routes.at(2).when.isEmpty());
        QCOMPARE(config.problems(), QStringList());
    }

    void newKeysDefaults()
    {
        const ConfigFile::Result result = ConfigFile::parse(minimalConfig());
        QCOMPARE(result.errors, QStringList());
        const ProxyConfig &config = result.config;
        QCOMPARE(config.requestTimeoutMs, 600'000);
        QCOMPARE(config.shutdownGraceMs, ProxyConfig().shutdownGraceMs);
        QCOMPARE(config.longContextTokens, 60'000);
        QCOMPARE(config.retry.maxAttempts, RetryLimits().maxAttempts);
        QCOMPARE(config.retry.baseDelayMs, RetryLimits().baseDelayMs);
        QCOMPARE(config.retry.maxDelayMs, RetryLimits().maxDelayMs);
        QCOMPARE(config.retry.maxTotalWaitMs, RetryLimits().maxTotalWaitMs);
        QVERIFY(config.profiles.isEmpty());
        QVERIFY(config.providers.at(0).preset.isEmpty());
        QCOMPARE(config.providers.at(0).maxConcurrent, 0);
        QCOMPARE(config.providers.at(0).maxQueued, 100);
        QVERIFY(config.routes.at(0).when.isEmpty());
        QVERIFY(config.routes.at(0).fallbacks.isEmpty());
    }

    void profilesAreRead()
    {
        const ConfigFile::Result result = ConfigFile::parse(withProfiles());
        QCOMPARE(result.errors, QStringList());
        const ProxyConfig &config = result.config;
        QCOMPARE(config.profiles.size(), 2);

        const Profile &team = config.profiles.at(0);
        QCOMPARE(team.name, QStringLiteral("team"));
        QCOMPARE(team.clientTokenEnv, QString::fromLatin1(clientTokenEnv));
        QCOMPARE(team.clientToken, QStringLiteral("client-token-0123456789"));
        QVERIFY(team.passClientKey);
        QCOMPARE(team.routes.size(), 3);
        QCOMPARE(team.routes.at(0).match, QStringLiteral("*haiku*"));
        QCOMPARE(team.routes.at(0).provider, QStringLiteral("b"));
        QCOMPARE(team.routes.at(0).model, QStringLiteral("b-small"));
        QCOMPARE(team.routes.at(1).match, QStringLiteral("*"));
        QCOMPARE(team.routes.at(1).when, QStringLiteral("images"));
        QCOMPARE(team.routes.at(1).fallbacks.size(), 1);
        QCOMPARE(team.routes.at(1).fallbacks.at(0).provider, QStringLiteral("a"));
        QCOMPARE(team.routes.at(1).fallbacks.at(0).model, QStringLiteral("a-vision"));
        QCOMPARE(team.routes.at(2).maxOutputTokens, 3000);

        const Profile &plain = config.profiles.at(1);
        QCOMPARE(plain.name, QStringLiteral("plain"));
        QVERIFY(plain.clientTokenEnv.isEmpty());
        QVERIFY(plain.clientToken.isEmpty());
        QVERIFY(!plain.passClientKey);
        QCOMPARE(plain.routes.size(), 1);

        // The default profile keeps its own routes.
        QCOMPARE(config.routes.size(), 1);
        QCOMPARE(config.routes.at(0).model, QStringLiteral("a-chat"));
        QCOMPARE(config.profile(QStringLiteral("team")), &team);
        QCOMPARE(config.profile(QStringLiteral("nobody")), nullptr);
        QVERIFY(config.secrets().contains(QStringLiteral("client-token-0123456789")));
        QCOMPARE(config.problems(), QStringList());
    }

    void profileTokenFromUnsetVariable()
    {
        const ConfigFile::Result result =
            ConfigFile::parse(profilePatched({{QStringLiteral("clientTokenEnv"), QString::fromLatin1(unsetEnv)}}));
        QCOMPARE(result.errors, QStringList());
        QVERIFY(result.config.profiles.at(0).clientToken.isEmpty());
        QCOMPARE(result.config.problems(),
                 QStringList(QStringLiteral("Profile p: the environment variable %1 that should hold its client token is not set.")
                                 .arg(QString::fromLatin1(unsetEnv))));
    }

    void newKeyErrors_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("expected");
        const QString notCount = QStringLiteral("%1 must be a whole number.");
        const QString notString = QStringLiteral("%1 must be a string.");
        const QString provider = QStringLiteral("providers/0");
        const QString route = QStringLiteral("routes/0");

        QTest::newRow("preset number") << patched(provider, {{QStringLiteral("preset"), 3}})
                                       << notString.arg(QStringLiteral("providers[0].preset"));
        QTest::newRow("rules list") << patched(provider, {{QStringLiteral("rules"), value("['textToolCalls']")}})
                                    << QStringLiteral("providers[0].rules must be an object.");
        QTest::newRow("rules bad value") << patched(provider, {{QStringLiteral("rules"), value("{'webSearch': 'google'}")}})
                                         << QStringLiteral("providers[0].rules.webSearch must be one of drop, openrouter_plugin, "
                                                           "glm_tool.");
        QTest::newRow("rules bad type") << patched(provider, {{QStringLiteral("rules"), value("{'textToolCalls': 'true'}")}})
                                        << QStringLiteral("providers[0].rules.textToolCalls must be true or false.");
        QTest::newRow("rules unknown key") << patched(provider, {{QStringLiteral("rules"), value("{'tools': true}")}})
                                           << QStringLiteral("providers[0].rules: unknown rule \"tools\".");
        QTest::newRow("maxConcurrent negative") << patched(provider, {{QStringLiteral("maxConcurrent"), -1}})
                                                << QStringLiteral("providers[0].maxConcurrent must be between 0 and 10000, not -1.");
        QTest::newRow("maxQueued string") << patched(provider, {{QStringLiteral("maxQueued"), QStringLiteral("10")}})
                                          << notCount.arg(QStringLiteral("providers[0].maxQueued"));

        QTest::newRow("when number") << patched(route, {{QStringLiteral("when"), 1}})
                                     << notString.arg(QStringLiteral("routes[0].when"));
        QTest::newRow("fallbacks object") << patched(route, {{QStringLiteral("fallbacks"), QJsonObject()}})
                                          << QStringLiteral("routes[0].fallbacks must be a list.");
        QTest::newRow("fallbacks string") << patched(route, {{QStringLiteral("fallbacks"), QStringLiteral("local")}})
                                          << QStringLiteral("routes[0].fallbacks must be a list.");
        QTest::newRow("fallback entry string") << patched(route, {{QStringLiteral("fallbacks"), value("['local']")}})
                                               << QStringLiteral("routes[0].fallbacks[0] must be an object.");
        QTest::newRow("fallback unknown key")
            << patched(route, {{QStringLiteral("fallbacks"), value("[{'provider': 'local', 'model': 'x', 'maxOutputTokens': 5}]")}})
            << QStringLiteral("routes[0].fallbacks[0]: unknown key \"maxOutputTokens\".");
        QTest::newRow("second fallback provider number")
            << patched(route, {{QStringLiteral("fallbacks"), value("[{'provider': 'local', 'model': 'x'}, {'provider': 3, 'model': 'y'}]")}})
            << notString.arg(QStringLiteral("routes[0].fallbacks[1].provider"));

        QTest::newRow("retry number") << patched(QString(), {{QStringLiteral("retry"), 3}})
                                      << QStringLiteral("retry must be an object.");
        QTest::newRow("retry unknown key") << patched(QString(), {{QStringLiteral("retry"), value("{'attempts': 3}")}})
                                           << QStringLiteral("retry: unknown key \"attempts\".");
        QTest::newRow("maxAttempts negative") << patched(QString(), {{QStringLiteral("retry"), value("{'maxAttempts': -1}")}})
                                              << QStringLiteral("retry.maxAttempts must be between 1 and 10, not -1.");
        QTest::newRow("baseDelayMs fraction") << patched(QString(), {{QStringLiteral("retry"), value("{'baseDelayMs': 2.5}")}})
                                              << notCount.arg(QStringLiteral("retry.baseDelayMs"));
        QTest::newRow("maxDelayMs string") << patched(QString(), {{QStringLiteral("retry"), value("{'maxDelayMs': 'long'}")}})
                                           << notCount.arg(QStringLiteral("retry.maxDelayMs"));
        QTest::newRow("maxTotalWaitMs too big")
            << patched(QString(), {{QStringLiteral("retry"), value("{'maxTotalWaitMs': 3000000000}")}})
            << QStringLiteral("retry.maxTotalWaitMs must be between 0 and 3600000 ms, not 3000000000.");
        // Beyond any integer type: reported, never converted (that would be undefined behaviour;
        // fuzz_configfile found it).
        QTest::newRow("maxTotalWaitMs beyond qint64")
            << patched(QString(), {{QStringLiteral("retry"), value("{'maxTotalWaitMs': 1e300}")}})
            << QStringLiteral("retry.maxTotalWaitMs must be between 0 and 3600000 ms, not 1e+300.");
        QTest::newRow("maxAttempts below qint64")
            << patched(QString(), {{QStringLiteral("retry"), value("{'maxAttempts': -1e19}")}})
            << QStringLiteral("retry.maxAttempts must be between 1 and 10, not -1e+19.");
        QTest::newRow("longContextTokens string") << patched(QString(), {{QStringLiteral("longContextTokens"), QStringLiteral("60k")}})
                                                  << notCount.arg(QStringLiteral("longContextTokens"));
        QTest::newRow("longContextTokens negative") << patched(QString(), {{QStringLiteral("longContextTokens"), -1}})
                                                    << QStringLiteral("longContextTokens must be between 1000 and 10000000 tokens, not -1.");
        QTest::newRow("requestMs negative") << patched(QString(), {{QStringLiteral("timeouts"), value("{'requestMs': -5}")}})
                                            << QStringLiteral("timeouts.requestMs must be between 1000 and 86400000 ms, not -5.");

        const QString notHostNames = QStringLiteral("allowedHosts must be a list of host names without scheme or port, "
                                                    "such as \"ccbridge.internal\", or \"*\".");
        QTest::newRow("allowedHosts string") << patched(QString(), {{QStringLiteral("allowedHosts"), QStringLiteral("x")}})
                                             << QStringLiteral("allowedHosts must be a list.");
        QTest::newRow("allowedHosts with port") << patched(QString(), {{QStringLiteral("allowedHosts"), value("['box:8765']")}})
                                                << notHostNames;
        QTest::newRow("allowedHosts URL") << patched(QString(), {{QStringLiteral("allowedHosts"), value("['http://box']")}})
                                          << notHostNames;
        QTest::newRow("allowedHosts number") << patched(QString(), {{QStringLiteral("allowedHosts"), value("[3]")}})
                                             << notHostNames;

        QTest::newRow("profiles object") << patched(QString(), {{QStringLiteral("profiles"), QJsonObject()}})
                                         << QStringLiteral("profiles must be a list.");
        QTest::newRow("profile entry string") << patched(QString(), {{QStringLiteral("profiles"), value("['team']")}})
                                              << QStringLiteral("profiles[0] must be an object.");
        QTest::newRow("profile unknown key") << profilePatched({{QStringLiteral("token"), QStringLiteral("x")}})
                                             << QStringLiteral("profiles[0]: unknown key \"token\".");
        QTest::newRow("profile name number") << profilePatched({{QStringLiteral("name"), 3}})
                                             << notString.arg(QStringLiteral("profiles[0].name"));
        QTest::newRow("profile routes object") << profilePatched({{QStringLiteral("routes"), QJsonObject()}})
                                               << QStringLiteral("profiles[0].routes must be a list.");
        QTest::newRow("profile route entry string") << profilePatched({{QStringLiteral("routes"), value("['*']")}})
                                                    << QStringLiteral("profiles[0].routes[0] must be an object.");
        QTest::newRow("profile route unknown key")
            << profilePatched({{QStringLiteral("routes"), value("[{'provider': 'local', 'model': 'm', 'modle': 'x'}]")}})
            << QStringLiteral("profiles[0].routes[0]: unknown key \"modle\".");
        QTest::newRow("profile second route model number") << profileRouteWithNumberModel()
                                                           << notString.arg(QStringLiteral("profiles[0].routes[1].model"));
        QTest::newRow("profile route fallback model number")
            << profilePatched({{QStringLiteral("routes"),
                                value("[{'provider': 'local', 'model': 'm', 'fallbacks': [{'provider': 'local', 'model': 7}]}]")}})
            << notString.arg(QStringLiteral("profiles[0].routes[0].fallbacks[0].model"));
        QTest::newRow("profile route maxOutputTokens negative")
            << profilePatched({{QStringLiteral("routes"), value("[{'provider': 'local', 'model': 'm', 'maxOutputTokens': -1}]")}})
            << QStringLiteral("profiles[0].routes[0].maxOutputTokens must be between 0 and 10000000 tokens, not -1.");
        QTest::newRow("profile clientTokenEnv bool") << profilePatched({{QStringLiteral("clientTokenEnv"), true}})
                                                     << notString.arg(QStringLiteral("profiles[0].clientTokenEnv"));
        QTest::newRow("profile passClientKey string") << profilePatched({{QStringLiteral("passClientKey"), QStringLiteral("yes")}})
                                                      << QStringLiteral("profiles[0].passClientKey must be true or false.");
    }

    void newKeyErrors()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, expected);
        const ConfigFile::Result result = ConfigFile::parse(config);
        QCOMPARE(result.errors, QStringList(expected));
    }

    void newKeysAreKnown_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("retry") << QString() << QStringLiteral("retry") << QJsonValue(QJsonObject());
        QTest::newRow("longContextTokens") << QString() << QStringLiteral("longContextTokens") << QJsonValue(1000);
        QTest::newRow("profiles") << QString() << QStringLiteral("profiles") << QJsonValue(QJsonArray());
        QTest::newRow("requestMs") << QStringLiteral("timeouts") << QStringLiteral("requestMs") << QJsonValue(1000);
        QTest::newRow("maxConcurrent") << QStringLiteral("providers/0") << QStringLiteral("maxConcurrent") << QJsonValue(1);
        QTest::newRow("maxQueued") << QStringLiteral("providers/0") << QStringLiteral("maxQueued") << QJsonValue(0);
        QTest::newRow("rules") << QStringLiteral("providers/0") << QStringLiteral("rules") << QJsonValue(QJsonObject());
        QTest::newRow("preset") << QStringLiteral("providers/0") << QStringLiteral("preset") << QJsonValue(QStringLiteral("ollama"));
        QTest::newRow("when") << QStringLiteral("routes/0") << QStringLiteral("when") << QJsonValue(QStringLiteral("images"));
        QTest::newRow("fallbacks") << QStringLiteral("routes/0") << QStringLiteral("fallbacks") << QJsonValue(QJsonArray());
    }

    void newKeysAreKnown()
    {
        QFETCH(QString, path);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        const ConfigFile::Result result = ConfigFile::parse(patched(path, {{key, value}}));
        QCOMPARE(result.errors, QStringList());
    }

    void allowedHostsAreRead()
    {
        const ConfigFile::Result result =
            ConfigFile::parse(patched(QString(), {{QStringLiteral("allowedHosts"), value("['ccbridge.internal', 'host.docker.internal']")}}));
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.config.allowedHosts,
                 (QStringList{QStringLiteral("ccbridge.internal"), QStringLiteral("host.docker.internal")}));
        QVERIFY(ConfigFile::parse(minimalConfig()).config.allowedHosts.isEmpty());
    }

    // maxQueued 0 is a real setting (refuse rather than wait), not "unset".
    void zeroQueueIsKept()
    {
        const ConfigFile::Result result = ConfigFile::parse(
            patched(QStringLiteral("providers/0"), {{QStringLiteral("maxConcurrent"), 2}, {QStringLiteral("maxQueued"), 0}}));
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.config.providers.at(0).maxConcurrent, 2);
        QCOMPARE(result.config.providers.at(0).maxQueued, 0);
    }

    // The documented example must work as shipped once the variables it names are set.
    void docsExampleParses()
    {
        if (!QFileInfo::exists(docsExamplePath()))
            QSKIP("docs/config.example.json does not exist yet");
        QFile file(docsExamplePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();

        const ConfigFile::Result first = ConfigFile::parse(json);
        QCOMPARE(first.errors, QStringList());
        QVERIFY(!first.config.providers.isEmpty());
        QVERIFY(!first.config.routes.isEmpty());

        QByteArrayList setHere;
        const auto provide = [&setHere](const QString &name) {
            if (name.isEmpty() || qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
                return;
            setHere << name.toLocal8Bit();
            qputenv(setHere.constLast().constData(), "example-secret-value-0123456789");
        };
        provide(first.config.clientTokenEnv);
        for (const auto &provider : first.config.providers)
            provide(provider.apiKeyEnv);

        const ConfigFile::Result second = ConfigFile::parse(json);
        for (const QByteArray &name : std::as_const(setHere))
            qunsetenv(name.constData());
        QCOMPARE(second.errors, QStringList());
        QCOMPARE(second.config.problems(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
