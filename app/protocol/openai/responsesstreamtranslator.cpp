#include "responsesstreamtranslator.h"

#include "../anthropic/anthropicids.h"
#include "../toolcallid.h"
#include "chatcompletion.h"
#include "responsesresponsetranslator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

int outputIndexOf(const QJsonObject &payload)
{
    return payload.value(QLatin1StringView("output_index")).toInt(-1);
}

// Names one text part of one output item ("rs_1/summary/0", "msg_2/content/1"), so that
// deltas of different parts can be told apart although they share a block.
QString partOf(const QJsonObject &payload, QLatin1StringView indexKey)
{
    return payload.value(QLatin1StringView("item_id")).toString() % QLatin1Char('/') % indexKey
         % QLatin1Char('/') % QString::number(payload.value(indexKey).toInt());
}
}

ResponsesStreamTranslator::ResponsesStreamTranslator(Options options)
    : m_options(std::move(options))
{
    if (m_options.messageId.isEmpty())
        m_options.messageId = AnthropicIds::newMessageId();
}

QList<QJsonObject> ResponsesStreamTranslator::translate(const SseEvent &event)
{
    const QByteArray data = event.data.trimmed();
    if (m_finished || data.isEmpty())
        return {};
    // OpenRouter ends its Responses streams as it ends Chat Completions streams.
    if (data == QByteArrayView("[DONE]"))
        return finish();
    const QJsonDocument document = QJsonDocument::fromJson(data);
    if (!document.isObject()) {
        // An error event in plain text still ends the stream; other noise (a proxy's, a cut
        // line) is nothing to show the client.
        if (event.event == QByteArrayView("error"))
            return fail(ApiError::fromStatus(500, QString::fromUtf8(data)));
        return {};
    }
    const QJsonObject payload = document.object();
    // The JSON names the event; the `event:` line only stands in where it does not.
    QString type = typeOf(payload);
    if (type.isEmpty())
        type = QString::fromUtf8(event.event);

    // An error object without a type is the Chat Completions way, which some upstreams keep.
    if (type == QLatin1StringView("error")
        || (type.isEmpty() && payload.value(QLatin1StringView("error")).isObject())) {
        // The documented shape has code and message at the top; OpenAI also sends them
        // nested in `error`.
        const QJsonValue error = payload.value(QLatin1StringView("error"));
        return fail(ResponsesResponseTranslator::errorFrom(error.isObject() ? error.toObject()
                                                                            : payload));
    }
    if (type == QLatin1StringView("response.failed")) {
        const QJsonObject response = payload.value(QLatin1StringView("response")).toObject();
        if (auto usage = ResponsesResponseTranslator::usageOf(response))
            m_usage = usage;
        return fail(ResponsesResponseTranslator::errorFrom(
            response.value(QLatin1StringView("error")).toObject()));
    }
    if (type == QLatin1StringView("response.completed")
        || type == QLatin1StringView("response.incomplete"))
        return end(payload.value(QLatin1StringView("response")).toObject());

    QList<QJsonObject> events;
    start(events);
    dispatch(type, payload, events);
    return events;
}

QList<QJsonObject> ResponsesStreamTranslator::finish()
{
    if (m_finished)
        return {};
    m_finished = true;
    QList<QJsonObject> events;
    start(events); // an upstream that sent nothing still gets a well-formed, empty message
    closeBlock(events);
    const QJsonObject delta{
        {QStringLiteral("stop_reason"), stopReason()},
        // The Responses API has no stop sequences, so none ever ends a turn.
        {QStringLiteral("stop_sequence"), QJsonValue::Null},
    };
    events.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("message_delta")},
        {QStringLiteral("delta"), delta},
        {QStringLiteral("usage"), usage().toAnthropicJson()},
    });
    events.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("message_stop")}});
    return events;
}

QList<QJsonObject> ResponsesStreamTranslator::fail(const ApiError &error)
{
    if (m_finished)
        return {};
    m_finished = true;
    // As Anthropic's own API does on a broken stream: the error event alone, nothing closed.
    return {error.toJson()};
}

TokenUsage ResponsesStreamTranslator::usage() const
{
    if (m_usage)
        return *m_usage;
    TokenUsage estimate;
    estimate.input = m_options.inputTokenEstimate;
    return estimate;
}

QString ResponsesStreamTranslator::stopReason() const
{
    if (!m_stopReason.isEmpty())
        return m_stopReason;
    return m_hasToolCalls ? QStringLiteral("tool_use") : QStringLiteral("end_turn");
}

