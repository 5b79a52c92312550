#pragma once

#include "httplimits.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

class HttpConnection;
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
    // Stops accepting connections and closes each open one once its response has ended
    // (HttpConnection::closeAfterResponse); drained() follows once the last has closed.
    // closeGracefully() may follow to end the rest at once.
    void closeAfterResponses(const QString &reason);
    // Stops accepting connections and ends every open one (HttpConnection::closeGracefully);
    // drained() follows once the last has closed.
    void closeGracefully(const QString &reason);
    // For connections accepted from now on; open ones keep the limits they began with.
    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    bool isListening() const { return m_server.isListening(); }
    quint16 serverPort() const { return m_server.serverPort(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    QString errorString() const { return m_server.errorString(); }
    int openConnections() const { return m_openConnections; }

Q_SIGNALS:
    // After closeGracefully(): no connection is open any more.
    void drained();

private:
    void closeConnections(void (HttpConnection::*closeConnection)(const QString &), const QString &reason);
    void acceptConnections();
    void connectionClosed();

    QTcpServer m_server;
    HttpRequestHandler *m_handler;
    HttpLimits m_limits;
    int m_openConnections = 0;
    bool m_closingGracefully = false;
};
