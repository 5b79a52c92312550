// The tray's menu and tooltip drive and follow a real proxy controller (keys in a real
// Secret Service, as the app runs it).
#include "config/secretstore.h"
#include "config/settings.h"
#include "monitor/usagestats.h"
#include "proxy/proxycontroller.h"
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
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test.sh, which provides a keyring");
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
        SecretStore secrets(QStringLiteral("ccbridge-test-tray-%1").arg(QCoreApplication::applicationPid()));
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

        // Switching routes restarts the running proxy with the profile's routes.
        QMenu *routes = nullptr;
        for (QAction *action : tray.menu()->actions()) {
            if (action->menu() && action->text() == QLatin1StringView("Routes"))
                routes = action->menu();
        }
        QVERIFY(routes);
        QAction *cheap = actionNamed(routes, QStringLiteral("cheap"));
        QVERIFY(cheap);
        cheap->trigger();
        QCOMPARE(settings.activeProfile(), QStringLiteral("cheap"));
        QTRY_COMPARE(proxy.state(), ProxyController::State::Running);
        QCOMPARE(proxy.config()->routes.constFirst().model, QStringLiteral("small"));
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
};

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
