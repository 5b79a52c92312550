#include "proxyexchange.h"

#include "config/secretredactor.h"
#include "http/httpresponder.h"
#include "monitor/requestlog.h"
#include "protocol/anthropic/anthropicresponseencoder.h"
#include "protocol/anthropicpivotcodec.h"
#include "protocol/inbound/chatpassthroughcodec.h"
#include "protocol/upstreamerror.h"
#include "protocol/upstreamformat.h"
#include "protocol/utf8repair.h"
#include "proxy/providergate.h"
#include "proxy/upstreamclient.h"
#include "websearch/websearcher.h"
#include "websearch/websearchturn.h"

#include <QJsonDocument>

namespace {
constexpr qsizetype maxWholeResponseBytes = 64 * 1024 * 1024;
constexpr qsizetype maxErrorBodyBytes = 1024 * 1024;
constexpr qsizetype maxPendingEventBytes = 16 * 1024 * 1024;

// Errors that are the request's own fault would fail on any provider.
bool worthFallingBack(int upstreamStatus)
{
    return upstreamStatus != 400 && upstreamStatus != 413 && upstreamStatus != 422;
}
}

ProxyExchange::ProxyExchange(HttpResponder *responder, const UpstreamClient &client, Context context)
    : QObject(responder)
    , m_responder(responder)
    , m_client(client)
    , m_context(std::move(context))
    , m_retry(m_context.retry)
{
    if (!m_context.encoder)
        m_context.encoder = std::make_shared<AnthropicResponseEncoder>();
    if (m_context.webSearcher && m_context.webSearcher->isConfigured() && m_context.chatRequest.isEmpty()) {
        if (const auto tool = WebSearchRequest::serverToolOf(m_context.request))
            m_searchTurn = std::make_shared<WebSearchTurn>(m_context.request, *tool, m_context.encoder);
    }
    m_ping.setInterval(m_context.pingIntervalMs);
    m_retryTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_ping, &QTimer::timeout, this, &ProxyExchange::sendPing);
    connect(&m_retryTimer, &QTimer::timeout, this, &ProxyExchange::sendAttempt);
    connect(&m_deadline, &QTimer::timeout, this, &ProxyExchange::onDeadline);
    connect(responder, &HttpResponder::clientDisconnected, this, &ProxyExchange::onClientDisconnected);
    connect(responder, &HttpResponder::interrupted, this,
            [this](const QString &reason) { endEarly(ApiError::fromStatus(503, reason)); });
}

ProxyExchange::~ProxyExchange()
{
    releaseSlot();
}

void ProxyExchange::start()
{
    m_sinceArrival.start();
    m_deadline.start(m_context.requestTimeoutMs);
    enterCandidate();
}

void ProxyExchange::enterCandidate()
{
    m_attempt = 0;
    m_mode = Mode::Waiting;
    m_upstreamModel = candidate().upstreamModel;
    m_listedContextWindow = 0;
    if (m_context.catalog && candidate().provider->validateModels)
        m_context.catalog->resolve(*candidate().provider, m_upstreamModel, this,
                                   [this](const ModelCatalog::Resolution &resolution) { modelResolved(resolution); });
    else
        passGate();
}

void ProxyExchange::modelResolved(const ModelCatalog::Resolution &resolution)
{
    const QString provider = candidate().provider->name;
    if (!resolution.known) {
        const ApiError unknown = ApiError::fromStatus(
            404, tr("%1 does not serve the model \"%2\". Its models: %3.")
                     .arg(provider, m_upstreamModel, resolution.available.join(QLatin1StringView(", "))));
        if (m_candidate + 1 < m_context.candidates.size()) {
            ++m_candidate;
            note(tr("fallback from %1: it does not serve %2").arg(provider, m_upstreamModel));
            enterCandidate();
        } else {
            respondError(unknown);
        }
        return;
    }
    if (resolution.model != m_upstreamModel) {
        note(tr("model name corrected to %1").arg(resolution.model));
        m_upstreamModel = resolution.model;
    }
    m_listedContextWindow = resolution.contextWindow;
    passGate();
}

