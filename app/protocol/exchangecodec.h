#pragma once

#include "anthropic/apierror.h"
#include "sseevent.h"
#include "tokenusage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// One attempt's pairing of the client's API with the upstream's: the body the upstream is
// sent, and the bytes the client gets for the upstream's answer. Everything around an attempt
// (retries, fallbacks, the provider gate, the deadline, pings) is the exchange's, the same for
// every pairing. Pure: no I/O, no clock. One codec serves one attempt.
class ExchangeCodec
{
public:
    struct Request
    {
        QByteArray body;
        QStringList notes; // what was changed to suit the provider, for the request log
    };

    // Bytes for the client, and the error the upstream reported in the events they came from.
    // An error before the client's stream has begun fails the attempt, and the exchange drops
    // the bytes that came with it.
    struct Frames
    {
        QByteArray bytes;
        std::optional<ApiError> error;
    };

    // A whole answer for the client: a JSON body, or stream frames when it asked for a stream.
    struct Answer
    {
        QByteArray bytes;
        bool streamed = false;
    };

    virtual ~ExchangeCodec() = default;

    virtual Request upstreamRequest() = 0;

    // A streamed answer, one upstream event at a time, as StreamTranslator reads it.
    Frames translate(const SseEvent &event) { return translateBurst({event}); }
    // The events that arrived together (StreamTranslator::translateBurst): the frames of all,
    // and the first error among them.
    virtual Frames translateBurst(const QList<SseEvent> &burst) = 0;
    // The upstream's stream ended cleanly.
    virtual Frames finish() = 0;
    // The stream broke after bytes went out: ends the client's stream with `error`.
    virtual Frames fail(const ApiError &error) = 0;
    // Nothing more will be sent.
    virtual bool isFinished() const = 0;
    // The upstream said its answer is whole; a stream that stops without this was cut short.
    virtual bool isComplete() const = 0;

    // A whole (non-streamed) answer: `response` parsed from `raw`, free of errors.
    virtual Answer answer(const QJsonObject &response, const QByteArray &raw, bool asStream) = 0;

    // What the answer read so far reports.
    virtual TokenUsage usage() const = 0;

    // An upstream's error response as the client gets it, where it is in the client's API
    // already; nullopt when the exchange writes the error anew.
    virtual std::optional<QByteArray> errorBody(const QByteArray &upstreamBody) const
    {
        Q_UNUSED(upstreamBody);
        return std::nullopt;
    }
};
