#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QObject>

class HttpConnection;

// The handler's side of one request: it answers once, either whole (send) or as a stream of
// chunks (beginStream, write…, endStream). It lives until the response has ended or the
// client has gone away, so work parented to it is cancelled with the client.
class HttpResponder : public QObject
{
    Q_OBJECT

public:
    const HttpRequest &request() const { return m_request; }

    void send(const HttpResponse &response);
    void beginStream(const HttpResponse &head); // head.body is not sent
    void write(QByteArrayView bytes);
    // Sends what was written now instead of when the event loop next finds the socket
    // writable, which can be after other work queued for this turn.
    void flush();
    void endStream();
    // Drops the connection without ending the response properly (a broken upstream, in tests).
    void abortConnection();

    bool hasBegun() const { return m_state != State::Pending; }
    bool isFinished() const { return m_state == State::Finished; }

Q_SIGNALS:
    // The client went away before the response ended.
    void clientDisconnected();
    // The server is closing this connection: end the response now, in the API's own shape
    // (an error response, or an error event in a stream), saying `reason`. A response still
    // open after the signal gets the HTTP layer's rejection, or its stream is cut.
    void interrupted(const QString &reason);

private:
    friend class HttpConnection;
    enum class State { Pending, Streaming, Finished };

    HttpResponder(HttpRequest request, HttpConnection *connection);
    void interrupt(const QString &reason);

    HttpConnection *m_connection;
    HttpRequest m_request;
    State m_state = State::Pending;
};
