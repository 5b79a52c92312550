#pragma once

#include "protocol/streamtranslator.h"
#include "protocol/upstreamapi.h"

#include <QByteArrayView>

// An upstream's response body through the stream translator of `api`, as ProxyExchange
// relays it: SseParser, then each read's events as one burst until the translator says it is
// finished; at the end of the body finish() when the answer was complete, fail() when it was
// cut short. The events are written as the client gets them and must follow Anthropic's event
// grammar, and give the client the same message as the events translated one at a time.
namespace StreamReplay {
// The options the stream targets start from.
ResponseOptions options();
void replay(QByteArrayView body, UpstreamApi api, const ResponseOptions &options);
}
