#include "httpresponseparser.h"

#include <QCoreApplication>

HttpResponseParser::HttpResponseParser()
{
    llhttp_settings_init(&m_settings);
    m_settings.on_header_field = &HttpResponseParser::onHeaderField;
    m_settings.on_header_value = &HttpResponseParser::onHeaderValue;
    m_settings.on_header_value_complete = &HttpResponseParser::onHeaderValueComplete;
    m_settings.on_headers_complete = &HttpResponseParser::onHeadersComplete;
    m_settings.on_body = &HttpResponseParser::onBody;
    m_settings.on_message_complete = &HttpResponseParser::onMessageComplete;
    llhttp_init(&m_parser, HTTP_RESPONSE, &m_settings);
    m_parser.data = this;
}

HttpResponseParser::Progress HttpResponseParser::feed(QByteArrayView data)
{
    m_progress = {};
    // Bytes after the end of the response are not ours: the parser stays paused there.
    if (m_messageDone)
        return m_progress;
    // A null view (an empty read) would have llhttp compute nullptr + 0, undefined behaviour.
    return progressAfter(llhttp_execute(&m_parser, data.isNull() ? "" : data.data(), size_t(data.size())));
}

HttpResponseParser::Progress HttpResponseParser::finish()
{
    m_progress = {};
    if (m_messageDone)
        return m_progress;
    const llhttp_errno_t error = llhttp_finish(&m_parser);
    if (error == HPE_OK && !m_messageDone) {
        m_errorReason = m_headDone ? QCoreApplication::translate("HttpResponseParser", "in the middle of the response body")
                                   : QCoreApplication::translate("HttpResponseParser", "before a response arrived");
        m_progress.failed = true;
        return m_progress;
    }
    return progressAfter(error);
}

HttpResponseParser::Progress HttpResponseParser::progressAfter(llhttp_errno_t error)
{
    if (error == HPE_OK || (error == HPE_PAUSED && m_messageDone))
        return m_progress;
    m_progress.failed = true;
    m_errorReason = QString::fromLatin1(llhttp_get_error_reason(&m_parser));
    if (m_errorReason.isEmpty())
        m_errorReason = QString::fromLatin1(llhttp_errno_name(error));
    return m_progress;
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponseParser *HttpResponseParser::self(llhttp_t *parser)
{
    return static_cast<HttpResponseParser *>(parser->data);
}

int HttpResponseParser::onHeaderField(llhttp_t *parser, const char *at, size_t length)
{
    self(parser)->m_headerName.append(at, qsizetype(length));
    return 0;
}

int HttpResponseParser::onHeaderValue(llhttp_t *parser, const char *at, size_t length)
{
    self(parser)->m_headerValue.append(at, qsizetype(length));
    return 0;
}

int HttpResponseParser::onHeaderValueComplete(llhttp_t *parser)
{
    HttpResponseParser *that = self(parser);
    that->m_headers.append({that->m_headerName.toLower(), that->m_headerValue});
    that->m_headerName.clear();
    that->m_headerValue.clear();
    return 0;
}

int HttpResponseParser::onHeadersComplete(llhttp_t *parser)
{
    HttpResponseParser *that = self(parser);
    // An interim 1xx answer is followed by the real one: forget it.
    if (parser->status_code < 200) {
        that->m_headers.clear();
        return 0;
    }
    that->m_status = parser->status_code;
    that->m_headDone = true;
    that->m_progress.headComplete = true;
    return 0;
}

int HttpResponseParser::onBody(llhttp_t *parser, const char *at, size_t length)
{
    self(parser)->m_progress.body.append(at, qsizetype(length));
    return 0;
}

int HttpResponseParser::onMessageComplete(llhttp_t *parser)
{
    HttpResponseParser *that = self(parser);
    if (!that->m_headDone)
        return 0; // the end of an interim 1xx answer
    that->m_keepAlive = llhttp_should_keep_alive(parser);
    that->m_messageDone = true;
    that->m_progress.complete = true;
    return HPE_PAUSED;
}
