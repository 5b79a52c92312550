// Anthropic's web search run by CC Bridge for a provider without one: a client → ProxyEngine →
// a scripted OpenAI-compatible upstream, with a scripted search backend answering as SearXNG,
// Brave or Tavily do, all on loopback.
#include "anthropicstream.h"
#include "jsonpost.h"
#include "monitor/requestlog.h"
#include "protocol/sseparser.h"
#include "proxy/proxyengine.h"
#include "scriptedupstream.h"
#include "testdata.h"
#include "websearch/websearchrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {
const QString query = QStringLiteral("qt 6.4 release date");

QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null,
                 const QJsonValue &usage = QJsonValue::Null)
{
    return TestData::compact(QJsonObject{
        {QStringLiteral("id"), QStringLiteral("cca85624-4056-401f-b220-d77601d1f70d")},
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        {QStringLiteral("model"), QStringLiteral("deepseek-chat")},
        {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                           {QStringLiteral("delta"), delta},
                                                           {QStringLiteral("finish_reason"), finishReason}}}},
        {QStringLiteral("usage"), usage}});
}

QJsonObject usage(int prompt, int completion)
{
    return {{QStringLiteral("prompt_tokens"), prompt},
            {QStringLiteral("completion_tokens"), completion},
            {QStringLiteral("total_tokens"), prompt + completion}};
}

QJsonObject toolCallDelta(int index, const QString &id, const QString &name, const QString &arguments)
{
    QJsonObject function{{QStringLiteral("arguments"), arguments}};
    QJsonObject call{{QStringLiteral("index"), index}, {QStringLiteral("function"), function}};
    if (!id.isEmpty()) {
        function.insert(QStringLiteral("name"), name);
        call.insert(QStringLiteral("function"), function);
        call.insert(QStringLiteral("id"), id);
        call.insert(QStringLiteral("type"), QStringLiteral("function"));
    }
    return {{QStringLiteral("tool_calls"), QJsonArray{call}}};
}

// A round in which the model says a few words and calls functions, as DeepSeek streams it:
// each call's id and name first, its arguments in pieces.
ScriptedReply callingStream(const QList<QPair<QString, QJsonObject>> &calls)
{
    QList<QByteArray> chunks{chunk({{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}}),
                             chunk({{QStringLiteral("content"), QStringLiteral("Let me look that up.")}})};
    for (qsizetype index = 0; index < calls.size(); ++index) {
        const QString arguments = QString::fromUtf8(TestData::compact(calls.at(index).second));
        const QString id = QStringLiteral("call_0%1_4Xk2s9a1").arg(index);
        chunks << chunk(toolCallDelta(int(index), id, calls.at(index).first, QString()))
               << chunk(toolCallDelta(int(index), {}, {}, arguments.left(10)))
               << chunk(toolCallDelta(int(index), {}, {}, arguments.mid(10)));
    }
    chunks << chunk({{QStringLiteral("content"), QString()}}, QStringLiteral("tool_calls"), usage(300, 20)) << "[DONE]";
    return ScriptedReply::eventStream(chunks);
}

ScriptedReply searchingStream(const QString &searched = query)
{
    return callingStream({{QStringLiteral("web_search"), QJsonObject{{QStringLiteral("query"), searched}}}});
}

ScriptedReply answerStream(const QString &text)
{
    return ScriptedReply::eventStream({chunk({{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), text}}),
                                       chunk({{QStringLiteral("content"), QString()}}, QStringLiteral("stop"), usage(500, 40)),
                                       "[DONE]"});
}


ScriptedReply searchingCompletion()
{
    const QJsonObject call{{QStringLiteral("id"), QStringLiteral("call_00_4Xk2s9a1")},
                           {QStringLiteral("type"), QStringLiteral("function")},
                           {QStringLiteral("function"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("web_search")},
                                        {QStringLiteral("arguments"),
                                         QString::fromUtf8(TestData::compact(QJsonObject{{QStringLiteral("query"), query}}))}}}};
    return ScriptedReply::chatCompletion({{QStringLiteral("content"), QJsonValue::Null}, {QStringLiteral("tool_calls"), QJsonArray{call}}},
                                         QStringLiteral("tool_calls"), 300, 20);
}

