#include "protocol/openai/chatrequesttranslator.h"
#include "protocol/toolcallid.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
using TestData::compact;
using TestData::valueAt;
const auto parse = TestData::parseJson;
const auto requestWith = TestData::messagesRequest;

const QString upstreamModel = QStringLiteral("upstream-model");

QJsonObject translate(const QJsonObject &request, int maxOutputTokens = 0,
                      const ProviderRules &rules = {})
{
    RequestOptions options;
    options.upstreamModel = upstreamModel;
    options.maxOutputTokens = maxOutputTokens;
    options.rules = rules;
    return ChatRequestTranslator::translate(request, options);
}

ProviderRules rulesWith(ProviderRules::ThinkingSwitch thinkingSwitch)
{
    ProviderRules rules;
    rules.thinkingSwitch = thinkingSwitch;
    return rules;
}

ProviderRules rulesWith(ProviderRules::WebSearch webSearch)
{
    ProviderRules rules;
    rules.webSearch = webSearch;
    return rules;
}

// The fields of `chat` named in `expected`, a field missing from `chat` as null.
QJsonObject fieldsLike(const QJsonObject &chat, const QJsonObject &expected)
{
    QJsonObject actual;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        actual.insert(it.key(), chat.contains(it.key()) ? chat.value(it.key()) : QJsonValue());
    return actual;
}

// Several providers reject empty content, and tool calls must not come with "".
void verifyNoEmptyContent(const QJsonArray &messages)
{
    for (const QJsonValue &value : messages) {
        const QJsonValue content = value.toObject().value(QLatin1StringView("content"));
        QVERIFY2(!content.isString() || !content.toString().isEmpty(),
                 compact(value.toObject()).constData());
        const QJsonArray parts = content.toArray();
        for (const QJsonValue &part : parts) {
            const QJsonValue text = part.toObject().value(QLatin1StringView("text"));
            QVERIFY2(text.isUndefined() || !text.toString().isEmpty(), compact(value.toObject()).constData());
        }
    }
}

QString joinedTexts(const QJsonArray &blocks, QLatin1StringView separator)
{
    QStringList texts;
    for (const QJsonValue &block : blocks)
        texts.append(block.toObject().value(QLatin1StringView("text")).toString());
    return texts.join(separator);
}
}

Q_DECLARE_METATYPE(ProviderRules)
Q_DECLARE_METATYPE(ProviderRules::ReasoningHistory)
Q_DECLARE_METATYPE(ProviderRules::ThinkingSwitch)

class TestChatRequestTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages_data();
    void messages()
    {
        QFETCH(QByteArray, anthropicMessages);
        QFETCH(QByteArray, expectedMessages);
        const QJsonObject request =
            requestWith({{QStringLiteral("messages"), parse(anthropicMessages).array()}});
        const QJsonArray messages = translate(request).value(QLatin1StringView("messages")).toArray();
        QCOMPARE(compact(messages), compact(parse(expectedMessages).array()));
    }

    void system_data()
    {
        QTest::addColumn<QByteArray>("system");
        QTest::addColumn<QString>("expectedSystemMessage"); // empty: none

        QTest::newRow("string") << QByteArray(R"({"system":"Be brief."})") << QStringLiteral("Be brief.");
        QTest::newRow("text blocks")
            << QByteArray(R"({"system":[{"type":"text","text":"One."},
                                        {"type":"text","text":"Two.","cache_control":{"type":"ephemeral"}}]})")
            << QStringLiteral("One.\n\nTwo.");
        QTest::newRow("empty string") << QByteArray(R"({"system":""})") << QString();
        QTest::newRow("empty list") << QByteArray(R"({"system":[]})") << QString();
        QTest::newRow("absent") << QByteArray("{}") << QString();
    }

    void system()
    {
        QFETCH(QByteArray, system);
        QFETCH(QString, expectedSystemMessage);
        const QJsonArray messages =
            translate(requestWith(parse(system).object())).value(QLatin1StringView("messages")).toArray();
        QJsonArray expected{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"), QStringLiteral("Hello")}}};
        if (!expectedSystemMessage.isEmpty()) {
            expected.prepend(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                         {QStringLiteral("content"), expectedSystemMessage}});
        }
        QCOMPARE(compact(messages), compact(expected));
    }

    void fields_data();
    void fields()
    {
        QFETCH(QByteArray, patch);
        QFETCH(int, maxOutputTokens);
        QFETCH(QByteArray, expectedFields);

        const QJsonObject chat = translate(requestWith(parse(patch).object()), maxOutputTokens);
        const QJsonObject expected = parse(expectedFields).object();
        QCOMPARE(compact(fieldsLike(chat, expected)), compact(expected));
    }

    // Like fields(), with the provider's rules.
    void rules_data();
    void rules()
    {
        QFETCH(QByteArray, patch);
        QFETCH(ProviderRules, rules);
        QFETCH(int, maxOutputTokens);
        QFETCH(QByteArray, expectedFields);

        const QJsonObject chat = translate(requestWith(parse(patch).object()), maxOutputTokens, rules);
        const QJsonObject expected = parse(expectedFields).object();
        QCOMPARE(compact(fieldsLike(chat, expected)), compact(expected));
    }

    void reasoningHistory_data();
    void reasoningHistory()
    {
        QFETCH(ProviderRules::ReasoningHistory, history);
        QFETCH(QByteArray, anthropicMessages);
        QFETCH(QByteArray, expectedMessages);
        ProviderRules rules;
        rules.reasoningHistory = history;
        const QJsonObject request =
            requestWith({{QStringLiteral("messages"), parse(anthropicMessages).array()}});
        const QJsonArray messages =
            translate(request, 0, rules).value(QLatin1StringView("messages")).toArray();
        QCOMPARE(compact(messages), compact(parse(expectedMessages).array()));
    }

    // Claude Code's second turn, as a thinking model's answer makes it: the thinking of the
    // tool-calling turn goes back where DeepSeek and Kimi expect it.
    void capturedClaudeCodeSecondTurnWithThinking()
    {
        QJsonObject request =
            TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn2.json"));
        QJsonArray turns = request.value(QLatin1StringView("messages")).toArray();
        QJsonObject assistant = turns.at(2).toObject();
        QCOMPARE(assistant.value(QLatin1StringView("role")).toString(), QStringLiteral("assistant"));
        QJsonArray blocks = assistant.value(QLatin1StringView("content")).toArray();
        blocks.prepend(QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking")},
                                   {QStringLiteral("thinking"), QStringLiteral("The user wants a file.")},
                                   {QStringLiteral("signature"), QString()}});
        assistant.insert(QStringLiteral("content"), blocks);
        turns.replace(2, assistant);
        request.insert(QStringLiteral("messages"), turns);

        ProviderRules rules;
        rules.reasoningHistory = ProviderRules::ReasoningHistory::ReasoningContent;
        const QJsonObject chat = translate(request, 0, rules);
        const QJsonObject message = valueAt(chat, "messages.3").toObject();
        QCOMPARE(message.keys(), (QStringList{QStringLiteral("content"), QStringLiteral("reasoning_content"),
                                              QStringLiteral("role"), QStringLiteral("tool_calls")}));
        QCOMPARE(valueAt(message, "reasoning_content").toString(), QStringLiteral("The user wants a file."));
        QCOMPARE(valueAt(message, "content").toString(), QStringLiteral("I will create the file now."));
        QCOMPARE(valueAt(message, "tool_calls.0.id").toString(), QStringLiteral("toolu_cap22586_0"));
        QCOMPARE(valueAt(chat, "messages.4.tool_call_id").toString(), QStringLiteral("toolu_cap22586_0"));

        // Dropped by default, as before.
        QVERIFY(!valueAt(translate(request), "messages.3").toObject().contains(QLatin1StringView("reasoning_content")));
    }

    // Claude Code's own wish, {"type":"adaptive"} with output_config.effort "medium", in each
    // provider's terms.
    void capturedClaudeCodeThinking_data()
    {
        QTest::addColumn<ProviderRules::ThinkingSwitch>("thinkingSwitch");
        QTest::addColumn<QJsonObject>("expectedFields");

        const auto row = [](const char *name, ProviderRules::ThinkingSwitch thinkingSwitch,
                            const QJsonObject &fields) {
            QJsonObject expected{{QStringLiteral("reasoning_effort"), QJsonValue()},
                                 {QStringLiteral("thinking"), QJsonValue()},
                                 {QStringLiteral("enable_thinking"), QJsonValue()},
                                 {QStringLiteral("thinking_budget"), QJsonValue()},
                                 {QStringLiteral("reasoning"), QJsonValue()},
                                 {QStringLiteral("output_config"), QJsonValue()}};
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                expected.insert(it.key(), it.value());
            QTest::newRow(name) << thinkingSwitch << expected;
        };
        using Switch = ProviderRules::ThinkingSwitch;
        row("None", Switch::None, {});
        row("ReasoningEffort", Switch::ReasoningEffort,
            {{QStringLiteral("reasoning_effort"), QStringLiteral("medium")}});
        row("ThinkingType", Switch::ThinkingType,
            {{QStringLiteral("thinking"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("enabled")}}}});
        row("EnableThinking", Switch::EnableThinking, {{QStringLiteral("enable_thinking"), true}});
        row("OpenRouterReasoning", Switch::OpenRouterReasoning,
            {{QStringLiteral("reasoning"),
              QJsonObject{{QStringLiteral("effort"), QStringLiteral("medium")}}}});
    }

    void capturedClaudeCodeThinking()
    {
        QFETCH(ProviderRules::ThinkingSwitch, thinkingSwitch);
        QFETCH(QJsonObject, expectedFields);
        const QJsonObject request =
            TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json"));
        QCOMPARE(compact(valueAt(request, "thinking")), QByteArray("{\"display\":\"omitted\",\"type\":\"adaptive\"}"));
        QCOMPARE(compact(valueAt(request, "output_config")), QByteArray("{\"effort\":\"medium\"}"));
        const QJsonObject chat = translate(request, 0, rulesWith(thinkingSwitch));
        QCOMPARE(compact(fieldsLike(chat, expectedFields)), compact(expectedFields));
    }

    void kimiToolCallIdsGoBackUpstream()
    {
        const QString kimiId = QStringLiteral("functions.add:0");
        const QByteArray anthropicId = ToolCallId::toAnthropic(kimiId).toUtf8();
        QVERIFY(anthropicId.startsWith("toolu_hex_"));
        const QByteArray anthropicMessages =
            QByteArray(R"([{"role":"assistant","content":[{"type":"tool_use","id":"ID","name":"add","input":{}}]},
                           {"role":"user","content":[{"type":"tool_result","tool_use_id":"ID","content":"3"}]}])")
                .replace("ID", anthropicId);
        const QJsonObject chat =
            translate(requestWith({{QStringLiteral("messages"), parse(anthropicMessages).array()}}));
        QCOMPARE(valueAt(chat, "messages.0.tool_calls.0.id").toString(), kimiId);
        QCOMPARE(valueAt(chat, "messages.1.tool_call_id").toString(), kimiId);
    }

    void capturedClaudeCodeFirstTurn()
    {
        const QJsonObject request =
            TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json"));
        const QJsonObject chat = translate(request, 32000);

        QCOMPARE(valueAt(chat, "model").toString(), upstreamModel);
        QCOMPARE(valueAt(chat, "max_tokens").toInteger(), 32000);
        QCOMPARE(valueAt(chat, "stream").toBool(), true);
        QCOMPARE(valueAt(chat, "user"), valueAt(request, "metadata.user_id"));
        for (const char *key : {"thinking", "output_config", "context_management", "metadata", "system"})
            QVERIFY2(!chat.contains(QLatin1StringView(key)), key);

        const QJsonArray messages = valueAt(chat, "messages").toArray();
        verifyNoEmptyContent(messages);
        QCOMPARE(messages.size(), 3);
        QCOMPARE(valueAt(messages, "0.role").toString(), QStringLiteral("system"));
        const QString systemText = valueAt(messages, "0.content").toString();
        QCOMPARE(systemText, joinedTexts(valueAt(request, "system").toArray(), QLatin1StringView("\n\n")));
        QVERIFY(systemText.startsWith(QLatin1StringView(
            "x-anthropic-billing-header: cc_version=2.1.330.c93; cc_entrypoint=sdk-cli;\n\n"
            "You are a Claude agent, built on Anthropic's Claude Agent SDK.\n\n\nYou are an agent")));

        QCOMPARE(valueAt(messages, "1.role").toString(), QStringLiteral("user"));
        QCOMPARE(valueAt(messages, "1.content").toString(),
                 joinedTexts(valueAt(request, "messages.0.content").toArray(), QLatin1StringView("\n\n")));

        // Claude Code's environment message stays where it was, after the user's prompt.
        QCOMPARE(valueAt(messages, "2.role").toString(), QStringLiteral("system"));
        QVERIFY(valueAt(messages, "2.content").toString().startsWith(QLatin1StringView("# Environment\n")));

        const QJsonArray tools = valueAt(chat, "tools").toArray();
        const QJsonArray anthropicTools = valueAt(request, "tools").toArray();
        QCOMPARE(anthropicTools.size(), 12);
        QCOMPARE(tools.size(), 12);
        for (qsizetype i = 0; i < tools.size(); ++i) {
            QCOMPARE(valueAt(tools.at(i), "type").toString(), QStringLiteral("function"));
            const QJsonValue function = valueAt(tools.at(i), "function");
            QCOMPARE(function.toObject().keys(),
                     (QStringList{QStringLiteral("description"), QStringLiteral("name"),
                                  QStringLiteral("parameters")}));
            QCOMPARE(valueAt(function, "name"), valueAt(anthropicTools.at(i), "name"));
            // Schemas pass through untouched for now, `$schema` included.
            QCOMPARE(valueAt(function, "parameters"), valueAt(anthropicTools.at(i), "input_schema"));
        }
        QVERIFY(valueAt(tools, "0.function.parameters.$schema").isString());
    }

    void capturedClaudeCodeSecondTurn()
    {
        const QJsonObject request =
            TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn2.json"));
        const QJsonObject chat = translate(request);
        QCOMPARE(valueAt(chat, "max_tokens").toInteger(), 128000);

        const QJsonArray messages = valueAt(chat, "messages").toArray();
        verifyNoEmptyContent(messages);
        QStringList roles;
        for (const QJsonValue &message : messages)
            roles.append(valueAt(message, "role").toString());
        QCOMPARE(roles, (QStringList{QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("system"),
                                     QStringLiteral("assistant"), QStringLiteral("tool")}));
        QCOMPARE(valueAt(messages, "2.content"), valueAt(request, "messages.1.content"));

        QCOMPARE(valueAt(messages, "3.content").toString(), QStringLiteral("I will create the file now."));
        QCOMPARE(valueAt(messages, "3.tool_calls").toArray().size(), 1);
        QCOMPARE(valueAt(messages, "3.tool_calls.0.id").toString(), QStringLiteral("toolu_cap22586_0"));
        QCOMPARE(valueAt(messages, "3.tool_calls.0.type").toString(), QStringLiteral("function"));
        QCOMPARE(valueAt(messages, "3.tool_calls.0.function.name").toString(), QStringLiteral("Write"));
        const QByteArray arguments = valueAt(messages, "3.tool_calls.0.function.arguments").toString().toUtf8();
        QCOMPARE(parse(arguments).object(), valueAt(request, "messages.2.content.1.input").toObject());

        // The tool message answers the call right after it.
        QCOMPARE(valueAt(messages, "4").toObject().keys(),
                 (QStringList{QStringLiteral("content"), QStringLiteral("role"), QStringLiteral("tool_call_id")}));
        QCOMPARE(valueAt(messages, "4.tool_call_id").toString(), QStringLiteral("toolu_cap22586_0"));
        QCOMPARE(valueAt(messages, "4.content"), valueAt(request, "messages.3.content.0.content"));
    }
};

