#include "httprequestparser.h"

#include <algorithm>

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{
    llhttp_settings_init(&m_settings);
    m_settings.on_message_begin = &HttpRequestParser::onMessageBegin;
    m_settings.on_url = &HttpRequestParser::onUrl;
    m_settings.on_header_field = &HttpRequestParser::onHeaderField;
    m_settings.on_header_field_complete = &HttpRequestParser::onHeaderFieldComplete;
    m_settings.on_header_value = &HttpRequestParser::onHeaderValue;
    m_settings.on_header_value_complete = &HttpRequestParser::onHeaderValueComplete;
    m_settings.on_headers_complete = &HttpRequestParser::onHeadersComplete;
    m_settings.on_body = &HttpRequestParser::onBody;
    m_settings.on_message_complete = &HttpRequestParser::onMessageComplete;
    llhttp_init(&m_parser, HTTP_REQUEST, &m_settings);
    m_parser.data = this;
}

HttpRequestParser::Result HttpRequestParser::feed(QByteArrayView data)
{
    // A null view (an empty read) would have llhttp compute nullptr + 0, undefined behaviour.
    const llhttp_errno_t error = llhttp_execute(&m_parser, data.isNull() ? "" : data.data(), size_t(data.size()));
    if (error == HPE_OK)
        return {Status::Incomplete, data.size()};
    if ((error == HPE_PAUSED || error == HPE_PAUSED_UPGRADE) && m_messageComplete) {
        // An Upgrade (h2c, websocket) is not offered: the request is answered as plain HTTP/1.1
        // and the connection closed, since the client may already have sent upgraded bytes.
        if (error == HPE_PAUSED_UPGRADE)
            m_request.keepAlive = false;
        const qsizetype consumed = llhttp_get_error_pos(&m_parser) - data.data();
        return {Status::Complete, consumed};
    }
    if (m_refusal)
        return {*m_refusal, 0};
    m_errorReason = QString::fromLatin1(llhttp_get_error_reason(&m_parser));
    if (m_errorReason.isEmpty())
        m_errorReason = QString::fromLatin1(llhttp_errno_name(error));
    return {Status::BadRequest, 0};
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = {};
    m_headersComplete = false;
    m_expectsContinue = false;
    m_messageComplete = false;
    llhttp_resume(&m_parser);
    return request;
}

HttpRequestParser *HttpRequestParser::self(llhttp_t *parser)
{
    return static_cast<HttpRequestParser *>(parser->data);
}

bool HttpRequestParser::countHeaderBytes(size_t length)
{
    m_headerBytes += qsizetype(length);
    if (m_headerBytes <= m_limits.maxHeaderBytes)
        return true;
    m_refusal = Status::HeadersTooLarge;
    m_errorReason = QStringLiteral("request headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes);
    return false;
}

int HttpRequestParser::onMessageBegin(llhttp_t *parser)
{
    auto *that = self(parser);
    that->m_headerBytes = 0;
    that->m_request = {};
    return 0;
}

int HttpRequestParser::onUrl(llhttp_t *parser, const char *at, size_t length)
{
    auto *that = self(parser);
    if (!that->countHeaderBytes(length))
        return -1;
    that->m_request.target.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onHeaderField(llhttp_t *parser, const char *at, size_t length)
{
    auto *that = self(parser);
    if (!that->countHeaderBytes(length))
        return -1;
    that->m_headerName.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onHeaderFieldComplete(llhttp_t *parser)
{
    auto *that = self(parser);
    // llhttp 8 lets spaces into header names ("Host : x"), which RFC 9112 forbids because
    // servers that trim them disagree with those that don't (request smuggling).
    static constexpr QByteArrayView tokenSymbols = "!#$%&'*+-.^_`|~";
    for (const char c : std::as_const(that->m_headerName)) {
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric && !tokenSymbols.contains(c)) {
            that->m_refusal = Status::BadRequest;
            that->m_errorReason = QStringLiteral("invalid character in a header name");
            return -1;
        }
    }
    that->m_headerName = that->m_headerName.toLower();
    return 0;
}

int HttpRequestParser::onHeaderValue(llhttp_t *parser, const char *at, size_t length)
{
    auto *that = self(parser);
    if (!that->countHeaderBytes(length))
        return -1;
    that->m_headerValue.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onHeaderValueComplete(llhttp_t *parser)
{
    auto *that = self(parser);
    that->m_request.headers.append({std::exchange(that->m_headerName, {}),
                                    std::exchange(that->m_headerValue, {}).trimmed()});
    return 0;
}

int HttpRequestParser::onHeadersComplete(llhttp_t *parser)
{
    auto *that = self(parser);
    HttpRequest &request = that->m_request;
    request.method = llhttp_method_name(llhttp_method_t(parser->method));
    request.keepAlive = llhttp_should_keep_alive(parser);
    that->m_headersComplete = true;
    that->m_expectsContinue = request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    // Refuse an announced oversized body before the client sends it.
    if ((parser->flags & F_CONTENT_LENGTH) && parser->content_length > quint64(that->m_limits.maxBodyBytes)) {
        that->m_refusal = Status::BodyTooLarge;
        return -1;
    }
    // RFC 9112 3.2: an HTTP/1.1 request names its host exactly once. Who the request is for is
    // what the handler checks against DNS rebinding; a request that leaves it open is refused.
    const qsizetype hosts = std::count_if(request.headers.cbegin(), request.headers.cend(),
                                          [](const HttpHeader &header) { return header.first == "host"; });
    const bool http11 = parser->http_major == 1 && parser->http_minor == 1;
    if (hosts > 1 || (hosts == 0 && http11)) {
        that->m_refusal = Status::BadRequest;
        that->m_errorReason = hosts > 1 ? QStringLiteral("more than one Host header")
                                        : QStringLiteral("an HTTP/1.1 request without a Host header");
        return -1;
    }
    return 0;
}

int HttpRequestParser::onBody(llhttp_t *parser, const char *at, size_t length)
{
    auto *that = self(parser);
    if (that->m_request.body.size() + qsizetype(length) > that->m_limits.maxBodyBytes) {
        that->m_refusal = Status::BodyTooLarge;
        return -1;
    }
    that->m_request.body.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onMessageComplete(llhttp_t *parser)
{
    self(parser)->m_messageComplete = true;
    // Stop after one request: the caller answers it before reading a pipelined next one.
    return HPE_PAUSED;
}
