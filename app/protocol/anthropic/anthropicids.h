#pragma once

#include <QString>

// Fresh identifiers in Anthropic's shapes (`msg_…`, `toolu_…`): 24 random base-62 characters
// after the prefix, like the real API's.
namespace AnthropicIds {
QString newMessageId();
QString newToolUseId();
}