// What Claude Code's WebSearch tool sends: a request of its own with only the server tool.
QJsonObject claudeCodeSearchRequest(bool stream, int maxUses = 8)
{
    return TestData::messagesRequest(
        {{QStringLiteral("stream"), stream},
         {QStringLiteral("system"), QStringLiteral("You are an assistant for performing a web search tool use")},
         {QStringLiteral("messages"),
          QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                 {QStringLiteral("content"), QString(QStringLiteral("Perform a web search for the query: ") + query)}}}},
         {QStringLiteral("tools"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("web_search_20250305")},
                                                          {QStringLiteral("name"), QStringLiteral("web_search")},
                                                          {QStringLiteral("max_uses"), maxUses}}}}});
}

QList<QJsonObject> eventsOf(const QByteArray &body)
{
    SseParser parser;
    QList<QJsonObject> events;
    for (const SseEvent &event : parser.feed(body)) {
        if (event.event != "ping")
            events << QJsonDocument::fromJson(event.data).object();
    }
    return events;
}

// The blocks a client assembles from a stream, each with its input or text joined.
QJsonArray blocksOf(const QList<QJsonObject> &events)
{
    QJsonArray blocks;
    QString json;
    for (const QJsonObject &event : events) {
        const QString type = AnthropicStream::typeOf(event);
        if (type == QLatin1StringView("content_block_start")) {
            blocks.append(event.value(QLatin1StringView("content_block")));
            json.clear();
        } else if (type == QLatin1StringView("content_block_delta")) {
            QJsonObject block = blocks.last().toObject();
            const QJsonObject delta = event.value(QLatin1StringView("delta")).toObject();
            if (AnthropicStream::typeOf(delta) == QLatin1StringView("text_delta"))
                block[QStringLiteral("text")] = QString(block.value(QLatin1StringView("text")).toString()
                                                        + delta.value(QLatin1StringView("text")).toString());
            json += delta.value(QLatin1StringView("partial_json")).toString();
            if (!json.isEmpty())
                block[QStringLiteral("input")] = QJsonDocument::fromJson(json.toUtf8()).object();
            blocks[blocks.size() - 1] = block;
        }
    }
    return blocks;
}

QStringList typesOf(const QJsonArray &blocks)
{
    QStringList types;
    for (const QJsonValue &block : blocks)
        types << AnthropicStream::typeOf(block.toObject());
    return types;
}

QJsonObject lastOfType(const QList<QJsonObject> &events, const char *type)
{
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (AnthropicStream::typeOf(*it) == QLatin1StringView(type))
            return *it;
    }
    return {};
}

QJsonArray messagesOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(QLatin1StringView("messages")).toArray();
}
}

class TestWebSearch : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScriptedUpstream> m_upstream;
    std::unique_ptr<ScriptedUpstream> m_backend;
    std::unique_ptr<ProxyEngine> m_proxy;
    QNetworkAccessManager m_client;

    void startProxy(SearchBackendKind kind, const QString &path = {}, const std::function<void(ProxyConfig &)> &adjust = {})
    {
        m_upstream = std::make_unique<ScriptedUpstream>();
        m_backend = std::make_unique<ScriptedUpstream>();
        ProxyConfig config;
        config.port = 0;
        ProviderConfig provider;
        provider.name = QStringLiteral("deepseek");
        provider.baseUrl = m_upstream->baseUrl();
        provider.apiKey = QStringLiteral("sk-test-provider-key-0123456789");
        config.providers = {provider};
        config.retry.maxAttempts = 1;
        config.routes = {ModelRoute{.match = QStringLiteral("*"), .provider = QStringLiteral("deepseek"), .model = QStringLiteral("deepseek-chat")}};
        config.webSearch.backend.kind = kind;
        config.webSearch.backend.url = m_backend->rootUrl().resolved(QUrl(path));
        config.webSearch.backend.apiKey = QStringLiteral("search-test-key-42"); // SearXNG is sent none
        if (adjust)
            adjust(config);
        m_proxy = std::make_unique<ProxyEngine>(config);
        QVERIFY(m_proxy->start());
    }

    QByteArray post(const QJsonObject &request, int *status = nullptr)
    {
        const JsonPost::Answer answered = JsonPost::send(m_client, m_proxy->baseUrl().resolved(QUrl(QStringLiteral("/v1/messages"))), request);
        if (status)
            *status = answered.status;
        return answered.body;
    }

    const RequestRecord &lastRecord() const { return m_proxy->requestLog()->records().back(); }

