#include "messagesexchange.h"

#include "config/secretredactor.h"
#include "http/httpresponder.h"
#include "http/ssewriter.h"
#include "monitor/requestlog.h"
#include "protocol/anthropic/messageevents.h"
#include "protocol/openai/chatcompletion.h"
#include "protocol/openai/chatresponsetranslator.h"
#include "protocol/upstreamerror.h"
#include "proxy/upstreamclient.h"

#include <QJsonDocument>

namespace {
constexpr qsizetype maxWholeResponseBytes = 64 * 1024 * 1024;
constexpr qsizetype maxErrorBodyBytes = 1024 * 1024;
constexpr qsizetype maxPendingEventBytes = 16 * 1024 * 1024;

QUrl chatCompletionsUrl(const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/chat/completions"));
    return url;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
}

MessagesExchange::MessagesExchange(HttpResponder *responder, Context context)
    : QObject(responder)
    , m_responder(responder)
    , m_context(std::move(context))
{
    m_ping.setInterval(m_context.pingIntervalMs);
    connect(&m_ping, &QTimer::timeout, this, &MessagesExchange::sendPing);
    connect(responder, &HttpResponder::clientDisconnected, this, &MessagesExchange::onClientDisconnected);
}

void MessagesExchange::start(const UpstreamClient &client, const QJsonObject &upstreamRequest)
{
    const ProviderConfig &provider = *m_context.route.provider;
    HttpHeaders headers = provider.headers;
    if (!provider.apiKey.isEmpty())
        headers.append(HttpHeader("authorization", "Bearer " + provider.apiKey.toUtf8()));
    if (m_context.stream)
        headers.append(HttpHeader("accept", "text/event-stream"));
    m_call = client.post(chatCompletionsUrl(provider.baseUrl), headers, compact(upstreamRequest), this);
    connect(m_call, &UpstreamCall::responseStarted, this, &MessagesExchange::onResponseStarted);
    connect(m_call, &UpstreamCall::dataReceived, this, &MessagesExchange::onData);
    connect(m_call, &UpstreamCall::finished, this, &MessagesExchange::onFinished);
    connect(m_call, &UpstreamCall::failed, this, &MessagesExchange::onFailed);
}

void MessagesExchange::onResponseStarted(int status)
{
    m_upstreamStatus = status;
    m_context.log->markFirstByte(m_context.logId);
    if (status < 200 || status >= 300) {
        m_mode = Mode::CollectingError;
        return;
    }
    const bool eventStream = m_call->header("content-type").contains("text/event-stream");
    if (m_context.stream && eventStream) {
        beginClientStream();
        m_translator.emplace(ChatStreamTranslator::Options{m_context.clientModel, QString(),
                                                            m_context.stopSequences, m_context.inputTokenEstimate});
        m_mode = Mode::Streaming;
    } else {
        m_mode = Mode::CollectingWhole;
    }
}

void MessagesExchange::onData(const QByteArray &bytes)
{
    switch (m_mode) {
    case Mode::Streaming:
        for (const SseEvent &event : m_parser.feed(bytes)) {
            relay(m_translator->translate(event));
            if (m_translator->isFinished()) {
                endClientStream();
                return;
            }
        }
        if (m_parser.bufferedBytes() > maxPendingEventBytes) {
            relay(m_translator->fail(ApiError::fromStatus(502, tr("The upstream sent an event larger than %1 bytes.")
                                                                   .arg(maxPendingEventBytes))));
            endClientStream();
        }
        return;
    case Mode::CollectingWhole:
    case Mode::CollectingError:
        m_body += bytes;
        if (m_body.size() > (m_mode == Mode::CollectingWhole ? maxWholeResponseBytes : maxErrorBodyBytes)) {
            if (m_mode == Mode::CollectingError)
                respondError(UpstreamError::fromResponse(m_upstreamStatus, m_body.left(maxErrorBodyBytes)));
            else
                respondError(ApiError::fromStatus(502, tr("The upstream response is larger than %1 bytes.")
                                                           .arg(maxWholeResponseBytes)));
        }
        return;
    case Mode::Waiting:
    case Mode::Done:
        return;
    }
}

void MessagesExchange::onFinished()
{
    switch (m_mode) {
    case Mode::Streaming:
        for (const SseEvent &event : m_parser.finish())
            relay(m_translator->translate(event));
        // Neither [DONE] nor a finish_reason: the stream was cut, even when the network layer
        // calls it a clean end (Qt 6.4 sometimes reports a chunked body cut by the peer's
        // close as complete). A truncated answer must not pass for a whole one.
        if (!m_translator->isFinished() && !m_translator->isComplete())
            relay(m_translator->fail(ApiError::fromStatus(502, tr("The upstream stream ended before the answer was complete."))));
        else if (!m_translator->isFinished())
            relay(m_translator->finish());
        endClientStream();
        return;
    case Mode::CollectingWhole:
        respondWhole();
        return;
    case Mode::CollectingError:
        respondError(UpstreamError::fromResponse(m_upstreamStatus, m_body), m_call->header("retry-after"));
        return;
    case Mode::Waiting:
        respondError(ApiError::fromStatus(502, tr("The upstream closed the connection without a response.")));
        return;
    case Mode::Done:
        return;
    }
}

void MessagesExchange::onFailed(UpstreamCall::Failure failure, const QString &message)
{
    const int status = failure == UpstreamCall::Failure::Network ? 502 : 504;
    const ApiError error = ApiError::fromStatus(status, tr("Upstream %1: %2").arg(m_context.route.provider->name, message));
    if (m_mode == Mode::Streaming) {
        relay(m_translator->fail(redacted(error)));
        endClientStream();
    } else if (m_mode != Mode::Done) {
        respondError(error);
    }
}

void MessagesExchange::onClientDisconnected()
{
    if (m_mode == Mode::Done)
        return;
    m_mode = Mode::Done;
    m_ping.stop();
    delete m_call; // stops the upstream work now, not when the connection is cleaned up
    m_call = nullptr;
    if (m_translator)
        m_context.log->update(m_context.logId, [this](RequestRecord &record) { record.usage = m_translator->usage(); });
    finishLog(499, tr("The client closed the connection."));
}

void MessagesExchange::beginClientStream()
{
    HttpResponse head;
    head.setHeader("content-type", "text/event-stream; charset=utf-8");
    head.setHeader("cache-control", "no-cache");
    // Reverse proxies in front of us must not hold the stream back.
    head.setHeader("x-accel-buffering", "no");
    m_responder->beginStream(head);
    m_ping.start();
}

void MessagesExchange::relay(const QList<QJsonObject> &events)
{
    if (events.isEmpty())
        return;
    QByteArray frames;
    for (const QJsonObject &event : events) {
        const QString type = event.value(QLatin1StringView("type")).toString();
        if (type == QLatin1StringView("error"))
            m_streamError = event.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString();
        frames += SseWriter::event(type.toUtf8(), compact(event));
    }
    m_responder->write(frames);
    m_ping.start(); // silence is measured from the last event sent
}

void MessagesExchange::sendPing()
{
    m_responder->write(SseWriter::event("ping", R"({"type":"ping"})"));
}

void MessagesExchange::endClientStream()
{
    m_mode = Mode::Done;
    m_ping.stop();
    m_context.log->update(m_context.logId, [this](RequestRecord &record) { record.usage = m_translator->usage(); });
    m_responder->endStream();
    finishLog(200, m_streamError);
}

void MessagesExchange::respondWhole()
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (!document.isObject()) {
        respondError(ApiError::fromStatus(502, tr("The upstream answered with something that is not JSON: %1")
                                                   .arg(UpstreamError::messageOf(m_body))));
        return;
    }
    if (document.object().contains(QLatin1StringView("error"))) {
        respondError(UpstreamError::fromResponse(502, m_body));
        return;
    }
    const QJsonObject message = ChatResponseTranslator::translate(
        document.object(), ResponseOptions{m_context.clientModel, {}, m_context.stopSequences});
    m_context.log->update(m_context.logId, [&](RequestRecord &record) {
        record.usage = ChatCompletion::usageOf(document.object()).value_or(TokenUsage{});
    });
    m_mode = Mode::Done;
    if (m_context.stream) {
        beginClientStream();
        relay(MessageEvents::fromMessage(message));
        m_ping.stop();
        m_responder->endStream();
    } else {
        m_responder->send(HttpResponse::json(200, compact(message)));
    }
    finishLog(200);
}

void MessagesExchange::respondError(const ApiError &error, const QByteArray &retryAfter)
{
    m_mode = Mode::Done;
    const ApiError safe = redacted(error);
    HttpResponse response = HttpResponse::json(safe.status, compact(safe.toJson()));
    if (!retryAfter.isEmpty())
        response.setHeader("retry-after", retryAfter);
    m_responder->send(response);
    finishLog(safe.status, safe.message);
}

void MessagesExchange::finishLog(int status, const QString &error)
{
    m_context.log->finish(m_context.logId, status, error);
}

ApiError MessagesExchange::redacted(ApiError error) const
{
    error.message = m_context.redactor->redact(error.message);
    return error;
}
