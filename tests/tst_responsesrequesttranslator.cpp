#include "protocol/openai/responsesrequesttranslator.h"
#include "protocol/toolcallid.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// JSON in this file is written with single quotes (see TestData::doubleQuoted).
namespace {
using TestData::compact;
using TestData::valueAt;
const auto parse = TestData::parseSingleQuoted;
const auto json = TestData::singleQuotedObject;
const auto requestWith = TestData::messagesRequest;

const QString upstreamModel = QStringLiteral("upstream-model");

QJsonObject translate(const QJsonObject &request, int maxOutputTokens = 0)
{
    return ResponsesRequestTranslator::translate(request, {upstreamModel, maxOutputTokens, {}});
}

QJsonObject requestWithMessages(const QByteArray &messages)
{
    return requestWith({{QStringLiteral("messages"), parse(messages).array()}});
}

// Empty content parts and empty messages are never sent: providers reject them.
void verifyNoEmptyContent(const QJsonArray &input)
{
    for (const QJsonValue &value : input) {
        const QJsonObject item = value.toObject();
        if (valueAt(item, "type").toString() != QLatin1StringView("message"))
            continue;
        const QJsonArray parts = valueAt(item, "content").toArray();
        QVERIFY2(!parts.isEmpty(), compact(item).constData());
        for (const QJsonValue &part : parts) {
            const QJsonValue text = valueAt(part, "text");
            QVERIFY2(text.isUndefined() || !text.toString().isEmpty(), compact(item).constData());
        }
    }
}

QStringList itemKinds(const QJsonArray &input)
{
    QStringList kinds;
    for (const QJsonValue &item : input) {
        const QString type = valueAt(item, "type").toString();
        kinds << (type == QLatin1StringView("message") ? valueAt(item, "role").toString() : type);
    }
    return kinds;
}
}

class TestResponsesRequestTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void input_data();
    void input();
    void instructions_data();
    void instructions();
    void fields_data();
    void fields();
    void tools();
    void toolChoice_data();
    void toolChoice();
    void reasoningEffort_data();
    void reasoningEffort();
    void encodedToolCallIdsGoBackUpstream();
    void capturedClaudeCodeFirstTurn();
    void capturedClaudeCodeSecondTurn();
};

