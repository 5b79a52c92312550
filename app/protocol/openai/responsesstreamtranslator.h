#pragma once

#include "../streamtranslator.h"
#include "anthropicstreamwriter.h"

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
// OpenRouter leaves out. AnthropicStreamWriter writes the events, as for Chat Completions;
// this class reads the Responses events: reasoning summaries or reasoning text as thinking,
// output text as text, function calls as tool_use blocks.
class ResponsesStreamTranslator : public StreamTranslator
{
public:
    using Options = ResponseOptions;

    explicit ResponsesStreamTranslator(Options options);

    // The upstream stream ended (with or without response.completed): closes what is open.
    QList<QJsonObject> finish() override;
    QList<QJsonObject> fail(const ApiError &error) override { return m_writer.fail(error); }

    bool isFinished() const override { return m_writer.isFinished(); }
    // response.completed or response.incomplete arrived.
    bool isComplete() const override { return m_complete; }
    bool hasStarted() const { return m_writer.hasStarted(); }
    TokenUsage usage() const override { return m_writer.usage(); }
    QString stopReason() const;

protected:
    // One upstream event (a Responses stream event, `[DONE]`, or an `error` event).
    void translateEvent(const SseEvent &event, QList<QJsonObject> &events) override;
    // The text the writer held for the burst, as one delta.
    void endBurst(QList<QJsonObject> &events) override;

private:
    using Block = AnthropicStreamWriter::Block;

    // The latest function call, whose arguments the writer buffers. The Responses API
    // streams output items one after another, so one is enough.
    struct FunctionCall
    {
        QString itemId;       // the output item's `id`, which argument events refer to
        int outputIndex = -1; // the item's place in the output, for events without item_id
    };

    void dispatch(const QString &type, const QJsonObject &payload, QList<QJsonObject> &events);
    void addText(Block kind, const QString &part, const QString &text, QList<QJsonObject> &events);
    void addTextOnce(Block kind, const QString &part, const QString &text,
                     QList<QJsonObject> &events);
    void openFunctionCall(const QJsonObject &item, int outputIndex, QList<QJsonObject> &events);
    bool isOpenFunctionCall(const QString &itemId, int outputIndex) const;
    QList<QJsonObject> end(const QJsonObject &response);

    AnthropicStreamWriter m_writer;
    bool m_complete = false;
    bool m_hasToolCalls = false;
    QString m_textPart;                   // the text part of the latest text or thinking delta
    QSet<QString> m_partsWithText;        // parts whose text was sent, so `.done` is not repeated
    QSet<QString> m_functionCallItems;    // item ids of the calls already opened
    std::optional<FunctionCall> m_call;   // the latest function call
    QString m_stopReason;                 // from the final Response; empty until it arrives
};
