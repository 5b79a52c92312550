#include "protocol/openai/responsesstreamtranslator.h"
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

// An upstream event as OpenRouter frames it: no `event:` line, the type only in the JSON.
SseEvent sse(const char *text, const char *eventName = "")
{
    return SseEvent{QByteArray(eventName), TestData::doubleQuoted(text)};
}

const TranslateAll<ResponsesStreamTranslator> translateAll{};

// The upstream's own account of the answer, read straight from the recorded JSON: the
// finished output items (output_item.done), the deltas, and the final Response.
struct UpstreamAnswer
{
    QStringList reasoningParts; // summary texts and reasoning_text parts of finished items
    QStringList textParts;      // output_text parts of finished messages
    QList<UpstreamToolCall> toolCalls;
    QString reasoningDeltas;    // every reasoning delta, run together
    QString textDeltas;
    QJsonObject finalUsage;     // response.completed's `usage`, as the upstream wrote it
    QString incompleteReason;
};

UpstreamAnswer upstreamAnswerOf(const QList<SseEvent> &events)
{
    UpstreamAnswer answer;
    for (const SseEvent &upstreamEvent : events) {
        const QJsonObject payload = QJsonDocument::fromJson(upstreamEvent.data).object();
        const QString type = typeOf(payload);
        const QString delta = payload.value(QLatin1StringView("delta")).toString();
        if (type == QLatin1StringView("response.reasoning_summary_text.delta")
            || type == QLatin1StringView("response.reasoning_text.delta")) {
            answer.reasoningDeltas += delta;
        } else if (type == QLatin1StringView("response.output_text.delta")) {
            answer.textDeltas += delta;
        } else if (type == QLatin1StringView("response.output_item.done")) {
            const QJsonObject item = payload.value(QLatin1StringView("item")).toObject();
            const QString itemType = typeOf(item);
            if (itemType == QLatin1StringView("function_call")) {
                answer.toolCalls.append({item.value(QLatin1StringView("call_id")).toString(),
                                         item.value(QLatin1StringView("name")).toString(),
                                         item.value(QLatin1StringView("arguments")).toString()});
            }
            const char *partLists[] = {"summary", "content"};
            for (const char *list : partLists) {
                for (const QJsonValue &part : item.value(QLatin1StringView(list)).toArray()) {
                    const QString text = part.toObject().value(QLatin1StringView("text")).toString();
                    if (itemType == QLatin1StringView("reasoning"))
                        answer.reasoningParts << text;
                    else if (itemType == QLatin1StringView("message"))
                        answer.textParts << text;
                }
            }
        } else if (type == QLatin1StringView("response.completed")
                   || type == QLatin1StringView("response.incomplete")) {
            const QJsonObject response = payload.value(QLatin1StringView("response")).toObject();
            answer.finalUsage = response.value(QLatin1StringView("usage")).toObject();
            answer.incompleteReason = response.value(QLatin1StringView("incomplete_details"))
                                          .toObject()
                                          .value(QLatin1StringView("reason"))
                                          .toString();
        }
    }
    return answer;
}

// Every recorded Responses stream, with what the upstream reported in it (see SOURCES.md).

const RecordedStream recordedStreams[] = {
    // created, in_progress, then an `error` event and response.failed: one error, a 429.
    {"openai-responses-error-insufficient-quota.stream.sse", "", "rate_limit_error", 0, 0, 0},
    {"openai-responses-gpt-4o-tools.stream.sse", "tool_use", "tool_use", 255, 16, 0},
    {"openai-responses-gpt-5.1-codex-max-reasoning-tools.stream.sse", "thinking tool_use",
     "tool_use", 134, 28, 0},
    // The reasoning item has no summary, so it shows no block.
    {"openai-responses-gpt-5.5-text-then-tool.stream.sse", "text tool_use", "tool_use", 63, 69, 0},
    // Four summary parts, one thinking block.
    {"openai-responses-o3-mini-reasoning-summary.stream.sse", "thinking text", "end_turn", 13,
     1680, 0},
    // No event lines; reasoning_text deltas; the reasoning item ends after the message.
    {"openrouter-responses-gpt-oss-20b-reasoning.stream.sse", "thinking text", "end_turn", 78, 37,
     0},
};

struct Recorded
{
    QList<QJsonObject> events;
    bool complete = false;
    TokenUsage usage;
    QString stopReason;
};

Recorded translateRecorded(const QString &fileName)
{
    ResponsesStreamTranslator translator(defaultOptions());
    Recorded recorded;
    for (const SseEvent &upstreamEvent : TestData::providerStreamEvents(fileName))
        recorded.events += translator.translate(upstreamEvent);
    recorded.complete = translator.isComplete();
    recorded.events += translator.finish();
    recorded.usage = translator.usage();
    recorded.stopReason = translator.stopReason();
    return recorded;
}

const char *const functionCallAdded =
    "{'type':'response.output_item.added','output_index':0,'item':{'type':'function_call','id':'fc_1','call_id':'call_1','name':'add','arguments':'','status':'in_progress'}}";
const char *const completed =
    "{'type':'response.completed','response':{'status':'completed','usage':{'input_tokens':10,'output_tokens':5}}}";
}

class TestResponsesStreamTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRecordedResponsesStreamIsCovered();
    void recordedStream_data();
    void recordedStream();
    void recordedStreamInBursts_data();
    void recordedStreamInBursts();
    void burstJoinsConsecutiveDeltas();
    void insufficientQuota();
    void exactEvents();
    void eventLinesDoNotMatter_data();
    void eventLinesDoNotMatter();
    void summaryPartsShareOneBlock();
    void messagesShareOneTextBlock();
    void blockBetweenTextsSplitsThem();
    void itemsWithoutTextOpenNoBlock();
    void wholeTextWithoutDeltas();
    void argumentsDoneWins();
    void callClosedByItemDone();
    void callAnnouncedOnlyWhenDone();
    void parallelCalls();
    void badArgumentsKeptRaw();
    void encodedCallIds();
    void argumentsOfAnotherItemIgnored();
    void stopReason_data();
    void stopReason();
    void cachedTokens();
    void estimateWhenNoUsage();
    void endWithoutCompleted();
    void nothingAfterTheEnd();
    void emptyStream();
    void ignoredData_data();
    void ignoredData();
    void upstreamError_data();
    void upstreamError();
    void failMidBlock();
    void freshMessageId();
};

void TestResponsesStreamTranslator::everyRecordedResponsesStreamIsCovered()
{
    QCOMPARE(fileNamesOf(recordedStreams),
             TestData::providerStreamNames(QStringLiteral("*responses*.stream.sse")));
}

void TestResponsesStreamTranslator::recordedStream_data()
{
    addRecordedStreamRows(recordedStreams);
}

void TestResponsesStreamTranslator::recordedStreamInBursts_data()
{
    recordedStream_data();
}

void TestResponsesStreamTranslator::recordedStreamInBursts()
{
    QFETCH(QString, fileName);
    compareBurstsWithOneByOne<ResponsesStreamTranslator>(TestData::providerStreamEvents(fileName));
}

void TestResponsesStreamTranslator::recordedStream()
{
    QFETCH(QString, fileName);
    QFETCH(QString, blocks);
    QFETCH(QString, stopReason);
    QFETCH(QJsonObject, usage);
    QFETCH(qint64, startInputTokens);

    const QList<SseEvent> upstream = TestData::providerStreamEvents(fileName);
    const Recorded recorded = translateRecorded(fileName);
    const QString problem = grammarProblem(recorded.events);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + traceOf(recorded.events)));

    const AssembledMessage message = assemble(recorded.events);
    QCOMPARE(typeOf(recorded.events.first()), QStringLiteral("message_start"));
    QCOMPARE(message.start.value(QLatin1StringView("id")).toString(), QStringLiteral("msg_test"));
    QCOMPARE(message.start.value(QLatin1StringView("model")).toString(),
             QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(message.start.value(QLatin1StringView("usage")).toObject(),
             usageJson(startInputTokens, 0));
    QCOMPARE(message.blockTypes(), blocks);
    for (const QJsonObject &block : message.content) {
        if (typeOf(block) != QLatin1StringView("tool_use"))
            QVERIFY2(!block.value(typeOf(block)).toString().isEmpty(), "an empty block");
    }

    // Text and thinking as the finished items have them, parts as paragraphs; and nothing
    // streamed is lost or doubled on the way.
    const UpstreamAnswer answer = upstreamAnswerOf(upstream);
    QCOMPARE(message.joined("thinking"), answer.reasoningParts.join(QLatin1StringView("\n\n")));
    QCOMPARE(message.joined("text"), answer.textParts.join(QLatin1StringView("\n\n")));
    QCOMPARE(QString(message.joined("thinking")).remove(QLatin1StringView("\n\n")),
             QString(answer.reasoningDeltas).remove(QLatin1StringView("\n\n")));
    QCOMPARE(message.joined("text"), answer.textDeltas);

    compareToolUses(message.toolUses(), answer.toolCalls);
    if (QTest::currentTestFailed())
        return;
    for (const QJsonObject &toolUse : message.toolUses())
        QVERIFY(!toolUse.value(QLatin1StringView("input")).toObject().isEmpty());

    if (message.error.isEmpty()) {
        QVERIFY(recorded.complete);
        QCOMPARE(typeOf(recorded.events.last()), QStringLiteral("message_stop"));
        QCOMPARE(message.stopReason(), stopReason);
        QCOMPARE(recorded.stopReason, stopReason);
        QVERIFY(message.stop().value(QLatin1StringView("stop_sequence")).isNull());
        QCOMPARE(message.usage(), usage);
        QVERIFY(recorded.usage.reported);
        // The table's numbers are the file's: cached tokens moved out of the input tokens.
        const qint64 cached = answer.finalUsage.value(QLatin1StringView("input_tokens_details"))
                                  .toObject()
                                  .value(QLatin1StringView("cached_tokens"))
                                  .toInteger();
        QCOMPARE(usage, usageJson(answer.finalUsage.value(QLatin1StringView("input_tokens")).toInteger() - cached,
                                  answer.finalUsage.value(QLatin1StringView("output_tokens")).toInteger(),
                                  cached));
        const QString expectedStop = !answer.toolCalls.isEmpty() ? QStringLiteral("tool_use")
                                                                 : QStringLiteral("end_turn");
        QCOMPARE(stopReason, expectedStop);
    } else {
        QVERIFY(!recorded.complete);
        QVERIFY(message.delta.isEmpty());
        QCOMPARE(message.errorEvents, 1);
        QCOMPARE(message.errorType(), stopReason);
    }
    QCOMPARE(recorded.usage.toAnthropicJson(), usage);
}

