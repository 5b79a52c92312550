#include "chatpassthroughcodec.h"

#include "../openai/chatcompletion.h"
#include "openaichatresponsewriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// The event as the upstream framed it, but for its comments and fields other than the name
// and data, which SseParser does not keep.
QByteArray frameOf(const SseEvent &event)
{
    QByteArray frame;
    if (!event.event.isEmpty())
        frame += "event: " + event.event + '\n';
    for (const QByteArray &line : event.data.split('\n'))
        frame += "data: " + line + '\n';
    return frame + '\n';
}
}

ChatPassthroughCodec::ChatPassthroughCodec(QJsonObject chatRequest, const QString &upstreamModel)
    : m_request(std::move(chatRequest))
{
    m_request.insert(QStringLiteral("model"), upstreamModel);
}

ExchangeCodec::Request ChatPassthroughCodec::upstreamRequest()
{
    return {QJsonDocument(m_request).toJson(QJsonDocument::Compact), {}};
}

ExchangeCodec::Frames ChatPassthroughCodec::translateBurst(const QList<SseEvent> &burst)
{
    Frames frames;
    for (const SseEvent &event : burst) {
        Frames next = translateEvent(event);
        frames.bytes += next.bytes;
        if (!frames.error)
            frames.error = std::move(next.error);
    }
    return frames;
}

ExchangeCodec::Frames ChatPassthroughCodec::translateEvent(const SseEvent &event)
{
    if (m_finished)
        return {};
    const QByteArray data = event.data.trimmed();
    if (data == QByteArrayView("[DONE]")) {
        m_finished = true;
        return {frameOf(event), std::nullopt};
    }
    const QJsonObject chunk = QJsonDocument::fromJson(data).object();
    Frames frames{frameOf(event), ChatCompletion::streamErrorOf(event.event, chunk, data)};
    if (frames.error) {
        m_finished = true; // the upstream's own error ends its answer
        return frames;
    }
    if (const auto usage = ChatCompletion::usageOf(chunk))
        m_usage = usage;
    const QJsonArray choices = chunk.value(QLatin1StringView("choices")).toArray();
    if (!choices.isEmpty() && !choices.first()[QLatin1StringView("finish_reason")].toString().isEmpty())
        m_complete = true;
    return frames;
}

ExchangeCodec::Frames ChatPassthroughCodec::finish()
{
    // What the upstream sent is the whole answer: nothing is added to it.
    m_finished = true;
    return {};
}

ExchangeCodec::Frames ChatPassthroughCodec::fail(const ApiError &error)
{
    if (m_finished)
        return {};
    m_finished = true;
    const QByteArray body = QJsonDocument(OpenAiChatResponseWriter::writeError(error)).toJson(QJsonDocument::Compact);
    return {"data: " + body + "\n\ndata: [DONE]\n\n", error};
}

ExchangeCodec::Answer ChatPassthroughCodec::answer(const QJsonObject &response, const QByteArray &raw, bool)
{
    m_usage = ChatCompletion::usageOf(response);
    return {raw, false};
}

std::optional<QByteArray> ChatPassthroughCodec::errorBody(const QByteArray &upstreamBody) const
{
    // The provider's own error keeps what OpenAI clients read in it besides the message
    // (`code`: context_length_exceeded, insufficient_quota…); anything else is written anew.
    if (!QJsonDocument::fromJson(upstreamBody).object().value(QLatin1StringView("error")).isObject())
        return std::nullopt;
    return upstreamBody;
}
