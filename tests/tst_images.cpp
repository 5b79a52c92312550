// Images for a model that cannot see them: a client → ProxyEngine → the vision route's
// provider describes each image once, and the text model gets the descriptions in the images'
// places; without a vision route the request is refused before it reaches a provider. Scripted
// OpenAI-compatible upstreams on loopback.
#include "config/providerpresets.h"
#include "jsonpost.h"
#include "monitor/requestlog.h"
#include "proxy/proxyengine.h"
#include "scriptedupstream.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

namespace {
// A 1×1 PNG, as Claude Code sends a pasted screenshot.
const QString screenshot = QStringLiteral("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
const QString otherScreenshot = QStringLiteral("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
const QString description = QStringLiteral("A terminal window. It reads: error: undefined reference to `main'.");

QJsonObject imageBlock(const QString &data)
{
    return {{QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("source"), QJsonObject{{QStringLiteral("type"), QStringLiteral("base64")},
                                                   {QStringLiteral("media_type"), QStringLiteral("image/png")},
                                                   {QStringLiteral("data"), data}}}};
}

QJsonObject text(const QString &words)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), words}};
}

QJsonObject message(const QString &role, const QJsonArray &content)
{
    return {{QStringLiteral("role"), role}, {QStringLiteral("content"), content}};
}

QJsonObject request(const QJsonArray &messages)
{
    return TestData::messagesRequest({{QStringLiteral("messages"), messages}});
}

ScriptedReply answer(const QString &words)
{
    return ScriptedReply::chatCompletion({{QStringLiteral("content"), words}}, QStringLiteral("stop"), 90, 12);
}
}

class TestImages : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScriptedUpstream> m_text;
    std::unique_ptr<ScriptedUpstream> m_vision;
    std::unique_ptr<ProxyEngine> m_proxy;
    QNetworkAccessManager m_client;

    // DeepSeek from its preset (its models take no images), and a vision provider.
    void startProxy(bool withVisionRoute, std::optional<bool> routeImages = std::nullopt)
    {
        m_text = std::make_unique<ScriptedUpstream>();
        m_vision = std::make_unique<ScriptedUpstream>();
        ProxyConfig config;
        config.port = 0;
        ProviderConfig deepseek = ProviderPresets::providerFrom(*ProviderPresets::find(QStringLiteral("deepseek")));
        deepseek.name = QStringLiteral("deepseek");
        deepseek.baseUrl = m_text->baseUrl();
        deepseek.apiKey = QStringLiteral("sk-test-deepseek-0123456789");
        deepseek.validateModels = false;
        ProviderConfig vision;
        vision.name = QStringLiteral("vision");
        vision.baseUrl = m_vision->baseUrl();
        vision.apiKey = QStringLiteral("sk-test-vision-0123456789");
        config.providers = {deepseek, vision};
        config.retry.maxAttempts = 1;
        config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("deepseek"),
                                    .model = QStringLiteral("deepseek-chat"), .images = routeImages}};
        if (withVisionRoute)
            config.routes.append(ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("vision"),
                                            .model = QStringLiteral("qwen-vl-max"), .when = QStringLiteral("vision")});
        m_proxy = std::make_unique<ProxyEngine>(config);
        QVERIFY(m_proxy->start());
    }

    QJsonObject post(const QJsonObject &body, int &status)
    {
        const JsonPost::Answer answered = JsonPost::send(m_client, m_proxy->baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))), body);
        status = answered.status;
        return answered.json();
    }

    // The messages the text model was last sent, as JSON text.
    QString sentMessages() const
    {
        return QString::fromUtf8(TestData::compact(m_text->lastRequestJson()[QLatin1StringView("messages")]));
    }

    const RequestRecord &lastRecord() const { return m_proxy->requestLog()->records().back(); }

