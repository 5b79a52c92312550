#pragma once

#include "httpheaders.h"

#include <QByteArray>

// A response status line, headers and (for whole responses) body. The connection adds
// framing headers (Content-Length or chunked, Connection, Keep-Alive) when it sends it.
struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;

    static HttpResponse json(int status, const QByteArray &jsonBody);

    void setHeader(const QByteArray &name, const QByteArray &value);
    bool hasHeader(QByteArrayView name) const;

    // Status line and headers ending in the blank line; `framing` holds the connection's
    // own headers.
    QByteArray serializeHead(const HttpHeaders &framing) const;

    static QByteArray reasonPhrase(int status);
};
