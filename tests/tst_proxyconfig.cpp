#include "config/proxyconfig.h"

#include <QTest>

#include <functional>

namespace {
using Change = std::function<void(ProxyConfig &)>;

ModelRoute route(const QString &match, const QString &provider, const QString &model)
{
    return ModelRoute{.match = match, .provider = provider, .model = model};
}

// A config that can run: loopback, one keyed provider, one catch-all route.
ProxyConfig runnable()
{
    ProxyConfig config;
    ProviderConfig deepseek;
    deepseek.name = QStringLiteral("deepseek");
    deepseek.baseUrl = QUrl(QStringLiteral("https://api.deepseek.com/v1"));
    deepseek.apiKeyEnv = QStringLiteral("DEEPSEEK_API_KEY");
    deepseek.apiKey = QStringLiteral("sk-deepseek-0123456789abcdef");
    config.providers = {deepseek};
    config.routes = {route(QStringLiteral("*"), QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"))};
    return config;
}

ProviderConfig localProvider(const QString &name)
{
    ProviderConfig provider;
    provider.name = name;
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434/v1"));
    return provider;
}

QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}

// A profile with one catch-all route to the runnable config's provider.
Profile profile(const QString &name)
{
    Profile result;
    result.name = name;
    result.routes = {route(QStringLiteral("*"), QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"))};
    return result;
}

QString badProfileName(const QString &name)
{
    return QStringLiteral("Profile names must be unique and use only letters, digits, '.', '_' and '-': \"%1\".").arg(name);
}

const QString unknownWhen = QStringLiteral("The route for \"*\": \"when\" must be one of background, thinking, longContext, images, webSearch, vision.");
const QString listenNeedsToken = QStringLiteral("Listening on 0.0.0.0 beyond this machine needs a client token (clientTokenEnv).");
}

Q_DECLARE_METATYPE(Change)

class TestProxyConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runnableConfigHasNoProblems()
    {
        QCOMPARE(runnable().problems(), QStringList());
    }

    void problems_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("all IPv4 without token")
            << Change([](ProxyConfig &c) { c.listenAddress = QHostAddress(QHostAddress::AnyIPv4); })
            << QStringList(QStringLiteral("Listening on 0.0.0.0 beyond this machine needs a client token (clientTokenEnv)."));
        QTest::newRow("LAN address without token")
            << Change([](ProxyConfig &c) { c.listenAddress = QHostAddress(QStringLiteral("192.168.1.20")); })
            << QStringList(QStringLiteral("Listening on 192.168.1.20 beyond this machine needs a client token (clientTokenEnv)."));
        QTest::newRow("all IPv6 without token")
            << Change([](ProxyConfig &c) { c.listenAddress = QHostAddress(QHostAddress::AnyIPv6); })
            << QStringList(QStringLiteral("Listening on :: beyond this machine needs a client token (clientTokenEnv)."));
        QTest::newRow("all addresses with token") << Change([](ProxyConfig &c) {
            c.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
            c.clientTokenEnv = QStringLiteral("CCBRIDGE_TOKEN");
            c.clientToken = QStringLiteral("a-long-client-token");
        }) << QStringList();
        QTest::newRow("IPv6 loopback needs no token")
            << Change([](ProxyConfig &c) { c.listenAddress = QHostAddress(QHostAddress::LocalHostIPv6); })
            << QStringList();
        QTest::newRow("other 127/8 address is loopback")
            << Change([](ProxyConfig &c) { c.listenAddress = QHostAddress(QStringLiteral("127.0.0.2")); })
            << QStringList();

        QTest::newRow("no providers") << Change([](ProxyConfig &c) { c.providers.clear(); })
                                      << QStringList({QStringLiteral("No provider is configured."),
                                                      QStringLiteral("The route for \"*\" names the unknown provider \"deepseek\".")});
        QTest::newRow("unnamed provider") << Change([](ProxyConfig &c) { c.providers.append(localProvider(QString())); })
                                          << QStringList(QStringLiteral("A provider has no name."));

        QTest::newRow("ftp URL") << Change([](ProxyConfig &c) { c.providers[0].baseUrl = url("ftp://api.deepseek.com/v1"); })
                                 << QStringList(QStringLiteral(
                                        "Provider deepseek: the base URL \"ftp://api.deepseek.com/v1\" is not an http(s) URL."));
        QTest::newRow("URL without scheme")
            << Change([](ProxyConfig &c) { c.providers[0].baseUrl = url("api.deepseek.com/v1"); })
            << QStringList(QStringLiteral("Provider deepseek: the base URL \"api.deepseek.com/v1\" is not an http(s) URL."));
        QTest::newRow("empty URL") << Change([](ProxyConfig &c) { c.providers[0].baseUrl = QUrl(); })
                                   << QStringList(QStringLiteral("Provider deepseek: the base URL \"\" is not an http(s) URL."));
        QTest::newRow("plain http is fine")
            << Change([](ProxyConfig &c) { c.providers[0].baseUrl = url("http://10.0.0.5:8000/v1"); }) << QStringList();

        QTest::newRow("apiKeyEnv unset") << Change([](ProxyConfig &c) { c.providers[0].apiKey.clear(); })
                                         << QStringList(QStringLiteral("Provider deepseek: the environment variable "
                                                                       "DEEPSEEK_API_KEY that should hold its API key is not set."));
        QTest::newRow("keyless local provider") << Change([](ProxyConfig &c) {
            c.providers = {localProvider(QStringLiteral("deepseek"))};
        }) << QStringList();

        QTest::newRow("clientTokenEnv unset") << Change([](ProxyConfig &c) {
            c.clientTokenEnv = QStringLiteral("CCBRIDGE_TOKEN");
        }) << QStringList(QStringLiteral("The environment variable CCBRIDGE_TOKEN that should hold the client token is not set."));
        QTest::newRow("clientTokenEnv unset beyond loopback") << Change([](ProxyConfig &c) {
            c.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
            c.clientTokenEnv = QStringLiteral("CCBRIDGE_TOKEN");
        }) << QStringList({QStringLiteral("Listening on 0.0.0.0 beyond this machine needs a client token (clientTokenEnv)."),
                           QStringLiteral("The environment variable CCBRIDGE_TOKEN that should hold the client token is not set.")});

        QTest::newRow("no routes") << Change([](ProxyConfig &c) { c.routes.clear(); })
                                   << QStringList(QStringLiteral("No model route is configured."));
        QTest::newRow("route to unknown provider") << Change([](ProxyConfig &c) {
            c.routes.prepend(route(QStringLiteral("*haiku*"), QStringLiteral("ollama"), QStringLiteral("qwen3")));
        }) << QStringList(QStringLiteral("The route for \"*haiku*\" names the unknown provider \"ollama\"."));
        QTest::newRow("provider names are case-sensitive") << Change([](ProxyConfig &c) {
            c.routes[0].provider = QStringLiteral("DeepSeek");
        }) << QStringList(QStringLiteral("The route for \"*\" names the unknown provider \"DeepSeek\"."));
        QTest::newRow("route without model") << Change([](ProxyConfig &c) { c.routes[0].model.clear(); })
                                             << QStringList(QStringLiteral("The route for \"*\" has no upstream model."));

        for (const QString &scenario : ModelRoute::scenarios()) {
            QTest::addRow("when %s", qPrintable(scenario))
                << Change([scenario](ProxyConfig &c) { c.routes[0].when = scenario; }) << QStringList();
        }
        QTest::newRow("unknown when") << Change([](ProxyConfig &c) { c.routes[0].when = QStringLiteral("sometimes"); })
                                      << QStringList(unknownWhen);
        QTest::newRow("when is case-sensitive") << Change([](ProxyConfig &c) { c.routes[0].when = QStringLiteral("LongContext"); })
                                                << QStringList(unknownWhen);
        QTest::newRow("fallback to a known provider") << Change([](ProxyConfig &c) {
            c.providers.append(localProvider(QStringLiteral("ollama")));
            c.routes[0].fallbacks = {RouteTarget{QStringLiteral("ollama"), QStringLiteral("llama3")}};
        }) << QStringList();
        QTest::newRow("fallback to an unknown provider") << Change([](ProxyConfig &c) {
            c.providers.append(localProvider(QStringLiteral("ollama")));
            c.routes[0].fallbacks = {RouteTarget{QStringLiteral("ollama"), QStringLiteral("llama3")},
                                     RouteTarget{QStringLiteral("groq"), QStringLiteral("llama-3.3")}};
        }) << QStringList(QStringLiteral("The route for \"*\" falls back to the unknown provider \"groq\"."));

        QTest::newRow("profile") << Change([](ProxyConfig &c) { c.profiles = {profile(QStringLiteral("team"))}; })
                                 << QStringList();
        QTest::newRow("profile name of every allowed character")
            << Change([](ProxyConfig &c) { c.profiles = {profile(QStringLiteral("Team_2.b-x"))}; }) << QStringList();
        QTest::newRow("profile name with a space")
            << Change([](ProxyConfig &c) { c.profiles = {profile(QStringLiteral("my team"))}; })
            << QStringList(badProfileName(QStringLiteral("my team")));
        // The name is a path segment of /p/<name>.
        QTest::newRow("profile name with a slash")
            << Change([](ProxyConfig &c) { c.profiles = {profile(QStringLiteral("a/b"))}; })
            << QStringList(badProfileName(QStringLiteral("a/b")));
        QTest::newRow("profile name with non-ASCII letters")
            << Change([](ProxyConfig &c) { c.profiles = {profile(QStringLiteral("équipe"))}; })
            << QStringList(badProfileName(QStringLiteral("équipe")));
        QTest::newRow("empty profile name") << Change([](ProxyConfig &c) { c.profiles = {profile(QString())}; })
                                            << QStringList(badProfileName(QString()));
        QTest::newRow("duplicate profile names") << Change([](ProxyConfig &c) {
            c.profiles = {profile(QStringLiteral("team")), profile(QStringLiteral("solo")), profile(QStringLiteral("team"))};
        }) << QStringList(badProfileName(QStringLiteral("team")));
        QTest::newRow("profile names are case-sensitive") << Change([](ProxyConfig &c) {
            c.profiles = {profile(QStringLiteral("team")), profile(QStringLiteral("Team"))};
        }) << QStringList();
        QTest::newRow("profile without routes") << Change([](ProxyConfig &c) {
            c.profiles = {profile(QStringLiteral("team"))};
            c.profiles[0].routes.clear();
        }) << QStringList(QStringLiteral("Profile team has no routes."));
        QTest::newRow("profile token variable unset") << Change([](ProxyConfig &c) {
            c.profiles = {profile(QStringLiteral("team"))};
            c.profiles[0].clientTokenEnv = QStringLiteral("TEAM_TOKEN");
        }) << QStringList(QStringLiteral("Profile team: the environment variable TEAM_TOKEN that should hold its client token is not set."));
        QTest::newRow("profile token variable set") << Change([](ProxyConfig &c) {
            c.profiles = {profile(QStringLiteral("team"))};
            c.profiles[0].clientTokenEnv = QStringLiteral("TEAM_TOKEN");
            c.profiles[0].clientToken = QStringLiteral("team-token-0123456789");
        }) << QStringList();
        QTest::newRow("profile beyond loopback without any token") << Change([](ProxyConfig &c) {
            c.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
            c.profiles = {profile(QStringLiteral("team"))};
        }) << QStringList({listenNeedsToken, QStringLiteral("Profile team is reachable beyond this machine and needs a client token.")});
        // Its own token covers the profile; the default routes still need the main one.
        QTest::newRow("profile beyond loopback with its own token") << Change([](ProxyConfig &c) {
            c.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
            c.profiles = {profile(QStringLiteral("team"))};
            c.profiles[0].clientTokenEnv = QStringLiteral("TEAM_TOKEN");
            c.profiles[0].clientToken = QStringLiteral("team-token-0123456789");
        }) << QStringList(listenNeedsToken);
        QTest::newRow("profile beyond loopback with the main token") << Change([](ProxyConfig &c) {
            c.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
            c.clientTokenEnv = QStringLiteral("CCBRIDGE_TOKEN");
            c.clientToken = QStringLiteral("a-long-client-token");
            c.profiles = {profile(QStringLiteral("team"))};
        }) << QStringList();
        QTest::newRow("profile route problems") << Change([](ProxyConfig &c) {
            c.profiles = {profile(QStringLiteral("team"))};
            c.profiles[0].routes[0].provider = QStringLiteral("groq");
            c.profiles[0].routes[0].when = QStringLiteral("sometimes");
            c.profiles[0].routes[0].fallbacks = {RouteTarget{QStringLiteral("together"), QStringLiteral("m")}};
        }) << QStringList({QStringLiteral("The route for \"*\" names the unknown provider \"groq\"."), unknownWhen,
                           QStringLiteral("The route for \"*\" falls back to the unknown provider \"together\".")});

        QTest::newRow("several at once, in order") << Change([](ProxyConfig &c) {
            c.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
            c.providers[0].baseUrl = url("ws://x");
            c.providers[0].apiKey.clear();
            c.routes[0].model.clear();
        }) << QStringList({QStringLiteral("Listening on 0.0.0.0 beyond this machine needs a client token (clientTokenEnv)."),
                           QStringLiteral("Provider deepseek: the base URL \"ws://x\" is not an http(s) URL."),
                           QStringLiteral("Provider deepseek: the environment variable DEEPSEEK_API_KEY that should hold "
                                          "its API key is not set."),
                           QStringLiteral("The route for \"*\" has no upstream model.")});
    }

    void problems()
    {
        QFETCH(Change, change);
        QFETCH(QStringList, expected);
        ProxyConfig config = runnable();
        change(config);
        QCOMPARE(config.problems(), expected);
    }

    void secrets()
    {
        ProxyConfig config = runnable();
        QCOMPARE(config.secrets(), QStringList(QStringLiteral("sk-deepseek-0123456789abcdef")));

        config.clientToken = QStringLiteral("client-secret-token");
        config.providers.append(localProvider(QStringLiteral("ollama"))); // no key: nothing to hide
        ProviderConfig openrouter = localProvider(QStringLiteral("openrouter"));
        openrouter.apiKey = QStringLiteral("sk-or-v1-0123456789abcdef");
        config.providers.append(openrouter);
        QCOMPARE(config.secrets(), QStringList({QStringLiteral("client-secret-token"),
                                                QStringLiteral("sk-deepseek-0123456789abcdef"),
                                                QStringLiteral("sk-or-v1-0123456789abcdef")}));

        QCOMPARE(ProxyConfig().secrets(), QStringList());
    }

    void providerByName()
    {
        ProxyConfig config = runnable();
        config.providers.append(localProvider(QStringLiteral("ollama")));
        const ProviderConfig *ollama = config.provider(QStringLiteral("ollama"));
        QCOMPARE(ollama, &config.providers.at(1)); // the config's own entry, not a copy
        QCOMPARE(config.provider(QStringLiteral("deepseek")), &config.providers.at(0));
        QCOMPARE(config.provider(QStringLiteral("Ollama")), nullptr);
        QCOMPARE(config.provider(QStringLiteral("groq")), nullptr);
        QCOMPARE(ProxyConfig().provider(QStringLiteral("deepseek")), nullptr);
    }

    void profileByName()
    {
        ProxyConfig config = runnable();
        config.profiles = {profile(QStringLiteral("team")), profile(QStringLiteral("solo"))};
        QCOMPARE(config.profile(QStringLiteral("solo")), &config.profiles.at(1));
        QCOMPARE(config.profile(QStringLiteral("team")), &config.profiles.at(0));
        QCOMPARE(config.profile(QStringLiteral("Team")), nullptr);
        QCOMPARE(config.profile(QString()), nullptr);
    }

    void profileTokensAreSecrets()
    {
        ProxyConfig config = runnable();
        config.profiles = {profile(QStringLiteral("team")), profile(QStringLiteral("open"))};
        config.profiles[0].clientToken = QStringLiteral("team-token-0123456789");
        QVERIFY(config.secrets().contains(QStringLiteral("team-token-0123456789")));
        QCOMPARE(config.secrets().size(), 2);
    }

    void scenarios()
    {
        QCOMPARE(ModelRoute::scenarios(), QStringList({QStringLiteral("background"), QStringLiteral("thinking"),
                                                       QStringLiteral("longContext"), QStringLiteral("images"),
                                                       QStringLiteral("webSearch"), QStringLiteral("vision")}));
    }

    void parseListen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QHostAddress>("address");
        QTest::addColumn<int>("port");

        QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1:8765") << true << QHostAddress(QHostAddress::LocalHost) << 8765;
        QTest::newRow("all IPv4") << QStringLiteral("0.0.0.0:80") << true << QHostAddress(QHostAddress::AnyIPv4) << 80;
        QTest::newRow("LAN address") << QStringLiteral("192.168.1.20:65535") << true
                                     << QHostAddress(QStringLiteral("192.168.1.20")) << 65535;
        QTest::newRow("IPv6 loopback") << QStringLiteral("[::1]:8765") << true << QHostAddress(QHostAddress::LocalHostIPv6) << 8765;
        QTest::newRow("all IPv6") << QStringLiteral("[::]:9000") << true << QHostAddress(QHostAddress::AnyIPv6) << 9000;
        QTest::newRow("IPv6 full") << QStringLiteral("[fd00::1:2]:1234") << true << QHostAddress(QStringLiteral("fd00::1:2"))
                                   << 1234;
        QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << true << QHostAddress(QHostAddress::LocalHost) << 0;
        QTest::newRow("IPv6 port 0") << QStringLiteral("[::1]:0") << true << QHostAddress(QHostAddress::LocalHostIPv6) << 0;

        const auto bad = [](const char *name, const char *text) {
            QTest::newRow(name) << QString::fromUtf8(text) << false << QHostAddress() << -1;
        };
        bad("empty", "");
        bad("address only", "127.0.0.1");
        bad("port only", ":8765");
        bad("empty port", "127.0.0.1:");
        bad("port too big", "127.0.0.1:65536");
        bad("negative port", "127.0.0.1:-1");
        bad("port not a number", "127.0.0.1:http");
        bad("host name", "localhost:8765");
        bad("bad IPv4", "999.0.0.1:80");
        bad("unbracketed IPv6", "::1:8765");
        bad("bracketed IPv6 without port", "[::1]");
        bad("path", "127.0.0.1:8765/v1");
        bad("scheme", "http://127.0.0.1:8765");
        bad("space", "127.0.0.1: 8765");
        bad("words", "garbage");
        // Accepting these would silently drop what the user typed after the port.
        bad("query", "127.0.0.1:8765?x=1");
        bad("fragment", "127.0.0.1:8765#top");
        bad("user info", "admin@127.0.0.1:8765");
    }

    void parseListen()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QHostAddress, address);
        QFETCH(int, port);
        const auto parsed = ProxyConfig::parseListen(text);
        QCOMPARE(parsed.has_value(), valid);
        if (parsed) {
            QCOMPARE(parsed->first, address);
            QCOMPARE(int(parsed->second), port);
        }
    }
};

QTEST_GUILESS_MAIN(TestProxyConfig)
#include "tst_proxyconfig.moc"
