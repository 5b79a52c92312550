// The path a new user takes, from an empty home folder: the real window, a provider added
// from a preset, the key typed into its field, Start, and Claude Code's request, with the
// client token the window made and put in Claude Code's environment, answered by the provider
// with exactly that key. Nothing is written to the configuration but through the window. Then
// `ccbridge --headless` without flags serves the same configuration, with the key and the
// token from the same keychain, and `ccbridge env` prints what the window's Claude Code page
// showed.
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
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

namespace {

const QByteArray chatAnswer = R"({"choices":[{"index":0,"message":{"content":"ok"},"finish_reason":"stop"}]})";

// Claude Code's shape of request: a Claude model name the default routes map, and the token
// from ANTHROPIC_AUTH_TOKEN (none when empty).
QNetworkReply *postMessage(QNetworkAccessManager &network, const QUrl &baseUrl, const QString &clientToken)
{
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/v1/messages"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!clientToken.isEmpty())
        request.setRawHeader("authorization", "Bearer " + clientToken.toUtf8());
    return network.post(request,
                        R"({"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})");
}

int statusOf(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return 0;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void showTab(QTabWidget *tabs, const QString &title)
{
    QTabBar *tabBar = tabs->tabBar();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == title)
            QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(i).center());
    }
}

} // namespace

