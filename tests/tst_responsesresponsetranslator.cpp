#include "protocol/openai/responsesresponsetranslator.h"
#include "protocol/toolcallid.h"

#include "anthropicstream.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

// JSON in this file is written with single quotes (see TestData::doubleQuoted).
namespace {
using namespace AnthropicStream;
const auto json = TestData::singleQuotedObject;

QJsonObject translate(const QJsonObject &response)
{
    return ResponsesResponseTranslator::translate(response, defaultOptions());
}

QString blockTypesOf(const QJsonObject &message)
{
    QStringList types;
    for (const QJsonValue &block : message.value(QLatin1StringView("content")).toArray())
        types << typeOf(block.toObject());
    return types.join(QLatin1Char(' '));
}

QJsonObject blockAt(const QJsonObject &message, qsizetype index)
{
    return message.value(QLatin1StringView("content")).toArray().at(index).toObject();
}

// The final Response of a recorded stream, as a non-streaming request would have returned it.
QJsonObject finalResponseOf(const QString &fileName)
{
    for (const SseEvent &event : TestData::providerStreamEvents(fileName)) {
        const QJsonObject payload = QJsonDocument::fromJson(event.data).object();
        if (typeOf(payload) == QLatin1StringView("response.completed"))
            return payload.value(QLatin1StringView("response")).toObject();
    }
    qFatal("no response.completed in %s", qPrintable(fileName));
}
}

class TestResponsesResponseTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeAnswer();
    void cutShortByMaxOutputTokens();
    void stopReason_data();
    void stopReason();
    void recordedFinalResponse_data();
    void recordedFinalResponse();
    void reasoningTextWithoutSummary();
    void thinkingComesFirst();
    void adjacentMessagesShareOneBlock();
    void refusalShownAsText();
    void emptyPartsLeaveNoBlock();
    void toolInput_data();
    void toolInput();
    void encodedCallIds();
    void usage_data();
    void usage();
    void freshMessageId();
    void errorFrom_data();
    void errorFrom();
};

// Reasoning summary, a message, a function call and cached tokens: every field as the real
// API gives them.
void TestResponsesResponseTranslator::wholeAnswer()
{
    const QJsonObject response = json(
        "{'id':'resp_1','object':'response','status':'completed','model':'gpt-5.1','incomplete_details':null,"
        "'output':["
        "{'type':'reasoning','id':'rs_1','summary':[{'type':'summary_text','text':'**Plan**'},{'type':'summary_text','text':'Read the file.'}],'encrypted_content':'gAAA'},"
        "{'type':'message','id':'msg_1','status':'completed','role':'assistant','content':[{'type':'output_text','text':'Reading it now.','annotations':[]}]},"
        "{'type':'function_call','id':'fc_1','call_id':'call_abc','name':'Read','arguments':'{\\'file_path\\':\\'/tmp/a.txt\\'}','status':'completed'}],"
        "'usage':{'input_tokens':2000,'input_tokens_details':{'cached_tokens':1536},'output_tokens':120,'output_tokens_details':{'reasoning_tokens':64},'total_tokens':2120}}");
    const QJsonObject expected = json(
        "{'id':'msg_test','type':'message','role':'assistant','model':'claude-sonnet-4-5',"
        "'content':["
        "{'type':'thinking','thinking':'**Plan**\\n\\nRead the file.','signature':''},"
        "{'type':'text','text':'Reading it now.'},"
        "{'type':'tool_use','id':'call_abc','name':'Read','input':{'file_path':'/tmp/a.txt'}}],"
        "'stop_reason':'tool_use','stop_sequence':null,"
        "'usage':{'input_tokens':464,'output_tokens':120,'cache_read_input_tokens':1536,'cache_creation_input_tokens':0}}");
    QCOMPARE(TestData::compact(translate(response)), TestData::compact(expected));
}

void TestResponsesResponseTranslator::cutShortByMaxOutputTokens()
{
    const QJsonObject response = json(
        "{'id':'resp_2','object':'response','status':'incomplete','incomplete_details':{'reason':'max_output_tokens'},"
        "'output':[{'type':'message','id':'msg_1','status':'incomplete','role':'assistant','content':[{'type':'output_text','text':'The answer is','annotations':[]}]}],"
        "'usage':{'input_tokens':50,'input_tokens_details':{'cached_tokens':0},'output_tokens':16}}");
    const QJsonObject message = translate(response);
    QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("max_tokens"));
    QVERIFY(message.value(QLatin1StringView("stop_sequence")).isNull());
    QCOMPARE(blockAt(message, 0), json("{'type':'text','text':'The answer is'}"));
    QCOMPARE(message.value(QLatin1StringView("usage")).toObject(), usageJson(50, 16));
}

