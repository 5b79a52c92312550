#pragma once

#include "config/proxyconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

class HttpServer;
class ProxyService;
class QNetworkAccessManager;
class RequestLog;

// The running proxy put together: network access, request log, endpoints and the listening
// server. What main() and the tests start and stop.
class ProxyEngine : public QObject
{
    Q_OBJECT

public:
    // `log` outlives engines that are stopped and rebuilt (the desktop app's live log); the
    // engine keeps a log of its own when none is given.
    explicit ProxyEngine(ProxyConfig config, RequestLog *log = nullptr, QObject *parent = nullptr);
    ~ProxyEngine() override;

    // Binds the listening socket; false with errorString() when the port is taken.
    bool start();
    // Closes the listening socket; requests in flight finish.
    void stop();
    bool isRunning() const;
    QString errorString() const;

    QUrl baseUrl() const; // the URL clients use, e.g. http://127.0.0.1:8765
    RequestLog *requestLog() const { return m_log; }
    const ProxyConfig &config() const { return m_config; }

private:
    ProxyConfig m_config;
    QNetworkAccessManager *m_network;
    RequestLog *m_log;
    ProxyService *m_service;
    HttpServer *m_server;
};
