#include "streamreplay.h"

// A Responses API stream as an upstream sends it.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    StreamReplay::replay(QByteArrayView(data, qsizetype(size)), UpstreamApi::OpenAiResponses, StreamReplay::options());
    return 0;
}
