#pragma once

#include "../streamtranslator.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Turns a whole (non-streaming) OpenAI Chat Completions response into an Anthropic message.
// Pure. With Options::textToolCalls, calls written in the text become tool_use blocks after
// the text, as ChatStreamTranslator makes them.
class ChatResponseTranslator
{
public:
    using Options = ResponseOptions;

    static QJsonObject translate(const QJsonObject &chatCompletion, const Options &options);
};
