#include "fuzzcheck.h"
#include "protocol/sseparser.h"

namespace {

// The events an upstream's body gives when its bytes arrive in pieces of `pieceSize`.
QList<SseEvent> eventsOf(QByteArrayView body, qsizetype pieceSize)
{
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype at = 0; at < body.size(); at += pieceSize)
        events += parser.feed(body.sliced(at, std::min(pieceSize, body.size() - at)));
    events += parser.finish();
    return events;
}

} // namespace

// An upstream's response body. Parsed at once and byte by byte, the events must be the same:
// the network splits a stream anywhere, a CR LF included.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body(data, qsizetype(size));
    FuzzCheck::require(eventsOf(body, body.size() + 1) == eventsOf(body, 1), "whole and byte by byte agree");
    return 0;
}
