#include "protocol/inbound/openaichatresponsewriter.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
using TestData::compact;
const auto json = TestData::singleQuotedObject;

const qint64 created = 1767225600;

QJsonObject write(const QJsonObject &message)
{
    return OpenAiChatResponseWriter::write(message, QStringLiteral("gpt-4o"), created);
}

QJsonObject choiceOf(const QJsonObject &completion)
{
    return completion.value(QLatin1StringView("choices")).toArray().at(0).toObject();
}

QJsonObject messageOf(const QJsonObject &completion)
{
    return choiceOf(completion).value(QLatin1StringView("message")).toObject();
}
}

class TestOpenAiChatResponseWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textMessage()
    {
        const QJsonObject message = json(
            "{'id':'msg_01QC4g3HwBThD4BaNtBckFDJ','type':'message','role':'assistant',"
            " 'model':'claude-sonnet-4-5-20250929',"
            " 'content':[{'type':'text','text':'Hello'},{'type':'text','text':' there.'}],"
            " 'stop_reason':'end_turn','stop_sequence':null,"
            " 'usage':{'input_tokens':12,'output_tokens':30,'cache_read_input_tokens':0,"
            "  'cache_creation_input_tokens':0}}");
        const QJsonObject expected = json(
            "{'id':'chatcmpl-01QC4g3HwBThD4BaNtBckFDJ','object':'chat.completion',"
            " 'created':1767225600,'model':'gpt-4o',"
            " 'choices':[{'index':0,'message':{'role':'assistant','content':'Hello there.'},"
            "  'logprobs':null,'finish_reason':'stop'}],"
            " 'usage':{'prompt_tokens':12,'completion_tokens':30,'total_tokens':42,"
            "  'prompt_tokens_details':{'cached_tokens':0}}}");
        QCOMPARE(compact(write(message)), compact(expected));
    }

    void thinkingAndToolCalls()
    {
        // The first id is one the proxy rewrote (from Kimi's functions.add:0).
        const QJsonObject message = json(
            "{'id':'msg_x','type':'message','role':'assistant',"
            " 'content':["
            "  {'type':'thinking','thinking':'Two calls.','signature':'sig'},"
            "  {'type':'redacted_thinking','data':'abc'},"
            "  {'type':'text','text':'Calling.'},"
            "  {'type':'tool_use','id':'toolu_hex_66756e6374696f6e732e6164643a30','name':'add',"
            "   'input':{'b':3,'a':2}},"
            "  {'type':'tool_use','id':'toolu_01','name':'now','input':{}}],"
            " 'stop_reason':'tool_use',"
            " 'usage':{'input_tokens':100,'output_tokens':20,'cache_read_input_tokens':900,"
            "  'cache_creation_input_tokens':50}}");
        const QJsonObject expected = json(
            "{'id':'chatcmpl-x','object':'chat.completion','created':1767225600,'model':'gpt-4o',"
            " 'choices':[{'index':0,'logprobs':null,'finish_reason':'tool_calls',"
            "  'message':{'role':'assistant','content':'Calling.','reasoning_content':'Two calls.',"
            "   'tool_calls':["
            "    {'id':'functions.add:0','type':'function',"
            "     'function':{'name':'add','arguments':'{\\'a\\':2,\\'b\\':3}'}},"
            "    {'id':'toolu_01','type':'function','function':{'name':'now','arguments':'{}'}}]}}],"
            " 'usage':{'prompt_tokens':1050,'completion_tokens':20,'total_tokens':1070,"
            "  'prompt_tokens_details':{'cached_tokens':900}}}");
        const QJsonObject completion = write(message);
        QCOMPARE(compact(completion), compact(expected));

        const QJsonObject function = messageOf(completion)
                                         .value(QLatin1StringView("tool_calls")).toArray()
                                         .at(0).toObject()
                                         .value(QLatin1StringView("function")).toObject();
        const QByteArray arguments = function.value(QLatin1StringView("arguments")).toString().toUtf8();
        QCOMPARE(compact(TestData::parseJson(arguments).object()), compact(json("{'a':2,'b':3}")));
    }

    // Nothing but a tool call: content is null, as OpenAI sends it.
    void toolCallOnly()
    {
        const QJsonObject completion = write(json(
            "{'id':'msg_y','content':[{'type':'tool_use','id':'toolu_1','name':'ls','input':{'path':'.'}}],"
            " 'stop_reason':'tool_use','usage':{'input_tokens':5,'output_tokens':6}}"));
        const QJsonObject message = messageOf(completion);
        QVERIFY(message.value(QLatin1StringView("content")).isNull());
        QVERIFY(!message.contains(QLatin1StringView("reasoning_content")));
        QCOMPARE(message.value(QLatin1StringView("tool_calls")).toArray().size(), 1);
    }

    void emptyMessage()
    {
        const QJsonObject completion = write(json("{'id':'msg_z','content':[]}"));
        const QJsonObject message = messageOf(completion);
        QCOMPARE(compact(message), compact(json("{'role':'assistant','content':null}")));
        QCOMPARE(choiceOf(completion).value(QLatin1StringView("finish_reason")).toString(),
                 QStringLiteral("stop"));
        QCOMPARE(compact(completion.value(QLatin1StringView("usage"))),
                 compact(json("{'prompt_tokens':0,'completion_tokens':0,'total_tokens':0,"
                              "'prompt_tokens_details':{'cached_tokens':0}}")));
    }

    void finishReason_data()
    {
        QTest::addColumn<QJsonValue>("stopReason");
        QTest::addColumn<QString>("expected");

        const auto row = [](const char *name, const QJsonValue &stopReason, const char *expected) {
            QTest::newRow(name) << stopReason << QString::fromLatin1(expected);
        };
        row("end_turn", QStringLiteral("end_turn"), "stop");
        row("stop_sequence", QStringLiteral("stop_sequence"), "stop");
        row("pause_turn", QStringLiteral("pause_turn"), "stop");
        row("max_tokens", QStringLiteral("max_tokens"), "length");
        row("model_context_window_exceeded", QStringLiteral("model_context_window_exceeded"), "length");
        row("tool_use", QStringLiteral("tool_use"), "tool_calls");
        row("refusal", QStringLiteral("refusal"), "content_filter");
        row("null", QJsonValue(), "stop");
        row("absent", QJsonValue(QJsonValue::Undefined), "stop");
    }

    void finishReason()
    {
        QFETCH(QJsonValue, stopReason);
        QFETCH(QString, expected);
        QJsonObject message = json("{'id':'msg_1','content':[{'type':'text','text':'Hi'}]}");
        if (!stopReason.isUndefined())
            message.insert(QStringLiteral("stop_reason"), stopReason);
        QCOMPARE(choiceOf(write(message)).value(QLatin1StringView("finish_reason")).toString(), expected);
        if (stopReason.isString())
            QCOMPARE(OpenAiChatResponseWriter::finishReasonFor(stopReason.toString()), expected);
    }

    void completionId_data()
    {
        QTest::addColumn<QString>("messageId");
        QTest::addColumn<QString>("expected");
        QTest::newRow("msg_ prefix") << QStringLiteral("msg_01ABC") << QStringLiteral("chatcmpl-01ABC");
        QTest::newRow("other id") << QStringLiteral("resp_9") << QStringLiteral("chatcmpl-resp_9");
    }

    void completionId()
    {
        QFETCH(QString, messageId);
        QFETCH(QString, expected);
        QCOMPARE(OpenAiChatResponseWriter::completionIdFor(messageId), expected);
    }

    // A message without an id still gets a completion id of the usual shape.
    void freshCompletionId()
    {
        const QString id = OpenAiChatResponseWriter::completionIdFor(QString());
        QVERIFY2(id.startsWith(QLatin1StringView("chatcmpl-")) && id.size() == 9 + 24, qPrintable(id));
        QVERIFY(id != OpenAiChatResponseWriter::completionIdFor(QString()));
    }

    void errorBody_data()
    {
        QTest::addColumn<QString>("anthropicType");
        QTest::addColumn<QString>("expectedType");

        const auto row = [](const char *anthropicType, const char *expectedType) {
            QTest::newRow(anthropicType) << QString::fromLatin1(anthropicType)
                                         << QString::fromLatin1(expectedType);
        };
        row("invalid_request_error", "invalid_request_error");
        row("authentication_error", "authentication_error");
        row("permission_error", "permission_error");
        row("not_found_error", "not_found_error");
        row("rate_limit_error", "rate_limit_error");
        row("request_too_large", "invalid_request_error");
        row("billing_error", "insufficient_quota");
        row("overloaded_error", "server_error");
        row("api_error", "server_error");
        row("timeout_error", "server_error");
        row("", "server_error");
    }

    void errorBody()
    {
        QFETCH(QString, anthropicType);
        QFETCH(QString, expectedType);
        const ApiError error{503, anthropicType, QStringLiteral("Something went wrong")};
        const QJsonObject expected{
            {QStringLiteral("error"),
             QJsonObject{{QStringLiteral("message"), QStringLiteral("Something went wrong")},
                         {QStringLiteral("type"), expectedType},
                         {QStringLiteral("param"), QJsonValue::Null},
                         {QStringLiteral("code"), QJsonValue::Null}}},
        };
        QCOMPARE(compact(OpenAiChatResponseWriter::writeError(error)), compact(expected));
    }

    void recordedUpstreamError()
    {
        const ApiError error = ApiError::fromJson(
            TestData::readJsonObject(QStringLiteral("provider-streams/anthropic-400-prompt-too-long.json")));
        QCOMPARE(error.status, 400);
        const QJsonObject expected = json(
            "{'error':{'message':'prompt is too long: 205351 tokens > 200000 maximum',"
            " 'type':'invalid_request_error','param':null,'code':null}}");
        QCOMPARE(compact(OpenAiChatResponseWriter::writeError(error)), compact(expected));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChatResponseWriter)
#include "tst_openaichatresponsewriter.moc"
