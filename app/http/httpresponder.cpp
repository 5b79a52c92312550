#include "httpresponder.h"

#include "httpconnection.h"
#include "httprequesthandler.h"

HttpResponder::HttpResponder(HttpRequest request, HttpConnection *connection)
    : QObject(connection)
    , m_connection(connection)
    , m_request(std::move(request))
{
}

void HttpResponder::send(const HttpResponse &response)
{
    Q_ASSERT(m_state == State::Pending);
    if (m_state != State::Pending)
        return;
    m_state = State::Finished;
    m_connection->writeWhole(response, m_request.method == "HEAD", m_connection->responseHeadersFor(m_request));
    m_connection->finishResponse();
}

void HttpResponder::beginStream(const HttpResponse &head)
{
    Q_ASSERT(m_state == State::Pending);
    if (m_state != State::Pending)
        return;
    m_state = State::Streaming;
    m_connection->writeStreamHead(head, m_connection->responseHeadersFor(m_request));
}

void HttpResponder::write(QByteArrayView bytes)
{
    Q_ASSERT(m_state == State::Streaming);
    if (m_state == State::Streaming)
        m_connection->writeChunk(bytes);
}

void HttpResponder::flush()
{
    if (m_state == State::Streaming)
        m_connection->flush();
}

void HttpResponder::endStream()
{
    if (m_state != State::Streaming)
        return;
    m_state = State::Finished;
    m_connection->writeLastChunk();
    m_connection->finishResponse();
}

void HttpResponder::abortConnection()
{
    m_state = State::Finished;
    m_connection->abort();
}

void HttpResponder::interrupt(const QString &reason)
{
    Q_EMIT interrupted(reason);
    // No handler ended the response: a whole one can still be an error, a stream can only be
    // cut, which the client at least sees as an incomplete body.
    if (m_state == State::Pending)
        send(m_connection->m_handler->rejection(503, reason));
    else if (m_state == State::Streaming)
        abortConnection();
}
