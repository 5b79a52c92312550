#pragma once

#include "httplimits.h"
#include "httprequestparser.h"
#include "httpresponse.h"

#include <QObject>
#include <QTimer>

class HttpRequestHandler;
class HttpResponder;
class QTcpSocket;

// One client connection: reads requests one at a time (pipelined ones wait in the buffer),
// hands each to the handler through an HttpResponder, frames the response (Content-Length or
// chunked) and enforces the limits and timeouts. Deletes itself when the socket closes.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, HttpRequestHandler *handler, const HttpLimits &limits,
                   QObject *parent = nullptr);

    // Takes no request after the one under way: an idle connection closes now, a request being
    // read is refused with `reason`, a response under way ends as it would and then the
    // connection closes.
    void closeAfterResponse(const QString &reason);
    // Ends the connection for good: as closeAfterResponse(), and a request in flight is
    // interrupted (see HttpResponder::interrupted).
    void closeGracefully(const QString &reason);

Q_SIGNALS:
    void closed();

private:
    friend class HttpResponder;

    void readIncoming();
    void processBuffer();
    void dispatch(HttpRequest request);
    void reject(int status, const QString &reason);
    void onTimeout();
    void onDisconnected();
    void startIdleWait();

    // For HttpResponder.
    void writeWhole(const HttpResponse &response, bool headOnly, const HttpHeaders &extraHeaders = {});
    void writeStreamHead(const HttpResponse &head, const HttpHeaders &extraHeaders);
    HttpHeaders responseHeadersFor(const HttpRequest &request) const;
    void writeChunk(QByteArrayView bytes);
    void writeLastChunk();
    void flush();
    void finishResponse();
    void abort();

    HttpHeaders connectionHeaders() const;

    enum class Phase {
        Idle,        // between requests: the keep-alive timeout runs
        ReadingHead, // a request has begun: the header timeout runs
        ReadingBody, // headers are in: silence longer than the idle timeout ends it
        Handling,    // the handler has the request; its own timeouts apply
        Closing,     // no more requests on this connection
    };

    QTcpSocket *m_socket;
    HttpRequestHandler *m_handler;
    HttpLimits m_limits;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    HttpResponder *m_responder = nullptr;
    bool m_keepAlive = true;
    bool m_continueSent = false;
};
