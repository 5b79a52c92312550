#pragma once

#include "config/secretredactor.h"
#include "protocol/sseparser.h"
#include "protocol/tokenusage.h"
#include "proxy/router.h"
#include "proxy/upstreamcall.h"

#include <QJsonObject>
#include <QObject>

struct ApiError;
class HttpResponder;
class RequestLog;
class UpstreamClient;

// An OpenAI Chat Completions request from an OpenAI client to an OpenAI-compatible upstream:
// forwarded as it is, with the upstream model and the provider's key, and its answer relayed
// byte for byte (the stream is only read on the way, for the usage in the request log).
class ChatPassthroughExchange : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        Route route;
        QJsonObject request;  // the client's Chat Completions request
        QString clientKey;    // sent instead of the provider's key, if set
        quint64 logId = 0;
        RequestLog *log = nullptr;
        SecretRedactor redactor; // the configured secrets and clientKey
    };

    ChatPassthroughExchange(HttpResponder *responder, const UpstreamClient &client, Context context);

    void start();

private:
    void onResponseStarted(int status);
    void onData(const QByteArray &bytes);
    void onFinished();
    void onFailed(UpstreamCall::Failure failure, const QString &message);
    void endWith(const ApiError &error);
    void finish(int status, const QString &error = {});

    HttpResponder *m_responder;
    const UpstreamClient &m_client;
    Context m_context;
    UpstreamCall *m_call = nullptr;
    bool m_streaming = false;
    bool m_done = false;
    QByteArray m_body;
    SseParser m_parser;
    TokenUsage m_usage;
};
