#pragma once

#include "../providerrules.h"

#include <QJsonObject>
#include <QString>

// Turns an Anthropic Messages request into an OpenAI Chat Completions request. Pure.
// Expects a request that MessagesRequestValidator accepted (and RequestAdapter adapted); never
// crashes on odd shapes. The provider's rules decide what becomes of thinking (the history and
// the wish), of the web search tool and of the cap's name.
class ChatRequestTranslator
{
public:
    using Options = RequestOptions;

    static QJsonObject translate(const QJsonObject &anthropicRequest, const Options &options);
};
