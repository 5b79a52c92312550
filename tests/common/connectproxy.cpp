#include "connectproxy.h"

#include <QTcpSocket>

ConnectProxy::ConnectProxy(quint16 targetPort)
    : m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ConnectProxy::accept);
    m_server.listen(QHostAddress::LocalHost, 0);
}

void ConnectProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        connect(client, &QTcpSocket::readyRead, this, [this, client] { readHead(client); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }
}

void ConnectProxy::readHead(QTcpSocket *client)
{
    QByteArray head = client->property("head").toByteArray() + client->readAll();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        client->setProperty("head", head);
        return;
    }
    client->disconnect(this);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.value(0) != "CONNECT") {
        client->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
        return;
    }
    m_targets.append(requestLine.value(1));
    auto *target = new QTcpSocket(client);
    const QByteArray early = head.mid(end + 4); // bytes the client sent after the head
    connect(target, &QTcpSocket::connected, client, [client, target, early] {
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        target->write(early);
        connect(client, &QTcpSocket::readyRead, target, [client, target] { target->write(client->readAll()); });
        connect(target, &QTcpSocket::readyRead, client, [client, target] { client->write(target->readAll()); });
        connect(target, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, target, &QTcpSocket::disconnectFromHost);
    });
    target->connectToHost(QHostAddress::LocalHost, m_targetPort);
}
