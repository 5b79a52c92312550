// The assembled window: its tabs, and the status bar's start/stop driving a real proxy.
#include "claudecodepage.h"
#include "config/inmemorysecretstore.h"
#include "config/settings.h"
#include "mainwindow.h"
#include "providerspage.h"
#include "settingspage.h"
#include "monitor/usagestats.h"
#include "proxy/proxycontroller.h"

#include "testdata.h"
#include "unnamedcontrols.h"
#include "proxy/upstreamconnectionpool.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void tabsAndProxyToggle()
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
        InMemorySecretStore secrets;
        UsageStats usage(m_dir.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        UpstreamConnectionPool upstreams;
        MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
        window.show();

        QStringList tabs;
        for (int i = 0; i < window.tabs()->count(); ++i)
            tabs << window.tabs()->tabText(i);
        QCOMPARE(tabs, (QStringList{QStringLiteral("Requests"), QStringLiteral("Usage"), QStringLiteral("Providers"),
                                    QStringLiteral("Routes"), QStringLiteral("Claude Code"), QStringLiteral("Settings")}));

        // Every control a keyboard can reach has a name a screen reader can say, on every tab.
        QStringList unnamed;
        for (int i = 0; i < window.tabs()->count(); ++i) {
            window.tabs()->setCurrentIndex(i);
            for (const QString &control : unnamedControls(window))
                unnamed << tabs.at(i) + QStringLiteral(": ") + control;
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        window.tabs()->setCurrentIndex(0);

        auto *toggle = window.findChild<QPushButton *>(QStringLiteral("proxyToggle"));
        auto *state = window.findChild<QLabel *>(QStringLiteral("proxyState"));
        QVERIFY(toggle && state);
        QCOMPARE(toggle->text(), QStringLiteral("Start"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_COMPARE(proxy.state(), ProxyController::State::Running);
        QCOMPARE(state->text(), QStringLiteral("Proxy running on http://127.0.0.1:%1").arg(port));
        QCOMPARE(toggle->text(), QStringLiteral("Stop"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QCOMPARE(proxy.state(), ProxyController::State::Stopped);
        QCOMPARE(state->text(), QStringLiteral("Proxy stopped"));

        // With a tray to come back from, closing only hides the window.
        window.setHidesOnClose(true);
        window.close();
        QVERIFY(!window.isVisible());
    }

    // Someone who used CC Bridge before it made client tokens: the window makes one at once,
    // a start waits for it, and the Claude Code page, brought forward, says the environment
    // Claude Code has is refused until copied again.
    void anUpgradeMakesATokenAndAsksForClaudeCodesEnvironmentAgain()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config.json")));
        settings.setPort(TestData::freeLoopbackPort());
        QVERIFY(settings.setProviders(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("local")},
                                                             {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/v1")}}}));
        QVERIFY(settings.setRoutes(QJsonArray{QJsonObject{{QStringLiteral("provider"), QStringLiteral("local")},
                                                          {QStringLiteral("model"), QStringLiteral("m")}}}));
        InMemorySecretStore secrets;
        UsageStats usage(dir.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        UpstreamConnectionPool upstreams;
        MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
        // As at launch: the proxy starts before the token is read, let alone made.
        proxy.start();
        window.show();

        QTRY_COMPARE(proxy.state(), ProxyController::State::Running);
        const QString token = secrets.secrets().value(ProxyController::clientTokenName);
        QCOMPARE(token.size(), 32);
        QCOMPARE(proxy.config()->clientToken, token);

        auto *page = window.findChild<ClaudeCodePage *>();
        QCOMPARE(window.tabs()->currentWidget(), page);
        auto *notice = page->findChild<QLabel *>(QStringLiteral("environmentNotice"));
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("copy the environment below into your shell again")),
                 qPrintable(notice->text()));
        for (const QString &view : {QStringLiteral("posix"), QStringLiteral("fish"), QStringLiteral("powershell"),
                                    QStringLiteral("cmd"), QStringLiteral("settings")})
            QVERIFY2(page->findChild<QPlainTextEdit *>(QStringLiteral("snippet-") + view)->toPlainText().contains(token),
                     qPrintable(view));
        QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("clientToken"))->text(), token);

        // Copied: the notice has done its job.
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("copy-posix")), Qt::LeftButton);
        QVERIFY(!notice->isVisible());
        QVERIFY(QApplication::clipboard()->text().contains(token));
    }

    // A token already in the keychain is the one shown, before any start, and stays.
    void aStoredTokenIsKept()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config.json")));
        QVERIFY(settings.setProviders(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("local")},
                                                             {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/v1")}}}));
        const QString token = QStringLiteral("stored-token-0123456789abcdefghij");
        InMemorySecretStore secrets;
        secrets.insert(ProxyController::clientTokenName, token);
        UsageStats usage(dir.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        UpstreamConnectionPool upstreams;
        MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
        window.show();
        auto *page = window.findChild<ClaudeCodePage *>();
        QTRY_COMPARE(page->environment().authToken, token);
        QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("clientToken"))->text(), token);
        QCOMPARE(secrets.secrets().value(ProxyController::clientTokenName), token);
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("environmentNotice"))->isVisible());
        QVERIFY(window.tabs()->currentWidget() != page);

        // Regenerate replaces it in the keychain and in Claude Code's environment, running or not.
        window.tabs()->setCurrentWidget(window.findChild<SettingsPage *>());
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("regenerateToken")), Qt::LeftButton);
        QTRY_VERIFY(secrets.secrets().value(ProxyController::clientTokenName) != token);
        const QString regenerated = secrets.secrets().value(ProxyController::clientTokenName);
        QCOMPARE(regenerated.size(), 32);
        QTRY_COMPARE(page->environment().authToken, regenerated);
    }

    // Without a keychain no token can be kept: the window says what that leaves open.
    void withoutAKeychainTheOpenProxyIsNamed()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config.json")));
        InMemorySecretStore secrets;
        secrets.setFailure(SecretStore::Error::NoKeychain);
        UsageStats usage(dir.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        UpstreamConnectionPool upstreams;
        MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
        window.show();
        auto *notice = window.findChild<QLabel *>(QStringLiteral("notice"));
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("any program on this computer can use the proxy")),
                 qPrintable(notice->text()));
    }

    // A shared setup imported on another computer: the window names the keys this keychain
    // lacks and shows the Providers page, where they are typed.
    void importNamesTheMissingKeys()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config.json")));
        InMemorySecretStore secrets;
        secrets.insert(QStringLiteral("have"), QStringLiteral("sk-already-here"));
        UsageStats usage(dir.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        UpstreamConnectionPool upstreams;
        MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
        window.show();
        const QString shared = dir.filePath(QStringLiteral("team.json"));
        QVERIFY(TestData::writeFile(shared, TestData::doubleQuoted(
            "{'providers': [{'name': 'have', 'baseUrl': 'http://127.0.0.1:9/v1', 'keyInKeychain': true},"
            "               {'name': 'need', 'baseUrl': 'http://127.0.0.1:9/v1', 'keyInKeychain': true}],"
            " 'routes': [{'provider': 'need', 'model': 'm'}]}")));
        window.findChild<SettingsPage *>()->importFrom(shared);
        auto *notice = window.findChild<QLabel *>(QStringLiteral("notice"));
        QTRY_VERIFY(notice->isVisible());
        // Only the one whose key is missing.
        QVERIFY2(notice->text().contains(QStringLiteral("yet: need.")), qPrintable(notice->text()));
        QCOMPARE(window.tabs()->currentWidget(), window.findChild<ProvidersPage *>());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