void ResponsesStreamTranslator::start(QList<QJsonObject> &events)
{
    if (m_started)
        return;
    m_started = true;
    const QJsonObject message{
        {QStringLiteral("id"), m_options.messageId},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), m_options.model},
        {QStringLiteral("content"), QJsonArray()},
        {QStringLiteral("stop_reason"), QJsonValue::Null},
        {QStringLiteral("stop_sequence"), QJsonValue::Null},
        {QStringLiteral("usage"), m_usage.value_or(TokenUsage()).toAnthropicJson()},
    };
    events.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("message_start")},
        {QStringLiteral("message"), message},
    });
}

void ResponsesStreamTranslator::dispatch(const QString &type, const QJsonObject &payload,
                                         QList<QJsonObject> &events)
{
    const QString delta = payload.value(QLatin1StringView("delta")).toString();
    const QLatin1StringView summaryIndex("summary_index");
    const QLatin1StringView contentIndex("content_index");

    if (type == QLatin1StringView("response.output_item.added")) {
        // Message and reasoning items show nothing until their text arrives, so that an
        // item without text (OpenAI's encrypted reasoning) leaves no empty block.
        const QJsonObject item = payload.value(QLatin1StringView("item")).toObject();
        if (typeOf(item) == QLatin1StringView("function_call"))
            openFunctionCall(item, outputIndexOf(payload), events);
    } else if (type == QLatin1StringView("response.reasoning_summary_text.delta")) {
        addText(Block::Thinking, partOf(payload, summaryIndex), delta, events);
    } else if (type == QLatin1StringView("response.reasoning_text.delta")) {
        addText(Block::Thinking, partOf(payload, contentIndex), delta, events);
    } else if (type == QLatin1StringView("response.output_text.delta")
               || type == QLatin1StringView("response.refusal.delta")) {
        // A refusal is shown as text: it is all the model said.
        addText(Block::Text, partOf(payload, contentIndex), delta, events);
    } else if (type == QLatin1StringView("response.reasoning_summary_text.done")) {
        // The whole text of a part, for an upstream that sent it without deltas.
        addTextOnce(Block::Thinking, partOf(payload, summaryIndex),
                    payload.value(QLatin1StringView("text")).toString(), events);
    } else if (type == QLatin1StringView("response.reasoning_text.done")) {
        addTextOnce(Block::Thinking, partOf(payload, contentIndex),
                    payload.value(QLatin1StringView("text")).toString(), events);
    } else if (type == QLatin1StringView("response.output_text.done")) {
        addTextOnce(Block::Text, partOf(payload, contentIndex),
                    payload.value(QLatin1StringView("text")).toString(), events);
    } else if (type == QLatin1StringView("response.refusal.done")) {
        addTextOnce(Block::Text, partOf(payload, contentIndex),
                    payload.value(QLatin1StringView("refusal")).toString(), events);
    } else if (type == QLatin1StringView("response.function_call_arguments.delta")) {
        if (isOpenFunctionCall(payload.value(QLatin1StringView("item_id")).toString(),
                               outputIndexOf(payload)))
            m_call->arguments += delta;
    } else if (type == QLatin1StringView("response.function_call_arguments.done")) {
        // The whole arguments: they stand in for the deltas, which may have been partial.
        if (isOpenFunctionCall(payload.value(QLatin1StringView("item_id")).toString(),
                               outputIndexOf(payload))) {
            m_call->arguments = payload.value(QLatin1StringView("arguments")).toString();
            closeBlock(events);
        }
    } else if (type == QLatin1StringView("response.output_item.done")) {
        const QJsonObject item = payload.value(QLatin1StringView("item")).toObject();
        if (typeOf(item) != QLatin1StringView("function_call"))
            return;
        const QString itemId = item.value(QLatin1StringView("id")).toString();
        // A call announced only when done still reaches the client.
        if (!m_functionCallItems.contains(itemId))
            openFunctionCall(item, outputIndexOf(payload), events);
        if (isOpenFunctionCall(itemId, outputIndexOf(payload))) {
            const QString arguments = item.value(QLatin1StringView("arguments")).toString();
            if (!arguments.isEmpty())
                m_call->arguments = arguments;
            closeBlock(events);
        }
    }
    // Anything else (content_part.*, summary_part.*, annotations, in_progress) says nothing
    // the client needs.
}

