#include "openaichatstreamwriter.h"

#include "../anthropic/apierror.h"
#include "../toolcallid.h"
#include "openaichatresponsewriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QByteArray done = QByteArrayLiteral("[DONE]");

// A delta about one tool call; OpenAI clients assemble calls by their `index`.
QJsonObject toolCallDelta(int toolCallIndex, const QJsonObject &fields)
{
    QJsonObject toolCall = fields;
    toolCall.insert(QStringLiteral("index"), toolCallIndex);
    return QJsonObject{{QStringLiteral("tool_calls"), QJsonArray{toolCall}}};
}
}

OpenAiChatStreamWriter::OpenAiChatStreamWriter(const QString &model, qint64 created, bool includeUsage)
    : m_model(model)
    , m_created(created)
    , m_includeUsage(includeUsage)
{
}

QList<QByteArray> OpenAiChatStreamWriter::write(const QJsonObject &anthropicEvent)
{
    if (m_finished)
        return {};
    QList<QByteArray> payloads;
    const QString type = typeOf(anthropicEvent);
    if (type == QLatin1StringView("message_start")) {
        const QJsonObject message = anthropicEvent.value(QLatin1StringView("message")).toObject();
        mergeUsage(message.value(QLatin1StringView("usage")));
        start(message.value(QLatin1StringView("id")).toString(), payloads);
    } else if (type == QLatin1StringView("content_block_start")) {
        startBlock(anthropicEvent, payloads);
    } else if (type == QLatin1StringView("content_block_delta")) {
        writeDelta(anthropicEvent, payloads);
    } else if (type == QLatin1StringView("content_block_stop")) {
        stopBlock(anthropicEvent, payloads);
    } else if (type == QLatin1StringView("message_delta")) {
        mergeUsage(anthropicEvent.value(QLatin1StringView("usage")));
        const QString stopReason = anthropicEvent.value(QLatin1StringView("delta"))
                                       .toObject()
                                       .value(QLatin1StringView("stop_reason"))
                                       .toString();
        if (!stopReason.isEmpty())
            m_stopReason = stopReason;
        writeFinish(payloads);
    } else if (type == QLatin1StringView("message_stop")) {
        writeEnd(payloads);
    } else if (type == QLatin1StringView("error")) {
        writeError(anthropicEvent, payloads);
    }
    // ping has no counterpart.
    return payloads;
}

void OpenAiChatStreamWriter::start(const QString &messageId, QList<QByteArray> &payloads)
{
    if (m_started)
        return;
    m_started = true;
    m_id = OpenAiChatResponseWriter::completionIdFor(messageId);
    // OpenAI opens with the role and an empty content; clients take the role from it.
    payloads.append(chunk(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                      {QStringLiteral("content"), QString()}}));
}

void OpenAiChatStreamWriter::startBlock(const QJsonObject &event, QList<QByteArray> &payloads)
{
    start(QString(), payloads);
    const int index = event.value(QLatin1StringView("index")).toInt();
    const QJsonObject contentBlock = event.value(QLatin1StringView("content_block")).toObject();
    const QString type = typeOf(contentBlock);
    Block block;
    if (type == QLatin1StringView("text")) {
        block.kind = BlockKind::Text;
        const QString text = contentBlock.value(QLatin1StringView("text")).toString();
        if (!text.isEmpty())
            payloads.append(chunk(QJsonObject{{QStringLiteral("content"), text}}));
    } else if (type == QLatin1StringView("thinking")) {
        block.kind = BlockKind::Thinking;
        const QString thinking = contentBlock.value(QLatin1StringView("thinking")).toString();
        if (!thinking.isEmpty())
            payloads.append(chunk(QJsonObject{{QStringLiteral("reasoning_content"), thinking}}));
    } else if (type == QLatin1StringView("tool_use")) {
        // The input arrives in input_json_delta events; the start's `input` is a placeholder.
        block.kind = BlockKind::ToolUse;
        block.toolCallIndex = m_toolCallCount++;
        const QJsonObject header{
            {QStringLiteral("id"),
             ToolCallId::toUpstream(contentBlock.value(QLatin1StringView("id")).toString())},
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"),
             QJsonObject{{QStringLiteral("name"), contentBlock.value(QLatin1StringView("name")).toString()},
                         {QStringLiteral("arguments"), QString()}}},
        };
        payloads.append(chunk(toolCallDelta(block.toolCallIndex, header)));
    }
    // Redacted thinking and server tools mean nothing to an OpenAI client: Other, left out.
    m_blocks.insert(index, block);
}