void ProxyExchange::passGate()
{
    const ProviderConfig &provider = *candidate().provider;
    ProviderGate *gate = m_context.gates ? m_context.gates->value(provider.name) : nullptr;
    if (!gate) {
        sendAttempt();
        return;
    }
    const bool admitted = gate->enter(this, [this] {
        m_holdingSlot = true;
        sendAttempt();
    });
    if (admitted)
        return;
    // A full queue is an answer in itself: no backoff on this provider, but a fallback may help.
    const ApiError full = ApiError::fromStatus(529, tr("%1 is busy: too many requests are waiting for it.").arg(provider.name));
    if (m_candidate + 1 < m_context.candidates.size()) {
        note(tr("fallback from %1: its queue is full").arg(provider.name));
        ++m_candidate;
        enterCandidate();
    } else {
        respondError(full);
    }
}

void ProxyExchange::sendAttempt()
{
    const ProviderConfig &provider = *candidate().provider;
    ++m_attempt;
    m_mode = Mode::Waiting;
    m_upstreamStatus = 0;
    m_parser = SseParser();
    m_body.clear();
    m_context.log->update(m_context.logId, [&](RequestRecord &record) {
        ++record.attempts;
        record.provider = provider.name;
        record.upstreamModel = m_upstreamModel;
    });

    m_format = &UpstreamFormat::forApi(provider.format);
    m_codec = codecFor(candidate());
    const ExchangeCodec::Request upstreamRequest = m_codec->upstreamRequest();
    if (!m_notedRequest) {
        m_notedRequest = true;
        for (const QString &text : upstreamRequest.notes)
            note(text);
    }
    HttpHeaders headers = m_format->requestHeaders(
        provider.headers, m_context.clientKey.isEmpty() ? provider.apiKey : m_context.clientKey, m_responder->request());
    if (m_context.stream)
        headers.append(HttpHeader("accept", "text/event-stream"));
    m_context.log->update(m_context.logId, [&](RequestRecord &record) {
        record.upstreamRequestBody = RequestRecord::kept(upstreamRequest.body, m_context.redactor);
    });
    m_call = m_client.post(provider.endpoint(m_format->messagesPath()), headers, upstreamRequest.body, this);
    connect(m_call, &UpstreamCall::responseStarted, this, &ProxyExchange::onResponseStarted);
    connect(m_call, &UpstreamCall::dataReceived, this, &ProxyExchange::onData);
    connect(m_call, &UpstreamCall::finished, this, &ProxyExchange::onFinished);
    connect(m_call, &UpstreamCall::failed, this, &ProxyExchange::onFailed);
}

std::unique_ptr<ExchangeCodec> ProxyExchange::codecFor(const Route &route) const
{
    const ProviderConfig &provider = *route.provider;
    // An OpenAI client's request needs no translating for an upstream that speaks its API.
    if (!m_context.chatRequest.isEmpty() && provider.format == UpstreamApi::OpenAiChat)
        return std::make_unique<ChatPassthroughCodec>(m_context.chatRequest, m_upstreamModel);
    ResponseOptions response = m_context.response;
    response.textToolCalls = provider.rules.textToolCalls;
    // An Anthropic upstream runs web searches itself.
    const bool searching = m_searchTurn && provider.format != UpstreamApi::Anthropic;
    return std::make_unique<AnthropicPivotCodec>(
        searching ? m_searchTurn->roundRequest() : m_context.request, provider.format,
        RequestOptions{m_upstreamModel, route.maxOutputTokens, provider.rules}, std::move(response),
        searching ? std::shared_ptr<ResponseEncoder>(m_searchTurn) : m_context.encoder);
}

void ProxyExchange::onResponseStarted(int status)
{
    m_upstreamStatus = status;
    m_context.log->markFirstByte(m_context.logId);
    if (status < 200 || status >= 300) {
        m_mode = Mode::CollectingError;
        return;
    }
    const bool eventStream = m_call->header("content-type").contains("text/event-stream");
    m_mode = m_context.stream && eventStream ? Mode::Streaming : Mode::CollectingWhole;
}

