#include "protocol/openai/chatresponsetranslator.h"
#include "anthropicstream.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
using AnthropicStream::usageJson;
using TestData::compact;
const auto parse = TestData::parseJson;

QJsonObject translate(const QJsonObject &completion, const QStringList &stopSequences = {})
{
    return ChatResponseTranslator::translate(completion, {QStringLiteral("claude-sonnet-4-5"), {}, stopSequences});
}

// A completion with one choice: `message` and the choice's other fields.
QJsonObject completionWith(const QJsonObject &message, const QJsonObject &choiceFields = {})
{
    QJsonObject choice = choiceFields;
    choice.insert(QStringLiteral("message"), message);
    return QJsonObject{{QStringLiteral("choices"), QJsonArray{choice}}};
}

QString toolUseIdOf(const QJsonObject &message, qsizetype block)
{
    return message.value(QLatin1StringView("content"))
        .toArray()
        .at(block)
        .toObject()
        .value(QLatin1StringView("id"))
        .toString();
}
}

class TestChatResponseTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // OpenRouter's documented answer with its web plugin: the citation becomes the blocks of
    // Anthropic's search, before the text, and the search is counted.
    void providerSearchCitationsBecomeSearchBlocks()
    {
        const QJsonObject message = translate(TestData::singleQuotedObject(
            "{'choices':[{'message':{'role':'assistant','content':'Here is the latest news I found: ...','annotations':"
            "[{'type':'url_citation','url_citation':{'url':'https://www.example.com/web-search-result','title':"
            "'Title of the web search result','content':'Content of the web search result','start_index':100,"
            "'end_index':200}}]},'finish_reason':'stop'}],'usage':{'prompt_tokens':40,'completion_tokens':12}}"));
        const QJsonArray content = message.value(QLatin1StringView("content")).toArray();
        QCOMPARE(content.size(), 3);
        QCOMPARE(content[0][QLatin1StringView("type")].toString(), QStringLiteral("server_tool_use"));
        QCOMPARE(content[0][QLatin1StringView("name")].toString(), QStringLiteral("web_search"));
        QCOMPARE(content[1][QLatin1StringView("type")].toString(), QStringLiteral("web_search_tool_result"));
        QCOMPARE(content[1][QLatin1StringView("tool_use_id")], content[0][QLatin1StringView("id")]);
        QCOMPARE(content[1][QLatin1StringView("content")][0][QLatin1StringView("url")].toString(),
                 QStringLiteral("https://www.example.com/web-search-result"));
        QCOMPARE(content[2][QLatin1StringView("text")].toString(), QStringLiteral("Here is the latest news I found: ..."));
        QCOMPARE(message[QLatin1StringView("usage")][QLatin1StringView("server_tool_use")][QLatin1StringView("web_search_requests")].toInt(), 1);
        QCOMPARE(message[QLatin1StringView("usage")][QLatin1StringView("input_tokens")].toInt(), 40);
    }

    void deepseekReasonerToolCall()
    {
        const QJsonObject completion =
            TestData::readJsonObject(QStringLiteral("provider-streams/deepseek-reasoner-tools.json"));
        const QJsonObject message = translate(completion);

        QVERIFY(message.value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("msg_")));
        QCOMPARE(message.value(QLatin1StringView("type")).toString(), QStringLiteral("message"));
        QCOMPARE(message.value(QLatin1StringView("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(message.value(QLatin1StringView("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        // No text block: DeepSeek sends `content: ""` beside the tool call.
        const QJsonArray expectedContent{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking")},
                        {QStringLiteral("thinking"),
                         QStringLiteral("The user is asking for the weather in San Francisco. I have a weather "
                                        "tool available that can get weather information for a location. I "
                                        "should use this tool with the location parameter set to \"San "
                                        "Francisco\". Let me call the weather function.")},
                        {QStringLiteral("signature"), QString()}},
            QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                        {QStringLiteral("id"), QStringLiteral("call_00_9V0vrf86Pc9aelHCJMZqnJBo")},
                        {QStringLiteral("name"), QStringLiteral("weather")},
                        {QStringLiteral("input"),
                         QJsonObject{{QStringLiteral("location"), QStringLiteral("San Francisco")}}}},
        };
        QCOMPARE(compact(message.value(QLatin1StringView("content"))), compact(expectedContent));
        QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("tool_use"));
        QVERIFY(message.value(QLatin1StringView("stop_sequence")).isNull());
        QCOMPARE(compact(message.value(QLatin1StringView("usage"))), compact(usageJson(19, 92, 320)));
    }

    void geminiToolCallWithEmptyId()
    {
        const QJsonObject completion = TestData::readJsonObject(
            QStringLiteral("provider-streams/gemini-openai-compat-tool-call-empty-id.json"));
        const QJsonObject message = translate(completion);

        const QJsonArray content = message.value(QLatin1StringView("content")).toArray();
        QCOMPARE(content.size(), 1);
        const QString id = toolUseIdOf(message, 0);
        QVERIFY2(id.startsWith(QLatin1StringView("toolu_")) && id.size() == 30, qPrintable(id));
        QVERIFY(id != toolUseIdOf(translate(completion), 0));
        QJsonObject toolUse = content.at(0).toObject();
        toolUse.remove(QStringLiteral("id"));
        QCOMPARE(compact(toolUse),
                 compact(parse(R"({"type":"tool_use","name":"get_current_time","input":{}})").object()));
        QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("tool_use"));
        QCOMPARE(compact(message.value(QLatin1StringView("usage"))), compact(usageJson(35, 12, 0)));
    }

    void content_data();
    void content()
    {
        QFETCH(QByteArray, chatMessage);
        QFETCH(QByteArray, expectedContent);
        const QJsonObject message = translate(completionWith(parse(chatMessage).object()));
        QCOMPARE(compact(message.value(QLatin1StringView("content"))), compact(parse(expectedContent).array()));
    }

    void stopReason_data()
    {
        QTest::addColumn<QJsonValue>("finishReason");
        QTest::addColumn<bool>("hasToolCall");
        QTest::addColumn<QString>("expectedStopReason");

        const auto row = [](const char *name, const QJsonValue &finishReason, bool hasToolCall,
                            const char *expected) {
            QTest::newRow(name) << finishReason << hasToolCall << QString::fromLatin1(expected);
        };
        row("stop", QStringLiteral("stop"), false, "end_turn");
        row("length", QStringLiteral("length"), false, "max_tokens");
        row("tool_calls", QStringLiteral("tool_calls"), true, "tool_use");
        row("function_call", QStringLiteral("function_call"), false, "tool_use");
        row("content_filter", QStringLiteral("content_filter"), false, "refusal");
        row("null", QJsonValue(), false, "end_turn");
        row("absent", QJsonValue(QJsonValue::Undefined), false, "end_turn");
        row("unknown", QStringLiteral("eos"), false, "end_turn");
        row("stop with tool calls", QStringLiteral("stop"), true, "tool_use");
        row("length with tool calls", QStringLiteral("length"), true, "tool_use");
    }

    void stopReason()
    {
        QFETCH(QJsonValue, finishReason);
        QFETCH(bool, hasToolCall);
        QFETCH(QString, expectedStopReason);

        QJsonObject chatMessage{{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), QStringLiteral("Hi")}};
        if (hasToolCall) {
            const QByteArray toolCalls =
                R"([{"id":"call_1","type":"function","function":{"name":"now","arguments":"{}"}}])";
            chatMessage.insert(QStringLiteral("tool_calls"), parse(toolCalls).array());
        }
        QJsonObject choiceFields;
        if (!finishReason.isUndefined())
            choiceFields.insert(QStringLiteral("finish_reason"), finishReason);
        const QJsonObject message = translate(completionWith(chatMessage, choiceFields));
        QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), expectedStopReason);
        QVERIFY(message.value(QLatin1StringView("stop_sequence")).isNull());
    }

    // vLLM and SGLang name the matched stop string in the choice's `stop_reason`.
    void stopSequence_data()
    {
        QTest::addColumn<QByteArray>("choiceFields");
        QTest::addColumn<QStringList>("stopSequences");
        QTest::addColumn<QString>("expectedStopReason");
        QTest::addColumn<QJsonValue>("expectedStopSequence");

        const QStringList requested{QStringLiteral("END"), QStringLiteral("\n\nHuman:")};
        QTest::newRow("requested sequence matched")
            << QByteArray(R"({"finish_reason":"stop","stop_reason":"END"})") << requested
            << QStringLiteral("stop_sequence") << QJsonValue(QStringLiteral("END"));
        QTest::newRow("sequence not requested")
            << QByteArray(R"({"finish_reason":"stop","stop_reason":"END"})") << QStringList()
            << QStringLiteral("end_turn") << QJsonValue();
        QTest::newRow("stop token id")
            << QByteArray(R"({"finish_reason":"stop","stop_reason":128008})") << requested
            << QStringLiteral("end_turn") << QJsonValue();
        QTest::newRow("no stop_reason")
            << QByteArray(R"({"finish_reason":"stop"})") << requested
            << QStringLiteral("end_turn") << QJsonValue();
        QTest::newRow("cut off by length")
            << QByteArray(R"({"finish_reason":"length","stop_reason":"END"})") << requested
            << QStringLiteral("max_tokens") << QJsonValue();
    }

    void stopSequence()
    {
        QFETCH(QByteArray, choiceFields);
        QFETCH(QStringList, stopSequences);
        QFETCH(QString, expectedStopReason);
        QFETCH(QJsonValue, expectedStopSequence);

        const QJsonObject chatMessage{{QStringLiteral("role"), QStringLiteral("assistant")},
                                      {QStringLiteral("content"), QStringLiteral("Hi")}};
        const QJsonObject message =
            translate(completionWith(chatMessage, parse(choiceFields).object()), stopSequences);
        QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), expectedStopReason);
        QCOMPARE(message.value(QLatin1StringView("stop_sequence")), expectedStopSequence);
    }

    void usage_data()
    {
        QTest::addColumn<QByteArray>("completion");
        QTest::addColumn<QJsonObject>("expectedUsage");

        const auto withUsage = [](const QByteArray &usage) -> QByteArray {
            return R"({"choices":[{"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"usage":)"
                + usage + "}";
        };
        QTest::newRow("absent")
            << QByteArray(R"({"choices":[{"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}]})")
            << usageJson(0, 0, 0);
        QTest::newRow("null") << withUsage("null") << usageJson(0, 0, 0);
        QTest::newRow("plain")
            << withUsage(R"({"prompt_tokens":120,"completion_tokens":8,"total_tokens":128})")
            << usageJson(120, 8, 0);
        QTest::newRow("cached tokens are not input")
            << withUsage(R"({"prompt_tokens":1200,"completion_tokens":8,
                            "prompt_tokens_details":{"cached_tokens":1024}})")
            << usageJson(176, 8, 1024);
        QTest::newRow("DeepSeek cache hits")
            << withUsage(R"({"prompt_tokens":339,"completion_tokens":92,"prompt_cache_hit_tokens":320,
                            "prompt_cache_miss_tokens":19})")
            << usageJson(19, 92, 320);
        QTest::newRow("inside the choice (Moonshot)")
            << QByteArray(R"({"choices":[{"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop",
                                          "usage":{"prompt_tokens":50,"completion_tokens":5}}]})")
            << usageJson(50, 5, 0);
    }

    void usage()
    {
        QFETCH(QByteArray, completion);
        QFETCH(QJsonObject, expectedUsage);
        const QJsonObject message = translate(parse(completion).object());
        QCOMPARE(compact(message.value(QLatin1StringView("usage"))), compact(expectedUsage));
    }

    void textToolCalls_data();
    void textToolCalls()
    {
        QFETCH(bool, textToolCalls);
        QFETCH(QString, text);
        QFETCH(QByteArray, nativeToolCalls);
        QFETCH(QByteArray, expectedContent);
        QFETCH(QString, expectedStopReason);

        QJsonObject chatMessage{{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), text}};
        if (!nativeToolCalls.isEmpty())
            chatMessage.insert(QStringLiteral("tool_calls"), parse(nativeToolCalls).array());
        ChatResponseTranslator::Options options;
        options.model = QStringLiteral("claude-sonnet-4-5");
        options.textToolCalls = textToolCalls;
        const QJsonObject message = ChatResponseTranslator::translate(
            completionWith(chatMessage, {{QStringLiteral("finish_reason"), QStringLiteral("stop")}}), options);

        // Calls parsed from text get fresh ids, told apart here and then set aside.
        QJsonArray content = message.value(QLatin1StringView("content")).toArray();
        QStringList ids;
        for (qsizetype i = 0; i < content.size(); ++i) {
            QJsonObject block = content.at(i).toObject();
            const QString id = block.value(QLatin1StringView("id")).toString();
            if (!id.startsWith(QLatin1StringView("toolu_")))
                continue;
            QVERIFY2(id.size() == 30 && !ids.contains(id), qPrintable(id));
            ids.append(id);
            block.insert(QStringLiteral("id"), QStringLiteral("ID"));
            content.replace(i, block);
        }
        QCOMPARE(compact(content), compact(parse(expectedContent).array()));
        QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), expectedStopReason);
    }

    void noChoices()
    {
        const QJsonObject message = translate(parse(R"({"choices":[]})").object());
        QCOMPARE(message.value(QLatin1StringView("content")).toArray().size(), 0);
        QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("end_turn"));
        QCOMPARE(compact(message.value(QLatin1StringView("usage"))), compact(usageJson(0, 0, 0)));
    }
};

