#include "proxyservice.h"

#include "http/httpresponder.h"
#include "monitor/requestlog.h"
#include "protocol/anthropic/messagesrequestvalidator.h"
#include "protocol/anthropic/tokenestimator.h"
#include "protocol/inbound/openaichatrequestreader.h"
#include "protocol/inbound/openaichatresponseencoder.h"
#include "protocol/inbound/openaichatresponsewriter.h"
#include "protocol/upstreamformat.h"
#include "proxy/proxyexchange.h"
#include "proxy/upstreamcall.h"
#include "proxy/wholeanswer.h"
#include "proxy/modelcatalog.h"
#include "proxy/providergate.h"
#include "proxy/requesttraits.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Compares digests so the time taken says nothing about how much of a guess was right.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    const QByteArray x = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray y = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        difference |= static_cast<unsigned char>(x.at(i) ^ y.at(i));
    return difference == 0;
}

// OpenAI clients never send anthropic-version, Anthropic's always do; `?format=` decides
// explicitly.
bool wantsOpenAiShape(const HttpRequest &request)
{
    const QByteArray query = request.query();
    if (query.contains("format=openai"))
        return true;
    if (query.contains("format=anthropic"))
        return false;
    return request.header("anthropic-version").isEmpty();
}

QJsonObject modelEntry(const QString &id)
{
    return {{QStringLiteral("type"), QStringLiteral("model")},
            {QStringLiteral("id"), id},
            {QStringLiteral("display_name"), id},
            {QStringLiteral("created_at"), QStringLiteral("2025-01-01T00:00:00Z")}};
}
}

ProxyService::ProxyService(const ProxyConfig &config, const UpstreamClient &upstream, RequestLog *log, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_guard(m_config)
    , m_router(m_config, m_config.routes)
    , m_upstream(upstream)
    , m_webSearcher(m_config.webSearch.backend, m_upstream)
    , m_imageDescriber(m_upstream)
    , m_redactor(m_config.secrets())
    , m_log(log)
    , m_catalog(new ModelCatalog(m_upstream, 600, this))
{
    for (const auto &profile : m_config.profiles)
        m_profileRouters.emplace(profile.name, Router(m_config, profile.routes));
    for (const auto &provider : m_config.providers) {
        if (provider.maxConcurrent > 0)
            m_gates.insert(provider.name, new ProviderGate(provider.maxConcurrent, provider.maxQueued, this));
    }
    m_uptime.start();
}

std::optional<ProxyService::Scope> ProxyService::scopeFor(const QByteArray &path) const
{
    if (!path.startsWith("/p/"))
        return Scope{&m_router, nullptr, path};
    const qsizetype slash = path.indexOf('/', 3);
    const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(3, slash < 0 ? -1 : slash - 3)));
    const auto router = m_profileRouters.find(name);
    if (router == m_profileRouters.end())
        return std::nullopt;
    return Scope{&router->second, m_config.profile(name), slash < 0 ? QByteArray("/") : path.mid(slash)};
}

