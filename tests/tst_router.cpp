#include "proxy/router.h"

#include <QTest>

namespace {
ProviderConfig providerConfig(const QString &name, int maxOutputTokens)
{
    ProviderConfig config;
    config.name = name;
    config.baseUrl = QUrl(QStringLiteral("https://example.org/v1"));
    config.maxOutputTokens = maxOutputTokens;
    return config;
}

ModelRoute modelRoute(const char *match, const char *providerName, const char *model, int maxOutputTokens = 0)
{
    return ModelRoute{QString::fromUtf8(match), QString::fromUtf8(providerName), QString::fromUtf8(model), maxOutputTokens};
}

// Three providers with different caps, and routes that exercise globs, literals and `?`.
ProxyConfig typicalConfig()
{
    ProxyConfig config;
    config.providers = {providerConfig(QStringLiteral("deepseek"), 8192), providerConfig(QStringLiteral("ollama"), 0),
                        providerConfig(QStringLiteral("openrouter"), 4096)};
    config.routes = {
        modelRoute("*haiku*", "ollama", "qwen2.5-coder:7b"),
        modelRoute("claude-opus-5-5", "openrouter", "anthropic/claude-opus-4.1", 16000),
        modelRoute("gpt-?o", "openrouter", "openai/gpt-4o"),
        modelRoute("openai/*", "openrouter", "openai/gpt-4o-mini"),
        modelRoute("*", "deepseek", "deepseek-chat"),
    };
    return config;
}

// No catch-all, so names that match no glob can reach the upstream-model fallback.
ProxyConfig configWithoutCatchAll()
{
    ProxyConfig config;
    config.providers = {providerConfig(QStringLiteral("deepseek"), 8192), providerConfig(QStringLiteral("ollama"), 0)};
    config.routes = {
        modelRoute("*haiku*", "ollama", "qwen2.5-coder:7b"),
        modelRoute("*sonnet*", "deepseek", "deepseek-reasoner", 32000),
        modelRoute("claude-opus-5-5", "deepseek", "deepseek-chat"),
    };
    return config;
}
}

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void route_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("upstreamModel");
        QTest::addColumn<int>("maxOutputTokens");

        QTest::newRow("glob in the middle") << QStringLiteral("claude-haiku-4-5-20251001") << QStringLiteral("ollama")
                                            << QStringLiteral("qwen2.5-coder:7b") << 0;
        QTest::newRow("glob ignores case") << QStringLiteral("Claude-HAIKU-4-5") << QStringLiteral("ollama")
                                           << QStringLiteral("qwen2.5-coder:7b") << 0;
        QTest::newRow("literal") << QStringLiteral("claude-opus-5-5") << QStringLiteral("openrouter")
                                 << QStringLiteral("anthropic/claude-opus-4.1") << 16000;
        QTest::newRow("literal ignores case") << QStringLiteral("CLAUDE-Opus-5-5") << QStringLiteral("openrouter")
                                              << QStringLiteral("anthropic/claude-opus-4.1") << 16000;
        // Anchored at both ends: a longer name is not the literal, it falls through to `*`.
        QTest::newRow("literal with suffix") << QStringLiteral("claude-opus-5-5-20260101") << QStringLiteral("deepseek")
                                             << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("literal with prefix") << QStringLiteral("my-claude-opus-5-5") << QStringLiteral("deepseek")
                                             << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("? is one character") << QStringLiteral("gpt-4o") << QStringLiteral("openrouter")
                                            << QStringLiteral("openai/gpt-4o") << 4096;
        QTest::newRow("? is not two") << QStringLiteral("gpt-41o") << QStringLiteral("deepseek")
                                      << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("? is not zero") << QStringLiteral("gpt-o") << QStringLiteral("deepseek")
                                       << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("* crosses /") << QStringLiteral("openai/gpt-4.1/preview") << QStringLiteral("openrouter")
                                     << QStringLiteral("openai/gpt-4o-mini") << 4096;
        QTest::newRow("catch-all") << QStringLiteral("claude-sonnet-4-5") << QStringLiteral("deepseek")
                                   << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("catch-all takes names with /") << QStringLiteral("meta-llama/llama-3.3-70b")
                                                      << QStringLiteral("deepseek") << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("catch-all takes the empty name") << QString() << QStringLiteral("deepseek")
                                                        << QStringLiteral("deepseek-chat") << 8192;
    }

    void route()
    {
        QFETCH(QString, requested);
        QFETCH(QString, provider);
        QFETCH(QString, upstreamModel);
        QFETCH(int, maxOutputTokens);
        const ProxyConfig config = typicalConfig();
        const Router router(config, config.routes);
        const std::optional<Route> found = router.route(requested);
        QVERIFY(found);
        QVERIFY(found->provider);
        QCOMPARE(found->provider->name, provider);
        QCOMPARE(found->provider, config.provider(provider)); // points into the config
        QCOMPARE(found->upstreamModel, upstreamModel);
        QCOMPARE(found->maxOutputTokens, maxOutputTokens);
    }

    void anchoring_data()
    {
        QTest::addColumn<QString>("match");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << QStringLiteral("claude-opus-5-5") << QStringLiteral("claude-opus-5-5") << true;
        QTest::newRow("suffix") << QStringLiteral("claude-opus-5-5") << QStringLiteral("claude-opus-5-5x") << false;
        QTest::newRow("prefix") << QStringLiteral("claude-opus-5-5") << QStringLiteral("xclaude-opus-5-5") << false;
        QTest::newRow("trailing newline") << QStringLiteral("claude-opus-5-5") << QStringLiteral("claude-opus-5-5\n") << false;
        QTest::newRow("leading glob only") << QStringLiteral("*-haiku") << QStringLiteral("claude-haiku-4-5") << false;
        QTest::newRow("trailing glob only") << QStringLiteral("claude-*") << QStringLiteral("anthropic/claude-x") << false;
        // Characters that mean something in a regular expression are literal in a glob.
        QTest::newRow("dot is literal") << QStringLiteral("gpt-4.1") << QStringLiteral("gpt-4x1") << false;
        QTest::newRow("dot matches dot") << QStringLiteral("gpt-4.1") << QStringLiteral("gpt-4.1") << true;
        QTest::newRow("plus is literal") << QStringLiteral("c++") << QStringLiteral("cc") << false;
        QTest::newRow("plus matches plus") << QStringLiteral("c++") << QStringLiteral("c++") << true;
        QTest::newRow("brackets are literal") << QStringLiteral("[ab]") << QStringLiteral("a") << false;
        QTest::newRow("brackets match brackets") << QStringLiteral("[ab]") << QStringLiteral("[ab]") << true;
        QTest::newRow("parentheses and pipe") << QStringLiteral("(a|b)") << QStringLiteral("a") << false;
        QTest::newRow("dollar and caret") << QStringLiteral("^x$") << QStringLiteral("^x$") << true;
        QTest::newRow("backslash") << QStringLiteral("a\\d") << QStringLiteral("a1") << false;
    }

    void anchoring()
    {
        QFETCH(QString, match);
        QFETCH(QString, requested);
        QFETCH(bool, matches);
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("p"), 8192)};
        config.routes = {ModelRoute{match, QStringLiteral("p"), QStringLiteral("upstream-model"), 0}};
        const Router router(config, config.routes);
        QCOMPARE(router.route(requested).has_value(), matches);
    }

    void firstMatchWins()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("a"), 1000), providerConfig(QStringLiteral("b"), 2000)};
        config.routes = {modelRoute("*sonnet*", "a", "model-a"), modelRoute("claude-sonnet-4-5", "b", "model-b"), modelRoute("*", "b", "model-c")};
        const Router router(config, config.routes);
        QCOMPARE(router.route(QStringLiteral("claude-sonnet-4-5"))->upstreamModel, QStringLiteral("model-a"));
        QCOMPARE(router.route(QStringLiteral("claude-opus-4"))->upstreamModel, QStringLiteral("model-c"));

        std::swap(config.routes[0], config.routes[1]);
        const Router swapped(config, config.routes);
        QCOMPARE(swapped.route(QStringLiteral("claude-sonnet-4-5"))->upstreamModel, QStringLiteral("model-b"));
        QCOMPARE(swapped.route(QStringLiteral("claude-sonnet-4-6"))->upstreamModel, QStringLiteral("model-a"));
    }

    void upstreamModelName_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("maxOutputTokens");
        QTest::newRow("deepseek-chat") << QStringLiteral("deepseek-chat") << QStringLiteral("deepseek") << 8192;
        QTest::newRow("with the route's cap") << QStringLiteral("deepseek-reasoner") << QStringLiteral("deepseek") << 32000;
        QTest::newRow("qwen") << QStringLiteral("qwen2.5-coder:7b") << QStringLiteral("ollama") << 0;
    }

    void upstreamModelName()
    {
        QFETCH(QString, requested);
        QFETCH(QString, provider);
        QFETCH(int, maxOutputTokens);
        const ProxyConfig config = configWithoutCatchAll();
        const Router router(config, config.routes);
        const std::optional<Route> found = router.route(requested);
        QVERIFY(found);
        QCOMPARE(found->provider->name, provider);
        QCOMPARE(found->upstreamModel, requested);
        QCOMPARE(found->maxOutputTokens, maxOutputTokens);
    }

    // The fallback is for names no glob takes: a glob that matches an upstream name wins.
    void globBeatsUpstreamModelName()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("ollama"), 0), providerConfig(QStringLiteral("deepseek"), 8192)};
        config.routes = {modelRoute("*chat*", "ollama", "llama3"), modelRoute("claude-opus-5-5", "deepseek", "deepseek-chat")};
        const Router router(config, config.routes);
        const std::optional<Route> found = router.route(QStringLiteral("deepseek-chat"));
        QVERIFY(found);
        QCOMPARE(found->provider->name, QStringLiteral("ollama"));
        QCOMPARE(found->upstreamModel, QStringLiteral("llama3"));
    }

    void noMatch_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::newRow("other model") << QStringLiteral("gpt-5");
        QTest::newRow("empty") << QString();
        QTest::newRow("near an upstream name") << QStringLiteral("deepseek-chat-v2");
    }

    void noMatch()
    {
        QFETCH(QString, requested);
        const ProxyConfig config = configWithoutCatchAll();
        const Router router(config, config.routes);
        QCOMPARE(router.route(requested).has_value(), false);
    }

    void noRoutes()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("p"), 8192)};
        const Router router(config, config.routes);
        QVERIFY(!router.route(QStringLiteral("claude-sonnet-4-5")));
        QCOMPARE(router.modelNames(), QStringList());
    }

    void maxOutputTokens_data()
    {
        QTest::addColumn<int>("providerCap");
        QTest::addColumn<int>("routeCap");
        QTest::addColumn<int>("expected");
        QTest::newRow("provider's cap") << 8192 << 0 << 8192;
        QTest::newRow("route lowers it") << 8192 << 2048 << 2048;
        QTest::newRow("route raises it") << 8192 << 64000 << 64000;
        QTest::newRow("route caps an uncapped provider") << 0 << 4096 << 4096;
        QTest::newRow("no cap anywhere") << 0 << 0 << 0;
    }

    void maxOutputTokens()
    {
        QFETCH(int, providerCap);
        QFETCH(int, routeCap);
        QFETCH(int, expected);
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("p"), providerCap)};
        config.routes = {modelRoute("*", "p", "m", routeCap)};
        const Router router(config, config.routes);
        QCOMPARE(router.route(QStringLiteral("claude-sonnet-4-5"))->maxOutputTokens, expected);
        // The fallback by upstream name uses the same route, so the same cap.
        QCOMPARE(router.route(QStringLiteral("m"))->maxOutputTokens, expected);
    }

    // problems() reports a route to an unknown provider; until then the router must not crash.
    void unknownProviderGivesNoProvider()
    {
        ProxyConfig config;
        config.routes = {modelRoute("*", "missing", "m", 0), modelRoute("x", "missing", "n", 512)};
        const Router router(config, config.routes);
        const std::optional<Route> found = router.route(QStringLiteral("anything"));
        QVERIFY(found);
        QCOMPARE(found->provider, nullptr);
        QCOMPARE(found->upstreamModel, QStringLiteral("m"));
        QCOMPARE(found->maxOutputTokens, 0);
    }

    void modelNames()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("deepseek"), 8192), providerConfig(QStringLiteral("ollama"), 0)};
        config.routes = {
            modelRoute("*haiku*", "ollama", "qwen2.5-coder:7b"),
            modelRoute("claude-opus-5-5", "deepseek", "deepseek-reasoner"),
            modelRoute("claude-opus-5-5", "ollama", "llama3"),       // literal again: listed once
            modelRoute("gpt-?o", "deepseek", "deepseek-chat"),
            modelRoute("deepseek-chat", "deepseek", "deepseek-chat"), // literal equal to a model: once
            modelRoute("claude-sonnet-4-5", "deepseek", "deepseek-reasoner"),
            modelRoute("*", "deepseek", "deepseek-chat"),
        };
        const Router router(config, config.routes);
        QCOMPARE(router.modelNames(),
                 QStringList({QStringLiteral("qwen2.5-coder:7b"), QStringLiteral("claude-opus-5-5"),
                              QStringLiteral("deepseek-reasoner"), QStringLiteral("llama3"), QStringLiteral("deepseek-chat"),
                              QStringLiteral("claude-sonnet-4-5")}));
        for (const QString &name : router.modelNames()) {
            QVERIFY2(!name.contains(QLatin1Char('*')) && !name.contains(QLatin1Char('?')), qPrintable(name));
            QVERIFY2(router.route(name), qPrintable(name)); // every listed name can be used
        }
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
