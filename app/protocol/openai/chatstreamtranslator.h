#pragma once

#include "../streamtranslator.h"
#include "anthropicstreamwriter.h"
#include "chatchunk.h"
#include "texttoolcallparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Turns an OpenAI Chat Completions stream into the Anthropic Messages stream, one upstream
// SSE event at a time. Pure: no I/O, no clock; the caller feeds events and sends what comes
// back, each a JSON object whose "type" is also the SSE event name. AnthropicStreamWriter
// writes the events (and says in which order); this class reads the chunks: reasoning as
// thinking, content as text, tool-call fragments as tool_use blocks.
//
// With Options::textToolCalls, calls the model writes into its text become tool_use blocks
// and their markup never reaches the client. The text between calls is trimmed, as the layout
// around markup means nothing without it: no text block is whitespace only, and the result
// does not depend on where the upstream cut its chunks.
class ChatStreamTranslator : public StreamTranslator
{
public:
    using Options = ResponseOptions;

    explicit ChatStreamTranslator(Options options);

    // The upstream stream ended cleanly (with or without `[DONE]`): closes what is open.
    QList<QJsonObject> finish() override;
    QList<QJsonObject> fail(const ApiError &error) override { return m_writer.fail(error); }

    bool isFinished() const override { return m_writer.isFinished(); }
    // A finish_reason arrived.
    bool isComplete() const override { return !m_finishReason.isEmpty(); }
    bool hasStarted() const { return m_writer.hasStarted(); }
    TokenUsage usage() const override { return m_writer.usage(); }
    QString stopReason() const;

protected:
    // One upstream event (a chunk, `[DONE]`, or an `error` event / error object).
    void translateEvent(const SseEvent &event, QList<QJsonObject> &events) override;
    // The text the writer held for the burst, as one delta.
    void endBurst(QList<QJsonObject> &events) override;

private:
    using Block = AnthropicStreamWriter::Block;

    // The latest tool call, whose arguments the writer buffers. Upstreams stream calls one
    // after another, so one is enough.
    struct ToolCall
    {
        std::optional<int> index; // its `index` in delta.tool_calls, when the upstream sends one
        QString upstreamId;
    };

    void translateChoice(const ChatChunk::Choice &choice, QList<QJsonObject> &events);
    void addToolCall(const QJsonObject &toolCall, QList<QJsonObject> &events);
    void addParsedText(const QList<TextToolCallParser::Segment> &segments,
                       QList<QJsonObject> &events);
    void addTextToolCall(const TextToolCallParser::ToolCall &toolCall, QList<QJsonObject> &events);

    Options m_options;
    AnthropicStreamWriter m_writer;
    std::optional<ToolCall> m_toolCall; // set once any tool call was seen
    QString m_finishReason;             // the first one the upstream sent
    std::optional<QString> m_stopSequence;
    TextToolCallParser m_textToolCalls; // used with Options::textToolCalls
    bool m_sawTextToolCall = false;
    QJsonArray m_annotations; // the provider's own web search's citations, as they came
    bool m_trimLeadingWhitespace = true; // at the start, or after a call
    QString m_heldWhitespace;           // trailing whitespace, sent if visible text follows
};