class TestNewUser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<ScriptedUpstream> m_upstream; // the provider, the same for window and headless
    const QString m_key = QStringLiteral("sk-newuser-%1-0123456789abcdef").arg(QCoreApplication::applicationPid());
    const QString m_searchKey = QStringLiteral("BSA-newuser-%1-search").arg(QCoreApplication::applicationPid());
    QString m_clientToken; // what the window gave Claude Code
    QMap<QString, QString> m_windowSnippets; // the Claude Code page's views, by name

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test.sh, which provides a keyring");
        QVERIFY(m_home.isValid());
        // An empty home: where the app looks for its configuration, and where it writes it.
        TestData::useHomeForAppFiles(m_home.path());
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
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sections"));
        QVERIFY(tabs && tabs->isVisible());
        showTab(tabs, QStringLiteral("Providers"));
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
        showTab(tabs, QStringLiteral("Settings"));
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

        // The window made a client token on this first run: the Settings page shows it, and
        // the Claude Code page's environment carries it, for every shell and for settings.json.
        auto *tokenField = window.findChild<QLineEdit *>(QStringLiteral("clientToken"));
        QVERIFY(tokenField);
        m_clientToken = tokenField->text();
        QCOMPARE(m_clientToken.size(), 32);
        showTab(tabs, QStringLiteral("Claude Code"));
        auto *posix = window.findChild<QPlainTextEdit *>(QStringLiteral("snippet-posix"));
        QVERIFY(posix && posix->isVisible());
        QVERIFY2(posix->toPlainText().contains(QStringLiteral("export ANTHROPIC_AUTH_TOKEN='%1'\n").arg(m_clientToken)),
                 qPrintable(posix->toPlainText()));
        for (const QString &view : {QStringLiteral("fish"), QStringLiteral("powershell"), QStringLiteral("cmd"),
                                    QStringLiteral("settings")}) {
            auto *snippet = window.findChild<QPlainTextEdit *>(QStringLiteral("snippet-") + view);
            QVERIFY2(snippet->toPlainText().contains(m_clientToken), qPrintable(view));
            m_windowSnippets.insert(view, snippet->toPlainText());
        }
        m_windowSnippets.insert(QStringLiteral("posix"), posix->toPlainText());
        // DeepSeek's 128K window, from the preset: Claude Code is told to compact before it,
        // in every view, and the page says why.
        for (const QString &view : {QStringLiteral("posix"), QStringLiteral("settings")}) {
            auto *snippet = window.findChild<QPlainTextEdit *>(QStringLiteral("snippet-") + view);
            QVERIFY2(snippet->toPlainText().contains(QStringLiteral("CLAUDE_CODE_AUTO_COMPACT_WINDOW")), qPrintable(view));
            QVERIFY2(snippet->toPlainText().contains(QStringLiteral("131072")), qPrintable(snippet->toPlainText()));
        }
        auto *windowNote = window.findChild<QLabel *>(QStringLiteral("contextWindowNote"));
        QVERIFY(windowNote && windowNote->isVisible());
        QVERIFY2(windowNote->text().contains(QStringLiteral("deepseek")), qPrintable(windowNote->text()));
        // A first run has nothing to set up again.
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("environmentNotice"))->isVisible());

        // Without the token the proxy refuses; with it the provider answers, with the key.
        QCOMPARE(statusOf(postMessage(network, proxy.baseUrl(), QString())), 401);
        QVERIFY(upstream.requests().isEmpty());
        upstream.enqueue(ScriptedReply::json(200, chatAnswer));
        QCOMPARE(statusOf(postMessage(network, proxy.baseUrl(), m_clientToken)), 200);
        QCOMPARE(upstream.requests().size(), 1);
        QCOMPARE(upstream.requests().constLast().header("authorization"), "Bearer " + m_key.toUtf8());
        // The preset's mapping: Sonnet goes to DeepSeek's chat model.
        QCOMPARE(upstream.lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("deepseek-chat"));

        // Check Setup, on the same page: the proxy answers, the provider takes the key the
        // user typed and lists the models the preset's routes ask for.
        upstream.setModels({QStringLiteral("deepseek-chat"), QStringLiteral("deepseek-reasoner")});
        auto *checkSetup = window.findChild<QPushButton *>(QStringLiteral("checkSetup"));
        auto *findingsView = window.findChild<QTreeWidget *>(QStringLiteral("setupFindings"));
        QVERIFY(checkSetup && findingsView && checkSetup->isVisible());
        QTest::mouseClick(checkSetup, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(findingsView->isVisible() && checkSetup->isEnabled(), 20000);
        QStringList findings;
        for (int i = 0; i < findingsView->topLevelItemCount(); ++i)
            findings << findingsView->topLevelItem(i)->text(0);
        const QString shown = findings.join(QLatin1Char('\n'));
        QVERIFY2(findings.contains(QStringLiteral("CC Bridge answers at %1.").arg(proxy.baseUrl().toString())), qPrintable(shown));
        QVERIFY2(findings.contains(QStringLiteral("deepseek answers at %1 and accepts the key.").arg(upstream.baseUrl().toString())),
                 qPrintable(shown));
        QVERIFY2(findings.contains(QStringLiteral("deepseek serves deepseek-chat (route *haiku*).")), qPrintable(shown));
        QVERIFY2(findings.contains(QStringLiteral("deepseek serves deepseek-reasoner (route * when thinking).")), qPrintable(shown));
        // Web search on Brave, set up on the Settings page by keyboard: the backend chosen, its
        // address and key typed. Claude Code's search request is then answered through it.
        ScriptedUpstream brave;
        showTab(tabs, QStringLiteral("Settings"));
        auto *backend = window.findChild<QComboBox *>(QStringLiteral("webSearchBackend"));
        auto *searchUrl = window.findChild<QLineEdit *>(QStringLiteral("webSearchUrl"));
        auto *searchKey = window.findChild<QLineEdit *>(QStringLiteral("webSearchKey"));
        QVERIFY(backend && searchUrl && searchKey && backend->isVisible());
        QVERIFY(!searchKey->isEnabled());
        backend->setFocus();
        QTest::keyClick(backend, Qt::Key_Down);
        QTest::keyClick(backend, Qt::Key_Down);
        QCOMPARE(backend->currentText(), QStringLiteral("Brave Search API"));
        QTRY_VERIFY(searchKey->isEnabled());
        QTest::keyClicks(searchUrl, brave.rootUrl().toString() + QStringLiteral("/res/v1/web/search"));
        QTest::keyClick(searchUrl, Qt::Key_Return);
        QTest::keyClicks(searchKey, m_searchKey);
        QTest::keyClick(searchKey, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(settings.value(Settings::Key::WebSearchKeyInKeychain).toBool(), 10000);
        QVERIFY(searchKey->text().isEmpty());
        // The running proxy took the key from the keychain.
        QTRY_VERIFY_WITH_TIMEOUT(proxy.config() && proxy.config()->webSearch.backend.apiKey == m_searchKey, 10000);

        brave.enqueue(ScriptedReply::json(200, TestData::read(QStringLiteral("search-backends/brave.json"))));
        const QJsonObject call{{QStringLiteral("id"), QStringLiteral("call_1")}, {QStringLiteral("type"), QStringLiteral("function")},
                               {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("web_search")},
                                                                        {QStringLiteral("arguments"), QString::fromUtf8(TestData::compact(QJsonObject{{QStringLiteral("query"), QStringLiteral("qt 6.4")}}))}}}};
        upstream.enqueue(ScriptedReply::chatCompletion({{QStringLiteral("content"), QJsonValue::Null}, {QStringLiteral("tool_calls"), QJsonArray{call}}},
                                                       QStringLiteral("tool_calls"), 100, 10));
        upstream.enqueue(ScriptedReply::json(200, chatAnswer));
        QNetworkRequest searchRequest(proxy.baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))));
        searchRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        searchRequest.setRawHeader("authorization", "Bearer " + m_clientToken.toUtf8());
        QNetworkReply *searched = network.post(searchRequest, R"({"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Perform a web search for the query: qt 6.4"}],"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":8}]})");
        QCOMPARE(statusOf(searched), 200);
        const QJsonObject message = QJsonDocument::fromJson(searched->readAll()).object();
        QCOMPARE(message[QLatin1StringView("content")][1][QLatin1StringView("type")].toString(), QStringLiteral("web_search_tool_result"));
        QCOMPARE(brave.requests().size(), 1);
        QCOMPARE(brave.requests().constFirst().header("x-subscription-token"), m_searchKey.toUtf8());

        proxy.stop();
        QFile file(Settings::defaultFileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(!written.contains(m_searchKey.toUtf8()));
        QVERIFY(written.contains("\"backend\": \"brave\""));
        QVERIFY(!written.contains(m_key.toUtf8()));
        QVERIFY(!written.contains(m_clientToken.toUtf8()));
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

        // Served with the window's token: the Claude Code set up there works here too.
        QVERIFY2(!log.contains("No client token"), log.constData());
        QNetworkAccessManager network;
        QUrl base;
        base.setScheme(QStringLiteral("http"));
        base.setHost(QStringLiteral("127.0.0.1"));
        base.setPort(settings.port());
        QCOMPARE(statusOf(postMessage(network, base, QString())), 401);
        upstream.enqueue(ScriptedReply::json(200, chatAnswer));
        QCOMPARE(statusOf(postMessage(network, base, m_clientToken)), 200);
        QCOMPARE(upstream.requests().constLast().header("authorization"), "Bearer " + m_key.toUtf8());
        headless.terminate();
        QVERIFY(headless.waitForFinished(10000));
        log += headless.readAllStandardError();
        QVERIFY2(!log.contains(m_key.toUtf8()), log.constData());
        QVERIFY2(!log.contains(m_clientToken.toUtf8()), log.constData());
    }

    // The same home and keyring: `ccbridge env` prints, for each shell, what the window's
    // Claude Code page shows, with the token from the keychain.
    void envPrintsWhatTheWindowShows_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::addColumn<QString>("view");
        QTest::newRow("bash") << QStringLiteral("bash") << QStringLiteral("posix");
        QTest::newRow("fish") << QStringLiteral("fish") << QStringLiteral("fish");
        QTest::newRow("powershell") << QStringLiteral("powershell") << QStringLiteral("powershell");
        QTest::newRow("cmd") << QStringLiteral("cmd") << QStringLiteral("cmd");
        QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("settings");
    }

    void envPrintsWhatTheWindowShows()
    {
        QFETCH(QString, shell);
        QFETCH(QString, view);
        QProcess env;
        env.start(QStringLiteral(CCBRIDGE_EXECUTABLE), {QStringLiteral("env"), QStringLiteral("--shell"), shell});
        QVERIFY(env.waitForFinished(20000));
        QCOMPARE(env.exitCode(), 0);
        QVERIFY(m_windowSnippets.contains(view));
        QCOMPARE(QString::fromUtf8(env.readAllStandardOutput()), m_windowSnippets.value(view));
        QCOMPARE(env.readAllStandardError(), QByteArray());
    }

    void cleanupTestCase()
    {
        KeychainSecretStore secrets;
        for (const QString &name : {QStringLiteral("deepseek"), ProxyController::clientTokenName}) {
            QSignalSpy removed(&secrets, &SecretStore::finished);
            secrets.remove(name, this, [](const SecretStore::Result &) {});
            QVERIFY(removed.wait(10000));
        }
    }
};

QTEST_MAIN(TestNewUser)
#include "tst_newuser.moc"
