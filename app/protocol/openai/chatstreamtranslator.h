#pragma once

#include "../streamtranslator.h"
#include "texttoolcallparser.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Turns an OpenAI Chat Completions stream into the Anthropic Messages stream, one upstream
// SSE event at a time. Pure: no I/O, no clock; the caller feeds events and sends what comes
// back, each a JSON object whose "type" is also the SSE event name.
//
// Output order: message_start; then content blocks with increasing indexes, each
// content_block_start → deltas → content_block_stop (thinking_delta, text_delta, and for tool
// calls one input_json_delta holding the whole, validated input when the call is complete);
// then message_delta (stop_reason, stop_sequence, cumulative usage) and message_stop.
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

    // One upstream event (a chunk, `[DONE]`, or an `error` event / error object).
    QList<QJsonObject> translate(const SseEvent &event) override;
    // The upstream stream ended cleanly (with or without `[DONE]`): closes what is open.
    QList<QJsonObject> finish() override;
    QList<QJsonObject> fail(const ApiError &error) override;

    bool isFinished() const override { return m_finished; }
    // A finish_reason arrived.
    bool isComplete() const override { return !m_finishReason.isEmpty(); }
    bool hasStarted() const { return m_started; }
    TokenUsage usage() const override;
    QString stopReason() const;

private:
    enum class Block { None, Thinking, Text, ToolUse };

    // The latest tool call. Upstreams stream calls one after another, so one is enough.
    struct ToolCall
    {
        std::optional<int> index; // its `index` in delta.tool_calls, when the upstream sends one
        QString upstreamId;
        QString arguments;        // buffered until the block closes, then parsed once
    };

    void start(QList<QJsonObject> &events);
    void translateChoice(const QJsonObject &choice, QList<QJsonObject> &events);
    void addText(Block kind, const QString &text, QList<QJsonObject> &events);
    void addToolCall(const QJsonObject &toolCall, QList<QJsonObject> &events);
    void addParsedText(const QList<TextToolCallParser::Segment> &segments,
                       QList<QJsonObject> &events);
    void addTextToolCall(const TextToolCallParser::ToolCall &toolCall, QList<QJsonObject> &events);
    void openBlock(Block kind, const QJsonObject &contentBlock, QList<QJsonObject> &events);
    void closeBlock(QList<QJsonObject> &events);
    QJsonObject blockEvent(QLatin1StringView type) const;
    QJsonObject inputEvent(const QString &arguments) const;

    Options m_options;
    bool m_started = false;
    bool m_finished = false;
    Block m_openBlock = Block::None;
    int m_blockIndex = -1;              // of the open or last closed content block
    std::optional<ToolCall> m_toolCall; // set once any tool call was seen
    QString m_finishReason;             // the first one the upstream sent
    std::optional<QString> m_stopSequence;
    std::optional<TokenUsage> m_usage;  // the latest the upstream reported
    TextToolCallParser m_textToolCalls; // used with Options::textToolCalls
    bool m_sawTextToolCall = false;
    bool m_trimLeadingWhitespace = true; // at the start, or after a call
    QString m_heldWhitespace;           // trailing whitespace, sent if visible text follows
};
