#pragma once

#include "protocol/openai/chatchunk.h"

#include <QByteArrayView>

#include <optional>

// A Chat Completions chunk read the way the stream translator read it before ChatChunk: parsed
// whole by QJsonDocument and looked up in QJsonObjects. ChatChunk must read every chunk the same
// (tst_chatchunk over the recorded streams, fuzz_chatchunk over anything).
namespace ChatChunkReference {
std::optional<ChatChunk> read(QByteArrayView json);
bool same(const std::optional<ChatChunk> &a, const std::optional<ChatChunk> &b);
}
