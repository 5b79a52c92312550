#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

// Turns the Anthropic Messages stream the proxy produces (its pivot format) into the OpenAI
// Chat Completions stream the inbound OpenAI-compatible endpoint sends, one event at a time.
// Pure: no I/O, no clock; the caller sends each returned payload as `data: <payload>`.
//
// Output: a first chunk with the assistant role; then content, reasoning_content and
// tool_calls deltas as they come (a tool call's header with its id and name, then its
// arguments piece by piece, "{}" for a call without any); a chunk with the finish_reason;
// with includeUsage, a chunk with no choices and the usage; then `[DONE]`. An error event
// becomes an OpenAI error object and `[DONE]`, since OpenAI clients read either.
class OpenAiChatStreamWriter
{
public:
    // `model` and `created` (seconds since the epoch) go into every chunk; includeUsage is the
    // request's stream_options.include_usage.
    OpenAiChatStreamWriter(const QString &model, qint64 created, bool includeUsage = false);

    // One Anthropic stream event ({"type":"message_start",…}); the payloads to send for it.
    QList<QByteArray> write(const QJsonObject &anthropicEvent);

    // `[DONE]` went out: nothing more will be sent.
    bool isFinished() const { return m_finished; }

private:
    enum class BlockKind { Text, Thinking, ToolUse, Other };

    struct Block
    {
        BlockKind kind = BlockKind::Other;
        int toolCallIndex = -1; // for a tool_use block, its index among the tool calls
        bool hasArguments = false;
    };

    void start(const QString &messageId, QList<QByteArray> &payloads);
    void startBlock(const QJsonObject &event, QList<QByteArray> &payloads);
    void writeDelta(const QJsonObject &event, QList<QByteArray> &payloads);
    void stopBlock(const QJsonObject &event, QList<QByteArray> &payloads);
    void writeFinish(QList<QByteArray> &payloads);
    void writeEnd(QList<QByteArray> &payloads);
    void writeError(const QJsonObject &event, QList<QByteArray> &payloads);
    void mergeUsage(const QJsonValue &usage);
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = {}) const;
    QByteArray argumentsChunk(int toolCallIndex, const QString &arguments) const;
    QJsonObject chunkEnvelope() const;

    QString m_model;
    qint64 m_created = 0;
    bool m_includeUsage = false;
    QString m_id;                 // chatcmpl-…, set by message_start
    bool m_started = false;
    bool m_finishSent = false;
    bool m_finished = false;
    QHash<int, Block> m_blocks;   // by Anthropic content block index
    int m_toolCallCount = 0;
    QString m_stopReason;
    QJsonObject m_usage;          // Anthropic usage: message_start's, updated by message_delta
};
