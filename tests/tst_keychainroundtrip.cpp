// The acceptance path for keys: typed into the provider editor, saved in a real Secret
// Service, read back by the proxy for its upstream requests, and written to no file.
#include "config/keychainsecretstore.h"
#include "config/settings.h"
#include "providerspage.h"
#include "proxy/proxycontroller.h"
#include "scriptedupstream.h"

#include "testdata.h"
#include "proxy/upstreamconnectionpool.h"

#include <QAction>
#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestKeychainRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyFromTheEditorReachesTheProviderAndNoFile()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test.sh, which provides a keyring");
        const QString key = QStringLiteral("sk-roundtrip-%1-abcdef0123456789").arg(QCoreApplication::applicationPid());
        QTemporaryDir home;
        ScriptedUpstream upstream;
        Settings settings(home.filePath(QStringLiteral("config/config.json")));
        KeychainSecretStore secrets(QStringLiteral("ccbridge-test-roundtrip-%1").arg(QCoreApplication::applicationPid()));
        QNetworkAccessManager network;

        // The user adds DeepSeek, points it at the (scripted) provider and types the key.
        UpstreamConnectionPool upstreams;
        ProvidersPage page(&settings, &secrets, &upstreams);
        page.show();
        auto *addPreset = page.findChild<QAction *>(QStringLiteral("addPreset_deepseek"));
        QVERIFY(addPreset);
        addPreset->trigger();
        auto *baseUrl = page.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
        auto *keyEdit = page.findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
        auto *apply = page.findChild<QPushButton *>(QStringLiteral("applyButton"));
        QVERIFY(baseUrl && keyEdit && apply);
        baseUrl->selectAll();
        QTest::keyClicks(baseUrl, upstream.baseUrl().toString());
        QTest::keyClicks(keyEdit, key);
        QSignalSpy applied(&page, &ProvidersPage::providersChanged);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(applied.wait(10000));

        // The proxy reads it back from the keychain and sends it upstream.
        const quint16 port = TestData::freeLoopbackPort();
        QVERIFY(port != 0);
        settings.setPort(port);
        QVERIFY(settings.setRoutes(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                          {QStringLiteral("provider"), QStringLiteral("deepseek")},
                                                          {QStringLiteral("model"), QStringLiteral("deepseek-chat")}}}));
        ProxyController proxy(&settings, &secrets);
        proxy.start();
        QTRY_COMPARE_WITH_TIMEOUT(proxy.state(), ProxyController::State::Running, 10000);
        upstream.enqueue(ScriptedReply::json(200, R"({"choices":[{"index":0,"message":{"content":"ok"},"finish_reason":"stop"}]})"));
        QNetworkRequest request(proxy.baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(request, R"({"model":"claude-opus-5-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})");
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(upstream.requests().constLast().header("authorization"), "Bearer " + key.toUtf8());
        reply->deleteLater();

        // …and no file under the app's folders holds it.
        int filesRead = 0;
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(key.toUtf8()) && !content.contains(QByteArray::fromRawData(
                                                            reinterpret_cast<const char *>(key.utf16()), key.size() * 2)),
                     qPrintable(file.fileName()));
            ++filesRead;
        }
        QVERIFY(filesRead > 0);

        QSignalSpy removed(&secrets, &SecretStore::finished);
        secrets.remove(QStringLiteral("deepseek"), this, [](const SecretStore::Result &) {});
        QVERIFY(removed.wait(10000));
    }
};

QTEST_MAIN(TestKeychainRoundTrip)
#include "tst_keychainroundtrip.moc"
