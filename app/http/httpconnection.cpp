#include "httpconnection.h"

#include "httprequesthandler.h"
#include "httpresponder.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "ccbridge.http")

HttpConnection::HttpConnection(QTcpSocket *socket, HttpRequestHandler *handler,
                               const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_limits(limits)
    , m_parser(limits)
{
    m_socket->setParent(this);
    // Stream events must leave at once, not wait for Nagle's algorithm to fill a segment.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readIncoming);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    startIdleWait();
}

void HttpConnection::readIncoming()
{
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_responder && m_phase != Phase::Closing && !m_buffer.isEmpty()) {
        if (m_phase == Phase::Idle) {
            m_phase = Phase::ReadingHead;
            m_timer.start(m_limits.headerTimeoutMs);
        }
        const auto [status, consumed] = m_parser.feed(m_buffer);
        m_buffer.remove(0, consumed);
        switch (status) {
        case HttpRequestParser::Status::Incomplete:
            if (m_parser.headersComplete()) {
                if (m_parser.expectsContinue() && !m_continueSent) {
                    m_continueSent = true;
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                }
                m_phase = Phase::ReadingBody;
                m_timer.start(m_limits.idleTimeoutMs);
            }
            return;
        case HttpRequestParser::Status::Complete:
            dispatch(m_parser.takeRequest());
            break;
        case HttpRequestParser::Status::BadRequest:
            reject(400, m_parser.errorReason());
            return;
        case HttpRequestParser::Status::HeadersTooLarge:
            reject(431, tr("The request headers are larger than %1 bytes.").arg(m_limits.maxHeaderBytes));
            return;
        case HttpRequestParser::Status::BodyTooLarge:
            reject(413, tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
            return;
        }
    }
}

void HttpConnection::dispatch(HttpRequest request)
{
    m_timer.stop();
    m_phase = Phase::Handling;
    m_continueSent = false;
    m_keepAlive = request.keepAlive;
    m_responder = new HttpResponder(std::move(request), this);
    m_handler->handle(m_responder);
}

void HttpConnection::reject(int status, const QString &reason)
{
    qCDebug(lcHttp) << "rejecting request:" << status << reason;
    m_keepAlive = false;
    writeWhole(m_handler->rejection(status, reason), false);
    m_phase = Phase::Closing;
    m_timer.stop();
    m_socket->disconnectFromHost();
}

void HttpConnection::closeAfterResponse(const QString &reason)
{
    // The response under way is the last one on this connection.
    m_keepAlive = false;
    switch (m_phase) {
    case Phase::Idle:
        m_phase = Phase::Closing;
        m_timer.stop();
        m_socket->disconnectFromHost();
        break;
    case Phase::ReadingHead:
    case Phase::ReadingBody:
        reject(503, reason);
        break;
    case Phase::Handling:
    case Phase::Closing:
        break;
    }
}

void HttpConnection::closeGracefully(const QString &reason)
{
    closeAfterResponse(reason);
    if (m_phase == Phase::Handling)
        m_responder->interrupt(reason);
}

void HttpConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::Idle:
        m_phase = Phase::Closing;
        m_socket->disconnectFromHost();
        break;
    case Phase::ReadingHead:
    case Phase::ReadingBody:
        reject(408, tr("The client took too long to send the request."));
        break;
    case Phase::Handling:
    case Phase::Closing:
        break;
    }
}

void HttpConnection::onDisconnected()
{
    m_timer.stop();
    m_phase = Phase::Closing;
    if (m_responder && !m_responder->isFinished())
        Q_EMIT m_responder->clientDisconnected();
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::startIdleWait()
{
    m_phase = Phase::Idle;
    m_timer.start(m_limits.idleTimeoutMs);
}

HttpHeaders HttpConnection::connectionHeaders() const
{
    if (!m_keepAlive)
        return {{"connection", "close"}};
    // Telling the client how long an idle connection lives lets it close first, instead of
    // racing our close with its next request.
    return {{"connection", "keep-alive"},
            {"keep-alive", "timeout=" + QByteArray::number(m_limits.idleTimeoutMs / 1000)}};
}

HttpHeaders HttpConnection::responseHeadersFor(const HttpRequest &request) const
{
    return m_handler->responseHeaders(request);
}

void HttpConnection::writeWhole(const HttpResponse &response, bool headOnly, const HttpHeaders &extraHeaders)
{
    auto framing = extraHeaders + connectionHeaders();
    framing.append(HttpHeader("content-length", QByteArray::number(response.body.size())));
    m_socket->write(response.serializeHead(framing));
    if (!headOnly)
        m_socket->write(response.body);
}

void HttpConnection::writeStreamHead(const HttpResponse &head, const HttpHeaders &extraHeaders)
{
    auto framing = extraHeaders + connectionHeaders();
    framing.append(HttpHeader("transfer-encoding", "chunked"));
    m_socket->write(head.serializeHead(framing));
}

void HttpConnection::writeChunk(QByteArrayView bytes)
{
    if (bytes.isEmpty()) // an empty chunk would end the body
        return;
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n");
    m_socket->write(bytes.data(), bytes.size());
    m_socket->write("\r\n");
}

void HttpConnection::writeLastChunk()
{
    m_socket->write("0\r\n\r\n");
}

void HttpConnection::flush()
{
    m_socket->flush();
}

void HttpConnection::finishResponse()
{
    if (m_responder) {
        m_responder->deleteLater();
        m_responder = nullptr;
    }
    if (!m_keepAlive) {
        m_phase = Phase::Closing;
        m_socket->disconnectFromHost();
        return;
    }
    startIdleWait();
    // A pipelined request may be waiting; read it once the handler's call stack has unwound.
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
}

void HttpConnection::abort()
{
    m_phase = Phase::Closing;
    // What was written goes out first; then the connection ends without the final chunk,
    // which the peer sees as a body cut short.
    m_socket->disconnectFromHost();
}
