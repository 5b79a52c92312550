#pragma once

#include "../providerrules.h"

#include <QJsonObject>
#include <QString>

// Turns an Anthropic Messages request into an OpenAI Chat Completions request. Pure.
// Expects a request that MessagesRequestValidator accepted; never crashes on odd shapes.
class ChatRequestTranslator
{
public:
    using Options = RequestOptions;

    static QJsonObject translate(const QJsonObject &anthropicRequest, const Options &options);
};