// The error stream in full: the message had started, so the error follows message_start,
// and response.failed after the `error` event adds nothing.
void TestResponsesStreamTranslator::insufficientQuota()
{
    const QList<SseEvent> upstream = TestData::providerStreamEvents(
        QStringLiteral("openai-responses-error-insufficient-quota.stream.sse"));
    QCOMPARE(upstream.size(), 4);
    ResponsesStreamTranslator translator(defaultOptions());
    QCOMPARE(traceOf(translator.translate(upstream[0])), QStringLiteral("message_start"));
    QVERIFY(translator.translate(upstream[1]).isEmpty());
    const QList<QJsonObject> error = translator.translate(upstream[2]);
    QVERIFY(translator.isFinished());
    QVERIFY(!translator.isComplete());
    QVERIFY(translator.translate(upstream[3]).isEmpty());
    QVERIFY(translator.finish().isEmpty());

    const QString message = QJsonDocument::fromJson(upstream[2].data)
                                .object()
                                .value(QLatin1StringView("error"))
                                .toObject()
                                .value(QLatin1StringView("message"))
                                .toString();
    QVERIFY(message.startsWith(QLatin1StringView("You exceeded your current quota")));
    QCOMPARE(error, QList{ApiError::fromStatus(429, message).toJson()});
    QCOMPARE(assemble(error).errorType(), QStringLiteral("rate_limit_error"));
}