void ProxyService::handle(HttpResponder *responder)
{
    const HttpRequest &request = responder->request();
    const QByteArray &method = request.method;
    const auto scope = scopeFor(request.path());
    const QByteArray path = scope ? scope->path : request.path();

    // Before anything else, preflights and probes included: a web page gets nothing here.
    if (const auto refusal = m_guard.refusal(request)) {
        refuse(responder, beginRecord(request), path, *refusal);
        return;
    }
    // A browser's CORS preflight from an allowed origin (others were refused above): the
    // go-ahead, with the origin itself in responseHeaders().
    if (method == "OPTIONS") {
        responder->send(HttpResponse{204,
                                     {{"access-control-allow-methods", "GET, POST, HEAD, OPTIONS"},
                                      {"access-control-allow-headers",
                                       "authorization, x-api-key, content-type, anthropic-version, anthropic-beta, "
                                       "anthropic-dangerous-direct-browser-access, x-stainless-arch, x-stainless-lang, "
                                       "x-stainless-os, x-stainless-package-version, x-stainless-retry-count, "
                                       "x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout"},
                                      {"access-control-max-age", "600"}},
                                     {}});
        return;
    }
    // Claude Code's pre-connect probes and health checks: answered without a log entry.
    if (scope && method == "HEAD" && (path == "/" || path == "/api/hello")) {
        responder->send(HttpResponse{200, {}, {}});
        return;
    }
    if (scope && method == "GET" && path == "/health") {
        responder->send(health());
        return;
    }
    // `ccbridge statusline` asks every few seconds, with the client token: answered without a
    // log entry, which would make it the last request it reports.
    if (scope && method == "GET" && path == "/ccbridge/status") {
        responder->send(isAuthorized(request, scope->profile)
                            ? status()
                            : HttpResponse::json(401, compact(ApiError::fromStatus(401, tr("Invalid or missing client token.")).toJson())));
        return;
    }

    const quint64 logId = beginRecord(request);

    if (!scope) {
        respondError(responder, logId, ApiError::fromStatus(404, tr("No profile at %1.").arg(QString::fromUtf8(request.path()))));
        return;
    }
    if (path.startsWith("/v1/") && !isAuthorized(request, scope->profile)) {
        refuse(responder, logId, path,
               ApiError::fromStatus(401, tr("Invalid or missing client token: send it as x-api-key or "
                                            "Authorization: Bearer (ANTHROPIC_AUTH_TOKEN in Claude Code).")));
        return;
    }
    const bool isPost = method == "POST";
    const bool isGet = method == "GET";
    if (path == "/v1/messages" && isPost)
        handleMessages(responder, logId, *scope);
    else if (path == "/v1/chat/completions" && isPost)
        handleChatCompletions(responder, logId, *scope);
    else if (path == "/v1/messages/count_tokens" && isPost)
        handleCountTokens(responder, logId, *scope);
    else if (path == "/v1/models" && isGet)
        respond(responder, logId, models(*scope->router, wantsOpenAiShape(request)));
    else if (path.startsWith("/v1/models/") && isGet)
        respond(responder, logId, model(*scope->router, QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(11)))));
    else if (path == "/v1/messages" || path == "/v1/messages/count_tokens" || path == "/v1/models"
             || path == "/v1/chat/completions")
        respondError(responder, logId,
                     ApiError{405, QStringLiteral("invalid_request_error"),
                              tr("%1 does not support %2.").arg(QString::fromUtf8(path), QString::fromLatin1(method))});
    else
        respondError(responder, logId, ApiError::fromStatus(404, tr("Not found: %1 %2")
                                                                     .arg(QString::fromLatin1(method), QString::fromUtf8(path))));
}

HttpHeaders ProxyService::responseHeaders(const HttpRequest &request) const
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty() || !m_guard.allowsOrigin(origin))
        return {};
    if (m_guard.allowsAnyOrigin())
        return {{"access-control-allow-origin", "*"}};
    return {{"access-control-allow-origin", origin}, {"vary", "origin"}};
}

quint64 ProxyService::beginRecord(const HttpRequest &request)
{
    RequestRecord record;
    record.method = QString::fromLatin1(request.method);
    record.path = QString::fromUtf8(request.path());
    if (!request.body.isEmpty()) {
        record.requestBody = RequestRecord::kept(request.body, m_redactor);
        record.requestBodyClipped = request.body.size() > RequestRecord::bodyLimit;
    }
    return m_log->begin(record);
}

void ProxyService::refuse(HttpResponder *responder, quint64 logId, const QByteArray &path, const ApiError &error)
{
    if (path == "/v1/chat/completions")
        respondOpenAiError(responder, logId, error);
    else
        respondError(responder, logId, error);
}

HttpResponse ProxyService::rejection(int status, const QString &reason) const
{
    return HttpResponse::json(status, compact(ApiError::fromStatus(status, reason).toJson()));
}