// Out of the class and hidden from moc, which (as of Qt 6.4) misreads raw string literals
// holding "//" or \" and then loses track of the class.
#ifndef Q_MOC_RUN
void TestChatRequestTranslator::messages_data()
{
    QTest::addColumn<QByteArray>("anthropicMessages");
    QTest::addColumn<QByteArray>("expectedMessages");

    const auto row = [](const char *name, const QByteArray &anthropic, const QByteArray &expected) {
        QTest::newRow(name) << anthropic << expected;
    };

    row("user string",
        R"([{"role":"user","content":"Hello"}])",
        R"([{"role":"user","content":"Hello"}])");
    row("user empty string is not sent",
        R"([{"role":"user","content":""}])",
        R"([])");
    row("user text blocks as one string",
        R"([{"role":"user","content":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}},
                                      {"type":"text","text":""},{"type":"text","text":"b"}]}])",
        R"([{"role":"user","content":"a\n\nb"}])");
    row("user base64 image",
        R"([{"role":"user","content":[{"type":"text","text":"What is it?"},
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}])",
        R"([{"role":"user","content":[{"type":"text","text":"What is it?"},
            {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}])");
    row("user url image",
        R"([{"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://example.com/a.jpg"}}]}])",
        R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/a.jpg"}}]}])");
    // The file part of OpenAI's Chat Completions (and OpenRouter's); DocumentFitter has left
    // a PDF only where the provider reads them.
    row("user PDF as a file part, named after its title",
        R"([{"role":"user","content":[{"type":"document","title":"Q3 report",
            "source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0xLjQK"}},
            {"type":"text","text":"Sum it up."}]}])",
        R"([{"role":"user","content":[
            {"type":"file","file":{"filename":"Q3 report.pdf","file_data":"data:application/pdf;base64,JVBERi0xLjQK"}},
            {"type":"text","text":"Sum it up."}]}])");
    row("PDF a tool read follows in the user message",
        R"([{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[
            {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0xLjQK"}}]}]}])",
        R"j([{"role":"tool","tool_call_id":"toolu_1","content":"(see the attachments below)"},
            {"role":"user","content":[
                {"type":"file","file":{"filename":"document.pdf","file_data":"data:application/pdf;base64,JVBERi0xLjQK"}}]}])j");
    row("image from the Files API is dropped",
        R"([{"role":"user","content":[{"type":"image","source":{"type":"file","file_id":"file_1"}},
                                      {"type":"text","text":"And this?"}]}])",
        R"([{"role":"user","content":"And this?"}])");

    row("assistant text",
        R"([{"role":"assistant","content":"Hi"}])",
        R"([{"role":"assistant","content":"Hi"}])");
    row("assistant text blocks joined, thinking dropped",
        R"([{"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig"},
            {"type":"redacted_thinking","data":"xyz"},{"type":"text","text":"a"},{"type":"text","text":"b"}]}])",
        R"([{"role":"assistant","content":"a\n\nb"}])");
    row("assistant text and tool calls",
        R"([{"role":"assistant","content":[{"type":"text","text":"Let me look."},
            {"type":"tool_use","id":"toolu_1","name":"Read","input":{"path":"/tmp/a b.txt","opts":{"limit":2}}},
            {"type":"tool_use","id":"toolu_2","name":"Now"}]}])",
        R"([{"role":"assistant","content":"Let me look.","tool_calls":[
            {"id":"toolu_1","type":"function",
             "function":{"name":"Read","arguments":"{\"opts\":{\"limit\":2},\"path\":\"/tmp/a b.txt\"}"}},
            {"id":"toolu_2","type":"function","function":{"name":"Now","arguments":"{}"}}]}])");
    row("assistant tool call only has no content key",
        R"([{"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig"},
            {"type":"text","text":""},{"type":"tool_use","id":"toolu_1","name":"Now","input":{}}]}])",
        R"([{"role":"assistant","tool_calls":[
            {"id":"toolu_1","type":"function","function":{"name":"Now","arguments":"{}"}}]}])");
    row("assistant with only thinking is skipped",
        R"([{"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig"}]}])",
        R"([])");

    row("tool result string, before the turn's text",
        R"([{"role":"user","content":[{"type":"text","text":"Thanks."},
            {"type":"tool_result","tool_use_id":"toolu_1","content":"42","cache_control":{"type":"ephemeral"}}]}])",
        R"([{"role":"tool","tool_call_id":"toolu_1","content":"42"},{"role":"user","content":"Thanks."}])");
    row("tool result text blocks joined by newline",
        R"([{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1",
            "content":[{"type":"text","text":"line 1"},{"type":"text","text":"line 2"}]}]}])",
        R"([{"role":"tool","tool_call_id":"toolu_1","content":"line 1\nline 2"}])");
    row("tool result error",
        R"([{"role":"user","content":[
            {"type":"tool_result","tool_use_id":"toolu_1","content":"not found","is_error":true}]}])",
        R"([{"role":"tool","tool_call_id":"toolu_1","content":"Error: not found"}])");
    row("tool results empty, missing, empty list",
        R"j([{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":""},
            {"type":"tool_result","tool_use_id":"toolu_2"},
            {"type":"tool_result","tool_use_id":"toolu_3","content":[]}]}])j",
        R"j([{"role":"tool","tool_call_id":"toolu_1","content":"(no content)"},
            {"role":"tool","tool_call_id":"toolu_2","content":"(no content)"},
            {"role":"tool","tool_call_id":"toolu_3","content":"(no content)"}])j");
    row("tool result empty error",
        R"j([{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","is_error":true}]}])j",
        R"j([{"role":"tool","tool_call_id":"toolu_1","content":"Error: (no content)"}])j");
    row("tool result images in one user message after the tool messages, images first",
        R"j([{"role":"user","content":[
            {"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"Screenshot:"},
                {"type":"image","source":{"type":"url","url":"https://example.com/1.png"}}]},
            {"type":"text","text":"Compare with mine."},
            {"type":"image","source":{"type":"url","url":"https://example.com/mine.png"}},
            {"type":"tool_result","tool_use_id":"toolu_2","content":[
                {"type":"image","source":{"type":"url","url":"https://example.com/2.png"}}]}]}])j",
        R"j([{"role":"tool","tool_call_id":"toolu_1","content":"Screenshot:"},
            {"role":"tool","tool_call_id":"toolu_2","content":"(see the images below)"},
            {"role":"user","content":[
                {"type":"image_url","image_url":{"url":"https://example.com/1.png"}},
                {"type":"image_url","image_url":{"url":"https://example.com/2.png"}},
                {"type":"text","text":"Compare with mine."},
                {"type":"image_url","image_url":{"url":"https://example.com/mine.png"}}]}])j");

    row("system message in place, string",
        R"([{"role":"user","content":"Hi"},{"role":"system","content":"# Environment"},
            {"role":"assistant","content":"Hello"}])",
        R"([{"role":"user","content":"Hi"},{"role":"system","content":"# Environment"},
            {"role":"assistant","content":"Hello"}])");
    row("system message in place, blocks",
        R"([{"role":"user","content":"Hi"},{"role":"system","content":[{"type":"text","text":"a"},
            {"type":"text","text":"b","cache_control":{"type":"ephemeral"}}]}])",
        R"([{"role":"user","content":"Hi"},{"role":"system","content":"a\n\nb"}])");
    row("empty system message is skipped",
        R"([{"role":"user","content":"Hi"},{"role":"system","content":[]}])",
        R"([{"role":"user","content":"Hi"}])");
}

