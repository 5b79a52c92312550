#pragma once

#include "http/httprequest.h"
#include "http/httprequesthandler.h"
#include "http/httpserver.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QUrl>

class HttpResponder;

// What the scripted upstream answers to one request.
struct ScriptedReply
{
    int status = 200;
    HttpHeaders headers;
    QList<QByteArray> chunks; // a stream: each chunk written on its own event-loop turn
    QByteArray body;          // a whole response (when chunks is empty)
    int holdAfterChunk = -1;  // stop after this many chunks until release()
    bool disconnectAtEnd = false; // drop the connection instead of ending the response
    bool neverAnswer = false;

    static ScriptedReply json(int status, const QByteArray &body, HttpHeaders headers = {});
    // A recorded provider stream (tests/data/provider-streams), one chunk per SSE event.
    static ScriptedReply recordedStream(const QString &fileName);
    static ScriptedReply eventStream(const QList<QByteArray> &dataLines);
    // A whole Chat Completions answer with `message` (content, tool_calls) and its usage.
    static ScriptedReply chatCompletion(const QJsonObject &message, const QString &finishReason, int promptTokens,
                                        int completionTokens);
};

// An OpenAI-compatible provider on loopback that answers each request with the next scripted
// reply and remembers what it was sent. It runs on the project's own HTTP server.
class ScriptedUpstream : public QObject, public HttpRequestHandler
{
    Q_OBJECT

public:
    ScriptedUpstream();

    void enqueue(const ScriptedReply &reply) { m_replies.enqueue(reply); }
    // What GET …/models answers; without a list it is 404, as on servers that have none.
    void setModels(const QStringList &models) { m_models = models; }
    // Each listed model's context_length, as OpenRouter's list gives it.
    void setContextLengths(const QHash<QString, int> &lengths) { m_contextLengths = lengths; }
    int modelListRequests() const { return m_modelListRequests; }
    void release(); // continue a held stream
    QUrl baseUrl() const; // http://127.0.0.1:<port>/v1
    QUrl rootUrl() const; // http://127.0.0.1:<port>, an Anthropic-style base URL

    const QList<HttpRequest> &requests() const { return m_requests; }
    QJsonObject lastRequestJson() const;
    int clientsGone() const { return m_clientsGone; }
    int chunksSent() const { return m_chunksSent; }

    void handle(HttpResponder *responder) override;
    HttpResponse rejection(int status, const QString &reason) const override;

private:
    void sendNextChunk();

    HttpServer m_server;
    QQueue<ScriptedReply> m_replies;
    QList<HttpRequest> m_requests;
    QPointer<HttpResponder> m_streaming;
    ScriptedReply m_current;
    int m_nextChunk = 0;
    int m_chunksSent = 0;
    int m_clientsGone = 0;
    QStringList m_models;
    QHash<QString, int> m_contextLengths;
    int m_modelListRequests = 0;
};
