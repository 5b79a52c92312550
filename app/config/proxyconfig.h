#pragma once

#include "http/httpheaders.h"
#include "http/httplimits.h"

#include <QCoreApplication>
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
    QString format = QStringLiteral("openai-chat");
    QString apiKeyEnv;                   // the environment variable holding the key, if any
    QString apiKey;                      // resolved from apiKeyEnv; never logged or shown
    int maxOutputTokens = 8192;          // clamps max_tokens (Claude Code asks 128000); 0 = no cap
    HttpHeaders headers; // extra request headers
};

// Which provider and upstream model serve a requested model name.
struct ModelRoute
{
    QString match;        // a case-insensitive glob on the requested model: "*haiku*", "*"
    QString provider;
    QString model;
    int maxOutputTokens = 0; // overrides the provider's cap for this route; 0 = the provider's
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
    QList<ProviderConfig> providers;
    QList<ModelRoute> routes;

    const ProviderConfig *provider(const QString &name) const;
    // Problems that keep the proxy from starting, one sentence each; empty when all is well.
    QStringList problems() const;
    // Every secret the config holds, for redaction.
    QStringList secrets() const;

    static QStringList supportedFormats();
    // "127.0.0.1:8765", "[::1]:8765", "0.0.0.0:80" → address and port (0: any free port).
    static std::optional<QPair<QHostAddress, quint16>> parseListen(const QString &text);
};
