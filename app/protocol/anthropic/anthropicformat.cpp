#include "anthropicformat.h"

#include "passthroughstreamtranslator.h"

HttpHeaders AnthropicFormat::authHeaders(const QString &apiKey) const
{
    // Anthropic takes x-api-key; several compatible endpoints only read the Bearer form. The
    // version is a default for requests that carry none (the client's own replaces it).
    HttpHeaders headers{{"anthropic-version", "2023-06-01"}};
    if (!apiKey.isEmpty())
        headers += {{"x-api-key", apiKey.toUtf8()}, {"authorization", "Bearer " + apiKey.toUtf8()}};
    return headers;
}

QList<QByteArray> AnthropicFormat::forwardedClientHeaders() const
{
    // The API version and the beta features the client relies on (interleaved thinking,
    // context management…) must reach the upstream for the answer to mean the same.
    return {"anthropic-version", "anthropic-beta"};
}

QJsonObject AnthropicFormat::translateRequest(const QJsonObject &anthropicRequest, const RequestOptions &options) const
{
    QJsonObject request = anthropicRequest;
    request.insert(QStringLiteral("model"), options.upstreamModel);
    const qint64 maxTokens = request.value(QLatin1StringView("max_tokens")).toInteger();
    if (options.maxOutputTokens > 0 && maxTokens > options.maxOutputTokens)
        request.insert(QStringLiteral("max_tokens"), options.maxOutputTokens);
    return request;
}

std::unique_ptr<StreamTranslator> AnthropicFormat::streamTranslator(const ResponseOptions &options) const
{
    return std::make_unique<PassthroughStreamTranslator>(options);
}

QJsonObject AnthropicFormat::translateResponse(const QJsonObject &upstreamResponse, const ResponseOptions &options) const
{
    QJsonObject message = upstreamResponse;
    message.insert(QStringLiteral("model"), options.model);
    return message;
}

std::optional<TokenUsage> AnthropicFormat::usageOf(const QJsonObject &upstreamResponse) const
{
    return TokenUsage::fromAnthropicJson(upstreamResponse.value(QLatin1StringView("usage")));
}
