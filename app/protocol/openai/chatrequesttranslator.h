#pragma once

#include <QJsonObject>
#include <QString>

// Turns an Anthropic Messages request into an OpenAI Chat Completions request. Pure.
// Expects a request that MessagesRequestValidator accepted; never crashes on odd shapes.
class ChatRequestTranslator
{
public:
    struct Options
    {
        QString upstreamModel;      // the provider's model name
        int maxOutputTokens = 0;    // clamps max_tokens; 0 = no cap
    };

    static QJsonObject translate(const QJsonObject &anthropicRequest, const Options &options);
};
