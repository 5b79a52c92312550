// `ccbridge statusline`: the line itself for each case, then the real executable asking a
// running headless CC Bridge what served the last request, with today's usage it saved.
#include "monitor/statusline.h"
#include "scriptedupstream.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray chatAnswer = R"({"choices":[{"index":0,"message":{"content":"ok"},"finish_reason":"stop"}],)"
                              R"("usage":{"prompt_tokens":12000,"completion_tokens":345}})";

} // namespace

class TestStatusLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theLine_data()
    {
        QTest::addColumn<std::optional<StatusLine::LastRequest>>("last");
        QTest::addColumn<qint64>("tokens");
        QTest::addColumn<std::optional<double>>("cost");
        QTest::addColumn<QString>("line");
        QTest::newRow("served, priced") << std::optional(StatusLine::LastRequest{QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"), 200, 2345})
                                        << qint64(1'234'567) << std::optional(0.8449)
                                        << QStringLiteral("deepseek/deepseek-chat · 2.3 s · today 1.23M tokens · $0.84");
        QTest::newRow("fast, price unknown") << std::optional(StatusLine::LastRequest{QStringLiteral("ollama"), QStringLiteral("qwen3"), 200, 812})
                                             << qint64(12'345) << std::optional<double>()
                                             << QStringLiteral("ollama/qwen3 · 812 ms · today 12.3K tokens");
        QTest::newRow("failed") << std::optional(StatusLine::LastRequest{QStringLiteral("glm"), QStringLiteral("glm-4.6"), 429, 40})
                                << qint64(999) << std::optional(0.0)
                                << QStringLiteral("glm/glm-4.6 failed (429) · 40 ms · today 999 tokens · $0.00");
        QTest::newRow("nothing yet") << std::optional<StatusLine::LastRequest>() << qint64(0) << std::optional<double>()
                                     << QStringLiteral("CC Bridge: no requests yet · today 0 tokens");
    }

    void theLine()
    {
        QFETCH(std::optional<StatusLine::LastRequest>, last);
        QFETCH(qint64, tokens);
        QFETCH(std::optional<double>, cost);
        QFETCH(QString, line);
        QCOMPARE(StatusLine::running(last, {tokens, cost}), line);
    }

    // A running headless CC Bridge with a client token, one request through it, its usage
    // saved: the status line Claude Code would show.
    void fromTheRunningProxy()
    {
        QTemporaryDir home;
        ScriptedUpstream upstream;
        const quint16 port = TestData::freeLoopbackPort();
        QVERIFY(port != 0);
        const QString token = QStringLiteral("statusline-token-0123456789abcdef");
        const QStringList configuration{QStringLiteral("--upstream"), upstream.baseUrl().toString(), QStringLiteral("--model"),
                                        QStringLiteral("status-model"), QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--client-token-env"),
                                        QStringLiteral("CCB_STATUS_TOKEN")};
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        environment.insert(QStringLiteral("CCB_STATUS_TOKEN"), token);

        const auto statusLine = [&environment, &configuration](const QStringList &extra = {}) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(CCBRIDGE_EXECUTABLE), QStringList{QStringLiteral("statusline")} + configuration + extra);
            process.write(R"({"session_id":"s-1","model":{"id":"claude-sonnet-4-5","display_name":"Sonnet"}})");
            process.closeWriteChannel();
            process.waitForFinished(20000);
            return std::pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()));
        };
        const QString baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QCOMPARE(statusLine(), std::pair(0, QStringLiteral("CC Bridge is not running at %1\n").arg(baseUrl)));

        QProcess headless;
        headless.setProcessEnvironment(environment);
        headless.start(QStringLiteral(CCBRIDGE_EXECUTABLE), QStringList{QStringLiteral("--headless")} + configuration);
        QByteArray log;
        QTRY_VERIFY2_WITH_TIMEOUT((log += headless.readAllStandardError()).contains("listening on"), log.constData(), 15000);
        QCOMPARE(statusLine(), std::pair(0, QStringLiteral("CC Bridge: no requests yet · today 0 tokens\n")));

        upstream.enqueue(ScriptedReply::json(200, chatAnswer));
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/v1/messages")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("x-api-key", token.toUtf8());
        QNetworkReply *reply = network.post(request, R"({"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})");
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        // The proxy saves its usage two seconds after a change.
        const QString usageFile = home.filePath(QStringLiteral(".local/share/CC Bridge/CC Bridge/usage.json"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile(usageFile).open(QIODevice::ReadOnly), 10000);

        const auto [exitCode, line] = statusLine();
        QCOMPARE(exitCode, 0);
        // The provider of a quick start is named after its host; no price is known for it.
        const QRegularExpression expected(QStringLiteral("^127\\.0\\.0\\.1/status-model · \\d+ ms · today 12\\.3K tokens\n$"));
        QVERIFY2(expected.match(line).hasMatch(), qPrintable(line));
        // Asking is not a request of its own: the line still names the message request.
        QVERIFY2(expected.match(statusLine().second).hasMatch(), qPrintable(line));

        // Without the token the proxy answers nothing about its traffic.
        environment.remove(QStringLiteral("CCB_STATUS_TOKEN"));
        environment.insert(QStringLiteral("CCB_OTHER_TOKEN"), QStringLiteral("not-the-token-0123456789abcdef"));
        QCOMPARE(statusLine({QStringLiteral("--client-token-env"), QStringLiteral("CCB_OTHER_TOKEN")}).second,
                 QStringLiteral("CC Bridge at %1 refused the client token\n").arg(baseUrl));
        headless.terminate();
        QVERIFY(headless.waitForFinished(10000));
    }
};

QTEST_MAIN(TestStatusLine)
#include "tst_statusline.moc"
