#include "httpserver.h"

#include "httpconnection.h"

#include <QTcpSocket>

HttpServer::HttpServer(HttpRequestHandler *handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_limits(limits)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpServer::close()
{
    m_server.close();
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_handler, m_limits, this);
        ++m_openConnections;
        connect(connection, &HttpConnection::closed, this, [this] { --m_openConnections; });
    }
}