// Each row patches a minimal request and lists the fields of the translation to check;
// a field expected as null must be absent.
void TestChatRequestTranslator::fields_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("maxOutputTokens");
    QTest::addColumn<QByteArray>("expectedFields");

    const auto row = [](const char *name, const QByteArray &patch, const QByteArray &expected,
                        int maxOutputTokens = 0) {
        QTest::newRow(name) << patch << maxOutputTokens << expected;
    };

    row("model", "{}", R"({"model":"upstream-model"})");
    row("max_tokens without a cap", R"({"max_tokens":128000})", R"({"max_tokens":128000})");
    row("max_tokens over the cap", R"({"max_tokens":128000})", R"({"max_tokens":32000})", 32000);
    row("max_tokens under the cap", R"({"max_tokens":1000})", R"({"max_tokens":1000})", 32000);
    row("sampling", R"({"temperature":0.5,"top_p":0.9,"top_k":40})",
        R"({"temperature":0.5,"top_p":0.9,"top_k":null})");
    row("stop sequences", R"({"stop_sequences":["END","STOP"]})", R"({"stop":["END","STOP"],"stop_sequences":null})");
    row("no stop sequences", R"({"stop_sequences":[]})", R"({"stop":null})");
    row("stream", R"({"stream":true})", R"({"stream":true,"stream_options":{"include_usage":true}})");
    row("no stream", R"({"stream":false})", R"({"stream":null,"stream_options":null})");
    row("metadata user id", R"({"metadata":{"user_id":"user-1"}})", R"({"user":"user-1","metadata":null})");
    row("Anthropic-only fields",
        R"({"thinking":{"type":"enabled","budget_tokens":2000},"output_config":{"effort":"medium"},
            "context_management":{"edits":[]},"safeguards":[],"cache_control":{"type":"ephemeral"},
            "anthropic_beta":["context-1m-2025-08-07"],"service_tier":"auto","container":"c"})",
        R"({"thinking":null,"output_config":null,"context_management":null,"safeguards":null,
            "cache_control":null,"anthropic_beta":null,"service_tier":null,"container":null,
            "reasoning_effort":null,"system":null})");

    row("no tools", "{}", R"({"tools":null,"tool_choice":null,"parallel_tool_calls":null})");
    row("custom tools",
        R"({"tools":[{"name":"get","description":"Gets it.","input_schema":{"type":"object","properties":{}},
                      "cache_control":{"type":"ephemeral"}},
                     {"type":"custom","name":"put","input_schema":{"type":"object"},"defer_loading":true}]})",
        R"({"tools":[{"type":"function","function":{"name":"get","description":"Gets it.",
                                                    "parameters":{"type":"object","properties":{}}}},
                     {"type":"function","function":{"name":"put","parameters":{"type":"object"}}}]})");
    row("server tools dropped",
        R"({"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":5},
                     {"type":"bash_20250124","name":"bash"},
                     {"name":"get","input_schema":{"type":"object"}}]})",
        R"({"tools":[{"type":"function","function":{"name":"get","parameters":{"type":"object"}}}]})");
    row("only server tools",
        R"({"tools":[{"type":"web_search_20250305","name":"web_search"}],"tool_choice":{"type":"any"}})",
        R"({"tools":null,"tool_choice":null})");

    const QByteArray tools = R"("tools":[{"name":"get","input_schema":{"type":"object"}}])";
    row("tool_choice auto", "{" + tools + R"(,"tool_choice":{"type":"auto"}})", R"({"tool_choice":"auto"})");
    row("tool_choice any", "{" + tools + R"(,"tool_choice":{"type":"any"}})", R"({"tool_choice":"required"})");
    row("tool_choice none", "{" + tools + R"(,"tool_choice":{"type":"none"}})", R"({"tool_choice":"none"})");
    row("tool_choice tool", "{" + tools + R"(,"tool_choice":{"type":"tool","name":"get"}})",
        R"({"tool_choice":{"type":"function","function":{"name":"get"}},"parallel_tool_calls":null})");
    row("parallel tool use disabled",
        "{" + tools + R"(,"tool_choice":{"type":"auto","disable_parallel_tool_use":true}})",
        R"({"tool_choice":"auto","parallel_tool_calls":false})");
    row("no tool_choice", "{" + tools + "}", R"({"tool_choice":null,"parallel_tool_calls":null})");
}

