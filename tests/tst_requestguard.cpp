// What the proxy refuses before routing: requests addressed to another host (DNS rebinding),
// from web pages whose origin is not allowed, and POST bodies that are not JSON.
#include "config/proxyconfig.h"
#include "http/httprequest.h"
#include "proxy/requestguard.h"

#include <QTest>

namespace {
HttpRequest request(const QByteArray &method, const HttpHeaders &headers)
{
    HttpRequest request;
    request.method = method;
    request.target = "/v1/messages";
    request.headers = headers;
    return request;
}

ProxyConfig listeningOn(const QString &address, const QStringList &allowedHosts = {})
{
    ProxyConfig config;
    config.listenAddress = QHostAddress(address);
    config.allowedHosts = allowedHosts;
    return config;
}
}

class TestRequestGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hosts_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QStringList>("allowedHosts");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        const QString loopback = QStringLiteral("127.0.0.1");
        const QStringList none;
        QTest::newRow("127.0.0.1 with port") << loopback << none << QByteArray("127.0.0.1:8765") << true;
        QTest::newRow("127.0.0.1 without port") << loopback << none << QByteArray("127.0.0.1") << true;
        QTest::newRow("localhost with port") << loopback << none << QByteArray("localhost:8765") << true;
        QTest::newRow("localhost without port") << loopback << none << QByteArray("localhost") << true;
        QTest::newRow("LOCALHOST") << loopback << none << QByteArray("LOCALHOST:8765") << true;
        QTest::newRow("[::1] with port") << loopback << none << QByteArray("[::1]:8765") << true;
        QTest::newRow("[::1] without port") << loopback << none << QByteArray("[::1]") << true;
        // A forwarded port (ssh -L 9000:127.0.0.1:8765) arrives with the forwarding port.
        QTest::newRow("forwarded port") << loopback << none << QByteArray("localhost:9000") << true;
        QTest::newRow("rebinding name") << loopback << none << QByteArray("evil.example:8765") << false;
        QTest::newRow("rebinding name without port") << loopback << none << QByteArray("evil.example") << false;
        QTest::newRow("a name under localhost") << loopback << none << QByteArray("evil.localhost:8765") << false;
        QTest::newRow("a name resolving to loopback") << loopback << none << QByteArray("127.0.0.1.nip.io:8765") << false;
        QTest::newRow("userinfo trick") << loopback << none << QByteArray("127.0.0.1@evil.example") << false;
        QTest::newRow("path trick") << loopback << none << QByteArray("evil.example/127.0.0.1") << false;
        QTest::newRow("unbracketed IPv6") << loopback << none << QByteArray("::1:8765") << false;
        QTest::newRow("another address") << loopback << none << QByteArray("192.168.1.20:8765") << false;
        QTest::newRow("configured name") << loopback << QStringList{QStringLiteral("ccbridge.internal")}
                                         << QByteArray("ccbridge.internal:8765") << true;
        QTest::newRow("configured name, other case") << loopback << QStringList{QStringLiteral("CCBridge.Internal")}
                                                     << QByteArray("ccbridge.INTERNAL") << true;
        QTest::newRow("any name when configured") << loopback << QStringList{QStringLiteral("*")}
                                                  << QByteArray("evil.example:8765") << true;
        QTest::newRow("the listen address") << QStringLiteral("192.168.1.20") << none << QByteArray("192.168.1.20:8765")
                                            << true;
        QTest::newRow("loopback beside the listen address") << QStringLiteral("192.168.1.20") << none
                                                            << QByteArray("127.0.0.1:8765") << true;
        QTest::newRow("an address the proxy is not on") << QStringLiteral("192.168.1.20") << none
                                                        << QByteArray("10.0.0.7:8765") << false;
        // On every address, clients use any of the machine's; a literal address cannot be rebound.
        QTest::newRow("any address on 0.0.0.0") << QStringLiteral("0.0.0.0") << none << QByteArray("10.0.0.7:8765")
                                                << true;
        QTest::newRow("any address on ::") << QStringLiteral("::") << none << QByteArray("[fd00::7]:8765") << true;
        QTest::newRow("but no name on 0.0.0.0") << QStringLiteral("0.0.0.0") << none << QByteArray("evil.example:8765")
                                                << false;
    }

    void hosts()
    {
        QFETCH(QString, listen);
        QFETCH(QStringList, allowedHosts);
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        const RequestGuard guard(listeningOn(listen, allowedHosts));
        const auto refusal = guard.refusal(request("GET", {{"host", host}}));
        QCOMPARE(!refusal.has_value(), allowed);
        if (refusal) {
            QCOMPARE(refusal->status, 403);
            QCOMPARE(refusal->type, QStringLiteral("permission_error"));
            QVERIFY2(refusal->message.contains(QLatin1StringView("allowedHosts")), qPrintable(refusal->message));
        }
    }

    void origins_data()
    {
        QTest::addColumn<QStringList>("corsOrigins");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<bool>("allowed");
        const QStringList none;
        const QStringList vite{QStringLiteral("http://localhost:5173")};
        QTest::newRow("no origin: not a page") << none << QByteArray() << true;
        QTest::newRow("any page by default") << none << QByteArray("http://evil.example") << false;
        QTest::newRow("a local page by default") << none << QByteArray("http://localhost:5173") << false;
        QTest::newRow("opaque origin") << none << QByteArray("null") << false;
        QTest::newRow("the configured origin") << vite << QByteArray("http://localhost:5173") << true;
        QTest::newRow("another port") << vite << QByteArray("http://localhost:5174") << false;
        QTest::newRow("another page") << vite << QByteArray("http://evil.example") << false;
        QTest::newRow("any origin when configured") << QStringList{QStringLiteral("*")} << QByteArray("http://evil.example")
                                                    << true;
    }

    void origins()
    {
        QFETCH(QStringList, corsOrigins);
        QFETCH(QByteArray, origin);
        QFETCH(bool, allowed);
        ProxyConfig config;
        config.corsOrigins = corsOrigins;
        const RequestGuard guard(config);
        HttpHeaders headers{{"host", "127.0.0.1:8765"}};
        if (!origin.isEmpty())
            headers.append({"origin", origin});
        // Preflights are refused as the requests they announce.
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("OPTIONS")}) {
            const auto refusal = guard.refusal(request(method, headers));
            QCOMPARE(!refusal.has_value(), allowed);
            if (refusal)
                QCOMPARE(refusal->status, 403);
        }
        QCOMPARE(origin.isEmpty() || guard.allowsOrigin(origin), allowed);
    }

    void contentTypes_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("application/json") << QByteArray("application/json") << true;
        QTest::newRow("with charset") << QByteArray("application/json; charset=utf-8") << true;
        QTest::newRow("upper case") << QByteArray("Application/JSON;charset=UTF-8") << true;
        // What a page may send cross-site without asking first.
        QTest::newRow("text/plain") << QByteArray("text/plain;charset=UTF-8") << false;
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << false;
        QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=x") << false;
        QTest::newRow("none") << QByteArray() << false;
        QTest::newRow("json as a parameter") << QByteArray("text/plain; x=application/json") << false;
        QTest::newRow("json with a suffix") << QByteArray("application/jsonp") << false;
    }

    void contentTypes()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(bool, allowed);
        const RequestGuard guard{ProxyConfig{}};
        HttpHeaders headers{{"host", "127.0.0.1:8765"}};
        if (!contentType.isEmpty())
            headers.append({"content-type", contentType});
        const auto refusal = guard.refusal(request("POST", headers));
        QCOMPARE(!refusal.has_value(), allowed);
        if (refusal) {
            QCOMPARE(refusal->status, 415);
            QCOMPARE(refusal->type, QStringLiteral("invalid_request_error"));
            QVERIFY2(refusal->message.contains(QLatin1StringView("application/json")), qPrintable(refusal->message));
        }
        // Requests without a body are not asked for one.
        QVERIFY(!guard.refusal(request("GET", {{"host", "127.0.0.1:8765"}})));
    }

    // HTTP/1.0 clients may leave Host out (the parser refuses HTTP/1.1 without it).
    void noHostIsAnHttp10Client()
    {
        const RequestGuard guard{ProxyConfig{}};
        QVERIFY(!guard.refusal(request("GET", {})));
    }
};

QTEST_GUILESS_MAIN(TestRequestGuard)
#include "tst_requestguard.moc"
