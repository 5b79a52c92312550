#include "chatstreamtranslator.h"

#include "../anthropic/anthropicids.h"
#include "../toolcallid.h"
#include "chatchunk.h"
#include "chatcompletion.h"
#include "websearch/websearchcitations.h"

#include <QJsonArray>
#include <QJsonDocument>

ChatStreamTranslator::ChatStreamTranslator(Options options)
    : m_options(std::move(options))
    , m_writer(m_options)
{
}

void ChatStreamTranslator::endBurst(QList<QJsonObject> &events)
{
    m_writer.releaseText(events);
}

void ChatStreamTranslator::translateEvent(const SseEvent &event, QList<QJsonObject> &events)
{
    const QByteArray data = event.data.trimmed();
    if (m_writer.isFinished() || data.isEmpty())
        return;
    if (data == QByteArrayView("[DONE]")) {
        events += finish();
        return;
    }
    const std::optional<ChatChunk> chunk = ChatChunk::read(data);
    // Errors are rare and come in many shapes: read whole, as a whole response's are.
    if (event.event == QByteArrayView("error") || (chunk && chunk->carriesError)) {
        const QJsonObject whole = QJsonDocument::fromJson(data).object();
        if (const auto error = ChatCompletion::streamErrorOf(event.event, whole, data)) {
            events += fail(*error);
            return;
        }
    }
    // Not a JSON object (a proxy's noise, a cut line): nothing to show the client, so skipped.
    if (!chunk)
        return;

    if (chunk->usage)
        m_writer.setUsage(*chunk->usage);
    m_writer.start(events);
    if (chunk->choice)
        translateChoice(*chunk->choice, events);
}

QList<QJsonObject> ChatStreamTranslator::finish()
{
    if (m_writer.isFinished())
        return {};
    QList<QJsonObject> events;
    m_writer.start(events); // before the text the parser still holds
    if (m_options.textToolCalls)
        addParsedText(m_textToolCalls.finish(), events);
    // The provider's own search (its citations come with the text): the blocks of Anthropic's.
    if (const QList<SearchResult> cited = WebSearchCitations::resultsOf(m_annotations); !cited.isEmpty()) {
        m_writer.addServerBlocks(WebSearchCitations::blocksFor(cited), events);
        m_writer.setWebSearches(1);
    }
    m_writer.finish(stopReason(), m_stopSequence, events);
    return events;
}

QString ChatStreamTranslator::stopReason() const
{
    const QString reason =
        ChatCompletion::stopReasonFor(m_finishReason, m_toolCall.has_value() || m_sawTextToolCall);
    // Anthropic gives "stop_sequence" as the reason whenever it names the sequence.
    if (m_stopSequence && reason == QLatin1StringView("end_turn"))
        return QStringLiteral("stop_sequence");
    return reason;
}

void ChatStreamTranslator::translateChoice(const ChatChunk::Choice &choice,
                                           QList<QJsonObject> &events)
{
    const ChatChunk::Delta &delta = choice.delta;
    m_writer.addText(Block::Thinking,
                     ChatCompletion::reasoningOf(delta.reasoningContent, delta.reasoning), events);
    if (m_options.textToolCalls)
        addParsedText(m_textToolCalls.feed(delta.content), events);
    else
        m_writer.addText(Block::Text, delta.content, events);
    for (const QJsonValue &toolCall : delta.toolCalls)
        addToolCall(toolCall.toObject(), events);
    for (const QJsonValue &annotation : delta.annotations)
        m_annotations.append(annotation);

    // The first reason wins: xAI sends its finish chunk twice, OpenRouter repeats the reason
    // on the usage chunk. Nothing is sent yet, as usage usually follows in a later chunk.
    if (m_finishReason.isEmpty() && !choice.finishReason.isEmpty()) {
        m_finishReason = choice.finishReason;
        m_stopSequence = ChatCompletion::matchedStopSequence(choice.stopReason, m_options.stopSequences);
    }
}

void ChatStreamTranslator::addToolCall(const QJsonObject &toolCall, QList<QJsonObject> &events)
{
    // Only a call's first chunk has its id; later ones have none, "" or null (Qwen).
    const QString id = toolCall.value(QLatin1StringView("id")).toString();
    const QJsonValue indexValue = toolCall.value(QLatin1StringView("index"));
    const std::optional<int> index =
        indexValue.isDouble() ? std::optional<int>(indexValue.toInt()) : std::nullopt;
    const QJsonObject function = toolCall.value(QLatin1StringView("function")).toObject();

    // A new index or a new id starts a call: Ollama omits the index or numbers every call 0,
    // telling calls apart only by id. Anything else continues the current call, including
    // the extra `arguments:""` chunk vLLM and Qwen send after the last fragment.
    const bool newCall = !m_toolCall || (!id.isEmpty() && id != m_toolCall->upstreamId)
                         || (index && m_toolCall->index && *index != *m_toolCall->index);
    if (newCall) {
        m_toolCall = ToolCall{index, id};
        m_writer.openToolUse(ToolCallId::toAnthropic(id),
                             function.value(QLatin1StringView("name")).toString(), QString(),
                             events);
    } else if (m_writer.openBlock() != Block::ToolUse) {
        // Text between two fragments of one call closed its block, and a block cannot be
        // reopened. No upstream is known to do this; the late fragment is dropped.
        return;
    }
    m_writer.appendToolArguments(function.value(QLatin1StringView("arguments")).toString());
}

// Whitespace at the end of the text is held, as a call may follow it; it is sent once visible
// text does. Whitespace at the start of the answer or after a call is dropped.
void ChatStreamTranslator::addParsedText(const QList<TextToolCallParser::Segment> &segments,
                                         QList<QJsonObject> &events)
{
    for (const TextToolCallParser::Segment &segment : segments) {
        if (segment.toolCall) {
            m_heldWhitespace.clear();
            m_trimLeadingWhitespace = true;
            addTextToolCall(*segment.toolCall, events);
            continue;
        }
        QString text = m_heldWhitespace + segment.text;
        if (m_trimLeadingWhitespace) {
            qsizetype start = 0;
            while (start < text.size() && text.at(start).isSpace())
                ++start;
            text.remove(0, start);
        }
        qsizetype end = text.size();
        while (end > 0 && text.at(end - 1).isSpace())
            --end;
        m_heldWhitespace = text.mid(end);
        text.truncate(end);
        if (!text.isEmpty()) {
            m_trimLeadingWhitespace = false;
            m_writer.addText(Block::Text, text, events);
        }
    }
}

// A call parsed from text arrives whole: its block opens, gets its input and closes at once.
// Such calls have no upstream id, so each gets a fresh one.
void ChatStreamTranslator::addTextToolCall(const TextToolCallParser::ToolCall &toolCall,
                                           QList<QJsonObject> &events)
{
    m_sawTextToolCall = true;
    m_writer.openToolUse(AnthropicIds::newToolUseId(), toolCall.name, toolCall.arguments, events);
    m_writer.closeBlock(events);
}
