#include "httpserver.h"

#include "httpconnection.h"

#include <QTcpSocket>

HttpServer::HttpServer(HttpRequestHandler *handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_limits(limits)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    // Qt's default accept queue holds 50: in a burst (a team's Claude Code sessions starting
    // subagents at once) the kernel drops the other clients' SYNs and they retry only after a
    // second or more. The kernel caps this at net.core.somaxconn.
    m_server.setListenBacklogSize(4096);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    m_closingGracefully = false;
    return m_server.listen(address, port);
}

void HttpServer::close()
{
    m_server.close();
}

void HttpServer::closeAfterResponses(const QString &reason)
{
    closeConnections(&HttpConnection::closeAfterResponse, reason);
}

void HttpServer::closeGracefully(const QString &reason)
{
    closeConnections(&HttpConnection::closeGracefully, reason);
}

void HttpServer::closeConnections(void (HttpConnection::*closeConnection)(const QString &), const QString &reason)
{
    m_server.close();
    // Set after the loop: a connection that closes inside it must not announce drained() before
    // the others have been told.
    m_closingGracefully = false;
    const QList<HttpConnection *> connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *connection : connections)
        (connection->*closeConnection)(reason);
    m_closingGracefully = true;
    if (m_openConnections == 0)
        Q_EMIT drained();
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_handler, m_limits, this);
        ++m_openConnections;
        connect(connection, &HttpConnection::closed, this, &HttpServer::connectionClosed);
    }
}

void HttpServer::connectionClosed()
{
    --m_openConnections;
    if (m_closingGracefully && m_openConnections == 0)
        Q_EMIT drained();
}