void TestResponsesRequestTranslator::input_data()
{
    QTest::addColumn<QByteArray>("anthropicMessages");
    QTest::addColumn<QByteArray>("expectedInput");

    QTest::newRow("user string")
        << QByteArray("[{'role':'user','content':'Hi'}]")
        << QByteArray("[{'type':'message','role':'user','content':[{'type':'input_text','text':'Hi'}]}]");
    QTest::newRow("user text blocks, empty ones dropped")
        << QByteArray("[{'role':'user','content':[{'type':'text','text':'One'},{'type':'text','text':''},"
                      "{'type':'text','text':'Two','cache_control':{'type':'ephemeral'}}]}]")
        << QByteArray("[{'type':'message','role':'user','content':[{'type':'input_text','text':'One'},"
                      "{'type':'input_text','text':'Two'}]}]");
    QTest::newRow("empty user turns dropped")
        << QByteArray("[{'role':'user','content':''},{'role':'user','content':[]},"
                      "{'role':'user','content':[{'type':'text','text':''}]},{'role':'user','content':'Hi'}]")
        << QByteArray("[{'type':'message','role':'user','content':[{'type':'input_text','text':'Hi'}]}]");
    QTest::newRow("images")
        << QByteArray("[{'role':'user','content':["
                      "{'type':'image','source':{'type':'base64','media_type':'image/png','data':'iVBORw0KGgo='}},"
                      "{'type':'image','source':{'type':'url','url':'https://example.com/cat.jpg'}},"
                      "{'type':'image','source':{'type':'file','file_id':'file_1'}},"
                      "{'type':'text','text':'What is this?'}]}]")
        << QByteArray("[{'type':'message','role':'user','content':["
                      "{'type':'input_image','image_url':'data:image/png;base64,iVBORw0KGgo=','detail':'auto'},"
                      "{'type':'input_image','image_url':'https://example.com/cat.jpg','detail':'auto'},"
                      "{'type':'input_text','text':'What is this?'}]}]");
    // OpenAI's input_file; DocumentFitter has left a PDF only where the provider reads them.
    QTest::newRow("PDF as input_file, named after its title")
        << QByteArray("[{'role':'user','content':[{'type':'document','title':'report.PDF',"
                      "'source':{'type':'base64','media_type':'application/pdf','data':'JVBERi0xLjQK'}},"
                      "{'type':'text','text':'Sum it up.'}]}]")
        << QByteArray("[{'type':'message','role':'user','content':["
                      "{'type':'input_file','filename':'report.PDF','file_data':'data:application/pdf;base64,JVBERi0xLjQK'},"
                      "{'type':'input_text','text':'Sum it up.'}]}]");
    QTest::newRow("assistant text, thinking dropped")
        << QByteArray("[{'role':'assistant','content':[{'type':'thinking','thinking':'Hmm','signature':'sig'},"
                      "{'type':'redacted_thinking','data':'xyz'},{'type':'text','text':'Hello.'}]}]")
        << QByteArray("[{'type':'message','role':'assistant','content':[{'type':'output_text','text':'Hello.'}]}]");
    QTest::newRow("assistant string")
        << QByteArray("[{'role':'assistant','content':'Sure.'}]")
        << QByteArray("[{'type':'message','role':'assistant','content':[{'type':'output_text','text':'Sure.'}]}]");
    QTest::newRow("assistant with nothing left")
        << QByteArray("[{'role':'assistant','content':[{'type':'thinking','thinking':'Hmm','signature':'s'}]}]")
        << QByteArray("[]");
    QTest::newRow("tool call and its result")
        << QByteArray("[{'role':'assistant','content':[{'type':'text','text':'Adding.'},"
                      "{'type':'tool_use','id':'toolu_1','name':'add','input':{'a':1,'b':[2,3]}}]},"
                      "{'role':'user','content':[{'type':'text','text':'Thanks'},"
                      "{'type':'tool_result','tool_use_id':'toolu_1','content':'3'}]}]")
        << QByteArray("[{'type':'message','role':'assistant','content':[{'type':'output_text','text':'Adding.'}]},"
                      "{'type':'function_call','call_id':'toolu_1','name':'add','arguments':'{\\'a\\':1,\\'b\\':[2,3]}'},"
                      "{'type':'function_call_output','call_id':'toolu_1','output':'3'},"
                      "{'type':'message','role':'user','content':[{'type':'input_text','text':'Thanks'}]}]");
    QTest::newRow("parallel calls, text after a call keeps its place")
        << QByteArray("[{'role':'assistant','content':[{'type':'tool_use','id':'a','name':'f','input':{}},"
                      "{'type':'tool_use','id':'b','name':'g','input':{}},{'type':'text','text':'Done.'}]},"
                      "{'role':'user','content':[{'type':'tool_result','tool_use_id':'a','content':'1'},"
                      "{'type':'tool_result','tool_use_id':'b','content':'2'}]}]")
        << QByteArray("[{'type':'function_call','call_id':'a','name':'f','arguments':'{}'},"
                      "{'type':'function_call','call_id':'b','name':'g','arguments':'{}'},"
                      "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'Done.'}]},"
                      "{'type':'function_call_output','call_id':'a','output':'1'},"
                      "{'type':'function_call_output','call_id':'b','output':'2'}]");
    QTest::newRow("result blocks joined by lines, is_error")
        << QByteArray("[{'role':'user','content':[{'type':'tool_result','tool_use_id':'t','is_error':true,"
                      "'content':[{'type':'text','text':'line 1'},{'type':'text','text':'line 2'}]}]}]")
        << QByteArray("[{'type':'function_call_output','call_id':'t','output':'Error: line 1\\nline 2'}]");
    QTest::newRow("empty results")
        << QByteArray("[{'role':'user','content':[{'type':'tool_result','tool_use_id':'a','content':''},"
                      "{'type':'tool_result','tool_use_id':'b','content':[]},{'type':'tool_result','tool_use_id':'c'},"
                      "{'type':'tool_result','tool_use_id':'d','is_error':true}]}]")
        << QByteArray("[{'type':'function_call_output','call_id':'a','output':'(no content)'},"
                      "{'type':'function_call_output','call_id':'b','output':'(no content)'},"
                      "{'type':'function_call_output','call_id':'c','output':'(no content)'},"
                      "{'type':'function_call_output','call_id':'d','output':'Error: (no content)'}]");
    QTest::newRow("image in a result goes to the user message")
        << QByteArray("[{'role':'user','content':[{'type':'tool_result','tool_use_id':'shot','content':["
                      "{'type':'image','source':{'type':'base64','media_type':'image/jpeg','data':'AAAA'}}]},"
                      "{'type':'text','text':'Look.'}]}]")
        << QByteArray("[{'type':'function_call_output','call_id':'shot','output':'(see the images below)'},"
                      "{'type':'message','role':'user','content':["
                      "{'type':'input_image','image_url':'data:image/jpeg;base64,AAAA','detail':'auto'},"
                      "{'type':'input_text','text':'Look.'}]}]");
    QTest::newRow("PDF a tool read goes to the user message")
        << QByteArray("[{'role':'user','content':[{'type':'tool_result','tool_use_id':'read','content':["
                      "{'type':'text','text':'PDF file read'},"
                      "{'type':'document','source':{'type':'base64','media_type':'application/pdf','data':'JVBERi0xLjQK'}}]}]}]")
        << QByteArray("[{'type':'function_call_output','call_id':'read','output':'PDF file read'},"
                      "{'type':'message','role':'user','content':["
                      "{'type':'input_file','filename':'document.pdf','file_data':'data:application/pdf;base64,JVBERi0xLjQK'}]}]");
    QTest::newRow("system message kept in place as developer")
        << QByteArray("[{'role':'user','content':'Hi'},{'role':'system','content':[{'type':'text','text':'# Env'},"
                      "{'type':'text','text':'cwd: /tmp'}]},{'role':'system','content':''},{'role':'assistant','content':'Hello'}]")
        << QByteArray("[{'type':'message','role':'user','content':[{'type':'input_text','text':'Hi'}]},"
                      "{'type':'message','role':'developer','content':[{'type':'input_text','text':'# Env\\n\\ncwd: /tmp'}]},"
                      "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'Hello'}]}]");
}

