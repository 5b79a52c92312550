#pragma once

#include "anthropic/toolnamemap.h"
#include "exchangecodec.h"
#include "providerrules.h"
#include "responseencoder.h"
#include "streamtranslator.h"
#include "upstreamapi.h"

#include <memory>

class UpstreamFormat;

// The proxy's own path, through its pivot, Anthropic messages: the client's request as an
// Anthropic Messages request is fitted to the provider and translated to its API; the answer
// comes back as Anthropic events or a message, with the client's tool names restored, and a
// ResponseEncoder writes it in the client's API.
class AnthropicPivotCodec : public ExchangeCodec
{
public:
    // `encoder` is the exchange's, shared by its attempts.
    AnthropicPivotCodec(QJsonObject anthropicRequest, UpstreamApi api, RequestOptions options, ResponseOptions response,
                        std::shared_ptr<ResponseEncoder> encoder);

    Request upstreamRequest() override;
    Frames translateBurst(const QList<SseEvent> &burst) override;
    Frames finish() override;
    Frames fail(const ApiError &error) override;
    bool isFinished() const override;
    bool isComplete() const override;
    Answer answer(const QJsonObject &response, const QByteArray &raw, bool asStream) override;
    TokenUsage usage() const override;

private:
    StreamTranslator &translator();
    Frames framesFor(const QList<QJsonObject> &events);

    QJsonObject m_request;
    UpstreamApi m_api;
    const UpstreamFormat &m_format;
    RequestOptions m_options;
    ResponseOptions m_response;
    std::shared_ptr<ResponseEncoder> m_encoder;
    ToolNameMap m_toolNames; // this attempt's renames, undone on the way back
    std::unique_ptr<StreamTranslator> m_translator;
    std::optional<TokenUsage> m_answerUsage;
    bool m_encodedAny = false;
};
