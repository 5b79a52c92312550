#pragma once

#include "../exchangecodec.h"

#include <optional>

// An OpenAI client's Chat Completions request to a Chat Completions upstream: forwarded as the
// client wrote it, with the upstream's model, and the answer relayed as the upstream sent it,
// a whole body or an OpenAI-shaped error byte for byte, a stream event by event. Only a stream's comments and `id:`
// lines stay behind (the exchange keeps the stream alive itself). The events are read on the
// way for the end of the answer, errors, and the usage for the request log.
class ChatPassthroughCodec : public ExchangeCodec
{
public:
    ChatPassthroughCodec(QJsonObject chatRequest, const QString &upstreamModel);

    Request upstreamRequest() override;
    Frames translateBurst(const QList<SseEvent> &burst) override;
    Frames finish() override;
    Frames fail(const ApiError &error) override;
    bool isFinished() const override { return m_finished; }
    bool isComplete() const override { return m_complete; }
    Answer answer(const QJsonObject &response, const QByteArray &raw, bool asStream) override;
    TokenUsage usage() const override { return m_usage.value_or(TokenUsage{}); }
    std::optional<QByteArray> errorBody(const QByteArray &upstreamBody) const override;

private:
    // One upstream chunk, passed on as it came; its error, if it is one.
    Frames translateEvent(const SseEvent &event);

    QJsonObject m_request;
    bool m_finished = false; // `[DONE]` or an error event went out
    bool m_complete = false; // a finish_reason came
    std::optional<TokenUsage> m_usage;
};