void TestResponsesRequestTranslator::input()
{
    QFETCH(QByteArray, anthropicMessages);
    QFETCH(QByteArray, expectedInput);
    const QJsonArray input = translate(requestWithMessages(anthropicMessages))
                                 .value(QLatin1StringView("input"))
                                 .toArray();
    QCOMPARE(compact(input), compact(parse(expectedInput).array()));
    verifyNoEmptyContent(input);
}

void TestResponsesRequestTranslator::instructions_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QJsonValue>("instructions"); // undefined: none

    QTest::newRow("string") << QByteArray("{'system':'Be brief.'}") << QJsonValue(QStringLiteral("Be brief."));
    QTest::newRow("text blocks")
        << QByteArray("{'system':[{'type':'text','text':'One.'},{'type':'text','text':''},"
                      "{'type':'text','text':'Two.','cache_control':{'type':'ephemeral'}}]}")
        << QJsonValue(QStringLiteral("One.\n\nTwo."));
    QTest::newRow("empty string") << QByteArray("{'system':''}") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("empty list") << QByteArray("{'system':[]}") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("absent") << QByteArray("{}") << QJsonValue(QJsonValue::Undefined);
}

void TestResponsesRequestTranslator::instructions()
{
    QFETCH(QByteArray, patch);
    QFETCH(QJsonValue, instructions);
    const QJsonObject responses = translate(requestWith(parse(patch).object()));
    QCOMPARE(responses.value(QLatin1StringView("instructions")), instructions);
    // Never a system message in the input as well.
    QCOMPARE(itemKinds(responses.value(QLatin1StringView("input")).toArray()),
             QStringList{QStringLiteral("user")});
}

