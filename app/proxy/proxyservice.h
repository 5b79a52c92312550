#pragma once

#include "config/proxyconfig.h"
#include "config/secretredactor.h"
#include "http/httprequesthandler.h"
#include "protocol/anthropic/apierror.h"
#include "proxy/proxyexchange.h"
#include "protocol/recurringjsonparser.h"
#include "proxy/requestguard.h"
#include "proxy/requesttraits.h"
#include "proxy/router.h"
#include "proxy/upstreamclient.h"
#include "documents/pdftextextractor.h"
#include "vision/imagedescriber.h"
#include "websearch/websearcher.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <map>
#include <optional>
#include <variant>

class ModelCatalog;
class ProviderGate;
class RequestLog;
struct HttpRequest;

// The proxy's endpoints: the Anthropic Messages API (/v1/messages, count_tokens, models),
// /health and Claude Code's HEAD probes. Refuses what web pages send (RequestGuard), checks
// the client token, validates and routes each request, and records it in the request log. It keeps its own copy of the configuration,
// which its routes and exchanges point into, so it can outlive a reconfigured engine's.
class ProxyService : public QObject, public HttpRequestHandler
{
    Q_OBJECT

public:
    ProxyService(const ProxyConfig &config, const UpstreamClient &upstream, RequestLog *log, QObject *parent = nullptr);

    void handle(HttpResponder *responder) override;
    HttpResponse rejection(int status, const QString &reason) const override;
    HttpHeaders responseHeaders(const HttpRequest &request) const override;

private:
    // Where a request's base path leads: the default routes, or a profile's (/p/<name>).
    struct Scope
    {
        const Router *router = nullptr;
        const Profile *profile = nullptr; // null for the default routes
        QByteArray path;                  // the path below the scope's base
    };
    std::optional<Scope> scopeFor(const QByteArray &path) const;

    // Where a request goes, once it is known to go somewhere.
    struct Plan
    {
        RequestTraits traits;
        QList<Route> candidates;
        QString clientKey; // the client's own key, for profiles that pass it on
    };
    // Routes a request (and records the model in the log), or the error to answer with.
    std::variant<Plan, ApiError> planFor(const Scope &scope, const QJsonObject &anthropicRequest,
                                         const HttpRequest &request, quint64 logId) const;
    // The client's own key on a profile that passes it to the provider (empty elsewhere), or
    // the error for a client that sent none.
    std::variant<QString, ApiError> passedClientKey(const Scope &scope, const HttpRequest &request) const;

    void handleMessages(HttpResponder *responder, quint64 logId, const Scope &scope);
    // Starts the exchange once the request suits its first route: images described by the
    // vision route for a model that cannot see them, the text of PDFs extracted for an
    // upstream that reads none. Each step comes back here when it is done.
    void prepare(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context);
    // Without a vision route such a request is refused.
    void describeImages(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context);
    void extractPdfText(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context);
    // One step done: its note in the log, its request in the context, and on to the next step.
    void carryOnPrepared(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context,
                         const QJsonObject &prepared, const QString &note);
    // A request that could not be prepared, answered in the client's API (an OpenAI client's
    // context has its encoder; an Anthropic client's has none yet).
    void refusePrepared(HttpResponder *responder, const ProxyExchange::Context &context, ApiError error);
    void handleChatCompletions(HttpResponder *responder, quint64 logId, const Scope &scope);
    void handleCountTokens(HttpResponder *responder, quint64 logId, const Scope &scope);
    HttpResponse health() const;
    HttpResponse status() const;
    HttpResponse models(const Router &router, bool openAiShape) const;
    HttpResponse model(const Router &router, const QString &id) const;

    ProxyExchange::Context exchangeContext(const QJsonObject &request, const RequestTraits &traits,
                                              const QList<Route> &candidates, const QString &clientKey, quint64 logId);
    quint64 beginRecord(const HttpRequest &request);
    // A request refused before it was routed, answered in the shape its endpoint speaks.
    void refuse(HttpResponder *responder, quint64 logId, const QByteArray &path, const ApiError &error);
    bool isAuthorized(const HttpRequest &request, const Profile *profile) const;
    static QByteArray clientKeyOf(const HttpRequest &request);
    // The body as a JSON object, or the error to answer with.
    std::optional<ApiError> parseBody(const HttpRequest &request, QJsonObject &body);
    void respond(HttpResponder *responder, quint64 logId, const HttpResponse &response);
    void respondError(HttpResponder *responder, quint64 logId, const ApiError &error);
    void respondOpenAiError(HttpResponder *responder, quint64 logId, const ApiError &error);

    const ProxyConfig m_config;
    const RequestGuard m_guard;
    Router m_router;
    std::map<QString, Router> m_profileRouters;
    UpstreamClient m_upstream;
    WebSearcher m_webSearcher;
    ImageDescriber m_imageDescriber;
    PdfTextExtractor m_pdfText;
    SecretRedactor m_redactor;
    RequestLog *m_log;
    ModelCatalog *m_catalog;
    QHash<QString, ProviderGate *> m_gates; // providers with a concurrency limit
    QElapsedTimer m_uptime;
    RecurringJsonParser m_bodyParser;
};
