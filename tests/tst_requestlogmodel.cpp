// The request table's model against a real proxy: rows appear and update as requests run,
// the oldest rows go beyond the cap, and the filter narrows them down.
#include "monitor/requestlog.h"
#include "proxy/proxyengine.h"
#include "requestlogfilter.h"
#include "requestlogmodel.h"
#include "scriptedupstream.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace {
QByteArray completion(const char *text)
{
    return QByteArray(R"({"choices":[{"index":0,"message":{"content":")") + text
           + R"("},"finish_reason":"stop"}],"usage":{"prompt_tokens":30,"completion_tokens":4}})";
}
}

class TestRequestLogModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedUpstream> m_upstream;
    std::unique_ptr<ProxyEngine> m_proxy;
    QNetworkAccessManager m_client;

    void startProxy()
    {
        m_upstream = std::make_unique<ScriptedUpstream>();
        ProxyConfig config;
        config.port = 0;
        config.retry.maxAttempts = 1;
        ProviderConfig provider;
        provider.name = QStringLiteral("scripted");
        provider.baseUrl = m_upstream->baseUrl();
        config.providers = {provider};
        config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("big-model")}};
        m_proxy = std::make_unique<ProxyEngine>(config);
        QVERIFY(m_proxy->start());
    }

    void post(const QString &model)
    {
        QNetworkRequest request(m_proxy->baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QJsonObject body{{QStringLiteral("model"), model},
                               {QStringLiteral("max_tokens"), 100},
                               {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                                   {QStringLiteral("content"), QStringLiteral("hi")}}}}};
        QNetworkReply *reply = m_client.post(request, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        reply->deleteLater();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_proxy.reset();
        m_upstream.reset();
    }

    void rowsFollowRealRequests()
    {
        startProxy();
        RequestLogModel model(m_proxy->requestLog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_upstream->enqueue(ScriptedReply::json(200, completion("hello")));
        post(QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(model.rowCount(), 1);
        // The finished values arrive with the next throttled refresh.
        QTRY_COMPARE(model.index(0, RequestLogModel::Status).data().toString(), QStringLiteral("200"));
        QCOMPARE(model.index(0, RequestLogModel::Model).data().toString(), QStringLiteral("claude-sonnet-4-5 → scripted/big-model"));
        QCOMPARE(model.index(0, RequestLogModel::InputTokens).data().toString(), QStringLiteral("30"));
        QCOMPARE(model.index(0, RequestLogModel::OutputTokens).data().toString(), QStringLiteral("4"));
        QVERIFY(model.index(0, RequestLogModel::Latency).data().toString().endsWith(QLatin1StringView("ms")));
        QCOMPARE(model.providers(), QStringList(QStringLiteral("scripted")));
    }

    void oldestRowsGoBeyondTheCap()
    {
        startProxy();
        RequestLogModel model(m_proxy->requestLog(), 3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i) {
            m_upstream->enqueue(ScriptedReply::json(200, completion("ok")));
            post(QStringLiteral("claude-model-%1").arg(i));
        }
        QCOMPARE(model.rowCount(), 3);
        QTRY_COMPARE(model.index(2, RequestLogModel::Status).data().toString(), QStringLiteral("200"));
        QVERIFY(model.index(0, RequestLogModel::Model).data().toString().startsWith(QLatin1StringView("claude-model-2")));
        QVERIFY(model.index(2, RequestLogModel::Model).data().toString().startsWith(QLatin1StringView("claude-model-4")));
    }

    void filterByTextOutcomeAndProvider()
    {
        startProxy();
        RequestLogModel model(m_proxy->requestLog());
        RequestLogFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_upstream->enqueue(ScriptedReply::json(200, completion("fine")));
        post(QStringLiteral("claude-haiku-4-5"));
        m_upstream->enqueue(ScriptedReply::json(500, R"({"error":{"message":"boom"}})"));
        post(QStringLiteral("claude-opus-5-5"));
        QTRY_COMPARE(model.index(1, RequestLogModel::Status).data().toString(), QStringLiteral("500"));
        QCOMPARE(filter.rowCount(), 2);

        filter.setText(QStringLiteral("HAIKU"));
        QCOMPARE(filter.rowCount(), 1);
        QVERIFY(filter.index(0, RequestLogModel::Model).data().toString().startsWith(QLatin1StringView("claude-haiku")));
        filter.setText(QStringLiteral("boom")); // the error text is searchable too
        QCOMPARE(filter.rowCount(), 1);
        QVERIFY(filter.index(0, RequestLogModel::Model).data().toString().startsWith(QLatin1StringView("claude-opus")));

        filter.setText(QString());
        filter.setOutcome(RequestLogFilter::Outcome::Failed);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, RequestLogModel::Status).data().toString(), QStringLiteral("500"));
        filter.setOutcome(RequestLogFilter::Outcome::Succeeded);
        QCOMPARE(filter.rowCount(), 1);

        filter.setOutcome(RequestLogFilter::Outcome::All);
        filter.setProvider(QStringLiteral("nobody"));
        QCOMPARE(filter.rowCount(), 0);
        filter.setProvider(QStringLiteral("scripted"));
        QCOMPARE(filter.rowCount(), 2);
    }
};

QTEST_MAIN(TestRequestLogModel)
#include "tst_requestlogmodel.moc"
