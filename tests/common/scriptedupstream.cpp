#include "scriptedupstream.h"

#include "http/httpresponder.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

ScriptedReply ScriptedReply::json(int status, const QByteArray &body, HttpHeaders headers)
{
    ScriptedReply reply;
    reply.status = status;
    reply.headers = std::move(headers);
    reply.headers.append(HttpHeader("content-type", "application/json"));
    reply.body = body;
    return reply;
}

ScriptedReply ScriptedReply::recordedStream(const QString &fileName)
{
    ScriptedReply reply;
    reply.headers = {{"content-type", "text/event-stream"}};
    const QByteArray recording = TestData::read(QStringLiteral("provider-streams/") + fileName);
    // Split after each blank line (LF or CRLF framing), keeping the bytes exactly as recorded.
    qsizetype start = 0;
    while (start < recording.size()) {
        qsizetype end = recording.indexOf("\n\n", start);
        const qsizetype crlf = recording.indexOf("\r\n\r\n", start);
        if (crlf >= 0 && (end < 0 || crlf < end))
            end = crlf + 4;
        else if (end >= 0)
            end += 2;
        else
            end = recording.size();
        reply.chunks << recording.mid(start, end - start);
        start = end;
    }
    return reply;
}

ScriptedReply ScriptedReply::eventStream(const QList<QByteArray> &dataLines)
{
    ScriptedReply reply;
    reply.headers = {{"content-type", "text/event-stream"}};
    for (const QByteArray &data : dataLines)
        reply.chunks << "data: " + data + "\n\n";
    return reply;
}

ScriptedReply ScriptedReply::chatCompletion(const QJsonObject &message, const QString &finishReason, int promptTokens,
                                            int completionTokens)
{
    QJsonObject assistant = message;
    assistant.insert(QStringLiteral("role"), QStringLiteral("assistant"));
    const QJsonObject answer{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-1")},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                           {QStringLiteral("message"), assistant},
                                                           {QStringLiteral("finish_reason"), finishReason}}}},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                                              {QStringLiteral("completion_tokens"), completionTokens},
                                              {QStringLiteral("total_tokens"), promptTokens + completionTokens}}}};
    return json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

ScriptedUpstream::ScriptedUpstream()
    : m_server(this, HttpLimits{})
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("the scripted upstream cannot listen");
}

QUrl ScriptedUpstream::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort()));
}

QUrl ScriptedUpstream::rootUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QJsonObject ScriptedUpstream::lastRequestJson() const
{
    return m_requests.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(m_requests.constLast().body).object();
}

void ScriptedUpstream::handle(HttpResponder *responder)
{
    // The proxy's model-list lookups are answered apart, so they never take a scripted reply.
    if (responder->request().method == "GET" && responder->request().path().endsWith("/models")) {
        ++m_modelListRequests;
        if (m_models.isEmpty()) {
            responder->send(HttpResponse::json(404, R"({"error":{"message":"no model list"}})"));
            return;
        }
        QJsonArray data;
        for (const QString &model : std::as_const(m_models)) {
            QJsonObject entry{{QStringLiteral("id"), model}, {QStringLiteral("object"), QStringLiteral("model")}};
            if (m_contextLengths.contains(model))
                entry.insert(QStringLiteral("context_length"), m_contextLengths.value(model));
            data.append(entry);
        }
        responder->send(HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson()));
        return;
    }
    m_requests << responder->request();
    connect(responder, &HttpResponder::clientDisconnected, this, [this] { ++m_clientsGone; });
    if (m_replies.isEmpty()) {
        responder->send(HttpResponse::json(500, R"({"error":{"message":"no scripted reply left"}})"));
        return;
    }
    const ScriptedReply reply = m_replies.dequeue();
    if (reply.neverAnswer)
        return;
    if (reply.chunks.isEmpty() && !reply.disconnectAtEnd) {
        responder->send(HttpResponse{reply.status, reply.headers, reply.body});
        return;
    }
    responder->beginStream(HttpResponse{reply.status, reply.headers, {}});
    m_current = reply;
    m_nextChunk = 0;
    m_streaming = responder;
    QTimer::singleShot(0, this, &ScriptedUpstream::sendNextChunk);
}

void ScriptedUpstream::release()
{
    m_current.holdAfterChunk = -1;
    QTimer::singleShot(0, this, &ScriptedUpstream::sendNextChunk);
}

void ScriptedUpstream::sendNextChunk()
{
    if (!m_streaming || m_streaming->isFinished())
        return;
    if (m_nextChunk == m_current.holdAfterChunk)
        return;
    if (m_nextChunk < m_current.chunks.size()) {
        m_streaming->write(m_current.chunks.at(m_nextChunk++));
        ++m_chunksSent;
        QTimer::singleShot(0, this, &ScriptedUpstream::sendNextChunk);
        return;
    }
    if (m_current.disconnectAtEnd)
        m_streaming->abortConnection();
    else
        m_streaming->endStream();
}

HttpResponse ScriptedUpstream::rejection(int status, const QString &reason) const
{
    return HttpResponse{status, {}, reason.toUtf8()};
}
