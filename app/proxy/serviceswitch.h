#pragma once

#include "http/httprequesthandler.h"

#include <QHash>
#include <QObject>

class ProxyService;

// The HTTP server's one handler while services come and go: each request goes to the current
// ProxyService, and a replaced service stays alive until the last request it took has ended,
// because its exchanges use its configuration, router, gates and catalog to the end.
class ServiceSwitch : public QObject, public HttpRequestHandler
{
    Q_OBJECT

public:
    explicit ServiceSwitch(QObject *parent = nullptr);

    // Takes `service` for the requests that come from now on.
    void setService(ProxyService *service);
    // The current service and the replaced ones still finishing requests.
    int liveServices() const;

    void handle(HttpResponder *responder) override;
    HttpResponse rejection(int status, const QString &reason) const override;
    HttpHeaders responseHeaders(const HttpRequest &request) const override;

private:
    void requestEnded(ProxyService *service);
    void retireIfIdle(ProxyService *service);

    ProxyService *m_current = nullptr;
    QHash<ProxyService *, int> m_inFlight;
};
