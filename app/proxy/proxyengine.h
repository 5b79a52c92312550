#pragma once

#include "config/proxyconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

class HttpServer;
class ProxyService;
class RequestLog;
class ServiceSwitch;
class UpstreamConnectionPool;

// The running proxy put together: network access, request log, endpoints and the listening
// server. What main() and the tests start, reconfigure and stop.
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
    // Puts `config` into effect without cutting a request: requests from now on use it, those
    // in flight finish on the configuration they began with. A new listen address or port is
    // bound before the old one closes; requests on the old one then end with an error that
    // says where the proxy went. False, with errorString(), when the new address cannot be
    // bound: the old configuration keeps serving.
    bool reconfigure(ProxyConfig config);
    // Stops accepting connections and lets each request in flight finish, closing its
    // connection after it (idle ones close at once, one still being received is refused with
    // `reason`); drained() follows once the last connection has closed. closeGracefully() may
    // follow to end the rest.
    void closeAfterResponses(const QString &reason);
    // Stops accepting connections and ends every request in flight with an error saying
    // `reason` (an error event in a stream that has begun); drained() follows once the last
    // connection has closed, when the engine can go without cutting what it wrote.
    void closeGracefully(const QString &reason);
    bool isRunning() const;
    QString errorString() const { return m_errorString; }

    QUrl baseUrl() const; // the URL clients use, e.g. http://127.0.0.1:8765
    RequestLog *requestLog() const { return m_log; }
    const ProxyConfig &config() const { return m_config; }
    // Configurations in use: the current one and earlier ones still finishing requests.
    int liveConfigurations() const;

Q_SIGNALS:
    // After closeAfterResponses() or closeGracefully(): no connection is open any more.
    void drained();

private:
    ProxyService *newService() const;
    HttpServer *newServer(const HttpLimits &limits);
    // Binds `config`'s address in place of the current one; false with errorString() if not.
    bool rebind(const ProxyConfig &config);
    // Ends `server`'s connections with `reason` and deletes it once they have closed.
    void retire(HttpServer *server, const QString &reason);

    ProxyConfig m_config;
    UpstreamConnectionPool *m_upstreams;
    RequestLog *m_log;
    ServiceSwitch *m_services;
    HttpServer *m_server;
    QString m_errorString;
};
