// Secret hygiene in the window: requests carrying a provider key (a prompt that quotes it, an
// upstream that echoes it in an answer and in a 401) go through the real proxy, and the key is
// then looked for everywhere the window shows or copies text: every widget of every tab, the
// request detail, "Copy as curl", Claude Code's environment snippets (which hold the client
// token, their job, and nothing else secret), and the files written.
#include "claudecodepage.h"
#include "config/inmemorysecretstore.h"
#include "config/settings.h"
#include "mainwindow.h"
#include "monitor/usagestats.h"
#include "proxy/proxycontroller.h"
#include "proxy/upstreamconnectionpool.h"
#include "requestspage.h"
#include "scriptedupstream.h"
#include "testdata.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {
// An Azure-style hex key: no shape gives it away, only the configured value can.
const QString providerKey = QStringLiteral("9b4e1f7a2c8d5e3f0a6b9c2d7e1f4a8b");

QByteArray incorrectKey()
{
    return R"({"error":{"message":"Incorrect API key provided: )" + providerKey.toUtf8()
           + R"(.","type":"invalid_request_error","code":"invalid_api_key"}})";
}

QByteArray answerEchoingKey()
{
    return R"({"choices":[{"index":0,"message":{"content":"Your key is )" + providerKey.toUtf8()
           + R"("},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2}})";
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The text a user can see in `widget` and its children: labels, fields, editors, buttons.
QStringList visibleTexts(const QWidget *widget)
{
    QStringList texts;
    for (const QLabel *label : widget->findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (const QLineEdit *edit : widget->findChildren<QLineEdit *>())
        texts << edit->text();
    for (const QPlainTextEdit *edit : widget->findChildren<QPlainTextEdit *>())
        texts << edit->toPlainText();
    for (const QAbstractButton *button : widget->findChildren<QAbstractButton *>())
        texts << button->text() << button->toolTip();
    return texts;
}
}

class TestSecretHygiene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theWindowNeverShowsAProviderKey()
    {
        QTemporaryDir dir;
        ScriptedUpstream upstream;
        Settings settings(dir.filePath(QStringLiteral("config.json")));
        settings.setPort(TestData::freeLoopbackPort());
        QVERIFY(settings.setProviders(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("azure")},
                                                             {QStringLiteral("baseUrl"), upstream.baseUrl().toString()},
                                                             {QStringLiteral("keyInKeychain"), true}}}));
        QVERIFY(settings.setRoutes(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                          {QStringLiteral("provider"), QStringLiteral("azure")},
                                                          {QStringLiteral("model"), QStringLiteral("gpt-upstream")}}}));
        InMemorySecretStore secrets;
        secrets.insert(QStringLiteral("azure"), providerKey);
        UsageStats usage(dir.filePath(QStringLiteral("usage.json")));
        ProxyController proxy(&settings, &secrets);
        usage.follow(proxy.requestLog()); // as main() does
        UpstreamConnectionPool upstreams;
        MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
        proxy.start();
        window.show();
        QTRY_COMPARE(proxy.state(), ProxyController::State::Running);
        QTRY_VERIFY(!proxy.clientToken().isEmpty());
        const QString token = proxy.clientToken();

        // A prompt quoting the key, answered by an upstream echoing it; then a 401 echoing it.
        upstream.enqueue(ScriptedReply::json(200, answerEchoingKey()));
        upstream.enqueue(ScriptedReply::json(401, incorrectKey()));
        QNetworkAccessManager client;
        QList<QByteArray> answers;
        for (int i = 0; i < 2; ++i) {
            QNetworkRequest request(proxy.baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("x-api-key", token.toUtf8());
            QNetworkReply *reply = client.post(request, R"({"model":"claude-sonnet-4-5","max_tokens":10,"messages":)"
                                                        R"([{"role":"user","content":"Why is )" + providerKey.toUtf8()
                                                            + R"( refused?"}]})");
            QTRY_VERIFY(reply->isFinished());
            answers << reply->readAll();
            reply->deleteLater();
        }
        QCOMPARE(upstream.requests().size(), 2);
        QVERIFY2(answers.at(1).contains("Incorrect API key provided"), answers.at(1).constData());
        QVERIFY2(!answers.at(1).contains(providerKey.toUtf8()), answers.at(1).constData());

        // Each request's detail, and the command "Copy as curl" makes of it.
        auto *page = window.findChild<RequestsPage *>();
        window.tabs()->setCurrentWidget(page);
        auto *table = page->findChild<QTableView *>(QStringLiteral("requestsTable"));
        QTRY_COMPARE(table->model()->rowCount(), 2);
        QString details;
        for (int row = 0; row < 2; ++row) {
            table->selectRow(row);
            QTRY_VERIFY(!page->findChild<QLabel *>(QStringLiteral("detailStatus"))->text().startsWith(QStringLiteral("running")));
            const QString detail = visibleTexts(page).join(QLatin1Char('\n'));
            details += detail;
            // The view is not empty: the bodies are there, redacted.
            QVERIFY2(detail.contains(QStringLiteral("refused?")), qPrintable(detail));
            QVERIFY2(!detail.contains(providerKey), qPrintable(detail));
            QVERIFY2(!detail.contains(token), qPrintable(detail));
            QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("copyCurlButton")), Qt::LeftButton);
            const QString curl = QApplication::clipboard()->text();
            QVERIFY2(curl.startsWith(QStringLiteral("curl ")), qPrintable(curl));
            QVERIFY2(!curl.contains(providerKey) && !curl.contains(token), qPrintable(curl));
        }
        // Both echoes are shown, redacted.
        QVERIFY2(details.contains(QStringLiteral("Your key is [redacted]")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Incorrect API key provided: [redacted]")), qPrintable(details));

        // Claude Code's environment holds the client token, and no provider key.
        auto *claudeCode = window.findChild<ClaudeCodePage *>();
        window.tabs()->setCurrentWidget(claudeCode);
        QTRY_COMPARE(claudeCode->environment().authToken, token);
        for (const QString &view : {QStringLiteral("posix"), QStringLiteral("fish"), QStringLiteral("powershell"),
                                    QStringLiteral("cmd"), QStringLiteral("settings")}) {
            const QString snippet = claudeCode->findChild<QPlainTextEdit *>(QStringLiteral("snippet-") + view)->toPlainText();
            QVERIFY2(snippet.contains(token) && !snippet.contains(providerKey), qPrintable(snippet));
            QTest::mouseClick(claudeCode->findChild<QPushButton *>(QStringLiteral("copy-") + view), Qt::LeftButton);
            QVERIFY(!QApplication::clipboard()->text().contains(providerKey));
        }

        // Nowhere in the window, whichever tab shows.
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            const QString texts = visibleTexts(&window).join(QLatin1Char('\n')) + window.windowTitle();
            QVERIFY2(!texts.contains(providerKey), qPrintable(window.tabs()->tabText(tab)));
        }

        // Nor in the files: the configuration, the usage totals.
        QVERIFY(usage.flush());
        QDirIterator files(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            const QString file = files.next();
            QVERIFY2(!contentsOf(file).contains(providerKey.toUtf8()), qPrintable(file));
            ++read;
        }
        QCOMPARE(read, 2);
    }
};

QTEST_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
