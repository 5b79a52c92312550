#include "chatpassthroughexchange.h"

#include "config/secretredactor.h"
#include "http/httpresponder.h"
#include "monitor/requestlog.h"
#include "protocol/anthropic/apierror.h"
#include "protocol/inbound/openaichatresponsewriter.h"
#include "protocol/openai/chatcompletion.h"
#include "protocol/upstreamformat.h"
#include "proxy/upstreamclient.h"

#include <QJsonDocument>

ChatPassthroughExchange::ChatPassthroughExchange(HttpResponder *responder, const UpstreamClient &client, Context context)
    : QObject(responder)
    , m_responder(responder)
    , m_client(client)
    , m_context(std::move(context))
{
    connect(responder, &HttpResponder::clientDisconnected, this, [this] {
        delete m_call; // stops the upstream work now
        m_call = nullptr;
        finish(499, tr("The client closed the connection."));
    });
    connect(responder, &HttpResponder::interrupted, this, [this](const QString &reason) {
        delete m_call;
        m_call = nullptr;
        endWith(ApiError::fromStatus(503, reason));
    });
}

void ChatPassthroughExchange::start()
{
    const ProviderConfig &provider = *m_context.route.provider;
    const UpstreamFormat &format = UpstreamFormat::forApi(provider.format);
    QJsonObject request = m_context.request;
    request.insert(QStringLiteral("model"), m_context.route.upstreamModel);
    const HttpHeaders headers = format.requestHeaders(
        provider.headers, m_context.clientKey.isEmpty() ? provider.apiKey : m_context.clientKey, m_responder->request());
    m_context.log->update(m_context.logId, [&](RequestRecord &record) {
        record.provider = provider.name;
        record.upstreamModel = m_context.route.upstreamModel;
        record.attempts = 1;
    });
    m_call = m_client.post(provider.endpoint(format.messagesPath()), headers, QJsonDocument(request).toJson(QJsonDocument::Compact), this);
    connect(m_call, &UpstreamCall::responseStarted, this, &ChatPassthroughExchange::onResponseStarted);
    connect(m_call, &UpstreamCall::dataReceived, this, &ChatPassthroughExchange::onData);
    connect(m_call, &UpstreamCall::finished, this, &ChatPassthroughExchange::onFinished);
    connect(m_call, &UpstreamCall::failed, this, &ChatPassthroughExchange::onFailed);
}

void ChatPassthroughExchange::onResponseStarted(int status)
{
    m_context.log->markFirstByte(m_context.logId);
    const QByteArray contentType = m_call->header("content-type");
    if (status >= 200 && status < 300 && contentType.contains("text/event-stream")) {
        m_streaming = true;
        HttpResponse head{status, {{"content-type", contentType}, {"cache-control", "no-cache"}}, {}};
        m_responder->beginStream(head);
    }
}

void ChatPassthroughExchange::onData(const QByteArray &bytes)
{
    if (!m_streaming) {
        m_body += bytes;
        return;
    }
    m_responder->write(bytes);
    for (const SseEvent &event : m_parser.feed(bytes)) {
        if (const auto usage = ChatCompletion::usageOf(QJsonDocument::fromJson(event.data).object()))
            m_usage = *usage;
    }
}

void ChatPassthroughExchange::onFinished()
{
    if (m_streaming) {
        m_responder->endStream();
        finish(200);
        return;
    }
    const int status = m_call->status();
    if (const auto usage = ChatCompletion::usageOf(QJsonDocument::fromJson(m_body).object()))
        m_usage = *usage;
    QByteArray contentType = m_call->header("content-type");
    if (contentType.isEmpty())
        contentType = "application/json";
    // The upstream's errors are already in OpenAI's shape; only keys it echoed are removed.
    const QByteArray body = status >= 400 ? m_context.redactor.redact(QString::fromUtf8(m_body)).toUtf8() : m_body;
    m_responder->send(HttpResponse{status, {{"content-type", contentType}}, body});
    finish(status, status >= 400 ? QString::fromUtf8(body.left(300)) : QString());
}

void ChatPassthroughExchange::onFailed(UpstreamCall::Failure failure, const QString &message)
{
    endWith(ApiError::fromStatus(failure == UpstreamCall::Failure::Network ? 502 : 504,
                                 m_context.redactor.redact(tr("Upstream %1: %2").arg(m_context.route.provider->name, message))));
}

void ChatPassthroughExchange::endWith(const ApiError &error)
{
    const QByteArray body = QJsonDocument(OpenAiChatResponseWriter::writeError(error)).toJson(QJsonDocument::Compact);
    if (m_streaming) {
        m_responder->write(QByteArray("data: " + body + "\n\ndata: [DONE]\n\n"));
        m_responder->endStream();
        finish(200, error.message);
    } else {
        m_responder->send(HttpResponse::json(error.status, body));
        finish(error.status, error.message);
    }
}

void ChatPassthroughExchange::finish(int status, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_context.log->update(m_context.logId, [this](RequestRecord &record) { record.usage = m_usage; });
    m_context.log->finish(m_context.logId, status, error);
}
