// End to end through the real proxy: an HTTP client → ProxyEngine (HTTP server, routing,
// translation) → a scripted OpenAI-compatible upstream on loopback, and back.
#include "config/providerpresets.h"
#include "http/httpresponseparser.h"
#include "protocol/anthropic/apierror.h"
#include "monitor/requestlog.h"
#include "protocol/anthropic/toolnamemap.h"
#include "protocol/sseparser.h"
#include "proxy/proxyengine.h"
#include "scriptedupstream.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QRegularExpression>

namespace {
const QByteArray providerKey = "sk-test-secret-key-0123456789abcdef";

// One proxy response as the client saw it, bytes in arrival order.
struct ClientResponse
{
    int status = 0;
    QByteArray body;
    QNetworkReply *reply = nullptr;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QList<QJsonObject> events() const
    {
        SseParser parser;
        QList<QJsonObject> objects;
        for (const SseEvent &event : parser.feed(body)) {
            QJsonObject object = QJsonDocument::fromJson(event.data).object();
            if (QByteArray(event.event) != object.value(QLatin1StringView("type")).toString().toUtf8())
                qWarning("event name %s does not match its type", event.event.constData());
            objects << object;
        }
        return objects;
    }
    QStringList eventTypes() const
    {
        QStringList types;
        for (const QJsonObject &event : events())
            types << event.value(QLatin1StringView("type")).toString();
        return types;
    }
};

QJsonObject messagesRequest(bool stream, const QString &text = QStringLiteral("Hello"))
{
    return QJsonObject{
        {QStringLiteral("model"), QStringLiteral("claude-sonnet-4-5")},
        {QStringLiteral("max_tokens"), 128000},
        {QStringLiteral("stream"), stream},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), text}}}},
    };
}

QByteArray chatCompletion(const QJsonObject &message, const QString &finishReason)
{
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("id"), QStringLiteral("chatcmpl-1")},
                             {QStringLiteral("object"), QStringLiteral("chat.completion")},
                             {QStringLiteral("choices"),
                              QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                     {QStringLiteral("message"), message},
                                                     {QStringLiteral("finish_reason"), finishReason}}}},
                             {QStringLiteral("usage"),
                              QJsonObject{{QStringLiteral("prompt_tokens"), 120},
                                          {QStringLiteral("completion_tokens"), 7},
                                          {QStringLiteral("prompt_tokens_details"),
                                           QJsonObject{{QStringLiteral("cached_tokens"), 100}}}}},
                         })
        .toJson(QJsonDocument::Compact);
}

// A user turn with a PDF (base64) and a question about it.
QJsonArray pdfQuestion(const QString &pdf)
{
    const QJsonObject document{{QStringLiteral("type"), QStringLiteral("document")},
                               {QStringLiteral("source"), QJsonObject{{QStringLiteral("type"), QStringLiteral("base64")},
                                                                      {QStringLiteral("media_type"), QStringLiteral("application/pdf")},
                                                                      {QStringLiteral("data"), pdf}}}};
    return {QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                        {QStringLiteral("content"), QJsonArray{document, QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                                                     {QStringLiteral("text"), QStringLiteral("What is it?")}}}}}};
}

QString concatenatedDeltas(const QList<QJsonObject> &events, QLatin1StringView field)
{
    QString text;
    for (const QJsonObject &event : events) {
        if (event.value(QLatin1StringView("type")).toString() == QLatin1StringView("content_block_delta"))
            text += event.value(QLatin1StringView("delta")).toObject().value(field).toString();
    }
    return text;
}

// The upstream takes the request and never answers.
ScriptedReply silence()
{
    ScriptedReply reply;
    reply.neverAnswer = true;
    return reply;
}

// One text delta, then the upstream holds the stream open without another byte.
ScriptedReply unfinishedStream(const char *text)
{
    ScriptedReply reply = ScriptedReply::eventStream(
        {QByteArray(R"({"choices":[{"index":0,"delta":{"content":")") + text + R"("}}]})"});
    reply.holdAfterChunk = 1;
    return reply;
}

// "first", then held by the upstream until released: " second" and the end of the stream.
ScriptedReply heldStream()
{
    ScriptedReply reply = ScriptedReply::eventStream(
        {R"({"choices":[{"index":0,"delta":{"content":"first"}}]})",
         R"({"choices":[{"index":0,"delta":{"content":" second"}}]})",
         R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})", "[DONE]"});
    reply.holdAfterChunk = 1;
    return reply;
}

// An OpenAI client's request, with a field the proxy has no use for but the upstream should see.
QJsonObject chatRequest(bool stream)
{
    return QJsonObject{
        {QStringLiteral("model"), QStringLiteral("gpt-4o")},
        {QStringLiteral("stream"), stream},
        {QStringLiteral("seed"), 7},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), QStringLiteral("Hello")}}}},
    };
}

// A recorded stream as the client should get it: every event as recorded, without the
// upstream's comments (keep-alives; the proxy sends its own).
QByteArray withoutComments(const QByteArray &recording)
{
    return QString::fromUtf8(recording)
        .remove(QRegularExpression(QStringLiteral("^:[^\n]*\n\n"), QRegularExpression::MultilineOption))
        .toUtf8();
}
} // namespace

