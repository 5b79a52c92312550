#include "proxyengine.h"

#include "http/httpserver.h"
#include "monitor/requestlog.h"
#include "proxy/proxyservice.h"
#include "proxy/upstreamclient.h"

#include <QNetworkAccessManager>

ProxyEngine::ProxyEngine(ProxyConfig config, RequestLog *log, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
    , m_log(log ? log : new RequestLog(1000, this))
    , m_service(new ProxyService(m_config, UpstreamClient(m_network, m_config.connectTimeoutMs, m_config.readTimeoutMs),
                                 m_log, this))
    , m_server(new HttpServer(m_service, m_config.http, this))
{
}

ProxyEngine::~ProxyEngine()
{
    // Connections first: their upstream calls abort on the network manager, still alive here.
    delete m_server;
}

bool ProxyEngine::start()
{
    return m_server->isListening() || m_server->listen(m_config.listenAddress, m_config.port);
}

void ProxyEngine::stop()
{
    m_server->close();
}

bool ProxyEngine::isRunning() const
{
    return m_server->isListening();
}

QString ProxyEngine::errorString() const
{
    return m_server->errorString();
}

QUrl ProxyEngine::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_config.listenAddress.isEqual(QHostAddress::AnyIPv4) || m_config.listenAddress.isEqual(QHostAddress::Any)
                    ? QStringLiteral("127.0.0.1")
                    : m_config.listenAddress.toString());
    url.setPort(m_server->isListening() ? m_server->serverPort() : m_config.port);
    return url;
}
