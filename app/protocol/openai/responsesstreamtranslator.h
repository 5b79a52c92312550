#pragma once

#include "../streamtranslator.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

// Turns an OpenAI Responses API stream into the Anthropic Messages stream, one upstream SSE
// event at a time. Pure: no I/O, no clock; the caller feeds events and sends what comes
// back, each a JSON object whose "type" is also the SSE event name.
//
// Events are told apart by the JSON `type` field, never by the SSE `event:` line, which
// OpenRouter leaves out. The output follows ChatStreamTranslator's conventions:
// message_start; content blocks with increasing indexes, each content_block_start → deltas →
// content_block_stop (thinking_delta from reasoning summaries or reasoning text, text_delta
// from output text, and for a function call one input_json_delta holding the whole,
// validated input when the call is complete); then message_delta and message_stop.
class ResponsesStreamTranslator : public StreamTranslator
{
public:
    using Options = ResponseOptions;

    explicit ResponsesStreamTranslator(Options options);

    // One upstream event (a Responses stream event, `[DONE]`, or an `error` event).
    QList<QJsonObject> translate(const SseEvent &event) override;
    // The upstream stream ended (with or without response.completed): closes what is open.
    QList<QJsonObject> finish() override;
    QList<QJsonObject> fail(const ApiError &error) override;

    bool isFinished() const override { return m_finished; }
    // response.completed or response.incomplete arrived.
    bool isComplete() const override { return m_complete; }
    bool hasStarted() const { return m_started; }
    TokenUsage usage() const override;
    QString stopReason() const;

private:
    enum class Block { None, Thinking, Text, ToolUse };

    // The function call being streamed. The Responses API streams output items one after
    // another, so one is enough.
    struct FunctionCall
    {
        QString itemId;       // the output item's `id`, which argument events refer to
        int outputIndex = -1; // the item's place in the output, for events without item_id
        QString arguments;    // buffered until the block closes, then parsed once
    };

    void start(QList<QJsonObject> &events);
    void dispatch(const QString &type, const QJsonObject &payload, QList<QJsonObject> &events);
    void addText(Block kind, const QString &part, const QString &text, QList<QJsonObject> &events);
    void addTextOnce(Block kind, const QString &part, const QString &text,
                     QList<QJsonObject> &events);
    void openFunctionCall(const QJsonObject &item, int outputIndex, QList<QJsonObject> &events);
    bool isOpenFunctionCall(const QString &itemId, int outputIndex) const;
    QList<QJsonObject> end(const QJsonObject &response);
    void openBlock(Block kind, const QJsonObject &contentBlock, QList<QJsonObject> &events);
    void closeBlock(QList<QJsonObject> &events);
    QJsonObject blockEvent(QLatin1StringView type) const;

    Options m_options;
    bool m_started = false;
    bool m_finished = false;
    bool m_complete = false;
    bool m_hasToolCalls = false;
    Block m_openBlock = Block::None;
    int m_blockIndex = -1;                // of the open or last closed content block
    QString m_openPart;                   // the text part the open text or thinking block shows
    QSet<QString> m_partsWithText;        // parts whose text was sent, so `.done` is not repeated
    QSet<QString> m_functionCallItems;    // item ids of the calls already opened
    std::optional<FunctionCall> m_call;   // the open function call
    QString m_stopReason;                 // from the final Response; empty until it arrives
    std::optional<TokenUsage> m_usage;    // the latest the upstream reported
};
