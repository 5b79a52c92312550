#include "proxyengine.h"

#include "http/httpserver.h"
#include "proxy/claudecodeenvironmentbuilder.h"
#include "monitor/requestlog.h"
#include "proxy/proxyservice.h"
#include "proxy/serviceswitch.h"
#include "proxy/upstreamclient.h"
#include "proxy/upstreamconnectionpool.h"

ProxyEngine::ProxyEngine(ProxyConfig config, RequestLog *log, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_upstreams(new UpstreamConnectionPool(this))
    , m_log(log ? log : new RequestLog(1000, this))
    , m_services(new ServiceSwitch(this))
{
    m_services->setService(newService());
    m_server = newServer(m_config.http);
}

ProxyEngine::~ProxyEngine()
{
    // Connections first, then the services their exchanges use: upstream calls give their
    // connections back to the pool, still alive here. Retired servers are among the connections' owners.
    qDeleteAll(findChildren<HttpServer *>(Qt::FindDirectChildrenOnly));
    delete m_services;
}

bool ProxyEngine::start()
{
    if (m_server->isListening() || m_server->listen(m_config.listenAddress, m_config.port))
        return true;
    m_errorString = m_server->errorString();
    return false;
}

void ProxyEngine::stop()
{
    m_server->close();
}

bool ProxyEngine::reconfigure(ProxyConfig config)
{
    const bool moves = !config.listenAddress.isEqual(m_config.listenAddress) || config.port != m_config.port;
    HttpServer *previous = m_server;
    // A stopped engine binds the new address on its next start().
    if (moves && isRunning() && !rebind(config))
        return false;
    m_server->setLimits(config.http);
    m_config = std::move(config);
    m_services->setService(newService());
    if (previous != m_server)
        retire(previous, tr("CC Bridge is moving to a new address, %1; send the request there.").arg(baseUrl().toString()));
    return true;
}

bool ProxyEngine::rebind(const ProxyConfig &config)
{
    HttpServer *server = newServer(config.http);
    const quint16 port = m_server->serverPort();
    bool bound = server->listen(config.listenAddress, config.port);
    if (!bound && config.port == port) {
        // The same port on another address (127.0.0.1 → 0.0.0.0) is ours already: the old
        // listener must let go of it first, and takes it back if the new one cannot have it.
        m_server->close();
        bound = server->listen(config.listenAddress, config.port);
        if (!bound)
            m_server->listen(m_config.listenAddress, port);
    }
    if (!bound) {
        m_errorString = server->errorString();
        delete server;
        return false;
    }
    m_server = server;
    return true;
}

void ProxyEngine::retire(HttpServer *server, const QString &reason)
{
    connect(server, &HttpServer::drained, server, &QObject::deleteLater);
    server->closeGracefully(reason);
}

void ProxyEngine::closeAfterResponses(const QString &reason)
{
    connect(m_server, &HttpServer::drained, this, &ProxyEngine::drained, Qt::UniqueConnection);
    m_server->closeAfterResponses(reason);
}

void ProxyEngine::closeGracefully(const QString &reason)
{
    connect(m_server, &HttpServer::drained, this, &ProxyEngine::drained, Qt::UniqueConnection);
    m_server->closeGracefully(reason);
}

bool ProxyEngine::isRunning() const
{
    return m_server->isListening();
}

QUrl ProxyEngine::baseUrl() const
{
    return ClaudeCodeEnvironmentBuilder::baseUrlOf(m_config.listenAddress, m_server->isListening() ? m_server->serverPort() : m_config.port);
}

int ProxyEngine::liveConfigurations() const
{
    return m_services->liveServices();
}

ProxyService *ProxyEngine::newService() const
{
    return new ProxyService(m_config, UpstreamClient(m_upstreams, m_config.connectTimeoutMs, m_config.readTimeoutMs), m_log);
}

HttpServer *ProxyEngine::newServer(const HttpLimits &limits)
{
    return new HttpServer(m_services, limits, this);
}
