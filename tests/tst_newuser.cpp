// The path a new user takes, from an empty home folder: the real window, a provider added
// from a preset, the key typed into its field, Start, and Claude Code's request answered by
// the provider with exactly that key. Nothing is written to the configuration but through
// the window. Then `ccbridge --headless` without flags serves the same configuration, with
// the key from the same keychain.
#include "config/keychainsecretstore.h"
#include "config/settings.h"
#include "mainwindow.h"
#include "monitor/usagestats.h"
#include "providerspage.h"
#include "proxy/proxycontroller.h"
#include "scriptedupstream.h"

#include "testdata.h"
#include "proxy/upstreamconnectionpool.h"

#include <QAction>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QByteArray chatAnswer = R"({"choices":[{"index":0,"message":{"content":"ok"},"finish_reason":"stop"}]})";

// Claude Code's shape of request: a Claude model name the default routes map.
QNetworkReply *postMessage(QNetworkAccessManager &network, const QUrl &baseUrl)
{
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/v1/messages"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return network.post(request,
                        R"({"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})");
}

} // namespace

class TestNewUser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<ScriptedUpstream> m_upstream; // the provider, the same for window and headless
    const QString m_key = QStringLiteral("sk-newuser-%1-0123456789abcdef").arg(QCoreApplication::applicationPid());

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test.sh, which provides a keyring");
        QVERIFY(m_home.isValid());
        // An empty home: where the app looks for its configuration, and where it writes it.
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral(".local/share")).toLocal8Bit());
        QCoreApplication::setApplicationName(QStringLiteral("CC Bridge"));
        QCoreApplication::setOrganizationName(QStringLiteral("CC Bridge"));
        QVERIFY(!QFile::exists(Settings::defaultFileName()));
        m_upstream = std::make_unique<ScriptedUpstream>();
    }

    void windowFromNothingToAnAnswer()
    {
        ScriptedUpstream &upstream = *m_upstream;
        Settings settings(Settings::defaultFileName());
        KeychainSecretStore secrets;
        UsageStats usage(m_home.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        QNetworkAccessManager network;
        UpstreamConnectionPool upstreams;
        MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // An empty configuration opens the guided start; this user skips it for the Providers tab.
        auto *skip = window.findChild<QPushButton *>(QStringLiteral("guideSkip"));
        QVERIFY(skip && skip->isVisible());
        QTest::mouseClick(skip, Qt::LeftButton);
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs && tabs->isVisible());
        QTabBar *tabBar = tabs->tabBar();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QLatin1StringView("Providers"))
                QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(i).center());
        }
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Providers"));

        // Providers → Add → DeepSeek, pointed at the scripted provider, with the key typed in.
        auto *providers = window.findChild<ProvidersPage *>();
        QVERIFY(providers && providers->isVisible());
        auto *addPreset = providers->findChild<QAction *>(QStringLiteral("addPreset_deepseek"));
        auto *baseUrl = providers->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
        auto *keyEdit = providers->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
        auto *apply = providers->findChild<QPushButton *>(QStringLiteral("applyButton"));
        QVERIFY(addPreset && baseUrl && keyEdit && apply);
        addPreset->trigger();
        baseUrl->selectAll();
        QTest::keyClicks(baseUrl, upstream.baseUrl().toString());
        QTest::keyClicks(keyEdit, m_key);
        QTest::mouseClick(apply, Qt::LeftButton);
        auto *status = providers->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QTRY_VERIFY2_WITH_TIMEOUT(!settings.routes().isEmpty(), qPrintable(status ? status->text() : QString()), 10000);

        // A free port, typed into the Settings page as a user would.
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QLatin1StringView("Settings"))
                QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(i).center());
        }
        const quint16 port = TestData::freeLoopbackPort();
        QVERIFY(port != 0);
        auto *portField = window.findChild<QSpinBox *>(QStringLiteral("port"));
        QVERIFY(portField);
        portField->selectAll();
        QTest::keyClicks(portField, QString::number(port));
        QTest::keyClick(portField, Qt::Key_Return);
        QCOMPARE(settings.port(), port);

        // Start, from the status bar.
        auto *toggle = window.findChild<QPushButton *>(QStringLiteral("proxyToggle"));
        QVERIFY(toggle);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(proxy.state(), ProxyController::State::Running, 10000);

        upstream.enqueue(ScriptedReply::json(200, chatAnswer));
        QNetworkReply *reply = postMessage(network, proxy.baseUrl());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(upstream.requests().size(), 1);
        QCOMPARE(upstream.requests().constLast().header("authorization"), "Bearer " + m_key.toUtf8());
        // The preset's mapping: Sonnet goes to DeepSeek's chat model.
        QCOMPARE(upstream.lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("deepseek-chat"));
        reply->deleteLater();
        proxy.stop();
        QFile file(Settings::defaultFileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_key.toUtf8()));
    }

    // The same home and keyring: the headless proxy serves what the window set up.
    void headlessServesTheWindowsConfiguration()
    {
        ScriptedUpstream &upstream = *m_upstream;
        const Settings settings(Settings::defaultFileName());

        QProcess headless;
        headless.setProcessChannelMode(QProcess::SeparateChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DEEPSEEK_API_KEY")); // the key must come from the keychain
        headless.setProcessEnvironment(environment);
        headless.start(QStringLiteral(CCBRIDGE_EXECUTABLE), {QStringLiteral("--headless")});
        QVERIFY(headless.waitForStarted(10000));
        QByteArray log;
        QTRY_VERIFY2_WITH_TIMEOUT((log += headless.readAllStandardError()).contains("listening on"), log.constData(), 15000);

        upstream.enqueue(ScriptedReply::json(200, chatAnswer));
        QNetworkAccessManager network;
        QUrl base;
        base.setScheme(QStringLiteral("http"));
        base.setHost(QStringLiteral("127.0.0.1"));
        base.setPort(settings.port());
        QNetworkReply *reply = postMessage(network, base);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(upstream.requests().constLast().header("authorization"), "Bearer " + m_key.toUtf8());
        reply->deleteLater();
        headless.terminate();
        QVERIFY(headless.waitForFinished(10000));
        log += headless.readAllStandardError();
        QVERIFY2(!log.contains(m_key.toUtf8()), log.constData());
    }

    void cleanupTestCase()
    {
        KeychainSecretStore secrets;
        QSignalSpy removed(&secrets, &SecretStore::finished);
        secrets.remove(QStringLiteral("deepseek"), this, [](const SecretStore::Result &) {});
        QVERIFY(removed.wait(10000));
    }
};

QTEST_MAIN(TestNewUser)
#include "tst_newuser.moc"
