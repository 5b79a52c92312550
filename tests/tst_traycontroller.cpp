// The tray's menu and tooltip drive and follow a real proxy controller (keys in a real
// Secret Service, as the app runs it).
#include "config/inmemorysecretstore.h"
#include "config/settings.h"
#include "monitor/usagestats.h"
#include "proxy/proxycontroller.h"
#include "scriptedupstream.h"
#include "trayactivationpolicy.h"
#include "traycontroller.h"

#include "testdata.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace {
QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

QMenu *routesMenu(QMenu *menu)
{
    for (QAction *action : menu->actions()) {
        if (action->menu() && action->text() == QLatin1StringView("Routes"))
            return action->menu();
    }
    return nullptr;
}

QJsonArray routesTo(const QString &model)
{
    return QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                  {QStringLiteral("provider"), QStringLiteral("local")},
                                  {QStringLiteral("model"), model}}};
}

// A Messages request to the proxy; the reply's bytes gather in `body` as they arrive.
QNetworkReply *postMessages(QNetworkAccessManager &client, const QUrl &baseUrl, bool stream, QByteArray *body)
{
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/v1/messages"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = client.post(request, R"({"model":"claude-sonnet-4-5","max_tokens":10,"stream":)"
                                                    + QByteArray(stream ? "true" : "false")
                                                    + R"(,"messages":[{"role":"user","content":"hi"}]})");
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, body] { *body += reply->readAll(); });
    return reply;
}
}

