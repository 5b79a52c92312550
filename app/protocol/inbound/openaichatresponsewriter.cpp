#include "openaichatresponsewriter.h"

#include "../anthropic/anthropicids.h"
#include "../toolcallid.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QJsonObject toolCallFor(const QJsonObject &toolUse)
{
    const QJsonDocument input(toolUse.value(QLatin1StringView("input")).toObject());
    return QJsonObject{
        // Ids the proxy rewrote for Anthropic go back to the provider's own: the client
        // returns them in tool messages, which read them through ToolCallId::toAnthropic.
        {QStringLiteral("id"), ToolCallId::toUpstream(toolUse.value(QLatin1StringView("id")).toString())},
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), toolUse.value(QLatin1StringView("name")).toString()},
                     {QStringLiteral("arguments"),
                      QString::fromUtf8(input.toJson(QJsonDocument::Compact))}}},
    };
}
}

QJsonObject OpenAiChatResponseWriter::write(const QJsonObject &anthropicMessage,
                                            const QString &model, qint64 created)
{
    // Text blocks are joined without a separator, as a streaming client would see them.
    QString text;
    QString reasoning;
    QJsonArray toolCalls;
    const QJsonArray blocks = anthropicMessage.value(QLatin1StringView("content")).toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = typeOf(block);
        if (type == QLatin1StringView("text"))
            text += block.value(QLatin1StringView("text")).toString();
        else if (type == QLatin1StringView("thinking"))
            reasoning += block.value(QLatin1StringView("thinking")).toString();
        else if (type == QLatin1StringView("tool_use"))
            toolCalls.append(toolCallFor(block));
    }

    QJsonObject message{
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"), text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text)},
    };
    if (!reasoning.isEmpty())
        message.insert(QStringLiteral("reasoning_content"), reasoning);
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCalls);

    const QJsonObject choice{
        {QStringLiteral("index"), 0},
        {QStringLiteral("message"), message},
        {QStringLiteral("logprobs"), QJsonValue::Null},
        {QStringLiteral("finish_reason"),
         finishReasonFor(anthropicMessage.value(QLatin1StringView("stop_reason")).toString())},
    };
    return QJsonObject{
        {QStringLiteral("id"), completionIdFor(anthropicMessage.value(QLatin1StringView("id")).toString())},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("created"), created},
        {QStringLiteral("model"), model},
        {QStringLiteral("choices"), QJsonArray{choice}},
        {QStringLiteral("usage"), usageFor(anthropicMessage.value(QLatin1StringView("usage")).toObject())},
    };
}

QJsonObject OpenAiChatResponseWriter::writeError(const ApiError &error)
{
    return QJsonObject{
        {QStringLiteral("error"),
         QJsonObject{
             {QStringLiteral("message"), error.message},
             {QStringLiteral("type"), errorTypeFor(error.type)},
             {QStringLiteral("param"), QJsonValue::Null},
             {QStringLiteral("code"), QJsonValue::Null},
         }},
    };
}

QString OpenAiChatResponseWriter::completionIdFor(const QString &messageId)
{
    const QLatin1StringView prefix("msg_");
    const QString id = messageId.isEmpty() ? AnthropicIds::newMessageId() : messageId;
    return QLatin1StringView("chatcmpl-") % (id.startsWith(prefix) ? id.mid(prefix.size()) : id);
}

QString OpenAiChatResponseWriter::finishReasonFor(const QString &stopReason)
{
    if (stopReason == QLatin1StringView("tool_use"))
        return QStringLiteral("tool_calls");
    // A full context window cuts the answer short just as max_tokens does.
    if (stopReason == QLatin1StringView("max_tokens")
        || stopReason == QLatin1StringView("model_context_window_exceeded"))
        return QStringLiteral("length");
    if (stopReason == QLatin1StringView("refusal"))
        return QStringLiteral("content_filter");
    // end_turn, stop_sequence, pause_turn, and a message that never said.
    return QStringLiteral("stop");
}

QJsonObject OpenAiChatResponseWriter::usageFor(const QJsonObject &anthropicUsage)
{
    // Anthropic counts cached and cache-writing prompt tokens apart from input_tokens;
    // OpenAI's prompt_tokens are all of them, with the cache hits repeated in the details.
    const qint64 input = anthropicUsage.value(QLatin1StringView("input_tokens")).toInteger();
    const qint64 cacheRead = anthropicUsage.value(QLatin1StringView("cache_read_input_tokens")).toInteger();
    const qint64 cacheCreation =
        anthropicUsage.value(QLatin1StringView("cache_creation_input_tokens")).toInteger();
    const qint64 output = anthropicUsage.value(QLatin1StringView("output_tokens")).toInteger();
    const qint64 prompt = input + cacheRead + cacheCreation;
    return QJsonObject{
        {QStringLiteral("prompt_tokens"), prompt},
        {QStringLiteral("completion_tokens"), output},
        {QStringLiteral("total_tokens"), prompt + output},
        {QStringLiteral("prompt_tokens_details"), QJsonObject{{QStringLiteral("cached_tokens"), cacheRead}}},
    };
}

QString OpenAiChatResponseWriter::errorTypeFor(const QString &anthropicType)
{
    // OpenAI has no "overloaded" or generic API error: both are its server_error.
    if (anthropicType.isEmpty() || anthropicType == QLatin1StringView("api_error")
        || anthropicType == QLatin1StringView("overloaded_error")
        || anthropicType == QLatin1StringView("timeout_error"))
        return QStringLiteral("server_error");
    if (anthropicType == QLatin1StringView("billing_error"))
        return QStringLiteral("insufficient_quota");
    if (anthropicType == QLatin1StringView("request_too_large"))
        return QStringLiteral("invalid_request_error");
    // invalid_request_error, authentication_error, rate_limit_error, … read the same to an
    // OpenAI client, so they are kept.
    return anthropicType;
}
