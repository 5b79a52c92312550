#include "anthropicpivotcodec.h"

#include "anthropic/documentfitter.h"
#include "anthropic/messageevents.h"
#include "anthropic/requestadapter.h"
#include "recurringjsonwriter.h"
#include "upstreamformat.h"

#include <QJsonDocument>

AnthropicPivotCodec::AnthropicPivotCodec(QJsonObject anthropicRequest, UpstreamApi api, RequestOptions options,
                                         ResponseOptions response, std::shared_ptr<ResponseEncoder> encoder)
    : m_request(std::move(anthropicRequest))
    , m_api(api)
    , m_format(UpstreamFormat::forApi(api))
    , m_options(std::move(options))
    , m_response(std::move(response))
    , m_encoder(std::move(encoder))
{
}

ExchangeCodec::Request AnthropicPivotCodec::upstreamRequest()
{
    Request request;
    QJsonObject anthropicRequest = m_request;
    // An Anthropic-compatible upstream takes the request as it is; the others get it fitted
    // to the provider's limits first.
    if (m_api != UpstreamApi::Anthropic) {
        RequestAdapter::Result adapted = RequestAdapter::adapt(anthropicRequest, m_options.rules);
        DocumentFitter::Result fitted = DocumentFitter::fit(adapted.request, m_format.readsPdf(m_options.rules));
        anthropicRequest = std::move(fitted.request);
        m_toolNames = std::move(adapted.toolNames);
        request.notes = adapted.notes + fitted.notes;
    }
    // One writer per event-loop thread, kept across requests: what it remembers is the last
    // requests' tools, the same on every turn of a session.
    thread_local RecurringJsonWriter writer;
    request.body = writer.write(m_format.translateRequest(anthropicRequest, m_options));
    return request;
}

ExchangeCodec::Frames AnthropicPivotCodec::translateBurst(const QList<SseEvent> &burst)
{
    return framesFor(translator().translateBurst(burst));
}

ExchangeCodec::Frames AnthropicPivotCodec::finish()
{
    return framesFor(translator().finish());
}

ExchangeCodec::Frames AnthropicPivotCodec::fail(const ApiError &error)
{
    return framesFor(translator().fail(error));
}

bool AnthropicPivotCodec::isFinished() const
{
    return m_translator && m_translator->isFinished();
}

bool AnthropicPivotCodec::isComplete() const
{
    return m_translator && m_translator->isComplete();
}

ExchangeCodec::Answer AnthropicPivotCodec::answer(const QJsonObject &response, const QByteArray &, bool asStream)
{
    m_answerUsage = m_format.usageOf(response).value_or(TokenUsage{});
    const QJsonObject message = m_toolNames.restoreInMessage(m_format.translateResponse(response, m_response));
    if (asStream)
        return {m_encoder->streamFrames(MessageEvents::fromMessage(message)), true};
    return {m_encoder->messageBody(message), false};
}

TokenUsage AnthropicPivotCodec::usage() const
{
    if (m_answerUsage)
        return *m_answerUsage;
    return m_translator ? m_translator->usage() : TokenUsage{};
}

StreamTranslator &AnthropicPivotCodec::translator()
{
    if (!m_translator)
        m_translator = m_format.streamTranslator(m_response);
    return *m_translator;
}

ExchangeCodec::Frames AnthropicPivotCodec::framesFor(const QList<QJsonObject> &events)
{
    Frames frames;
    QList<QJsonObject> restored;
    for (const QJsonObject &event : events) {
        if (!frames.error && event.value(QLatin1StringView("type")).toString() == QLatin1StringView("error"))
            frames.error = ApiError::fromJson(event);
        restored << (m_toolNames.isIdentity() ? event : m_toolNames.restoreInEvent(event));
    }
    // The encoder keeps the state of the client's stream across attempts: a failed attempt's
    // events must not reach it.
    if (frames.error && !m_encodedAny)
        return frames;
    frames.bytes = m_encoder->streamFrames(restored);
    m_encodedAny = m_encodedAny || !frames.bytes.isEmpty();
    return frames;
}
