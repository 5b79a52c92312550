#pragma once

#include "http/httpresponseparser.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class ContentDecoder;
class QTcpSocket;
class UpstreamConnectionPool;

// One HTTP request to a provider, reported as it happens: the status line, then the body
// bytes as they arrive, then a clean end or a failure. Aborts the request when destroyed,
// so a caller that goes away (its client disconnected) stops the upstream work too.
// It runs on a connection from the pool (or a new one) in the caller's event loop, and gives
// the connection back when the response ended cleanly. Redirects are not followed: a 3xx is
// the answer, since an API endpoint that moves is a configuration to fix, not to chase with a
// request body and an API key.
class UpstreamCall : public QObject
{
    Q_OBJECT

public:
    enum class Failure {
        ConnectTimeout,
        ReadTimeout,
        Network,   // refused, reset, DNS, TLS, a disconnect mid-body
    };
    Q_ENUM(Failure)

    // `request`: the whole request as it goes on the wire, head and body, written at once.
    UpstreamCall(UpstreamConnectionPool *pool, const QUrl &url, const QByteArray &request,
                 int connectTimeoutMs, int readTimeoutMs, QObject *parent = nullptr);
    ~UpstreamCall() override;

    int status() const { return m_status; }
    QByteArray header(const QByteArray &name) const { return m_parser.header(name); }

Q_SIGNALS:
    void responseStarted(int status);
    void dataReceived(const QByteArray &bytes);
    void finished();
    void failed(UpstreamCall::Failure failure, const QString &message);

private:
    void openConnection();
    void attach();
    void send();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onTimeout();
    void retryOnNewConnection();
    // Hands on what one piece of the response completed; false once this call is gone or done.
    bool deliver(const HttpResponseParser::Progress &progress);
    void complete();
    void fail(Failure failure, const QString &message);
    QString socketFailure() const;
    void closeSocket();

    UpstreamConnectionPool *m_pool;
    QUrl m_url;
    QByteArray m_request;
    QTcpSocket *m_socket = nullptr;
    HttpResponseParser m_parser;
    std::unique_ptr<ContentDecoder> m_decoder;
    QTimer m_timer;
    int m_connectTimeoutMs;
    int m_readTimeoutMs;
    int m_status = 0;
    bool m_reused = false;      // the connection came from the pool
    bool m_sent = false;
    bool m_answered = false;    // some of the response arrived
    qint64 m_sliceBytes = 512;  // read from the socket at the next turn
    bool m_done = false;
    QString m_tlsErrors;
};