void ProxyExchange::onData(const QByteArray &bytes)
{
    switch (m_mode) {
    case Mode::Streaming:
        // The events of this piece go together, and leave now: the next piece of a burst is
        // translated in the next turn of the event loop, which would otherwise come before
        // the socket's write.
        relay(m_codec->translateBurst(m_parser.feed(bytes)));
        if (m_mode != Mode::Streaming)
            return; // the attempt failed before the client saw anything
        if (m_codec->isFinished()) {
            answerEnded();
            return;
        }
        m_responder->flush();
        if (m_parser.bufferedBytes() > maxPendingEventBytes) {
            const ApiError tooLarge = ApiError::fromStatus(502, tr("The upstream sent an event larger than %1 bytes.")
                                                                    .arg(maxPendingEventBytes));
            if (m_committed) {
                relay(m_codec->fail(tooLarge));
                endClientStream();
            } else {
                attemptFailed(tooLarge, 502);
            }
        }
        return;
    case Mode::CollectingWhole:
    case Mode::CollectingError:
        m_body += bytes;
        if (m_body.size() > (m_mode == Mode::CollectingWhole ? maxWholeResponseBytes : maxErrorBodyBytes)) {
            if (m_mode == Mode::CollectingError)
                attemptFailed(UpstreamError::fromResponse(m_upstreamStatus, m_body.left(maxErrorBodyBytes), promptSize()),
                              m_upstreamStatus);
            else
                respondError(ApiError::fromStatus(502, tr("The upstream response is larger than %1 bytes.")
                                                           .arg(maxWholeResponseBytes)));
        }
        return;
    case Mode::Waiting:
    case Mode::Searching:
    case Mode::Done:
        return;
    }
}

void ProxyExchange::onFinished()
{
    switch (m_mode) {
    case Mode::Streaming:
        relay(m_codec->translateBurst(m_parser.finish()));
        if (m_mode != Mode::Streaming)
            return;
        if (m_codec->isFinished()) {
            answerEnded();
        } else if (!m_codec->isComplete()) {
            // Neither an end event nor a finish reason: the stream was cut, even when the network
            // layer calls it a clean end (Qt 6.4 sometimes reports a chunked body cut by the
            // peer's close as complete). A truncated answer must not pass for a whole one.
            const ApiError cut = ApiError::fromStatus(502, tr("The upstream stream ended before the answer was complete."));
            if (m_committed) {
                relay(m_codec->fail(cut));
                endClientStream();
            } else {
                attemptFailed(cut, 502);
            }
        } else {
            relay(m_codec->finish());
            answerEnded();
        }
        return;
    case Mode::CollectingWhole:
        respondWhole();
        return;
    case Mode::CollectingError:
        attemptFailed(UpstreamError::fromResponse(m_upstreamStatus, m_body, promptSize()), m_upstreamStatus,
                      RetryAfter(m_call->header("retry-after"), m_call->header("retry-after-ms")), m_codec->errorBody(m_body));
        return;
    case Mode::Waiting:
        attemptFailed(ApiError::fromStatus(502, tr("The upstream closed the connection without a response.")), 502);
        return;
    case Mode::Searching:
    case Mode::Done:
        return;
    }
}

void ProxyExchange::onFailed(UpstreamCall::Failure failure, const QString &message)
{
    const bool timedOut = failure != UpstreamCall::Failure::Network;
    const ApiError error = ApiError::fromStatus(timedOut ? 504 : 502,
                                                tr("Upstream %1: %2").arg(candidate().provider->name, message));
    if (m_committed) {
        relay(m_codec->fail(redacted(error)));
        endClientStream();
    } else if (m_mode != Mode::Done) {
        // A connection that never got anywhere is worth another try; a silent upstream is not.
        attemptFailed(error, failure == UpstreamCall::Failure::ReadTimeout ? 504 : 0);
    }
}

void ProxyExchange::onClientDisconnected()
{
    if (m_mode == Mode::Done)
        return;
    m_mode = Mode::Done;
    m_ping.stop();
    m_retryTimer.stop();
    m_deadline.stop();
    delete m_call; // stops the upstream work now, not when the connection is cleaned up
    m_call = nullptr;
    releaseSlot();
    if (m_codec)
        m_context.log->update(m_context.logId, [this](RequestRecord &record) { record.usage = answerUsage(); });
    finishLog(499, tr("The client closed the connection."));
}

void ProxyExchange::onDeadline()
{
    endEarly(ApiError::fromStatus(504, tr("The request took longer than %1 s.").arg(m_context.requestTimeoutMs / 1000)));
}

void ProxyExchange::endEarly(const ApiError &error)
{
    if (m_mode == Mode::Done)
        return;
    delete m_call; // nothing more of the upstream's answer may reach the client
    m_call = nullptr;
    if (m_committed) {
        relay(m_codec->fail(error));
        endClientStream();
    } else {
        respondError(error);
    }
}

