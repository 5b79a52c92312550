#pragma once

#include "anthropic/apierror.h"

#include <QByteArray>

#include <optional>

// A provider's "the prompt does not fit the model's context window", recognised in its own
// words, and answered in the one form Claude Code acts on: Anthropic's 400
// "prompt is too long: N tokens > M maximum". Claude Code matches exactly that message to
// compact the conversation and go on; any other wording ends the session with a foreign error.
struct ContextOverflow
{
    qint64 requested = 0; // the prompt's tokens as the provider counted them; 0 = not said
    qint64 maximum = 0;   // the model's window as the provider gave it; 0 = not said

    // The overflow an upstream's error response reports, if it is one.
    static std::optional<ContextOverflow> recognize(int status, const QByteArray &body);

    // Anthropic's error for it. Numbers the provider did not give come from the route's
    // `window` and the request's `estimate` (either may be 0 = unknown); the message always
    // says more tokens than the maximum, as Claude Code's pattern expects.
    ApiError toApiError(qint64 estimate, qint64 window) const;
};