// Out of the class and hidden from moc, which (as of Qt 6.4) misreads raw string literals
// holding \" and then loses track of the class.
#ifndef Q_MOC_RUN
void TestChatResponseTranslator::content_data()
{
    QTest::addColumn<QByteArray>("chatMessage");
    QTest::addColumn<QByteArray>("expectedContent");

    const auto row = [](const char *name, const QByteArray &chatMessage, const QByteArray &expected) {
        QTest::newRow(name) << chatMessage << expected;
    };
    row("text", R"({"role":"assistant","content":"Hello!"})", R"([{"type":"text","text":"Hello!"}])");
    row("no content", R"({"role":"assistant","content":null})", "[]");
    row("empty content", R"({"role":"assistant","content":""})", "[]");
    row("reasoning_content before text",
        R"({"role":"assistant","content":"4","reasoning_content":"2+2"})",
        R"([{"type":"thinking","thinking":"2+2","signature":""},{"type":"text","text":"4"}])");
    row("reasoning (OpenRouter, Groq)",
        R"({"role":"assistant","content":"4","reasoning":"2+2"})",
        R"([{"type":"thinking","thinking":"2+2","signature":""},{"type":"text","text":"4"}])");
    row("text then tool calls in order",
        R"({"role":"assistant","content":"Adding.","tool_calls":[
            {"id":"call_1","type":"function","function":{"name":"add","arguments":"{\"a\":1}"}},
            {"id":"call_2","type":"function","function":{"name":"now","arguments":""}}]})",
        R"([{"type":"text","text":"Adding."},
            {"type":"tool_use","id":"call_1","name":"add","input":{"a":1}},
            {"type":"tool_use","id":"call_2","name":"now","input":{}}])");
    row("arguments that are not JSON are kept",
        R"({"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
            "function":{"name":"add","arguments":"{\"a\":1"}}]})",
        R"([{"type":"tool_use","id":"call_1","name":"add","input":{"_raw_arguments":"{\"a\":1"}}])");
    row("Kimi id made Anthropic-safe",
        R"({"role":"assistant","tool_calls":[{"id":"functions.add:0","type":"function",
            "function":{"name":"add","arguments":"{}"}}]})",
        R"([{"type":"tool_use","id":"toolu_hex_66756e6374696f6e732e6164643a30","name":"add","input":{}}])");
}

