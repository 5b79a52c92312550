#include "protocol/inbound/openaichatrequestreader.h"
#include "protocol/toolcallid.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
using TestData::compact;
const auto json = TestData::singleQuotedObject;

// A request with the given messages (a JSON array) and the request's other fields.
QJsonObject requestWith(const QByteArray &messages, const QByteArray &fields = {})
{
    QJsonObject request = json(fields.isEmpty() ? "{}" : fields.constData());
    request.insert(QStringLiteral("model"), QStringLiteral("gpt-4o"));
    request.insert(QStringLiteral("messages"),
                   TestData::singleQuotedArray(messages));
    return request;
}

QJsonObject readOk(const QJsonObject &request)
{
    const OpenAiChatRequestReader::Result result = OpenAiChatRequestReader::read(request);
    if (result.error)
        qWarning("unexpected error: %s", qPrintable(result.error->message));
    return result.anthropicRequest;
}

const QByteArray hello = "[{'role':'user','content':'Hello'}]";
}

class TestOpenAiChatRequestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A conversation with a tool-call history, every field checked.
    void roundTrip()
    {
        const QJsonObject request = json(
            "{'model':'gpt-4o',"
            " 'messages':["
            "  {'role':'system','content':'You are terse.'},"
            "  {'role':'developer','content':[{'type':'text','text':'Use tools.'}]},"
            "  {'role':'user','content':'Add 2 and 3, then look up the weather in Paris.'},"
            "  {'role':'assistant','content':'Calling tools.','tool_calls':["
            "    {'id':'functions.add:0','type':'function',"
            "     'function':{'name':'add','arguments':'{\\'a\\':2,\\'b\\':3}'}},"
            "    {'id':'call_weather','type':'function',"
            "     'function':{'name':'weather','arguments':'{\\'city\\':\\'Paris\\'}'}}]},"
            "  {'role':'tool','tool_call_id':'functions.add:0','content':'5'},"
            "  {'role':'tool','tool_call_id':'call_weather',"
            "   'content':[{'type':'text','text':'Sunny, 21 C'}]},"
            "  {'role':'user','content':'Thanks. Summarize.'}],"
            " 'tools':["
            "  {'type':'function','function':{'name':'add','description':'Adds two numbers',"
            "   'parameters':{'type':'object','properties':{'a':{'type':'number'},"
            "    'b':{'type':'number'}},'required':['a','b']}}},"
            "  {'type':'function','function':{'name':'weather',"
            "   'parameters':{'type':'object','properties':{'city':{'type':'string'}}}}}],"
            " 'tool_choice':'required',"
            " 'parallel_tool_calls':false,"
            " 'max_completion_tokens':1000,"
            " 'temperature':0.2,"
            " 'top_p':0.9,"
            " 'stop':'END',"
            " 'stream':true,"
            " 'stream_options':{'include_usage':true},"
            " 'user':'user-42',"
            " 'n':1,"
            " 'reasoning_effort':'low',"
            " 'seed':7}");

        const QJsonObject expected = json(
            "{'model':'gpt-4o',"
            " 'system':'You are terse.\\n\\nUse tools.',"
            " 'messages':["
            "  {'role':'user','content':["
            "    {'type':'text','text':'Add 2 and 3, then look up the weather in Paris.'}]},"
            "  {'role':'assistant','content':["
            "    {'type':'text','text':'Calling tools.'},"
            "    {'type':'tool_use','id':'toolu_hex_66756e6374696f6e732e6164643a30','name':'add',"
            "     'input':{'a':2,'b':3}},"
            "    {'type':'tool_use','id':'call_weather','name':'weather','input':{'city':'Paris'}}]},"
            "  {'role':'user','content':["
            "    {'type':'tool_result','tool_use_id':'toolu_hex_66756e6374696f6e732e6164643a30',"
            "     'content':'5'},"
            "    {'type':'tool_result','tool_use_id':'call_weather',"
            "     'content':[{'type':'text','text':'Sunny, 21 C'}]},"
            "    {'type':'text','text':'Thanks. Summarize.'}]}],"
            " 'tools':["
            "  {'name':'add','description':'Adds two numbers',"
            "   'input_schema':{'type':'object','properties':{'a':{'type':'number'},"
            "    'b':{'type':'number'}},'required':['a','b']}},"
            "  {'name':'weather',"
            "   'input_schema':{'type':'object','properties':{'city':{'type':'string'}}}}],"
            " 'tool_choice':{'type':'any','disable_parallel_tool_use':true},"
            " 'max_tokens':3048,"
            " 'thinking':{'type':'enabled','budget_tokens':2048},"
            " 'temperature':0.2,"
            " 'top_p':0.9,"
            " 'stop_sequences':['END'],"
            " 'stream':true,"
            " 'metadata':{'user_id':'user-42'}}");

        const OpenAiChatRequestReader::Result result = OpenAiChatRequestReader::read(request);
        QVERIFY(!result.error);
        QCOMPARE(compact(result.anthropicRequest), compact(expected));

        // The rewritten id leads back to the client's own, which the response writers send.
        const QString toolUseId = result.anthropicRequest.value(QLatin1StringView("messages"))
                                      .toArray().at(1).toObject()
                                      .value(QLatin1StringView("content"))
                                      .toArray().at(1).toObject()
                                      .value(QLatin1StringView("id")).toString();
        QCOMPARE(ToolCallId::toUpstream(toolUseId), QStringLiteral("functions.add:0"));
    }

    void messages_data()
    {
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<QByteArray>("expected"); // the request's system and messages

        QTest::newRow("system string")
            << QByteArray("[{'role':'system','content':'Be brief.'},{'role':'user','content':'Hi'}]")
            << QByteArray("{'system':'Be brief.',"
                          " 'messages':[{'role':'user','content':[{'type':'text','text':'Hi'}]}]}");
        QTest::newRow("leading system and developer joined")
            << QByteArray("[{'role':'developer','content':'A'},"
                          " {'role':'system','content':[{'type':'text','text':'B'},{'type':'text','text':'C'}]},"
                          " {'role':'user','content':'Hi'}]")
            << QByteArray("{'system':'A\\n\\nB\\n\\nC',"
                          " 'messages':[{'role':'user','content':[{'type':'text','text':'Hi'}]}]}");
        QTest::newRow("later system messages stay in place")
            << QByteArray("[{'role':'user','content':'Hi'},"
                          " {'role':'system','content':'Note 1'},{'role':'developer','content':'Note 2'},"
                          " {'role':'assistant','content':'Hello'}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'Hi'}]},"
                          " {'role':'system','content':'Note 1\\n\\nNote 2'},"
                          " {'role':'assistant','content':[{'type':'text','text':'Hello'}]}]}");
        QTest::newRow("system messages alone stay messages")
            << QByteArray("[{'role':'system','content':'Only this'}]")
            << QByteArray("{'messages':[{'role':'system','content':'Only this'}]}");
        QTest::newRow("empty system left out")
            << QByteArray("[{'role':'system','content':''},{'role':'user','content':'Hi'}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'Hi'}]}]}");
        QTest::newRow("user text parts")
            << QByteArray("[{'role':'user','content':[{'type':'text','text':'A'},{'type':'text','text':''},"
                          " {'type':'text','text':'B'}]}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'A'},"
                          " {'type':'text','text':'B'}]}]}");
        QTest::newRow("image data URL")
            << QByteArray("[{'role':'user','content':[{'type':'text','text':'What is this?'},"
                          " {'type':'image_url','image_url':{'url':'data:image/png;base64,iVBORw0KGgo=','detail':'high'}}]}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'What is this?'},"
                          " {'type':'image','source':{'type':'base64','media_type':'image/png',"
                          "  'data':'iVBORw0KGgo='}}]}]}");
        QTest::newRow("image https URL")
            << QByteArray("[{'role':'user','content':[{'type':'image_url',"
                          " 'image_url':{'url':'https://example.com/cat.jpg'}}]}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'image',"
                          " 'source':{'type':'url','url':'https://example.com/cat.jpg'}}]}]}");
        QTest::newRow("consecutive user messages merged")
            << QByteArray("[{'role':'user','content':'A'},{'role':'user','content':'B'}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'A'},"
                          " {'type':'text','text':'B'}]}]}");
        QTest::newRow("consecutive assistant messages merged")
            << QByteArray("[{'role':'user','content':'Hi'},{'role':'assistant','content':'A'},"
                          " {'role':'assistant','content':[{'type':'text','text':'B'}]}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'Hi'}]},"
                          " {'role':'assistant','content':[{'type':'text','text':'A'},"
                          " {'type':'text','text':'B'}]}]}");
        QTest::newRow("assistant refusal part")
            << QByteArray("[{'role':'user','content':'Hi'},"
                          " {'role':'assistant','content':[{'type':'refusal','refusal':'I cannot.'}]}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'Hi'}]},"
                          " {'role':'assistant','content':[{'type':'text','text':'I cannot.'}]}]}");
        QTest::newRow("empty assistant message dropped")
            << QByteArray("[{'role':'user','content':'A'},{'role':'assistant','content':null},"
                          " {'role':'user','content':'B'}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'A'},"
                          " {'type':'text','text':'B'}]}]}");
        QTest::newRow("tool call with null content and bad arguments")
            << QByteArray("[{'role':'user','content':'Go'},"
                          " {'role':'assistant','content':null,'tool_calls':["
                          "  {'id':'c1','type':'function','function':{'name':'run','arguments':'{oops'}},"
                          "  {'id':'c2','type':'function','function':{'name':'run','arguments':''}},"
                          "  {'id':'c3','type':'function','function':{'name':'run','arguments':{'x':1}}}]}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'Go'}]},"
                          " {'role':'assistant','content':["
                          "  {'type':'tool_use','id':'c1','name':'run','input':{'_raw_arguments':'{oops'}},"
                          "  {'type':'tool_use','id':'c2','name':'run','input':{}},"
                          "  {'type':'tool_use','id':'c3','name':'run','input':{'x':1}}]}]}");
        QTest::newRow("tool results grouped with the next user message")
            << QByteArray("[{'role':'user','content':'Go'},"
                          " {'role':'assistant','tool_calls':["
                          "  {'id':'c1','type':'function','function':{'name':'a','arguments':'{}'}},"
                          "  {'id':'c2','type':'function','function':{'name':'b','arguments':'{}'}}]},"
                          " {'role':'tool','tool_call_id':'c1','content':'one'},"
                          " {'role':'tool','tool_call_id':'c2','content':''},"
                          " {'role':'user','content':[{'type':'text','text':'And now?'}]},"
                          " {'role':'assistant','content':'Done'}]")
            << QByteArray("{'messages':[{'role':'user','content':[{'type':'text','text':'Go'}]},"
                          " {'role':'assistant','content':["
                          "  {'type':'tool_use','id':'c1','name':'a','input':{}},"
                          "  {'type':'tool_use','id':'c2','name':'b','input':{}}]},"
                          " {'role':'user','content':["
                          "  {'type':'tool_result','tool_use_id':'c1','content':'one'},"
                          "  {'type':'tool_result','tool_use_id':'c2','content':''},"
                          "  {'type':'text','text':'And now?'}]},"
                          " {'role':'assistant','content':[{'type':'text','text':'Done'}]}]}");
    }

    void messages()
    {
        QFETCH(QByteArray, messages);
        QFETCH(QByteArray, expected);
        QJsonObject anthropic = readOk(requestWith(messages));
        // Only the conversation is under test here.
        for (const auto key : {"model", "max_tokens"})
            anthropic.remove(QLatin1StringView(key));
        QCOMPARE(compact(anthropic), compact(json(expected.constData())));
    }

    // A call without an id still gets one, as Anthropic requires.
    void toolCallWithoutId()
    {
        const QJsonObject anthropic = readOk(requestWith(
            "[{'role':'user','content':'Go'},{'role':'assistant','tool_calls':["
            " {'type':'function','function':{'name':'now','arguments':'{}'}}]}]"));
        const QString id = anthropic.value(QLatin1StringView("messages"))
                               .toArray().at(1).toObject()
                               .value(QLatin1StringView("content"))
                               .toArray().at(0).toObject()
                               .value(QLatin1StringView("id")).toString();
        QVERIFY2(id.startsWith(QLatin1StringView("toolu_")), qPrintable(id));
    }

    void requestFields_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QByteArray>("expected"); // the request minus model and messages

        const auto row = [](const char *name, const char *fields, const char *expected) {
            QTest::newRow(name) << QByteArray(fields) << QByteArray(expected);
        };
        row("defaults", "{}", "{'max_tokens':4096}");
        row("max_tokens", "{'max_tokens':100}", "{'max_tokens':100}");
        row("max_completion_tokens wins", "{'max_tokens':100,'max_completion_tokens':200}",
            "{'max_tokens':200}");
        row("null max_completion_tokens", "{'max_tokens':100,'max_completion_tokens':null}",
            "{'max_tokens':100}");
        row("reasoning low", "{'reasoning_effort':'low'}",
            "{'max_tokens':4096,'thinking':{'type':'enabled','budget_tokens':2048}}");
        row("reasoning medium raises max_tokens", "{'reasoning_effort':'medium'}",
            "{'max_tokens':12288,'thinking':{'type':'enabled','budget_tokens':8192}}");
        row("reasoning high raises max_tokens", "{'reasoning_effort':'high','max_tokens':24576}",
            "{'max_tokens':49152,'thinking':{'type':'enabled','budget_tokens':24576}}");
        row("reasoning high within max_tokens", "{'reasoning_effort':'high','max_tokens':30000}",
            "{'max_tokens':30000,'thinking':{'type':'enabled','budget_tokens':24576}}");
        row("reasoning minimal", "{'reasoning_effort':'minimal'}", "{'max_tokens':4096}");
        row("reasoning none", "{'reasoning_effort':'none'}", "{'max_tokens':4096}");
        row("sampling", "{'temperature':0,'top_p':1}", "{'max_tokens':4096,'temperature':0,'top_p':1}");
        row("null sampling", "{'temperature':null,'top_p':null}", "{'max_tokens':4096}");
        row("stream", "{'stream':false}", "{'max_tokens':4096,'stream':false}");
        row("stop array", "{'stop':['a','','b']}", "{'max_tokens':4096,'stop_sequences':['a','b']}");
        row("stop null", "{'stop':null}", "{'max_tokens':4096}");
        row("user", "{'user':'u1'}", "{'max_tokens':4096,'metadata':{'user_id':'u1'}}");
        row("ignored fields", "{'seed':1,'presence_penalty':0.5,'logprobs':false,'n':1,"
                               "'response_format':{'type':'text'}}",
            "{'max_tokens':4096}");
        row("tool without parameters",
            "{'tools':[{'type':'function','function':{'name':'now','description':null}}]}",
            "{'max_tokens':4096,'tools':[{'name':'now','input_schema':{'type':'object'}}]}");
        row("empty tools", "{'tools':[]}", "{'max_tokens':4096}");
        row("tool_choice auto", "{'tools':[{'type':'function','function':{'name':'f'}}],'tool_choice':'auto'}",
            "{'max_tokens':4096,'tools':[{'name':'f','input_schema':{'type':'object'}}],"
            " 'tool_choice':{'type':'auto'}}");
        row("tool_choice none", "{'tools':[{'type':'function','function':{'name':'f'}}],'tool_choice':'none',"
                                "'parallel_tool_calls':false}",
            "{'max_tokens':4096,'tools':[{'name':'f','input_schema':{'type':'object'}}],"
            " 'tool_choice':{'type':'none'}}");
        row("tool_choice function",
            "{'tools':[{'type':'function','function':{'name':'f'}}],"
            " 'tool_choice':{'type':'function','function':{'name':'f'}}}",
            "{'max_tokens':4096,'tools':[{'name':'f','input_schema':{'type':'object'}}],"
            " 'tool_choice':{'type':'tool','name':'f'}}");
        row("parallel_tool_calls false alone",
            "{'tools':[{'type':'function','function':{'name':'f'}}],'parallel_tool_calls':false}",
            "{'max_tokens':4096,'tools':[{'name':'f','input_schema':{'type':'object'}}],"
            " 'tool_choice':{'type':'auto','disable_parallel_tool_use':true}}");
        row("parallel_tool_calls true",
            "{'tools':[{'type':'function','function':{'name':'f'}}],'parallel_tool_calls':true}",
            "{'max_tokens':4096,'tools':[{'name':'f','input_schema':{'type':'object'}}]}");
        row("parallel_tool_calls false without tools", "{'parallel_tool_calls':false}",
            "{'max_tokens':4096}");
    }

    void requestFields()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QByteArray, expected);
        QJsonObject anthropic = readOk(requestWith(hello, fields));
        QCOMPARE(anthropic.take(QLatin1StringView("model")).toString(), QStringLiteral("gpt-4o"));
        QVERIFY(anthropic.take(QLatin1StringView("messages")).isArray());
        QCOMPARE(compact(anthropic), compact(json(expected.constData())));
    }

    void defaultMaxTokens()
    {
        const QJsonObject anthropic = OpenAiChatRequestReader::read(requestWith(hello), 1234).anthropicRequest;
        QCOMPARE(anthropic.value(QLatin1StringView("max_tokens")).toInteger(), 1234);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("expectedMessage");

        const auto row = [](const char *name, const char *request, const char *message) {
            QTest::newRow(name) << QByteArray(request) << QString::fromUtf8(message);
        };
        row("messages missing", "{'model':'m'}", "Missing required parameter: 'messages'.");
        row("messages not an array", "{'messages':{}}",
            "Invalid type for 'messages': expected an array, but got an object instead.");
        row("messages empty", "{'messages':[]}",
            "Invalid value for 'messages': expected an array with at least one message, "
            "but got an empty array instead.");
        row("message not an object", "{'messages':['Hi']}",
            "Invalid type for 'messages[0]': expected an object, but got a string instead.");
        row("role missing", "{'messages':[{'content':'Hi'}]}",
            "Missing required parameter: 'messages[0].role'.");
        row("role not a string", "{'messages':[{'role':1,'content':'Hi'}]}",
            "Invalid type for 'messages[0].role': expected a string, but got a number instead.");
        row("role unknown", "{'messages':[{'role':'user','content':'Hi'},{'role':'function','content':'x'}]}",
            "Invalid value for 'messages[1].role': 'function' is not supported. Supported values "
            "are: 'system', 'developer', 'user', 'assistant' and 'tool'.");
        row("user content missing", "{'messages':[{'role':'user'}]}",
            "Missing required parameter: 'messages[0].content'.");
        row("user content null", "{'messages':[{'role':'user','content':null}]}",
            "Invalid type for 'messages[0].content': expected a string or an array of content "
            "parts, but got null instead.");
        row("user content number", "{'messages':[{'role':'user','content':5}]}",
            "Invalid type for 'messages[0].content': expected a string or an array of content "
            "parts, but got a number instead.");
        row("part not an object", "{'messages':[{'role':'user','content':['Hi']}]}",
            "Invalid type for 'messages[0].content[0]': expected an object, but got a string instead.");
        row("part type unknown", "{'messages':[{'role':'user','content':[{'type':'input_audio'}]}]}",
            "Invalid value for 'messages[0].content[0].type': 'input_audio' is not supported. "
            "Supported values are: 'text' and 'image_url'.");
        row("text part without text", "{'messages':[{'role':'user','content':[{'type':'text'}]}]}",
            "Missing required parameter: 'messages[0].content[0].text'.");
        row("image in a system message",
            "{'messages':[{'role':'system','content':[{'type':'image_url','image_url':{'url':'https://a.b/c.png'}}]}]}",
            "Invalid value for 'messages[0].content[0].type': 'image_url' is not supported. "
            "Supported values are: 'text'.");
        row("image URL not base64",
            "{'messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'data:image/png,abc'}}]}]}",
            "Invalid value for 'messages[0].content[0].image_url.url': expected a base64 data URL "
            "(data:<media type>;base64,<data>).");
        row("image URL scheme",
            "{'messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'file:///etc/passwd'}}]}]}",
            "Invalid value for 'messages[0].content[0].image_url.url': expected an http(s) URL or "
            "a base64 data URL.");
        row("image_url a string",
            "{'messages':[{'role':'user','content':[{'type':'image_url','image_url':'https://a.b/c.png'}]}]}",
            "Invalid type for 'messages[0].content[0].image_url': expected an object, but got a "
            "string instead.");
        row("assistant content number", "{'messages':[{'role':'assistant','content':true}]}",
            "Invalid type for 'messages[0].content': expected a string or an array of content "
            "parts, but got a boolean instead.");
        row("tool_calls not an array", "{'messages':[{'role':'assistant','tool_calls':{}}]}",
            "Invalid type for 'messages[0].tool_calls': expected an array, but got an object instead.");
        row("tool call without name",
            "{'messages':[{'role':'assistant','tool_calls':[{'id':'c','type':'function','function':{}}]}]}",
            "Missing required parameter: 'messages[0].tool_calls[0].function.name'.");
        row("tool call custom",
            "{'messages':[{'role':'assistant','tool_calls':[{'id':'c','type':'custom','custom':{}}]}]}",
            "Invalid value for 'messages[0].tool_calls[0].type': 'custom' is not supported. "
            "Supported values are: 'function'.");
        row("tool message without tool_call_id", "{'messages':[{'role':'tool','content':'x'}]}",
            "Missing required parameter: 'messages[0].tool_call_id'.");
        row("tool message content number", "{'messages':[{'role':'tool','tool_call_id':'c','content':1}]}",
            "Invalid type for 'messages[0].content': expected a string or an array of text parts, "
            "but got a number instead.");
        row("n above 1", "{'messages':[{'role':'user','content':'Hi'}],'n':2}",
            "Invalid value for 'n': only one choice (n = 1) is supported, but got 2.");
        row("tools not an array", "{'messages':[{'role':'user','content':'Hi'}],'tools':{}}",
            "Invalid type for 'tools': expected an array, but got an object instead.");
        row("tool type unknown", "{'messages':[{'role':'user','content':'Hi'}],'tools':[{'type':'custom'}]}",
            "Invalid value for 'tools[0].type': 'custom' is not supported. Supported values are: "
            "'function'.");
        row("tool without function", "{'messages':[{'role':'user','content':'Hi'}],'tools':[{'type':'function'}]}",
            "Missing required parameter: 'tools[0].function'.");
        row("tool_choice unknown", "{'messages':[{'role':'user','content':'Hi'}],'tool_choice':'any'}",
            "Invalid value for 'tool_choice': 'any' is not supported. Supported values are: "
            "'auto', 'none' and 'required'.");
        row("tool_choice without name",
            "{'messages':[{'role':'user','content':'Hi'}],'tool_choice':{'type':'function','function':{}}}",
            "Missing required parameter: 'tool_choice.function.name'.");
        row("max_tokens not an integer", "{'messages':[{'role':'user','content':'Hi'}],'max_tokens':1.5}",
            "Invalid type for 'max_tokens': expected an integer, but got a number instead.");
        row("max_completion_tokens zero",
            "{'messages':[{'role':'user','content':'Hi'}],'max_completion_tokens':0}",
            "Invalid value for 'max_completion_tokens': expected a value of at least 1, but got 0.");
        row("temperature string", "{'messages':[{'role':'user','content':'Hi'}],'temperature':'hot'}",
            "Invalid type for 'temperature': expected a number, but got a string instead.");
        row("stream string", "{'messages':[{'role':'user','content':'Hi'}],'stream':'yes'}",
            "Invalid type for 'stream': expected a boolean, but got a string instead.");
        row("stop number", "{'messages':[{'role':'user','content':'Hi'}],'stop':[1]}",
            "Invalid type for 'stop[0]': expected a string, but got a number instead.");
        row("reasoning_effort unknown",
            "{'messages':[{'role':'user','content':'Hi'}],'reasoning_effort':'max'}",
            "Invalid value for 'reasoning_effort': 'max' is not supported. Supported values are: "
            "'none', 'minimal', 'low', 'medium' and 'high'.");
        row("user number", "{'messages':[{'role':'user','content':'Hi'}],'user':5}",
            "Invalid type for 'user': expected a string, but got a number instead.");
    }

    void errors()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, expectedMessage);
        const OpenAiChatRequestReader::Result result = OpenAiChatRequestReader::read(json(request.constData()));
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->status, 400);
        QCOMPARE(result.error->type, QStringLiteral("invalid_request_error"));
        QCOMPARE(result.error->message, expectedMessage);
        QVERIFY(result.anthropicRequest.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChatRequestReader)
#include "tst_openaichatrequestreader.moc"