void OpenAiChatStreamWriter::writeDelta(const QJsonObject &event, QList<QByteArray> &payloads)
{
    Block &block = m_blocks[event.value(QLatin1StringView("index")).toInt()];
    const QJsonObject delta = event.value(QLatin1StringView("delta")).toObject();
    const QString type = typeOf(delta);
    // Empty pieces (Anthropic's first input_json_delta, its last thinking_delta) are left out.
    if (type == QLatin1StringView("text_delta") && block.kind == BlockKind::Text) {
        const QString text = delta.value(QLatin1StringView("text")).toString();
        if (!text.isEmpty())
            payloads.append(chunk(QJsonObject{{QStringLiteral("content"), text}}));
    } else if (type == QLatin1StringView("thinking_delta") && block.kind == BlockKind::Thinking) {
        const QString thinking = delta.value(QLatin1StringView("thinking")).toString();
        if (!thinking.isEmpty())
            payloads.append(chunk(QJsonObject{{QStringLiteral("reasoning_content"), thinking}}));
    } else if (type == QLatin1StringView("input_json_delta") && block.kind == BlockKind::ToolUse) {
        const QString json = delta.value(QLatin1StringView("partial_json")).toString();
        if (!json.isEmpty()) {
            block.hasArguments = true;
            payloads.append(argumentsChunk(block.toolCallIndex, json));
        }
    }
    // signature_delta and citations_delta have no OpenAI counterpart.
}

void OpenAiChatStreamWriter::stopBlock(const QJsonObject &event, QList<QByteArray> &payloads)
{
    const Block block = m_blocks.value(event.value(QLatin1StringView("index")).toInt());
    // A call without arguments streams none, and "" is not JSON: OpenAI sends "{}", which
    // clients parse without a special case.
    if (block.kind == BlockKind::ToolUse && !block.hasArguments)
        payloads.append(argumentsChunk(block.toolCallIndex, QStringLiteral("{}")));
}

void OpenAiChatStreamWriter::writeFinish(QList<QByteArray> &payloads)
{
    if (m_finishSent)
        return;
    start(QString(), payloads);
    m_finishSent = true;
    payloads.append(chunk(QJsonObject(), OpenAiChatResponseWriter::finishReasonFor(m_stopReason)));
}

void OpenAiChatStreamWriter::writeEnd(QList<QByteArray> &payloads)
{
    writeFinish(payloads);
    if (m_includeUsage) {
        QJsonObject usageChunk = chunkEnvelope();
        usageChunk.insert(QStringLiteral("choices"), QJsonArray());
        usageChunk.insert(QStringLiteral("usage"), OpenAiChatResponseWriter::usageFor(m_usage));
        payloads.append(compact(usageChunk));
    }
    payloads.append(done);
    m_finished = true;
}

void OpenAiChatStreamWriter::writeError(const QJsonObject &event, QList<QByteArray> &payloads)
{
    payloads.append(compact(OpenAiChatResponseWriter::writeError(ApiError::fromJson(event))));
    payloads.append(done);
    m_finished = true;
}

// message_delta's usage is cumulative and may leave out what message_start already said.
void OpenAiChatStreamWriter::mergeUsage(const QJsonValue &usage)
{
    const QJsonObject fields = usage.toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!it.value().isNull())
            m_usage.insert(it.key(), it.value());
    }
}

QByteArray OpenAiChatStreamWriter::argumentsChunk(int toolCallIndex, const QString &arguments) const
{
    const QJsonObject function{{QStringLiteral("arguments"), arguments}};
    return chunk(toolCallDelta(toolCallIndex, QJsonObject{{QStringLiteral("function"), function}}));
}

QJsonObject OpenAiChatStreamWriter::chunkEnvelope() const
{
    return QJsonObject{
        {QStringLiteral("id"), m_id},
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        {QStringLiteral("created"), m_created},
        {QStringLiteral("model"), m_model},
    };
}

QByteArray OpenAiChatStreamWriter::chunk(const QJsonObject &delta, const QJsonValue &finishReason) const
{
    QJsonObject result = chunkEnvelope();
    const QJsonObject choice{
        {QStringLiteral("index"), 0},
        {QStringLiteral("delta"), delta},
        {QStringLiteral("logprobs"), QJsonValue::Null},
        {QStringLiteral("finish_reason"),
         finishReason.isUndefined() ? QJsonValue(QJsonValue::Null) : finishReason},
    };
    result.insert(QStringLiteral("choices"), QJsonArray{choice});
    return compact(result);
}
