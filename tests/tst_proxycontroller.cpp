// The desktop app's proxy lifecycle against a real Secret Service: keys come from the keychain
// (never from a file), stop/start closes and re-binds the port, and settings changes reach the
// running proxy without cutting a request.
#include "config/keychainsecretstore.h"
#include "config/settings.h"
#include "proxy/proxycontroller.h"
#include "scriptedupstream.h"

#include "testdata.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString providerKey = QStringLiteral("sk-controller-test-0123456789abcdef");

QJsonArray keychainProvider(const QString &name, const QUrl &baseUrl)
{
    return QJsonArray{QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("baseUrl"), baseUrl.toString()},
                                  {QStringLiteral("keyInKeychain"), true}}};
}

ScriptedReply answer(const QByteArray &text)
{
    return ScriptedReply::json(200, R"({"choices":[{"index":0,"message":{"content":")" + text + R"("},"finish_reason":"stop"}]})");
}

// A Messages request to the proxy; the reply's bytes gather in `body` as they arrive.
QNetworkReply *postMessages(QNetworkAccessManager &client, const QUrl &baseUrl, bool stream, QByteArray *body = nullptr)
{
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/v1/messages"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = client.post(request, R"({"model":"claude-sonnet-4-5","max_tokens":10,"stream":)"
                                                    + QByteArray(stream ? "true" : "false")
                                                    + R"(,"messages":[{"role":"user","content":"hi"}]})");
    if (body)
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, body] { *body += reply->readAll(); });
    return reply;
}

bool waitForFinished(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    return reply->isFinished() || finished.wait(10000);
}
}