// Each row patches a minimal request, translates it with the given rules and lists the
// fields to check; a field expected as null must be absent.
void TestChatRequestTranslator::rules_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<ProviderRules>("rules");
    QTest::addColumn<int>("maxOutputTokens");
    QTest::addColumn<QByteArray>("expectedFields");

    const auto row = [](const char *name, const QByteArray &patch, const ProviderRules &rules,
                        const QByteArray &expected, int maxOutputTokens = 0) {
        QTest::newRow(name) << patch << rules << maxOutputTokens << expected;
    };

    // Thinking: every switch against every kind of wish. The expected fields name all the
    // switches' keys, so that a switch is seen to set its own keys and no other's.
    using Switch = ProviderRules::ThinkingSwitch;
    const auto thinkingRow = [&row](const char *name, Switch thinkingSwitch, const QByteArray &patch,
                                    const QByteArray &expected) {
        QByteArray fields = R"({"reasoning_effort":null,"thinking":null,"enable_thinking":null,
                                "thinking_budget":null,"reasoning":null,"output_config":null)";
        if (expected != "{}")
            fields += "," + expected.mid(1);
        else
            fields += "}";
        row(name, patch, rulesWith(thinkingSwitch), fields);
    };
    const QByteArray adaptiveHigh = R"({"thinking":{"type":"adaptive"},"output_config":{"effort":"high"}})";
    const QByteArray adaptive = R"({"thinking":{"type":"adaptive"}})";
    const QByteArray budget2000 = R"({"thinking":{"type":"enabled","budget_tokens":2000}})";
    const QByteArray budget10000 = R"({"thinking":{"type":"enabled","budget_tokens":10000}})";
    const QByteArray budget20000 = R"({"thinking":{"type":"enabled","budget_tokens":20000}})";
    const QByteArray budgetAndEffort =
        R"({"thinking":{"type":"enabled","budget_tokens":2000},"output_config":{"effort":"high"}})";
    const QByteArray disabled = R"({"thinking":{"type":"disabled"},"output_config":{"effort":"high"}})";
    const QByteArray absent = "{}";

    thinkingRow("None, adaptive", Switch::None, adaptiveHigh, "{}");
    thinkingRow("None, budget", Switch::None, budget20000, "{}");

    thinkingRow("ReasoningEffort, adaptive with effort", Switch::ReasoningEffort, adaptiveHigh,
                R"({"reasoning_effort":"high"})");
    thinkingRow("ReasoningEffort, adaptive without effort", Switch::ReasoningEffort, adaptive,
                R"({"reasoning_effort":"medium"})");
    thinkingRow("ReasoningEffort, budget under 4096", Switch::ReasoningEffort, budget2000,
                R"({"reasoning_effort":"low"})");
    thinkingRow("ReasoningEffort, budget under 16384", Switch::ReasoningEffort, budget10000,
                R"({"reasoning_effort":"medium"})");
    thinkingRow("ReasoningEffort, budget from 16384", Switch::ReasoningEffort, budget20000,
                R"({"reasoning_effort":"high"})");
    thinkingRow("ReasoningEffort, effort wins over budget", Switch::ReasoningEffort, budgetAndEffort,
                R"({"reasoning_effort":"high"})");
    thinkingRow("ReasoningEffort, effort max", Switch::ReasoningEffort,
                R"({"thinking":{"type":"adaptive"},"output_config":{"effort":"max"}})",
                R"({"reasoning_effort":"high"})");
    thinkingRow("ReasoningEffort, disabled", Switch::ReasoningEffort, disabled, "{}");
    thinkingRow("ReasoningEffort, absent", Switch::ReasoningEffort, absent, "{}");

    thinkingRow("ThinkingType, adaptive", Switch::ThinkingType, adaptiveHigh,
                R"({"thinking":{"type":"enabled"}})");
    thinkingRow("ThinkingType, budget", Switch::ThinkingType, budget2000,
                R"({"thinking":{"type":"enabled"}})");
    thinkingRow("ThinkingType, disabled", Switch::ThinkingType, disabled,
                R"({"thinking":{"type":"disabled"}})");
    thinkingRow("ThinkingType, absent", Switch::ThinkingType, absent, "{}");

    thinkingRow("EnableThinking, adaptive", Switch::EnableThinking, adaptiveHigh,
                R"({"enable_thinking":true})");
    thinkingRow("EnableThinking, budget", Switch::EnableThinking, budget10000,
                R"({"enable_thinking":true,"thinking_budget":10000})");
    thinkingRow("EnableThinking, disabled", Switch::EnableThinking,
                R"({"thinking":{"type":"disabled","budget_tokens":2000}})",
                R"({"enable_thinking":false})");
    thinkingRow("EnableThinking, absent", Switch::EnableThinking, absent, R"({"enable_thinking":false})");

    thinkingRow("OpenRouterReasoning, adaptive", Switch::OpenRouterReasoning, adaptiveHigh,
                R"({"reasoning":{"effort":"high"}})");
    thinkingRow("OpenRouterReasoning, adaptive without effort", Switch::OpenRouterReasoning, adaptive,
                R"({"reasoning":{"effort":"medium"}})");
    thinkingRow("OpenRouterReasoning, budget", Switch::OpenRouterReasoning, budgetAndEffort,
                R"({"reasoning":{"max_tokens":2000}})");
    thinkingRow("OpenRouterReasoning, disabled", Switch::OpenRouterReasoning, disabled, "{}");
    thinkingRow("OpenRouterReasoning, absent", Switch::OpenRouterReasoning, absent, "{}");

    // Web search.
    using WebSearch = ProviderRules::WebSearch;
    const QByteArray searchAndGet = R"({"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":5},
                                                 {"name":"get","input_schema":{"type":"object"}}],
                                        "tool_choice":{"type":"auto"}})";
    const QByteArray onlySearch = R"({"tools":[{"type":"web_search_20250305","name":"web_search"}],
                                      "tool_choice":{"type":"any"}})";
    const QByteArray get = R"({"type":"function","function":{"name":"get","parameters":{"type":"object"}}})";
    const QByteArray glmSearch = R"({"type":"web_search","web_search":{"enable":true}})";

    row("web search dropped", searchAndGet, rulesWith(WebSearch::Drop),
        R"({"tools":[)" + get + R"(],"plugins":null,"tool_choice":"auto"})");
    row("web search as OpenRouter's plugin", searchAndGet, rulesWith(WebSearch::OpenRouterPlugin),
        R"({"tools":[)" + get + R"(],"plugins":[{"id":"web"}],"tool_choice":"auto"})");
    row("web search as GLM's tool", searchAndGet, rulesWith(WebSearch::GlmTool),
        R"({"tools":[)" + get + "," + glmSearch + R"(],"plugins":null,"tool_choice":"auto"})");
    row("a later web search version", R"({"tools":[{"type":"web_search_20260101","name":"web_search"}]})",
        rulesWith(WebSearch::GlmTool), R"({"tools":[)" + glmSearch + "]}");
    row("only web search, dropped", onlySearch, rulesWith(WebSearch::Drop),
        R"({"tools":null,"plugins":null,"tool_choice":null})");
    row("only web search, OpenRouter's plugin", onlySearch, rulesWith(WebSearch::OpenRouterPlugin),
        R"({"tools":null,"plugins":[{"id":"web"}],"tool_choice":null})");
    row("only web search, GLM's tool", onlySearch, rulesWith(WebSearch::GlmTool),
        R"({"tools":[)" + glmSearch + R"(],"tool_choice":null})");
    row("no web search asked for", R"({"tools":[{"name":"get","input_schema":{"type":"object"}}]})",
        rulesWith(WebSearch::OpenRouterPlugin), R"({"tools":[)" + get + R"(],"plugins":null})");
    row("other server tools are no web search", R"({"tools":[{"type":"web_fetch_20250910","name":"web_fetch"}]})",
        rulesWith(WebSearch::GlmTool), R"({"tools":null,"plugins":null})");

    // The cap's name.
    ProviderRules completionTokens;
    completionTokens.maxCompletionTokens = true;
    row("max_completion_tokens", R"({"max_tokens":1000})", completionTokens,
        R"({"max_completion_tokens":1000,"max_tokens":null})");
    row("max_completion_tokens over the cap", R"({"max_tokens":128000})", completionTokens,
        R"({"max_completion_tokens":32000,"max_tokens":null})", 32000);
    row("max_tokens by default", R"({"max_tokens":1000})", ProviderRules(),
        R"({"max_tokens":1000,"max_completion_tokens":null})");
}

