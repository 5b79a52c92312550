#pragma once

#include "httpheaders.h"

#include <llhttp.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Incremental HTTP/1.1 response parsing over llhttp, for the upstream client: fed bytes as they
// arrive, split anywhere, it says what each piece completed. Body bytes come back unframed
// (chunked encoding removed) in the feed that carried them, so a stream is handed on as it
// arrives. Nothing is reported through callbacks: the caller acts once feed() has returned,
// so it may even delete the connection the parser belongs to.
class HttpResponseParser
{
public:
    struct Progress
    {
        bool headComplete = false; // status and headers arrived in this feed
        QByteArray body;           // body bytes that arrived in this feed
        bool complete = false;     // the response ended in this feed
        bool failed = false;       // malformed: errorReason()
    };

    HttpResponseParser();
    HttpResponseParser(const HttpResponseParser &) = delete;
    HttpResponseParser &operator=(const HttpResponseParser &) = delete;

    Progress feed(QByteArrayView data);
    // The connection closed: ends a response whose length is "until the connection closes".
    Progress finish();

    int status() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const; // the first value, case-insensitive name
    // After `complete`: whether the connection can carry another request.
    bool keepAlive() const { return m_keepAlive; }
    QString errorReason() const { return m_errorReason; }

private:
    static int onHeaderField(llhttp_t *parser, const char *at, size_t length);
    static int onHeaderValue(llhttp_t *parser, const char *at, size_t length);
    static int onHeaderValueComplete(llhttp_t *parser);
    static int onHeadersComplete(llhttp_t *parser);
    static int onBody(llhttp_t *parser, const char *at, size_t length);
    static int onMessageComplete(llhttp_t *parser);
    static HttpResponseParser *self(llhttp_t *parser);

    Progress progressAfter(llhttp_errno_t error);

    llhttp_settings_t m_settings;
    llhttp_t m_parser;
    HttpHeaders m_headers;
    QByteArray m_headerName;
    QByteArray m_headerValue;
    Progress m_progress;
    int m_status = 0;
    bool m_keepAlive = false;
    bool m_headDone = false;
    bool m_messageDone = false;
    QString m_errorReason;
};
