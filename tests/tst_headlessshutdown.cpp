// The real `ccbridge --headless` stopped while it streams: by SIGTERM (systemd, docker stop),
// by Ctrl+C, and by Ctrl+C twice.
#include "scriptedupstream.h"
#include "streamingclient.h"
#include "testdata.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

#include <sys/types.h>

namespace {
// "partial", then held by the upstream until released: the end of the answer.
ScriptedReply heldStream()
{
    ScriptedReply reply = ScriptedReply::eventStream(
        {TestData::doubleQuoted("{'choices':[{'index':0,'delta':{'content':'partial'}}]}"),
         TestData::doubleQuoted("{'choices':[{'index':0,'delta':{'content':' whole'},'finish_reason':'stop'}],"
                                "'usage':{'prompt_tokens':12,'completion_tokens':3}}"),
         "[DONE]"});
    reply.holdAfterChunk = 1;
    return reply;
}
}

class TestHeadlessShutdown : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<ScriptedUpstream> m_upstream;
    std::unique_ptr<QProcess> m_proxy;
    QByteArray m_log; // its stderr
    QUrl m_baseUrl;

    // Starts ccbridge --headless on a config file whose requests go to the scripted upstream.
    void startProxy(int shutdownGraceMs)
    {
        const QJsonObject config{
            {QStringLiteral("listen"), QStringLiteral("127.0.0.1:0")},
            {QStringLiteral("timeouts"), QJsonObject{{QStringLiteral("shutdownGraceMs"), shutdownGraceMs}}},
            {QStringLiteral("providers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("scripted")},
                                                                 {QStringLiteral("baseUrl"), m_upstream->baseUrl().toString()}}}},
            {QStringLiteral("routes"), QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                              {QStringLiteral("provider"), QStringLiteral("scripted")},
                                                              {QStringLiteral("model"), QStringLiteral("model")}}}},
        };
        const QString configFile = m_home.filePath(QStringLiteral("config.json"));
        QVERIFY(TestData::writeFile(configFile, QJsonDocument(config).toJson()));
        m_proxy = std::make_unique<QProcess>();
        m_proxy->setProcessChannelMode(QProcess::SeparateChannels);
        m_proxy->start(QStringLiteral(CCBRIDGE_EXECUTABLE), {QStringLiteral("--headless"), QStringLiteral("--config"), configFile});
        QVERIFY(m_proxy->waitForStarted(10000));
        static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
        QRegularExpressionMatch match;
        QTRY_VERIFY2_WITH_TIMEOUT((match = listening.match(QString::fromUtf8(readLog()))).hasMatch(), m_log.constData(), 15000);
        m_baseUrl = QUrl(match.captured(1));
    }

    const QByteArray &readLog()
    {
        m_log += m_proxy->readAllStandardError();
        return m_log;
    }

    // A client streaming, the upstream holding the rest of its answer.
    std::unique_ptr<StreamingClient> streamingHalfway()
    {
        m_upstream->enqueue(heldStream());
        auto client = std::make_unique<StreamingClient>(m_baseUrl);
        if (!QTest::qWaitFor([&] { return client->text() == QLatin1StringView("partial"); }, 10000))
            qWarning("the stream did not begin");
        return client;
    }

    void signal(int signalNumber) { QCOMPARE(::kill(pid_t(m_proxy->processId()), signalNumber), 0); }

    // Runs the event loop (the scripted upstream lives in it) until the proxy has exited.
    bool waitForExit(int timeoutMs)
    {
        return m_proxy->state() == QProcess::NotRunning
            || QSignalSpy(m_proxy.get(), &QProcess::finished).wait(timeoutMs);
    }

    QJsonArray usageRows() const
    {
        QFile file(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1StringView("rows")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // The proxy's usage file goes to an empty data folder, found the same way here.
        TestData::useHomeForAppFiles(m_home.path());
    }

    void init()
    {
        m_upstream = std::make_unique<ScriptedUpstream>();
        m_log.clear();
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.json"));
    }

    void cleanup()
    {
        if (m_proxy && m_proxy->state() != QProcess::NotRunning) {
            m_proxy->kill();
            m_proxy->waitForFinished(5000);
        }
        m_proxy.reset();
        m_upstream.reset();
    }

    // docker stop, systemctl stop: the stream that outlasts the grace ends with an error event
    // after what was already streamed, the process exits 0, and the usage file has the request.
    void sigtermEndsAStreamWithAnErrorEvent()
    {
        startProxy(300);
        const auto client = streamingHalfway();
        signal(SIGTERM);
        QVERIFY2(waitForExit(10000), readLog().constData());
        QCOMPARE(m_proxy->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_proxy->exitCode(), 0);

        QTRY_VERIFY(client->isFinished());
        const QStringList types = client->eventTypes();
        QCOMPARE(types.first(), QStringLiteral("message_start"));
        QCOMPARE(types.last(), QStringLiteral("error"));
        QVERIFY(!types.contains(QStringLiteral("message_stop")));
        QCOMPARE(client->text(), QStringLiteral("partial"));
        const QJsonObject error = client->events().last().value(QLatin1StringView("error")).toObject();
        QCOMPARE(error.value(QLatin1StringView("type")).toString(), QStringLiteral("overloaded_error"));
        QCOMPARE(error.value(QLatin1StringView("message")).toString(), QStringLiteral("CC Bridge is shutting down."));

        QVERIFY2(readLog().contains("CC Bridge is shutting down"), m_log.constData());
        const QJsonArray rows = usageRows();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(QLatin1StringView("provider")).toString(), QStringLiteral("scripted"));
        QCOMPARE(row.value(QLatin1StringView("model")).toString(), QStringLiteral("model"));
        QCOMPARE(row.value(QLatin1StringView("requests")).toInt(), 1);
        QCOMPARE(row.value(QLatin1StringView("errors")).toInt(), 1);
    }

    // Ctrl+C: a stream that ends within the grace ends whole, and is counted with its tokens.
    void sigintLetsAStreamFinish()
    {
        startProxy(60'000);
        const auto client = streamingHalfway();
        signal(SIGINT);
        QTRY_VERIFY2_WITH_TIMEOUT(readLog().contains("CC Bridge is shutting down"), m_log.constData(), 10000);
        QCOMPARE(m_proxy->state(), QProcess::Running);
        m_upstream->release();
        QVERIFY2(waitForExit(10000), readLog().constData());
        QCOMPARE(m_proxy->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_proxy->exitCode(), 0);
        QTRY_VERIFY(client->isFinished());
        QCOMPARE(client->eventTypes().last(), QStringLiteral("message_stop"));
        QCOMPARE(client->text(), QStringLiteral("partial whole"));
        const QJsonArray rows = usageRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QLatin1StringView("outputTokens")).toInt(), 3);
        QCOMPARE(rows.at(0).toObject().value(QLatin1StringView("errors")).toInt(), 0);
    }

    void secondCtrlCStopsAtOnce()
    {
        startProxy(60'000);
        const auto client = streamingHalfway();
        signal(SIGINT);
        QTRY_VERIFY2_WITH_TIMEOUT(readLog().contains("CC Bridge is shutting down"), m_log.constData(), 10000);
        signal(SIGINT);
        QVERIFY2(waitForExit(10000), readLog().constData());
        QCOMPARE(m_proxy->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_proxy->exitCode(), 130);
    }
};

QTEST_GUILESS_MAIN(TestHeadlessShutdown)
#include "tst_headlessshutdown.moc"