void TestResponsesResponseTranslator::stopReason_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("stopReason");
    QTest::newRow("text") << QByteArray("{'status':'completed','output':[{'type':'message','content':[{'type':'output_text','text':'x'}]}]}")
                          << QStringLiteral("end_turn");
    QTest::newRow("function call") << QByteArray("{'status':'completed','output':[{'type':'function_call','call_id':'c','name':'f','arguments':'{}'}]}")
                                   << QStringLiteral("tool_use");
    QTest::newRow("content_filter") << QByteArray("{'status':'incomplete','incomplete_details':{'reason':'content_filter'},'output':[]}")
                                    << QStringLiteral("refusal");
    // As Anthropic does for a tool call cut short.
    QTest::newRow("max_output_tokens during a call")
        << QByteArray("{'status':'incomplete','incomplete_details':{'reason':'max_output_tokens'},'output':[{'type':'function_call','call_id':'c','name':'f','arguments':'{'}]}")
        << QStringLiteral("max_tokens");
    QTest::newRow("empty output") << QByteArray("{'status':'completed','output':[]}") << QStringLiteral("end_turn");
}

void TestResponsesResponseTranslator::stopReason()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, stopReason);
    const QJsonObject message = translate(json(response.constData()));
    QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), stopReason);
}

void TestResponsesResponseTranslator::recordedFinalResponse_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("blocks");
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<QJsonObject>("usage");
    QTest::newRow("gpt-4o tools") << QStringLiteral("openai-responses-gpt-4o-tools.stream.sse")
                                  << QStringLiteral("tool_use") << QStringLiteral("tool_use") << usageJson(255, 16);
    QTest::newRow("gpt-5.1-codex-max")
        << QStringLiteral("openai-responses-gpt-5.1-codex-max-reasoning-tools.stream.sse")
        << QStringLiteral("thinking tool_use") << QStringLiteral("tool_use") << usageJson(134, 28);
    QTest::newRow("gpt-5.5") << QStringLiteral("openai-responses-gpt-5.5-text-then-tool.stream.sse")
                             << QStringLiteral("text tool_use") << QStringLiteral("tool_use") << usageJson(63, 69);
    QTest::newRow("o3-mini") << QStringLiteral("openai-responses-o3-mini-reasoning-summary.stream.sse")
                             << QStringLiteral("thinking text") << QStringLiteral("end_turn") << usageJson(13, 1680);
    QTest::newRow("OpenRouter gpt-oss")
        << QStringLiteral("openrouter-responses-gpt-oss-20b-reasoning.stream.sse")
        << QStringLiteral("thinking text") << QStringLiteral("end_turn") << usageJson(78, 37);
}

// The final Responses of the recorded streams: real output items, texts compared to what the
// items hold.
void TestResponsesResponseTranslator::recordedFinalResponse()
{
    QFETCH(QString, fileName);
    QFETCH(QString, blocks);
    QFETCH(QString, stopReason);
    QFETCH(QJsonObject, usage);
    const QJsonObject response = finalResponseOf(fileName);
    const QJsonObject message = translate(response);
    QCOMPARE(blockTypesOf(message), blocks);
    QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), stopReason);
    QCOMPARE(message.value(QLatin1StringView("usage")).toObject(), usage);

    QStringList reasoning;
    QStringList texts;
    QList<QJsonObject> calls;
    for (const QJsonValue &value : response.value(QLatin1StringView("output")).toArray()) {
        const QJsonObject item = value.toObject();
        if (typeOf(item) == QLatin1StringView("function_call"))
            calls << item;
        for (const char *list : {"summary", "content"}) {
            for (const QJsonValue &part : item.value(QLatin1StringView(list)).toArray()) {
                const QString text = part.toObject().value(QLatin1StringView("text")).toString();
                (typeOf(item) == QLatin1StringView("reasoning") ? reasoning : texts) << text;
            }
        }
    }
    qsizetype index = 0;
    if (!reasoning.isEmpty()) {
        QCOMPARE(blockAt(message, index++).value(QLatin1StringView("thinking")).toString(),
                 reasoning.join(QLatin1StringView("\n\n")));
    }
    if (!texts.isEmpty()) {
        QCOMPARE(blockAt(message, index++).value(QLatin1StringView("text")).toString(),
                 texts.join(QLatin1StringView("\n\n")));
    }
    for (const QJsonObject &call : std::as_const(calls)) {
        const QJsonObject toolUse = blockAt(message, index++);
        QCOMPARE(toolUse.value(QLatin1StringView("id")), call.value(QLatin1StringView("call_id")));
        QCOMPARE(toolUse.value(QLatin1StringView("name")), call.value(QLatin1StringView("name")));
        QCOMPARE(toolUse.value(QLatin1StringView("input")).toObject(),
                 TestData::parseJson(call.value(QLatin1StringView("arguments")).toString().toUtf8()).object());
    }
}