class TestProxyEngine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedUpstream> m_upstream;
    std::unique_ptr<ProxyEngine> m_proxy;
    QNetworkAccessManager m_client;

    void startProxy(const std::function<void(ProxyConfig &)> &adjust = {})
    {
        m_upstream = std::make_unique<ScriptedUpstream>();
        ProxyConfig config;
        config.port = 0;
        ProviderConfig provider;
        provider.name = QStringLiteral("scripted");
        provider.baseUrl = m_upstream->baseUrl();
        provider.apiKey = QString::fromLatin1(providerKey);
        provider.maxOutputTokens = 8192;
        config.providers = {provider};
        config.retry.maxAttempts = 1; // retries have tests of their own
        config.routes = {ModelRoute{.match = QStringLiteral("*haiku*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("small-model")},
                         ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("big-model")}};
        if (adjust)
            adjust(config);
        m_proxy = std::make_unique<ProxyEngine>(config);
        QVERIFY(m_proxy->start());
    }

    ClientResponse *send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const HttpHeaders &headers = {})
    {
        QNetworkRequest request(m_proxy->baseUrl().resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        auto *response = new ClientResponse;
        response->reply = m_client.sendCustomRequest(request, method, body);
        connect(response->reply, &QNetworkReply::readyRead, this,
                [response] { response->body += response->reply->readAll(); });
        connect(response->reply, &QNetworkReply::metaDataChanged, this, [response] {
            response->status = response->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        });
        return response;
    }

    // Sends and waits for the whole response.
    std::unique_ptr<ClientResponse> call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                                         const HttpHeaders &headers = {})
    {
        std::unique_ptr<ClientResponse> response(send(method, path, body, headers));
        // A real event loop, not QTest::qWaitFor(), which sleeps 10 ms between rounds and
        // would make every streamed chunk cost that much.
        QSignalSpy finished(response->reply, &QNetworkReply::finished);
        if (!response->reply->isFinished() && !finished.wait(10000))
            qWarning("the proxy did not answer in time");
        response->body += response->reply->readAll();
        response->status = response->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return response;
    }

    std::unique_ptr<ClientResponse> postMessages(const QJsonObject &request, const HttpHeaders &headers = {})
    {
        return call("POST", QStringLiteral("/v1/messages?beta=true"), QJsonDocument(request).toJson(), headers);
    }

    std::unique_ptr<ClientResponse> postChat(const QJsonObject &request)
    {
        return call("POST", QStringLiteral("/v1/chat/completions"), QJsonDocument(request).toJson());
    }

    const RequestRecord &lastRecord() const { return m_proxy->requestLog()->records().back(); }

    // One request written byte for byte, as a browser or a tool puts it on the wire, and the
    // response as parsed from the socket.
    struct RawResponse
    {
        int status = 0;
        QByteArray allowOrigin;
        QByteArray body;
    };
    RawResponse rawCall(const QByteArray &wire)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_proxy->baseUrl().port());
        socket.write(wire);
        HttpResponseParser parser;
        RawResponse response;
        for (bool complete = false; !complete;) {
            QSignalSpy readable(&socket, &QTcpSocket::readyRead);
            if (!socket.bytesAvailable() && !readable.wait(10000)) {
                qWarning("the proxy did not answer in time");
                break;
            }
            const HttpResponseParser::Progress progress = parser.feed(socket.readAll());
            response.body += progress.body;
            complete = progress.complete || progress.failed;
        }
        response.status = parser.status();
        response.allowOrigin = parser.header("access-control-allow-origin");
        return response;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_proxy.reset();
        m_upstream.reset();
    }

    void nonStreamingText()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("role"), QStringLiteral("assistant")},
                                 {QStringLiteral("content"), QStringLiteral("Hi there")}},
                                QStringLiteral("stop"))));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 200);
        const QJsonObject message = response->json();
        QCOMPARE(message.value(QLatin1StringView("type")).toString(), QStringLiteral("message"));
        QCOMPARE(message.value(QLatin1StringView("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("end_turn"));
        const QJsonArray content = message.value(QLatin1StringView("content")).toArray();
        QCOMPARE(content.size(), 1);
        QCOMPARE(content.at(0).toObject().value(QLatin1StringView("text")).toString(), QStringLiteral("Hi there"));
        const QJsonObject usage = message.value(QLatin1StringView("usage")).toObject();
        QCOMPARE(usage.value(QLatin1StringView("input_tokens")).toInt(), 20);
        QCOMPARE(usage.value(QLatin1StringView("cache_read_input_tokens")).toInt(), 100);
        QCOMPARE(usage.value(QLatin1StringView("output_tokens")).toInt(), 7);

        // What the provider was sent: its path, its key, the mapped model, the clamped cap.
        const HttpRequest &upstreamRequest = m_upstream->requests().constFirst();
        QCOMPARE(upstreamRequest.path(), QByteArray("/v1/chat/completions"));
        QCOMPARE(upstreamRequest.header("authorization"), "Bearer " + providerKey);
        const QJsonObject sent = m_upstream->lastRequestJson();
        QCOMPARE(sent.value(QLatin1StringView("model")).toString(), QStringLiteral("big-model"));
        QCOMPARE(sent.value(QLatin1StringView("max_tokens")).toInt(), 8192);

        const RequestRecord &record = lastRecord();
        QCOMPARE(record.status, 200);
        QCOMPARE(record.upstreamModel, QStringLiteral("big-model"));
        // The detail view's bodies: the client's request, the translated one, the answer.
        QCOMPARE(QJsonDocument::fromJson(record.requestBody).object(), messagesRequest(false));
        QCOMPARE(QJsonDocument::fromJson(record.upstreamRequestBody).object(), sent);
        QCOMPARE(QJsonDocument::fromJson(record.responseBody).object(), message);
        QVERIFY(!record.requestBodyClipped);
        QCOMPARE(record.usage.input, 20);
        QVERIFY(record.firstByteMs >= 0);
    }

    void modelFamiliesRouteToTheirModels()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        QJsonObject request = messagesRequest(false);
        request[QStringLiteral("model")] = QStringLiteral("claude-haiku-4-5-20251001");
        QCOMPARE(postMessages(request)->status, 200);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("small-model"));
    }

    void streamingRecordedDeepSeekReasoner()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::recordedStream(QStringLiteral("deepseek-reasoner.stream.sse")));
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 200);
        QVERIFY(response->reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(
            QLatin1StringView("text/event-stream")));
        const QStringList types = response->eventTypes();
        QCOMPARE(types.first(), QStringLiteral("message_start"));
        QCOMPARE(types.last(), QStringLiteral("message_stop"));
        const QList<QJsonObject> events = response->events();
        QCOMPARE(events.at(1).value(QLatin1StringView("content_block")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("thinking"));
        QVERIFY(!concatenatedDeltas(events, QLatin1StringView("thinking")).isEmpty());
        QVERIFY(!concatenatedDeltas(events, QLatin1StringView("text")).isEmpty());
        QVERIFY(m_upstream->lastRequestJson().value(QLatin1StringView("stream")).toBool());
        QVERIFY(m_upstream->lastRequestJson()
                    .value(QLatin1StringView("stream_options"))
                    .toObject()
                    .value(QLatin1StringView("include_usage"))
                    .toBool());
        QTRY_VERIFY(lastRecord().finished);
        QVERIFY(lastRecord().usage.reported);
        QVERIFY(lastRecord().usage.output > 0);
    }

    void toolUseRoundTripKeepsTheProvidersIds()
    {
        startProxy();
        // Turn 1: Kimi calls two tools with ids Anthropic would reject (`add:0`, `multiply:1`).
        m_upstream->enqueue(ScriptedReply::recordedStream(
            QStringLiteral("kimi-k2-0905-openrouter-moonshot-parallel-tools.stream.sse")));
        QJsonObject turn1 = messagesRequest(true, QStringLiteral("Add 2 and 3, multiply 4 by 5"));
        turn1[QStringLiteral("tools")] = QJsonArray{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("add")},
                        {QStringLiteral("input_schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("multiply")},
                        {QStringLiteral("input_schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}};
        const auto first = postMessages(turn1);
        QCOMPARE(first->status, 200);
        QJsonArray assistantContent;
        QJsonArray toolResults;
        for (const QJsonObject &event : first->events()) {
            const QJsonObject block = event.value(QLatin1StringView("content_block")).toObject();
            if (block.value(QLatin1StringView("type")).toString() != QLatin1StringView("tool_use"))
                continue;
            const QString id = block.value(QLatin1StringView("id")).toString();
            QVERIFY2(QRegularExpression(QStringLiteral("^[a-zA-Z0-9_-]+$")).match(id).hasMatch(), qPrintable(id));
            assistantContent.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                                {QStringLiteral("id"), id},
                                                {QStringLiteral("name"), block.value(QLatin1StringView("name"))},
                                                {QStringLiteral("input"), QJsonObject()}});
            toolResults.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_result")},
                                           {QStringLiteral("tool_use_id"), id},
                                           {QStringLiteral("content"), QStringLiteral("42")}});
        }
        QCOMPARE(assistantContent.size(), 2);
        const QJsonObject messageDelta = first->events().at(first->events().size() - 2);
        QCOMPARE(messageDelta.value(QLatin1StringView("delta")).toObject().value(QLatin1StringView("stop_reason")).toString(),
                 QStringLiteral("tool_use"));

        // Turn 2: Claude Code sends the results back; the provider sees its own ids again.
        m_upstream->enqueue(ScriptedReply::eventStream(
            {R"({"choices":[{"index":0,"delta":{"content":"Done: 5 and 20."}}]})",
             R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})", "[DONE]"}));
        QJsonObject turn2 = turn1;
        QJsonArray messages = turn2.value(QLatin1StringView("messages")).toArray();
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), assistantContent}});
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), toolResults}});
        turn2[QStringLiteral("messages")] = messages;
        const auto second = postMessages(turn2);
        QCOMPARE(second->status, 200);
        QCOMPARE(concatenatedDeltas(second->events(), QLatin1StringView("text")), QStringLiteral("Done: 5 and 20."));

        const QJsonArray sentMessages = m_upstream->lastRequestJson().value(QLatin1StringView("messages")).toArray();
        QStringList callIds;
        for (const QJsonValue &call : sentMessages.at(1).toObject().value(QLatin1StringView("tool_calls")).toArray())
            callIds << call.toObject().value(QLatin1StringView("id")).toString();
        QCOMPARE(callIds, (QStringList{QStringLiteral("add:0"), QStringLiteral("multiply:1")}));
        QCOMPARE(sentMessages.at(2).toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("tool"));
        QCOMPARE(sentMessages.at(2).toObject().value(QLatin1StringView("tool_call_id")).toString(), QStringLiteral("add:0"));
        QCOMPARE(sentMessages.at(3).toObject().value(QLatin1StringView("tool_call_id")).toString(), QStringLiteral("multiply:1"));
    }

    void bytesReachTheClientAsTheyArrive()
    {
        startProxy();
        const ScriptedReply reply = heldStream();
        m_upstream->enqueue(reply);
        std::unique_ptr<ClientResponse> response(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(true)).toJson()));
        // The upstream is holding its second chunk: the first text must already be here.
        QTRY_VERIFY(response->body.contains("\"text\":\"first\""));
        QCOMPARE(m_upstream->chunksSent(), 1);
        QVERIFY(!response->reply->isFinished());
        m_upstream->release();
        QTRY_VERIFY(response->reply->isFinished());
        response->body += response->reply->readAll();
        QCOMPARE(concatenatedDeltas(response->events(), QLatin1StringView("text")), QStringLiteral("first second"));
    }

    void pingsWhileTheUpstreamIsSilent()
    {
        startProxy([](ProxyConfig &config) { config.pingIntervalMs = 20; });
        ScriptedReply reply = ScriptedReply::eventStream(
            {R"({"choices":[{"index":0,"delta":{"content":"thinking hard"}}]})",
             R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})", "[DONE]"});
        reply.holdAfterChunk = 1;
        m_upstream->enqueue(reply);
        std::unique_ptr<ClientResponse> response(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(true)).toJson()));
        QTRY_VERIFY(response->body.contains("event: ping\ndata: {\"type\":\"ping\"}\n\n"));
        m_upstream->release();
        QTRY_VERIFY(response->reply->isFinished());
    }

    void upstreamRateLimitKeepsRetryAfter()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(429, TestData::read(QStringLiteral("provider-streams/openai-429-insufficient-quota.json")),
                                                {{"retry-after", "17"}, {"retry-after-ms", "17000"}}));
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 429);
        QCOMPARE(response->reply->rawHeader("retry-after"), QByteArray("17"));
        QCOMPARE(response->reply->rawHeader("retry-after-ms"), QByteArray("17000"));
        const QJsonObject error = response->json().value(QLatin1StringView("error")).toObject();
        QCOMPARE(response->json().value(QLatin1StringView("type")).toString(), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1StringView("type")).toString(), QStringLiteral("rate_limit_error"));
        QVERIFY(error.value(QLatin1StringView("message")).toString().contains(QLatin1StringView("exceeded your current quota")));
        QCOMPARE(lastRecord().status, 429);
    }

    void upstreamErrorsMapToAnthropicTypes_data()
    {
        QTest::addColumn<int>("upstreamStatus");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("deepseek 401") << 401 << QStringLiteral("deepseek-401.json") << 401 << QStringLiteral("authentication_error");
        QTest::newRow("openai 400") << 400 << QStringLiteral("openai-400-context-length.json") << 400
                                    << QStringLiteral("invalid_request_error");
        QTest::newRow("glm 429") << 429 << QStringLiteral("glm-zai-429-concurrency.json") << 429 << QStringLiteral("rate_limit_error");
        QTest::newRow("openrouter 429") << 429 << QStringLiteral("openrouter-429-upstream-rate-limited.json") << 429
                                        << QStringLiteral("rate_limit_error");
        QTest::newRow("503") << 503 << QString() << 503 << QStringLiteral("overloaded_error");
        QTest::newRow("500") << 500 << QString() << 500 << QStringLiteral("api_error");
    }

    void upstreamErrorsMapToAnthropicTypes()
    {
        QFETCH(int, upstreamStatus);
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QString, type);
        startProxy();
        const QByteArray body = file.isEmpty() ? QByteArray("<html>Bad gateway</html>")
                                               : TestData::read(QStringLiteral("provider-streams/") + file);
        m_upstream->enqueue(ScriptedReply::json(upstreamStatus, body));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, status);
        QCOMPARE(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(), type);
        QVERIFY(!response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString().isEmpty());
    }

    void longBodiesAreClippedInTheLog()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::recordedStream(QStringLiteral("deepseek-reasoner.stream.sse")));
        const QString longPrompt(60'000, QLatin1Char('p'));
        QCOMPARE(postMessages(messagesRequest(true, longPrompt + QStringLiteral("END")))->status, 200);
        QTRY_VERIFY(lastRecord().finished);
        const RequestRecord &record = lastRecord();
        QVERIFY(record.requestBodyClipped);
        QVERIFY(record.requestBody.size() < 2 * RequestRecord::bodyLimit);
        QVERIFY(record.requestBody.trimmed().endsWith("}")); // head and tail both kept
        QVERIFY(record.requestBody.contains("bytes not kept"));
        QVERIFY(record.responseBody.startsWith("event: message_start"));
        QVERIFY(record.responseBody.size() <= RequestRecord::bodyLimit + 64);
    }

    void keysAreRedactedFromUpstreamErrors()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(
            401, R"({"error":{"message":"Invalid key )" + providerKey + R"( for org, bearer abcdef0123456789"}})"));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 401);
        QVERIFY(!response->body.contains(providerKey));
        QVERIFY(!response->body.contains("abcdef0123456789"));
        QVERIFY(response->body.contains("[redacted]"));
        QVERIFY(!lastRecord().error.contains(QString::fromLatin1(providerKey)));
        QVERIFY(!lastRecord().responseBody.contains(providerKey));
    }

    void midStreamDisconnectEndsWithAnErrorEvent()
    {
        startProxy();
        ScriptedReply reply = ScriptedReply::eventStream({R"({"choices":[{"index":0,"delta":{"content":"partial"}}]})"});
        reply.disconnectAtEnd = true;
        m_upstream->enqueue(reply);
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 200);
        const QStringList types = response->eventTypes();
        QCOMPARE(types.first(), QStringLiteral("message_start"));
        QCOMPARE(types.last(), QStringLiteral("error"));
        QVERIFY(!types.contains(QStringLiteral("message_stop")));
        QCOMPARE(concatenatedDeltas(response->events(), QLatin1StringView("text")), QStringLiteral("partial"));
        QCOMPARE(response->events().last().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("api_error"));
        QTRY_VERIFY(lastRecord().finished);
        QVERIFY(!lastRecord().error.isEmpty());
    }

    void streamEndingWithoutDoneIsComplete()
    {
        startProxy();
        // Finished (a finish_reason) but no [DONE], as Anthropic-style and some local servers end.
        m_upstream->enqueue(ScriptedReply::eventStream({R"({"choices":[{"index":0,"delta":{"content":"all"}}]})",
                                                        R"({"choices":[{"index":0,"delta":{},"finish_reason":"length"}]})"}));
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->eventTypes().last(), QStringLiteral("message_stop"));
        const QJsonObject messageDelta = response->events().at(response->events().size() - 2);
        QCOMPARE(messageDelta.value(QLatin1StringView("delta")).toObject().value(QLatin1StringView("stop_reason")).toString(),
                 QStringLiteral("max_tokens"));
    }

    void errorEventInsideA200Stream()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::recordedStream(QStringLiteral("groq-gpt-oss-120b-midstream-error.stream.sse")));
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->eventTypes().last(), QStringLiteral("error"));
        QVERIFY(response->events().last().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message"))
                    .toString()
                    .contains(QLatin1StringView("Tool call validation failed")));
    }

    void clientDisconnectAbortsTheUpstream()
    {
        startProxy();
        const ScriptedReply reply = unfinishedStream("a");
        m_upstream->enqueue(reply);
        std::unique_ptr<ClientResponse> response(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(true)).toJson()));
        QTRY_VERIFY(response->body.contains("\"text\":\"a\""));
        response->reply->abort();
        QTRY_COMPARE(m_upstream->clientsGone(), 1);
        QTRY_VERIFY(lastRecord().finished);
        QCOMPARE(lastRecord().status, 499);
    }

    void upstreamSilenceTimesOut()
    {
        startProxy([](ProxyConfig &config) { config.readTimeoutMs = 100; });
        m_upstream->enqueue(silence());
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 504);
        QCOMPARE(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("timeout_error"));
    }

    void unreachableUpstreamIs502()
    {
        QTcpServer closedPort;
        QVERIFY(closedPort.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closedPort.serverPort();
        closedPort.close();
        startProxy([port](ProxyConfig &config) {
            config.providers.first().baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        });
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 502);
        QCOMPARE(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("api_error"));
    }

    void upstreamGarbageIs502()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(200, "this is not json"));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 502);
    }

    // Successful answers that name an `error` field, set to null: every Response object does,
    // and so do some Chat Completions servers.
    void wholeAnswersWithANullErrorAreAnswers_data()
    {
        QTest::addColumn<UpstreamApi>("format");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("outputTokens");

        const QByteArray reference = TestData::read(QStringLiteral("provider-streams/openai-responses-o4-mini-reasoning.json"));
        QTest::newRow("OpenAI's Response object") << UpstreamApi::OpenAiResponses << reference
                                                  << TestData::valueAt(QJsonDocument::fromJson(reference).object(),
                                                                       "output.1.content.0.text").toString()
                                                  << 148;
        QJsonObject completion = QJsonDocument::fromJson(chatCompletion(
            {{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QStringLiteral("Hi")}},
            QStringLiteral("stop"))).object();
        completion.insert(QStringLiteral("error"), QJsonValue::Null);
        QTest::newRow("chat completion") << UpstreamApi::OpenAiChat << QJsonDocument(completion).toJson()
                                         << QStringLiteral("Hi") << 7;
    }

    void wholeAnswersWithANullErrorAreAnswers()
    {
        QFETCH(UpstreamApi, format);
        QFETCH(QByteArray, answer);
        QFETCH(QString, text);
        QFETCH(int, outputTokens);
        startProxy([format](ProxyConfig &config) { config.providers.first().format = format; });
        m_upstream->enqueue(ScriptedReply::json(200, answer));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 200);
        const QJsonArray content = response->json().value(QLatin1StringView("content")).toArray();
        QCOMPARE(content.size(), 1);
        QCOMPARE(content.at(0).toObject().value(QLatin1StringView("text")).toString(), text);
        QCOMPARE(TestData::valueAt(response->json(), "usage.output_tokens").toInt(), outputTokens);
        QCOMPARE(lastRecord().status, 200);
    }

    // A Response whose status is "failed" comes with HTTP 200; its error object is the answer.
    void failedWholeResponseIsAnError()
    {
        startProxy([](ProxyConfig &config) { config.providers.first().format = UpstreamApi::OpenAiResponses; });
        QJsonObject failed = QJsonDocument::fromJson(
            TestData::read(QStringLiteral("provider-streams/openai-responses-o4-mini-reasoning.json"))).object();
        failed.insert(QStringLiteral("status"), QStringLiteral("failed"));
        failed.insert(QStringLiteral("output"), QJsonArray());
        failed.insert(QStringLiteral("error"), TestData::singleQuotedObject("{'code': 'rate_limit_exceeded', 'message': 'Slow down.'}"));
        m_upstream->enqueue(ScriptedReply::json(200, QJsonDocument(failed).toJson()));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 429);
        QCOMPARE(TestData::valueAt(response->json(), "error.type").toString(), QStringLiteral("rate_limit_error"));
        QCOMPARE(TestData::valueAt(response->json(), "error.message").toString(), QStringLiteral("Slow down."));
    }

    void badRequestsGetAnthropicErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("malformed json") << QByteArray("POST") << QStringLiteral("/v1/messages") << QByteArray("{\"model\":")
                                        << 400 << QStringLiteral("invalid_request_error");
        QTest::newRow("not an object") << QByteArray("POST") << QStringLiteral("/v1/messages") << QByteArray("[1,2]") << 400
                                       << QStringLiteral("invalid_request_error");
        QTest::newRow("wrong types") << QByteArray("POST") << QStringLiteral("/v1/messages")
                                     << QByteArray(R"({"model":7,"max_tokens":"x","messages":{}})") << 400
                                     << QStringLiteral("invalid_request_error");
        QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/v2/whatever") << QByteArray() << 404
                                      << QStringLiteral("not_found_error");
        QTest::newRow("wrong method") << QByteArray("GET") << QStringLiteral("/v1/messages") << QByteArray() << 405
                                      << QStringLiteral("invalid_request_error");
        QTest::newRow("unknown model") << QByteArray("GET") << QStringLiteral("/v1/models/nope") << QByteArray() << 404
                                       << QStringLiteral("not_found_error");
    }

    void badRequestsGetAnthropicErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, type);
        startProxy();
        const auto response = call(method, path, body);
        QCOMPARE(response->status, status);
        QCOMPARE(response->json().value(QLatin1StringView("type")).toString(), QStringLiteral("error"));
        QCOMPARE(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(), type);
        QVERIFY(m_upstream->requests().isEmpty());
    }

    void unroutedModelListsTheKnownOnes()
    {
        startProxy([](ProxyConfig &config) { config.routes.removeLast(); });
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 404);
        QVERIFY(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message"))
                    .toString()
                    .contains(QLatin1StringView("small-model")));
    }

    void probesHealthModelsAndCountTokens()
    {
        startProxy();
        QCOMPARE(call("HEAD", QStringLiteral("/"))->status, 200);
        QCOMPARE(call("HEAD", QStringLiteral("/api/hello"))->status, 200);

        const auto models = call("GET", QStringLiteral("/v1/models"));
        QCOMPARE(models->status, 200);
        QStringList ids;
        for (const QJsonValue &model : models->json().value(QLatin1StringView("data")).toArray())
            ids << model.toObject().value(QLatin1StringView("id")).toString();
        QCOMPARE(ids, (QStringList{QStringLiteral("small-model"), QStringLiteral("big-model")}));
        QCOMPARE(call("GET", QStringLiteral("/v1/models/big-model"))->status, 200);

        const auto count = call("POST", QStringLiteral("/v1/messages/count_tokens"),
                                R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hello, world"}]})");
        QCOMPARE(count->status, 200);
        QVERIFY(count->json().value(QLatin1StringView("input_tokens")).toInt() > 0);

        const auto health = call("GET", QStringLiteral("/health"));
        QCOMPARE(health->status, 200);
        const QJsonObject body = health->json();
        QCOMPARE(body.value(QLatin1StringView("version")).toString(), QStringLiteral(CCBRIDGE_VERSION));
        QCOMPARE(body.value(QLatin1StringView("requests")).toObject().value(QLatin1StringView("total")).toInt(), 3);
        QCOMPARE(body.value(QLatin1StringView("upstreams")).toArray().at(0).toObject().value(QLatin1StringView("name")).toString(),
                 QStringLiteral("scripted"));
        QVERIFY(!health->body.contains(providerKey));
    }

    void clientTokenIsRequiredWhenSet()
    {
        startProxy([](ProxyConfig &config) { config.clientToken = QStringLiteral("let-me-in"); });
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        const QByteArray body = QJsonDocument(messagesRequest(false)).toJson();
        const auto missing = call("POST", QStringLiteral("/v1/messages"), body);
        QCOMPARE(missing->status, 401);
        QCOMPARE(missing->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("authentication_error"));
        QCOMPARE(call("POST", QStringLiteral("/v1/messages"), body, {{"x-api-key", "wrong"}})->status, 401);
        QCOMPARE(call("POST", QStringLiteral("/v1/messages"), body, {{"authorization", "Bearer let-me-in"}})->status, 200);
        QCOMPARE(call("POST", QStringLiteral("/v1/messages"), body, {{"x-api-key", "let-me-in"}})->status, 200);
        QCOMPARE(m_upstream->requests().size(), 2);
        // The provider gets its own key, never the client's token.
        QCOMPARE(m_upstream->requests().constFirst().header("authorization"), "Bearer " + providerKey);
    }

    void streamRequestAnsweredWithJsonStillStreams()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("whole")}}, QStringLiteral("stop"))));
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->eventTypes(),
                 (QStringList{QStringLiteral("message_start"), QStringLiteral("content_block_start"),
                              QStringLiteral("content_block_delta"), QStringLiteral("content_block_stop"),
                              QStringLiteral("message_delta"), QStringLiteral("message_stop")}));
        QCOMPARE(concatenatedDeltas(response->events(), QLatin1StringView("text")), QStringLiteral("whole"));
    }

    void rateLimitIsRetriedAfterRetryAfter()
    {
        startProxy([](ProxyConfig &config) { config.retry.maxAttempts = 3; });
        m_upstream->enqueue(ScriptedReply::json(429, R"({"error":{"message":"slow down"}})", {{"retry-after", "0.05"}}));
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("second time lucky")}}, QStringLiteral("stop"))));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 200);
        QCOMPARE(m_upstream->requests().size(), 2);
        QCOMPARE(lastRecord().attempts, 2);
        QVERIFY(lastRecord().notes.join(QLatin1Char('\n')).contains(QLatin1StringView("retry 1 on scripted after 429, in 50 ms")));
    }

    // Issue 9: a wait the client would notice is not taken in silence. Claude Code retries on
    // its own, with a countdown, as long as the Retry-After it is given.
    void longRetryAfterGoesStraightBackToTheClient()
    {
        startProxy([](ProxyConfig &config) { config.retry = RetryLimits{}; });
        m_upstream->enqueue(ScriptedReply::json(429, R"({"error":{"message":"slow down"}})", {{"retry-after", "7"}}));
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("too late")}}, QStringLiteral("stop"))));
        QElapsedTimer clock;
        clock.start();
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 429);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(response->reply->rawHeader("retry-after"), QByteArray("7"));
        QCOMPARE(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("rate_limit_error"));
        QCOMPARE(m_upstream->requests().size(), 1);
        QCOMPARE(lastRecord().attempts, 1);
    }

    void shortRetryAfterIsWaitedFor_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("note");
        QTest::newRow("Retry-After 1") << QByteArrayLiteral("retry-after") << QByteArrayLiteral("1")
                                       << QStringLiteral("retry 1 on scripted after 429, in 1000 ms");
        QTest::newRow("retry-after-ms 300") << QByteArrayLiteral("retry-after-ms") << QByteArrayLiteral("300")
                                            << QStringLiteral("retry 1 on scripted after 429, in 300 ms");
    }

    void shortRetryAfterIsWaitedFor()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QString, note);
        startProxy([](ProxyConfig &config) { config.retry = RetryLimits{}; });
        m_upstream->enqueue(ScriptedReply::json(429, R"({"error":{"message":"slow down"}})", {{header, value}}));
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("second time lucky")}}, QStringLiteral("stop"))));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 200);
        QCOMPARE(m_upstream->requests().size(), 2);
        QVERIFY2(lastRecord().notes.contains(note), qPrintable(lastRecord().notes.join(QLatin1Char('\n'))));
    }

    void longRetryAfterGoesToTheFallbackAtOnce()
    {
        startProxy([](ProxyConfig &config) {
            config.retry = RetryLimits{};
            ProviderConfig limited = config.providers.first();
            limited.name = QStringLiteral("limited");
            config.providers.append(limited);
            config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("limited"), .model = QStringLiteral("primary-model"), .fallbacks = {RouteTarget{QStringLiteral("scripted"), QStringLiteral("fallback-model")}}}};
        });
        m_upstream->enqueue(ScriptedReply::json(429, R"({"error":{"message":"slow down"}})", {{"retry-after", "7"}}));
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("from the fallback")}}, QStringLiteral("stop"))));
        QElapsedTimer clock;
        clock.start();
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 200);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(m_upstream->requests().size(), 2);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("fallback-model"));
        QCOMPARE(lastRecord().attempts, 2);
        QVERIFY(lastRecord().notes.contains(QStringLiteral("fallback from limited after 429 to scripted/fallback-model")));
    }

    // The client waits through the attempts too, not only through the pauses between them.
    void totalWaitCountsFromTheRequestsArrival()
    {
        startProxy([](ProxyConfig &config) { config.retry = RetryLimits{10, 5, 2000, 1000}; });
        m_upstream->enqueue(ScriptedReply::json(503, R"({"error":{"message":"busy"}})", {{"retry-after", "0.3"}}));
        // The second answer is slow: its status line comes at once, its body only when released.
        ScriptedReply slow = ScriptedReply::json(503, R"({"error":{"message":"still busy"}})", {{"retry-after", "0.05"}});
        slow.chunks = {slow.body};
        slow.holdAfterChunk = 0;
        m_upstream->enqueue(slow);
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("past the bound")}}, QStringLiteral("stop"))));
        std::unique_ptr<ClientResponse> response(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(false)).toJson()));
        QTRY_COMPARE(m_upstream->requests().size(), 2);
        // At least 0.3 s of waiting and 0.8 s of this attempt: another 0.05 s would end past 1 s.
        QTest::qWait(800);
        m_upstream->release();
        QTRY_VERIFY(response->reply->isFinished());
        QCOMPARE(response->status, 503);
        QCOMPARE(m_upstream->requests().size(), 2);
        QCOMPARE(lastRecord().attempts, 2);
    }

    void retriesGiveUpAfterTheirBudget()
    {
        startProxy([](ProxyConfig &config) {
            config.retry = RetryLimits{3, 5, 10, 1000};
        });
        for (int i = 0; i < 3; ++i)
            m_upstream->enqueue(ScriptedReply::json(503, R"({"error":{"message":"overloaded"}})"));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 503);
        QCOMPARE(m_upstream->requests().size(), 3);
        QCOMPARE(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("overloaded_error"));
    }

    void clientErrorsAreNotRetried()
    {
        startProxy([](ProxyConfig &config) { config.retry.maxAttempts = 3; });
        m_upstream->enqueue(ScriptedReply::json(400, R"({"error":{"message":"bad"}})"));
        QCOMPARE(postMessages(messagesRequest(false))->status, 400);
        QCOMPARE(m_upstream->requests().size(), 1);
    }

    void primaryDownFallbackAnswers()
    {
        QTcpServer closedPort;
        QVERIFY(closedPort.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closedPort.serverPort();
        closedPort.close();
        startProxy([port](ProxyConfig &config) {
            config.retry = RetryLimits{2, 5, 10, 1000};
            ProviderConfig down = config.providers.first();
            down.name = QStringLiteral("down");
            down.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
            config.providers.append(down);
            config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("down"), .model = QStringLiteral("primary-model"), .fallbacks = {RouteTarget{QStringLiteral("scripted"), QStringLiteral("fallback-model")}}}};
        });
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("from the fallback")}}, QStringLiteral("stop"))));
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 200);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("fallback-model"));
        QCOMPARE(lastRecord().provider, QStringLiteral("scripted"));
        QCOMPARE(lastRecord().attempts, 3); // two on the dead primary, one on the fallback
        QVERIFY(lastRecord().notes.join(QLatin1Char('\n')).contains(QLatin1StringView("fallback from down after connection failure to scripted/fallback-model")));
    }

    void noRetryOnceTheClientHasBytes()
    {
        startProxy([](ProxyConfig &config) { config.retry.maxAttempts = 3; });
        ScriptedReply reply = ScriptedReply::eventStream({R"({"choices":[{"index":0,"delta":{"content":"partial"}}]})"});
        reply.disconnectAtEnd = true;
        m_upstream->enqueue(reply);
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->eventTypes().last(), QStringLiteral("error"));
        QCOMPARE(m_upstream->requests().size(), 1);
    }

    void streamErrorBeforeAnyByteIsRetried()
    {
        startProxy([](ProxyConfig &config) { config.retry = RetryLimits{2, 5, 10, 1000}; });
        m_upstream->enqueue(ScriptedReply::eventStream({R"({"error":{"message":"busy","status_code":503}})"}));
        m_upstream->enqueue(ScriptedReply::eventStream({R"({"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]})", "[DONE]"}));
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 200);
        QCOMPARE(concatenatedDeltas(response->events(), QLatin1StringView("text")), QStringLiteral("ok"));
        QCOMPARE(m_upstream->requests().size(), 2);
    }

    void fullQueueAnswers529AndSlotsAreReused()
    {
        startProxy([](ProxyConfig &config) {
            config.providers.first().maxConcurrent = 1;
            config.providers.first().maxQueued = 1;
        });
        ScriptedReply held = ScriptedReply::eventStream({R"({"choices":[{"index":0,"delta":{"content":"one"}}]})",
                                                         R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})", "[DONE]"});
        held.holdAfterChunk = 1;
        m_upstream->enqueue(held);
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("two")}}, QStringLiteral("stop"))));
        const QByteArray streamBody = QJsonDocument(messagesRequest(true)).toJson();
        const QByteArray wholeBody = QJsonDocument(messagesRequest(false)).toJson();
        std::unique_ptr<ClientResponse> first(send("POST", QStringLiteral("/v1/messages"), streamBody));
        QTRY_COMPARE(m_upstream->chunksSent(), 1);
        std::unique_ptr<ClientResponse> queued(send("POST", QStringLiteral("/v1/messages"), wholeBody));
        const auto refused = call("POST", QStringLiteral("/v1/messages"), wholeBody);
        QCOMPARE(refused->status, 529);
        QCOMPARE(refused->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("overloaded_error"));
        QCOMPARE(m_upstream->requests().size(), 1); // the queued one waits for the slot
        m_upstream->release();
        QSignalSpy queuedDone(queued->reply, &QNetworkReply::finished);
        QVERIFY(queued->reply->isFinished() || queuedDone.wait(10000));
        QCOMPARE(queued->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(m_upstream->requests().size(), 2);
    }

    // Issue 9: the OpenAI endpoint to a Chat Completions upstream gets the exchange the
    // Messages endpoint has: retries, fallbacks, the provider gate, the deadline and pings.
    void openAiInboundIsRetried()
    {
        startProxy([](ProxyConfig &config) { config.retry = RetryLimits{3, 5, 10, 1000}; });
        m_upstream->enqueue(ScriptedReply::json(503, R"({"error":{"message":"overloaded"}})"));
        const QByteArray answer = chatCompletion({{QStringLiteral("content"), QStringLiteral("second time lucky")}}, QStringLiteral("stop"));
        m_upstream->enqueue(ScriptedReply::json(200, answer));
        const auto response = postChat(chatRequest(false));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, answer); // the upstream's own answer, untranslated
        QCOMPARE(m_upstream->requests().size(), 2);
        QJsonObject forwarded = chatRequest(false);
        forwarded.insert(QStringLiteral("model"), QStringLiteral("big-model"));
        QCOMPARE(m_upstream->lastRequestJson(), forwarded);
        QCOMPARE(m_upstream->requests().constLast().header("authorization"), "Bearer " + providerKey);
        QCOMPARE(lastRecord().attempts, 2);
        QCOMPARE(lastRecord().usage.input, 20);
    }

    void openAiInboundFallsBack()
    {
        startProxy([](ProxyConfig &config) {
            ProviderConfig busy = config.providers.first();
            busy.name = QStringLiteral("busy");
            config.providers.append(busy);
            config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("busy"), .model = QStringLiteral("primary-model"), .fallbacks = {RouteTarget{QStringLiteral("scripted"), QStringLiteral("fallback-model")}}}};
        });
        m_upstream->enqueue(ScriptedReply::json(503, R"({"error":{"message":"overloaded"}})"));
        const QByteArray answer = chatCompletion({{QStringLiteral("content"), QStringLiteral("from the fallback")}}, QStringLiteral("stop"));
        m_upstream->enqueue(ScriptedReply::json(200, answer));
        const auto response = postChat(chatRequest(false));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, answer);
        QCOMPARE(m_upstream->requests().size(), 2);
        QCOMPARE(QJsonDocument::fromJson(m_upstream->requests().constFirst().body).object().value(QLatin1StringView("model")).toString(),
                 QStringLiteral("primary-model"));
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("fallback-model"));
        QCOMPARE(lastRecord().provider, QStringLiteral("scripted"));
        QVERIFY(lastRecord().notes.contains(QStringLiteral("fallback from busy after 503 to scripted/fallback-model")));
    }

    // A fallback on another API is translated, though the first candidate was passed through.
    void openAiInboundFallsBackToAnAnthropicUpstream()
    {
        startProxy([this](ProxyConfig &config) {
            ProviderConfig anthropic = config.providers.first();
            anthropic.name = QStringLiteral("anthropic");
            anthropic.format = UpstreamApi::Anthropic;
            anthropic.baseUrl = m_upstream->rootUrl();
            config.providers.append(anthropic);
            config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("primary-model"), .fallbacks = {RouteTarget{QStringLiteral("anthropic"), QStringLiteral("claude-model")}}}};
        });
        m_upstream->enqueue(ScriptedReply::json(503, R"({"error":{"message":"overloaded"}})"));
        m_upstream->enqueue(ScriptedReply::json(
            200, R"({"id":"msg_1","type":"message","role":"assistant","model":"claude-model","content":[{"type":"text","text":"from Anthropic"}],)"
                 R"("stop_reason":"end_turn","usage":{"input_tokens":11,"output_tokens":3}})"));
        const auto response = postChat(chatRequest(false));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json().value(QLatin1StringView("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(response->json()[QLatin1StringView("choices")][0][QLatin1StringView("message")][QLatin1StringView("content")].toString(),
                 QStringLiteral("from Anthropic"));
        QCOMPARE(m_upstream->requests().constLast().path(), QByteArray("/v1/messages"));
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("claude-model"));
    }

    void openAiInboundWaitsForTheProviderGate()
    {
        startProxy([](ProxyConfig &config) {
            config.providers.first().maxConcurrent = 1;
            config.providers.first().maxQueued = 1;
        });
        m_upstream->enqueue(heldStream());
        const QByteArray answer = chatCompletion({{QStringLiteral("content"), QStringLiteral("two")}}, QStringLiteral("stop"));
        m_upstream->enqueue(ScriptedReply::json(200, answer));
        std::unique_ptr<ClientResponse> first(send("POST", QStringLiteral("/v1/chat/completions"), QJsonDocument(chatRequest(true)).toJson()));
        QTRY_COMPARE(m_upstream->chunksSent(), 1);
        std::unique_ptr<ClientResponse> queued(send("POST", QStringLiteral("/v1/chat/completions"), QJsonDocument(chatRequest(false)).toJson()));
        QTRY_COMPARE(m_proxy->requestLog()->records().size(), 2); // in the queue before the next one comes
        const auto refused = postChat(chatRequest(false));
        QCOMPARE(refused->status, 529);
        const QJsonObject error = refused->json().value(QLatin1StringView("error")).toObject();
        QCOMPARE(error.value(QLatin1StringView("type")).toString(), QStringLiteral("server_error"));
        QVERIFY(error.value(QLatin1StringView("message")).toString().contains(QLatin1StringView("busy")));
        QCOMPARE(m_upstream->requests().size(), 1); // the queued one waits for the slot
        m_upstream->release();
        QSignalSpy queuedDone(queued->reply, &QNetworkReply::finished);
        QVERIFY(queued->reply->isFinished() || queuedDone.wait(10000));
        QCOMPARE(queued->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(queued->body + queued->reply->readAll(), answer);
        QCOMPARE(m_upstream->requests().size(), 2);
    }

    void openAiInboundRequestTimesOut()
    {
        startProxy([](ProxyConfig &config) { config.requestTimeoutMs = 100; });
        m_upstream->enqueue(silence());
        const auto response = postChat(chatRequest(false));
        QCOMPARE(response->status, 504);
        // OpenAI's shape, not Anthropic's.
        QVERIFY(!response->json().contains(QLatin1StringView("type")));
        const QJsonObject error = response->json().value(QLatin1StringView("error")).toObject();
        QCOMPARE(error.value(QLatin1StringView("type")).toString(), QStringLiteral("server_error"));
        QVERIFY(error.value(QLatin1StringView("message")).toString().contains(QLatin1StringView("took longer than")));
        QCOMPARE(lastRecord().status, 504);
    }

    void openAiInboundStreamGetsPingsUntilTheDeadline()
    {
        startProxy([](ProxyConfig &config) {
            config.pingIntervalMs = 20;
            config.requestTimeoutMs = 1000;
        });
        m_upstream->enqueue(unfinishedStream("partial"));
        const auto response = postChat(chatRequest(true));
        QCOMPARE(response->status, 200);
        QVERIFY2(response->body.startsWith(R"(data: {"choices":[{"index":0,"delta":{"content":"partial"}}]})"
                                           "\n\n: ping\n\n"),
                 response->body.constData());
        QVERIFY(response->body.endsWith("\n\ndata: [DONE]\n\n"));
        SseParser parser;
        const QList<SseEvent> events = parser.feed(response->body);
        QCOMPARE(events.size(), 3);
        const QJsonObject error = QJsonDocument::fromJson(events.at(1).data).object().value(QLatin1StringView("error")).toObject();
        QVERIFY(error.value(QLatin1StringView("message")).toString().contains(QLatin1StringView("took longer than")));
        QCOMPARE(lastRecord().status, 200);
        QVERIFY(lastRecord().error.contains(QLatin1StringView("took longer than")));
    }

    // What OpenAI clients read in a provider's error besides the message (the code), and no key.
    void openAiInboundKeepsTheProvidersErrors()
    {
        startProxy();
        const QByteArray contextLength = TestData::read(QStringLiteral("provider-streams/openai-400-context-length.json")).trimmed();
        m_upstream->enqueue(ScriptedReply::json(400, contextLength));
        const auto response = postChat(chatRequest(false));
        QCOMPARE(response->status, 400);
        QCOMPARE(response->body, contextLength);

        m_upstream->enqueue(ScriptedReply::json(401, R"({"error":{"message":"Invalid key )" + providerKey + R"(","code":"invalid_api_key"}})"));
        const auto unauthorized = postChat(chatRequest(false));
        QCOMPARE(unauthorized->status, 401);
        QCOMPARE(unauthorized->json()[QLatin1StringView("error")][QLatin1StringView("code")].toString(), QStringLiteral("invalid_api_key"));
        QVERIFY(!unauthorized->body.contains(providerKey));
        QVERIFY(unauthorized->body.contains("[redacted]"));
    }

    void openAiInboundStreamIsRelayedIntact_data()
    {
        QTest::addColumn<QString>("recording");
        QTest::addColumn<qint64>("outputTokens"); // as its usage reports them
        QTest::newRow("OpenAI, with usage") << QStringLiteral("openai-gpt-4o-mini-tools-usage.stream.sse") << qint64(15);
        QTest::newRow("OpenRouter, with comments") << QStringLiteral("openrouter-glm-5-turbo-zai-tools.stream.sse") << qint64(33);
        QTest::newRow("Groq, an error midway") << QStringLiteral("groq-gpt-oss-120b-midstream-error.stream.sse") << qint64(0);
    }

    void openAiInboundStreamIsRelayedIntact()
    {
        QFETCH(QString, recording);
        QFETCH(qint64, outputTokens);
        startProxy();
        m_upstream->enqueue(ScriptedReply::recordedStream(recording));
        const auto response = postChat(chatRequest(true));
        QCOMPARE(response->status, 200);
        const QByteArray expected = withoutComments(TestData::read(QStringLiteral("provider-streams/") + recording));
        QCOMPARE(response->body, expected);
        // The request log has what went each way, and the usage the stream reported.
        const RequestRecord &record = lastRecord();
        QCOMPARE(QJsonDocument::fromJson(record.upstreamRequestBody).object().value(QLatin1StringView("model")).toString(),
                 QStringLiteral("big-model"));
        QVERIFY(record.responseBody.startsWith(expected.left(RequestRecord::bodyLimit)));
        QCOMPARE(record.usage.output, outputTokens);
    }

    void profilesHaveTheirOwnRoutesAndTokens()
    {
        startProxy([](ProxyConfig &config) {
            config.profiles = {Profile{QStringLiteral("cheap"),
                                       {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("cheap-model")}},
                                       QString(), QStringLiteral("profile-token"), false}};
        });
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        const QByteArray body = QJsonDocument(messagesRequest(false)).toJson();
        QCOMPARE(call("POST", QStringLiteral("/p/cheap/v1/messages"), body)->status, 401);
        QCOMPARE(call("POST", QStringLiteral("/p/cheap/v1/messages"), body, {{"x-api-key", "profile-token"}})->status, 200);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("cheap-model"));
        QCOMPARE(call("POST", QStringLiteral("/p/missing/v1/messages"), body)->status, 404);
        QCOMPARE(call("HEAD", QStringLiteral("/p/cheap/"))->status, 200);
        const auto models = call("GET", QStringLiteral("/p/cheap/v1/models"), {}, {{"x-api-key", "profile-token"}});
        QCOMPARE(models->json().value(QLatin1StringView("data")).toArray().first().toObject().value(QLatin1StringView("id")).toString(),
                 QStringLiteral("cheap-model"));
    }

    void profileCanPassTheClientsKey()
    {
        startProxy([](ProxyConfig &config) {
            config.profiles = {Profile{QStringLiteral("byok"),
                                       {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("m")}},
                                       QString(), QString(), true}};
        });
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        const QByteArray body = QJsonDocument(messagesRequest(false)).toJson();
        QCOMPARE(call("POST", QStringLiteral("/p/byok/v1/messages"), body)->status, 401);
        QCOMPARE(call("POST", QStringLiteral("/p/byok/v1/messages"), body, {{"x-api-key", "sk-user-own-key-42"}})->status, 200);
        QCOMPARE(m_upstream->requests().constLast().header("authorization"), QByteArray("Bearer sk-user-own-key-42"));
    }

    void explicitProviderAndModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("comma") << QStringLiteral("scripted,Some-Model");
        QTest::newRow("slash") << QStringLiteral("scripted/Some-Model");
    }

    void explicitProviderAndModel()
    {
        QFETCH(QString, model);
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        QJsonObject request = messagesRequest(false);
        request[QStringLiteral("model")] = model;
        QCOMPARE(postMessages(request)->status, 200);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("Some-Model"));
    }

    void scenariosPickTheirRoutes_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("upstreamModel");
        const QJsonObject imageMessage{
            {QStringLiteral("role"), QStringLiteral("user")},
            {QStringLiteral("content"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                    {QStringLiteral("source"), QJsonObject{{QStringLiteral("type"), QStringLiteral("base64")},
                                                                           {QStringLiteral("media_type"), QStringLiteral("image/png")},
                                                                           {QStringLiteral("data"), QStringLiteral("iVBORw0KGgo=")}}}}}}};
        QTest::newRow("plain") << QJsonObject() << QStringLiteral("big-model");
        QTest::newRow("background") << QJsonObject{{QStringLiteral("model"), QStringLiteral("claude-haiku-4-5")}}
                                    << QStringLiteral("small-model");
        QTest::newRow("thinking budget")
            << QJsonObject{{QStringLiteral("thinking"), QJsonObject{{QStringLiteral("type"), QStringLiteral("enabled")},
                                                                  {QStringLiteral("budget_tokens"), 8000}}}}
            << QStringLiteral("think-model");
        QTest::newRow("adaptive medium is ordinary")
            << QJsonObject{{QStringLiteral("thinking"), QJsonObject{{QStringLiteral("type"), QStringLiteral("adaptive")}}},
                           {QStringLiteral("output_config"), QJsonObject{{QStringLiteral("effort"), QStringLiteral("medium")}}}}
            << QStringLiteral("big-model");
        QTest::newRow("images") << QJsonObject{{QStringLiteral("messages"), QJsonArray{imageMessage}}} << QStringLiteral("vision-model");
        QTest::newRow("long context")
            << QJsonObject{{QStringLiteral("messages"),
                            QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                   {QStringLiteral("content"), QString(4000, QLatin1Char('x'))}}}}}
            << QStringLiteral("long-model");
    }

    void scenariosPickTheirRoutes()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QString, upstreamModel);
        startProxy([](ProxyConfig &config) {
            config.longContextTokens = 500;
            const QString provider = QStringLiteral("scripted");
            auto scenario = [&](const char *when, const char *model) {
                ModelRoute route{QStringLiteral("*"), provider, QString::fromLatin1(model), 0};
                route.when = QString::fromLatin1(when);
                return route;
            };
            config.routes = {scenario("thinking", "think-model"), scenario("images", "vision-model"),
                             scenario("longContext", "long-model"), scenario("background", "small-model"),
                             ModelRoute{.match = QStringLiteral("*"), .provider = provider, .model = QStringLiteral("big-model")}};
        });
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        QJsonObject request = messagesRequest(false);
        for (auto it = changes.begin(); it != changes.end(); ++it)
            request.insert(it.key(), it.value());
        QCOMPARE(postMessages(request)->status, 200);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), upstreamModel);
    }

    void anthropicPassthroughKeepsEverything()
    {
        startProxy([this](ProxyConfig &config) {
            config.providers.first().format = UpstreamApi::Anthropic;
            config.providers.first().baseUrl = m_upstream->rootUrl();
            config.providers.first().maxOutputTokens = 0;
        });
        m_upstream->enqueue(ScriptedReply::recordedStream(QStringLiteral("anthropic-claude-sonnet-4-5-thinking.stream.sse")));
        const QJsonObject captured = TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json"));
        const auto response = call("POST", QStringLiteral("/v1/messages?beta=true"), QJsonDocument(captured).toJson(),
                                   {{"anthropic-beta", "interleaved-thinking-2025-05-14"}, {"anthropic-version", "2023-06-01"}});
        QCOMPARE(response->status, 200);

        // The upstream got the request as sent, with its model, its key and the client's betas.
        const HttpRequest &upstreamRequest = m_upstream->requests().constFirst();
        QCOMPARE(upstreamRequest.path(), QByteArray("/v1/messages"));
        QCOMPARE(upstreamRequest.header("x-api-key"), providerKey);
        QCOMPARE(upstreamRequest.header("anthropic-beta"), QByteArray("interleaved-thinking-2025-05-14"));
        QCOMPARE(upstreamRequest.header("anthropic-version"), QByteArray("2023-06-01"));
        QJsonObject expected = captured;
        expected[QStringLiteral("model")] = QStringLiteral("big-model");
        QCOMPARE(m_upstream->lastRequestJson(), expected);

        // The client got the upstream's events as they were, signature included.
        const QList<QJsonObject> events = response->events();
        const QList<SseEvent> recorded = TestData::providerStreamEvents(QStringLiteral("anthropic-claude-sonnet-4-5-thinking.stream.sse"));
        QCOMPARE(events.size(), recorded.size());
        for (qsizetype i = 1; i < events.size(); ++i)
            QCOMPARE(events.at(i), QJsonDocument::fromJson(recorded.at(i).data).object());
        QCOMPARE(events.first().value(QLatin1StringView("message")).toObject().value(QLatin1StringView("model")).toString(),
                 captured.value(QLatin1StringView("model")).toString());
        QVERIFY(response->body.contains("signature_delta"));
        QTRY_VERIFY(lastRecord().finished);
        QVERIFY(lastRecord().usage.reported);
    }

    void wholeRequestTimesOut()
    {
        startProxy([](ProxyConfig &config) { config.requestTimeoutMs = 100; });
        m_upstream->enqueue(silence());
        const auto response = postMessages(messagesRequest(false));
        QCOMPARE(response->status, 504);
        QCOMPARE(response->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("timeout_error"));
    }

    void longToolNamesComeBackAsTheClientNamedThem()
    {
        startProxy([](ProxyConfig &config) { config.providers.first().rules.maxToolNameLength = 24; });
        const QString longName = QStringLiteral("mcp__my.server__fetch_the_weather_report");
        const QJsonArray tools{QJsonObject{{QStringLiteral("name"), longName},
                                           {QStringLiteral("input_schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}};
        const QString sentName = ToolNameMap::forTools(tools, 24).toUpstream(longName);
        QVERIFY(sentName.size() <= 24 && sentName != longName);
        const QJsonObject call{{QStringLiteral("id"), QStringLiteral("call_1")},
                               {QStringLiteral("type"), QStringLiteral("function")},
                               {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), sentName},
                                                                        {QStringLiteral("arguments"), QStringLiteral("{}")}}}};
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("tool_calls"), QJsonArray{call}}}, QStringLiteral("tool_calls"))));
        QJsonObject request = messagesRequest(false);
        request[QStringLiteral("tools")] = tools;
        const auto response = postMessages(request);
        QCOMPARE(response->status, 200);
        QCOMPARE(m_upstream->lastRequestJson()
                     .value(QLatin1StringView("tools")).toArray().first().toObject()
                     .value(QLatin1StringView("function")).toObject().value(QLatin1StringView("name")).toString(),
                 sentName);
        const QJsonObject toolUse = response->json().value(QLatin1StringView("content")).toArray().first().toObject();
        QCOMPARE(toolUse.value(QLatin1StringView("name")).toString(), longName);
    }

    void toolCallsWrittenAsTextBecomeToolUse()
    {
        startProxy([](ProxyConfig &config) { config.providers.first().rules.textToolCalls = true; });
        m_upstream->enqueue(ScriptedReply::eventStream(
            {R"({"choices":[{"index":0,"delta":{"content":"Let me check.<tool"}}]})",
             "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"_call>{\\\"name\\\": \\\"Read\\\", "
             "\\\"arguments\\\": {\\\"file_path\\\": \\\"/tmp/a\\\"}}</tool_call>\"}}]}",
             R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})", "[DONE]"}));
        const auto response = postMessages(messagesRequest(true));
        QCOMPARE(response->status, 200);
        QVERIFY(!response->body.contains("tool_call>"));
        QCOMPARE(concatenatedDeltas(response->events(), QLatin1StringView("text")), QStringLiteral("Let me check."));
        QJsonObject toolUse;
        for (const QJsonObject &event : response->events()) {
            if (event.value(QLatin1StringView("content_block")).toObject().value(QLatin1StringView("type")).toString() == QLatin1StringView("tool_use"))
                toolUse = event.value(QLatin1StringView("content_block")).toObject();
        }
        QCOMPARE(toolUse.value(QLatin1StringView("name")).toString(), QStringLiteral("Read"));
        QCOMPARE(concatenatedDeltas(response->events(), QLatin1StringView("partial_json")), QStringLiteral("{\"file_path\":\"/tmp/a\"}"));
    }

    void modelNamesAreCheckedAgainstTheProvidersList()
    {
        startProxy([](ProxyConfig &config) {
            config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("DeepSeek-Chat")}};
        });
        m_upstream->setModels({QStringLiteral("deepseek-chat"), QStringLiteral("deepseek-reasoner")});
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        QCOMPARE(postMessages(messagesRequest(false))->status, 200);
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("deepseek-chat"));
        QVERIFY(lastRecord().notes.contains(QStringLiteral("model name corrected to deepseek-chat")));

        // An unknown name is refused with the list, without a wasted upstream request.
        QJsonObject request = messagesRequest(false);
        request[QStringLiteral("model")] = QStringLiteral("scripted,deepseek-coder");
        const auto refused = postMessages(request);
        QCOMPARE(refused->status, 404);
        QVERIFY(refused->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString()
                    .contains(QLatin1StringView("deepseek-chat, deepseek-reasoner")));
        QCOMPARE(m_upstream->requests().size(), 1);
        QCOMPARE(m_upstream->modelListRequests(), 1); // the list is fetched once and kept
    }

    // A model no preset knows, on a provider whose model list gives its window (OpenRouter's
    // context_length): an overflow that names no numbers (GLM's 1261) is still answered in
    // Claude Code's words, with that window as the maximum.
    void theProvidersListGivesTheWindowNoPresetKnows()
    {
        startProxy([](ProxyConfig &config) {
            config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("local-coder")}};
        });
        m_upstream->setModels({QStringLiteral("local-coder")});
        m_upstream->setContextLengths({{QStringLiteral("local-coder"), 32768}});
        m_upstream->enqueue(ScriptedReply::json(
            400, TestData::doubleQuoted("{'error':{'code':'1261','message':'Prompt exceeds max length'}}")));
        const auto refused = postMessages(messagesRequest(false));
        QCOMPARE(refused->status, 400);
        const QString message = refused->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^prompt is too long: \\d+ tokens > 32768 maximum$")).match(message).hasMatch(),
                 qPrintable(message));
    }

    void billingHeaderIsStrippedForOpenAiUpstreams()
    {
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("ok")}}, QStringLiteral("stop"))));
        const QJsonObject captured = TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json"));
        QCOMPARE(call("POST", QStringLiteral("/v1/messages"), QJsonDocument(captured).toJson())->status, 200);
        const QString system = m_upstream->lastRequestJson().value(QLatin1StringView("messages")).toArray().first().toObject()
                                   .value(QLatin1StringView("content")).toString();
        QVERIFY(!system.contains(QLatin1StringView("x-anthropic-billing-header")));
        QVERIFY(system.contains(QLatin1StringView("Claude")));
    }

    // Every preset, end to end: its rules shape the request (reasoning sent back, the thinking
    // switch, schema keywords), its recorded stream comes back as a well-formed Anthropic
    // stream, and its recorded error body becomes the right Anthropic error.
    void presetRoundTrip_data()
    {
        QTest::addColumn<QString>("presetId");
        QTest::addColumn<QString>("stream");
        QTest::addColumn<QString>("errorBody");
        QTest::addColumn<int>("errorStatus");
        const QMap<QString, QString> streams{
            {QStringLiteral("deepseek"), QStringLiteral("deepseek-reasoner-tools.stream.sse")},
            {QStringLiteral("glm"), QStringLiteral("glm-4.7-reasoning.stream.sse")},
            {QStringLiteral("zai"), QStringLiteral("glm-4.5-zai-parallel-tools.stream.sse")},
            {QStringLiteral("kimi"), QStringLiteral("kimi-k2-0905-openrouter-moonshot-parallel-tools.stream.sse")},
            {QStringLiteral("qwen"), QStringLiteral("qwen3-max-tools.stream.sse")},
            {QStringLiteral("chutes"), QStringLiteral("glm-4.6-hf-router-tools.stream.sse")},
            {QStringLiteral("openrouter"), QStringLiteral("openrouter-claude-sonnet-4.5-reasoning.stream.sse")},
            {QStringLiteral("openai"), QStringLiteral("openai-responses-gpt-5.1-codex-max-reasoning-tools.stream.sse")},
            {QStringLiteral("groq"), QStringLiteral("groq-llama-3.3-70b-tools-whole-args.stream.sse")},
            {QStringLiteral("gemini"), QStringLiteral("openai-gpt-4o-mini-tools-usage.stream.sse")},
            {QStringLiteral("ollama"), QStringLiteral("llamacpp-gpt-oss-20b-tools.stream.sse")},
            {QStringLiteral("lmstudio"), QStringLiteral("xai-grok-3-mini-tools-whole-args.stream.sse")},
            {QStringLiteral("vllm"), QStringLiteral("vllm-llama-3.1-8b-tools-continuous-usage.stream.sse")},
            {QStringLiteral("anthropic"), QStringLiteral("anthropic-claude-haiku-4-5-tool-use.stream.sse")},
        };
        const QMap<QString, QPair<QString, int>> errors{
            {QStringLiteral("deepseek"), {QStringLiteral("deepseek-401.json"), 401}},
            {QStringLiteral("zai"), {QStringLiteral("glm-zai-429-concurrency.json"), 429}},
            {QStringLiteral("openrouter"), {QStringLiteral("openrouter-429-upstream-rate-limited.json"), 429}},
            {QStringLiteral("openai"), {QStringLiteral("openai-429-insufficient-quota.json"), 429}},
            {QStringLiteral("anthropic"), {QStringLiteral("anthropic-400-prompt-too-long.json"), 400}},
        };
        for (const ProviderPreset &preset : ProviderPresets::all()) {
            const bool anthropic = preset.format == UpstreamApi::Anthropic;
            const QString stream = streams.value(preset.id, anthropic ? QStringLiteral("anthropic-claude-sonnet-4-5-text.stream.sse")
                                                                      : QStringLiteral("deepseek-chat-length.stream.sse"));
            const auto error = errors.value(preset.id, {QStringLiteral("openai-400-context-length.json"), 400});
            QTest::newRow(qPrintable(preset.id)) << preset.id << stream << error.first << error.second;
        }
    }

    void presetRoundTrip()
    {
        QFETCH(QString, presetId);
        QFETCH(QString, stream);
        QFETCH(QString, errorBody);
        QFETCH(int, errorStatus);
        const ProviderPreset &preset = *ProviderPresets::find(presetId);
        const bool anthropic = preset.format == UpstreamApi::Anthropic;
        startProxy([&](ProxyConfig &config) {
            ProviderConfig provider = ProviderPresets::providerFrom(preset);
            provider.baseUrl = anthropic ? m_upstream->rootUrl() : m_upstream->baseUrl();
            provider.apiKey = QString::fromLatin1(providerKey);
            config.providers = {provider};
            config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = preset.id, .model = QStringLiteral("preset-model")}};
        });

        // Claude Code's real second turn, with the first turn's thinking kept and a budget asked for.
        QJsonObject request = TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn2.json"));
        request[QStringLiteral("thinking")] = QJsonObject{{QStringLiteral("type"), QStringLiteral("enabled")},
                                                          {QStringLiteral("budget_tokens"), 8000}};
        request.remove(QStringLiteral("output_config"));
        QJsonArray messages = request.value(QLatin1StringView("messages")).toArray();
        QJsonObject assistant = messages.at(2).toObject();
        QJsonArray content = assistant.value(QLatin1StringView("content")).toArray();
        content.prepend(QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking")},
                                    {QStringLiteral("thinking"), QStringLiteral("I should write the file.")},
                                    {QStringLiteral("signature"), QStringLiteral("sig-123")}});
        assistant[QStringLiteral("content")] = content;
        messages[2] = assistant;
        request[QStringLiteral("messages")] = messages;

        m_upstream->enqueue(ScriptedReply::recordedStream(stream));
        const auto response = call("POST", QStringLiteral("/v1/messages?beta=true"), QJsonDocument(request).toJson());
        QCOMPARE(response->status, 200);
        const QStringList types = response->eventTypes();
        QCOMPARE(types.first(), QStringLiteral("message_start"));
        QVERIFY2(types.last() == QLatin1StringView("message_stop"), qPrintable(types.join(QLatin1Char(' '))));

        const QJsonObject sent = m_upstream->lastRequestJson();
        const QByteArray sentText = QJsonDocument(sent).toJson(QJsonDocument::Compact);
        const ProviderRules &rules = preset.rules;
        if (anthropic) {
            QCOMPARE(m_upstream->requests().constLast().path(), QByteArray("/v1/messages"));
            QVERIFY(sentText.contains("\"signature\":\"sig-123\"")); // nothing lost on the way
            QCOMPARE(sent.value(QLatin1StringView("thinking")), request.value(QLatin1StringView("thinking")));
        } else if (preset.format == UpstreamApi::OpenAiResponses) {
            QCOMPARE(m_upstream->requests().constLast().path(), QByteArray("/v1/responses"));
            QCOMPARE(sent.value(QLatin1StringView("reasoning")).toObject().value(QLatin1StringView("effort")).toString(),
                     QStringLiteral("medium"));
        } else {
            QCOMPARE(m_upstream->requests().constLast().path(), QByteArray("/v1/chat/completions"));
            QCOMPARE(sentText.contains("reasoning_content"),
                     rules.reasoningHistory == ProviderRules::ReasoningHistory::ReasoningContent);
            switch (rules.thinkingSwitch) {
            case ProviderRules::ThinkingSwitch::None:
                QVERIFY(!sent.contains(QLatin1StringView("thinking")) && !sent.contains(QLatin1StringView("reasoning_effort")));
                break;
            case ProviderRules::ThinkingSwitch::ReasoningEffort:
                QCOMPARE(sent.value(QLatin1StringView("reasoning_effort")).toString(), QStringLiteral("medium"));
                break;
            case ProviderRules::ThinkingSwitch::ThinkingType:
                QCOMPARE(sent.value(QLatin1StringView("thinking")).toObject().value(QLatin1StringView("type")).toString(),
                         QStringLiteral("enabled"));
                break;
            case ProviderRules::ThinkingSwitch::EnableThinking:
                QCOMPARE(sent.value(QLatin1StringView("enable_thinking")).toBool(), true);
                QCOMPARE(sent.value(QLatin1StringView("thinking_budget")).toInt(), 8000);
                break;
            case ProviderRules::ThinkingSwitch::OpenRouterReasoning:
                QCOMPARE(sent.value(QLatin1StringView("reasoning")).toObject().value(QLatin1StringView("max_tokens")).toInt(), 8000);
                break;
            }
            for (const QString &keyword : rules.unsupportedSchemaKeywords)
                QVERIFY2(!sentText.contains(QByteArray("\"" + keyword.toUtf8() + "\":")), qPrintable(keyword));
            QVERIFY(!sentText.contains("x-anthropic-billing-header"));
        }

        m_upstream->enqueue(ScriptedReply::json(errorStatus, TestData::read(QStringLiteral("provider-streams/") + errorBody)));
        const auto failed = call("POST", QStringLiteral("/v1/messages"), QJsonDocument(request).toJson());
        QCOMPARE(failed->status, errorStatus);
        QCOMPARE(failed->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 ApiError::typeForStatus(errorStatus));
    }

    void countTokensIsAskedOfUpstreamsThatCount()
    {
        startProxy([this](ProxyConfig &config) {
            config.providers.first().format = UpstreamApi::Anthropic;
            config.providers.first().baseUrl = m_upstream->rootUrl();
        });
        const QByteArray body = R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hello, world"}]})";
        m_upstream->enqueue(ScriptedReply::json(200, R"({"input_tokens":1234})"));
        const auto counted = call("POST", QStringLiteral("/v1/messages/count_tokens"), body);
        QCOMPARE(counted->json().value(QLatin1StringView("input_tokens")).toInt(), 1234);
        QCOMPARE(m_upstream->requests().constLast().path(), QByteArray("/v1/messages/count_tokens"));
        QCOMPARE(m_upstream->lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("big-model"));

        // An upstream without count_tokens: the estimate answers.
        m_upstream->enqueue(ScriptedReply::json(404, R"({"error":{"message":"not found"}})"));
        const auto estimated = call("POST", QStringLiteral("/v1/messages/count_tokens"), body);
        QCOMPARE(estimated->status, 200);
        const int estimate = estimated->json().value(QLatin1StringView("input_tokens")).toInt();
        QVERIFY(estimate > 0 && estimate < 50);
    }

    // A profile that passes the client's key does so for counting too: the provider's own key
    // must not pay for, or be seen with, the client's requests.
    // Whether a PDF reaches a Chat Completions provider as a file is the provider's rule; where
    // it does not, the provider gets the PDF's text, extracted once per PDF.
    void pdfDocumentsFollowTheProvidersFileRule_data()
    {
        QTest::addColumn<bool>("fileParts");
        QTest::newRow("reads files") << true;
        QTest::newRow("text only") << false;
    }

    void pdfDocumentsFollowTheProvidersFileRule()
    {
        QFETCH(bool, fileParts);
        startProxy([fileParts](ProxyConfig &config) { config.providers.first().rules.fileParts = fileParts; });
        const QString pdf = QString::fromLatin1(TestData::read(QStringLiteral("documents/report.pdf")).toBase64());
        QJsonObject request = messagesRequest(false);
        request[QStringLiteral("messages")] = pdfQuestion(pdf);
        for (int turn = 1; turn <= 2; ++turn) {
            m_upstream->enqueue(ScriptedReply::json(
                200, chatCompletion({{QStringLiteral("content"), QStringLiteral("A report.")}}, QStringLiteral("stop"))));
            QCOMPARE(postMessages(request)->status, 200);
            const QJsonObject sent = m_upstream->lastRequestJson();
            const QByteArray sentJson = TestData::compact(sent);
            QCOMPARE(sentJson.contains(QByteArray("data:application/pdf;base64," + pdf.toLatin1())), fileParts);
            QCOMPARE(TestData::valueAt(sent, "messages.0.content.0.type").toString(), fileParts ? QStringLiteral("file") : QString());
            QCOMPARE(sentJson.contains("Quarterly report: revenue grew 12 percent."), !fileParts);
            QCOMPARE(sentJson.contains("Costs fell to 4.2 million."), !fileParts);
            // The second turn sends the PDF again: its text is remembered, not extracted again.
            const QString extracted = turn == 1 ? QStringLiteral("1 now") : QStringLiteral("0 now (0 ms), 1 remembered");
            QCOMPARE(lastRecord().notes.join(QLatin1Char('\n')).contains(QStringLiteral("PDF text extracted for scripted: ") + extracted),
                     !fileParts);
        }
    }

    // A PDF whose text cannot be had is refused, before the provider is asked, with the reason.
    void unreadablePdfsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        const QByteArray report = TestData::read(QStringLiteral("documents/report.pdf"));
        QTest::newRow("not a PDF") << QByteArray("%PDF-1.4\nnothing else") << qEnvironmentVariable("PATH")
                                   << QStringLiteral("pdftotext could not read it");
        QTest::newRow("no pdftotext") << report << QStringLiteral("/nonexistent")
                                      << QStringLiteral("pdftotext (Poppler's poppler-utils) is not installed");
    }

    void unreadablePdfsAreRefused()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const QByteArray savedPath = qgetenv("PATH");
        const auto restore = qScopeGuard([&savedPath] { qputenv("PATH", savedPath); });
        qputenv("PATH", path.toLocal8Bit());
        startProxy();
        QJsonObject request = messagesRequest(false);
        request[QStringLiteral("messages")] = pdfQuestion(QString::fromLatin1(pdf.toBase64()));
        const auto response = postMessages(request);
        QCOMPARE(response->status, 400);
        const QString said = response->json()[QLatin1StringView("error")][QLatin1StringView("message")].toString();
        QVERIFY2(said.startsWith(QStringLiteral("scripted reads no PDF files, and the text of a PDF in the request could "
                                                "not be extracted: ") + reason),
                 qPrintable(said));
        QVERIFY(said.endsWith(QLatin1StringView("Install poppler-utils (pdftotext), or route the request to a provider that reads PDFs.")));
        QVERIFY(m_upstream->requests().isEmpty());
    }

    void countTokensPassesTheClientsKey()
    {
        startProxy([this](ProxyConfig &config) {
            config.providers.first().format = UpstreamApi::Anthropic;
            config.providers.first().baseUrl = m_upstream->rootUrl();
            config.profiles = {Profile{QStringLiteral("byok"),
                                       {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("scripted"), .model = QStringLiteral("m")}},
                                       QString(), QString(), true}};
        });
        const QByteArray body = TestData::doubleQuoted("{'model': 'claude-sonnet-4-5', 'messages': [{'role': 'user', 'content': 'Hello'}]}");
        QCOMPARE(call("POST", QStringLiteral("/p/byok/v1/messages/count_tokens"), body)->status, 401);
        QVERIFY(m_upstream->requests().isEmpty());

        m_upstream->enqueue(ScriptedReply::json(200, TestData::doubleQuoted("{'input_tokens': 9}")));
        const auto counted = call("POST", QStringLiteral("/p/byok/v1/messages/count_tokens"), body,
                                  {{"x-api-key", "sk-user-own-key-42"}});
        QCOMPARE(counted->status, 200);
        QCOMPARE(counted->json().value(QLatin1StringView("input_tokens")).toInt(), 9);
        const HttpRequest &sent = m_upstream->requests().constLast();
        QCOMPARE(sent.path(), QByteArray("/v1/messages/count_tokens"));
        QCOMPARE(sent.header("x-api-key"), QByteArray("sk-user-own-key-42"));
        QCOMPARE(sent.header("authorization"), QByteArray("Bearer sk-user-own-key-42"));
    }

    void corsFollowsTheConfiguredOrigins()
    {
        startProxy([](ProxyConfig &config) { config.corsOrigins = {QStringLiteral("http://localhost:5173")}; });
        const auto preflight = call("OPTIONS", QStringLiteral("/v1/messages"), {}, {{"origin", "http://localhost:5173"}});
        QCOMPARE(preflight->status, 204);
        QCOMPARE(preflight->reply->rawHeader("access-control-allow-origin"), QByteArray("http://localhost:5173"));
        QVERIFY(preflight->reply->rawHeader("access-control-allow-headers").contains("x-api-key"));

        m_upstream->enqueue(ScriptedReply::recordedStream(QStringLiteral("deepseek-chat-length.stream.sse")));
        const auto streamed = postMessages(messagesRequest(true), {{"origin", "http://localhost:5173"}});
        QCOMPARE(streamed->status, 200);
        QCOMPARE(streamed->reply->rawHeader("access-control-allow-origin"), QByteArray("http://localhost:5173"));

        // Another page is refused, its preflight too, with nothing it may read.
        const auto stranger = call("GET", QStringLiteral("/v1/models"), {}, {{"origin", "https://evil.example"}});
        QCOMPARE(stranger->status, 403);
        QCOMPARE(stranger->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("permission_error"));
        QVERIFY(!stranger->reply->hasRawHeader("access-control-allow-origin"));
        const auto strangerPreflight = call("OPTIONS", QStringLiteral("/v1/messages"), {}, {{"origin", "https://evil.example"}});
        QCOMPARE(strangerPreflight->status, 403);
        QVERIFY(!strangerPreflight->reply->hasRawHeader("access-control-allow-origin"));
        QVERIFY(!strangerPreflight->reply->hasRawHeader("access-control-allow-methods"));
        QCOMPARE(m_upstream->requests().size(), 1);
    }

    // What a web page in the user's browser can send without a preflight: a "simple" POST in
    // text/plain, addressed by DNS rebinding to its own name, or cross-site to 127.0.0.1. The
    // stored key must never be spent on it. Claude Code's own shape, on the same raw path,
    // goes through.
    void webPagesCannotSpendTheKey_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("DNS rebinding") << QByteArray("evil.example:%1") << QByteArray("http://evil.example")
                                       << QByteArray("text/plain;charset=UTF-8") << 403 << QStringLiteral("permission_error");
        QTest::newRow("rebinding with JSON") << QByteArray("evil.example:%1") << QByteArray() << QByteArray("application/json")
                                             << 403 << QStringLiteral("permission_error");
        QTest::newRow("cross-site to loopback") << QByteArray("127.0.0.1:%1") << QByteArray("http://evil.example")
                                                << QByteArray("text/plain;charset=UTF-8") << 403
                                                << QStringLiteral("permission_error");
        QTest::newRow("form post") << QByteArray("127.0.0.1:%1") << QByteArray()
                                   << QByteArray("application/x-www-form-urlencoded") << 415
                                   << QStringLiteral("invalid_request_error");
        QTest::newRow("Claude Code") << QByteArray("127.0.0.1:%1") << QByteArray() << QByteArray("application/json") << 200
                                     << QString();
        QTest::newRow("localhost") << QByteArray("localhost:%1") << QByteArray() << QByteArray("application/json") << 200
                                   << QString();
    }

    void webPagesCannotSpendTheKey()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, origin);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, type);
        startProxy();
        m_upstream->enqueue(ScriptedReply::json(
            200, chatCompletion({{QStringLiteral("content"), QStringLiteral("spent")}}, QStringLiteral("stop"))));
        const QByteArray body = QJsonDocument(messagesRequest(false)).toJson(QJsonDocument::Compact);
        QByteArray wire = "POST /v1/messages HTTP/1.1\r\nHost: "
                          + host.replace("%1", QByteArray::number(m_proxy->baseUrl().port())) + "\r\n";
        if (!origin.isEmpty())
            wire += "Origin: " + origin + "\r\n";
        wire += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

        const RawResponse response = rawCall(wire);
        QCOMPARE(response.status, status);
        if (status == 200) {
            QCOMPARE(m_upstream->requests().size(), 1);
            return;
        }
        const QJsonObject error = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(error.value(QLatin1StringView("type")).toString(), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(), type);
        QVERIFY(response.allowOrigin.isEmpty());
        QVERIFY(m_upstream->requests().isEmpty());
        // The refusal is in the request log, where the user sees who tried.
        QCOMPARE(lastRecord().status, status);
    }

    void reconfiguringLetsTheStreamInFlightFinish()
    {
        startProxy();
        const ScriptedReply reply = heldStream();
        m_upstream->enqueue(reply);
        std::unique_ptr<ClientResponse> streaming(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(true)).toJson()));
        QTRY_VERIFY(streaming->body.contains("\"text\":\"first\""));
        const int port = m_proxy->baseUrl().port();
        // Connected before the switch, asking after it: the listening socket never closes.
        QTcpSocket early;
        early.connectToHost(QHostAddress::LocalHost, quint16(port));
        QTRY_COMPARE(early.state(), QAbstractSocket::ConnectedState);

        ScriptedUpstream other;
        other.enqueue(ScriptedReply::json(200, chatCompletion({{QStringLiteral("role"), QStringLiteral("assistant")},
                                                               {QStringLiteral("content"), QStringLiteral("new")}},
                                                              QStringLiteral("stop"))));
        ProxyConfig config = m_proxy->config();
        config.providers.first().name = QStringLiteral("other");
        config.providers.first().baseUrl = other.baseUrl();
        config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("other"), .model = QStringLiteral("new-model")}};
        QVERIFY(m_proxy->reconfigure(config));
        QCOMPARE(m_proxy->baseUrl().port(), port);
        QCOMPARE(m_proxy->liveConfigurations(), 2);

        const QByteArray body = QJsonDocument(messagesRequest(false)).toJson(QJsonDocument::Compact);
        early.write("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        QTRY_VERIFY((answer += early.readAll(), early.state() == QAbstractSocket::UnconnectedState));
        answer += early.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QCOMPARE(other.lastRequestJson().value(QLatin1StringView("model")).toString(), QStringLiteral("new-model"));
        QCOMPARE(m_upstream->requests().size(), 1);

        // The old stream is still on the old configuration, and finishes whole.
        QVERIFY(!streaming->reply->isFinished());
        m_upstream->release();
        QTRY_VERIFY(streaming->reply->isFinished());
        streaming->body += streaming->reply->readAll();
        QCOMPARE(streaming->reply->error(), QNetworkReply::NoError);
        QCOMPARE(streaming->eventTypes().last(), QStringLiteral("message_stop"));
        QCOMPARE(concatenatedDeltas(streaming->events(), QLatin1StringView("text")), QStringLiteral("first second"));
        // Once its last request has ended, the old configuration goes.
        QTRY_COMPARE(m_proxy->liveConfigurations(), 1);

        // A new request takes the new routes.
        other.enqueue(ScriptedReply::json(200, chatCompletion({{QStringLiteral("role"), QStringLiteral("assistant")},
                                                               {QStringLiteral("content"), QStringLiteral("again")}},
                                                              QStringLiteral("stop"))));
        const auto after = postMessages(messagesRequest(false));
        QCOMPARE(after->status, 200);
        QCOMPARE(other.requests().size(), 2);
        QCOMPARE(lastRecord().provider, QStringLiteral("other"));
    }

    void movingToAnotherPortEndsRequestsInFlightWithErrors()
    {
        startProxy();
        const ScriptedReply reply = unfinishedStream("partial");
        m_upstream->enqueue(reply);
        m_upstream->enqueue(silence());
        std::unique_ptr<ClientResponse> streaming(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(true)).toJson()));
        QTRY_VERIFY(streaming->body.contains("\"text\":\"partial\""));
        std::unique_ptr<ClientResponse> waiting(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(false)).toJson()));
        QTRY_COMPARE(m_upstream->requests().size(), 2);
        const quint16 oldPort = quint16(m_proxy->baseUrl().port());

        const quint16 newPort = TestData::freeLoopbackPort();
        QVERIFY(newPort != 0);
        ProxyConfig config = m_proxy->config();
        config.port = newPort;
        QVERIFY(m_proxy->reconfigure(config));
        QCOMPARE(m_proxy->baseUrl().port(), int(newPort));

        // The stream that had begun ends with an error event, then the connection.
        QTRY_VERIFY(streaming->reply->isFinished());
        streaming->body += streaming->reply->readAll();
        const QStringList types = streaming->eventTypes();
        QCOMPARE(types.first(), QStringLiteral("message_start"));
        QCOMPARE(types.last(), QStringLiteral("error"));
        QVERIFY(!types.contains(QStringLiteral("message_stop")));
        const QJsonObject error = streaming->events().last().value(QLatin1StringView("error")).toObject();
        QCOMPARE(error.value(QLatin1StringView("type")).toString(), QStringLiteral("overloaded_error"));
        QVERIFY2(error.value(QLatin1StringView("message")).toString().contains(m_proxy->baseUrl().toString()),
                 qPrintable(error.value(QLatin1StringView("message")).toString()));
        // The one not answered yet gets an Anthropic error.
        QTRY_VERIFY(waiting->reply->isFinished());
        waiting->body += waiting->reply->readAll();
        QCOMPARE(waiting->status, 503);
        QCOMPARE(waiting->json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("overloaded_error"));
        // Their upstream calls were given up, and the log says how they ended.
        QTRY_COMPARE(m_upstream->clientsGone(), 2);
        QTRY_VERIFY(m_proxy->requestLog()->activeRequests() == 0);
        QTRY_COMPARE(m_proxy->liveConfigurations(), 1);

        // The new port serves; the old one is closed.
        m_upstream->enqueue(ScriptedReply::json(200, chatCompletion({{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                     {QStringLiteral("content"), QStringLiteral("here")}},
                                                                    QStringLiteral("stop"))));
        QCOMPARE(postMessages(messagesRequest(false))->status, 200);
        QTcpServer squatter;
        QVERIFY2(squatter.listen(QHostAddress::LocalHost, oldPort), "the old port was not freed");
    }

    void anAddressThatCannotBeBoundKeepsTheOldOne()
    {
        startProxy();
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const int port = m_proxy->baseUrl().port();
        ProxyConfig config = m_proxy->config();
        config.port = squatter.serverPort();
        config.routes.clear();
        QVERIFY(!m_proxy->reconfigure(config));
        QVERIFY(!m_proxy->errorString().isEmpty());
        QVERIFY(m_proxy->isRunning());
        QCOMPARE(m_proxy->baseUrl().port(), port);
        QCOMPARE(m_proxy->config().routes.size(), 2);
        m_upstream->enqueue(ScriptedReply::json(200, chatCompletion({{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                     {QStringLiteral("content"), QStringLiteral("still")}},
                                                                    QStringLiteral("stop"))));
        QCOMPARE(postMessages(messagesRequest(false))->status, 200);
    }

    void closingGracefullyEndsStreamsWithAnErrorEvent()
    {
        startProxy();
        const ScriptedReply reply = unfinishedStream("partial");
        m_upstream->enqueue(reply);
        std::unique_ptr<ClientResponse> streaming(
            send("POST", QStringLiteral("/v1/messages"), QJsonDocument(messagesRequest(true)).toJson()));
        QTRY_VERIFY(streaming->body.contains("\"text\":\"partial\""));
        QSignalSpy drained(m_proxy.get(), &ProxyEngine::drained);
        m_proxy->closeGracefully(QStringLiteral("CC Bridge is shutting down."));
        QVERIFY(!m_proxy->isRunning());
        QTRY_VERIFY(streaming->reply->isFinished());
        streaming->body += streaming->reply->readAll();
        QCOMPARE(streaming->eventTypes().last(), QStringLiteral("error"));
        QCOMPARE(streaming->events().last().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString(),
                 QStringLiteral("CC Bridge is shutting down."));
        QTRY_COMPARE(drained.size(), 1);
    }

    void stopAndRestartFreesAndRebindsThePort()
    {
        const quint16 freePort = TestData::freeLoopbackPort();
        QVERIFY(freePort != 0);
        startProxy([freePort](ProxyConfig &config) { config.port = freePort; });
        const int port = m_proxy->baseUrl().port();
        QCOMPARE(port, int(freePort));
        m_proxy->stop();
        QVERIFY(!m_proxy->isRunning());
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, quint16(port)));
        other.close();
        QVERIFY(m_proxy->start());
        QCOMPARE(m_proxy->baseUrl().port(), port);
    }
};

QTEST_GUILESS_MAIN(TestProxyEngine)
#include "tst_proxyengine.moc"
