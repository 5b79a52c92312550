#include "protocol/inbound/openaichatstreamwriter.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTest>

namespace {
using TestData::compact;
const auto json = TestData::singleQuotedObject;

QList<QJsonObject> events(std::initializer_list<const char *> singleQuoted)
{
    QList<QJsonObject> result;
    for (const char *event : singleQuoted)
        result.append(json(event));
    return result;
}

// A recorded Anthropic stream, as the proxy's translators hand it over: one object per event.
QList<QJsonObject> recordedEvents(const QString &fileName)
{
    QList<QJsonObject> result;
    const QList<SseEvent> sseEvents = TestData::providerStreamEvents(fileName);
    for (const SseEvent &event : sseEvents)
        result.append(TestData::parseJson(event.data).object());
    return result;
}

const qint64 created = 1767225600;

QList<QByteArray> writeAll(const QList<QJsonObject> &anthropicEvents, bool includeUsage = false)
{
    OpenAiChatStreamWriter writer(QStringLiteral("gpt-4o"), created, includeUsage);
    QList<QByteArray> payloads;
    for (const QJsonObject &event : anthropicEvents)
        payloads += writer.write(event);
    return payloads;
}

struct ToolCall
{
    QString id;
    QString name;
    QString arguments;
};

// The message an OpenAI client puts together from the chunks.
struct Assembled
{
    QString id;
    QString role;
    QString content;
    QString reasoning;
    QMap<int, ToolCall> toolCalls; // by index
    QString finishReason;
    QJsonObject usage;
    QJsonObject error;
    bool done = false;
    QString problem; // what breaks the stream's grammar, if anything
};

Assembled assemble(const QList<QByteArray> &payloads)
{
    Assembled message;
    const auto fail = [&message](const QString &problem) {
        if (message.problem.isEmpty())
            message.problem = problem;
    };
    for (qsizetype i = 0; i < payloads.size(); ++i) {
        const QByteArray &payload = payloads.at(i);
        const QString where = QStringLiteral("payload ") + QString::number(i) + QStringLiteral(": ");
        if (message.done)
            fail(where + QStringLiteral("after [DONE]"));
        if (payload == "[DONE]") {
            message.done = true;
            continue;
        }
        const QJsonObject chunk = TestData::parseJson(payload).object();
        if (chunk.contains(QLatin1StringView("error"))) {
            message.error = chunk.value(QLatin1StringView("error")).toObject();
            continue;
        }
        if (chunk.value(QLatin1StringView("object")).toString() != QLatin1StringView("chat.completion.chunk")
            || chunk.value(QLatin1StringView("created")).toInteger() != created
            || chunk.value(QLatin1StringView("model")).toString() != QLatin1StringView("gpt-4o"))
            fail(where + QStringLiteral("envelope"));
        const QString id = chunk.value(QLatin1StringView("id")).toString();
        if (message.id.isEmpty())
            message.id = id;
        else if (id != message.id)
            fail(where + QStringLiteral("id changed"));

        const QJsonArray choices = chunk.value(QLatin1StringView("choices")).toArray();
        if (choices.isEmpty()) {
            message.usage = chunk.value(QLatin1StringView("usage")).toObject();
            if (message.usage.isEmpty())
                fail(where + QStringLiteral("neither choices nor usage"));
            continue;
        }
        if (!message.usage.isEmpty())
            fail(where + QStringLiteral("a choice after the usage"));
        const QJsonObject choice = choices.at(0).toObject();
        const QJsonObject delta = choice.value(QLatin1StringView("delta")).toObject();
        const QJsonValue finishReason = choice.value(QLatin1StringView("finish_reason"));
        if (!message.finishReason.isEmpty())
            fail(where + QStringLiteral("a chunk after the finish"));
        if (finishReason.isString())
            message.finishReason = finishReason.toString();
        else if (delta.isEmpty())
            fail(where + QStringLiteral("an empty delta"));
        if (i == 0 && delta.value(QLatin1StringView("role")).toString() != QLatin1StringView("assistant"))
            fail(where + QStringLiteral("the first chunk has no role"));

        message.role += delta.value(QLatin1StringView("role")).toString();
        message.content += delta.value(QLatin1StringView("content")).toString();
        message.reasoning += delta.value(QLatin1StringView("reasoning_content")).toString();
        const QJsonArray toolCalls = delta.value(QLatin1StringView("tool_calls")).toArray();
        for (const QJsonValue &value : toolCalls) {
            const QJsonObject toolCall = value.toObject();
            const int index = toolCall.value(QLatin1StringView("index")).toInt(-1);
            const QJsonObject function = toolCall.value(QLatin1StringView("function")).toObject();
            if (!message.toolCalls.contains(index)) {
                if (index != message.toolCalls.size())
                    fail(where + QStringLiteral("tool call index out of order"));
                if (toolCall.value(QLatin1StringView("type")).toString() != QLatin1StringView("function"))
                    fail(where + QStringLiteral("tool call header without type"));
            }
            ToolCall &call = message.toolCalls[index];
            call.id += toolCall.value(QLatin1StringView("id")).toString();
            call.name += function.value(QLatin1StringView("name")).toString();
            call.arguments += function.value(QLatin1StringView("arguments")).toString();
        }
    }
    if (!message.done)
        fail(QStringLiteral("no [DONE]"));
    return message;
}

// The tool calls as [{id, name, input}], input parsed from the assembled arguments.
QJsonArray toolCallsOf(const Assembled &message)
{
    QJsonArray calls;
    for (const ToolCall &call : message.toolCalls) {
        calls.append(QJsonObject{{QStringLiteral("id"), call.id},
                                 {QStringLiteral("name"), call.name},
                                 {QStringLiteral("input"), TestData::parseJson(call.arguments.toUtf8()).object()}});
    }
    return calls;
}
}

class TestOpenAiChatStreamWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedStreams_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("expectedId");
        QTest::addColumn<QString>("expectedContent");
        QTest::addColumn<QString>("expectedReasoning");
        QTest::addColumn<QByteArray>("expectedToolCalls");
        QTest::addColumn<QString>("expectedFinishReason");
        QTest::addColumn<QByteArray>("expectedUsage");

        QTest::newRow("text")
            << QStringLiteral("anthropic-claude-sonnet-4-5-text.stream.sse")
            << QStringLiteral("chatcmpl-01QC4g3HwBThD4BaNtBckFDJ")
            << QStringLiteral("Hello! I'm doing well, thank you for asking. How are you doing today? "
                              "Is there anything I can help you with?")
            << QString() << QByteArray("[]") << QStringLiteral("stop")
            << QByteArray("{'prompt_tokens':12,'completion_tokens':30,'total_tokens':42,"
                          "'prompt_tokens_details':{'cached_tokens':0}}");
        QTest::newRow("thinking")
            << QStringLiteral("anthropic-claude-sonnet-4-5-thinking.stream.sse")
            << QStringLiteral("chatcmpl-01Y6V41gqPaKWEw7iPouH7iW")
            << QString::fromUtf8("925 \u00f7 5 = 185")
            << QString::fromUtf8("The previous result was 925. Now I need to divide that by 5.\n\n925 \u00f7 5 = 185")
            << QByteArray("[]") << QStringLiteral("stop")
            << QByteArray("{'prompt_tokens':69,'completion_tokens':53,'total_tokens':122,"
                          "'prompt_tokens_details':{'cached_tokens':0}}");
        QTest::newRow("tool use")
            << QStringLiteral("anthropic-claude-haiku-4-5-tool-use.stream.sse")
            << QStringLiteral("chatcmpl-01K2JbSUMYhez5RHoK9ZCj9U")
            << QStringLiteral("I'll invoke the JSON response tool.") << QString()
            << QByteArray("[{'id':'toolu_01KFbKqPYSuAKujiL6mTfzYA','name':'json','input':"
                          "{'elements':[{'location':'San Francisco','temperature':58,'condition':'sunny'}]}}]")
            << QStringLiteral("tool_calls")
            << QByteArray("{'prompt_tokens':849,'completion_tokens':47,'total_tokens':896,"
                          "'prompt_tokens_details':{'cached_tokens':0}}");
        QTest::newRow("tool use without arguments")
            << QStringLiteral("anthropic-claude-sonnet-4-5-tool-use-no-args.stream.sse")
            << QStringLiteral("chatcmpl-01GE2RKp1VYsPzdFs3sS9z5S")
            << QStringLiteral("I'll update the issue list for you.") << QString()
            << QByteArray("[{'id':'toolu_01QE1WLsSVp5hy5Q3GmGTmjP','name':'updateIssueList','input':{}}]")
            << QStringLiteral("tool_calls")
            << QByteArray("{'prompt_tokens':565,'completion_tokens':48,'total_tokens':613,"
                          "'prompt_tokens_details':{'cached_tokens':0}}");
    }

    void recordedStreams()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, expectedId);
        QFETCH(QString, expectedContent);
        QFETCH(QString, expectedReasoning);
        QFETCH(QByteArray, expectedToolCalls);
        QFETCH(QString, expectedFinishReason);
        QFETCH(QByteArray, expectedUsage);

        const QList<QJsonObject> anthropicEvents = recordedEvents(fileName);
        QVERIFY(!anthropicEvents.isEmpty());
        const Assembled message = assemble(writeAll(anthropicEvents, true));
        QVERIFY2(message.problem.isEmpty(), qPrintable(message.problem));
        QCOMPARE(message.id, expectedId);
        QCOMPARE(message.role, QStringLiteral("assistant"));
        QCOMPARE(message.content, expectedContent);
        QCOMPARE(message.reasoning, expectedReasoning);
        QCOMPARE(compact(toolCallsOf(message)),
                 compact(TestData::singleQuotedArray(expectedToolCalls)));
        QCOMPARE(message.finishReason, expectedFinishReason);
        QCOMPARE(compact(message.usage), compact(json(expectedUsage.constData())));
        QVERIFY(message.error.isEmpty());

        // Without stream_options.include_usage, the same stream minus the usage chunk.
        const QList<QByteArray> withoutUsage = writeAll(anthropicEvents);
        const QList<QByteArray> withUsage = writeAll(anthropicEvents, true);
        QCOMPARE(withoutUsage.size() + 1, withUsage.size());
        QCOMPARE(withoutUsage.mid(0, withoutUsage.size() - 1), withUsage.mid(0, withoutUsage.size() - 1));
        QVERIFY(assemble(withoutUsage).usage.isEmpty());
    }

    // The exact chunks, with two tool calls after a text block and an id the proxy rewrote.
    void chunks()
    {
        const QList<QJsonObject> anthropicEvents = events({
            "{'type':'message_start','message':{'id':'msg_abc','type':'message','role':'assistant',"
            " 'content':[],'usage':{'input_tokens':10,'output_tokens':1,'cache_read_input_tokens':90}}}",
            "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':''}}",
            "{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'Hi'}}",
            "{'type':'content_block_stop','index':0}",
            "{'type':'ping'}",
            "{'type':'content_block_start','index':1,'content_block':{'type':'tool_use',"
            " 'id':'toolu_hex_66756e6374696f6e732e6164643a30','name':'add','input':{}}}",
            "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta','partial_json':''}}",
            "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta','partial_json':'{\\'a\\':'}}",
            "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta','partial_json':'2}'}}",
            "{'type':'content_block_stop','index':1}",
            "{'type':'content_block_start','index':2,'content_block':{'type':'tool_use',"
            " 'id':'toolu_2','name':'now','input':{}}}",
            "{'type':'content_block_stop','index':2}",
            "{'type':'message_delta','delta':{'stop_reason':'tool_use','stop_sequence':null},"
            " 'usage':{'output_tokens':25}}",
            "{'type':'message_stop'}",
        });
        const QString envelope = QStringLiteral(
            "'id':'chatcmpl-abc','object':'chat.completion.chunk','created':1767225600,'model':'gpt-4o'");
        const auto chunk = [&envelope](const char *delta, const char *finishReason = "null") {
            return compact(json((QStringLiteral("{") + envelope
                                 + QStringLiteral(",'choices':[{'index':0,'logprobs':null,'delta':")
                                 + QString::fromUtf8(delta) + QStringLiteral(",'finish_reason':")
                                 + QString::fromUtf8(finishReason) + QStringLiteral("}]}"))
                                    .toUtf8()
                                    .constData()));
        };
        const QList<QByteArray> expected{
            chunk("{'role':'assistant','content':''}"),
            chunk("{'content':'Hi'}"),
            chunk("{'tool_calls':[{'index':0,'id':'functions.add:0','type':'function',"
                  "'function':{'name':'add','arguments':''}}]}"),
            chunk("{'tool_calls':[{'index':0,'function':{'arguments':'{\\'a\\':'}}]}"),
            chunk("{'tool_calls':[{'index':0,'function':{'arguments':'2}'}}]}"),
            chunk("{'tool_calls':[{'index':1,'id':'toolu_2','type':'function',"
                  "'function':{'name':'now','arguments':''}}]}"),
            chunk("{'tool_calls':[{'index':1,'function':{'arguments':'{}'}}]}"),
            chunk("{}", "'tool_calls'"),
            compact(json((QStringLiteral("{") + envelope
                          + QStringLiteral(",'choices':[],'usage':{'prompt_tokens':100,'completion_tokens':25,"
                                           "'total_tokens':125,'prompt_tokens_details':{'cached_tokens':90}}}"))
                             .toUtf8()
                             .constData())),
            QByteArrayLiteral("[DONE]"),
        };
        QCOMPARE(writeAll(anthropicEvents, true), expected);
    }

    void finishReason_data()
    {
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<QString>("expected");
        QTest::newRow("end_turn") << QStringLiteral("end_turn") << QStringLiteral("stop");
        QTest::newRow("stop_sequence") << QStringLiteral("stop_sequence") << QStringLiteral("stop");
        QTest::newRow("max_tokens") << QStringLiteral("max_tokens") << QStringLiteral("length");
        QTest::newRow("tool_use") << QStringLiteral("tool_use") << QStringLiteral("tool_calls");
        QTest::newRow("refusal") << QStringLiteral("refusal") << QStringLiteral("content_filter");
    }

    void finishReason()
    {
        QFETCH(QString, stopReason);
        QFETCH(QString, expected);
        QList<QJsonObject> anthropicEvents = events({
            "{'type':'message_start','message':{'id':'msg_1','content':[],'usage':{'input_tokens':1}}}",
            "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':'Partial'}}",
            "{'type':'content_block_stop','index':0}",
            "{'type':'message_delta','delta':{'stop_reason':null},'usage':{'output_tokens':3}}",
            "{'type':'message_stop'}",
        });
        QJsonObject delta = anthropicEvents[3];
        delta.insert(QStringLiteral("delta"), QJsonObject{{QStringLiteral("stop_reason"), stopReason}});
        anthropicEvents[3] = delta;
        const Assembled message = assemble(writeAll(anthropicEvents));
        QVERIFY2(message.problem.isEmpty(), qPrintable(message.problem));
        QCOMPARE(message.content, QStringLiteral("Partial"));
        QCOMPARE(message.finishReason, expected);
    }

    // A stream that ends without message_delta still tells the client it finished.
    void messageStopWithoutDelta()
    {
        const Assembled message = assemble(writeAll(events({
            "{'type':'message_start','message':{'id':'msg_1','content':[]}}",
            "{'type':'message_stop'}",
        }), true));
        QVERIFY2(message.problem.isEmpty(), qPrintable(message.problem));
        QCOMPARE(message.finishReason, QStringLiteral("stop"));
        QCOMPARE(message.usage.value(QLatin1StringView("total_tokens")).toInteger(), 0);
    }

    void errorMidStream()
    {
        OpenAiChatStreamWriter writer(QStringLiteral("gpt-4o"), created);
        QList<QByteArray> payloads;
        const QList<QJsonObject> anthropicEvents = events({
            "{'type':'message_start','message':{'id':'msg_1','content':[]}}",
            "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':''}}",
            "{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'Hal'}}",
        });
        for (const QJsonObject &event : anthropicEvents)
            payloads += writer.write(event);
        QVERIFY(!writer.isFinished());

        const QList<QByteArray> errorPayloads =
            writer.write(json("{'type':'error','error':{'type':'overloaded_error','message':'Overloaded'}}"));
        QCOMPARE(errorPayloads,
                 QList<QByteArray>({compact(json("{'error':{'message':'Overloaded','type':'server_error',"
                                                 "'param':null,'code':null}}")),
                                    QByteArrayLiteral("[DONE]")}));
        QVERIFY(writer.isFinished());
        // Whatever the upstream still sends goes nowhere.
        QVERIFY(writer.write(json("{'type':'message_stop'}")).isEmpty());

        const Assembled message = assemble(payloads + errorPayloads);
        QVERIFY2(message.problem.isEmpty(), qPrintable(message.problem));
        QCOMPARE(message.content, QStringLiteral("Hal"));
        QVERIFY(message.finishReason.isEmpty());
        QCOMPARE(message.error.value(QLatin1StringView("message")).toString(), QStringLiteral("Overloaded"));
    }

    // An upstream that fails before answering: the error alone.
    void errorFirst()
    {
        const QList<QByteArray> payloads = writeAll(
            events({"{'type':'error','error':{'type':'rate_limit_error','message':'Slow down'}}"}), true);
        QCOMPARE(payloads,
                 QList<QByteArray>({compact(json("{'error':{'message':'Slow down','type':'rate_limit_error',"
                                                 "'param':null,'code':null}}")),
                                    QByteArrayLiteral("[DONE]")}));
    }

    // Pings, signatures, redacted thinking and empty pieces have nothing to show.
    void silentEvents()
    {
        OpenAiChatStreamWriter writer(QStringLiteral("gpt-4o"), created);
        QCOMPARE(writer.write(json("{'type':'message_start','message':{'id':'msg_1','content':[]}}")).size(), 1);
        const QList<QJsonObject> silent = events({
            "{'type':'ping'}",
            "{'type':'content_block_start','index':0,'content_block':{'type':'thinking','thinking':'','signature':''}}",
            "{'type':'content_block_delta','index':0,'delta':{'type':'thinking_delta','thinking':''}}",
            "{'type':'content_block_delta','index':0,'delta':{'type':'signature_delta','signature':'EvQB'}}",
            "{'type':'content_block_stop','index':0}",
            "{'type':'content_block_start','index':1,'content_block':{'type':'redacted_thinking','data':'x'}}",
            "{'type':'content_block_stop','index':1}",
            "{'type':'content_block_start','index':2,'content_block':{'type':'text','text':''}}",
            "{'type':'content_block_delta','index':2,'delta':{'type':'text_delta','text':''}}",
            "{'type':'content_block_delta','index':2,'delta':{'type':'citations_delta','citation':{}}}",
            "{'type':'content_block_stop','index':2}",
            "{'type':'something_new'}",
        });
        for (const QJsonObject &event : silent)
            QVERIFY2(writer.write(event).isEmpty(), qPrintable(QString::fromUtf8(compact(event))));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChatStreamWriter)
#include "tst_openaichatstreamwriter.moc"
