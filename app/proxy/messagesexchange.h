#pragma once

#include "protocol/anthropic/apierror.h"
#include "protocol/openai/chatstreamtranslator.h"
#include "protocol/sseparser.h"
#include "proxy/router.h"
#include "proxy/upstreamcall.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <optional>

class HttpResponder;
class RequestLog;
class SecretRedactor;
class UpstreamClient;

// One /v1/messages request on its way through an OpenAI Chat Completions upstream and back:
// sends the translated request, then relays the answer, streamed event by event or whole.
// It is a child of the responder, so a client that goes away takes the upstream call with it.
class MessagesExchange : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        Route route;
        QString clientModel;
        bool stream = false;
        QStringList stopSequences;
        qint64 inputTokenEstimate = 0;
        int pingIntervalMs = 10'000;
        quint64 logId = 0;
        RequestLog *log = nullptr;
        const SecretRedactor *redactor = nullptr;
    };

    MessagesExchange(HttpResponder *responder, Context context);

    void start(const UpstreamClient &client, const QJsonObject &upstreamRequest);

private:
    enum class Mode {
        Waiting,         // for the upstream's status line
        Streaming,       // relaying SSE events
        CollectingWhole, // a whole JSON response
        CollectingError, // an error body
        Done,
    };

    void onResponseStarted(int status);
    void onData(const QByteArray &bytes);
    void onFinished();
    void onFailed(UpstreamCall::Failure failure, const QString &message);
    void onClientDisconnected();

    void beginClientStream();
    void relay(const QList<QJsonObject> &events);
    void sendPing();
    void endClientStream();
    void respondWhole();
    void respondError(const ApiError &error, const QByteArray &retryAfter = {});
    void finishLog(int status, const QString &error = {});
    ApiError redacted(ApiError error) const;

    HttpResponder *m_responder;
    Context m_context;
    UpstreamCall *m_call = nullptr;
    Mode m_mode = Mode::Waiting;
    int m_upstreamStatus = 0;
    SseParser m_parser;
    std::optional<ChatStreamTranslator> m_translator;
    QByteArray m_body;
    QString m_streamError; // the message of an `error` event sent to the client
    QTimer m_ping;
};
