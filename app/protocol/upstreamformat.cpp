#include "upstreamformat.h"

#include "anthropic/anthropicformat.h"
#include "openai/chatcompletionsformat.h"
#include "openai/responsesformat.h"
#include "upstreamerror.h"

#include <QJsonDocument>

HttpHeaders UpstreamFormat::authHeaders(const QString &apiKey) const
{
    if (apiKey.isEmpty())
        return {};
    return {{"authorization", "Bearer " + apiKey.toUtf8()}};
}

HttpHeaders UpstreamFormat::requestHeaders(const HttpHeaders &providerHeaders, const QString &apiKey,
                                           const HttpRequest &clientRequest) const
{
    HttpHeaders headers = providerHeaders + authHeaders(apiKey);
    for (const QByteArray &name : forwardedClientHeaders()) {
        if (const QByteArray value = clientRequest.header(name); !value.isEmpty())
            headers.append({name, value});
    }
    return headers;
}

std::optional<ApiError> UpstreamFormat::errorIn(const QJsonObject &upstreamResponse) const
{
    // Only an error that is there counts: successful answers may name the field, set to null.
    const QJsonValue error = upstreamResponse.value(QLatin1StringView("error"));
    if (!error.isObject() && !error.isString())
        return std::nullopt;
    // The message names the 200 it came with; the client's status is what the error says it
    // is (OpenRouter's {"error":{"code":429}} is a rate limit, retried as one), else a 502.
    const ApiError found = UpstreamError::fromResponse(200, QJsonDocument(upstreamResponse).toJson(QJsonDocument::Compact));
    return ApiError::fromStatus(UpstreamError::statusIn(error.toObject(), found.status), found.message);
}

const UpstreamFormat &UpstreamFormat::forApi(UpstreamApi api)
{
    static const ChatCompletionsFormat chat;
    static const ResponsesFormat responses;
    static const AnthropicFormat anthropic;
    switch (api) {
    case UpstreamApi::OpenAiChat:
        return chat;
    case UpstreamApi::OpenAiResponses:
        return responses;
    case UpstreamApi::Anthropic:
        break;
    }
    return anthropic;
}
