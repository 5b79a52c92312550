#include "responsesstreamtranslator.h"

#include "../toolcallid.h"
#include "responsesresponsetranslator.h"

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
    : m_writer(options)
{
}

void ResponsesStreamTranslator::endBurst(QList<QJsonObject> &events)
{
    m_writer.releaseText(events);
}

void ResponsesStreamTranslator::translateEvent(const SseEvent &event, QList<QJsonObject> &events)
{
    const QByteArray data = event.data.trimmed();
    if (m_writer.isFinished() || data.isEmpty())
        return;
    // OpenRouter ends its Responses streams as it ends Chat Completions streams.
    if (data == QByteArrayView("[DONE]")) {
        events += finish();
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(data);
    if (!document.isObject()) {
        // An error event in plain text still ends the stream; other noise (a proxy's, a cut
        // line) is nothing to show the client.
        if (event.event == QByteArrayView("error"))
            events += fail(ApiError::fromStatus(500, QString::fromUtf8(data)));
        return;
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
        events += fail(ResponsesResponseTranslator::errorFrom(error.isObject() ? error.toObject() : payload));
        return;
    }
    if (type == QLatin1StringView("response.failed")) {
        const QJsonObject response = payload.value(QLatin1StringView("response")).toObject();
        if (auto usage = ResponsesResponseTranslator::usageOf(response))
            m_writer.setUsage(*usage);
        events += fail(ResponsesResponseTranslator::errorFrom(response.value(QLatin1StringView("error")).toObject()));
        return;
    }
    if (type == QLatin1StringView("response.completed") || type == QLatin1StringView("response.incomplete")) {
        events += end(payload.value(QLatin1StringView("response")).toObject());
        return;
    }

    m_writer.start(events);
    dispatch(type, payload, events);
}

QList<QJsonObject> ResponsesStreamTranslator::finish()
{
    QList<QJsonObject> events;
    // The Responses API has no stop sequences, so none ever ends a turn.
    m_writer.finish(stopReason(), std::nullopt, events);
    return events;
}

QString ResponsesStreamTranslator::stopReason() const
{
    if (!m_stopReason.isEmpty())
        return m_stopReason;
    return m_hasToolCalls ? QStringLiteral("tool_use") : QStringLiteral("end_turn");
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
            m_writer.appendToolArguments(delta);
    } else if (type == QLatin1StringView("response.function_call_arguments.done")) {
        // The whole arguments: they stand in for the deltas, which may have been partial.
        if (isOpenFunctionCall(payload.value(QLatin1StringView("item_id")).toString(),
                               outputIndexOf(payload))) {
            m_writer.setToolArguments(payload.value(QLatin1StringView("arguments")).toString());
            m_writer.closeBlock(events);
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
                m_writer.setToolArguments(arguments);
            m_writer.closeBlock(events);
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
    QString deltaText = text;
    // Summary parts, and messages, are paragraphs of their own; run together in one block
    // they would glue the last sentence of one to the heading of the next.
    if (m_writer.openBlock() == kind && part != m_textPart)
        deltaText.prepend(QLatin1StringView("\n\n"));
    m_textPart = part;
    m_writer.addText(kind, deltaText, events);
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
    m_call = FunctionCall{itemId, outputIndex};
    m_writer.openToolUse(
        ToolCallId::toAnthropic(item.value(QLatin1StringView("call_id")).toString()),
        item.value(QLatin1StringView("name")).toString(),
        item.value(QLatin1StringView("arguments")).toString(), events);
}

// Argument events name their item by id; an upstream that leaves the id out is matched by
// the item's place in the output instead.
bool ResponsesStreamTranslator::isOpenFunctionCall(const QString &itemId, int outputIndex) const
{
    if (m_writer.openBlock() != Block::ToolUse || !m_call)
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
        m_writer.setUsage(*usage);
    m_stopReason = ResponsesResponseTranslator::stopReasonOf(response, m_hasToolCalls);
    return finish();
}