// OpenRouter and open-weight servers give raw reasoning as reasoning_text content.
void TestResponsesResponseTranslator::reasoningTextWithoutSummary()
{
    const QJsonObject message = translate(json(
        "{'status':'completed','output':[{'type':'reasoning','id':'rs_1','summary':[],'content':[{'type':'reasoning_text','text':'2+2 is 4.'}]},"
        "{'type':'message','content':[{'type':'output_text','text':'4'}]}]}"));
    QCOMPARE(blockTypesOf(message), QStringLiteral("thinking text"));
    QCOMPARE(blockAt(message, 0), json("{'type':'thinking','thinking':'2+2 is 4.','signature':''}"));
}

// Reasoning between a message and a call still opens the answer, in one block.
void TestResponsesResponseTranslator::thinkingComesFirst()
{
    const QJsonObject message = translate(json(
        "{'status':'completed','output':["
        "{'type':'reasoning','summary':[{'type':'summary_text','text':'First.'}]},"
        "{'type':'message','content':[{'type':'output_text','text':'Checking.'}]},"
        "{'type':'reasoning','summary':[{'type':'summary_text','text':'Second.'}]},"
        "{'type':'function_call','call_id':'c1','name':'f','arguments':'{}'}]}"));
    QCOMPARE(blockTypesOf(message), QStringLiteral("thinking text tool_use"));
    QCOMPARE(blockAt(message, 0).value(QLatin1StringView("thinking")).toString(),
             QStringLiteral("First.\n\nSecond."));
}

void TestResponsesResponseTranslator::adjacentMessagesShareOneBlock()
{
    const QJsonObject message = translate(json(
        "{'status':'completed','output':["
        "{'type':'message','content':[{'type':'output_text','text':'One.'},{'type':'output_text','text':'Two.'}]},"
        "{'type':'message','content':[{'type':'output_text','text':'Three.'}]},"
        "{'type':'function_call','call_id':'c1','name':'f','arguments':'{}'},"
        "{'type':'message','content':[{'type':'output_text','text':'Four.'}]}]}"));
    QCOMPARE(blockTypesOf(message), QStringLiteral("text tool_use text"));
    QCOMPARE(blockAt(message, 0).value(QLatin1StringView("text")).toString(),
             QStringLiteral("One.\n\nTwo.\n\nThree."));
    QCOMPARE(blockAt(message, 2).value(QLatin1StringView("text")).toString(), QStringLiteral("Four."));
}

void TestResponsesResponseTranslator::refusalShownAsText()
{
    const QJsonObject message = translate(json(
        "{'status':'completed','output':[{'type':'message','content':[{'type':'refusal','refusal':'I cannot help with that.'}]}]}"));
    QCOMPARE(blockAt(message, 0), json("{'type':'text','text':'I cannot help with that.'}"));
}

// OpenAI's encrypted reasoning has no text; an empty message part is nothing either.
void TestResponsesResponseTranslator::emptyPartsLeaveNoBlock()
{
    const QJsonObject message = translate(json(
        "{'status':'completed','output':[{'type':'reasoning','summary':[],'encrypted_content':'gAAA'},"
        "{'type':'message','content':[{'type':'output_text','text':''}]},{'type':'web_search_call','id':'ws_1'}]}"));
    QCOMPARE(message.value(QLatin1StringView("content")).toArray(), QJsonArray());
    QCOMPARE(message.value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("end_turn"));
}

void TestResponsesResponseTranslator::toolInput_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QJsonObject>("input");
    QTest::newRow("object") << QStringLiteral("{\"a\":1,\"b\":[true]}") << json("{'a':1,'b':[true]}");
    QTest::newRow("empty") << QString() << QJsonObject();
    QTest::newRow("cut short") << QStringLiteral("{\"a\":") << json("{'_raw_arguments':'{\\'a\\':'}");
    QTest::newRow("not an object") << QStringLiteral("[1]") << json("{'_raw_arguments':'[1]'}");
}

void TestResponsesResponseTranslator::toolInput()
{
    QFETCH(QString, arguments);
    QFETCH(QJsonObject, input);
    QJsonObject call = json("{'type':'function_call','call_id':'c1','name':'f'}");
    call.insert(QStringLiteral("arguments"), arguments);
    QJsonObject response = json("{'status':'completed'}");
    response.insert(QStringLiteral("output"), QJsonArray{call});
    QCOMPARE(blockAt(translate(response), 0).value(QLatin1StringView("input")).toObject(), input);
}

