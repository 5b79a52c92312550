#include "anthropicstreamwriter.h"

#include "../anthropic/anthropicids.h"
#include "../anthropic/messageevents.h"
#include "chatcompletion.h"
#include "websearch/websearchcitations.h"

#include <QJsonArray>
#include <QJsonDocument>

AnthropicStreamWriter::AnthropicStreamWriter(const ResponseOptions &options)
    : m_messageId(options.messageId.isEmpty() ? AnthropicIds::newMessageId() : options.messageId)
    , m_model(options.model)
    , m_inputTokenEstimate(options.inputTokenEstimate)
{
}

void AnthropicStreamWriter::start(QList<QJsonObject> &events)
{
    if (m_started)
        return;
    m_started = true;
    // vLLM reports usage from the first chunk on; most upstreams only at the end.
    const QJsonObject message{
        {QStringLiteral("id"), m_messageId},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), m_model},
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

void AnthropicStreamWriter::addText(Block kind, const QString &text, QList<QJsonObject> &events)
{
    if (text.isEmpty())
        return;
    if (m_openBlock != kind) {
        const bool thinking = kind == Block::Thinking;
        const QString field = thinking ? QStringLiteral("thinking") : QStringLiteral("text");
        QJsonObject block{{QStringLiteral("type"), field}, {field, QString()}};
        if (thinking)
            block.insert(QStringLiteral("signature"), QString());
        beginBlock(kind, block, events);
    }
    m_heldText += text;
}

void AnthropicStreamWriter::releaseText(QList<QJsonObject> &events)
{
    if (m_heldText.isEmpty())
        return;
    const bool thinking = m_openBlock == Block::Thinking;
    events.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("content_block_delta")},
        {QStringLiteral("index"), m_blockIndex},
        {QStringLiteral("delta"),
         QJsonObject{
             {QStringLiteral("type"), thinking ? QStringLiteral("thinking_delta") : QStringLiteral("text_delta")},
             {thinking ? QStringLiteral("thinking") : QStringLiteral("text"), m_heldText},
         }},
    });
    m_heldText.clear();
}

void AnthropicStreamWriter::openToolUse(const QString &id, const QString &name,
                                        const QString &arguments, QList<QJsonObject> &events)
{
    beginBlock(Block::ToolUse,
               QJsonObject{
                   {QStringLiteral("type"), QStringLiteral("tool_use")},
                   {QStringLiteral("id"), id},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("input"), QJsonObject()},
               },
               events);
    m_toolArguments = arguments;
}

void AnthropicStreamWriter::appendToolArguments(const QString &fragment)
{
    m_toolArguments += fragment;
}

void AnthropicStreamWriter::setToolArguments(const QString &arguments)
{
    m_toolArguments = arguments;
}

// The open block is closed first: its events must all precede the new block's.
void AnthropicStreamWriter::beginBlock(Block kind, const QJsonObject &contentBlock,
                                       QList<QJsonObject> &events)
{
    closeBlock(events);
    m_openBlock = kind;
    ++m_blockIndex;
    QJsonObject event = blockEvent(QLatin1StringView("content_block_start"));
    event.insert(QStringLiteral("content_block"), contentBlock);
    events.append(event);
}

void AnthropicStreamWriter::closeBlock(QList<QJsonObject> &events)
{
    if (m_openBlock == Block::None)
        return;
    releaseText(events);
    if (m_openBlock == Block::ToolUse) {
        const QJsonObject input = ChatCompletion::toolInputFrom(m_toolArguments);
        m_toolArguments.clear();
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
}

void AnthropicStreamWriter::finish(const QString &stopReason,
                                   const std::optional<QString> &stopSequence,
                                   QList<QJsonObject> &events)
{
    if (m_finished)
        return;
    m_finished = true;
    start(events);
    closeBlock(events);
    const QJsonObject delta{
        {QStringLiteral("stop_reason"), stopReason},
        {QStringLiteral("stop_sequence"),
         stopSequence ? QJsonValue(*stopSequence) : QJsonValue(QJsonValue::Null)},
    };
    events.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("message_delta")},
        {QStringLiteral("delta"), delta},
        {QStringLiteral("usage"), WebSearchCitations::withSearches(usage().toAnthropicJson(), m_webSearches)},
    });
    events.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("message_stop")}});
}

void AnthropicStreamWriter::addServerBlocks(const QList<QJsonObject> &blocks, QList<QJsonObject> &events)
{
    start(events);
    closeBlock(events);
    for (const QJsonObject &block : blocks)
        events << MessageEvents::ofBlock(++m_blockIndex, block);
}

QList<QJsonObject> AnthropicStreamWriter::fail(const ApiError &error)
{
    if (m_finished)
        return {};
    m_finished = true;
    QList<QJsonObject> events;
    releaseText(events);
    events.append(error.toJson());
    return events;
}

TokenUsage AnthropicStreamWriter::usage() const
{
    if (m_usage)
        return *m_usage;
    TokenUsage estimate;
    estimate.input = m_inputTokenEstimate;
    return estimate;
}

QJsonObject AnthropicStreamWriter::blockEvent(QLatin1StringView type) const
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("index"), m_blockIndex}};
}
