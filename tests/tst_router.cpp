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
    ModelRoute route;
    route.match = QString::fromUtf8(match);
    route.provider = QString::fromUtf8(providerName);
    route.model = QString::fromUtf8(model);
    route.maxOutputTokens = maxOutputTokens;
    return route;
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

// A provider with per-model caps, as a preset gives them.
ProviderConfig providerWithCaps(const QString &name, int maxOutputTokens, const QHash<QString, int> &modelCaps)
{
    ProviderConfig config = providerConfig(name, maxOutputTokens);
    config.modelOutputCaps = modelCaps;
    return config;
}

ModelRoute scenarioRoute(const char *when, const char *match, const char *providerName, const char *model)
{
    ModelRoute route = modelRoute(match, providerName, model);
    route.when = QString::fromUtf8(when);
    return route;
}

RequestTraits traitsOf(const QString &model, bool thinking = false, bool images = false, qint64 estimatedTokens = 0)
{
    RequestTraits traits;
    traits.model = model;
    traits.thinking = thinking;
    traits.images = images;
    traits.estimatedTokens = estimatedTokens;
    return traits;
}

// Providers for explicit "provider,model" names; the catch-all has a fallback that an explicit
// choice must not bring along.
ProxyConfig explicitConfig()
{
    ProxyConfig config;
    config.providers = {providerWithCaps(QStringLiteral("deepseek"), 8192, {{QStringLiteral("deepseek-reasoner"), 65536}}),
                        providerConfig(QStringLiteral("openrouter"), 4096), providerConfig(QStringLiteral("ollama"), 0)};
    ModelRoute catchAll = modelRoute("*", "deepseek", "deepseek-chat");
    catchAll.fallbacks = {RouteTarget{QStringLiteral("ollama"), QStringLiteral("llama3")}};
    config.routes = {modelRoute("*haiku*", "ollama", "qwen2.5-coder:7b"), catchAll};
    return config;
}

// One route per scenario in front of a catch-all, and a `when` no scenario has.
ProxyConfig scenarioConfig()
{
    ProxyConfig config;
    config.longContextTokens = 1000;
    config.providers = {providerConfig(QStringLiteral("fast"), 1000), providerConfig(QStringLiteral("vision"), 2000),
                        providerConfig(QStringLiteral("think"), 3000), providerConfig(QStringLiteral("big"), 4000),
                        providerConfig(QStringLiteral("main"), 5000)};
    config.routes = {
        scenarioRoute("background", "*", "fast", "fast-model"),
        scenarioRoute("images", "*", "vision", "vision-model"),
        scenarioRoute("thinking", "*opus*", "think", "think-model"),
        scenarioRoute("longContext", "*", "big", "big-model"),
        scenarioRoute("sometimes", "*", "fast", "never-model"),
        modelRoute("*", "main", "main-model"),
    };
    return config;
}

