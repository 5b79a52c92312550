#include "proxyenvironment.h"

#include <QByteArray>

void ProxyEnvironment::adoptUpperCaseNames()
{
    for (const char *name : {"https_proxy", "http_proxy", "all_proxy", "no_proxy"}) {
        const QByteArray upper = QByteArray(name).toUpper();
        if (!qEnvironmentVariableIsSet(name) && qEnvironmentVariableIsSet(upper.constData()))
            qputenv(name, qgetenv(upper.constData()));
    }
}