void TestResponsesRequestTranslator::fields_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("maxOutputTokens");
    QTest::addColumn<QByteArray>("expectedFields"); // null: the key is absent

    QTest::newRow("defaults")
        << QByteArray("{}") << 0
        << QByteArray("{'model':'upstream-model','max_output_tokens':1024,'store':false,'stream':null,"
                      "'temperature':null,'top_p':null,'reasoning':null,'tools':null,'tool_choice':null,"
                      "'parallel_tool_calls':null,'user':null,'instructions':null,'max_tokens':null,"
                      "'messages':null,'system':null,'stop':null,'stop_sequences':null,'metadata':null}");
    QTest::newRow("max_tokens clamped") << QByteArray("{'max_tokens':128000}") << 32000
                                        << QByteArray("{'max_output_tokens':32000}");
    QTest::newRow("max_tokens under the cap") << QByteArray("{'max_tokens':8000}") << 32000
                                              << QByteArray("{'max_output_tokens':8000}");
    // Claude Code's quota probe asks for one token; OpenAI's minimum is 16.
    QTest::newRow("max_tokens below the minimum") << QByteArray("{'max_tokens':1}") << 0
                                                  << QByteArray("{'max_output_tokens':16}");
    QTest::newRow("sampling copied")
        << QByteArray("{'temperature':0.5,'top_p':0.9,'top_k':40}") << 0
        << QByteArray("{'temperature':0.5,'top_p':0.9,'top_k':null}");
    QTest::newRow("stop sequences dropped")
        << QByteArray("{'stop_sequences':['###']}") << 0
        << QByteArray("{'stop':null,'stop_sequences':null}");
    QTest::newRow("stream") << QByteArray("{'stream':true}") << 0
                            << QByteArray("{'stream':true,'store':false,'stream_options':null}");
    QTest::newRow("no stream") << QByteArray("{'stream':false}") << 0 << QByteArray("{'stream':null}");
    QTest::newRow("user id") << QByteArray("{'metadata':{'user_id':'user-42'}}") << 0
                             << QByteArray("{'user':'user-42','metadata':null}");
    QTest::newRow("Anthropic-only fields dropped")
        << QByteArray("{'context_management':{'edits':[]},'output_config':{'format':{'type':'json_schema'}},"
                      "'thinking':{'type':'disabled'},'service_tier':'auto'}") << 0
        << QByteArray("{'context_management':null,'output_config':null,'thinking':null,'reasoning':null,"
                      "'service_tier':null}");
}

void TestResponsesRequestTranslator::fields()
{
    QFETCH(QByteArray, patch);
    QFETCH(int, maxOutputTokens);
    QFETCH(QByteArray, expectedFields);

    const QJsonObject responses = translate(requestWith(parse(patch).object()), maxOutputTokens);
    const QJsonObject expected = parse(expectedFields).object();
    QJsonObject actual;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        actual.insert(it.key(), responses.contains(it.key()) ? responses.value(it.key()) : QJsonValue());
    QCOMPARE(compact(actual), compact(expected));
}

// Flat function tools; server tools and tools without a schema cannot run upstream.
void TestResponsesRequestTranslator::tools()
{
    const QJsonObject responses = translate(requestWith(json(
        "{'tools':["
        "{'name':'Read','description':'Reads a file.','input_schema':{'type':'object','properties':{'path':{'type':'string'}}},"
        "'cache_control':{'type':'ephemeral'}},"
        "{'type':'custom','name':'Plain','input_schema':{'type':'object'}},"
        "{'type':'web_search_20250305','name':'web_search','max_uses':5},"
        "{'type':'text_editor_20250124','name':'str_replace_editor'},"
        "{'name':'NoSchema'}]}")));
    const QJsonArray expected = parse(
        "[{'type':'function','name':'Read','description':'Reads a file.','strict':false,"
        "'parameters':{'type':'object','properties':{'path':{'type':'string'}}}},"
        "{'type':'function','name':'Plain','strict':false,'parameters':{'type':'object'}}]").array();
    QCOMPARE(compact(responses.value(QLatin1StringView("tools"))), compact(expected));

    // Only server tools: no tools at all, and no tool_choice without them.
    const QJsonObject serverOnly = translate(requestWith(json(
        "{'tools':[{'type':'web_search_20250305','name':'web_search'}],'tool_choice':{'type':'any'}}")));
    QVERIFY(!serverOnly.contains(QLatin1StringView("tools")));
    QVERIFY(!serverOnly.contains(QLatin1StringView("tool_choice")));
}

