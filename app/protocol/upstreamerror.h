#pragma once

#include "anthropic/apierror.h"

#include <QByteArray>
#include <QJsonObject>

// The Anthropic error for a provider's error response: the status keeps its meaning (401
// stays authentication_error, 429 rate_limit_error, 503/529 overloaded_error, other 5xx
// api_error) and the provider's own message is kept, read from whichever shape it uses
// ({"error":{"message"}}, {"error":"…"}, {"message"}, {"detail"}, an HTML error page's title,
// or plain text). A provider's context-window overflow becomes Anthropic's "prompt is too long"
// (ContextOverflow), with `prompt`'s figures where the provider gives none.
namespace UpstreamError {
struct PromptSize
{
    qint64 estimate = 0; // the request's input tokens as estimated here; 0 = unknown
    qint64 window = 0;   // the route's context window; 0 = unknown
};
ApiError fromResponse(int status, const QByteArray &body, PromptSize prompt = {});
// The message in an upstream error object or body; empty if there is none.
QString messageOf(const QByteArray &body);
// The HTTP status an error object names (`status_code` or `code`), for errors that arrive in
// a 200 answer or stream; `fallback` when it names none.
int statusIn(const QJsonObject &error, int fallback);
}
