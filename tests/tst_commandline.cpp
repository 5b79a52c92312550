#include "config/commandline.h"

#include "testdata.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {
const auto json = TestData::doubleQuoted;

constexpr const char keyEnv[] = "CCBRIDGE_TST_COMMANDLINE_KEY";
constexpr const char tokenEnv[] = "CCBRIDGE_TST_COMMANDLINE_TOKEN";
constexpr const char unsetEnv[] = "CCBRIDGE_TST_COMMANDLINE_NEVER_SET";

QStringList argv(std::initializer_list<const char *> arguments)
{
    QStringList list{QStringLiteral("ccbridge")};
    for (const char *argument : arguments)
        list << QString::fromUtf8(argument);
    return list;
}

QByteArray configFileJson()
{
    return json("{"
        "'listen': '127.0.0.1:9001',"
        "'providers': [{'name': 'deepseek', 'baseUrl': 'https://api.deepseek.com/v1',"
                       "'apiKeyEnv': 'CCBRIDGE_TST_COMMANDLINE_KEY'}],"
        "'routes': [{'match': '*', 'provider': 'deepseek', 'model': 'deepseek-chat'}]"
    "}");
}

QByteArray configFileWithUnknownKey()
{
    return json("{"
        "'providers': [{'name': 'deepseek', 'baseUrl': 'https://api.deepseek.com/v1'}],"
        "'routes': [{'provider': 'deepseek', 'model': 'deepseek-chat'}],"
        "'routs': []"
    "}");
}

