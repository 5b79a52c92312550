#pragma once

#include "httpheaders.h"

#include <QByteArray>

// One parsed HTTP/1.1 request. Header names are lower-cased; values are kept as sent.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // the request-target as sent: path plus optional query
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = true;

    QByteArray path() const;  // target without the query
    QByteArray query() const; // what follows '?', empty if none
    // The first value of a header, looked up by its lower-case name; empty if absent.
    QByteArray header(QByteArrayView lowerCaseName) const;
};
