#pragma once

#include "config/proxyconfig.h"
#include "config/secretredactor.h"
#include "protocol/anthropic/apierror.h"
#include "protocol/exchangecodec.h"
#include "protocol/upstreamerror.h"
#include "protocol/responseencoder.h"
#include "protocol/sseparser.h"
#include "protocol/streamtranslator.h"
#include "proxy/modelcatalog.h"
#include "proxy/retryafter.h"
#include "proxy/retrypolicy.h"
#include "proxy/router.h"
#include "proxy/upstreamcall.h"
#include "websearch/searchresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

class HttpResponder;
class ProviderGate;
class RequestLog;
class UpstreamClient;
class UpstreamFormat;
class WebSearcher;
class WebSearchTurn;

// One client request, from /v1/messages or /v1/chat/completions, on its way to an upstream and
// back. It tries the route's candidates in order (the chosen provider, then its fallbacks),
// waiting for the provider's gate and retrying each with backoff while nothing has reached the
// client, then relays the answer: streamed event by event, with pings while the upstream is
// silent, or whole; all within the request's deadline. How a request is written for one
// upstream and its answer for the client is an ExchangeCodec's, one per attempt. It is a child
// of the responder, so a client that goes away takes the upstream call with it.
class ProxyExchange : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        QList<Route> candidates;    // the chosen route first, then its fallbacks
        QJsonObject request;        // the client's request as a Messages request, validated
        QJsonObject chatRequest;    // an OpenAI client's own, for upstreams that speak it; else empty
        bool stream = false;
        ResponseOptions response;   // model, stop sequences, input estimate
        QString clientKey;          // sent upstream instead of the provider's key, if set
        int pingIntervalMs = 10'000;
        int requestTimeoutMs = 600'000;
        RetryLimits retry;
        quint64 logId = 0;
        RequestLog *log = nullptr;
        SecretRedactor redactor; // the configured secrets and clientKey
        const QHash<QString, ProviderGate *> *gates = nullptr;
        ModelCatalog *catalog = nullptr;
        std::shared_ptr<ResponseEncoder> encoder; // the client's API; Anthropic's when null
        // Runs Anthropic's web search for upstreams without it; null or unconfigured: none.
        const WebSearcher *webSearcher = nullptr;
    };

    ProxyExchange(HttpResponder *responder, const UpstreamClient &client, Context context);
    ~ProxyExchange() override;

    void start();

private:
    enum class Mode {
        Waiting,         // for a slot, a retry, or the upstream's status line
        Streaming,       // relaying SSE events
        CollectingWhole, // a whole JSON response
        CollectingError, // an error body
        Searching,       // between web search rounds, for the search backend
        Done,
    };

    const Route &candidate() const { return m_context.candidates.at(m_candidate); }
    // The window the configuration knows (the route's, or its preset's) before the one the
    // provider's model list gives.
    UpstreamError::PromptSize promptSize() const
    {
        return {m_context.response.inputTokenEstimate,
                candidate().contextWindow > 0 ? candidate().contextWindow : m_listedContextWindow};
    }
    void enterCandidate();
    void modelResolved(const ModelCatalog::Resolution &resolution);
    void passGate();
    void sendAttempt();
    std::unique_ptr<ExchangeCodec> codecFor(const Route &route) const;
    void onResponseStarted(int status);
    void onData(const QByteArray &bytes);
    void onFinished();
    void onFailed(UpstreamCall::Failure failure, const QString &message);
    void onClientDisconnected();
    // The upstream's answer is whole: the client's too, unless it asked for web searches.
    void answerEnded();
    void runSearches();
    void searchDone(const QString &id, const QString &query, SearchOutcome outcome, qint64 elapsedMs);
    TokenUsage answerUsage() const;
    void onDeadline();
    // Ends the exchange before the upstream has: an error response, or an error event when the
    // client's stream has begun.
    void endEarly(const ApiError &error);

    // An attempt failed before anything reached the client: retry, fall back, or answer.
    // `upstreamBody` is the upstream's error response where the client may get it as it is.
    void attemptFailed(const ApiError &error, int upstreamStatus, const RetryAfter &retryAfter = {},
                       const std::optional<QByteArray> &upstreamBody = {});
    void releaseSlot();
    void note(const QString &text);

    void relay(const ExchangeCodec::Frames &frames);
    void sendPing();
    void endClientStream();
    void respondWhole();
    void sendWhole(const QByteArray &body);
    void respondError(const ApiError &error, const RetryAfter &retryAfter = {},
                      const std::optional<QByteArray> &upstreamBody = {});
    void finishLog(int status, const QString &error = {});
    void keep(const QByteArray &answerBytes);
    ApiError redacted(ApiError error) const;

    HttpResponder *m_responder;
    const UpstreamClient &m_client;
    Context m_context;
    const RetryPolicy m_retry;
    QElapsedTimer m_sinceArrival;   // what the client has waited, for the retry policy
    qsizetype m_candidate = 0;
    QString m_upstreamModel;         // the current candidate's model, its case corrected
    int m_listedContextWindow = 0;   // its window in the provider's model list; 0 = not listed
    int m_attempt = 0;               // attempts on the current candidate
    bool m_holdingSlot = false;
    UpstreamCall *m_call = nullptr;
    const UpstreamFormat *m_format = nullptr;
    std::unique_ptr<ExchangeCodec> m_codec; // the current attempt's
    std::shared_ptr<WebSearchTurn> m_searchTurn; // when CC Bridge runs the request's web searches
    TokenUsage m_earlierRounds;      // what a web search turn's finished rounds used
    bool m_notedRequest = false;     // the request's changes are in the log
    Mode m_mode = Mode::Waiting;
    bool m_committed = false;        // the client's stream has begun: no more retries
    int m_upstreamStatus = 0;
    SseParser m_parser;
    QByteArray m_body;
    QString m_streamError;           // the message of an `error` event sent to the client
    QByteArray m_sent;               // the first bytes of the answer, for the request log
    QTimer m_ping;
    QTimer m_retryTimer;
    QTimer m_deadline;
};