void TestResponsesRequestTranslator::toolChoice_data()
{
    QTest::addColumn<QByteArray>("choice");
    QTest::addColumn<QByteArray>("expectedFields");
    QTest::newRow("absent") << QByteArray("null") << QByteArray("{'tool_choice':null,'parallel_tool_calls':null}");
    QTest::newRow("auto") << QByteArray("{'type':'auto'}") << QByteArray("{'tool_choice':'auto','parallel_tool_calls':null}");
    QTest::newRow("any") << QByteArray("{'type':'any'}") << QByteArray("{'tool_choice':'required','parallel_tool_calls':null}");
    QTest::newRow("tool") << QByteArray("{'type':'tool','name':'Read'}")
                          << QByteArray("{'tool_choice':{'type':'function','name':'Read'},'parallel_tool_calls':null}");
    QTest::newRow("none") << QByteArray("{'type':'none'}") << QByteArray("{'tool_choice':'none','parallel_tool_calls':null}");
    QTest::newRow("no parallel calls") << QByteArray("{'type':'auto','disable_parallel_tool_use':true}")
                                       << QByteArray("{'tool_choice':'auto','parallel_tool_calls':false}");
    QTest::newRow("parallel calls allowed") << QByteArray("{'type':'any','disable_parallel_tool_use':false}")
                                            << QByteArray("{'tool_choice':'required','parallel_tool_calls':null}");
    QTest::newRow("unknown type") << QByteArray("{'type':'sometimes'}")
                                  << QByteArray("{'tool_choice':null,'parallel_tool_calls':null}");
}

void TestResponsesRequestTranslator::toolChoice()
{
    QFETCH(QByteArray, choice);
    QFETCH(QByteArray, expectedFields);
    QJsonObject request = requestWith(json("{'tools':[{'name':'Read','input_schema':{'type':'object'}}]}"));
    const QJsonValue choiceValue = parse("[" + choice + "]").array().first();
    if (choiceValue.isObject())
        request.insert(QStringLiteral("tool_choice"), choiceValue);
    const QJsonObject responses = translate(request);
    const QJsonObject expected = parse(expectedFields).object();
    QJsonObject actual;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        actual.insert(it.key(), responses.contains(it.key()) ? responses.value(it.key()) : QJsonValue());
    QCOMPARE(compact(actual), compact(expected));
}

void TestResponsesRequestTranslator::reasoningEffort_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("effort"); // empty: no reasoning field

    QTest::newRow("no thinking") << QByteArray("{}") << QString();
    QTest::newRow("disabled") << QByteArray("{'thinking':{'type':'disabled'}}") << QString();
    QTest::newRow("budget 1024") << QByteArray("{'thinking':{'type':'enabled','budget_tokens':1024}}") << QStringLiteral("low");
    QTest::newRow("budget 4095") << QByteArray("{'thinking':{'type':'enabled','budget_tokens':4095}}") << QStringLiteral("low");
    QTest::newRow("budget 4096") << QByteArray("{'thinking':{'type':'enabled','budget_tokens':4096}}") << QStringLiteral("medium");
    QTest::newRow("budget 16383") << QByteArray("{'thinking':{'type':'enabled','budget_tokens':16383}}") << QStringLiteral("medium");
    QTest::newRow("budget 16384") << QByteArray("{'thinking':{'type':'enabled','budget_tokens':16384}}") << QStringLiteral("high");
    QTest::newRow("budget 31999") << QByteArray("{'thinking':{'type':'enabled','budget_tokens':31999}}") << QStringLiteral("high");
    QTest::newRow("budget without type") << QByteArray("{'thinking':{'budget_tokens':2048}}") << QStringLiteral("low");
    QTest::newRow("enabled without budget") << QByteArray("{'thinking':{'type':'enabled'}}") << QStringLiteral("medium");
    QTest::newRow("adaptive") << QByteArray("{'thinking':{'type':'adaptive','display':'omitted'}}") << QStringLiteral("medium");
    QTest::newRow("effort low") << QByteArray("{'output_config':{'effort':'low'}}") << QStringLiteral("low");
    QTest::newRow("effort high") << QByteArray("{'output_config':{'effort':'high'}}") << QStringLiteral("high");
    QTest::newRow("effort max") << QByteArray("{'output_config':{'effort':'max'}}") << QStringLiteral("high");
    QTest::newRow("effort wins over budget")
        << QByteArray("{'thinking':{'type':'enabled','budget_tokens':32000},'output_config':{'effort':'low'}}")
        << QStringLiteral("low");
    QTest::newRow("effort wins over adaptive")
        << QByteArray("{'thinking':{'type':'adaptive'},'output_config':{'effort':'high'}}") << QStringLiteral("high");
    QTest::newRow("unknown effort, budget decides")
        << QByteArray("{'thinking':{'type':'enabled','budget_tokens':20000},'output_config':{'effort':'extreme'}}")
        << QStringLiteral("high");
}

