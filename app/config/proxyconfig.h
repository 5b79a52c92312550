#pragma once

#include "http/httpheaders.h"
#include "http/httplimits.h"
#include "protocol/providerrules.h"
#include "protocol/upstreamapi.h"
#include "websearch/searchbackendapi.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// An upstream the proxy forwards to.
struct ProviderConfig
{
    QString name;
    QUrl baseUrl;                        // e.g. https://api.deepseek.com/v1
    UpstreamApi format = UpstreamApi::OpenAiChat;
    QString apiKeyEnv;                   // the environment variable holding the key, if any
    QString apiKey;                      // resolved from apiKeyEnv; never logged or shown
    bool keyInKeychain = false;          // the key is in the OS keychain under `name`
    int maxOutputTokens = 8192;          // clamps max_tokens (Claude Code asks 128000); 0 = no cap
    HttpHeaders headers; // extra request headers
    QString preset;                      // the preset the defaults came from, if any
    ProviderRules rules;
    QHash<QString, int> modelOutputCaps; // per-model caps that override maxOutputTokens
    QHash<QString, int> modelContextWindows; // per-model context windows in tokens, where known
    QHash<QString, bool> modelImages;    // per-model: takes images (a model not listed is assumed to)
    int maxConcurrent = 0;               // requests in flight at once; 0 = no limit
    int maxQueued = 100;                 // waiting beyond maxConcurrent; more get 529
    bool validateModels = true;          // check model names against the provider's GET /models

    // The base URL with `path` appended ("/chat/completions", "/v1/messages").
    QUrl endpoint(const QString &path) const;
    // The cap for one of this provider's models.
    int outputCapFor(const QString &model) const { return modelOutputCaps.value(model, maxOutputTokens); }
    // One of this provider's models' context window; 0 if unknown.
    int contextWindowFor(const QString &model) const { return modelContextWindows.value(model); }
    bool takesImages(const QString &model) const { return modelImages.value(model, true); }
};

// A provider and model a route falls back to.
struct RouteTarget
{
    QString provider;
    QString model;
};

// Which provider and upstream model serve a requested model name.
struct ModelRoute
{
    QString match;        // a case-insensitive glob on the requested model: "*haiku*", "*"
    QString provider;
    QString model;
    int maxOutputTokens = 0; // overrides the provider's cap for this route; 0 = the provider's
    int contextWindow = 0;   // the model's context window in tokens; 0 = the preset's, if any
    std::optional<bool> images; // whether the model takes images; unset: the preset says, else yes
    // A scenario the request must be in: background, thinking, longContext, images, webSearch;
    // or vision: the route that describes images for the routes whose model takes none.
    QString when;
    QList<RouteTarget> fallbacks; // tried in order when the provider fails before answering

    static QStringList scenarios();
};

// A set of routes reachable under its own base path (/p/<name>), with its own token.
struct Profile
{
    QString name;
    QList<ModelRoute> routes;
    QString clientTokenEnv;
    QString clientToken;
    // Send the client's own key (x-api-key or Bearer) upstream instead of the provider's.
    bool passClientKey = false;
    bool tokenInKeychain = false; // the token is in the OS keychain (ProxyController::profileTokenName)
};

// Bounds of retrying a failed upstream attempt before anything reached the client. The client
// sees nothing while the proxy waits, and Claude Code retries on its own with a countdown the
// user can see: the proxy only takes waits short enough to go unnoticed.
struct RetryLimits
{
    int maxAttempts = 3;        // per provider, the first included
    int baseDelayMs = 500;      // the first backoff's upper bound; doubles per attempt
    int maxDelayMs = 2'000;     // the longest single wait, backoff or Retry-After
    // No wait may end later than this after the request arrived, attempts included: the
    // default schedule on one provider (quick failures, waits of up to 0.5 and 1 s, or two
    // short Retry-Afters) fits, and a client is not kept in silence longer than a few seconds.
    int maxTotalWaitMs = 5'000;
};

// Where CC Bridge runs Anthropic's web search for providers that have none of their own.
struct WebSearchConfig
{
    SearchBackendConfig backend; // kind None: no searches are run here
    QString apiKeyEnv;           // the environment variable holding the backend's key, if any
    bool keyInKeychain = false;  // the key is in the OS keychain (ProxyController::webSearchKeyName)
};

// Everything the headless proxy needs, from a config file or the quick-start flags.
struct ProxyConfig
{
    Q_DECLARE_TR_FUNCTIONS(ProxyConfig)

public:
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8765;
    QString clientTokenEnv;   // the environment variable holding the client token, if any
    QString clientToken;      // resolved; required when listening beyond loopback
    HttpLimits http;
    int connectTimeoutMs = 30'000;  // until the request is on its way to the upstream
    int readTimeoutMs = 300'000;    // upstream silence before and between bytes
    int pingIntervalMs = 10'000;    // a `ping` event after this much stream silence
    int requestTimeoutMs = 600'000; // a whole request, first byte to last
    // At shutdown, how long requests in flight may take to finish. Within the 10 s `docker stop`
    // gives before SIGKILL, with room left for the error events that end the rest.
    int shutdownGraceMs = 5'000;
    int longContextTokens = 60'000; // above this estimate a request is in the longContext scenario
    RetryLimits retry;
    QStringList corsOrigins;        // browser origins allowed to call the proxy; "*" for any
    QStringList allowedHosts;       // Host names accepted besides loopback and the listen address; "*" for any
    QList<ProviderConfig> providers;
    QList<ModelRoute> routes;       // the default profile's
    QList<Profile> profiles;
    WebSearchConfig webSearch;

    const ProviderConfig *provider(const QString &name) const;
    // Problems that keep the proxy from starting, one sentence each; empty when all is well.
    QStringList problems() const;
    // Every secret the config holds, for redaction.
    QStringList secrets() const;

    const Profile *profile(const QString &name) const;
    // "127.0.0.1:8765", "[::1]:8765", "0.0.0.0:80" → address and port (0: any free port).
    static std::optional<QPair<QHostAddress, quint16>> parseListen(const QString &text);

private:
    QStringList routeProblems(const QList<ModelRoute> &routeList) const;
    QStringList webSearchProblems() const;
};
