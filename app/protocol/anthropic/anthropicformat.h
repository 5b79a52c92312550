#pragma once

#include "../upstreamformat.h"

// An Anthropic-compatible endpoint (Anthropic itself, or the Anthropic endpoints of z.ai,
// Kimi, DeepSeek…): the request and stream go through as they are, with the upstream model
// and the provider's key, so nothing is lost (cache_control, thinking signatures, server
// tools). The base URL is what Claude Code would take as ANTHROPIC_BASE_URL.
class AnthropicFormat : public UpstreamFormat
{
public:
    QString messagesPath() const override { return QStringLiteral("/v1/messages"); }
    QString modelsPath() const override { return QStringLiteral("/v1/models"); }
    QString countTokensPath() const override { return QStringLiteral("/v1/messages/count_tokens"); }
    HttpHeaders authHeaders(const QString &apiKey) const override;
    QList<QByteArray> forwardedClientHeaders() const override;

    QJsonObject translateRequest(const QJsonObject &anthropicRequest, const RequestOptions &options) const override;
    std::unique_ptr<StreamTranslator> streamTranslator(const ResponseOptions &options) const override;
    QJsonObject translateResponse(const QJsonObject &upstreamResponse, const ResponseOptions &options) const override;
    std::optional<TokenUsage> usageOf(const QJsonObject &upstreamResponse) const override;
};