void TestResponsesRequestTranslator::reasoningEffort()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, effort);
    const QJsonObject responses = translate(requestWith(parse(patch).object()));
    if (effort.isEmpty()) {
        QVERIFY(!responses.contains(QLatin1StringView("reasoning")));
    } else {
        QCOMPARE(responses.value(QLatin1StringView("reasoning")).toObject(),
                 (QJsonObject{{QStringLiteral("effort"), effort}, {QStringLiteral("summary"), QStringLiteral("auto")}}));
    }
    QVERIFY(!responses.contains(QLatin1StringView("thinking")));
    QVERIFY(!responses.contains(QLatin1StringView("output_config")));
}

// Kimi-style ids, encoded for Anthropic by the response side, go back as the provider's own.
void TestResponsesRequestTranslator::encodedToolCallIdsGoBackUpstream()
{
    const QString kimiId = QStringLiteral("functions.add:0");
    const QByteArray anthropicId = ToolCallId::toAnthropic(kimiId).toUtf8();
    QVERIFY(anthropicId.startsWith("toolu_hex_"));
    const QByteArray messages =
        QByteArray("[{'role':'assistant','content':[{'type':'tool_use','id':'ID','name':'add','input':{}}]},"
                   "{'role':'user','content':[{'type':'tool_result','tool_use_id':'ID','content':'3'}]}]")
            .replace("ID", anthropicId);
    const QJsonObject responses = translate(requestWithMessages(messages));
    QCOMPARE(valueAt(responses, "input.0.type").toString(), QStringLiteral("function_call"));
    QCOMPARE(valueAt(responses, "input.0.call_id").toString(), kimiId);
    QCOMPARE(valueAt(responses, "input.1.type").toString(), QStringLiteral("function_call_output"));
    QCOMPARE(valueAt(responses, "input.1.call_id").toString(), kimiId);
}

void TestResponsesRequestTranslator::capturedClaudeCodeFirstTurn()
{
    const QJsonObject request =
        TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json"));
    const QJsonObject responses = translate(request, 32000);

    QCOMPARE(valueAt(responses, "model").toString(), upstreamModel);
    QCOMPARE(valueAt(request, "max_tokens").toInteger(), 128000);
    QCOMPARE(valueAt(responses, "max_output_tokens").toInteger(), 32000);
    QCOMPARE(valueAt(responses, "store"), QJsonValue(false));
    QCOMPARE(valueAt(responses, "stream"), QJsonValue(true));
    QCOMPARE(valueAt(responses, "user"), valueAt(request, "metadata.user_id"));
    // Claude Code asks for adaptive thinking at medium effort.
    QCOMPARE(valueAt(request, "output_config.effort").toString(), QStringLiteral("medium"));
    QCOMPARE(valueAt(responses, "reasoning").toObject(), json("{'effort':'medium','summary':'auto'}"));
    for (const char *key : {"thinking", "output_config", "context_management", "metadata", "system",
                            "messages", "max_tokens", "stream_options"})
        QVERIFY2(!responses.contains(QLatin1StringView(key)), key);

    QStringList systemTexts;
    for (const QJsonValue &block : valueAt(request, "system").toArray())
        systemTexts << valueAt(block, "text").toString();
    QCOMPARE(valueAt(responses, "instructions").toString(), systemTexts.join(QLatin1StringView("\n\n")));
    QVERIFY(valueAt(responses, "instructions").toString().startsWith(QLatin1StringView(
        "x-anthropic-billing-header: cc_version=2.1.330.c93; cc_entrypoint=sdk-cli;\n\n"
        "You are a Claude agent, built on Anthropic's Claude Agent SDK.\n\n\nYou are an agent")));

    const QJsonArray input = valueAt(responses, "input").toArray();
    verifyNoEmptyContent(input);
    QCOMPARE(itemKinds(input), (QStringList{QStringLiteral("user"), QStringLiteral("developer")}));
    const QJsonArray userBlocks = valueAt(request, "messages.0.content").toArray();
    const QJsonArray userParts = valueAt(input, "0.content").toArray();
    QCOMPARE(userParts.size(), userBlocks.size());
    for (qsizetype i = 0; i < userParts.size(); ++i) {
        QCOMPARE(valueAt(userParts.at(i), "type").toString(), QStringLiteral("input_text"));
        QCOMPARE(valueAt(userParts.at(i), "text"), valueAt(userBlocks.at(i), "text"));
    }
    // Claude Code's environment message stays where it was, after the user's prompt.
    QCOMPARE(valueAt(request, "messages.1.role").toString(), QStringLiteral("system"));
    QCOMPARE(valueAt(input, "1.content").toArray().size(), 1);
    QCOMPARE(valueAt(input, "1.content.0.type").toString(), QStringLiteral("input_text"));
    QVERIFY(valueAt(input, "1.content.0.text").toString().startsWith(QLatin1StringView("# Environment\n")));

    const QJsonArray tools = valueAt(responses, "tools").toArray();
    const QJsonArray anthropicTools = valueAt(request, "tools").toArray();
    QCOMPARE(anthropicTools.size(), 12);
    QCOMPARE(tools.size(), 12);
    for (qsizetype i = 0; i < tools.size(); ++i) {
        QCOMPARE(tools.at(i).toObject().keys(),
                 (QStringList{QStringLiteral("description"), QStringLiteral("name"),
                              QStringLiteral("parameters"), QStringLiteral("strict"), QStringLiteral("type")}));
        QCOMPARE(valueAt(tools.at(i), "type").toString(), QStringLiteral("function"));
        QCOMPARE(valueAt(tools.at(i), "strict"), QJsonValue(false));
        QCOMPARE(valueAt(tools.at(i), "name"), valueAt(anthropicTools.at(i), "name"));
        QCOMPARE(valueAt(tools.at(i), "description"), valueAt(anthropicTools.at(i), "description"));
        QCOMPARE(valueAt(tools.at(i), "parameters"), valueAt(anthropicTools.at(i), "input_schema"));
    }
}