void ResponsesStreamTranslator::addText(Block kind, const QString &part, const QString &text,
                                        QList<QJsonObject> &events)
{
    if (text.isEmpty())
        return;
    m_partsWithText.insert(part);
    const bool thinking = kind == Block::Thinking;
    const QString field = thinking ? QStringLiteral("thinking") : QStringLiteral("text");
    QString deltaText = text;
    if (m_openBlock != kind) {
        QJsonObject block{{QStringLiteral("type"), field}, {field, QString()}};
        if (thinking)
            block.insert(QStringLiteral("signature"), QString());
        openBlock(kind, block, events);
    } else if (part != m_openPart) {
        // Summary parts, and messages, are paragraphs of their own; run together they would
        // glue the last sentence of one to the heading of the next.
        deltaText.prepend(QLatin1StringView("\n\n"));
    }
    m_openPart = part;
    QJsonObject event = blockEvent(QLatin1StringView("content_block_delta"));
    event.insert(QStringLiteral("delta"),
                 QJsonObject{
                     {QStringLiteral("type"),
                      thinking ? QStringLiteral("thinking_delta") : QStringLiteral("text_delta")},
                     {field, deltaText},
                 });
    events.append(event);
}

void ResponsesStreamTranslator::addTextOnce(Block kind, const QString &part, const QString &text,
                                            QList<QJsonObject> &events)
{
    if (!m_partsWithText.contains(part))
        addText(kind, part, text, events);
}

void ResponsesStreamTranslator::openFunctionCall(const QJsonObject &item, int outputIndex,
                                                 QList<QJsonObject> &events)
{
    const QString itemId = item.value(QLatin1StringView("id")).toString();
    m_functionCallItems.insert(itemId);
    m_hasToolCalls = true;
    // Before the new call replaces the previous one, whose arguments its block still needs.
    closeBlock(events);
    m_call = FunctionCall{itemId, outputIndex, item.value(QLatin1StringView("arguments")).toString()};
    openBlock(Block::ToolUse,
              QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("tool_use")},
                  {QStringLiteral("id"),
                   ToolCallId::toAnthropic(item.value(QLatin1StringView("call_id")).toString())},
                  {QStringLiteral("name"), item.value(QLatin1StringView("name")).toString()},
                  {QStringLiteral("input"), QJsonObject()},
              },
              events);
}

// Argument events name their item by id; an upstream that leaves the id out is matched by
// the item's place in the output instead.
bool ResponsesStreamTranslator::isOpenFunctionCall(const QString &itemId, int outputIndex) const
{
    if (m_openBlock != Block::ToolUse || !m_call)
        return false;
    if (!itemId.isEmpty() && !m_call->itemId.isEmpty())
        return itemId == m_call->itemId;
    return outputIndex >= 0 && outputIndex == m_call->outputIndex;
}

// response.completed or response.incomplete: the final Response holds usage and the reason
// the answer ended, read as the whole-response translator reads them.
QList<QJsonObject> ResponsesStreamTranslator::end(const QJsonObject &response)
{
    m_complete = true;
    if (auto usage = ResponsesResponseTranslator::usageOf(response))
        m_usage = usage;
    m_stopReason = ResponsesResponseTranslator::stopReasonOf(response, m_hasToolCalls);
    return finish();
}

void ResponsesStreamTranslator::openBlock(Block kind, const QJsonObject &contentBlock,
                                          QList<QJsonObject> &events)
{
    closeBlock(events);
    m_openBlock = kind;
    ++m_blockIndex;
    QJsonObject event = blockEvent(QLatin1StringView("content_block_start"));
    event.insert(QStringLiteral("content_block"), contentBlock);
    events.append(event);
}

void ResponsesStreamTranslator::closeBlock(QList<QJsonObject> &events)
{
    if (m_openBlock == Block::None)
        return;
    if (m_openBlock == Block::ToolUse) {
        // The whole input in one delta, parsed once: the client never receives a JSON prefix
        // that turns out invalid, and bad arguments arrive as {"_raw_arguments": …} as they
        // do from the non-streaming translator.
        const QJsonObject input = ChatCompletion::toolInputFrom(m_call->arguments);
        m_call.reset();
        QJsonObject event = blockEvent(QLatin1StringView("content_block_delta"));
        event.insert(QStringLiteral("delta"),
                     QJsonObject{
                         {QStringLiteral("type"), QStringLiteral("input_json_delta")},
                         {QStringLiteral("partial_json"),
                          QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact))},
                     });
        events.append(event);
    }
    events.append(blockEvent(QLatin1StringView("content_block_stop")));
    m_openBlock = Block::None;
    m_openPart.clear();
}

QJsonObject ResponsesStreamTranslator::blockEvent(QLatin1StringView type) const
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("index"), m_blockIndex}};
}