// The deltas of one burst leave as one delta per block, parts still set apart as paragraphs.
void TestResponsesStreamTranslator::burstJoinsConsecutiveDeltas()
{
    ResponsesStreamTranslator translator(defaultOptions());
    const QList<QJsonObject> events = translator.translateBurst({
        sse("{'type':'response.created','response':{'id':'resp_1','status':'in_progress','usage':null}}"),
        sse("{'type':'response.output_item.added','output_index':0,'item':{'type':'message','id':'msg_1','role':'assistant','content':[]}}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','output_index':0,'content_index':0,'delta':'Hel'}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','output_index':0,'content_index':0,'delta':'lo.'}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','output_index':0,'content_index':1,'delta':'Next'}"),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:text text_delta"));
    QCOMPARE(events[2], json("{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'Hello.\\n\\nNext'}}"));
}

// Every field of every event, as the real API sends them.
void TestResponsesStreamTranslator::exactEvents()
{
    const QList<QJsonObject> events = translateAll({
        sse("{'type':'response.created','response':{'id':'resp_1','status':'in_progress','usage':null}}"),
        sse("{'type':'response.in_progress','response':{'id':'resp_1','status':'in_progress'}}"),
        sse("{'type':'response.output_item.added','output_index':0,'item':{'type':'reasoning','id':'rs_1','summary':[]}}"),
        sse("{'type':'response.reasoning_summary_part.added','item_id':'rs_1','output_index':0,'summary_index':0,'part':{'type':'summary_text','text':''}}"),
        sse("{'type':'response.reasoning_summary_text.delta','item_id':'rs_1','output_index':0,'summary_index':0,'delta':'Hmm'}"),
        sse("{'type':'response.output_item.done','output_index':0,'item':{'type':'reasoning','id':'rs_1','summary':[{'type':'summary_text','text':'Hmm'}]}}"),
        sse("{'type':'response.output_item.added','output_index':1,'item':{'type':'message','id':'msg_1','role':'assistant','content':[]}}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','output_index':1,'content_index':0,'delta':'Hi'}"),
        sse("{'type':'response.output_text.done','item_id':'msg_1','output_index':1,'content_index':0,'text':'Hi'}"),
        sse("{'type':'response.output_item.added','output_index':2,'item':{'type':'function_call','id':'fc_1','call_id':'call_1','name':'add','arguments':''}}"),
        sse("{'type':'response.function_call_arguments.delta','item_id':'fc_1','output_index':2,'delta':'{\\'a\\':'}"),
        sse("{'type':'response.function_call_arguments.delta','item_id':'fc_1','output_index':2,'delta':' 1}'}"),
        sse("{'type':'response.function_call_arguments.done','item_id':'fc_1','output_index':2,'arguments':'{\\'a\\': 1}'}"),
        sse("{'type':'response.output_item.done','output_index':2,'item':{'type':'function_call','id':'fc_1','call_id':'call_1','name':'add','arguments':'{\\'a\\': 1}'}}"),
        sse("{'type':'response.completed','response':{'id':'resp_1','status':'completed','usage':{'input_tokens':100,'input_tokens_details':{'cached_tokens':80},'output_tokens':7,'output_tokens_details':{'reasoning_tokens':3},'total_tokens':107}}}"),
    });
    const QList<QJsonObject> expected{
        json("{'type':'message_start','message':{'id':'msg_test','type':'message','role':'assistant','model':'claude-sonnet-4-5','content':[],'stop_reason':null,'stop_sequence':null,'usage':{'input_tokens':0,'output_tokens':0,'cache_read_input_tokens':0,'cache_creation_input_tokens':0}}}"),
        json("{'type':'content_block_start','index':0,'content_block':{'type':'thinking','thinking':'','signature':''}}"),
        json("{'type':'content_block_delta','index':0,'delta':{'type':'thinking_delta','thinking':'Hmm'}}"),
        json("{'type':'content_block_stop','index':0}"),
        json("{'type':'content_block_start','index':1,'content_block':{'type':'text','text':''}}"),
        json("{'type':'content_block_delta','index':1,'delta':{'type':'text_delta','text':'Hi'}}"),
        json("{'type':'content_block_stop','index':1}"),
        json("{'type':'content_block_start','index':2,'content_block':{'type':'tool_use','id':'call_1','name':'add','input':{}}}"),
        json("{'type':'content_block_delta','index':2,'delta':{'type':'input_json_delta','partial_json':'{\\'a\\':1}'}}"),
        json("{'type':'content_block_stop','index':2}"),
        json("{'type':'message_delta','delta':{'stop_reason':'tool_use','stop_sequence':null},'usage':{'input_tokens':20,'output_tokens':7,'cache_read_input_tokens':80,'cache_creation_input_tokens':0}}"),
        json("{'type':'message_stop'}"),
    };
    QCOMPARE(events, expected);
}

void TestResponsesStreamTranslator::eventLinesDoNotMatter_data()
{
    QTest::addColumn<QByteArray>("textEventName");
    QTest::addColumn<QByteArray>("completedEventName");
    QTest::newRow("OpenAI: event lines") << QByteArray("response.output_text.delta")
                                         << QByteArray("response.completed");
    QTest::newRow("OpenRouter: none") << QByteArray() << QByteArray();
    QTest::newRow("misleading") << QByteArray("response.completed") << QByteArray("message");
}

// Dispatch is on the JSON type alone, whatever the event lines say or leave out.
void TestResponsesStreamTranslator::eventLinesDoNotMatter()
{
    QFETCH(QByteArray, textEventName);
    QFETCH(QByteArray, completedEventName);
    ResponsesStreamTranslator translator(defaultOptions());
    QList<QJsonObject> events = translator.translate(
        sse("{'type':'response.output_text.delta','item_id':'msg_1','content_index':0,'delta':'x'}",
              textEventName.constData()));
    QVERIFY(!translator.isFinished());
    events += translator.translate(sse(completed, completedEventName.constData()));
    QVERIFY(translator.isComplete());
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:text text_delta 0] message_delta message_stop"));
}

// Summary parts are paragraphs of one thinking block, as in the o3-mini recording.
void TestResponsesStreamTranslator::summaryPartsShareOneBlock()
{
    const QList<QJsonObject> events = translateAll({
        sse("{'type':'response.reasoning_summary_text.delta','item_id':'rs_1','summary_index':0,'delta':'**One**'}"),
        sse("{'type':'response.reasoning_summary_text.delta','item_id':'rs_1','summary_index':0,'delta':' first.'}"),
        sse("{'type':'response.reasoning_summary_text.delta','item_id':'rs_1','summary_index':1,'delta':'**Two**'}"),
        sse("{'type':'response.reasoning_summary_text.delta','item_id':'rs_2','summary_index':0,'delta':'**Three**'}"),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:thinking thinking_delta thinking_delta "
                                             "thinking_delta thinking_delta 0] message_delta message_stop"));
    QCOMPARE(assemble(events).joined("thinking"), QStringLiteral("**One** first.\n\n**Two**\n\n**Three**"));
    QCOMPARE(events[4], json("{'type':'content_block_delta','index':0,'delta':{'type':'thinking_delta','thinking':'\\n\\n**Two**'}}"));
}

// Several output messages (OpenAI's commentary, then the final answer) make one text block.
void TestResponsesStreamTranslator::messagesShareOneTextBlock()
{
    const QList<QJsonObject> events = translateAll({
        sse("{'type':'response.output_item.added','output_index':0,'item':{'type':'message','id':'msg_1','content':[]}}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','output_index':0,'content_index':0,'delta':'Looking.'}"),
        sse("{'type':'response.output_item.done','output_index':0,'item':{'type':'message','id':'msg_1','content':[{'type':'output_text','text':'Looking.'}]}}"),
        sse("{'type':'response.output_item.added','output_index':1,'item':{'type':'message','id':'msg_2','content':[]}}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_2','output_index':1,'content_index':0,'delta':'Found'}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_2','output_index':1,'content_index':0,'delta':' it.'}"),
        sse(completed),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:text text_delta text_delta text_delta 0] "
                                             "message_delta message_stop"));
    QCOMPARE(assemble(events).joined("text"), QStringLiteral("Looking.\n\nFound it."));
    QCOMPARE(assemble(events).stopReason(), QStringLiteral("end_turn"));
}