void TestResponsesRequestTranslator::capturedClaudeCodeSecondTurn()
{
    const QJsonObject request =
        TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn2.json"));
    const QJsonObject responses = translate(request);
    QCOMPARE(valueAt(responses, "max_output_tokens").toInteger(), 128000);
    QCOMPARE(valueAt(responses, "store"), QJsonValue(false));

    const QJsonArray input = valueAt(responses, "input").toArray();
    verifyNoEmptyContent(input);
    QCOMPARE(itemKinds(input),
             (QStringList{QStringLiteral("user"), QStringLiteral("developer"), QStringLiteral("assistant"),
                          QStringLiteral("function_call"), QStringLiteral("function_call_output")}));
    // The environment message was a plain string in this turn.
    QCOMPARE(valueAt(input, "1.content.0.text"), valueAt(request, "messages.1.content"));

    QCOMPARE(valueAt(input, "2.content").toArray().size(), 1);
    QCOMPARE(valueAt(input, "2.content.0.type").toString(), QStringLiteral("output_text"));
    QCOMPARE(valueAt(input, "2.content.0.text").toString(), QStringLiteral("I will create the file now."));

    const QJsonObject call = valueAt(input, "3").toObject();
    QCOMPARE(call.keys(), (QStringList{QStringLiteral("arguments"), QStringLiteral("call_id"),
                                       QStringLiteral("name"), QStringLiteral("type")}));
    QCOMPARE(valueAt(call, "call_id").toString(), QStringLiteral("toolu_cap22586_0"));
    QCOMPARE(valueAt(call, "name").toString(), QStringLiteral("Write"));
    const QByteArray arguments = valueAt(call, "arguments").toString().toUtf8();
    QVERIFY(!arguments.contains('\n')); // compact
    QCOMPARE(TestData::parseJson(arguments).object(), valueAt(request, "messages.2.content.1.input").toObject());

    // The output answers the call with the same id, right after it.
    const QJsonObject output = valueAt(input, "4").toObject();
    QCOMPARE(output.keys(), (QStringList{QStringLiteral("call_id"), QStringLiteral("output"), QStringLiteral("type")}));
    QCOMPARE(valueAt(output, "call_id"), valueAt(call, "call_id"));
    QCOMPARE(valueAt(output, "call_id"), valueAt(request, "messages.3.content.0.tool_use_id"));
    QCOMPARE(valueAt(output, "output"), valueAt(request, "messages.3.content.0.content"));
}

QTEST_GUILESS_MAIN(TestResponsesRequestTranslator)
#include "tst_responsesrequesttranslator.moc"