void ProxyService::handleMessages(HttpResponder *responder, quint64 logId, const Scope &scope)
{
    QJsonObject body;
    if (const auto error = parseBody(responder->request(), body)) {
        respondError(responder, logId, *error);
        return;
    }
    if (const auto error = MessagesRequestValidator::validate(body)) {
        respondError(responder, logId, *error);
        return;
    }
    const auto plan = planFor(scope, body, responder->request(), logId);
    if (const auto *error = std::get_if<ApiError>(&plan)) {
        respondError(responder, logId, *error);
        return;
    }
    const auto &[traits, candidates, clientKey] = std::get<Plan>(plan);
    prepare(responder, scope, exchangeContext(body, traits, candidates, clientKey, logId));
}

void ProxyService::prepare(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context)
{
    const Route &first = context.candidates.constFirst();
    if (!first.takesImages && m_imageDescriber.appliesTo(context.request))
        describeImages(responder, scope, std::move(context));
    else if (!UpstreamFormat::forApi(first.provider->format).readsPdf(first.provider->rules) && m_pdfText.appliesTo(context.request))
        extractPdfText(responder, scope, std::move(context));
    else
        (new ProxyExchange(responder, m_upstream, std::move(context)))->start();
}

void ProxyService::describeImages(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context)
{
    const Route &textRoute = context.candidates.constFirst();
    const QString textModel = textRoute.provider->name + QLatin1Char('/') + textRoute.upstreamModel;
    const std::optional<Route> vision = scope.router->visionRoute(context.response.model);
    if (!vision) {
        refusePrepared(responder, context,
                     ApiError::fromStatus(400, tr("%1 cannot see images, and no vision route is set to describe them "
                                                  "for it. Add a route with \"when\": \"vision\" and a model that "
                                                  "takes images (the Routes page, or \"routes\" in the configuration "
                                                  "file), or route this model to one that takes images.")
                                                   .arg(textModel)));
        return;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    m_imageDescriber.describe(
        context.request, *vision, textModel, responder->request(), responder,
        [this, responder, scope, context, elapsed,
         describedBy = QString(vision->provider->name + QLatin1Char('/') + vision->upstreamModel)](
            const ImageDescriber::Outcome &outcome) mutable {
            if (!outcome.error.isEmpty()) {
                refusePrepared(responder, context, ApiError::fromStatus(502, outcome.error));
                return;
            }
            const QString note = tr("images described by %1 for %2: %3 now (%4 ms), %5 remembered")
                                     .arg(describedBy, context.candidates.constFirst().upstreamModel)
                                     .arg(outcome.converted)
                                     .arg(outcome.converted > 0 ? elapsed.elapsed() : 0)
                                     .arg(outcome.remembered);
            carryOnPrepared(responder, scope, std::move(context), outcome.request, note);
        });
}

void ProxyService::extractPdfText(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context)
{
    QElapsedTimer elapsed;
    elapsed.start();
    m_pdfText.extract(context.request, responder, [this, responder, scope, context, elapsed](const PdfTextExtractor::Outcome &outcome) mutable {
        const QString provider = context.candidates.constFirst().provider->name;
        if (!outcome.error.isEmpty()) {
            refusePrepared(responder, context,
                         ApiError::fromStatus(400, tr("%1 reads no PDF files, and the text of a PDF in the request "
                                                      "could not be extracted: %2. Install poppler-utils (pdftotext), "
                                                      "or route the request to a provider that reads PDFs.")
                                                       .arg(provider, outcome.error)));
            return;
        }
        const QString note = tr("PDF text extracted for %1: %2 now (%3 ms), %4 remembered")
                                 .arg(provider)
                                 .arg(outcome.converted)
                                 .arg(outcome.converted > 0 ? elapsed.elapsed() : 0)
                                 .arg(outcome.remembered);
        carryOnPrepared(responder, scope, std::move(context), outcome.request, note);
    });
}

void ProxyService::carryOnPrepared(HttpResponder *responder, const Scope &scope, ProxyExchange::Context context,
                                   const QJsonObject &prepared, const QString &note)
{
    m_log->update(context.logId, [&note](RequestRecord &record) { record.notes << note; });
    context.request = prepared;
    // An OpenAI client's own request still holds what was prepared away: the proxy's own
    // translation of the prepared request goes upstream instead.
    context.chatRequest = {};
    prepare(responder, scope, std::move(context));
}

std::variant<ProxyService::Plan, ApiError> ProxyService::planFor(const Scope &scope, const QJsonObject &anthropicRequest,
                                                                  const HttpRequest &request, quint64 logId) const
{
    Plan plan;
    plan.traits = RequestTraits::of(anthropicRequest);
    plan.candidates = scope.router->plan(plan.traits);
    m_log->update(logId, [&](RequestRecord &record) {
        record.clientModel = plan.traits.model;
        record.stream = anthropicRequest.value(QLatin1StringView("stream")).toBool();
    });
    if (plan.candidates.isEmpty())
        return ApiError::fromStatus(404, tr("No route for the model \"%1\". Known models: %2.")
                                             .arg(plan.traits.model, scope.router->modelNames().join(QLatin1StringView(", "))));
    auto clientKey = passedClientKey(scope, request);
    if (auto *error = std::get_if<ApiError>(&clientKey))
        return std::move(*error);
    plan.clientKey = std::get<QString>(std::move(clientKey));
    return plan;
}

std::variant<QString, ApiError> ProxyService::passedClientKey(const Scope &scope, const HttpRequest &request) const
{
    if (!scope.profile || !scope.profile->passClientKey)
        return QString();
    const QString key = QString::fromUtf8(clientKeyOf(request));
    if (key.isEmpty())
        return ApiError::fromStatus(401, tr("This profile passes your own API key to the provider: send it as "
                                            "x-api-key or Authorization: Bearer."));
    return key;
}

ProxyExchange::Context ProxyService::exchangeContext(const QJsonObject &request, const RequestTraits &traits,
                                                        const QList<Route> &candidates, const QString &clientKey,
                                                        quint64 logId)
{
    ProxyExchange::Context context;
    context.candidates = candidates;
    context.request = request;
    context.stream = request.value(QLatin1StringView("stream")).toBool();
    context.response.model = traits.model;
    context.response.inputTokenEstimate = traits.estimatedTokens;
    for (const QJsonValue &sequence : request.value(QLatin1StringView("stop_sequences")).toArray())
        context.response.stopSequences << sequence.toString();
    context.clientKey = clientKey;
    context.pingIntervalMs = m_config.pingIntervalMs;
    context.requestTimeoutMs = m_config.requestTimeoutMs;
    context.retry = m_config.retry;
    context.logId = logId;
    context.log = m_log;
    context.redactor = m_redactor.including(clientKey);
    context.gates = &m_gates;
    context.catalog = m_catalog;
    context.webSearcher = &m_webSearcher;
    return context;
}


void ProxyService::handleChatCompletions(HttpResponder *responder, quint64 logId, const Scope &scope)
{
    QJsonObject body;
    if (const auto error = parseBody(responder->request(), body)) {
        respondOpenAiError(responder, logId, *error);
        return;
    }
    OpenAiChatRequestReader::Result read = OpenAiChatRequestReader::read(body);
    if (read.error) {
        respondOpenAiError(responder, logId, *read.error);
        return;
    }
    const auto plan = planFor(scope, read.anthropicRequest, responder->request(), logId);
    if (const auto *error = std::get_if<ApiError>(&plan)) {
        respondOpenAiError(responder, logId, *error);
        return;
    }
    const auto &[traits, candidates, clientKey] = std::get<Plan>(plan);
    ProxyExchange::Context context = exchangeContext(read.anthropicRequest, traits, candidates, clientKey, logId);
    // Chat Completions upstreams take the client's request as it is; the others get it through
    // the Anthropic pivot, with the answer written back in OpenAI's shape.
    context.chatRequest = body;
    const bool includeUsage = body.value(QLatin1StringView("stream_options")).toObject().value(QLatin1StringView("include_usage")).toBool();
    context.encoder = std::make_shared<OpenAiChatResponseEncoder>(traits.model, QDateTime::currentSecsSinceEpoch(), includeUsage);
    prepare(responder, scope, std::move(context));
}

void ProxyService::handleCountTokens(HttpResponder *responder, quint64 logId, const Scope &scope)
{
    QJsonObject body;
    if (const auto error = parseBody(responder->request(), body)) {
        respondError(responder, logId, *error);
        return;
    }
    // Same shape as a Messages request, but max_tokens is not part of a count_tokens request.
    body.insert(QStringLiteral("max_tokens"), 1);
    if (const auto error = MessagesRequestValidator::validate(body)) {
        respondError(responder, logId, *error);
        return;
    }
    const RequestTraits traits = RequestTraits::of(body);
    const QList<Route> candidates = scope.router->plan(traits);
    m_log->update(logId, [&](RequestRecord &record) { record.clientModel = traits.model; });
    const QJsonObject estimate{{QStringLiteral("input_tokens"), traits.estimatedTokens}};
    if (candidates.isEmpty() || UpstreamFormat::forApi(candidates.first().provider->format).countTokensPath().isEmpty()) {
        respond(responder, logId, HttpResponse::json(200, compact(estimate)));
        return;
    }

    // An upstream that counts tokens itself knows better than the estimate; the estimate
    // stands in when it cannot answer.
    const auto clientKey = passedClientKey(scope, responder->request());
    if (const auto *error = std::get_if<ApiError>(&clientKey)) {
        respondError(responder, logId, *error);
        return;
    }
    const Route &route = candidates.first();
    const UpstreamFormat &format = UpstreamFormat::forApi(route.provider->format);
    m_log->update(logId, [&](RequestRecord &record) {
        record.provider = route.provider->name;
        record.upstreamModel = route.upstreamModel;
    });
    body.remove(QStringLiteral("max_tokens"));
    body.insert(QStringLiteral("model"), route.upstreamModel);
    const QString &key = std::get<QString>(clientKey);
    const HttpHeaders headers = format.requestHeaders(route.provider->headers, key.isEmpty() ? route.provider->apiKey : key,
                                                      responder->request());
    UpstreamCall *call = m_upstream.post(route.provider->endpoint(format.countTokensPath()), headers, compact(body), responder);
    // A count is a few bytes; anything much larger is not one, and the estimate answers.
    constexpr qsizetype maxCountBytes = 64 * 1024;
    WholeAnswer::collect(call, maxCountBytes, [this, responder, logId, estimate](const WholeAnswer &answer) {
        const QJsonObject counted = QJsonDocument::fromJson(answer.body).object();
        if (answer.answered() && answer.status == 200 && counted.value(QLatin1StringView("input_tokens")).isDouble())
            respond(responder, logId, HttpResponse::json(200, compact(counted)));
        else
            respond(responder, logId, HttpResponse::json(200, compact(estimate)));
    });
    connect(responder, &HttpResponder::interrupted, call, [this, responder, logId, call](const QString &reason) {
        call->disconnect();
        respondError(responder, logId, ApiError::fromStatus(503, reason));
    });
}

HttpResponse ProxyService::health() const
{
    QJsonArray upstreams;
    for (const auto &provider : m_config.providers) {
        // Anyone who reaches the port may ask, token or not: a password in the URL stays out.
        upstreams.append(QJsonObject{{QStringLiteral("name"), provider.name},
                                     {QStringLiteral("baseUrl"), provider.baseUrl.toString(QUrl::RemoveUserInfo)},
                                     {QStringLiteral("format"), UpstreamApiName::of(provider.format)}});
    }
    const QJsonObject body{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("version"), QStringLiteral(CCBRIDGE_VERSION)},
        {QStringLiteral("uptimeSeconds"), m_uptime.elapsed() / 1000},
        {QStringLiteral("upstreams"), upstreams},
        {QStringLiteral("requests"),
         QJsonObject{{QStringLiteral("total"), qint64(m_log->totalRequests())},
                     {QStringLiteral("active"), m_log->activeRequests()},
                     {QStringLiteral("failed"), qint64(m_log->failedRequests())}}},
    };
    return HttpResponse::json(200, compact(body));
}