void ProxyExchange::attemptFailed(const ApiError &error, int upstreamStatus, const RetryAfter &retryAfter,
                                  const std::optional<QByteArray> &upstreamBody)
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->deleteLater(); // we may be inside one of its signals
        m_call = nullptr;
    }
    m_mode = Mode::Waiting;
    const QString provider = candidate().provider->name;
    const QString reason = upstreamStatus > 0 ? QString::number(upstreamStatus) : tr("connection failure");
    if (const auto delay = m_retry.delayBeforeRetry(m_attempt, upstreamStatus, retryAfter, m_sinceArrival.elapsed())) {
        note(tr("retry %1 on %2 after %3, in %4 ms").arg(m_attempt).arg(provider, reason).arg(*delay));
        m_retryTimer.start(*delay);
        return;
    }
    releaseSlot();
    if (worthFallingBack(upstreamStatus) && m_candidate + 1 < m_context.candidates.size()) {
        ++m_candidate;
        note(tr("fallback from %1 after %2 to %3/%4")
                 .arg(provider, reason, candidate().provider->name, candidate().upstreamModel));
        enterCandidate();
        return;
    }
    // The client's own retry then waits as long as the upstream asked.
    respondError(error, upstreamStatus == 429 ? retryAfter : RetryAfter(), upstreamBody);
}

void ProxyExchange::releaseSlot()
{
    if (!m_holdingSlot)
        return;
    m_holdingSlot = false;
    if (ProviderGate *gate = m_context.gates->value(candidate().provider->name))
        gate->release();
}

void ProxyExchange::note(const QString &text)
{
    m_context.log->update(m_context.logId, [&](RequestRecord &record) { record.notes << text; });
}

void ProxyExchange::relay(const ExchangeCodec::Frames &frames)
{
    // A read that completed no event sends nothing, and is no event for the ping's silence.
    if (frames.bytes.isEmpty() && !frames.error)
        return;
    if (!m_committed) {
        // Nothing has reached the client yet, so an upstream error is still a failed attempt
        // that can be retried or answered with a proper HTTP status.
        if (frames.error) {
            attemptFailed(*frames.error, frames.error->status);
            return;
        }
        m_committed = true;
        HttpResponse head;
        head.setHeader("content-type", "text/event-stream; charset=utf-8");
        head.setHeader("cache-control", "no-cache");
        // Reverse proxies in front of us must not hold the stream back.
        head.setHeader("x-accel-buffering", "no");
        m_responder->beginStream(head);
    }
    // An error event carries the upstream's own words, which may echo the key it was sent.
    const QByteArray bytes = frames.error ? m_context.redactor.redact(QString::fromUtf8(frames.bytes)).toUtf8() : frames.bytes;
    if (frames.error)
        m_streamError = m_context.redactor.redact(frames.error->message);
    keep(bytes);
    m_responder->write(bytes);
    m_ping.start(); // silence is measured from the last event sent
}

void ProxyExchange::sendPing()
{
    m_responder->write(m_context.encoder->pingFrame());
}

void ProxyExchange::endClientStream()
{
    m_mode = Mode::Done;
    m_ping.stop();
    m_deadline.stop();
    releaseSlot();
    m_context.log->update(m_context.logId, [this](RequestRecord &record) { record.usage = answerUsage(); });
    m_responder->endStream();
    finishLog(200, m_streamError);
}

void ProxyExchange::respondWhole()
{
    const QJsonDocument document = QJsonDocument::fromJson(Utf8Repair::repaired(m_body));
    if (!document.isObject()) {
        attemptFailed(ApiError::fromStatus(502, tr("The upstream answered with something that is not JSON: %1")
                                                    .arg(UpstreamError::messageOf(m_body))),
                      502);
        return;
    }
    if (const auto error = m_format->errorIn(document.object())) {
        attemptFailed(*error, error->status);
        return;
    }
    const ExchangeCodec::Answer answer = m_codec->answer(document.object(), m_body, m_context.stream);
    if (answer.streamed) {
        relay({answer.bytes, std::nullopt});
        answerEnded();
    } else if (m_searchTurn && m_searchTurn->searching()) {
        runSearches();
    } else {
        sendWhole(answer.bytes);
    }
}

