#pragma once

#include "../streamtranslator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Writes the Anthropic Messages stream for a translator that reads an OpenAI stream (Chat
// Completions or Responses), so that both produce the same events in the same order:
// message_start; then content blocks with increasing indexes, each content_block_start →
// deltas → content_block_stop; then message_delta (stop_reason, stop_sequence, cumulative
// usage) and message_stop. Pure: each call appends the events it makes to `events`.
//
// A tool_use block's input is buffered as the upstream streams its arguments and sent in one
// input_json_delta when the block closes, parsed once: the client never receives a JSON
// prefix that turns out invalid, and bad arguments arrive as {"_raw_arguments": …} as they
// do from the non-streaming translators. That input is read as OpenAI function-call
// arguments are, which is why this class lives with the OpenAI translators.
class AnthropicStreamWriter
{
public:
    enum class Block { None, Thinking, Text, ToolUse };

    // The message id (a fresh one when empty), the model reported to the client and the
    // input estimate reported when the upstream reports no usage.
    explicit AnthropicStreamWriter(const ResponseOptions &options);

    // message_start, once.
    void start(QList<QJsonObject> &events);
    // A delta of a Thinking or Text block: the open block of that kind, or a new one. Empty
    // text writes nothing. The text is held until releaseText or the next event of any other
    // kind, so that the deltas of one burst leave as one.
    void addText(Block kind, const QString &text, QList<QJsonObject> &events);
    // The text held since the last delta went out, as one delta.
    void releaseText(QList<QJsonObject> &events);
    // A tool_use block in place of the open block; its arguments start as `arguments`.
    void openToolUse(const QString &id, const QString &name, const QString &arguments,
                     QList<QJsonObject> &events);
    // More of the open tool_use block's arguments.
    void appendToolArguments(const QString &fragment);
    // The open tool_use block's whole arguments, in place of what was streamed so far.
    void setToolArguments(const QString &arguments);
    void closeBlock(QList<QJsonObject> &events);
    // Whole blocks of the server's own (a provider's web search) after what is open, as
    // MessageEvents::ofBlock delivers them.
    void addServerBlocks(const QList<QJsonObject> &blocks, QList<QJsonObject> &events);
    // The provider's own web searches, counted in message_delta's usage.
    void setWebSearches(int searches) { m_webSearches = searches; }
    // Ends the message: closes what is open, then message_delta and message_stop. An upstream
    // that sent nothing still gets a well-formed, empty message. Nothing once finished.
    void finish(const QString &stopReason, const std::optional<QString> &stopSequence,
                QList<QJsonObject> &events);
    // The error event, after any text held, as Anthropic's own API sends on a broken stream:
    // nothing is closed. Nothing once finished.
    QList<QJsonObject> fail(const ApiError &error);

    // The latest usage the upstream reported; message_start and message_delta carry it.
    void setUsage(const TokenUsage &usage) { m_usage = usage; }
    // The reported usage, or the input estimate when there is none.
    TokenUsage usage() const;

    Block openBlock() const { return m_openBlock; }
    bool hasStarted() const { return m_started; }
    // message_stop or an error went out.
    bool isFinished() const { return m_finished; }

private:
    void beginBlock(Block kind, const QJsonObject &contentBlock, QList<QJsonObject> &events);
    QJsonObject blockEvent(QLatin1StringView type) const;

    QString m_messageId;
    QString m_model;
    qint64 m_inputTokenEstimate = 0;
    bool m_started = false;
    bool m_finished = false;
    Block m_openBlock = Block::None;
    int m_blockIndex = -1;             // of the open or last closed content block
    QString m_toolArguments;           // of the open tool_use block
    QString m_heldText;                // of the open thinking or text block, not sent yet
    std::optional<TokenUsage> m_usage; // the latest the upstream reported
    int m_webSearches = 0;
};