class TestTrayController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void activationPolicy_data()
    {
        QTest::addColumn<QSystemTrayIcon::ActivationReason>("reason");
        QTest::addColumn<bool>("toggles");
        QTest::newRow("left click") << QSystemTrayIcon::Trigger << true;
        QTest::newRow("double click") << QSystemTrayIcon::DoubleClick << true;
        QTest::newRow("right click") << QSystemTrayIcon::Context << false;
        QTest::newRow("middle click") << QSystemTrayIcon::MiddleClick << false;
        QTest::newRow("unknown") << QSystemTrayIcon::Unknown << false;
    }

    void activationPolicy()
    {
        QFETCH(QSystemTrayIcon::ActivationReason, reason);
        QFETCH(bool, toggles);
        QCOMPARE(TrayActivationPolicy::togglesWindow(reason), toggles);
    }

    void menuDrivesTheProxyAndTooltipFollows()
    {
        const quint16 port = TestData::freeLoopbackPort();
        QVERIFY(port != 0);

        Settings settings(m_dir.filePath(QStringLiteral("config.json")));
        settings.setPort(port);
        QVERIFY(settings.setProviders(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("local")},
                                                             {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/v1")}}}));
        QVERIFY(settings.setRoutes(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                          {QStringLiteral("provider"), QStringLiteral("local")},
                                                          {QStringLiteral("model"), QStringLiteral("m")}}}));
        QVERIFY(settings.setProfiles(QJsonArray{QJsonObject{
            {QStringLiteral("name"), QStringLiteral("cheap")},
            {QStringLiteral("routes"), QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                              {QStringLiteral("provider"), QStringLiteral("local")},
                                                              {QStringLiteral("model"), QStringLiteral("small")}}}}}}));
        InMemorySecretStore secrets;
        UsageStats usage(m_dir.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        QWidget window;
        TrayController tray(&proxy, &settings, &usage, &window);

        QAction *start = actionNamed(tray.menu(), QStringLiteral("Start proxy"));
        QVERIFY(start);
        QVERIFY(tray.toolTip().contains(QLatin1StringView("Stopped")));
        start->trigger();
        QTRY_COMPARE(proxy.state(), ProxyController::State::Running);
        QCOMPARE(start->text(), QStringLiteral("Stop proxy"));
        QVERIFY(tray.toolTip().contains(QStringLiteral("Running on http://127.0.0.1:%1").arg(port)));
        QVERIFY(tray.toolTip().contains(QLatin1StringView("Today: 0 tokens in, 0 out")));

        // Switching routes gives the running proxy the profile's routes.
        QMenu *routes = routesMenu(tray.menu());
        QVERIFY(routes);
        QAction *cheap = actionNamed(routes, QStringLiteral("cheap"));
        QVERIFY(cheap);
        cheap->trigger();
        QCOMPARE(settings.activeProfile(), QStringLiteral("cheap"));
        QTRY_COMPARE(proxy.config()->routes.constFirst().model, QStringLiteral("small"));
        QCOMPARE(proxy.state(), ProxyController::State::Running);
        QVERIFY(tray.toolTip().contains(QLatin1StringView("Routes: cheap")));

        // The environment for the user's shell, pointing at the running proxy.
        QAction *copy = nullptr;
        for (QAction *action : tray.menu()->actions()) {
            if (action->text().startsWith(QLatin1StringView("Copy environment")))
                copy = action;
        }
        QVERIFY(copy);
        copy->trigger();
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("http://127.0.0.1:%1").arg(port)));

        start->trigger();
        QCOMPARE(proxy.state(), ProxyController::State::Stopped);
        QCOMPARE(start->text(), QStringLiteral("Start proxy"));
    }

    void routeSwitchKeepsTheStreamInFlight()
    {
        ScriptedUpstream upstream;
        Settings settings(m_dir.filePath(QStringLiteral("switch.ini")));
        settings.setPort(TestData::freeLoopbackPort());
        QVERIFY(settings.setProviders(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("local")},
                                                             {QStringLiteral("baseUrl"), upstream.baseUrl().toString()}}}));
        QVERIFY(settings.setRoutes(routesTo(QStringLiteral("big"))));
        QVERIFY(settings.setProfiles(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("cheap")},
                                                            {QStringLiteral("routes"), routesTo(QStringLiteral("small"))}}}));
        InMemorySecretStore secrets;
        UsageStats usage(m_dir.filePath(QStringLiteral("switch-usage.json")));
        ProxyController proxy(&settings, &secrets);
        QWidget window;
        TrayController tray(&proxy, &settings, &usage, &window);
        proxy.start();
        QTRY_COMPARE(proxy.state(), ProxyController::State::Running);

        ScriptedReply stream = ScriptedReply::eventStream({R"({"choices":[{"index":0,"delta":{"content":"one"}}]})",
                                                           R"({"choices":[{"index":0,"delta":{"content":" two"}}]})",
                                                           R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})",
                                                           "[DONE]"});
        stream.holdAfterChunk = 1;
        upstream.enqueue(stream);
        QNetworkAccessManager client;
        QByteArray streamed;
        QNetworkReply *streaming = postMessages(client, proxy.baseUrl(), true, &streamed);
        QTRY_VERIFY(streamed.contains("\"text\":\"one\""));
        QCOMPARE(upstream.lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("big"));

        QMenu *routes = routesMenu(tray.menu());
        QVERIFY(routes);
        QAction *cheap = actionNamed(routes, QStringLiteral("cheap"));
        QVERIFY(cheap);
        cheap->trigger();
        QTRY_COMPARE(proxy.config()->routes.constFirst().model, QStringLiteral("small"));

        upstream.enqueue(ScriptedReply::json(200, R"({"choices":[{"index":0,"message":{"content":"hi"},"finish_reason":"stop"}]})"));
        QByteArray answered;
        QNetworkReply *after = postMessages(client, proxy.baseUrl(), false, &answered);
        QTRY_VERIFY(after->isFinished());
        QCOMPARE(after->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(upstream.lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("small"));

        QVERIFY(!streaming->isFinished());
        upstream.release();
        QTRY_VERIFY(streaming->isFinished());
        streamed += streaming->readAll();
        QCOMPARE(streaming->error(), QNetworkReply::NoError);
        QVERIFY(streamed.contains("\"text\":\" two\""));
        QVERIFY(streamed.trimmed().endsWith("data: {\"type\":\"message_stop\"}"));
        QCOMPARE(proxy.state(), ProxyController::State::Running);
        streaming->deleteLater();
        after->deleteLater();
    }
};

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