void ProxyExchange::sendWhole(const QByteArray &body)
{
    m_mode = Mode::Done;
    m_deadline.stop();
    releaseSlot();
    m_context.log->update(m_context.logId, [this](RequestRecord &record) { record.usage = answerUsage(); });
    keep(body);
    m_responder->send(HttpResponse::json(200, body));
    finishLog(200);
}

void ProxyExchange::answerEnded()
{
    if (m_searchTurn && m_searchTurn->searching())
        runSearches();
    else
        endClientStream();
}

void ProxyExchange::runSearches()
{
    m_mode = Mode::Searching;
    m_earlierRounds += m_codec->usage();
    // The searches of a round run at once; the next round starts when the last is back.
    for (const WebSearchTurn::Search &search : m_searchTurn->pendingSearches()) {
        if (search.decided) {
            searchDone(search.id, search.query, *search.decided, 0);
            continue;
        }
        QElapsedTimer elapsed;
        elapsed.start();
        m_context.webSearcher->search(search.query, this, [this, search, elapsed](const SearchOutcome &outcome) {
            searchDone(search.id, search.query, outcome, elapsed.elapsed());
        });
    }
}

void ProxyExchange::searchDone(const QString &id, const QString &query, SearchOutcome outcome, qint64 elapsedMs)
{
    if (m_mode != Mode::Searching)
        return; // the exchange ended while the search ran
    // A backend's error may echo its key: neither the log nor the model reads it.
    outcome.errorMessage = m_context.redactor.redact(outcome.errorMessage);
    if (outcome.failed())
        note(tr("web search \"%1\" failed on %2 after %3 ms: %4")
                 .arg(query, m_context.webSearcher->backendName()).arg(elapsedMs).arg(outcome.errorMessage));
    else
        note(tr("web search \"%1\" on %2 in %3 ms: %4 found")
                 .arg(query, m_context.webSearcher->backendName()).arg(elapsedMs).arg(outcome.results.size()));
    relay({m_searchTurn->searched(id, outcome), std::nullopt});
    if (m_mode != Mode::Searching || m_searchTurn->searching())
        return;
    if (m_searchTurn->hasNextRound()) {
        m_searchTurn->beginNextRound();
        if (m_call) {
            m_call->disconnect(this);
            m_call->deleteLater();
            m_call = nullptr;
        }
        m_attempt = 0;
        sendAttempt();
    } else if (m_context.stream) {
        endClientStream();
    } else {
        sendWhole(m_searchTurn->wholeAnswer());
    }
}

TokenUsage ProxyExchange::answerUsage() const
{
    TokenUsage usage = m_earlierRounds;
    usage += m_codec->usage();
    return usage;
}

void ProxyExchange::respondError(const ApiError &error, const RetryAfter &retryAfter,
                                 const std::optional<QByteArray> &upstreamBody)
{
    m_mode = Mode::Done;
    m_deadline.stop();
    m_retryTimer.stop();
    releaseSlot();
    const ApiError safe = redacted(error);
    HttpResponse response = HttpResponse::json(
        safe.status, upstreamBody ? m_context.redactor.redact(QString::fromUtf8(*upstreamBody)).toUtf8()
                                  : m_context.encoder->errorBody(safe));
    keep(response.body);
    for (const auto &[name, value] : retryAfter.headers())
        response.setHeader(name, value);
    m_responder->send(response);
    finishLog(safe.status, safe.message);
}

void ProxyExchange::keep(const QByteArray &answerBytes)
{
    // One byte past the limit marks the answer as longer than what is kept.
    if (m_sent.size() <= RequestRecord::bodyLimit)
        m_sent += answerBytes.left(RequestRecord::bodyLimit + 1 - m_sent.size());
}

void ProxyExchange::finishLog(int status, const QString &error)
{
    m_context.log->update(m_context.logId, [this](RequestRecord &record) {
        // An answer may hold a key too: an upstream that echoes what it was sent.
        const QByteArray kept = m_context.redactor.redact(QString::fromUtf8(m_sent)).toUtf8();
        record.responseBody = m_sent.size() > RequestRecord::bodyLimit
                                  ? kept.left(RequestRecord::bodyLimit) + "\n… (the rest is not kept)"
                                  : kept;
    });
    m_context.log->finish(m_context.logId, status, error);
}

ApiError ProxyExchange::redacted(ApiError error) const
{
    error.message = m_context.redactor.redact(error.message);
    return error;
}
