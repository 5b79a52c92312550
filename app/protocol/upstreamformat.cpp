#include "upstreamformat.h"

#include "anthropic/anthropicformat.h"
#include "openai/chatcompletionsformat.h"

HttpHeaders UpstreamFormat::authHeaders(const QString &apiKey) const
{
    if (apiKey.isEmpty())
        return {};
    return {{"authorization", "Bearer " + apiKey.toUtf8()}};
}

const UpstreamFormat *UpstreamFormat::forName(const QString &name)
{
    static const ChatCompletionsFormat chat;
    static const AnthropicFormat anthropic;
    if (name == QLatin1StringView("openai-chat"))
        return &chat;
    if (name == QLatin1StringView("anthropic"))
        return &anthropic;
    return nullptr;
}

QStringList UpstreamFormat::names()
{
    return {QStringLiteral("openai-chat"), QStringLiteral("anthropic")};
}