class TestProxyController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ScriptedUpstream> m_upstream;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_secrets;

    void writeSecret(const QString &name, const QString &secret)
    {
        QSignalSpy done(m_secrets.get(), &SecretStore::finished);
        bool ok = false;
        m_secrets->write(name, secret, this, [&ok](const SecretStore::Result &result) { ok = result.ok; });
        QVERIFY(done.wait(10000));
        QVERIFY(ok);
    }

    void removeSecret(const QString &name)
    {
        QSignalSpy done(m_secrets.get(), &SecretStore::finished);
        m_secrets->remove(name, this, [](const SecretStore::Result &) {});
        QVERIFY(done.wait(10000));
    }

    bool waitForState(ProxyController &controller, ProxyController::State state)
    {
        return QTest::qWaitFor([&] { return controller.state() == state; }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test.sh, which provides a keyring");
        QVERIFY(m_dir.isValid());
        m_secrets = std::make_unique<KeychainSecretStore>(QStringLiteral("ccbridge-test-controller-%1").arg(QCoreApplication::applicationPid()));
    }

    void init()
    {
        m_upstream = std::make_unique<ScriptedUpstream>();
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("config.json")));
        m_settings->setPort(TestData::freeLoopbackPort());
        QVERIFY(m_settings->setProviders(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("scripted")},
                                                                {QStringLiteral("baseUrl"), m_upstream->baseUrl().toString()},
                                                                {QStringLiteral("keyInKeychain"), true}}}));
        QVERIFY(m_settings->setRoutes(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                             {QStringLiteral("provider"), QStringLiteral("scripted")},
                                                             {QStringLiteral("model"), QStringLiteral("kept-model")}}}));
        // The file lives across the tests: what one adds, the next must not find.
        m_settings->setActiveProfile(QString());
        QVERIFY(m_settings->setProfiles(QJsonArray()));
    }

    void cleanup()
    {
        removeSecret(QStringLiteral("scripted"));
        m_settings.reset();
        m_upstream.reset();
    }

    // A settings.ini written by CC Bridge 0.1 (providers with keys in the keychain, routes, a
    // profile made active from the tray) is migrated on first start, and the proxy starts on it.
    void startsOnAMigratedVersion01Ini()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const quint16 port = TestData::freeLoopbackPort();
        {
            QSettings legacy(home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            legacy.setValue(QStringLiteral("settingsVersion"), 1);
            legacy.setValue(QStringLiteral("listen/address"), QStringLiteral("127.0.0.1"));
            legacy.setValue(QStringLiteral("listen/port"), port);
            legacy.setValue(QStringLiteral("timeouts/readMs"), 120000);
            legacy.setValue(QStringLiteral("routing/providers"),
                            TestData::compact(keychainProvider(QStringLiteral("scripted"), m_upstream->baseUrl())));
            legacy.setValue(QStringLiteral("routing/routes"),
                            TestData::compact(TestData::singleQuotedArray(
                                "[{'match': '*', 'provider': 'scripted', 'model': 'default-model'}]")));
            legacy.setValue(QStringLiteral("routing/profiles"),
                            TestData::compact(TestData::singleQuotedArray(
                                "[{'name': 'cheap', 'routes': [{'provider': 'scripted', 'model': 'cheap-model'}]}]")));
            legacy.setValue(QStringLiteral("routing/activeProfile"), QStringLiteral("cheap"));
        }
        writeSecret(QStringLiteral("scripted"), providerKey);
        Settings migrated(home.filePath(QStringLiteral("config.json")));
        QCOMPARE(migrated.port(), port);
        QCOMPARE(migrated.readTimeoutMs(), 120'000);
        ProxyController controller(&migrated, m_secrets.get());
        controller.start();
        QVERIFY2(waitForState(controller, ProxyController::State::Running), qPrintable(controller.errorText()));

        m_upstream->enqueue(answer("migrated"));
        QNetworkAccessManager client;
        QNetworkReply *reply = postMessages(client, controller.baseUrl(), false);
        QVERIFY(waitForFinished(reply));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(m_upstream->requests().constLast().header("authorization"), "Bearer " + providerKey.toUtf8());
        // The active profile's routes serve the default base URL, as they did in 0.1.
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("cheap-model"));
        reply->deleteLater();
    }

    // A profile's own token is read from the keychain and guards its base path only.
    void profileTokenFromTheKeychain()
    {
        writeSecret(QStringLiteral("scripted"), providerKey);
        const QString token = QStringLiteral("profile-token-0123456789abcdef0123");
        writeSecret(ProxyController::profileTokenName(QStringLiteral("work")), token);
        QVERIFY(m_settings->setProfiles(TestData::singleQuotedArray(
            "[{'name': 'work', 'tokenInKeychain': true, 'routes': [{'provider': 'scripted', 'model': 'work-model'}]}]")));
        ProxyController controller(m_settings.get(), m_secrets.get());
        controller.start();
        QVERIFY2(waitForState(controller, ProxyController::State::Running), qPrintable(controller.errorText()));

        QNetworkAccessManager client;
        QNetworkRequest request(controller.baseUrl().resolved(QUrl(QStringLiteral("/p/work/v1/messages"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body = R"({"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})";
        QNetworkReply *refused = client.post(request, body);
        QVERIFY(waitForFinished(refused));
        QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        refused->deleteLater();

        m_upstream->enqueue(answer("work"));
        request.setRawHeader("x-api-key", token.toUtf8());
        QNetworkReply *reply = client.post(request, body);
        QVERIFY(waitForFinished(reply));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("work-model"));
        reply->deleteLater();
        removeSecret(ProxyController::profileTokenName(QStringLiteral("work")));
    }

    void keyFromTheKeychainReachesTheProvider()
    {
        writeSecret(QStringLiteral("scripted"), providerKey);
        ProxyController controller(m_settings.get(), m_secrets.get());
        controller.start();
        QVERIFY2(waitForState(controller, ProxyController::State::Running), qPrintable(controller.errorText()));

        m_upstream->enqueue(ScriptedReply::json(
            200, R"({"choices":[{"index":0,"message":{"content":"hi"},"finish_reason":"stop"}]})"));
        QNetworkAccessManager client;
        QNetworkRequest request(controller.baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = client.post(request, R"({"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})");
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(m_upstream->requests().constFirst().header("authorization"), "Bearer " + providerKey.toUtf8());
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("kept-model"));
        reply->deleteLater();

        // The key is in no file the app writes.
        QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(providerKey.toUtf8()), qPrintable(file.fileName()));
        }
    }

    void stopFreesThePortAndStartRebindsIt()
    {
        writeSecret(QStringLiteral("scripted"), providerKey);
        ProxyController controller(m_settings.get(), m_secrets.get());
        QSignalSpy states(&controller, &ProxyController::stateChanged);
        controller.start();
        QVERIFY(waitForState(controller, ProxyController::State::Running));
        const quint16 port = m_settings->port();

        controller.stop();
        QCOMPARE(controller.state(), ProxyController::State::Stopped);
        QTcpServer squatter;
        QVERIFY2(squatter.listen(QHostAddress::LocalHost, port), "the port was not freed");
        squatter.close();

        controller.start();
        QVERIFY(waitForState(controller, ProxyController::State::Running));
        QCOMPARE(controller.baseUrl().port(), int(port));
        QVERIFY(states.size() >= 5); // starting, running, stopped, starting, running
    }

    void streamInFlightCompletesAcrossSettingsChanges()
    {
        writeSecret(QStringLiteral("scripted"), providerKey);
        QVERIFY(m_settings->setProfiles(QJsonArray{QJsonObject{
            {QStringLiteral("name"), QStringLiteral("cheap")},
            {QStringLiteral("routes"), QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                              {QStringLiteral("provider"), QStringLiteral("scripted")},
                                                              {QStringLiteral("model"), QStringLiteral("cheap-model")}}}}}}));
        ProxyController controller(m_settings.get(), m_secrets.get());
        controller.start();
        QVERIFY2(waitForState(controller, ProxyController::State::Running), qPrintable(controller.errorText()));
        QSignalSpy states(&controller, &ProxyController::stateChanged);
        QSignalSpy reloaded(&controller, &ProxyController::reloaded);

        ScriptedReply stream = ScriptedReply::eventStream({R"({"choices":[{"index":0,"delta":{"content":"one"}}]})",
                                                           R"({"choices":[{"index":0,"delta":{"content":" two"}}]})",
                                                           R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})",
                                                           "[DONE]"});
        stream.holdAfterChunk = 1;
        m_upstream->enqueue(stream);
        QNetworkAccessManager client;
        QByteArray streamed;
        QNetworkReply *streaming = postMessages(client, controller.baseUrl(), true, &streamed);
        QTRY_VERIFY(streamed.contains("\"text\":\"one\""));

        // A provider edit: the same provider at another address, its key still in the keychain.
        ScriptedUpstream moved;
        QVERIFY(m_settings->setProviders(keychainProvider(QStringLiteral("scripted"), moved.baseUrl())));
        QVERIFY(reloaded.wait(10000));
        moved.enqueue(answer("moved"));
        QNetworkReply *afterEdit = postMessages(client, controller.baseUrl(), false);
        QVERIFY(waitForFinished(afterEdit));
        QCOMPARE(afterEdit->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(moved.requests().constFirst().header("authorization"), "Bearer " + providerKey.toUtf8());
        QCOMPARE(moved.lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("kept-model"));

        // Another profile's routes, and a setting beside it in the same turn: one reload.
        m_settings->setActiveProfile(QStringLiteral("cheap"));
        m_settings->setRequestTimeoutMs(500'000);
        QVERIFY(reloaded.wait(10000));
        moved.enqueue(answer("cheap"));
        QNetworkReply *afterSwitch = postMessages(client, controller.baseUrl(), false);
        QVERIFY(waitForFinished(afterSwitch));
        QCOMPARE(moved.lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("cheap-model"));
        QCOMPARE(controller.config()->requestTimeoutMs, 500'000);
        QCOMPARE(reloaded.size(), 2);

        // The stream began before both and ends whole, on the provider it began with.
        QVERIFY(!streaming->isFinished());
        m_upstream->release();
        QVERIFY(waitForFinished(streaming));
        streamed += streaming->readAll();
        QCOMPARE(streaming->error(), QNetworkReply::NoError);
        QVERIFY(streamed.contains("\"text\":\" two\""));
        QVERIFY(streamed.trimmed().endsWith("data: {\"type\":\"message_stop\"}"));
        QCOMPARE(m_upstream->requests().size(), 1);
        QCOMPARE(states.size(), 0); // it ran all along
        for (QNetworkReply *reply : {streaming, afterEdit, afterSwitch})
            reply->deleteLater();
    }

    void aFailedReloadKeepsTheRunningConfiguration()
    {
        writeSecret(QStringLiteral("scripted"), providerKey);
        ProxyController controller(m_settings.get(), m_secrets.get());
        controller.start();
        QVERIFY(waitForState(controller, ProxyController::State::Running));
        QSignalSpy failed(&controller, &ProxyController::reloadFailed);

        // A provider whose key is not in the keychain.
        QVERIFY(m_settings->setProviders(keychainProvider(QStringLiteral("keyless"), m_upstream->baseUrl())));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.constFirst().constFirst().toString().contains(QLatin1StringView("keyless")), qPrintable(controller.errorText()));
        QCOMPARE(controller.errorText(), failed.constFirst().constFirst().toString());
        QCOMPARE(controller.state(), ProxyController::State::Running);
        QCOMPARE(controller.config()->providers.constFirst().name, QStringLiteral("scripted"));

        m_upstream->enqueue(answer("still here"));
        QNetworkAccessManager client;
        QNetworkReply *reply = postMessages(client, controller.baseUrl(), false);
        QVERIFY(waitForFinished(reply));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    void aTakenPortIsAClearError()
    {
        writeSecret(QStringLiteral("scripted"), providerKey);
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, m_settings->port()));
        ProxyController controller(m_settings.get(), m_secrets.get());
        controller.start();
        QVERIFY(waitForState(controller, ProxyController::State::Error));
        QVERIFY(controller.errorText().contains(QString::number(m_settings->port())));
    }

    void aMissingKeyIsAClearError()
    {
        ProxyController controller(m_settings.get(), m_secrets.get());
        controller.start();
        QVERIFY(waitForState(controller, ProxyController::State::Error));
        QVERIFY2(controller.errorText().contains(QLatin1StringView("scripted")), qPrintable(controller.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestProxyController)
#include "tst_proxycontroller.moc"