HttpResponse ProxyService::status() const
{
    QJsonValue last;
    const std::deque<RequestRecord> &records = m_log->records();
    const auto newest = std::find_if(records.crbegin(), records.crend(), [](const RequestRecord &record) {
        return record.finished && record.path.endsWith(QLatin1StringView("/v1/messages"));
    });
    if (newest != records.crend()) {
        last = QJsonObject{{QStringLiteral("model"), newest->clientModel},
                           {QStringLiteral("provider"), newest->provider},
                           {QStringLiteral("upstreamModel"), newest->upstreamModel},
                           {QStringLiteral("status"), newest->status},
                           {QStringLiteral("durationMs"), newest->durationMs}};
    }
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("lastRequest"), last}}));
}

HttpResponse ProxyService::models(const Router &router, bool openAiShape) const
{
    QJsonArray data;
    if (openAiShape) {
        for (const QString &name : router.modelNames()) {
            data.append(QJsonObject{{QStringLiteral("id"), name},
                                    {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("created"), 0},
                                    {QStringLiteral("owned_by"), QStringLiteral("ccbridge")}});
        }
        return HttpResponse::json(200, compact({{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}}));
    }
    for (const QString &name : router.modelNames())
        data.append(modelEntry(name));
    const QJsonObject body{
        {QStringLiteral("data"), data},
        {QStringLiteral("has_more"), false},
        {QStringLiteral("first_id"), data.isEmpty() ? QJsonValue() : data.first().toObject().value(QLatin1StringView("id"))},
        {QStringLiteral("last_id"), data.isEmpty() ? QJsonValue() : data.last().toObject().value(QLatin1StringView("id"))},
    };
    return HttpResponse::json(200, compact(body));
}

