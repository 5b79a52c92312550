#include "serviceswitch.h"

#include "http/httpresponder.h"
#include "proxy/proxyservice.h"

ServiceSwitch::ServiceSwitch(QObject *parent)
    : QObject(parent)
{
}

void ServiceSwitch::setService(ProxyService *service)
{
    service->setParent(this);
    ProxyService *replaced = m_current;
    m_current = service;
    if (replaced)
        retireIfIdle(replaced);
}

int ServiceSwitch::liveServices() const
{
    return int(findChildren<ProxyService *>(Qt::FindDirectChildrenOnly).size());
}

void ServiceSwitch::handle(HttpResponder *responder)
{
    ProxyService *service = m_current;
    ++m_inFlight[service];
    // A request ends with its responder, which takes the exchange working on it along.
    connect(responder, &QObject::destroyed, this, [this, service] { requestEnded(service); });
    service->handle(responder);
}

HttpResponse ServiceSwitch::rejection(int status, const QString &reason) const
{
    return m_current->rejection(status, reason);
}

HttpHeaders ServiceSwitch::responseHeaders(const HttpRequest &request) const
{
    return m_current->responseHeaders(request);
}

void ServiceSwitch::requestEnded(ProxyService *service)
{
    --m_inFlight[service];
    retireIfIdle(service);
}

void ServiceSwitch::retireIfIdle(ProxyService *service)
{
    if (service == m_current || m_inFlight.value(service) > 0)
        return;
    m_inFlight.remove(service);
    // Later, not now: a responder's children (the exchange, which still uses the service in
    // its destructor) die after its destroyed() signal.
    service->deleteLater();
}
