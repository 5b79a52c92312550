#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

// A loopback server for the upstream client's tests that answers at the byte level: each
// request, once its head and Content-Length body are in, goes to `respond` with the socket to
// write the answer on (now or later). It counts the reads each request took to arrive, and
// serves TLS when given a server configuration.
class RawUpstream : public QTcpServer
{
    Q_OBJECT

public:
    using Responder = std::function<void(QTcpSocket *socket, const QByteArray &request)>;

    explicit RawUpstream(Responder respond, const QSslConfiguration &tls = {});

    quint16 port() const { return serverPort(); }
    const QList<QByteArray> &requests() const { return m_requests; }
    const QList<int> &readsPerRequest() const { return m_readsPerRequest; }
    int connectionsAccepted() const { return m_connections; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void readFrom(QTcpSocket *socket);

    Responder m_respond;
    QSslConfiguration m_tls;
    QList<QByteArray> m_requests;
    QList<int> m_readsPerRequest;
    int m_connections = 0;
};
