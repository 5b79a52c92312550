#pragma once

#include "httpresponse.h"

#include <QString>

class HttpResponder;
struct HttpRequest;

// What the HTTP layer hands each request to. The server knows nothing of the APIs behind it:
// the handler also shapes the errors the HTTP layer raises itself.
class HttpRequestHandler
{
public:
    virtual ~HttpRequestHandler() = default;

    // Answer responder->request() through the responder, now or later. The responder lives
    // until the response ends or the client goes away; objects parented to it die with it.
    virtual void handle(HttpResponder *responder) = 0;

    // The response for a request the HTTP layer refuses (400, 408, 413, 431).
    virtual HttpResponse rejection(int status, const QString &reason) const = 0;

    // Headers added to every response to `request`, streamed or whole (CORS, for one).
    virtual HttpHeaders responseHeaders(const HttpRequest &request) const
    {
        Q_UNUSED(request)
        return {};
    }
};
