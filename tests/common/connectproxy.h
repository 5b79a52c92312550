#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

// An HTTP CONNECT proxy on loopback for the upstream client's tests: it tunnels every CONNECT
// to `targetPort` on loopback, whatever host was asked for (so a request that reaches the
// target with an unresolvable host name must have come through the proxy), and remembers
// what was asked.
class ConnectProxy : public QObject
{
    Q_OBJECT

public:
    explicit ConnectProxy(quint16 targetPort);

    quint16 port() const { return m_server.serverPort(); }
    const QList<QByteArray> &connectTargets() const { return m_targets; }

private:
    void accept();
    void readHead(QTcpSocket *client);

    QTcpServer m_server;
    quint16 m_targetPort;
    QList<QByteArray> m_targets;
};