private Q_SLOTS:
    void cleanup()
    {
        m_proxy.reset();
        m_text.reset();
        m_vision.reset();
    }

    void anImageIsDescribedOnceAcrossTurns()
    {
        startProxy(true);
        m_vision->enqueue(answer(description));
        m_text->enqueue(answer(QStringLiteral("You need a main function.")));
        const QJsonObject firstTurn = message(QStringLiteral("user"), {imageBlock(screenshot), text(QStringLiteral("What went wrong?"))});
        int status = 0;
        QJsonObject answered = post(request({firstTurn}), status);
        QCOMPARE(status, 200);
        QCOMPARE(answered[QLatin1StringView("content")][0][QLatin1StringView("text")].toString(), QStringLiteral("You need a main function."));

        // The vision model saw the image and was asked for a description.
        QCOMPARE(m_vision->requests().size(), 1);
        const QJsonObject asked = m_vision->lastRequestJson();
        QCOMPARE(asked[QLatin1StringView("model")].toString(), QStringLiteral("qwen-vl-max"));
        const QString askedContent = QString::fromUtf8(TestData::compact(asked[QLatin1StringView("messages")][0][QLatin1StringView("content")]));
        QVERIFY2(askedContent.contains(QStringLiteral("data:image/png;base64,") + screenshot), qPrintable(askedContent));
        QVERIFY(askedContent.contains(QLatin1StringView("Describe this image")));
        // The text model got the description where the image was, and no image.
        QCOMPARE(m_text->requests().size(), 1);
        QString sent = sentMessages();
        QVERIFY2(sent.contains(QLatin1StringView("described by vision/qwen-vl-max because deepseek/deepseek-chat cannot see images")), qPrintable(sent));
        QVERIFY(sent.contains(QLatin1StringView("undefined reference to `main'")));
        QVERIFY(sent.contains(QLatin1StringView("What went wrong?")));
        QVERIFY(!sent.contains(screenshot));
        QVERIFY(!sent.contains(QLatin1StringView("image_url")));
        QVERIFY2(lastRecord().notes.join(QLatin1Char('\n')).contains(QLatin1StringView("images described by vision/qwen-vl-max for deepseek-chat: 1 now")),
                 qPrintable(lastRecord().notes.join(QLatin1Char('\n'))));

        // The next turn sends the conversation again, screenshot included: nothing is asked of
        // the vision model, and the text model reads the same description.
        m_text->enqueue(answer(QStringLiteral("Add int main() {}.")));
        answered = post(request({firstTurn, message(QStringLiteral("assistant"), {text(QStringLiteral("You need a main function."))}),
                                 message(QStringLiteral("user"), {text(QStringLiteral("How?"))})}),
                        status);
        QCOMPARE(status, 200);
        QCOMPARE(m_vision->requests().size(), 1);
        QCOMPARE(m_text->requests().size(), 2);
        sent = sentMessages();
        QVERIFY2(sent.contains(QLatin1StringView("undefined reference to `main'")), qPrintable(sent));
        QVERIFY(!sent.contains(screenshot));
        QVERIFY(lastRecord().notes.join(QLatin1Char('\n')).contains(QLatin1StringView("0 now (0 ms), 1 remembered")));
    }

    // Claude Code's Read tool returns a screenshot file inside the tool result.
    void screenshotsInToolResultsAreDescribed()
    {
        startProxy(true);
        m_vision->enqueue(answer(description));
        m_text->enqueue(answer(QStringLiteral("Seen.")));
        const QJsonObject call{{QStringLiteral("type"), QStringLiteral("tool_use")}, {QStringLiteral("id"), QStringLiteral("toolu_01")},
                               {QStringLiteral("name"), QStringLiteral("Read")},
                               {QStringLiteral("input"), QJsonObject{{QStringLiteral("file_path"), QStringLiteral("/tmp/shot.png")}}}};
        const QJsonObject result{{QStringLiteral("type"), QStringLiteral("tool_result")}, {QStringLiteral("tool_use_id"), QStringLiteral("toolu_01")},
                                 {QStringLiteral("content"), QJsonArray{imageBlock(otherScreenshot)}}};
        int status = 0;
        post(request({message(QStringLiteral("user"), {text(QStringLiteral("Look at /tmp/shot.png"))}),
                      message(QStringLiteral("assistant"), {call}), message(QStringLiteral("user"), {result})}),
             status);
        QCOMPARE(status, 200);
        QCOMPARE(m_vision->requests().size(), 1);
        const QString sent = QString::fromUtf8(TestData::compact(m_text->lastRequestJson()[QLatin1StringView("messages")]));
        QVERIFY2(sent.contains(QLatin1StringView("undefined reference")), qPrintable(sent));
        QVERIFY(!sent.contains(otherScreenshot));
    }

    // An OpenAI client's image (a data URL) for the same text model: described, and the text
    // model gets the description through the proxy's own translation, not the client's request.
    void anOpenAiClientsImageIsDescribedToo()
    {
        startProxy(true);
        m_vision->enqueue(answer(description));
        m_text->enqueue(answer(QStringLiteral("You need a main function.")));
        const QJsonObject imagePart{{QStringLiteral("type"), QStringLiteral("image_url")},
                                    {QStringLiteral("image_url"),
                                     QJsonObject{{QStringLiteral("url"), QString(QStringLiteral("data:image/png;base64,") + screenshot)}}}};
        const QJsonObject chat{{QStringLiteral("model"), QStringLiteral("claude-sonnet-4-5")},
                               {QStringLiteral("messages"),
                                QJsonArray{message(QStringLiteral("user"), {imagePart, text(QStringLiteral("What went wrong?"))})}}};
        const JsonPost::Answer answered =
            JsonPost::send(m_client, m_proxy->baseUrl().resolved(QUrl(QStringLiteral("/v1/chat/completions"))), chat);
        QCOMPARE(answered.status, 200);
        QCOMPARE(answered.json()[QLatin1StringView("choices")][0][QLatin1StringView("message")][QLatin1StringView("content")].toString(),
                 QStringLiteral("You need a main function."));
        QCOMPARE(m_vision->requests().size(), 1);
        const QString sent = sentMessages();
        QVERIFY2(sent.contains(QLatin1StringView("undefined reference to `main'")), qPrintable(sent));
        QVERIFY(!sent.contains(screenshot));

        // Without a vision route, the refusal is in OpenAI's shape.
        startProxy(false);
        const JsonPost::Answer refused =
            JsonPost::send(m_client, m_proxy->baseUrl().resolved(QUrl(QStringLiteral("/v1/chat/completions"))), chat);
        QCOMPARE(refused.status, 400);
        QVERIFY2(!refused.json().contains(QLatin1StringView("type")), refused.body.constData()); // Anthropic's has "type": "error"
        QVERIFY2(refused.json()[QLatin1StringView("error")][QLatin1StringView("message")].toString().contains(QLatin1StringView("\"when\": \"vision\"")),
                 refused.body.constData());
        QVERIFY(m_text->requests().isEmpty());
    }

    void withoutAVisionRouteTheRequestIsRefused()
    {
        startProxy(false);
        int status = 0;
        const QJsonObject refused = post(request({message(QStringLiteral("user"), {imageBlock(screenshot), text(QStringLiteral("What is this?"))})}), status);
        QCOMPARE(status, 400);
        QCOMPARE(refused[QLatin1StringView("error")][QLatin1StringView("type")].toString(), QStringLiteral("invalid_request_error"));
        const QString said = refused[QLatin1StringView("error")][QLatin1StringView("message")].toString();
        QVERIFY2(said.contains(QLatin1StringView("deepseek/deepseek-chat cannot see images")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1StringView("\"when\": \"vision\"")), qPrintable(said));
        QVERIFY(m_text->requests().isEmpty());
        QVERIFY(m_vision->requests().isEmpty());
    }

    // A route that says its model takes images sends them as they are.
    void aRouteCanSayItsModelTakesImages()
    {
        startProxy(false, true);
        m_text->enqueue(answer(QStringLiteral("A dot.")));
        int status = 0;
        post(request({message(QStringLiteral("user"), {imageBlock(screenshot), text(QStringLiteral("What is this?"))})}), status);
        QCOMPARE(status, 200);
        QVERIFY(sentMessages().contains(QLatin1StringView("image_url")));
    }

    void aFailedDescriptionIsAnError()
    {
        startProxy(true);
        m_vision->enqueue(ScriptedReply::json(
            401, TestData::doubleQuoted("{'error':{'message':'Invalid API key: sk-test-vision-0123456789','type':'invalid_request_error'}}")));
        int status = 0;
        const QJsonObject failed = post(request({message(QStringLiteral("user"), {imageBlock(screenshot), text(QStringLiteral("What is this?"))})}), status);
        QCOMPARE(status, 502);
        const QString said = failed[QLatin1StringView("error")][QLatin1StringView("message")].toString();
        QVERIFY2(said.startsWith(QLatin1StringView("The vision route vision/qwen-vl-max could not describe an image: ")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1StringView("Invalid API key")), qPrintable(said));
        // The key the provider echoed is not passed on.
        QVERIFY2(!said.contains(QLatin1StringView("sk-test-vision-0123456789")), qPrintable(said));
        QVERIFY(m_text->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