void TestResponsesStreamTranslator::blockBetweenTextsSplitsThem()
{
    const QList<QJsonObject> events = translateAll({
        sse("{'type':'response.output_text.delta','item_id':'msg_1','content_index':0,'delta':'a'}"),
        sse("{'type':'response.reasoning_text.delta','item_id':'rs_1','content_index':0,'delta':'b'}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_2','content_index':0,'delta':'c'}"),
        sse(functionCallAdded),
        sse("{'type':'response.output_text.delta','item_id':'msg_3','content_index':0,'delta':'d'}"),
    });
    QVERIFY(grammarProblem(events).isEmpty());
    QCOMPARE(traceOf(events),
             QStringLiteral("message_start [0:text text_delta 0] [1:thinking thinking_delta 1] "
                            "[2:text text_delta 2] [3:tool_use input_json_delta 3] "
                            "[4:text text_delta 4] message_delta message_stop"));
    // A new block starts with its own text, no paragraph break before it.
    QCOMPARE(assemble(events).joined("text"), QStringLiteral("acd"));
}

// OpenAI's reasoning without a summary (encrypted only) and an empty message leave no block.
void TestResponsesStreamTranslator::itemsWithoutTextOpenNoBlock()
{
    const QList<QJsonObject> events = translateAll({
        sse("{'type':'response.output_item.added','output_index':0,'item':{'type':'reasoning','id':'rs_1','summary':[],'encrypted_content':'gAAA'}}"),
        sse("{'type':'response.output_item.done','output_index':0,'item':{'type':'reasoning','id':'rs_1','summary':[],'encrypted_content':'gAAA'}}"),
        sse("{'type':'response.output_item.added','output_index':1,'item':{'type':'message','id':'msg_1','content':[]}}"),
        sse("{'type':'response.content_part.added','item_id':'msg_1','output_index':1,'content_index':0,'part':{'type':'output_text','text':''}}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','output_index':1,'content_index':0,'delta':''}"),
        sse("{'type':'response.output_text.done','item_id':'msg_1','output_index':1,'content_index':0,'text':''}"),
        sse("{'type':'response.output_item.done','output_index':1,'item':{'type':'message','id':'msg_1','content':[]}}"),
        sse(completed),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start message_delta message_stop"));
}

// A part's `.done` event carries its whole text: sent when no delta came, never twice.
void TestResponsesStreamTranslator::wholeTextWithoutDeltas()
{
    const QList<QJsonObject> events = translateAll({
        sse("{'type':'response.reasoning_summary_text.done','item_id':'rs_1','summary_index':0,'text':'Plan.'}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','content_index':0,'delta':'Stream'}"),
        sse("{'type':'response.output_text.delta','item_id':'msg_1','content_index':0,'delta':'ed.'}"),
        sse("{'type':'response.output_text.done','item_id':'msg_1','content_index':0,'text':'Streamed.'}"),
        sse("{'type':'response.output_text.done','item_id':'msg_1','content_index':1,'text':'Whole.'}"),
        sse("{'type':'response.refusal.done','item_id':'msg_2','content_index':0,'refusal':'No.'}"),
        sse(completed),
    });
    const AssembledMessage message = assemble(events);
    QCOMPARE(message.blockTypes(), QStringLiteral("thinking text"));
    QCOMPARE(message.joined("thinking"), QStringLiteral("Plan."));
    QCOMPARE(message.joined("text"), QStringLiteral("Streamed.\n\nWhole.\n\nNo."));
}

// The `.done` event's arguments are the whole truth, whatever the deltas said.
void TestResponsesStreamTranslator::argumentsDoneWins()
{
    ResponsesStreamTranslator translator(defaultOptions());
    QList<QJsonObject> events = translator.translate(sse(functionCallAdded));
    events += translator.translate(sse("{'type':'response.function_call_arguments.delta','item_id':'fc_1','output_index':0,'delta':'{\\'a\\':'}"));
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:tool_use"));
    const QList<QJsonObject> done = translator.translate(sse("{'type':'response.function_call_arguments.done','item_id':'fc_1','output_index':0,'arguments':'{\\'a\\':2}'}"));
    QCOMPARE(traceOf(done), QStringLiteral("input_json_delta 0]"));
    // The item's done event finds the block closed and sends nothing more.
    QVERIFY(translator.translate(sse("{'type':'response.output_item.done','output_index':0,'item':{'type':'function_call','id':'fc_1','call_id':'call_1','name':'add','arguments':'{\\'a\\':2}'}}")).isEmpty());
    const AssembledMessage message = assemble(events + done + translator.finish());
    QCOMPARE(message.toolUses().first().value(QLatin1StringView("input")).toObject(), json("{'a':2}"));
    QCOMPARE(message.stopReason(), QStringLiteral("tool_use"));
}

// Without function_call_arguments.done, the item's done event ends the call.
void TestResponsesStreamTranslator::callClosedByItemDone()
{
    ResponsesStreamTranslator translator(defaultOptions());
    QList<QJsonObject> events = translator.translate(sse(functionCallAdded));
    events += translator.translate(sse("{'type':'response.function_call_arguments.delta','item_id':'fc_1','output_index':0,'delta':'{\\'a\\':3}'}"));
    const QList<QJsonObject> done = translator.translate(sse("{'type':'response.output_item.done','output_index':0,'item':{'type':'function_call','id':'fc_1','call_id':'call_1','name':'add','arguments':''}}"));
    QCOMPARE(traceOf(done), QStringLiteral("input_json_delta 0]"));
    QCOMPARE(assemble(events + done).toolUses().first().value(QLatin1StringView("input")).toObject(),
             json("{'a':3}"));
}

void TestResponsesStreamTranslator::callAnnouncedOnlyWhenDone()
{
    const AssembledMessage message = assemble(translateAll({
        sse("{'type':'response.output_item.done','output_index':0,'item':{'type':'function_call','id':'fc_9','call_id':'call_9','name':'Read','arguments':'{\\'file_path\\':\\'a.txt\\'}'}}"),
        sse(completed),
    }));
    QCOMPARE(message.toolUses().size(), 1);
    QCOMPARE(message.toolUses().first().value(QLatin1StringView("id")).toString(), QStringLiteral("call_9"));
    QCOMPARE(message.toolUses().first().value(QLatin1StringView("input")).toObject(),
             json("{'file_path':'a.txt'}"));
    QCOMPARE(message.stopReason(), QStringLiteral("tool_use"));
}

void TestResponsesStreamTranslator::parallelCalls()
{
    const QList<QJsonObject> events = translateAll({
        sse("{'type':'response.output_item.added','output_index':0,'item':{'type':'function_call','id':'fc_1','call_id':'call_1','name':'add','arguments':''}}"),
        sse("{'type':'response.function_call_arguments.delta','item_id':'fc_1','output_index':0,'delta':'{\\'a\\':1}'}"),
        sse("{'type':'response.output_item.added','output_index':1,'item':{'type':'function_call','id':'fc_2','call_id':'call_2','name':'mul','arguments':''}}"),
        sse("{'type':'response.function_call_arguments.delta','item_id':'fc_2','output_index':1,'delta':'{\\'b\\':2}'}"),
        sse("{'type':'response.function_call_arguments.done','item_id':'fc_2','output_index':1,'arguments':'{\\'b\\':2}'}"),
        sse(completed),
    });
    QVERIFY(grammarProblem(events).isEmpty());
    const QList<QJsonObject> toolUses = assemble(events).toolUses();
    QCOMPARE(toolUses.size(), 2);
    QCOMPARE(toolUses[0].value(QLatin1StringView("name")).toString(), QStringLiteral("add"));
    QCOMPARE(toolUses[0].value(QLatin1StringView("input")).toObject(), json("{'a':1}"));
    QCOMPARE(toolUses[1].value(QLatin1StringView("id")).toString(), QStringLiteral("call_2"));
    QCOMPARE(toolUses[1].value(QLatin1StringView("input")).toObject(), json("{'b':2}"));
}

// Arguments that are not a JSON object reach the tool, whose error tells the model why.
void TestResponsesStreamTranslator::badArgumentsKeptRaw()
{
    const AssembledMessage message = assemble(translateAll({
        sse(functionCallAdded),
        sse("{'type':'response.function_call_arguments.done','item_id':'fc_1','output_index':0,'arguments':'{\\'a\\':'}"),
    }));
    QCOMPARE(message.toolUses().first().value(QLatin1StringView("input")).toObject(),
             json("{'_raw_arguments':'{\\'a\\':'}"));
}

// A call id Anthropic would reject (Kimi's style) is encoded, and decodes to the original.
void TestResponsesStreamTranslator::encodedCallIds()
{
    const AssembledMessage message = assemble(translateAll({
        sse("{'type':'response.output_item.added','output_index':0,'item':{'type':'function_call','id':'fc_1','call_id':'functions.add:0','name':'add','arguments':'{}'}}"),
        sse("{'type':'response.output_item.done','output_index':0,'item':{'type':'function_call','id':'fc_1','call_id':'functions.add:0','name':'add','arguments':'{}'}}"),
        sse("{'type':'response.output_item.added','output_index':1,'item':{'type':'function_call','call_id':'','name':'mul','arguments':'{}'}}"),
    }));
    const QList<QJsonObject> toolUses = message.toolUses();
    QCOMPARE(toolUses.size(), 2);
    const QString id = toolUses[0].value(QLatin1StringView("id")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[a-zA-Z0-9_-]+$")).match(id).hasMatch());
    QCOMPARE(ToolCallId::toUpstream(id), QStringLiteral("functions.add:0"));
    // No call id at all: a fresh one, so that the client can still answer the call.
    QVERIFY(toolUses[1].value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("toolu_")));
    QCOMPARE(toolUses[1].value(QLatin1StringView("input")).toObject(), QJsonObject());
}

void TestResponsesStreamTranslator::argumentsOfAnotherItemIgnored()
{
    const AssembledMessage message = assemble(translateAll({
        sse(functionCallAdded),
        sse("{'type':'response.function_call_arguments.delta','item_id':'fc_other','output_index':5,'delta':'{\\'x\\':1}'}"),
        sse("{'type':'response.function_call_arguments.delta','output_index':0,'delta':'{\\'a\\':1}'}"),
    }));
    QCOMPARE(message.toolUses().first().value(QLatin1StringView("input")).toObject(), json("{'a':1}"));
}

void TestResponsesStreamTranslator::stopReason_data()
{
    QTest::addColumn<QList<SseEvent>>("upstream");
    QTest::addColumn<QString>("stopReason");
    const SseEvent text = sse("{'type':'response.output_text.delta','item_id':'msg_1','content_index':0,'delta':'x'}");
    const SseEvent call = sse(functionCallAdded);
    const SseEvent cutShort = sse("{'type':'response.incomplete','response':{'status':'incomplete','incomplete_details':{'reason':'max_output_tokens'},'usage':{'input_tokens':10,'output_tokens':5}}}");
    QTest::newRow("completed") << QList{text, sse(completed)} << QStringLiteral("end_turn");
    QTest::newRow("completed with a call") << QList{text, call, sse(completed)}
                                           << QStringLiteral("tool_use");
    QTest::newRow("max_output_tokens") << QList{text, cutShort} << QStringLiteral("max_tokens");
    // Anthropic, too, says max_tokens for a tool call cut short.
    QTest::newRow("max_output_tokens during a call") << QList{call, cutShort}
                                                     << QStringLiteral("max_tokens");
    QTest::newRow("content_filter")
        << QList{text, sse("{'type':'response.incomplete','response':{'status':'incomplete','incomplete_details':{'reason':'content_filter'}}}")}
        << QStringLiteral("refusal");
    QTest::newRow("no final response") << QList{text} << QStringLiteral("end_turn");
    QTest::newRow("no final response, a call") << QList{call} << QStringLiteral("tool_use");
}

void TestResponsesStreamTranslator::stopReason()
{
    QFETCH(QList<SseEvent>, upstream);
    QFETCH(QString, stopReason);
    ResponsesStreamTranslator translator(defaultOptions());
    QList<QJsonObject> events;
    for (const SseEvent &upstreamEvent : upstream)
        events += translator.translate(upstreamEvent);
    events += translator.finish();
    QVERIFY(grammarProblem(events).isEmpty());
    QCOMPARE(translator.stopReason(), stopReason);
    QCOMPARE(assemble(events).stop(), (QJsonObject{{QStringLiteral("stop_reason"), stopReason},
                                                   {QStringLiteral("stop_sequence"), QJsonValue::Null}}));
}

void TestResponsesStreamTranslator::cachedTokens()
{
    ResponsesStreamTranslator translator(defaultOptions());
    translator.translate(sse("{'type':'response.created','response':{'usage':null}}"));
    const AssembledMessage message = assemble(translator.translate(sse(
        "{'type':'response.incomplete','response':{'incomplete_details':{'reason':'max_output_tokens'},'usage':{'input_tokens':1200,'input_tokens_details':{'cached_tokens':1024},'output_tokens':64}}}")));
    QCOMPARE(message.usage(), usageJson(176, 64, 1024));
    QVERIFY(translator.isComplete());
    QVERIFY(translator.isFinished());
    QCOMPARE(translator.usage(), (TokenUsage{176, 64, 1024, true}));
}

void TestResponsesStreamTranslator::estimateWhenNoUsage()
{
    ResponsesStreamTranslator::Options options = defaultOptions();
    options.inputTokenEstimate = 1234;
    const AssembledMessage message = assemble(translateAll(
        {sse("{'type':'response.completed','response':{'status':'completed','usage':null}}")},
        options));
    QCOMPARE(message.usage(), usageJson(1234, 0));
}

// A stream that stops without response.completed is closed, but not complete: the caller
// decides whether it was cut short.
void TestResponsesStreamTranslator::endWithoutCompleted()
{
    ResponsesStreamTranslator translator(defaultOptions());
    translator.translate(sse("{'type':'response.output_text.delta','item_id':'m','content_index':0,'delta':'x'}"));
    QVERIFY(!translator.isFinished());
    QCOMPARE(traceOf(translator.translate(sse("[DONE]"))), QStringLiteral("0] message_delta message_stop"));
    QVERIFY(translator.isFinished());
    QVERIFY(!translator.isComplete());
    QVERIFY(translator.finish().isEmpty());
}

void TestResponsesStreamTranslator::nothingAfterTheEnd()
{
    ResponsesStreamTranslator translator(defaultOptions());
    translator.translate(sse("{'type':'response.output_text.delta','item_id':'m','content_index':0,'delta':'x'}"));
    QCOMPARE(traceOf(translator.translate(sse(completed))),
             QStringLiteral("0] message_delta message_stop"));
    QVERIFY(translator.isComplete());
    QVERIFY(translator.translate(sse("{'type':'response.output_text.delta','item_id':'m','content_index':0,'delta':'y'}")).isEmpty());
    QVERIFY(translator.translate(sse(completed)).isEmpty());
    QVERIFY(translator.translate(sse("[DONE]")).isEmpty());
    QVERIFY(translator.translate(sse("{'type':'error','code':'server_error','message':'late'}")).isEmpty());
    QVERIFY(translator.finish().isEmpty());
    QVERIFY(translator.fail(ApiError::fromStatus(500, QStringLiteral("late"))).isEmpty());
}

// An upstream that closes cleanly without a word still gets a well-formed, empty answer.
void TestResponsesStreamTranslator::emptyStream()
{
    QCOMPARE(traceOf(translateAll({sse("[DONE]")})),
             QStringLiteral("message_start message_delta message_stop"));
}

void TestResponsesStreamTranslator::ignoredData_data()
{
    QTest::addColumn<SseEvent>("upstreamEvent");
    QTest::newRow("empty") << sse("");
    QTest::newRow("not json") << sse("Bad Gateway");
    QTest::newRow("cut short") << sse("{'type':'response.output_text.delta','delta':'x");
    QTest::newRow("array") << sse("[1,2]");
}

// Garbage neither starts the message nor disturbs it.
void TestResponsesStreamTranslator::ignoredData()
{
    QFETCH(SseEvent, upstreamEvent);
    ResponsesStreamTranslator translator(defaultOptions());
    QVERIFY(translator.translate(upstreamEvent).isEmpty());
    QVERIFY(!translator.hasStarted());
    translator.translate(sse("{'type':'response.output_text.delta','item_id':'m','content_index':0,'delta':'x'}"));
    QVERIFY(translator.translate(upstreamEvent).isEmpty());
    QCOMPARE(traceOf(translator.finish()), QStringLiteral("0] message_delta message_stop"));
}

void TestResponsesStreamTranslator::upstreamError_data()
{
    QTest::addColumn<SseEvent>("upstreamEvent");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("error event, nested (OpenAI)")
        << sse("{'type':'error','sequence_number':2,'error':{'type':'insufficient_quota','code':'insufficient_quota','message':'Quota','param':null}}", "error")
        << 429 << QStringLiteral("Quota");
    QTest::newRow("error event, documented shape")
        << sse("{'type':'error','code':'rate_limit_exceeded','message':'Slow down','param':null}")
        << 429 << QStringLiteral("Slow down");
    QTest::newRow("server_error")
        << sse("{'type':'error','code':'server_error','message':'Oops'}") << 500
        << QStringLiteral("Oops");
    QTest::newRow("other code")
        << sse("{'type':'error','code':'invalid_prompt','message':'Flagged'}") << 500
        << QStringLiteral("Flagged");
    QTest::newRow("no code, type only")
        << sse("{'type':'error','error':{'type':'insufficient_quota','message':'Quota'}}") << 429
        << QStringLiteral("Quota");
    QTest::newRow("HTTP status as code (OpenRouter)")
        << sse("{'type':'error','code':429,'message':'Rate limited upstream'}") << 429
        << QStringLiteral("Rate limited upstream");
    QTest::newRow("response.failed")
        << sse("{'type':'response.failed','response':{'status':'failed','error':{'code':'server_error','message':'The model failed'}}}")
        << 500 << QStringLiteral("The model failed");
    QTest::newRow("response.failed without error")
        << sse("{'type':'response.failed','response':{'status':'failed','error':null}}") << 500
        << QStringLiteral("The upstream reported an error");
    QTest::newRow("Chat-style error object")
        << sse("{'error':{'code':'rate_limit_exceeded','message':'Busy'}}") << 429
        << QStringLiteral("Busy");
    QTest::newRow("plain-text error event") << sse("Internal Server Error", "error") << 500
                                            << QStringLiteral("Internal Server Error");
}

void TestResponsesStreamTranslator::upstreamError()
{
    QFETCH(SseEvent, upstreamEvent);
    QFETCH(int, status);
    QFETCH(QString, message);
    const QJsonObject expected = ApiError::fromStatus(status, message).toJson();

    // Before anything else: the error event alone.
    ResponsesStreamTranslator early(defaultOptions());
    QCOMPARE(early.translate(upstreamEvent), QList{expected});
    QVERIFY(early.isFinished());
    QVERIFY(!early.isComplete());
    QVERIFY(!early.hasStarted());
    QVERIFY(early.finish().isEmpty());

    // Mid-block: the error event, with nothing closed after it.
    ResponsesStreamTranslator late(defaultOptions());
    QCOMPARE(traceOf(late.translate(sse("{'type':'response.output_text.delta','item_id':'m','content_index':0,'delta':'x'}"))),
             QStringLiteral("message_start [0:text text_delta"));
    QCOMPARE(late.translate(upstreamEvent), QList{expected});
    QVERIFY(late.translate(sse(completed)).isEmpty());
    QVERIFY(late.finish().isEmpty());
}

void TestResponsesStreamTranslator::failMidBlock()
{
    ResponsesStreamTranslator translator(defaultOptions());
    translator.translate(sse(functionCallAdded));
    const ApiError error = ApiError::fromStatus(504, QStringLiteral("The upstream timed out"));
    QCOMPARE(translator.fail(error), QList{error.toJson()});
    QVERIFY(translator.isFinished());
    QVERIFY(translator.fail(error).isEmpty());
    QVERIFY(translator.finish().isEmpty());
}

void TestResponsesStreamTranslator::freshMessageId()
{
    ResponsesStreamTranslator::Options options;
    options.model = QStringLiteral("m");
    ResponsesStreamTranslator translator(options);
    const AssembledMessage message = assemble(translator.finish());
    QVERIFY(message.start.value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("msg_")));
    QCOMPARE(message.start.value(QLatin1StringView("model")).toString(), QStringLiteral("m"));
}

QTEST_GUILESS_MAIN(TestResponsesStreamTranslator)
#include "tst_responsesstreamtranslator.moc"
