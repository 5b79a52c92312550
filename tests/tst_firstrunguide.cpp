// The guided start, driven with the keyboard alone: choose DeepSeek, paste the key, test it,
// save, start, copy the environment and write Claude Code's settings.json; then a request
// through the proxy, with the client token the guide made and handed on, reaches the provider
// with that key.
#include "config/keychainsecretstore.h"
#include "config/settings.h"
#include "firstrunguide.h"
#include "proxy/proxycontroller.h"
#include "scriptedupstream.h"
#include "unnamedcontrols.h"

#include "testdata.h"
#include "proxy/upstreamconnectionpool.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestFirstRunGuide : public QObject
{
    Q_OBJECT

private:
    // The widget that has the keyboard focus inside the guide.
    static QWidget *focused() { return QApplication::focusWidget(); }

private Q_SLOTS:
    void keyboardAloneFromNothingToClaudeCode()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test.sh, which provides a keyring");
        QTemporaryDir home;
        ScriptedUpstream upstream;
        Settings settings(home.filePath(QStringLiteral("config.json")));
        QVERIFY(FirstRunGuide::isWanted(settings));
        const quint16 port = TestData::freeLoopbackPort();
        QVERIFY(port != 0);
        settings.setPort(port);
        const QString service = QStringLiteral("ccbridge-test-guide-%1").arg(QCoreApplication::applicationPid());
        KeychainSecretStore secrets(service);
        ProxyController proxy(&settings, &secrets);
        QNetworkAccessManager network;
        UpstreamConnectionPool upstreams;
        FirstRunGuide guide(&settings, &secrets, &proxy, &upstreams);
        const QString claudeSettings = home.filePath(QStringLiteral("claude/settings.json"));
        guide.setClaudeSettingsPath(claudeSettings);
        guide.show();
        QVERIFY(QTest::qWaitForWindowActive(&guide));
        // Every step's controls are named for screen readers and UI automation.
        QCOMPARE(unnamedControls(guide), QStringList());

        // Step 1: the provider list has the focus; the arrow keys choose, Enter goes on.
        auto *presets = guide.findChild<QListWidget *>(QStringLiteral("guidePresets"));
        QCOMPARE(focused(), presets);
        QTest::keyClick(presets, Qt::Key_End);
        QTest::keyClick(presets, Qt::Key_Home);
        QCOMPARE(presets->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("deepseek"));
        QTest::keyClick(presets, Qt::Key_Return);

        // Step 2: the key field has the focus; the address field follows with Tab.
        auto *key = guide.findChild<QLineEdit *>(QStringLiteral("guideKey"));
        QTRY_COMPARE(focused(), key);
        QCOMPARE(unnamedControls(guide), QStringList());
        const QString secret = QStringLiteral("sk-guide-%1-abcdef0123456789").arg(QCoreApplication::applicationPid());
        QTest::keyClicks(key, secret);
        QTest::keyClick(key, Qt::Key_Tab);
        auto *baseUrl = guide.findChild<QLineEdit *>(QStringLiteral("guideBaseUrl"));
        QCOMPARE(focused(), baseUrl);
        QCOMPARE(baseUrl->text(), QStringLiteral("https://api.deepseek.com/v1"));
        QTest::keySequence(baseUrl, QKeySequence::SelectAll);
        QTest::keyClicks(baseUrl, upstream.baseUrl().toString());
        // Tab to Test, Space presses it: the provider's model list answers with this key.
        QTest::keyClick(baseUrl, Qt::Key_Tab);
        auto *test = guide.findChild<QPushButton *>(QStringLiteral("guideTest"));
        QCOMPARE(focused(), test);
        upstream.setModels({QStringLiteral("deepseek-chat"), QStringLiteral("deepseek-reasoner")});
        QTest::keyClick(test, Qt::Key_Space);
        auto *keyResult = guide.findChild<QLabel *>(QStringLiteral("guideKeyResult"));
        QTRY_VERIFY2_WITH_TIMEOUT(keyResult->text().startsWith(QStringLiteral("✓")), qPrintable(keyResult->text()), 10000);
        QVERIFY(keyResult->text().contains(QStringLiteral("2 model")));
        // Enter in the key field saves: the key in the keychain, the provider and its routes.
        QTest::keyClick(key, Qt::Key_Return);
        auto *start = guide.findChild<QPushButton *>(QStringLiteral("guideStart"));
        QTRY_COMPARE_WITH_TIMEOUT(focused(), start, 10000);
        QCOMPARE(unnamedControls(guide), QStringList());
        QCOMPARE(settings.keychainProviders(), QStringList{QStringLiteral("deepseek")});
        QVERIFY(!settings.routes().isEmpty());
        QVERIFY(!QJsonDocument(settings.document()).toJson().contains(secret.toUtf8()));

        // Step 3: Space starts the proxy; the guide moves on once it runs.
        QTest::keyClick(start, Qt::Key_Space);
        auto *copy = guide.findChild<QPushButton *>(QStringLiteral("guideCopy"));
        QTRY_COMPARE_WITH_TIMEOUT(focused(), copy, 10000);
        QCOMPARE(proxy.state(), ProxyController::State::Running);
        QCOMPARE(unnamedControls(guide), QStringList());

        // Step 4: copy the environment, and write settings.json.
        QTest::keyClick(copy, Qt::Key_Space);
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QTest::keyClick(copy, Qt::Key_Tab);
        auto *apply = guide.findChild<QPushButton *>(QStringLiteral("guideApplySettings"));
        QCOMPARE(focused(), apply);
        QTest::keyClick(apply, Qt::Key_Space);
        QFile written(claudeSettings);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject env = QJsonDocument::fromJson(written.readAll()).object().value(QLatin1StringView("env")).toObject();
        QCOMPARE(env.value(QLatin1StringView("ANTHROPIC_BASE_URL")).toString(), QStringLiteral("http://127.0.0.1:%1").arg(port));
        // A first run makes a client token, and both ways of handing on the environment carry it.
        const QString token = env.value(QLatin1StringView("ANTHROPIC_AUTH_TOKEN")).toString();
        QCOMPARE(token.size(), 32);
        QCOMPARE(token, proxy.clientToken());
        QVERIFY(QApplication::clipboard()->text().contains(token));

        // Claude Code's request goes through with the token it was given and the key the user
        // pasted; without the token it is refused.
        const auto post = [&](const QByteArray &clientToken) {
            QNetworkRequest request(proxy.baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            if (!clientToken.isEmpty())
                request.setRawHeader("authorization", "Bearer " + clientToken);
            std::unique_ptr<QNetworkReply> reply(network.post(
                request, R"({"model":"claude-opus-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})"));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            if (!finished.wait(10000))
                return 0;
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        const qsizetype upstreamRequests = upstream.requests().size();
        QCOMPARE(post({}), 401);
        QCOMPARE(upstream.requests().size(), upstreamRequests);
        upstream.enqueue(ScriptedReply::json(200, R"({"choices":[{"index":0,"message":{"content":"ok"},"finish_reason":"stop"}]})"));
        QCOMPARE(post(token.toUtf8()), 200);
        QCOMPARE(upstream.requests().constLast().header("authorization"), "Bearer " + secret.toUtf8());

        // Done, with the keyboard too.
        QSignalSpy done(&guide, &FirstRunGuide::finished);
        auto *next = guide.findChild<QPushButton *>(QStringLiteral("guideNext"));
        next->setFocus();
        QTest::keyClick(next, Qt::Key_Space);
        QCOMPARE(done.size(), 1);

        for (const QString &name : {QStringLiteral("deepseek"), ProxyController::clientTokenName}) {
            QSignalSpy removed(&secrets, &SecretStore::finished);
            secrets.remove(name, this, [](const SecretStore::Result &) {});
            QVERIFY(removed.wait(10000));
        }
    }

    void missingKeyIsExplained()
    {
        QTemporaryDir home;
        Settings settings(home.filePath(QStringLiteral("config.json")));
        KeychainSecretStore secrets(QStringLiteral("ccbridge-test-guide-unused"));
        ProxyController proxy(&settings, &secrets);
        QNetworkAccessManager network;
        UpstreamConnectionPool upstreams;
        FirstRunGuide guide(&settings, &secrets, &proxy, &upstreams);
        guide.show();
        auto *presets = guide.findChild<QListWidget *>(QStringLiteral("guidePresets"));
        QTest::keyClick(presets, Qt::Key_Return);
        auto *key = guide.findChild<QLineEdit *>(QStringLiteral("guideKey"));
        QTest::keyClick(key, Qt::Key_Return);
        auto *result = guide.findChild<QLabel *>(QStringLiteral("guideKeyResult"));
        QVERIFY(result->text().contains(QStringLiteral("Paste the key first")));
        QVERIFY(settings.providers().isEmpty());
        // Skip leaves with nothing saved.
        QSignalSpy done(&guide, &FirstRunGuide::finished);
        QTest::mouseClick(guide.findChild<QPushButton *>(QStringLiteral("guideSkip")), Qt::LeftButton);
        QCOMPARE(done.size(), 1);
        QVERIFY(FirstRunGuide::isWanted(settings));
    }
};

QTEST_MAIN(TestFirstRunGuide)
#include "tst_firstrunguide.moc"
