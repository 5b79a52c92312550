// The shutdown on SIGTERM, SIGINT or Quit, against the real proxy and a scripted upstream.
#include "proxy/gracefulshutdown.h"
#include "proxy/proxyengine.h"
#include "scriptedupstream.h"
#include "streamingclient.h"
#include "testdata.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <memory>

namespace {
// "first", then held by the upstream until released: " second" and the end of the stream.
ScriptedReply heldStream()
{
    ScriptedReply reply = ScriptedReply::eventStream(
        {TestData::doubleQuoted("{'choices':[{'index':0,'delta':{'content':'first'}}]}"),
         TestData::doubleQuoted("{'choices':[{'index':0,'delta':{'content':' second'}}]}"),
         TestData::doubleQuoted("{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}"), "[DONE]"});
    reply.holdAfterChunk = 1;
    return reply;
}
}

class TestGracefulShutdown : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedUpstream> m_upstream;
    std::unique_ptr<ProxyEngine> m_proxy;
    std::unique_ptr<GracefulShutdown> m_shutdown;

    void startProxy(int shutdownGraceMs)
    {
        m_upstream = std::make_unique<ScriptedUpstream>();
        ProxyConfig config;
        config.port = 0;
        config.shutdownGraceMs = shutdownGraceMs;
        ProviderConfig provider;
        provider.name = QStringLiteral("scripted");
        provider.baseUrl = m_upstream->baseUrl();
        config.providers = {provider};
        config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("model")}};
        m_proxy = std::make_unique<ProxyEngine>(config);
        QVERIFY(m_proxy->start());
        m_shutdown = std::make_unique<GracefulShutdown>([this] { return m_proxy.get(); });
    }

    // A client streaming, the upstream holding the rest of its answer.
    std::unique_ptr<StreamingClient> streamingHalfway()
    {
        m_upstream->enqueue(heldStream());
        auto client = std::make_unique<StreamingClient>(m_proxy->baseUrl());
        if (!QTest::qWaitFor([&] { return client->text() == QLatin1StringView("first"); }, 5000))
            qWarning("the stream did not begin");
        return client;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_shutdown.reset();
        m_proxy.reset();
        m_upstream.reset();
    }

    void streamFinishingWithinTheGraceEndsWhole()
    {
        startProxy(60'000);
        const auto client = streamingHalfway();
        const QUrl baseUrl = m_proxy->baseUrl();
        QSignalSpy draining(m_shutdown.get(), &GracefulShutdown::draining);
        QSignalSpy finished(m_shutdown.get(), &GracefulShutdown::finished);
        m_shutdown->begin();
        QCOMPARE(draining.size(), 1);
        QCOMPARE(draining.at(0).at(0).toInt(), 60'000);

        // Nothing new is taken...
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, quint16(baseUrl.port()));
        QVERIFY(!late.waitForConnected(5000));
        // ...while the stream in flight goes on to its end.
        QCOMPARE(finished.size(), 0);
        m_upstream->release();
        QTRY_VERIFY(client->isFinished());
        QCOMPARE(client->eventTypes().last(), QStringLiteral("message_stop"));
        QCOMPARE(client->text(), QStringLiteral("first second"));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
    }

    void streamOutlastingTheGraceEndsWithAnErrorEvent()
    {
        startProxy(100);
        const auto client = streamingHalfway();
        QSignalSpy finished(m_shutdown.get(), &GracefulShutdown::finished);
        m_shutdown->begin();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QTRY_VERIFY(client->isFinished());
        QCOMPARE(client->eventTypes().first(), QStringLiteral("message_start"));
        QCOMPARE(client->eventTypes().last(), QStringLiteral("error"));
        QVERIFY(!client->eventTypes().contains(QStringLiteral("message_stop")));
        QCOMPARE(client->text(), QStringLiteral("first"));
        const QJsonObject error = client->events().last().value(QLatin1StringView("error")).toObject();
        QCOMPARE(error.value(QLatin1StringView("type")).toString(), QStringLiteral("overloaded_error"));
        QCOMPARE(error.value(QLatin1StringView("message")).toString(), QStringLiteral("CC Bridge is shutting down."));
        // The upstream call was given up with it.
        QTRY_COMPARE(m_upstream->clientsGone(), 1);
    }

    // Claude Code keeps its connections open between requests; they must not hold the
    // shutdown up for the whole grace.
    void idleConnectionsDoNotHoldItUp()
    {
        startProxy(60'000);
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(m_proxy->baseUrl().resolved(QUrl(QStringLiteral("/health")))));
        QSignalSpy answered(reply, &QNetworkReply::finished);
        QVERIFY(answered.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QSignalSpy finished(m_shutdown.get(), &GracefulShutdown::finished);
        m_shutdown->begin();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
    }

    void secondSignalEndsAtOnce_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("Ctrl+C twice") << SIGINT << SIGINT << 130;
        QTest::newRow("SIGTERM twice") << SIGTERM << SIGTERM << 143;
        QTest::newRow("SIGTERM, then Ctrl+C") << SIGTERM << SIGINT << 130;
    }

    void secondSignalEndsAtOnce()
    {
        QFETCH(int, first);
        QFETCH(int, second);
        QFETCH(int, exitCode);
        startProxy(60'000);
        const auto client = streamingHalfway();
        QSignalSpy draining(m_shutdown.get(), &GracefulShutdown::draining);
        QSignalSpy finished(m_shutdown.get(), &GracefulShutdown::finished);
        m_shutdown->onSignal(first);
        QCOMPARE(draining.size(), 1);
        QCOMPARE(finished.size(), 0);
        m_shutdown->onSignal(second);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), exitCode);
    }

    // Quit chosen again while requests finish changes nothing.
    void beginningAgainChangesNothing()
    {
        startProxy(60'000);
        const auto client = streamingHalfway();
        QSignalSpy draining(m_shutdown.get(), &GracefulShutdown::draining);
        QSignalSpy finished(m_shutdown.get(), &GracefulShutdown::finished);
        m_shutdown->begin();
        m_shutdown->begin();
        QCOMPARE(draining.size(), 1);
        QCOMPARE(finished.size(), 0);
        m_upstream->release();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
    }

    void nothingRunningEndsAtOnce()
    {
        GracefulShutdown shutdown([] { return nullptr; });
        QSignalSpy draining(&shutdown, &GracefulShutdown::draining);
        QSignalSpy finished(&shutdown, &GracefulShutdown::finished);
        shutdown.begin();
        QCOMPARE(draining.size(), 0);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGracefulShutdown)
#include "tst_gracefulshutdown.moc"
