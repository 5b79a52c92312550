#pragma once

#include "anthropic/apierror.h"
#include "sseevent.h"
#include "tokenusage.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What response translators need to know about the client's request.
struct ResponseOptions
{
    QString model;                 // the model name reported to the client
    QString messageId;             // `msg_…`; a fresh one when empty
    QStringList stopSequences;     // the request's, to report which one matched
    qint64 inputTokenEstimate = 0; // reported only if the upstream never reports usage
    bool textToolCalls = false;    // the model writes tool calls as text: parse them out
};

// Turns an upstream's stream into the Anthropic Messages stream, one upstream SSE event at a
// time. Pure: no I/O, no clock; the caller feeds events and sends what comes back, each a
// JSON object whose "type" is also the SSE event name.
class StreamTranslator
{
public:
    virtual ~StreamTranslator() = default;

    // One upstream event.
    QList<QJsonObject> translate(const SseEvent &event) { return translateBurst({event}); }
    // The events that arrived together, in order: what translating them one by one gives,
    // except that a translator may join consecutive deltas of one block into one. A burst is
    // sent at once anyway; fewer, larger events cost the proxy and the client less to write
    // and read.
    QList<QJsonObject> translateBurst(const QList<SseEvent> &burst)
    {
        QList<QJsonObject> events;
        for (const SseEvent &event : burst)
            translateEvent(event, events);
        endBurst(events);
        return events;
    }
    // The upstream stream ended cleanly: closes what is open.
    virtual QList<QJsonObject> finish() = 0;
    // The upstream broke (disconnect, timeout): ends the stream with an `error` event.
    virtual QList<QJsonObject> fail(const ApiError &error) = 0;

    // Nothing more will be sent (message_stop or an error went out).
    virtual bool isFinished() const = 0;
    // The upstream said its answer is whole (a finish reason, a completed event); a stream
    // that stops without this may have been cut short.
    virtual bool isComplete() const = 0;
    virtual TokenUsage usage() const = 0;

protected:
    // Appends what one upstream event makes to `events`.
    virtual void translateEvent(const SseEvent &event, QList<QJsonObject> &events) = 0;
    // Appends what was held back to join with later events of the burst.
    virtual void endBurst(QList<QJsonObject> &events) { Q_UNUSED(events); }
};