void TestChatRequestTranslator::reasoningHistory_data()
{
    QTest::addColumn<ProviderRules::ReasoningHistory>("history");
    QTest::addColumn<QByteArray>("anthropicMessages");
    QTest::addColumn<QByteArray>("expectedMessages");

    using History = ProviderRules::ReasoningHistory;
    const auto row = [](const char *name, History history, const QByteArray &anthropic,
                        const QByteArray &expected) {
        QTest::newRow(name) << history << anthropic << expected;
    };

    const QByteArray toolTurn =
        R"([{"role":"user","content":"Add 1 and 2."},
            {"role":"assistant","content":[{"type":"thinking","thinking":"Use add.","signature":"sig"},
                {"type":"text","text":"Adding."},
                {"type":"tool_use","id":"toolu_1","name":"add","input":{"a":1,"b":2}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"3"}]}])";
    row("tool-calling turn, reasoning_content", History::ReasoningContent, toolTurn,
        R"([{"role":"user","content":"Add 1 and 2."},
            {"role":"assistant","content":"Adding.","reasoning_content":"Use add.","tool_calls":[
                {"id":"toolu_1","type":"function","function":{"name":"add","arguments":"{\"a\":1,\"b\":2}"}}]},
            {"role":"tool","tool_call_id":"toolu_1","content":"3"}])");
    row("tool-calling turn, dropped", History::Drop, toolTurn,
        R"([{"role":"user","content":"Add 1 and 2."},
            {"role":"assistant","content":"Adding.","tool_calls":[
                {"id":"toolu_1","type":"function","function":{"name":"add","arguments":"{\"a\":1,\"b\":2}"}}]},
            {"role":"tool","tool_call_id":"toolu_1","content":"3"}])");
    row("several thinking blocks joined, redacted and empty ones left out", History::ReasoningContent,
        R"([{"role":"assistant","content":[{"type":"thinking","thinking":"One.","signature":""},
            {"type":"redacted_thinking","data":"xyz"},{"type":"thinking","thinking":"","signature":""},
            {"type":"tool_use","id":"toolu_1","name":"now","input":{}},
            {"type":"thinking","thinking":"Two.","signature":""}]}])",
        R"([{"role":"assistant","reasoning_content":"One.\n\nTwo.","tool_calls":[
            {"id":"toolu_1","type":"function","function":{"name":"now","arguments":"{}"}}]}])");
    row("text turn", History::ReasoningContent,
        R"([{"role":"assistant","content":[{"type":"thinking","thinking":"2+2","signature":""},
            {"type":"text","text":"4"}]}])",
        R"([{"role":"assistant","content":"4","reasoning_content":"2+2"}])");
    row("no thinking, no reasoning_content", History::ReasoningContent,
        R"([{"role":"assistant","content":[{"type":"redacted_thinking","data":"xyz"},{"type":"text","text":"4"}]},
            {"role":"assistant","content":"5"}])",
        R"([{"role":"assistant","content":"4"},{"role":"assistant","content":"5"}])");
    row("thinking alone makes no message", History::ReasoningContent,
        R"([{"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":""}]}])",
        R"([])");
}
#endif

QTEST_GUILESS_MAIN(TestChatRequestTranslator)
#include "tst_chatrequesttranslator.moc"