// A primary with a per-model cap and fallbacks across providers with caps of their own.
ProxyConfig fallbackConfig(int routeCap)
{
    ProxyConfig config;
    config.providers = {providerWithCaps(QStringLiteral("deepseek"), 8192, {{QStringLiteral("deepseek-reasoner"), 65536}}),
                        providerWithCaps(QStringLiteral("openrouter"), 4096, {{QStringLiteral("qwen/qwen3-coder"), 32000}}),
                        providerConfig(QStringLiteral("ollama"), 0)};
    ModelRoute route = modelRoute("*sonnet*", "deepseek", "deepseek-reasoner", routeCap);
    route.fallbacks = {RouteTarget{QStringLiteral("openrouter"), QStringLiteral("qwen/qwen3-coder")},
                       RouteTarget{QStringLiteral("openrouter"), QStringLiteral("z-ai/glm-4.6")},
                       RouteTarget{QStringLiteral("ollama"), QStringLiteral("llama3")},
                       RouteTarget{QStringLiteral("missing"), QStringLiteral("m")}};
    config.routes = {route};
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
        config.routes = {modelRoute("*", "p", "upstream-model")};
        config.routes[0].match = match;
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

    void explicitProvider_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("upstreamModel");
        QTest::addColumn<int>("maxOutputTokens");
        QTest::newRow("comma") << QStringLiteral("deepseek,deepseek-chat") << QStringLiteral("deepseek")
                               << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("comma, per-model cap") << QStringLiteral("deepseek,deepseek-reasoner") << QStringLiteral("deepseek")
                                              << QStringLiteral("deepseek-reasoner") << 65536;
        QTest::newRow("comma and space") << QStringLiteral("deepseek, deepseek-reasoner") << QStringLiteral("deepseek")
                                         << QStringLiteral("deepseek-reasoner") << 65536;
        QTest::newRow("comma, model with slash") << QStringLiteral("openrouter,anthropic/claude-sonnet-4.5")
                                                 << QStringLiteral("openrouter") << QStringLiteral("anthropic/claude-sonnet-4.5")
                                                 << 4096;
        QTest::newRow("slash") << QStringLiteral("ollama/qwen3-coder:30b") << QStringLiteral("ollama")
                               << QStringLiteral("qwen3-coder:30b") << 0;
        QTest::newRow("slash, model with slash") << QStringLiteral("openrouter/anthropic/claude-sonnet-4.5")
                                                 << QStringLiteral("openrouter") << QStringLiteral("anthropic/claude-sonnet-4.5")
                                                 << 4096;
        // The named provider wins over a glob that also matches the name.
        QTest::newRow("beats a glob") << QStringLiteral("deepseek,claude-haiku-4-5") << QStringLiteral("deepseek")
                                      << QStringLiteral("claude-haiku-4-5") << 8192;
        QTest::newRow("slash beats a glob") << QStringLiteral("openrouter/anthropic/claude-haiku-4.5")
                                            << QStringLiteral("openrouter") << QStringLiteral("anthropic/claude-haiku-4.5")
                                            << 4096;
        // OpenRouter-style names whose prefix is no provider here are ordinary model names.
        QTest::newRow("vendor prefix, no such provider") << QStringLiteral("anthropic/claude-sonnet-4.5")
                                                         << QStringLiteral("deepseek") << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("vendor prefix to a glob") << QStringLiteral("anthropic/claude-haiku-4.5") << QStringLiteral("ollama")
                                                 << QStringLiteral("qwen2.5-coder:7b") << 0;
        QTest::newRow("unknown provider, comma") << QStringLiteral("groq,llama-3.3") << QStringLiteral("deepseek")
                                                 << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("provider names are case-sensitive") << QStringLiteral("DeepSeek,deepseek-reasoner")
                                                           << QStringLiteral("deepseek") << QStringLiteral("deepseek-chat")
                                                           << 8192;
        QTest::newRow("nothing before the comma") << QStringLiteral(",deepseek-reasoner") << QStringLiteral("deepseek")
                                                  << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("nothing after the comma") << QStringLiteral("ollama,") << QStringLiteral("deepseek")
                                                 << QStringLiteral("deepseek-chat") << 8192;
        QTest::newRow("nothing after the slash") << QStringLiteral("ollama/") << QStringLiteral("deepseek")
                                                 << QStringLiteral("deepseek-chat") << 8192;
    }

    void explicitProvider()
    {
        QFETCH(QString, requested);
        QFETCH(QString, provider);
        QFETCH(QString, upstreamModel);
        QFETCH(int, maxOutputTokens);
        const ProxyConfig config = explicitConfig();
        const Router router(config, config.routes);
        const QList<Route> planned = router.plan(traitsOf(requested));
        QVERIFY(!planned.isEmpty());
        QVERIFY(planned.first().provider);
        QCOMPARE(planned.first().provider, config.provider(provider));
        QCOMPARE(planned.first().upstreamModel, upstreamModel);
        QCOMPARE(planned.first().maxOutputTokens, maxOutputTokens);
        QCOMPARE(router.route(requested)->upstreamModel, upstreamModel);
    }

    // An explicit choice is exactly that: no fallbacks of whatever route the name would match.
    void explicitProviderHasNoFallbacks()
    {
        const ProxyConfig config = explicitConfig();
        const Router router(config, config.routes);
        QCOMPARE(router.plan(traitsOf(QStringLiteral("claude-sonnet-4-5"))).size(), 2); // the catch-all's fallback
        QCOMPARE(router.plan(traitsOf(QStringLiteral("deepseek,deepseek-chat"))).size(), 1);
        QCOMPARE(router.plan(traitsOf(QStringLiteral("deepseek/deepseek-chat"))).size(), 1);
    }

    // With no routes at all, a configured provider is still reachable by name.
    void explicitProviderWithoutRoutes()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("p"), 777)};
        const Router router(config, config.routes);
        const std::optional<Route> found = router.route(QStringLiteral("p,any-model"));
        QVERIFY(found);
        QCOMPARE(found->provider, &config.providers.at(0));
        QCOMPARE(found->upstreamModel, QStringLiteral("any-model"));
        QCOMPARE(found->maxOutputTokens, 777);
        QVERIFY(!router.route(QStringLiteral("q,any-model")));
    }

    void scenarios_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("thinking");
        QTest::addColumn<bool>("images");
        QTest::addColumn<qint64>("estimatedTokens");
        QTest::addColumn<QString>("upstreamModel");
        QTest::newRow("no scenario") << QStringLiteral("claude-sonnet-4-5") << false << false << qint64(10)
                                     << QStringLiteral("main-model");
        QTest::newRow("background") << QStringLiteral("claude-haiku-4-5") << false << false << qint64(10)
                                    << QStringLiteral("fast-model");
        QTest::newRow("images") << QStringLiteral("claude-sonnet-4-5") << false << true << qint64(10)
                                << QStringLiteral("vision-model");
        QTest::newRow("thinking") << QStringLiteral("claude-opus-5-5") << true << false << qint64(10)
                                  << QStringLiteral("think-model");
        // The thinking route's glob takes only opus: a thinking sonnet request is not for it.
        QTest::newRow("thinking, glob does not match") << QStringLiteral("claude-sonnet-4-5") << true << false << qint64(10)
                                                       << QStringLiteral("main-model");
        QTest::newRow("opus without thinking") << QStringLiteral("claude-opus-5-5") << false << false << qint64(10)
                                               << QStringLiteral("main-model");
        QTest::newRow("long context") << QStringLiteral("claude-sonnet-4-5") << false << false << qint64(1001)
                                      << QStringLiteral("big-model");
        QTest::newRow("at the threshold is not long") << QStringLiteral("claude-sonnet-4-5") << false << false << qint64(1000)
                                                      << QStringLiteral("main-model");
        // Several scenarios hold: the first route in the list wins.
        QTest::newRow("background with images") << QStringLiteral("claude-haiku-4-5") << false << true << qint64(5000)
                                                << QStringLiteral("fast-model");
        QTest::newRow("thinking, long, with images") << QStringLiteral("claude-opus-5-5") << true << true << qint64(5000)
                                                     << QStringLiteral("vision-model");
        QTest::newRow("thinking and long") << QStringLiteral("claude-opus-5-5") << true << false << qint64(5000)
                                           << QStringLiteral("think-model");
    }

    void scenarios()
    {
        QFETCH(QString, model);
        QFETCH(bool, thinking);
        QFETCH(bool, images);
        QFETCH(qint64, estimatedTokens);
        QFETCH(QString, upstreamModel);
        const ProxyConfig config = scenarioConfig();
        const Router router(config, config.routes);
        const QList<Route> planned = router.plan(traitsOf(model, thinking, images, estimatedTokens));
        QCOMPARE(planned.size(), 1);
        QCOMPARE(planned.first().upstreamModel, upstreamModel);
        QVERIFY(planned.first().provider);
        // The unknown `when` never holds: its route is never chosen.
        QVERIFY(planned.first().upstreamModel != QLatin1StringView("never-model"));
    }

    void longContextUsesTheConfiguredThreshold_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::addColumn<qint64>("estimatedTokens");
        QTest::addColumn<bool>("longContext");
        QTest::newRow("default, below") << ProxyConfig().longContextTokens << qint64(ProxyConfig().longContextTokens) << false;
        QTest::newRow("default, above") << ProxyConfig().longContextTokens << qint64(ProxyConfig().longContextTokens) + 1 << true;
        QTest::newRow("raised, below") << 200'000 << qint64(150'000) << false;
        QTest::newRow("lowered, above") << 100 << qint64(101) << true;
    }

    void longContextUsesTheConfiguredThreshold()
    {
        QFETCH(int, threshold);
        QFETCH(qint64, estimatedTokens);
        QFETCH(bool, longContext);
        ProxyConfig config;
        config.longContextTokens = threshold;
        config.providers = {providerConfig(QStringLiteral("p"), 8192)};
        config.routes = {scenarioRoute("longContext", "*", "p", "long"), modelRoute("*", "p", "short")};
        const Router router(config, config.routes);
        QCOMPARE(router.plan(traitsOf(QStringLiteral("claude-sonnet-4-5"), false, false, estimatedTokens)).first().upstreamModel,
                 longContext ? QStringLiteral("long") : QStringLiteral("short"));
    }

    // route() asks about a bare name: only the scenario that follows from the name can hold.
    void routeOfABareName()
    {
        const ProxyConfig config = scenarioConfig();
        const Router router(config, config.routes);
        QCOMPARE(router.route(QStringLiteral("claude-opus-5-5"))->upstreamModel, QStringLiteral("main-model"));
        QCOMPARE(router.route(QStringLiteral("claude-haiku-4-5"))->upstreamModel, QStringLiteral("fast-model"));
    }

    // A scenario route and nothing else: requests outside the scenario have no route.
    void onlyScenarioRoutes()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("p"), 8192)};
        config.routes = {scenarioRoute("thinking", "*", "p", "thinker")};
        const Router router(config, config.routes);
        QVERIFY(router.plan(traitsOf(QStringLiteral("claude-sonnet-4-5"))).isEmpty());
        QCOMPARE(router.plan(traitsOf(QStringLiteral("claude-sonnet-4-5"), true)).size(), 1);
    }

    void fallbacks_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<int>("routeCap");
        QTest::addColumn<int>("primaryCap");
        QTest::newRow("glob, per-model cap") << QStringLiteral("claude-sonnet-4-5") << 0 << 65536;
        // The route's own cap is for its own provider and model, not for the fallbacks.
        QTest::newRow("glob, route's cap") << QStringLiteral("claude-sonnet-4-5") << 16000 << 16000;
        QTest::newRow("upstream name") << QStringLiteral("deepseek-reasoner") << 0 << 65536;
        QTest::newRow("upstream name, route's cap") << QStringLiteral("deepseek-reasoner") << 2048 << 2048;
    }

    void fallbacks()
    {
        QFETCH(QString, requested);
        QFETCH(int, routeCap);
        QFETCH(int, primaryCap);
        const ProxyConfig config = fallbackConfig(routeCap);
        const Router router(config, config.routes);
        const QList<Route> planned = router.plan(traitsOf(requested));
        QCOMPARE(planned.size(), 5);

        QCOMPARE(planned.at(0).provider, config.provider(QStringLiteral("deepseek")));
        QCOMPARE(planned.at(0).upstreamModel, QStringLiteral("deepseek-reasoner"));
        QCOMPARE(planned.at(0).maxOutputTokens, primaryCap);

        QCOMPARE(planned.at(1).provider, config.provider(QStringLiteral("openrouter")));
        QCOMPARE(planned.at(1).upstreamModel, QStringLiteral("qwen/qwen3-coder"));
        QCOMPARE(planned.at(1).maxOutputTokens, 32000); // its per-model cap

        QCOMPARE(planned.at(2).provider, config.provider(QStringLiteral("openrouter")));
        QCOMPARE(planned.at(2).upstreamModel, QStringLiteral("z-ai/glm-4.6"));
        QCOMPARE(planned.at(2).maxOutputTokens, 4096); // the provider's cap

        QCOMPARE(planned.at(3).provider, config.provider(QStringLiteral("ollama")));
        QCOMPARE(planned.at(3).upstreamModel, QStringLiteral("llama3"));
        QCOMPARE(planned.at(3).maxOutputTokens, 0);

        // problems() reports the unknown provider; the router must not crash on it.
        QCOMPARE(planned.at(4).provider, nullptr);
        QCOMPARE(planned.at(4).upstreamModel, QStringLiteral("m"));
        QCOMPARE(planned.at(4).maxOutputTokens, 0);

        // route() is the first choice only.
        const std::optional<Route> first = router.route(requested);
        QVERIFY(first);
        QCOMPARE(first->upstreamModel, QStringLiteral("deepseek-reasoner"));
        QCOMPARE(first->maxOutputTokens, primaryCap);
    }

    // Web searches go to the provider whose own search the route names; other requests do not.
    void webSearchScenario()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("searcher"), 1000), providerConfig(QStringLiteral("main"), 2000)};
        config.routes = {scenarioRoute("webSearch", "*", "searcher", "search-model"), modelRoute("*", "main", "main-model")};
        const Router router(config, config.routes);
        RequestTraits traits = traitsOf(QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(router.plan(traits).constFirst().upstreamModel, QStringLiteral("main-model"));
        traits.webSearch = true;
        QCOMPARE(router.plan(traits).constFirst().upstreamModel, QStringLiteral("search-model"));
    }

    void scenarioRouteBringsItsFallbacks()
    {
        ProxyConfig config;
        config.providers = {providerConfig(QStringLiteral("a"), 100), providerConfig(QStringLiteral("b"), 200)};
        ModelRoute thinking = scenarioRoute("thinking", "*", "a", "a-thinker");
        thinking.fallbacks = {RouteTarget{QStringLiteral("b"), QStringLiteral("b-thinker")}};
        ModelRoute plain = modelRoute("*", "b", "b-chat");
        plain.fallbacks = {RouteTarget{QStringLiteral("a"), QStringLiteral("a-chat")}};
        config.routes = {thinking, plain};
        const Router router(config, config.routes);

        const QList<Route> deliberate = router.plan(traitsOf(QStringLiteral("claude-opus-5-5"), true));
        QCOMPARE(deliberate.size(), 2);
        QCOMPARE(deliberate.at(0).upstreamModel, QStringLiteral("a-thinker"));
        QCOMPARE(deliberate.at(1).upstreamModel, QStringLiteral("b-thinker"));
        QCOMPARE(deliberate.at(1).maxOutputTokens, 200);

        const QList<Route> ordinary = router.plan(traitsOf(QStringLiteral("claude-opus-5-5")));
        QCOMPARE(ordinary.size(), 2);
        QCOMPARE(ordinary.at(0).upstreamModel, QStringLiteral("b-chat"));
        QCOMPARE(ordinary.at(1).upstreamModel, QStringLiteral("a-chat"));
        QCOMPARE(ordinary.at(1).maxOutputTokens, 100);
    }

    void perModelCapOfThePrimary()
    {
        ProxyConfig config;
        config.providers = {providerWithCaps(QStringLiteral("deepseek"), 8192, {{QStringLiteral("deepseek-reasoner"), 65536}})};
        config.routes = {modelRoute("*opus*", "deepseek", "deepseek-reasoner"), modelRoute("*", "deepseek", "deepseek-chat")};
        const Router router(config, config.routes);
        QCOMPARE(router.route(QStringLiteral("claude-opus-5-5"))->maxOutputTokens, 65536);
        QCOMPARE(router.route(QStringLiteral("claude-sonnet-4-5"))->maxOutputTokens, 8192);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