private Q_SLOTS:
    void cleanup()
    {
        m_proxy.reset();
        m_upstream.reset();
        m_backend.reset();
    }

    void streamedSearchOnSearxng()
    {
        startProxy(SearchBackendKind::SearXng);
        m_upstream->enqueue(searchingStream());
        m_upstream->enqueue(answerStream(QStringLiteral("Qt 6.4 came out on 29 September 2022.")));
        m_backend->enqueue(ScriptedReply::json(200, TestData::read(QStringLiteral("search-backends/searxng.json"))));

        int status = 0;
        const QList<QJsonObject> events = eventsOf(post(claudeCodeSearchRequest(true), &status));
        QCOMPARE(status, 200);
        QCOMPARE(AnthropicStream::grammarProblem(events), QString());
        const QJsonArray blocks = blocksOf(events);
        QCOMPARE(typesOf(blocks), (QStringList{QStringLiteral("text"), QStringLiteral("server_tool_use"),
                                              QStringLiteral("web_search_tool_result"), QStringLiteral("text")}));
        QCOMPARE(blocks.at(0)[QLatin1StringView("text")].toString(), QStringLiteral("Let me look that up."));

        // Claude Code shows "Searching: …" from the query's delta, and counts result blocks.
        const QJsonObject call = blocks.at(1).toObject();
        QVERIFY(call.value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("srvtoolu_")));
        QCOMPARE(call.value(QLatin1StringView("name")).toString(), QStringLiteral("web_search"));
        QCOMPARE(call.value(QLatin1StringView("input")).toObject(), (QJsonObject{{QStringLiteral("query"), query}}));
        const QJsonObject result = blocks.at(2).toObject();
        QCOMPARE(result.value(QLatin1StringView("tool_use_id")), call.value(QLatin1StringView("id")));
        const QJsonArray results = result.value(QLatin1StringView("content")).toArray();
        QCOMPARE(results.size(), 3);
        const QJsonObject first = results.at(0).toObject();
        QCOMPARE(first.value(QLatin1StringView("type")).toString(), QStringLiteral("web_search_result"));
        QCOMPARE(first.value(QLatin1StringView("url")).toString(), QStringLiteral("https://www.qt.io/blog/qt-6.4-released"));
        QCOMPARE(first.value(QLatin1StringView("title")).toString(), QStringLiteral("Qt 6.4 Released"));
        QCOMPARE(first.value(QLatin1StringView("page_age")).toString(), QStringLiteral("2022-09-29T00:00:00"));
        QVERIFY(!first.value(QLatin1StringView("encrypted_content")).toString().isEmpty());
        QVERIFY(results.at(1)[QLatin1StringView("page_age")].isNull());
        QCOMPARE(blocks.at(3)[QLatin1StringView("text")].toString(), QStringLiteral("Qt 6.4 came out on 29 September 2022."));

        const QJsonObject delta = lastOfType(events, "message_delta");
        QCOMPARE(delta[QLatin1StringView("delta")][QLatin1StringView("stop_reason")].toString(), QStringLiteral("end_turn"));
        const QJsonObject counts = delta.value(QLatin1StringView("usage")).toObject();
        QCOMPARE(counts[QLatin1StringView("server_tool_use")][QLatin1StringView("web_search_requests")].toInt(), 1);
        QCOMPARE(counts[QLatin1StringView("input_tokens")].toInt(), 800);
        QCOMPARE(counts[QLatin1StringView("output_tokens")].toInt(), 60);

        // The backend was asked in SearXNG's JSON API.
        QCOMPARE(m_backend->requests().size(), 1);
        const HttpRequest &search = m_backend->requests().at(0);
        QCOMPARE(search.method, QByteArray("GET"));
        QCOMPARE(search.path(), QByteArray("/search"));
        const QUrlQuery parameters(QUrl::fromEncoded(search.target).query());
        QCOMPARE(parameters.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded), query);
        QCOMPARE(parameters.queryItemValue(QStringLiteral("format")), QStringLiteral("json"));

        // The model was offered a function, and read the results in the next round.
        QCOMPARE(m_upstream->requests().size(), 2);
        const QByteArray firstRound = m_upstream->requests().at(0).body;
        QVERIFY(!firstRound.contains("web_search_2025"));
        const QJsonArray tools = QJsonDocument::fromJson(firstRound).object().value(QLatin1StringView("tools")).toArray();
        QCOMPARE(tools.size(), 1);
        QCOMPARE(tools.at(0)[QLatin1StringView("function")][QLatin1StringView("name")].toString(), QStringLiteral("web_search"));
        const QJsonArray messages = messagesOf(m_upstream->requests().at(1));
        QCOMPARE(messages.size(), 4); // system, user, the assistant's call, its result
        const QJsonObject assistant = messages.at(2).toObject();
        QCOMPARE(assistant[QLatin1StringView("content")].toString(), QStringLiteral("Let me look that up."));
        const QJsonObject calledFunction = assistant[QLatin1StringView("tool_calls")][0][QLatin1StringView("function")].toObject();
        QCOMPARE(calledFunction[QLatin1StringView("name")].toString(), QStringLiteral("web_search"));
        const QJsonObject tool = messages.at(3).toObject();
        QCOMPARE(tool[QLatin1StringView("role")].toString(), QStringLiteral("tool"));
        QCOMPARE(tool[QLatin1StringView("tool_call_id")], assistant[QLatin1StringView("tool_calls")][0][QLatin1StringView("id")]);
        const QString read = tool[QLatin1StringView("content")].toString();
        QVERIFY2(read.contains(QLatin1StringView("Qt 6.4.0 was released on 29th September 2022.")), qPrintable(read));
        QVERIFY(read.contains(QLatin1StringView("https://wiki.qt.io/Qt_6.4_Release")));

        // The request log shows the query and the backend's latency.
        const QString notes = lastRecord().notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QRegularExpression(QStringLiteral("web search \"%1\" on searxng in \\d+ ms: 3 found").arg(query))), qPrintable(notes));
        QCOMPARE(lastRecord().usage.output, 60);
    }

    void wholeAnswerOnBrave()
    {
        startProxy(SearchBackendKind::Brave, QStringLiteral("/res/v1/web/search"));
        m_upstream->enqueue(searchingCompletion());
        m_upstream->enqueue(ScriptedReply::chatCompletion({{QStringLiteral("content"), QStringLiteral("On 29 September 2022.")}},
                                                          QStringLiteral("stop"), 500, 40));
        m_backend->enqueue(ScriptedReply::json(200, TestData::read(QStringLiteral("search-backends/brave.json"))));

        int status = 0;
        const QJsonObject message = QJsonDocument::fromJson(post(claudeCodeSearchRequest(false), &status)).object();
        QCOMPARE(status, 200);
        const QJsonArray content = message.value(QLatin1StringView("content")).toArray();
        QCOMPARE(typesOf(content), (QStringList{QStringLiteral("server_tool_use"), QStringLiteral("web_search_tool_result"),
                                               QStringLiteral("text")}));
        QCOMPARE(content.at(0)[QLatin1StringView("input")][QLatin1StringView("query")].toString(), query);
        const QJsonArray results = content.at(1)[QLatin1StringView("content")].toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0)[QLatin1StringView("page_age")].toString(), QStringLiteral("2022-09-29T10:00:00"));
        QCOMPARE(message[QLatin1StringView("stop_reason")].toString(), QStringLiteral("end_turn"));
        QCOMPARE(message[QLatin1StringView("usage")][QLatin1StringView("server_tool_use")][QLatin1StringView("web_search_requests")].toInt(), 1);
        QCOMPARE(message[QLatin1StringView("usage")][QLatin1StringView("input_tokens")].toInt(), 800);

        const HttpRequest &search = m_backend->requests().at(0);
        QCOMPARE(search.header("x-subscription-token"), QByteArray("search-test-key-42"));
        QCOMPARE(search.path(), QByteArray("/res/v1/web/search"));
        QCOMPARE(QUrlQuery(QUrl::fromEncoded(search.target).query()).queryItemValue(QStringLiteral("count")), QStringLiteral("5"));
        // Brave's highlighting is gone from what the model reads.
        const QString read = messagesOf(m_upstream->requests().at(1)).at(3)[QLatin1StringView("content")].toString();
        QVERIFY2(read.contains(QLatin1StringView("release of Qt 6.4. Qt 6.4 comes with new modules & lots")), qPrintable(read));
        QVERIFY(!read.contains(QLatin1StringView("<strong>")));
    }

    void streamedSearchOnTavily()
    {
        startProxy(SearchBackendKind::Tavily, QStringLiteral("/search"));
        m_upstream->enqueue(searchingStream());
        m_upstream->enqueue(answerStream(QStringLiteral("On 29 September 2022.")));
        m_backend->enqueue(ScriptedReply::json(200, TestData::read(QStringLiteral("search-backends/tavily.json"))));

        const QList<QJsonObject> events = eventsOf(post(claudeCodeSearchRequest(true)));
        QCOMPARE(AnthropicStream::grammarProblem(events), QString());
        const QJsonArray blocks = blocksOf(events);
        const QJsonArray results = blocks.at(2)[QLatin1StringView("content")].toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0)[QLatin1StringView("page_age")].toString(), QStringLiteral("Thu, 29 Sep 2022 10:00:00 GMT"));

        const HttpRequest &search = m_backend->requests().at(0);
        QCOMPARE(search.method, QByteArray("POST"));
        QCOMPARE(search.header("authorization"), QByteArray("Bearer search-test-key-42"));
        const QJsonObject asked = QJsonDocument::fromJson(search.body).object();
        QCOMPARE(asked[QLatin1StringView("query")].toString(), query);
        QCOMPARE(asked[QLatin1StringView("max_results")].toInt(), 5);
        // The key never reaches the log.
        QVERIFY(!lastRecord().notes.join(QLatin1Char(' ')).contains(QLatin1StringView("search-test-key-42")));
    }

    void aFailedSearchIsAToolErrorForTheModel()
    {
        startProxy(SearchBackendKind::SearXng);
        m_upstream->enqueue(searchingStream());
        m_upstream->enqueue(answerStream(QStringLiteral("The search failed, but from memory: September 2022.")));
        m_backend->enqueue(ScriptedReply::json(502, R"({"error":"all engines are down for search-test-key-42"})"));

        const QList<QJsonObject> events = eventsOf(post(claudeCodeSearchRequest(true)));
        QCOMPARE(AnthropicStream::grammarProblem(events), QString());
        const QJsonArray blocks = blocksOf(events);
        QCOMPARE(blocks.at(2)[QLatin1StringView("content")].toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("web_search_tool_result_error")},
                              {QStringLiteral("error_code"), QStringLiteral("unavailable")}}));
        QCOMPARE(AnthropicStream::typeOf(blocks.at(3).toObject()), QStringLiteral("text"));
        QCOMPARE(lastOfType(events, "message_delta")[QLatin1StringView("usage")][QLatin1StringView("server_tool_use")]
                     [QLatin1StringView("web_search_requests")].toInt(), 0);
        const QString read = messagesOf(m_upstream->requests().at(1)).at(3)[QLatin1StringView("content")].toString();
        QVERIFY2(read.contains(QLatin1StringView("failed")) && read.contains(QLatin1StringView("all engines are down")), qPrintable(read));
        QVERIFY(lastRecord().notes.join(QLatin1Char('\n')).contains(QLatin1StringView("failed on searxng")));
        // A key the backend echoed reaches neither the model nor the log.
        QVERIFY(!m_upstream->requests().at(1).body.contains("search-test-key-42"));
        QVERIFY(!lastRecord().notes.join(QLatin1Char('\n')).contains(QLatin1StringView("search-test-key-42")));
        QCOMPARE(lastRecord().status, 200);
    }

    void maxUsesBoundsTheSearches()
    {
        startProxy(SearchBackendKind::SearXng);
        m_upstream->enqueue(searchingStream());
        m_upstream->enqueue(searchingStream(QStringLiteral("qt 6.4 changelog")));
        m_upstream->enqueue(answerStream(QStringLiteral("September 2022.")));
        m_backend->enqueue(ScriptedReply::json(200, TestData::read(QStringLiteral("search-backends/searxng.json"))));

        const QList<QJsonObject> events = eventsOf(post(claudeCodeSearchRequest(true, 1)));
        QCOMPARE(AnthropicStream::grammarProblem(events), QString());
        const QJsonArray blocks = blocksOf(events);
        QCOMPARE(typesOf(blocks), (QStringList{QStringLiteral("text"), QStringLiteral("server_tool_use"),
                                              QStringLiteral("web_search_tool_result"), QStringLiteral("text"),
                                              QStringLiteral("server_tool_use"), QStringLiteral("web_search_tool_result"),
                                              QStringLiteral("text")}));
        QCOMPARE(blocks.at(5)[QLatin1StringView("content")][QLatin1StringView("error_code")].toString(),
                 QStringLiteral("max_uses_exceeded"));
        QCOMPARE(m_backend->requests().size(), 1);
        // Once the searches are used up the model is not offered the function again; a call it
        // makes anyway is answered with Anthropic's error.
        QCOMPARE(m_upstream->requests().size(), 3);
        const auto offered = [this](int round) {
            return QJsonDocument::fromJson(m_upstream->requests().at(round).body).object().contains(QLatin1StringView("tools"));
        };
        QVERIFY(offered(0));
        QVERIFY(!offered(1));
        QVERIFY(!offered(2));
    }

    void theClientsOwnToolsEndTheTurn()
    {
        startProxy(SearchBackendKind::SearXng);
        m_upstream->enqueue(callingStream({{QStringLiteral("web_search"), QJsonObject{{QStringLiteral("query"), query}}},
                                           {QStringLiteral("Bash"), QJsonObject{{QStringLiteral("command"), QStringLiteral("qmake --version")}}}}));
        m_backend->enqueue(ScriptedReply::json(200, TestData::read(QStringLiteral("search-backends/searxng.json"))));
        QJsonObject request = claudeCodeSearchRequest(true);
        QJsonArray tools = request.value(QLatin1StringView("tools")).toArray();
        tools.append(TestData::singleQuotedObject("{'name':'Bash','input_schema':{'type':'object','properties':{'command':{'type':'string'}}}}"));
        request.insert(QStringLiteral("tools"), tools);

        const QList<QJsonObject> events = eventsOf(post(request));
        QCOMPARE(AnthropicStream::grammarProblem(events), QString());
        QCOMPARE(typesOf(blocksOf(events)), (QStringList{QStringLiteral("text"), QStringLiteral("server_tool_use"),
                                                        QStringLiteral("tool_use"), QStringLiteral("web_search_tool_result")}));
        QCOMPARE(lastOfType(events, "message_delta")[QLatin1StringView("delta")][QLatin1StringView("stop_reason")].toString(),
                 QStringLiteral("tool_use"));
        QCOMPARE(m_upstream->requests().size(), 1);
    }

    void searchesInTheConversationGoBackAsCalls()
    {
        startProxy(SearchBackendKind::SearXng);
        m_upstream->enqueue(answerStream(QStringLiteral("You are welcome.")));
        const SearchResult ours{QStringLiteral("Qt 6.4 Released"), QStringLiteral("https://www.qt.io/blog/qt-6.4-released"),
                                QStringLiteral("We are happy to announce the release of Qt 6.4."), QString()};
        // One result of ours (its extract travels in encrypted_content) and one of Anthropic's.
        const QJsonObject anthropics{{QStringLiteral("type"), QStringLiteral("web_search_result")},
                                     {QStringLiteral("url"), QStringLiteral("https://wiki.qt.io/Qt_6.4_Release")},
                                     {QStringLiteral("title"), QStringLiteral("Qt 6.4 Release - Qt Wiki")},
                                     {QStringLiteral("encrypted_content"), QStringLiteral("EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5")},
                                     {QStringLiteral("page_age"), QJsonValue::Null}};
        QJsonObject request = claudeCodeSearchRequest(true);
        request.insert(QStringLiteral("messages"), QJsonArray{
            QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), QStringLiteral("When did Qt 6.4 come out?")}},
            QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                        {QStringLiteral("content"), QJsonArray{
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("server_tool_use")},
                                         {QStringLiteral("id"), QStringLiteral("srvtoolu_01ABC")},
                                         {QStringLiteral("name"), QStringLiteral("web_search")},
                                         {QStringLiteral("input"), QJsonObject{{QStringLiteral("query"), query}}}},
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("web_search_tool_result")},
                                         {QStringLiteral("tool_use_id"), QStringLiteral("srvtoolu_01ABC")},
                                         {QStringLiteral("content"), QJsonArray{WebSearchRequest::resultBlock(ours), anthropics}}},
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                         {QStringLiteral("text"), QStringLiteral("On 29 September 2022.")},
                                         {QStringLiteral("citations"), QJsonArray{}}}}}},
            QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), QStringLiteral("Thanks!")}}});

        const QList<QJsonObject> events = eventsOf(post(request));
        QCOMPARE(AnthropicStream::grammarProblem(events), QString());
        const QJsonArray messages = messagesOf(m_upstream->requests().at(0));
        QStringList roles;
        for (const QJsonValue &message : messages)
            roles << message[QLatin1StringView("role")].toString();
        QCOMPARE(roles, (QStringList{QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant"),
                                     QStringLiteral("tool"), QStringLiteral("assistant"), QStringLiteral("user")}));
        QCOMPARE(messages.at(2)[QLatin1StringView("tool_calls")][0][QLatin1StringView("id")].toString(), QStringLiteral("srvtoolu_01ABC"));
        const QString read = messages.at(3)[QLatin1StringView("content")].toString();
        QVERIFY2(read.contains(QLatin1StringView("We are happy to announce the release of Qt 6.4.")), qPrintable(read));
        QVERIFY(read.contains(QLatin1StringView("https://wiki.qt.io/Qt_6.4_Release")));
        QCOMPARE(messages.at(4)[QLatin1StringView("content")].toString(), QStringLiteral("On 29 September 2022."));
        QCOMPARE(m_backend->requests().size(), 0);
    }

    void anAnthropicUpstreamSearchesItself()
    {
        startProxy(SearchBackendKind::SearXng, {}, [this](ProxyConfig &config) {
            config.providers[0].format = UpstreamApi::Anthropic;
            config.providers[0].baseUrl = m_upstream->rootUrl();
        });
        m_upstream->enqueue(ScriptedReply::recordedStream(QStringLiteral("anthropic-claude-sonnet-4-5-text.stream.sse")));
        const QList<QJsonObject> events = eventsOf(post(claudeCodeSearchRequest(true)));
        QCOMPARE(AnthropicStream::grammarProblem(events), QString());
        QVERIFY(m_upstream->requests().at(0).body.contains("web_search_20250305"));
        QCOMPARE(m_backend->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebSearch)
#include "tst_websearch.moc"
