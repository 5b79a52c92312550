#include "streamreplay.h"

// A Chat Completions stream as an upstream sends it, translated as plain chunks and again
// with tool calls parsed out of the text (Options::textToolCalls, as for Chutes).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body(data, qsizetype(size));
    ResponseOptions options = StreamReplay::options();
    StreamReplay::replay(body, UpstreamApi::OpenAiChat, options);
    options.textToolCalls = true;
    StreamReplay::replay(body, UpstreamApi::OpenAiChat, options);
    return 0;
}
