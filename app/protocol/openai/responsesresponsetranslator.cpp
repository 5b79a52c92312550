#include "responsesresponsetranslator.h"

#include "../anthropic/anthropicids.h"
#include "../toolcallid.h"
#include "chatcompletion.h"

#include <QJsonArray>
#include <QStringList>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

// The texts of a reasoning item: OpenAI's summaries, or the raw reasoning_text parts that
// OpenRouter and open-weight servers return. Each is a paragraph of one thinking block.
void appendReasoningTexts(const QJsonObject &item, QStringList &texts)
{
    for (const char *key : {"summary", "content"}) {
        const QJsonArray parts = item.value(QLatin1StringView(key)).toArray();
        for (const QJsonValue &value : parts) {
            const QString text = value.toObject().value(QLatin1StringView("text")).toString();
            if (!text.isEmpty())
                texts.append(text);
        }
    }
}

// The texts of a message item; a refusal is shown as text, as it is all the model said.
void appendMessageTexts(const QJsonObject &item, QStringList &texts)
{
    const QJsonArray parts = item.value(QLatin1StringView("content")).toArray();
    for (const QJsonValue &value : parts) {
        const QJsonObject part = value.toObject();
        const QString type = typeOf(part);
        const QString text = type == QLatin1StringView("refusal")
                                 ? part.value(QLatin1StringView("refusal")).toString()
                                 : part.value(QLatin1StringView("text")).toString();
        if ((type == QLatin1StringView("output_text") || type == QLatin1StringView("refusal"))
            && !text.isEmpty())
            texts.append(text);
    }
}

QJsonObject textBlock(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                       {QStringLiteral("text"), text}};
}
}

QJsonObject ResponsesResponseTranslator::translate(const QJsonObject &response,
                                                   const Options &options)
{
    // Anthropic's order puts thinking first, so reasoning from anywhere in the output becomes
    // one leading block. Texts of adjacent messages share a block, as they do when streamed.
    QStringList thinking;
    QStringList texts;
    QJsonArray blocks;
    const auto flushTexts = [&texts, &blocks] {
        if (!texts.isEmpty())
            blocks.append(textBlock(texts.join(QLatin1StringView("\n\n"))));
        texts.clear();
    };
    bool hasToolCalls = false;
    const QJsonArray output = response.value(QLatin1StringView("output")).toArray();
    for (const QJsonValue &value : output) {
        const QJsonObject item = value.toObject();
        const QString type = typeOf(item);
        if (type == QLatin1StringView("reasoning")) {
            appendReasoningTexts(item, thinking);
        } else if (type == QLatin1StringView("message")) {
            appendMessageTexts(item, texts);
        } else if (type == QLatin1StringView("function_call")) {
            flushTexts();
            hasToolCalls = true;
            const QString arguments = item.value(QLatin1StringView("arguments")).toString();
            blocks.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("tool_use")},
                {QStringLiteral("id"),
                 ToolCallId::toAnthropic(item.value(QLatin1StringView("call_id")).toString())},
                {QStringLiteral("name"), item.value(QLatin1StringView("name")).toString()},
                {QStringLiteral("input"), ChatCompletion::toolInputFrom(arguments)},
            });
        }
    }
    flushTexts();

    QJsonArray content;
    // The thinking signature stays empty: there is none to give, and thinking sent back is
    // dropped, never checked.
    if (!thinking.isEmpty()) {
        content.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("thinking")},
            {QStringLiteral("thinking"), thinking.join(QLatin1StringView("\n\n"))},
            {QStringLiteral("signature"), QString()},
        });
    }
    for (const QJsonValue &block : std::as_const(blocks))
        content.append(block);

    TokenUsage usage;
    usage.input = options.inputTokenEstimate;
    return QJsonObject{
        {QStringLiteral("id"),
         options.messageId.isEmpty() ? AnthropicIds::newMessageId() : options.messageId},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), options.model},
        {QStringLiteral("content"), content},
        {QStringLiteral("stop_reason"), stopReasonOf(response, hasToolCalls)},
        // The Responses API has no stop sequences, so none ever ends a turn.
        {QStringLiteral("stop_sequence"), QJsonValue::Null},
        {QStringLiteral("usage"), usageOf(response).value_or(usage).toAnthropicJson()},
    };
}

std::optional<TokenUsage> ResponsesResponseTranslator::usageOf(const QJsonObject &response)
{
    const QJsonValue value = response.value(QLatin1StringView("usage"));
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject usage = value.toObject();
    return TokenUsage::fromOpenAiCounts(usage.value(QLatin1StringView("input_tokens")).toInteger(),
                                        usage.value(QLatin1StringView("input_tokens_details"))
                                            .toObject()
                                            .value(QLatin1StringView("cached_tokens"))
                                            .toInteger(),
                                        usage.value(QLatin1StringView("output_tokens")).toInteger());
}

QString ResponsesResponseTranslator::stopReasonOf(const QJsonObject &response, bool hasToolCalls)
{
    const QString reason = response.value(QLatin1StringView("incomplete_details"))
                               .toObject()
                               .value(QLatin1StringView("reason"))
                               .toString();
    if (reason == QLatin1StringView("max_output_tokens"))
        return QStringLiteral("max_tokens");
    if (reason == QLatin1StringView("content_filter"))
        return QStringLiteral("refusal");
    return hasToolCalls ? QStringLiteral("tool_use") : QStringLiteral("end_turn");
}

ApiError ResponsesResponseTranslator::errorFrom(const QJsonObject &error)
{
    const QJsonValue code = error.value(QLatin1StringView("code"));
    int status = 500;
    if (code.isDouble()) {
        // OpenRouter puts the HTTP status in `code`; only a number in the error range counts.
        if (code.toInt() >= 400 && code.toInt() < 600)
            status = code.toInt();
    } else {
        QString name = code.toString();
        if (name.isEmpty())
            name = error.value(QLatin1StringView("type")).toString();
        if (name == QLatin1StringView("insufficient_quota")
            || name == QLatin1StringView("rate_limit_exceeded"))
            status = 429;
    }
    QString message = error.value(QLatin1StringView("message")).toString();
    if (message.isEmpty())
        message = code.isString() ? code.toString()
                                  : QStringLiteral("The upstream reported an error");
    return ApiError::fromStatus(status, message);
}