// Kimi-style call ids are encoded for Anthropic and decode to the original.
void TestResponsesResponseTranslator::encodedCallIds()
{
    const QJsonObject message = translate(json(
        "{'status':'completed','output':[{'type':'function_call','call_id':'functions.add:0','name':'add','arguments':'{}'},"
        "{'type':'function_call','call_id':'','name':'mul','arguments':'{}'}]}"));
    const QString id = blockAt(message, 0).value(QLatin1StringView("id")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[a-zA-Z0-9_-]+$")).match(id).hasMatch());
    QCOMPARE(ToolCallId::toUpstream(id), QStringLiteral("functions.add:0"));
    QVERIFY(blockAt(message, 1).value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("toolu_")));
}

void TestResponsesResponseTranslator::usage_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QJsonObject>("usage");
    QTest::newRow("no cache") << QByteArray("{'usage':{'input_tokens':30,'output_tokens':7}}") << usageJson(30, 7);
    QTest::newRow("cached") << QByteArray("{'usage':{'input_tokens':30,'input_tokens_details':{'cached_tokens':20},'output_tokens':7}}")
                            << usageJson(10, 7, 20);
    QTest::newRow("more cached than input") << QByteArray("{'usage':{'input_tokens':30,'input_tokens_details':{'cached_tokens':99},'output_tokens':7}}")
                                            << usageJson(0, 7, 30);
    // Nothing reported: the estimate stands in.
    QTest::newRow("null") << QByteArray("{'usage':null}") << usageJson(777, 0);
    QTest::newRow("absent") << QByteArray("{}") << usageJson(777, 0);
}

void TestResponsesResponseTranslator::usage()
{
    QFETCH(QByteArray, response);
    QFETCH(QJsonObject, usage);
    ResponsesResponseTranslator::Options options = defaultOptions();
    options.inputTokenEstimate = 777;
    const QJsonObject message = ResponsesResponseTranslator::translate(json(response.constData()), options);
    QCOMPARE(message.value(QLatin1StringView("usage")).toObject(), usage);
    QCOMPARE(ResponsesResponseTranslator::usageOf(json(response.constData())).has_value(),
             usage != usageJson(777, 0));
}

void TestResponsesResponseTranslator::freshMessageId()
{
    ResponsesResponseTranslator::Options options;
    options.model = QStringLiteral("m");
    const QJsonObject message = ResponsesResponseTranslator::translate(json("{'output':[]}"), options);
    QVERIFY(message.value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("msg_")));
    QCOMPARE(message.value(QLatin1StringView("model")).toString(), QStringLiteral("m"));
}

void TestResponsesResponseTranslator::errorFrom_data()
{
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("insufficient_quota") << QByteArray("{'code':'insufficient_quota','message':'Quota'}")
                                        << QStringLiteral("rate_limit_error") << QStringLiteral("Quota");
    QTest::newRow("rate_limit_exceeded") << QByteArray("{'code':'rate_limit_exceeded','message':'Slow'}")
                                         << QStringLiteral("rate_limit_error") << QStringLiteral("Slow");
    QTest::newRow("server_error") << QByteArray("{'code':'server_error','message':'Oops'}")
                                  << QStringLiteral("api_error") << QStringLiteral("Oops");
    QTest::newRow("unknown code") << QByteArray("{'code':'vector_store_timeout','message':'Late'}")
                                  << QStringLiteral("api_error") << QStringLiteral("Late");
    QTest::newRow("numeric status") << QByteArray("{'code':503,'message':'Busy'}")
                                    << QStringLiteral("overloaded_error") << QStringLiteral("Busy");
    QTest::newRow("number out of range") << QByteArray("{'code':1302,'message':'Busy'}")
                                         << QStringLiteral("api_error") << QStringLiteral("Busy");
    QTest::newRow("code without message") << QByteArray("{'code':'server_error'}")
                                          << QStringLiteral("api_error") << QStringLiteral("server_error");
}

void TestResponsesResponseTranslator::errorFrom()
{
    QFETCH(QByteArray, error);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const ApiError apiError = ResponsesResponseTranslator::errorFrom(json(error.constData()));
    QCOMPARE(apiError.type, type);
    QCOMPARE(apiError.message, message);
}

QTEST_GUILESS_MAIN(TestResponsesResponseTranslator)
#include "tst_responsesresponsetranslator.moc"
