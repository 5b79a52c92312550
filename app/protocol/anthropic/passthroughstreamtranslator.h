#pragma once

#include "../streamtranslator.h"

#include <optional>

// An Anthropic stream from an Anthropic-compatible upstream, passed on event by event. Only
// the model in message_start is set to the one the client asked for; usage is read on the
// way for the request log.
class PassthroughStreamTranslator : public StreamTranslator
{
public:
    explicit PassthroughStreamTranslator(ResponseOptions options);

    QList<QJsonObject> finish() override;
    QList<QJsonObject> fail(const ApiError &error) override;

    bool isFinished() const override { return m_finished; }
    bool isComplete() const override { return m_complete; }
    TokenUsage usage() const override;

protected:
    void translateEvent(const SseEvent &event, QList<QJsonObject> &events) override;

private:
    ResponseOptions m_options;
    std::optional<TokenUsage> m_usage;
    bool m_complete = false; // message_stop arrived
    bool m_finished = false;
};
