#pragma once

#include "config/proxyconfig.h"
#include "config/secretredactor.h"
#include "http/httprequesthandler.h"
#include "protocol/anthropic/apierror.h"
#include "proxy/router.h"
#include "proxy/upstreamclient.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <optional>

class RequestLog;
struct HttpRequest;

// The proxy's endpoints: the Anthropic Messages API (/v1/messages, count_tokens, models),
// /health and Claude Code's HEAD probes. Checks the client token, validates and routes each
// request, and records it in the request log.
class ProxyService : public QObject, public HttpRequestHandler
{
    Q_OBJECT

public:
    ProxyService(const ProxyConfig &config, const UpstreamClient &upstream, RequestLog *log, QObject *parent = nullptr);

    void handle(HttpResponder *responder) override;
    HttpResponse rejection(int status, const QString &reason) const override;

private:
    void handleMessages(HttpResponder *responder, quint64 logId);
    void handleCountTokens(HttpResponder *responder, quint64 logId);
    HttpResponse health() const;
    HttpResponse models() const;
    HttpResponse model(const QString &id) const;

    bool isAuthorized(const HttpRequest &request) const;
    // The body as a JSON object, or the error to answer with.
    std::optional<ApiError> parseBody(const HttpRequest &request, QJsonObject &body) const;
    void respond(HttpResponder *responder, quint64 logId, const HttpResponse &response);
    void respondError(HttpResponder *responder, quint64 logId, const ApiError &error);

    const ProxyConfig &m_config;
    Router m_router;
    UpstreamClient m_upstream;
    SecretRedactor m_redactor;
    RequestLog *m_log;
    QElapsedTimer m_uptime;
};
