#pragma once

#include "httplimits.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

class HttpRequestHandler;

// Accepts TCP connections and gives each to an HttpConnection serving `handler`.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    HttpServer(HttpRequestHandler *handler, const HttpLimits &limits, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port);
    // Stops accepting connections; requests in flight finish on their open connections.
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 serverPort() const { return m_server.serverPort(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    QString errorString() const { return m_server.errorString(); }
    int openConnections() const { return m_openConnections; }

private:
    void acceptConnections();

    QTcpServer m_server;
    HttpRequestHandler *m_handler;
    HttpLimits m_limits;
    int m_openConnections = 0;
};
