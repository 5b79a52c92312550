#include "proxy/proxyenvironment.h"

#include <QNetworkProxyFactory>
#include <QTest>
#include <QUrl>

class TestProxyEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        for (const char *name : {"https_proxy", "http_proxy", "all_proxy", "no_proxy",
                                 "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"})
            qunsetenv(name);
    }

    void upperCaseHttpsProxyReachesQtsSystemSettings()
    {
        qputenv("HTTPS_PROXY", "http://proxy.example:3128");
        qputenv("NO_PROXY", "internal.example");
        ProxyEnvironment::adoptUpperCaseNames();
        const QList<QNetworkProxy> proxies
            = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(QUrl(QStringLiteral("https://api.deepseek.com/v1"))));
        QCOMPARE(proxies.value(0).type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxies.value(0).hostName(), QStringLiteral("proxy.example"));
        QCOMPARE(proxies.value(0).port(), quint16(3128));
        const QList<QNetworkProxy> bypassed
            = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(QUrl(QStringLiteral("https://internal.example/v1"))));
        QCOMPARE(bypassed.value(0).type(), QNetworkProxy::NoProxy);
    }

    void lowerCaseWins()
    {
        qputenv("https_proxy", "http://lower.example:8080");
        qputenv("HTTPS_PROXY", "http://upper.example:3128");
        ProxyEnvironment::adoptUpperCaseNames();
        QCOMPARE(qgetenv("https_proxy"), QByteArray("http://lower.example:8080"));
    }

    void nothingSetStaysUnset()
    {
        ProxyEnvironment::adoptUpperCaseNames();
        QVERIFY(!qEnvironmentVariableIsSet("https_proxy"));
        QVERIFY(!qEnvironmentVariableIsSet("no_proxy"));
    }
};

QTEST_GUILESS_MAIN(TestProxyEnvironment)
#include "tst_proxyenvironment.moc"