void TestChatResponseTranslator::textToolCalls_data()
{
    QTest::addColumn<bool>("textToolCalls");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("nativeToolCalls");
    QTest::addColumn<QByteArray>("expectedContent");
    QTest::addColumn<QString>("expectedStopReason");

    const auto row = [](const char *name, bool textToolCalls, const char *text, const QByteArray &expected,
                        const char *stopReason, const QByteArray &nativeToolCalls = {}) {
        QTest::newRow(name) << textToolCalls << QString::fromUtf8(text) << nativeToolCalls << expected
                            << QString::fromLatin1(stopReason);
    };

    const char qwenAnswer[] = "Let me check.\n\n<tool_call>\n{\"name\": \"get_weather\", "
                              "\"arguments\": {\"city\": \"Paris\"}}\n</tool_call>";
    row("hermes after text", true, qwenAnswer,
        R"([{"type":"text","text":"Let me check."},
            {"type":"tool_use","id":"ID","name":"get_weather","input":{"city":"Paris"}}])",
        "tool_use");
    row("call only", true, "<tool_call>{\"name\": \"now\", \"arguments\": \"{}\"}</tool_call>\n",
        R"([{"type":"tool_use","id":"ID","name":"now","input":{}}])", "tool_use");
    row("text around and between calls in one block, calls after it", true,
        "First.\n<tool_call>{\"name\": \"a\"}</tool_call>\nThen.\n<tool_call>b</tool_call>\nLast.",
        R"([{"type":"text","text":"First.\n\nThen.\n\nLast."},
            {"type":"tool_use","id":"ID","name":"a","input":{}},
            {"type":"tool_use","id":"ID","name":"b","input":{}}])",
        "tool_use");
    row("glm", true,
        "<tool_call>Read\n<arg_key>file_path</arg_key>\n<arg_value>/tmp/a.txt</arg_value>\n"
        "<arg_key>limit</arg_key>\n<arg_value>20</arg_value>\n</tool_call>",
        R"([{"type":"tool_use","id":"ID","name":"Read","input":{"file_path":"/tmp/a.txt","limit":20}}])",
        "tool_use");
    row("qwen3-coder", true,
        "<tool_call>\n<function=Bash>\n<parameter=command>\nls -la\n</parameter>\n</function>\n</tool_call>",
        R"([{"type":"tool_use","id":"ID","name":"Bash","input":{"command":"ls -la"}}])", "tool_use");
    row("unclosed markup stays text", true, "Calling <tool_call>{\"name\": \"f\"",
        R"([{"type":"text","text":"Calling <tool_call>{\"name\": \"f\""}])", "end_turn");
    row("lookalikes stay text", true, "Use <b>bold</b> when a < b.",
        R"([{"type":"text","text":"Use <b>bold</b> when a < b."}])", "end_turn");
    row("text calls before native calls", true, "<tool_call>{\"name\": \"a\"}</tool_call>",
        R"([{"type":"tool_use","id":"ID","name":"a","input":{}},
            {"type":"tool_use","id":"call_b","name":"b","input":{"x":1}}])",
        "tool_use",
        R"([{"id":"call_b","type":"function","function":{"name":"b","arguments":"{\"x\":1}"}}])");
    row("off by default", false, qwenAnswer,
        R"([{"type":"text","text":"Let me check.\n\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>"}])",
        "end_turn");
}
#endif

QTEST_GUILESS_MAIN(TestChatResponseTranslator)
#include "tst_chatresponsetranslator.moc"