// CommandLine::wantsNoWindow takes argc/argv as main() gets them.
bool wantsNoWindow(const QStringList &arguments)
{
    QByteArrayList storage;
    for (const QString &argument : arguments)
        storage << argument.toLocal8Bit();
    std::vector<char *> pointers;
    for (QByteArray &bytes : storage)
        pointers.push_back(bytes.data());
    pointers.push_back(nullptr);
    return CommandLine::wantsNoWindow(int(storage.size()), pointers.data());
}
}

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Written once for the whole run: the tests read it through --config.
        QVERIFY(m_dir.isValid());
        m_configPath = m_dir.filePath(QStringLiteral("ccbridge.json"));
        QVERIFY(TestData::writeFile(m_configPath, configFileJson()));
    }

    void init()
    {
        qputenv(keyEnv, "sk-quickstart-0123456789abcdef");
        qputenv(tokenEnv, "client-token-0123456789");
        qunsetenv(unsetEnv);
    }

    void cleanup()
    {
        qunsetenv(keyEnv);
        qunsetenv(tokenEnv);
    }

    void quickStart()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--headless", "--listen", "127.0.0.1:9123", "--upstream",
                                        "https://api.deepseek.com/v1", "--model", "deepseek-chat", "--api-key-env",
                                        keyEnv})));
        QCOMPARE(commandLine.errorText(), QString());
        QVERIFY(commandLine.headless());
        QVERIFY(!commandLine.helpRequested());
        QVERIFY(!commandLine.versionRequested());
        QVERIFY(!commandLine.checkConfigRequested());
        QCOMPARE(commandLine.problems(), QStringList());

        const ProxyConfig &config = commandLine.config();
        QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.port, quint16(9123));
        QCOMPARE(config.providers.size(), 1);
        const ProviderConfig &provider = config.providers.constFirst();
        QCOMPARE(provider.name, QStringLiteral("api.deepseek.com"));
        QCOMPARE(provider.baseUrl, QUrl(QStringLiteral("https://api.deepseek.com/v1")));
        QCOMPARE(provider.format, UpstreamApi::OpenAiChat);
        QCOMPARE(provider.apiKeyEnv, QString::fromLatin1(keyEnv));
        QCOMPARE(provider.apiKey, QStringLiteral("sk-quickstart-0123456789abcdef"));
        QCOMPARE(provider.maxOutputTokens, 8192);
        QCOMPARE(config.routes.size(), 1);
        QCOMPARE(config.routes.constFirst().match, QStringLiteral("*"));
        QCOMPARE(config.routes.constFirst().provider, QStringLiteral("api.deepseek.com"));
        QCOMPARE(config.routes.constFirst().model, QStringLiteral("deepseek-chat"));
        QCOMPARE(config.routes.constFirst().maxOutputTokens, 0);
        QCOMPARE(config.secrets(), QStringList(QStringLiteral("sk-quickstart-0123456789abcdef")));
    }

    // `code`'s own options come first; the first argument that is not one of them, or what
    // follows --, goes to claude unchanged, even when it looks like an option of ours.
    void codeSetsClaudesArgumentsAside_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("savedConfiguration");
        QTest::addColumn<QStringList>("claudeArguments");
        QTest::newRow("script") << QStringList{QStringLiteral("code"), QStringLiteral("-p"), QStringLiteral("hi")} << true
                                << QStringList{QStringLiteral("-p"), QStringLiteral("hi")};
        QTest::newRow("after --") << QStringList{QStringLiteral("code"), QStringLiteral("--upstream=http://127.0.0.1:9/v1"),
                                                 QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--"),
                                                 QStringLiteral("--model"), QStringLiteral("opus"), QStringLiteral("--")}
                                  << false
                                  << QStringList{QStringLiteral("--model"), QStringLiteral("opus"), QStringLiteral("--")};
        QTest::newRow("nothing for claude") << QStringList{QStringLiteral("code")} << true << QStringList();
    }

    void codeSetsClaudesArgumentsAside()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, savedConfiguration);
        QFETCH(QStringList, claudeArguments);
        CommandLine commandLine;
        QVERIFY2(commandLine.parse(QStringList{QStringLiteral("ccbridge")} + arguments), qPrintable(commandLine.errorText()));
        QCOMPARE(commandLine.command(), CommandLine::Command::Code);
        QCOMPARE(commandLine.usesSavedConfiguration(), savedConfiguration);
        QCOMPARE(commandLine.claudeArguments(), claudeArguments);
        if (!savedConfiguration)
            QCOMPARE(commandLine.config().routes.constFirst().model, QStringLiteral("m"));
    }

    void quickStartWithoutKey()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--headless", "--upstream", "http://127.0.0.1:11434/v1", "--model", "qwen3"})));
        QCOMPARE(commandLine.problems(), QStringList());
        QVERIFY(commandLine.config().providers.constFirst().apiKeyEnv.isEmpty());
        QVERIFY(commandLine.config().providers.constFirst().apiKey.isEmpty());
        // No --listen: the default loopback port.
        QCOMPARE(commandLine.config().listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(commandLine.config().port, quint16(8765));
    }

    void webSearchQuickStart_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("keyVariable");
        QTest::newRow("searxng") << QStringList{QStringLiteral("--web-search"), QStringLiteral("searxng:http://127.0.0.1:8888")}
                                 << int(SearchBackendKind::SearXng) << QUrl(QStringLiteral("http://127.0.0.1:8888")) << QString();
        QTest::newRow("brave") << QStringList{QStringLiteral("--web-search"), QStringLiteral("brave")}
                               << int(SearchBackendKind::Brave) << QUrl() << QStringLiteral("BRAVE_API_KEY");
        QTest::newRow("tavily, own variable")
            << QStringList{QStringLiteral("--web-search"), QStringLiteral("tavily"), QStringLiteral("--web-search-key-env"),
                           QString::fromLatin1(keyEnv)}
            << int(SearchBackendKind::Tavily) << QUrl() << QString::fromLatin1(keyEnv);
    }

    void webSearchQuickStart()
    {
        QFETCH(QStringList, flags);
        QFETCH(int, kind);
        QFETCH(QUrl, url);
        QFETCH(QString, keyVariable);
        QStringList arguments{QStringLiteral("ccbridge"), QStringLiteral("--headless"), QStringLiteral("--preset"),
                              QStringLiteral("deepseek"), QStringLiteral("--api-key-env"), QString::fromLatin1(keyEnv)};
        CommandLine commandLine;
        QVERIFY2(commandLine.parse(arguments + flags), qPrintable(commandLine.errorText()));
        const WebSearchConfig &webSearch = commandLine.config().webSearch;
        QCOMPARE(int(webSearch.backend.kind), kind);
        QCOMPARE(webSearch.backend.url, url);
        QCOMPARE(webSearch.apiKeyEnv, keyVariable);
        if (keyVariable == QString::fromLatin1(keyEnv)) {
            QCOMPARE(commandLine.problems(), QStringList());
            QVERIFY(commandLine.config().secrets().contains(QStringLiteral("sk-quickstart-0123456789abcdef")));
        } else if (!keyVariable.isEmpty()) {
            QCOMPARE(commandLine.problems(),
                     QStringList(QStringLiteral("Web search: the environment variable %1 that should hold the %2 key is not set.")
                                     .arg(keyVariable, SearchBackendName::of(SearchBackendKind(kind)))));
        }
    }

    void badWebSearch_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown backend") << QStringList{QStringLiteral("--web-search"), QStringLiteral("google")}
                                         << QStringLiteral("--web-search takes searxng:<url>, brave or tavily, not \"google\".");
        QTest::newRow("searxng without its address") << QStringList{QStringLiteral("--web-search"), QStringLiteral("searxng")}
                                                     << QStringLiteral("--web-search takes searxng:<url>, brave or tavily, not \"searxng\".");
        QTest::newRow("key variable alone") << QStringList{QStringLiteral("--web-search-key-env"), QStringLiteral("BRAVE")}
                                            << QStringLiteral("--web-search-key-env goes with --web-search.");
        QTest::newRow("a key in place of its variable")
            << QStringList{QStringLiteral("--web-search"), QStringLiteral("brave"), QStringLiteral("--web-search-key-env"),
                           QStringLiteral("BSA-key-0123-not-a-name")}
            << QStringLiteral("--web-search-key-env takes the name of an environment variable (such as OPENAI_API_KEY), not a key.");
    }

    void badWebSearch()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, error);
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(QStringList{QStringLiteral("ccbridge"), QStringLiteral("--headless"),
                                               QStringLiteral("--preset"), QStringLiteral("deepseek")}
                                   + flags));
        QCOMPARE(commandLine.errorText(), error);
    }

    void quickStartKeyVariableUnset()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--headless", "--upstream", "https://api.deepseek.com/v1", "--model",
                                        "deepseek-chat", "--api-key-env", unsetEnv})));
        QCOMPARE(commandLine.problems(),
                 QStringList(QStringLiteral("Provider api.deepseek.com: the environment variable %1 that should hold its API key is not set.")
                                 .arg(QString::fromLatin1(unsetEnv))));
    }

    // A key given where its variable's name belongs is refused without being echoed.
    void aKeyInPlaceOfItsVariableIsNotEchoed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const char *key = "sk-proj-Xq7Rt2LmN9vB4cK8wZ1pY6hJ3dF5sA0gTuEiOoWe";
        QTest::newRow("--api-key-env") << argv({"--headless", "--upstream", "https://api.openai.com/v1", "--model", "gpt-5",
                                                "--api-key-env", key});
        QTest::newRow("--client-token-env") << argv({"--headless", "--preset", "deepseek", "--client-token-env", key});
    }

    void aKeyInPlaceOfItsVariableIsNotEchoed()
    {
        QFETCH(QStringList, arguments);
        const QString option = arguments.at(arguments.size() - 2);
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(arguments));
        QCOMPARE(commandLine.errorText(),
                 QStringLiteral("%1 takes the name of an environment variable (such as OPENAI_API_KEY), not a key.").arg(option));
    }

    void quickStartFormat()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--upstream", "https://api.anthropic.com", "--model", "claude-opus-4-5",
                                        "--format", "anthropic"})));
        QCOMPARE(commandLine.config().providers.constFirst().format, UpstreamApi::Anthropic);
        QCOMPARE(commandLine.problems(), QStringList());
        // Refused while the flags are read, before any configuration exists.
        QVERIFY(!commandLine.parse(argv({"--upstream", "https://api.openai.com/v1", "--model", "gpt-5", "--format",
                                         "openai-completions"})));
        QCOMPARE(commandLine.errorText(),
                 QStringLiteral("--format: \"openai-completions\" is not an API format CC Bridge knows (known: "
                                "openai-chat, openai-responses, anthropic)."));
    }

    void maxOutputTokens_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("cap");
        QTest::newRow("no cap") << QStringLiteral("0") << true << 0;
        QTest::newRow("smaller") << QStringLiteral("4096") << true << 4096;
        QTest::newRow("larger") << QStringLiteral("64000") << true << 64000;
        QTest::newRow("negative") << QStringLiteral("-1") << false << -1;
        QTest::newRow("word") << QStringLiteral("lots") << false << -1;
        QTest::newRow("fraction") << QStringLiteral("1.5") << false << -1;
        QTest::newRow("empty") << QString() << false << -1;
        QTest::newRow("too big for int") << QStringLiteral("3000000000") << false << -1;
    }

    void maxOutputTokens()
    {
        QFETCH(QString, value);
        QFETCH(bool, ok);
        QFETCH(int, cap);
        CommandLine commandLine;
        const bool parsed = commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--upstream"),
                                               QStringLiteral("https://api.deepseek.com/v1"), QStringLiteral("--model"),
                                               QStringLiteral("deepseek-chat"), QStringLiteral("--max-output-tokens"), value});
        QCOMPARE(parsed, ok);
        if (ok) {
            QCOMPARE(commandLine.config().providers.constFirst().maxOutputTokens, cap);
            QCOMPARE(commandLine.errorText(), QString());
        } else {
            QCOMPARE(commandLine.errorText(), QStringLiteral("--max-output-tokens must be a whole number of 0 or more."));
        }
    }

    void quickStartIncomplete_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QString needsModel = QStringLiteral("The quick start needs --model <name>: this provider has no default models.");
        const QString needsProvider = QStringLiteral("The quick start needs --preset <id> or --upstream <url>.");
        QTest::newRow("no --model") << argv({"--upstream", "https://api.deepseek.com/v1"}) << needsModel;
        QTest::newRow("preset without defaults") << argv({"--preset", "vllm"}) << needsModel;
        QTest::newRow("no --upstream") << argv({"--model", "deepseek-chat"}) << needsProvider;
        QTest::newRow("only --api-key-env") << argv({"--api-key-env", "CCBRIDGE_TST_COMMANDLINE_KEY"}) << needsProvider;
    }

    void quickStartIncomplete()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(arguments));
        QCOMPARE(commandLine.errorText(), error);
    }

    void presetQuickStartRoutesClaudeFamilies()
    {
        qputenv("DEEPSEEK_API_KEY", "sk-preset-0123456789abcdef");
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--headless", "--preset", "deepseek"})));
        QCOMPARE(commandLine.problems(), QStringList());
        const ProviderConfig &provider = commandLine.config().providers.constFirst();
        QCOMPARE(provider.name, QStringLiteral("deepseek"));
        QCOMPARE(provider.baseUrl, QUrl(QStringLiteral("https://api.deepseek.com/v1")));
        QCOMPARE(provider.apiKey, QStringLiteral("sk-preset-0123456789abcdef"));
        QCOMPARE(provider.outputCapFor(QStringLiteral("deepseek-reasoner")), 65536);
        QCOMPARE(provider.rules.reasoningHistory, ProviderRules::ReasoningHistory::ReasoningContent);
        QStringList routes;
        for (const ModelRoute &route : commandLine.config().routes)
            routes << route.when + QLatin1Char('|') + route.match + QStringLiteral(" → ") + route.provider + QLatin1Char('/') + route.model;
        QCOMPARE(routes, (QStringList{QStringLiteral("thinking|* → deepseek/deepseek-reasoner"),
                                      QStringLiteral("|*haiku* → deepseek/deepseek-chat"),
                                      QStringLiteral("|*opus* → deepseek/deepseek-reasoner"),
                                      QStringLiteral("|* → deepseek/deepseek-chat")}));
        qunsetenv("DEEPSEEK_API_KEY");
    }

    void presetQuickStartTakesOverrides()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--preset", "ollama", "--upstream", "http://10.1.2.3:11434/v1", "--model",
                                        "qwen3:8b", "--max-output-tokens", "4096"})));
        const ProviderConfig &provider = commandLine.config().providers.constFirst();
        QCOMPARE(provider.name, QStringLiteral("ollama"));
        QCOMPARE(provider.baseUrl.host(), QStringLiteral("10.1.2.3"));
        QCOMPARE(provider.maxOutputTokens, 4096);
        QCOMPARE(commandLine.config().routes.size(), 1);
        QCOMPARE(commandLine.config().routes.constFirst().model, QStringLiteral("qwen3:8b"));
    }

    void unknownPresetListsTheKnownOnes()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(argv({"--preset", "nope"})));
        QVERIFY(commandLine.errorText().startsWith(QLatin1StringView("There is no preset \"nope\". Presets: deepseek,")));
    }

    void configWithQuickStartFlags_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("value");
        QTest::newRow("--upstream") << QStringLiteral("--upstream") << QStringLiteral("https://api.deepseek.com/v1");
        QTest::newRow("--model") << QStringLiteral("--model") << QStringLiteral("deepseek-chat");
        QTest::newRow("--api-key-env") << QStringLiteral("--api-key-env") << QString::fromLatin1(keyEnv);
    }

    void configWithQuickStartFlags()
    {
        QFETCH(QString, flag);
        QFETCH(QString, value);
        CommandLine commandLine;
        QVERIFY(!commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--config"), m_configPath, flag, value}));
        QCOMPARE(commandLine.errorText(), QStringLiteral("Use either --config or the quick-start flags (--preset, --upstream, "
                                                         "--model, --api-key-env), not both."));
    }

    void configFile()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--headless"), QStringLiteral("--config"),
                                   m_configPath}));
        QCOMPARE(commandLine.errorText(), QString());
        QCOMPARE(commandLine.problems(), QStringList());
        const ProxyConfig &config = commandLine.config();
        QCOMPARE(config.port, quint16(9001));
        QCOMPARE(config.providers.size(), 1);
        QCOMPARE(config.providers.constFirst().name, QStringLiteral("deepseek"));
        QCOMPARE(config.providers.constFirst().apiKey, QStringLiteral("sk-quickstart-0123456789abcdef"));
        QCOMPARE(config.routes.constFirst().model, QStringLiteral("deepseek-chat"));
    }

    void configFileKeyVariableUnset()
    {
        qunsetenv(keyEnv);
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--config"), m_configPath}));
        QCOMPARE(commandLine.problems(),
                 QStringList(QStringLiteral("Provider deepseek: the environment variable %1 that should hold its API key is not set.")
                                 .arg(QString::fromLatin1(keyEnv))));
    }

    void configFileErrorsAreProblems()
    {
        const QString path = m_dir.filePath(QStringLiteral("typo.json"));
        QVERIFY(TestData::writeFile(path, configFileWithUnknownKey()));

        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--check-config"), QStringLiteral("--config"), path}));
        QVERIFY(commandLine.checkConfigRequested());
        QCOMPARE(commandLine.problems(), QStringList(QStringLiteral("config: unknown key \"routs\".")));
    }

    void missingConfigFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("absent.json"));
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--config"), path}));
        QCOMPARE(commandLine.problems().size(), 1);
        QVERIFY(commandLine.problems().constFirst().startsWith(QStringLiteral("Cannot read the configuration file %1").arg(path)));
    }

    // Without --config or quick-start flags, the configuration the window saved is served.
    void noFlagsServesTheSavedConfiguration()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--headless"})));
        QVERIFY(commandLine.usesSavedConfiguration());
        QCOMPARE(commandLine.problems(), QStringList());

        CommandLine withFile;
        QVERIFY(withFile.parse({QStringLiteral("ccbridge"), QStringLiteral("--config"), m_configPath}));
        QVERIFY(!withFile.usesSavedConfiguration());

        // --listen alone would change nothing the saved configuration says: refused, with why.
        CommandLine listenAlone;
        QVERIFY(!listenAlone.parse(argv({"--headless", "--listen", "127.0.0.1:9000"})));
        QVERIFY(listenAlone.errorText().contains(QStringLiteral("--listen")));
    }

    void listenOverridesTheConfigFile()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--config"), m_configPath,
                                   QStringLiteral("--listen"), QStringLiteral("[::1]:9002")}));
        QCOMPARE(commandLine.config().listenAddress, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(commandLine.config().port, quint16(9002));
        QCOMPARE(commandLine.config().providers.size(), 1); // the rest of the file still applies
        QCOMPARE(commandLine.problems(), QStringList());
    }

    void badListen_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::newRow("host name") << QStringLiteral("localhost:8765");
        QTest::newRow("no port") << QStringLiteral("127.0.0.1");
        QTest::newRow("words") << QStringLiteral("nonsense");
    }

    void badListen()
    {
        QFETCH(QString, listen);
        CommandLine commandLine;
        QVERIFY(!commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--upstream"),
                                    QStringLiteral("https://api.deepseek.com/v1"), QStringLiteral("--model"),
                                    QStringLiteral("deepseek-chat"), QStringLiteral("--listen"), listen}));
        QCOMPARE(commandLine.errorText(), QStringLiteral("--listen must look like 127.0.0.1:8765, not \"%1\".").arg(listen));
    }

    void listenBeyondLoopbackNeedsToken()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--upstream", "https://api.deepseek.com/v1", "--model", "deepseek-chat",
                                        "--listen", "0.0.0.0:8765"})));
        QCOMPARE(commandLine.problems(),
                 QStringList(QStringLiteral("Listening on 0.0.0.0 beyond this machine needs a client token (clientTokenEnv).")));
    }

    void clientTokenEnv()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--upstream", "https://api.deepseek.com/v1", "--model", "deepseek-chat",
                                        "--listen", "0.0.0.0:8765", "--client-token-env", tokenEnv})));
        QCOMPARE(commandLine.config().clientTokenEnv, QString::fromLatin1(tokenEnv));
        QCOMPARE(commandLine.config().clientToken, QStringLiteral("client-token-0123456789"));
        QCOMPARE(commandLine.problems(), QStringList());
        QVERIFY(commandLine.config().secrets().contains(QStringLiteral("client-token-0123456789")));
    }

    void clientTokenEnvUnset()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--upstream", "https://api.deepseek.com/v1", "--model", "deepseek-chat",
                                        "--client-token-env", unsetEnv})));
        QCOMPARE(commandLine.problems(),
                 QStringList(QStringLiteral("The environment variable %1 that should hold the client token is not set.")
                                 .arg(QString::fromLatin1(unsetEnv))));
    }

    void clientTokenEnvWithConfigFile()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("ccbridge"), QStringLiteral("--config"), m_configPath,
                                   QStringLiteral("--client-token-env"), QString::fromLatin1(tokenEnv)}));
        QCOMPARE(commandLine.config().clientToken, QStringLiteral("client-token-0123456789"));
        QCOMPARE(commandLine.problems(), QStringList());
    }

    void helpAndVersion_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<bool>("help");
        QTest::addColumn<bool>("version");
        QTest::newRow("--help") << QStringLiteral("--help") << true << false;
        QTest::newRow("-h") << QStringLiteral("-h") << true << false;
        QTest::newRow("--version") << QStringLiteral("--version") << false << true;
        QTest::newRow("-v") << QStringLiteral("-v") << false << true;
    }

    void helpAndVersion()
    {
        QFETCH(QString, flag);
        QFETCH(bool, help);
        QFETCH(bool, version);
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("ccbridge"), flag}));
        QCOMPARE(commandLine.helpRequested(), help);
        QCOMPARE(commandLine.versionRequested(), version);
        QVERIFY(!commandLine.headless());
        // Help and version need no configuration, so nothing is reported missing.
        QCOMPARE(commandLine.problems(), QStringList());
        QCOMPARE(commandLine.errorText(), QString());
    }

    void helpTextListsTheOptions()
    {
        CommandLine commandLine;
        const QString help = commandLine.helpText();
        for (const char *option : {"--headless", "--config", "--check-config", "--listen", "--upstream", "--model",
                                   "--api-key-env", "--format", "--max-output-tokens", "--client-token-env", "--help",
                                   "--version"})
            QVERIFY2(help.contains(QString::fromLatin1(option)), option);
    }

    void helpWinsOverABrokenConfiguration()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse(argv({"--help", "--model", "deepseek-chat"})));
        QVERIFY(commandLine.helpRequested());
        QCOMPARE(commandLine.errorText(), QString());
    }

    void unexpectedArgument()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(argv({"--headless", "serve", "now"})));
        QCOMPARE(commandLine.errorText(), QStringLiteral("Unexpected argument: serve"));
    }

    void unknownOption()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(argv({"--headles"})));
        QVERIFY2(commandLine.errorText().contains(QLatin1StringView("headles")), qPrintable(commandLine.errorText()));
    }

    void optionWithoutValue()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(argv({"--upstream", "https://api.deepseek.com/v1", "--model"})));
        QVERIFY2(commandLine.errorText().contains(QLatin1StringView("model")), qPrintable(commandLine.errorText()));
    }

    void wantsNoWindow_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("noWindow");
        QTest::newRow("no arguments") << argv({}) << false;
        QTest::newRow("--headless") << argv({"--headless"}) << true;
        QTest::newRow("--help") << argv({"--help"}) << true;
        QTest::newRow("-h") << argv({"-h"}) << true;
        QTest::newRow("--version") << argv({"--version"}) << true;
        QTest::newRow("-v") << argv({"-v"}) << true;
        QTest::newRow("--check-config") << argv({"--check-config", "--config", "x.json"}) << true;
        QTest::newRow("flag after others") << argv({"--config", "x.json", "--headless"}) << true;
        QTest::newRow("config alone opens the window") << argv({"--config", "x.json"}) << false;
        QTest::newRow("quick start alone opens the window")
            << argv({"--upstream", "https://api.deepseek.com/v1", "--model", "deepseek-chat"}) << false;
        QTest::newRow("prefix is not the flag") << argv({"--headlessness"}) << false;
        // argv[0] is the program, whatever its name.
        QTest::newRow("program name") << QStringList(QStringLiteral("--headless")) << false;
    }

    void wantsNoWindow()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, noWindow);
        QCOMPARE(::wantsNoWindow(arguments), noWindow);
    }

    // The manual page is written by hand, so this keeps it from falling behind --help: it
    // describes every option --help lists, and no option --help does not.
    void manualPageDescribesTheOptionsOfHelp()
    {
        QSet<QString> helpOptions;
        const QRegularExpression helpOption(QStringLiteral("^\\s+(?:-\\w, )?--([a-z-]+)"),
                                            QRegularExpression::MultilineOption);
        for (const auto &match : helpOption.globalMatch(CommandLine().helpText()))
            helpOptions << match.captured(1);
        QVERIFY(helpOptions.contains(QStringLiteral("headless")));

        QFile manualPage(QStringLiteral(CCBRIDGE_MANUAL_PAGE));
        QVERIFY(manualPage.open(QIODevice::ReadOnly));
        const QString roff = QString::fromUtf8(manualPage.readAll());
        // Each option is a tagged paragraph: ".TP", then a line naming it ("\-\-config").
        QSet<QString> manualOptions;
        const QRegularExpression taggedOption(QStringLiteral("^\\.TP\n[^\n]*?\\\\-\\\\-([a-z\\\\-]+)"),
                                              QRegularExpression::MultilineOption);
        for (const auto &match : taggedOption.globalMatch(roff))
            manualOptions << match.captured(1).remove(QLatin1Char('\\'));
        QCOMPARE(manualOptions, helpOptions);
    }

private:
    QTemporaryDir m_dir;
    QString m_configPath;
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
