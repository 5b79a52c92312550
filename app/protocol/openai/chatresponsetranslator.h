#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Turns a whole (non-streaming) OpenAI Chat Completions response into an Anthropic message.
// Pure.
class ChatResponseTranslator
{
public:
    struct Options
    {
        QString model;              // the model name reported to the client
        QStringList stopSequences;  // the request's, to report which one matched
    };

    static QJsonObject translate(const QJsonObject &chatCompletion, const Options &options);
};