HttpResponse ProxyService::model(const Router &router, const QString &id) const
{
    if (!router.modelNames().contains(id))
        return rejection(404, tr("Model not found: %1").arg(id));
    return HttpResponse::json(200, compact(modelEntry(id)));
}

bool ProxyService::isAuthorized(const HttpRequest &request, const Profile *profile) const
{
    // A profile with its own token accepts only that one; otherwise the proxy's token applies.
    const QString &token = profile && !profile->clientToken.isEmpty() ? profile->clientToken : m_config.clientToken;
    if (token.isEmpty())
        return true;
    return constantTimeEquals(clientKeyOf(request), token.toUtf8());
}

QByteArray ProxyService::clientKeyOf(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return authorization.mid(7).trimmed();
    return request.header("x-api-key");
}

std::optional<ApiError> ProxyService::parseBody(const HttpRequest &request, QJsonObject &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = m_bodyParser.parse(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError::invalidRequest(tr("The request body is not valid JSON: %1 at offset %2.")
                                            .arg(parseError.errorString())
                                            .arg(parseError.offset));
    if (!document.isObject())
        return ApiError::invalidRequest(tr("The request body must be a JSON object."));
    body = document.object();
    return std::nullopt;
}

void ProxyService::respond(HttpResponder *responder, quint64 logId, const HttpResponse &response)
{
    responder->send(response);
    m_log->finish(logId, response.status);
}

void ProxyService::refusePrepared(HttpResponder *responder, const ProxyExchange::Context &context, ApiError error)
{
    // A vision provider's error may echo the key it was sent.
    error.message = context.redactor.redact(error.message);
    if (context.encoder)
        respondOpenAiError(responder, context.logId, error);
    else
        respondError(responder, context.logId, error);
}

void ProxyService::respondOpenAiError(HttpResponder *responder, quint64 logId, const ApiError &error)
{
    responder->send(HttpResponse::json(error.status, compact(OpenAiChatResponseWriter::writeError(error))));
    m_log->finish(logId, error.status, error.message);
}

void ProxyService::respondError(HttpResponder *responder, quint64 logId, const ApiError &error)
{
    responder->send(HttpResponse::json(error.status, compact(error.toJson())));
    m_log->finish(logId, error.status, error.message);
}
