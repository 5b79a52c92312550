#pragma once

#include "httplimits.h"
#include "httprequest.h"

#include <llhttp.h>

#include <QByteArrayView>
#include <QString>

#include <optional>

// Incremental, strict HTTP/1.1 request parsing over llhttp (Node.js's parser): fed bytes as
// they arrive, split anywhere, it reports when one whole request is in and how many bytes
// it used, so pipelined requests stay in the caller's buffer for the next call.
class HttpRequestParser
{
public:
    enum class Status {
        Incomplete,      // every byte was consumed; more are needed
        Complete,        // one request is in: takeRequest()
        BadRequest,      // malformed: 400
        HeadersTooLarge, // 431
        BodyTooLarge,    // 413
    };
    struct Result
    {
        Status status;
        qsizetype consumed;
    };

    explicit HttpRequestParser(const HttpLimits &limits);
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    Result feed(QByteArrayView data);

    // Whether the current request's headers have been read (the body may still follow).
    bool headersComplete() const { return m_headersComplete; }
    // The current request asked for `Expect: 100-continue` before sending its body.
    bool expectsContinue() const { return m_expectsContinue; }
    // After Complete: the request, and the parser is ready for the next one.
    HttpRequest takeRequest();
    // Why the last feed() failed, for the 400 message.
    QString errorReason() const { return m_errorReason; }

private:
    static int onMessageBegin(llhttp_t *parser);
    static int onUrl(llhttp_t *parser, const char *at, size_t length);
    static int onHeaderField(llhttp_t *parser, const char *at, size_t length);
    static int onHeaderFieldComplete(llhttp_t *parser);
    static int onHeaderValue(llhttp_t *parser, const char *at, size_t length);
    static int onHeaderValueComplete(llhttp_t *parser);
    static int onHeadersComplete(llhttp_t *parser);
    static int onBody(llhttp_t *parser, const char *at, size_t length);
    static int onMessageComplete(llhttp_t *parser);
    static HttpRequestParser *self(llhttp_t *parser);

    bool countHeaderBytes(size_t length);

    HttpLimits m_limits;
    llhttp_settings_t m_settings;
    llhttp_t m_parser;
    HttpRequest m_request;
    QByteArray m_headerName;
    QByteArray m_headerValue;
    qsizetype m_headerBytes = 0;
    bool m_headersComplete = false;
    bool m_expectsContinue = false;
    bool m_messageComplete = false;
    std::optional<Status> m_refusal; // a limit a callback enforced by stopping the parser
    QString m_errorReason;
};
