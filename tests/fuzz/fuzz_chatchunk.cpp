#include "chatchunkreference.h"
#include "fuzzcheck.h"
#include "protocol/openai/chatchunk.h"

// One Chat Completions chunk: whatever Qt's parser reads as an object, ChatChunk must read the
// same. (ChatChunk may also read what Qt refuses, when the fault lies in members it skips.)
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView json(data, qsizetype(size));
    const std::optional<ChatChunk> chunk = ChatChunk::read(json);
    if (const std::optional<ChatChunk> reference = ChatChunkReference::read(json))
        FuzzCheck::require(ChatChunkReference::same(chunk, reference), "ChatChunk reads the chunk as Qt does");
    return 0;
}
