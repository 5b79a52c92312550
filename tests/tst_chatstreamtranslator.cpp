#include "protocol/openai/chatstreamtranslator.h"
#include "protocol/toolcallid.h"

#include "anthropicstream.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
using namespace AnthropicStream;

QJsonObject json(const char *text)
{
    return TestData::parseJson(text).object();
}

SseEvent data(const char *text, const char *eventName = "")
{
    return SseEvent{QByteArray(eventName), QByteArray(text)};
}

const TranslateAll<ChatStreamTranslator> translateAll{};

// The upstream's own account of the answer, read straight from the chunks.
struct UpstreamAnswer
{
    QString text;
    QString reasoning;
    QList<UpstreamToolCall> toolCalls; // by their index
};

UpstreamAnswer upstreamAnswerOf(const QList<SseEvent> &events)
{
    UpstreamAnswer answer;
    for (const SseEvent &event : events) {
        const QJsonArray choices = QJsonDocument::fromJson(event.data)
                                       .object()
                                       .value(QLatin1StringView("choices"))
                                       .toArray();
        if (choices.isEmpty())
            continue;
        const QJsonObject delta =
            choices.first().toObject().value(QLatin1StringView("delta")).toObject();
        answer.text += delta.value(QLatin1StringView("content")).toString();
        const QString reasoningContent =
            delta.value(QLatin1StringView("reasoning_content")).toString();
        answer.reasoning += reasoningContent.isEmpty()
                                ? delta.value(QLatin1StringView("reasoning")).toString()
                                : reasoningContent;
        for (const QJsonValue &value : delta.value(QLatin1StringView("tool_calls")).toArray()) {
            const QJsonObject toolCall = value.toObject();
            const QJsonObject function = toolCall.value(QLatin1StringView("function")).toObject();
            const int index = toolCall.value(QLatin1StringView("index")).toInt();
            if (answer.toolCalls.size() <= index)
                answer.toolCalls.resize(index + 1);
            UpstreamToolCall &call = answer.toolCalls[index];
            if (call.id.isEmpty())
                call.id = toolCall.value(QLatin1StringView("id")).toString();
            if (call.name.isEmpty())
                call.name = function.value(QLatin1StringView("name")).toString();
            call.arguments += function.value(QLatin1StringView("arguments")).toString();
        }
    }
    return answer;
}

// Every recorded Chat Completions stream, with what the upstream reported in it. The input
// tokens are the prompt tokens that were not read from the cache.
const RecordedStream recordedStreams[] = {
    {"azure-openai-model-router-gpt-5-nano.stream.sse", "text", "end_turn", 15, 78, 0, 0},
    {"deepseek-chat-length.stream.sse", "text", "max_tokens", 13, 400, 0, 0},
    // prompt_tokens 339, of which prompt_cache_hit_tokens 320.
    {"deepseek-reasoner-tools.stream.sse", "thinking tool_use", "tool_use", 19, 83, 320, 0},
    {"deepseek-reasoner.stream.sse", "thinking text", "end_turn", 18, 219, 0, 0},
    {"glm-4.5-zai-parallel-tools.stream.sse", "thinking text tool_use tool_use", "tool_use", 24,
     145, 258, 0},
    {"glm-4.6-hf-router-tools.stream.sse", "text thinking text tool_use", "tool_use", 136, 69, 43,
     0},
    {"glm-4.7-reasoning.stream.sse", "thinking text", "end_turn", 13, 564, 0, 0},
    // Groq's error carries status_code 400; the estimate stands in for the missing usage.
    {"groq-gpt-oss-120b-midstream-error.stream.sse", "thinking", "invalid_request_error", 1000,
     0, 0, 0},
    {"groq-llama-3.3-70b-tools-whole-args.stream.sse", "tool_use", "tool_use", 210, 15, 0, 0},
    {"kimi-k2-0905-openrouter-moonshot-parallel-tools.stream.sse", "text tool_use tool_use",
     "tool_use", 154, 52, 0, 0},
    {"llamacpp-gpt-oss-20b-tools.stream.sse", "thinking tool_use", "tool_use", 139, 41, 0, 0},
    {"openai-gpt-4o-mini-tools-usage.stream.sse", "tool_use", "tool_use", 53, 15, 0, 0},
    {"openrouter-claude-sonnet-4.5-reasoning.stream.sse", "thinking text", "end_turn", 43, 36, 0,
     0},
    {"openrouter-glm-5-turbo-zai-tools.stream.sse", "thinking tool_use", "tool_use", 45, 33, 128,
     0},
    {"qwen3-max-tools.stream.sse", "tool_use", "tool_use", 295, 22, 0, 0},
    // Usage on every chunk: the first already has the prompt tokens.
    {"vllm-llama-3.1-8b-tools-continuous-usage.stream.sse", "tool_use", "tool_use", 226, 20, 0,
     226},
    {"xai-grok-3-mini-tools-whole-args.stream.sse", "thinking tool_use", "tool_use", 1, 26, 306, 0},
};

// A chunk carrying `text` as content: built, not written, as the text holds markup and JSON.
SseEvent contentChunk(const QString &text)
{
    const QJsonObject delta{{QStringLiteral("content"), text}};
    const QJsonObject chunk{
        {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("delta"), delta}}}}};
    return SseEvent{QByteArray(), QJsonDocument(chunk).toJson(QJsonDocument::Compact)};
}

// `text` as content chunks of `size` characters, then a finish chunk with `finishReason`.
QList<SseEvent> contentInChunks(const QString &text, qsizetype size,
                                const char *finishReason = "stop")
{
    QList<SseEvent> events;
    for (qsizetype i = 0; i < text.size(); i += size)
        events.append(contentChunk(text.mid(i, size)));
    const QJsonObject choice{{QStringLiteral("delta"), QJsonObject()},
                             {QStringLiteral("finish_reason"), QLatin1StringView(finishReason)}};
    const QJsonObject chunk{{QStringLiteral("choices"), QJsonArray{choice}}};
    events.append(SseEvent{QByteArray(), QJsonDocument(chunk).toJson(QJsonDocument::Compact)});
    return events;
}

ChatStreamTranslator::Options textToolCallOptions()
{
    ChatStreamTranslator::Options options = defaultOptions();
    options.textToolCalls = true;
    return options;
}

// Tool-call markup in any text_delta, or an empty string.
QString markupShown(const QList<QJsonObject> &events)
{
    for (const QJsonObject &event : events) {
        const QString text = event.value(QLatin1StringView("delta"))
                                 .toObject()
                                 .value(QLatin1StringView("text"))
                                 .toString();
        for (const char *tag : {"<tool", "tool_call>", "<function", "function>", "<arg_", "<parameter"}) {
            if (text.contains(QLatin1StringView(tag)))
                return text;
        }
    }
    return {};
}

// A Qwen-style answer: text, a call in Hermes markup, more text.
const char qwenAnswer[] =
    "Let me look at the weather.\n\n<tool_call>\n{\"name\": \"get_weather\", "
    "\"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}\n</tool_call>";
}

// The slots are defined after the class: moc 6.4 loses track of a class body holding raw
// string literals with \" in them (the JSON chunks below) and generates nothing.
class TestChatStreamTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRecordedChatStreamIsCovered();
    void recordedStream_data();
    void recordedStream();
    void recordedStreamInBursts_data();
    void recordedStreamInBursts();
    void burstJoinsConsecutiveDeltas();
    void providerSearchCitationsBecomeSearchBlocks();
    void kimiParallelToolCalls();
    void exactEvents();
    void thinkingBlock();
    void switchingKinds();
    void emptyAndNullContentOpenNoBlock();
    void toolCallsToldApartById_data();
    void toolCallsToldApartById();
    void toolInput_data();
    void toolInput();
    void toolInputWaitsForTheBlockToClose();
    void emptyIdsToldApartByIndex();
    void fragmentAfterItsBlockClosed();
    void stopReason_data();
    void stopReason();
    void finishChunkTwice();
    void usageAfterFinishReason_data();
    void usageAfterFinishReason();
    void latestUsageWins();
    void estimateWhenNoUsage();
    void endWithoutDone();
    void nothingAfterTheEnd();
    void emptyStream();
    void ignoredData_data();
    void ignoredData();
    void upstreamError_data();
    void upstreamError();
    void failMidBlock();
    void failBeforeStart();
    void freshMessageId();
    void textToolCallSplitAcrossChunks_data();
    void textToolCallSplitAcrossChunks();
    void textToolCallFormats_data();
    void textToolCallFormats();
    void textToolCallEvents();
    void textAfterTextToolCall();
    void textToolCallsGetFreshIds();
    void unclosedTextToolCallShownAtTheEnd();
    void textToolCallThenNativeToolCall();
    void textToolCallsOffByDefault();
    void recordedStreamsWithTextToolCalls();
};

void TestChatStreamTranslator::everyRecordedChatStreamIsCovered()
{
    QStringList chatStreams;
    for (const QString &fileName : TestData::providerStreamNames()) {
        if (!fileName.startsWith(QLatin1StringView("anthropic-"))
            && !fileName.contains(QLatin1StringView("responses")))
            chatStreams << fileName;
    }
    QCOMPARE(fileNamesOf(recordedStreams), chatStreams);
}

void TestChatStreamTranslator::recordedStream_data()
{
    addRecordedStreamRows(recordedStreams);
}

void TestChatStreamTranslator::recordedStreamInBursts_data()
{
    recordedStream_data();
}

void TestChatStreamTranslator::recordedStreamInBursts()
{
    QFETCH(QString, fileName);
    compareBurstsWithOneByOne<ChatStreamTranslator>(TestData::providerStreamEvents(fileName));
}

void TestChatStreamTranslator::recordedStream()
{
    QFETCH(QString, fileName);
    QFETCH(QString, blocks);
    QFETCH(QString, stopReason);
    QFETCH(QJsonObject, usage);
    QFETCH(qint64, startInputTokens);

    const QList<SseEvent> upstream = TestData::providerStreamEvents(fileName);
    ChatStreamTranslator::Options options = defaultOptions();
    options.inputTokenEstimate = 1000;
    ChatStreamTranslator translator(options);
    const QList<QJsonObject> events = feed(translator, upstream);

    const QString problem = grammarProblem(events);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + traceOf(events)));
    QVERIFY(translator.isFinished());
    const AssembledMessage message = assemble(events);
    QCOMPARE(message.start.value(QLatin1StringView("id")).toString(), QStringLiteral("msg_test"));
    QCOMPARE(message.start.value(QLatin1StringView("model")).toString(), options.model);
    QCOMPARE(message.start.value(QLatin1StringView("usage")).toObject(),
             usageJson(startInputTokens, 0));

    QStringList blockTypes;
    for (const QJsonObject &block : message.content) {
        blockTypes << typeOf(block);
        if (typeOf(block) != QLatin1StringView("tool_use"))
            QVERIFY2(!block.value(typeOf(block)).toString().isEmpty(), "an empty block");
    }
    QCOMPARE(blockTypes.join(QLatin1Char(' ')), blocks);

    const UpstreamAnswer answer = upstreamAnswerOf(upstream);
    QCOMPARE(message.joined("text"), answer.text);
    QCOMPARE(message.joined("thinking"), answer.reasoning);
    compareToolUses(message.toolUses(), answer.toolCalls);
    if (QTest::currentTestFailed())
        return;

    if (message.error.isEmpty()) {
        QCOMPARE(message.stop().value(QLatin1StringView("stop_reason")).toString(), stopReason);
        QVERIFY(message.stop().value(QLatin1StringView("stop_sequence")).isNull());
        QCOMPARE(message.usage(), usage);
        QCOMPARE(translator.stopReason(), stopReason);
    } else {
        QVERIFY(message.delta.isEmpty());
        QCOMPARE(message.error.value(QLatin1StringView("error"))
                     .toObject()
                     .value(QLatin1StringView("type"))
                     .toString(),
                 stopReason);
    }
    QCOMPARE(translator.usage().toAnthropicJson(), usage);
}

// The example from the brief, spelled out: Kimi's ids carry a colon, and come back intact.
void TestChatStreamTranslator::kimiParallelToolCalls()
{
    const AssembledMessage message = assemble(translateAll(TestData::providerStreamEvents(
        QStringLiteral("kimi-k2-0905-openrouter-moonshot-parallel-tools.stream.sse"))));
    const QList<QJsonObject> toolUses = message.toolUses();
    QCOMPARE(toolUses.size(), 2);
    QCOMPARE(ToolCallId::toUpstream(toolUses[0].value(QLatin1StringView("id")).toString()),
             QStringLiteral("add:0"));
    QCOMPARE(ToolCallId::toUpstream(toolUses[1].value(QLatin1StringView("id")).toString()),
             QStringLiteral("multiply:1"));
    QCOMPARE(toolUses[0].value(QLatin1StringView("name")).toString(), QStringLiteral("add"));
    QCOMPARE(toolUses[1].value(QLatin1StringView("name")).toString(), QStringLiteral("multiply"));
    QCOMPARE(toolUses[0].value(QLatin1StringView("input")).toObject(), json(R"({"a":2,"b":3})"));
    QCOMPARE(toolUses[1].value(QLatin1StringView("input")).toObject(), json(R"({"a":2,"b":3})"));
    QCOMPARE(message.joined("text"), QStringLiteral("I'll add and multiply 2 and 3 for you."));
}

// Every field of every event, as the real API sends them.
void TestChatStreamTranslator::exactEvents()
{
    const QList<QJsonObject> events = translateAll({
        data(R"({"choices":[{"delta":{"role":"assistant","content":"Hi"}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"add","arguments":"{\"a\":"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":" 1}"}}]}}]})"),
        data(R"({"choices":[{"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":10,"completion_tokens":5}})"),
        data("[DONE]"),
    });
    const QList<QJsonObject> expected{
        json(R"({"type":"message_start","message":{"id":"msg_test","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"output_tokens":0,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}}})"),
        json(R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"),
        json(R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}})"),
        json(R"({"type":"content_block_stop","index":0})"),
        json(R"({"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_1","name":"add","input":{}}})"),
        json(R"({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"a\":1}"}})"),
        json(R"({"type":"content_block_stop","index":1})"),
        json(R"({"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}})"),
        json(R"({"type":"message_stop"})"),
    };
    QCOMPARE(events, expected);
}

// The deltas of one burst leave as one delta per block; a delta of the next burst is its own.
// OpenRouter's web plugin streams its citations as annotations in a delta: after the text,
// they become the blocks of Anthropic's search, once per page, and the search is counted.
void TestChatStreamTranslator::providerSearchCitationsBecomeSearchBlocks()
{
    const QByteArray citation = "{'type':'url_citation','url_citation':{'url':'https://www.qt.io/blog/qt-6.4-released',"
                                "'title':'Qt 6.4 Released','content':'We are happy to announce the release of Qt 6.4.',"
                                "'start_index':0,'end_index':24}}";
    const QList<QJsonObject> events = translateAll({
        SseEvent{{}, TestData::doubleQuoted("{'choices':[{'delta':{'role':'assistant','content':'Qt 6.4 came out in 2022.'}}]}")},
        SseEvent{{}, TestData::doubleQuoted("{'choices':[{'delta':{'annotations':[" + citation + "," + citation
                                            + "]},'finish_reason':'stop'}]}")},
        SseEvent{{}, "[DONE]"},
    });
    QCOMPARE(grammarProblem(events), QString());
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:text text_delta 0] [1:server_tool_use input_json_delta 1] "
                                             "[2:web_search_tool_result 2] message_delta message_stop"));
    const QJsonObject call = events[4].value(QLatin1StringView("content_block")).toObject();
    const QJsonObject result = events[7].value(QLatin1StringView("content_block")).toObject();
    QCOMPARE(result.value(QLatin1StringView("tool_use_id")), call.value(QLatin1StringView("id")));
    const QJsonArray pages = result.value(QLatin1StringView("content")).toArray();
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages[0][QLatin1StringView("url")].toString(), QStringLiteral("https://www.qt.io/blog/qt-6.4-released"));
    QCOMPARE(pages[0][QLatin1StringView("title")].toString(), QStringLiteral("Qt 6.4 Released"));
    QCOMPARE(events[9][QLatin1StringView("usage")][QLatin1StringView("server_tool_use")][QLatin1StringView("web_search_requests")].toInt(), 1);
}

void TestChatStreamTranslator::burstJoinsConsecutiveDeltas()
{
    ChatStreamTranslator translator(defaultOptions());
    const QList<QJsonObject> first = translator.translateBurst({
        data(R"({"choices":[{"delta":{"role":"assistant","reasoning_content":"Hm"}}]})"),
        data(R"({"choices":[{"delta":{"reasoning_content":"m."}}]})"),
        data(R"({"choices":[{"delta":{"content":"Hel"}}]})"),
        data(R"({"choices":[{"delta":{"content":"lo"}}]})"),
    });
    QCOMPARE(traceOf(first), QStringLiteral("message_start [0:thinking thinking_delta 0] [1:text text_delta"));
    QCOMPARE(first[2], json(R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Hmm."}})"));
    QCOMPARE(first[5], json(R"({"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hello"}})"));

    const QList<QJsonObject> second = translator.translateBurst({
        data(R"({"choices":[{"delta":{"content":" there"}}]})"),
        data(R"({"choices":[{"delta":{"content":"!"},"finish_reason":"stop"}]})"),
        data("[DONE]"),
    });
    QCOMPARE(traceOf(second), QStringLiteral("text_delta 1] message_delta message_stop"));
    QCOMPARE(second[0], json(R"({"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":" there!"}})"));

    // An error in a burst comes after the text before it.
    ChatStreamTranslator failing(defaultOptions());
    const QList<QJsonObject> failed = failing.translateBurst({
        data(R"({"choices":[{"delta":{"content":"Hi"}}]})"),
        data(R"({"error":{"message":"overloaded","type":"server_error","code":500}})"),
    });
    QCOMPARE(traceOf(failed), QStringLiteral("message_start [0:text text_delta error"));
    QCOMPARE(failed[2], json(R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}})"));
}

void TestChatStreamTranslator::thinkingBlock()
{
    const QList<QJsonObject> events = translateAll({
        data(R"({"choices":[{"delta":{"reasoning_content":"Hmm"}}]})"),
        data(R"({"choices":[{"delta":{"reasoning":", yes"}}]})"),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:thinking thinking_delta "
                                             "thinking_delta 0] message_delta message_stop"));
    QCOMPARE(events[1], json(R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}})"));
    QCOMPARE(events[3], json(R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":", yes"}})"));
}

// Each change of kind closes the open block and opens the next, with the next index.
void TestChatStreamTranslator::switchingKinds()
{
    const QList<QJsonObject> events = translateAll({
        data(R"({"choices":[{"delta":{"reasoning_content":"a","content":"b"}}]})"),
        data(R"({"choices":[{"delta":{"reasoning_content":"c"}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"x","function":{"name":"f","arguments":"{}"}}]}}]})"),
        data(R"({"choices":[{"delta":{"content":"d"}}]})"),
    });
    QVERIFY(grammarProblem(events).isEmpty());
    QCOMPARE(traceOf(events),
             QStringLiteral("message_start [0:thinking thinking_delta 0] [1:text text_delta 1] "
                            "[2:thinking thinking_delta 2] [3:tool_use input_json_delta 3] "
                            "[4:text text_delta 4] message_delta message_stop"));
}

void TestChatStreamTranslator::emptyAndNullContentOpenNoBlock()
{
    const QList<QJsonObject> events = translateAll({
        data(R"({"choices":[{"delta":{"role":"assistant","content":""}}]})"),
        data(R"({"choices":[{"delta":{"content":null,"reasoning_content":null,"reasoning":""}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[]}}]})"),
        data(R"({"choices":[{"delta":{"content":""},"finish_reason":"stop"}]})"),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start message_delta message_stop"));
}

// Ollama omits `index`, or numbers every call 0: only the ids tell the calls apart.
void TestChatStreamTranslator::toolCallsToldApartById_data()
{
    QTest::addColumn<QList<SseEvent>>("upstream");
    QTest::newRow("no index") << QList{
        data(R"({"choices":[{"delta":{"tool_calls":[{"id":"call_a","function":{"name":"add","arguments":"{\"a\":1}"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"id":"call_b","function":{"name":"mul","arguments":"{\"b\":"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"2}"}}]}}]})"),
    };
    QTest::newRow("every index 0") << QList{
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_a","function":{"name":"add","arguments":"{\"a\":1}"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_b","function":{"name":"mul","arguments":"{\"b\":"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"","function":{"arguments":"2}"}}]}}]})"),
    };
    QTest::newRow("both calls in one chunk") << QList{
        data(R"({"choices":[{"delta":{"tool_calls":[{"id":"call_a","function":{"name":"add","arguments":"{\"a\":1}"}},{"id":"call_b","function":{"name":"mul","arguments":"{\"b\":2}"}}]}}]})"),
    };
    QTest::newRow("id repeated on every fragment") << QList{
        data(R"({"choices":[{"delta":{"tool_calls":[{"id":"call_a","function":{"name":"add","arguments":"{\"a\":"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"id":"call_a","function":{"arguments":"1}"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"id":"call_b","function":{"name":"mul","arguments":"{\"b\":2}"}}]}}]})"),
    };
}

void TestChatStreamTranslator::toolCallsToldApartById()
{
    QFETCH(QList<SseEvent>, upstream);
    const QList<QJsonObject> events = translateAll(upstream);
    QVERIFY(grammarProblem(events).isEmpty());
    const AssembledMessage message = assemble(events);
    QCOMPARE(message.content, (QList{
        json(R"({"type":"tool_use","id":"call_a","name":"add","input":{"a":1}})"),
        json(R"({"type":"tool_use","id":"call_b","name":"mul","input":{"b":2}})"),
    }));
    QCOMPARE(message.stop().value(QLatin1StringView("stop_reason")).toString(),
             QStringLiteral("tool_use"));
}

void TestChatStreamTranslator::toolInput_data()
{
    QTest::addColumn<QStringList>("fragments"); // the arguments, one chunk each
    QTest::addColumn<QJsonObject>("input");
    QTest::newRow("fragments") << QStringList{QStringLiteral(R"({"a")"), QStringLiteral(": [1,"),
                                              QStringLiteral(" 2]}")}
                               << json(R"({"a":[1,2]})");
    QTest::newRow("whole") << QStringList{QStringLiteral(R"({"a": {"b": null}})")}
                           << json(R"({"a":{"b":null}})");
    QTest::newRow("trailing empty fragment")
        << QStringList{QStringLiteral(R"({"a":1})"), QString()} << json(R"({"a":1})");
    QTest::newRow("no arguments") << QStringList{QString()} << QJsonObject();
    QTest::newRow("invalid json") << QStringList{QStringLiteral(R"({"a": 1)"),
                                                 QStringLiteral(R"(, "b)")}
                                  << json(R"({"_raw_arguments":"{\"a\": 1, \"b"})");
    QTest::newRow("not an object") << QStringList{QStringLiteral("[1, 2]")}
                                   << json(R"({"_raw_arguments":"[1, 2]"})");
}

void TestChatStreamTranslator::toolInput()
{
    QFETCH(QStringList, fragments);
    QFETCH(QJsonObject, input);
    QList<SseEvent> upstream{data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f"}}]}}]})")};
    for (const QString &fragment : fragments) {
        // Later fragments as Qwen sends them: a null id, the type repeated.
        QByteArray chunk(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":null,"type":"function","function":{"arguments":ARGUMENTS}}]}}]})");
        const QByteArray quoted =
            QJsonDocument(QJsonArray{fragment}).toJson(QJsonDocument::Compact);
        upstream << SseEvent{{}, chunk.replace("ARGUMENTS", quoted.sliced(1, quoted.size() - 2))};
    }
    const QList<QJsonObject> events = translateAll(upstream);
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:tool_use input_json_delta 0] "
                                             "message_delta message_stop"));
    QCOMPARE(assemble(events).toolUses().first().value(QLatin1StringView("input")).toObject(),
             input);
}

// The block opens as soon as the call is named; the input follows only once it is whole.
void TestChatStreamTranslator::toolInputWaitsForTheBlockToClose()
{
    ChatStreamTranslator translator(defaultOptions());
    QCOMPARE(traceOf(translator.translate(data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"functions.add:0","function":{"name":"add","arguments":""}}]}}]})"))),
             QStringLiteral("message_start [0:tool_use"));
    QVERIFY(translator.translate(data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"a\":1}"}}]}}]})")).isEmpty());
    const QList<QJsonObject> events = translator.translate(data(R"({"choices":[{"delta":{"tool_calls":[{"index":1,"id":"functions.add:1","function":{"name":"add","arguments":"{}"}}]}}]})"));
    QCOMPARE(traceOf(events), QStringLiteral("input_json_delta 0] [1:tool_use"));
    QCOMPARE(ToolCallId::toUpstream(events[2]
                                        .value(QLatin1StringView("content_block"))
                                        .toObject()
                                        .value(QLatin1StringView("id"))
                                        .toString()),
             QStringLiteral("functions.add:1"));
    QCOMPARE(traceOf(translator.finish()),
             QStringLiteral("input_json_delta 1] message_delta message_stop"));
}

// Calls with empty ids (as Gemini sends them) are told apart by index, and get fresh ids.
void TestChatStreamTranslator::emptyIdsToldApartByIndex()
{
    const QList<QJsonObject> toolUses = assemble(translateAll({
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"","function":{"name":"add","arguments":"{}"}}]}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":1,"id":"","function":{"name":"mul","arguments":"{}"}}]}}]})"),
    })).toolUses();
    QCOMPARE(toolUses.size(), 2);
    const QString first = toolUses[0].value(QLatin1StringView("id")).toString();
    const QString second = toolUses[1].value(QLatin1StringView("id")).toString();
    QVERIFY(first.startsWith(QLatin1StringView("toolu_")));
    QVERIFY(second.startsWith(QLatin1StringView("toolu_")));
    QVERIFY(first != second);
    QCOMPARE(toolUses[1].value(QLatin1StringView("name")).toString(), QStringLiteral("mul"));
}

// A late fragment of a call whose block was closed by text cannot be delivered; it is
// dropped without breaking the stream.
void TestChatStreamTranslator::fragmentAfterItsBlockClosed()
{
    const QList<QJsonObject> events = translateAll({
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{}"}}]}}]})"),
        data(R"({"choices":[{"delta":{"content":"text"}}]})"),
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"late\":1}"}}]}}]})"),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:tool_use input_json_delta 0] "
                                             "[1:text text_delta 1] message_delta message_stop"));
    QCOMPARE(assemble(events).toolUses().first().value(QLatin1StringView("input")).toObject(),
             QJsonObject());
}

void TestChatStreamTranslator::stopReason_data()
{
    QTest::addColumn<QList<SseEvent>>("upstream");
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<QJsonValue>("stopSequence");
    const SseEvent text = data(R"({"choices":[{"delta":{"content":"x"}}]})");
    const SseEvent toolCall = data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f"}}]}}]})");
    QTest::newRow("stop") << QList{text, data(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})")}
                          << QStringLiteral("end_turn") << QJsonValue(QJsonValue::Null);
    QTest::newRow("length") << QList{text, data(R"({"choices":[{"delta":{},"finish_reason":"length"}]})")}
                            << QStringLiteral("max_tokens") << QJsonValue(QJsonValue::Null);
    QTest::newRow("no finish reason") << QList{text} << QStringLiteral("end_turn")
                                      << QJsonValue(QJsonValue::Null);
    QTest::newRow("no finish reason, tool call") << QList{toolCall} << QStringLiteral("tool_use")
                                                 << QJsonValue(QJsonValue::Null);
    QTest::newRow("tool call whatever the reason")
        << QList{toolCall, data(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})")}
        << QStringLiteral("tool_use") << QJsonValue(QJsonValue::Null);
    QTest::newRow("first reason wins")
        << QList{text, data(R"({"choices":[{"delta":{},"finish_reason":"length"}]})"),
                 data(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})")}
        << QStringLiteral("max_tokens") << QJsonValue(QJsonValue::Null);
    // vLLM and SGLang name the matched stop string in the choice's stop_reason.
    QTest::newRow("stop sequence")
        << QList{text, data(R"({"choices":[{"delta":{},"finish_reason":"stop","stop_reason":"###"}]})")}
        << QStringLiteral("stop_sequence") << QJsonValue(QStringLiteral("###"));
    QTest::newRow("stop string not asked for")
        << QList{text, data(R"({"choices":[{"delta":{},"finish_reason":"stop","stop_reason":"END"}]})")}
        << QStringLiteral("end_turn") << QJsonValue(QJsonValue::Null);
    QTest::newRow("stop token id")
        << QList{text, data(R"({"choices":[{"delta":{},"finish_reason":"stop","stop_reason":128008}]})")}
        << QStringLiteral("end_turn") << QJsonValue(QJsonValue::Null);
}

void TestChatStreamTranslator::stopReason()
{
    QFETCH(QList<SseEvent>, upstream);
    QFETCH(QString, stopReason);
    QFETCH(QJsonValue, stopSequence);
    ChatStreamTranslator::Options options = defaultOptions();
    options.stopSequences = {QStringLiteral("###")};
    ChatStreamTranslator translator(options);
    QList<QJsonObject> events;
    for (const SseEvent &event : upstream)
        events += translator.translate(event);
    QCOMPARE(translator.stopReason(), stopReason);
    const AssembledMessage message = assemble(events + translator.finish());
    QCOMPARE(message.stop(), (QJsonObject{{QStringLiteral("stop_reason"), stopReason},
                                          {QStringLiteral("stop_sequence"), stopSequence}}));
}

// xAI sends its finish chunk twice; nothing may be sent twice.
void TestChatStreamTranslator::finishChunkTwice()
{
    const QList<QJsonObject> events = translateAll({
        data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{}"}}]}}]})"),
        data(R"({"choices":[{"delta":{},"finish_reason":"tool_calls"}]})"),
        data(R"({"choices":[{"delta":{},"finish_reason":"tool_calls"}]})"),
        data("[DONE]"),
    });
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:tool_use input_json_delta 0] "
                                             "message_delta message_stop"));
}

// The finish reason alone must not end the message: usage usually follows.
void TestChatStreamTranslator::usageAfterFinishReason_data()
{
    QTest::addColumn<SseEvent>("usageChunk");
    QTest::newRow("no choices") << data(R"({"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":7,"prompt_tokens_details":{"cached_tokens":20}}})");
    QTest::newRow("choice without finish reason") << data(R"({"choices":[{"delta":{"content":""},"finish_reason":null}],"usage":{"prompt_tokens":30,"completion_tokens":7,"prompt_tokens_details":{"cached_tokens":20}}})");
    QTest::newRow("inside the choice (Moonshot)") << data(R"({"choices":[{"delta":{},"finish_reason":null,"usage":{"prompt_tokens":30,"completion_tokens":7,"prompt_tokens_details":{"cached_tokens":20}}}]})");
    QTest::newRow("DeepSeek cache hits") << data(R"({"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":7,"prompt_cache_hit_tokens":20,"prompt_cache_miss_tokens":10}})");
}

void TestChatStreamTranslator::usageAfterFinishReason()
{
    QFETCH(SseEvent, usageChunk);
    ChatStreamTranslator::Options options = defaultOptions();
    options.inputTokenEstimate = 999;
    ChatStreamTranslator translator(options);
    const QList<QJsonObject> started = translator.translate(data(R"({"choices":[{"delta":{"content":"x"}}]})"));
    QCOMPARE(assemble(started).start.value(QLatin1StringView("usage")).toObject(), usageJson(0, 0));
    QCOMPARE(traceOf(translator.translate(data(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})"))),
             QString());
    QCOMPARE(traceOf(translator.translate(usageChunk)), QString());
    const QList<QJsonObject> end = translator.translate(data("[DONE]"));
    QCOMPARE(traceOf(end), QStringLiteral("0] message_delta message_stop"));
    QCOMPARE(assemble(end).usage(), usageJson(10, 7, 20));
    QVERIFY(translator.usage().reported);
}

void TestChatStreamTranslator::latestUsageWins()
{
    const AssembledMessage message = assemble(translateAll({
        data(R"({"choices":[{"delta":{"content":"x"}}],"usage":{"prompt_tokens":5,"completion_tokens":1}})"),
        data(R"({"choices":[{"delta":{"content":"y"}}],"usage":null})"),
        data(R"({"choices":[{"delta":{"content":"z"}}],"usage":{"prompt_tokens":5,"completion_tokens":3}})"),
    }));
    QCOMPARE(message.start.value(QLatin1StringView("usage")).toObject(), usageJson(5, 1));
    QCOMPARE(message.usage(), usageJson(5, 3));
}

void TestChatStreamTranslator::estimateWhenNoUsage()
{
    ChatStreamTranslator::Options options = defaultOptions();
    options.inputTokenEstimate = 1234;
    ChatStreamTranslator translator(options);
    QCOMPARE(translator.usage().input, 1234);
    translator.translate(data(R"({"choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]})"));
    const AssembledMessage message = assemble(translator.finish());
    QCOMPARE(message.usage(), usageJson(1234, 0));
    QVERIFY(!translator.usage().reported);
}

void TestChatStreamTranslator::endWithoutDone()
{
    ChatStreamTranslator translator(defaultOptions());
    translator.translate(data(R"({"choices":[{"delta":{"content":"x"}}]})"));
    QVERIFY(!translator.isFinished());
    QCOMPARE(traceOf(translator.finish()), QStringLiteral("0] message_delta message_stop"));
    QVERIFY(translator.isFinished());
    QVERIFY(translator.finish().isEmpty());
}

void TestChatStreamTranslator::nothingAfterTheEnd()
{
    ChatStreamTranslator translator(defaultOptions());
    translator.translate(data(R"({"choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]})"));
    QCOMPARE(traceOf(translator.translate(data("[DONE]"))),
             QStringLiteral("0] message_delta message_stop"));
    QVERIFY(translator.translate(data(R"({"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1}})")).isEmpty());
    QVERIFY(translator.translate(data("[DONE]")).isEmpty());
    QVERIFY(translator.translate(data(R"({"error":{"message":"late"}})")).isEmpty());
    QVERIFY(translator.finish().isEmpty());
    QVERIFY(translator.fail(ApiError::fromStatus(500, QStringLiteral("late"))).isEmpty());
    QVERIFY(!translator.usage().reported);
}

// An upstream that closes cleanly without a word still gets a well-formed, empty answer.
void TestChatStreamTranslator::emptyStream()
{
    const QList<QJsonObject> events = translateAll({data("[DONE]")});
    QCOMPARE(traceOf(events), QStringLiteral("message_start message_delta message_stop"));
}

void TestChatStreamTranslator::ignoredData_data()
{
    QTest::addColumn<SseEvent>("event");
    QTest::newRow("empty") << data("");
    QTest::newRow("blank") << data(" \n ");
    QTest::newRow("not json") << data("Bad Gateway");
    QTest::newRow("cut short") << data(R"({"choices":[{"delta":{"content":"x)");
    QTest::newRow("array") << data("[1,2]");
    QTest::newRow("number") << data("42");
}

// Garbage neither starts the message nor disturbs it.
void TestChatStreamTranslator::ignoredData()
{
    QFETCH(SseEvent, event);
    ChatStreamTranslator translator(defaultOptions());
    QVERIFY(translator.translate(event).isEmpty());
    QVERIFY(!translator.hasStarted());
    translator.translate(data(R"({"choices":[{"delta":{"content":"x"}}]})"));
    QVERIFY(translator.translate(event).isEmpty());
    QCOMPARE(traceOf(translator.finish()), QStringLiteral("0] message_delta message_stop"));
}

void TestChatStreamTranslator::upstreamError_data()
{
    QTest::addColumn<SseEvent>("event");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("error event (Groq)")
        << data(R"({"error":{"message":"Tool call validation failed","type":"invalid_request_error","code":"tool_use_failed","status_code":400}})", "error")
        << QStringLiteral("invalid_request_error") << QStringLiteral("Tool call validation failed");
    QTest::newRow("error object with numeric code (OpenRouter)")
        << data(R"({"id":"gen-1","object":"chat.completion.chunk","error":{"code":429,"message":"Rate limit exceeded"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]})")
        << QStringLiteral("rate_limit_error") << QStringLiteral("Rate limit exceeded");
    QTest::newRow("provider's own code (Z.ai)")
        << data(R"({"error":{"code":"1302","message":"High concurrency"}})")
        << QStringLiteral("api_error") << QStringLiteral("High concurrency");
    QTest::newRow("code out of the HTTP range")
        << data(R"({"error":{"code":1302,"message":"High concurrency"}})")
        << QStringLiteral("api_error") << QStringLiteral("High concurrency");
    QTest::newRow("error string")
        << data(R"({"error":"upstream overloaded"})")
        << QStringLiteral("api_error") << QStringLiteral("upstream overloaded");
    QTest::newRow("error event, bare object")
        << data(R"({"message":"busy","code":503})", "error")
        << QStringLiteral("overloaded_error") << QStringLiteral("busy");
    QTest::newRow("error event, plain text")
        << data("Internal Server Error", "error")
        << QStringLiteral("api_error") << QStringLiteral("Internal Server Error");
}

void TestChatStreamTranslator::upstreamError()
{
    QFETCH(SseEvent, event);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const QJsonObject expected{
        {QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}}},
    };

    // Before any data: the error event alone.
    ChatStreamTranslator early(defaultOptions());
    QCOMPARE(early.translate(event), QList{expected});
    QVERIFY(early.isFinished());
    QVERIFY(!early.hasStarted());
    QVERIFY(early.finish().isEmpty());

    // Mid-block: the error event, with nothing closed after it.
    ChatStreamTranslator late(defaultOptions());
    QCOMPARE(traceOf(late.translate(data(R"({"choices":[{"delta":{"content":"x"}}]})"))),
             QStringLiteral("message_start [0:text text_delta"));
    QCOMPARE(late.translate(event), QList{expected});
    QVERIFY(late.translate(data(R"({"choices":[{"delta":{"content":"y"}}]})")).isEmpty());
    QVERIFY(late.translate(data("[DONE]")).isEmpty());
    QVERIFY(late.finish().isEmpty());
}

void TestChatStreamTranslator::failMidBlock()
{
    ChatStreamTranslator translator(defaultOptions());
    translator.translate(data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{\"a\":"}}]}}]})"));
    const ApiError error = ApiError::fromStatus(504, QStringLiteral("The upstream timed out"));
    QCOMPARE(translator.fail(error), QList{error.toJson()});
    QVERIFY(translator.isFinished());
    QVERIFY(translator.fail(error).isEmpty());
    QVERIFY(translator.finish().isEmpty());
    QVERIFY(translator.translate(data(R"({"choices":[{"delta":{"content":"y"}}]})")).isEmpty());
}

void TestChatStreamTranslator::failBeforeStart()
{
    ChatStreamTranslator translator(defaultOptions());
    const ApiError error = ApiError::fromStatus(502, QStringLiteral("Connection refused"));
    QCOMPARE(translator.fail(error), QList{error.toJson()});
    QVERIFY(!translator.hasStarted());
}

void TestChatStreamTranslator::freshMessageId()
{
    ChatStreamTranslator::Options options;
    options.model = QStringLiteral("m");
    ChatStreamTranslator translator(options);
    const AssembledMessage message = assemble(translator.finish());
    QVERIFY(message.start.value(QLatin1StringView("id")).toString().startsWith(
        QLatin1StringView("msg_")));
    QCOMPARE(message.start.value(QLatin1StringView("model")).toString(), QStringLiteral("m"));
}

void TestChatStreamTranslator::textToolCallSplitAcrossChunks_data()
{
    QTest::addColumn<qsizetype>("chunkSize");
    for (const qsizetype size : {1, 2, 3, 5, 7, 11, 16, 40, 1000})
        QTest::addRow("chunks of %d", int(size)) << size;
}

// However the upstream cuts the answer, one text block without markup and one tool_use.
void TestChatStreamTranslator::textToolCallSplitAcrossChunks()
{
    QFETCH(qsizetype, chunkSize);
    const QString answer = QString::fromUtf8(qwenAnswer);
    const QList<QJsonObject> events =
        translateAll(contentInChunks(answer, chunkSize), textToolCallOptions());

    const QString problem = grammarProblem(events);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + traceOf(events)));
    QCOMPARE(markupShown(events), QString());
    const AssembledMessage message = assemble(events);
    QCOMPARE(message.content.size(), 2);
    // The layout around the markup goes with it.
    QCOMPARE(message.joined("text"), QStringLiteral("Let me look at the weather."));
    const QList<QJsonObject> toolUses = message.toolUses();
    QCOMPARE(toolUses.size(), 1);
    QVERIFY(toolUses[0].value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("toolu_")));
    QCOMPARE(toolUses[0].value(QLatin1StringView("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(toolUses[0].value(QLatin1StringView("input")).toObject(),
             (QJsonObject{{QStringLiteral("city"), QStringLiteral("Paris")},
                          {QStringLiteral("unit"), QStringLiteral("celsius")}}));
    // The model said "stop"; a call was made all the same.
    QCOMPARE(message.stop().value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("tool_use"));
}

void TestChatStreamTranslator::textToolCallFormats_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("input");

    QTest::newRow("hermes, string arguments")
        << QStringLiteral("<tool_call>{\"name\": \"add\", \"arguments\": \"{\\\"a\\\": 1}\"}</tool_call>")
        << QString() << QStringLiteral("add") << QJsonObject{{QStringLiteral("a"), 1}};
    QTest::newRow("glm")
        << QStringLiteral("Reading.\n<tool_call>Read\n<arg_key>file_path</arg_key>\n<arg_value>/tmp/a.txt</arg_value>\n"
                          "<arg_key>limit</arg_key>\n<arg_value>20</arg_value>\n</tool_call>")
        << QStringLiteral("Reading.") << QStringLiteral("Read")
        << QJsonObject{{QStringLiteral("file_path"), QStringLiteral("/tmp/a.txt")}, {QStringLiteral("limit"), 20}};
    QTest::newRow("qwen3-coder")
        << QStringLiteral("<tool_call>\n<function=Bash>\n<parameter=command>\nls -la\n</parameter>\n"
                          "</function>\n</tool_call>")
        << QString() << QStringLiteral("Bash") << QJsonObject{{QStringLiteral("command"), QStringLiteral("ls -la")}};
}

void TestChatStreamTranslator::textToolCallFormats()
{
    QFETCH(QString, answer);
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QJsonObject, input);
    for (qsizetype size = 1; size <= answer.size(); ++size) {
        const QList<QJsonObject> events = translateAll(contentInChunks(answer, size), textToolCallOptions());
        QVERIFY2(grammarProblem(events).isEmpty(), qPrintable(traceOf(events)));
        QCOMPARE(markupShown(events), QString());
        const AssembledMessage message = assemble(events);
        QCOMPARE(message.joined("text"), text);
        QCOMPARE(message.toolUses().size(), 1);
        QCOMPARE(message.toolUses()[0].value(QLatin1StringView("name")).toString(), name);
        QCOMPARE(message.toolUses()[0].value(QLatin1StringView("input")).toObject(), input);
        QCOMPARE(message.stop().value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("tool_use"));
    }
}

// Every event: the text block closes before the call, which comes whole in one block, and
// the whitespace around the markup makes no block of its own.
void TestChatStreamTranslator::textToolCallEvents()
{
    ChatStreamTranslator translator(textToolCallOptions());
    QCOMPARE(traceOf(translator.translate(contentChunk(QStringLiteral("Checking.")))),
             QStringLiteral("message_start [0:text text_delta"));
    QCOMPARE(traceOf(translator.translate(contentChunk(QStringLiteral("\n<tool_")))), QString());
    QCOMPARE(traceOf(translator.translate(contentChunk(QStringLiteral("call>{\"name\": \"now\"}")))), QString());
    const QList<QJsonObject> call = translator.translate(contentChunk(QStringLiteral("</tool_call>\n")));
    QCOMPARE(traceOf(call), QStringLiteral("0] [1:tool_use input_json_delta 1]"));
    QCOMPARE(call[1].value(QLatin1StringView("content_block")).toObject().value(QLatin1StringView("name")).toString(),
             QStringLiteral("now"));
    QCOMPARE(call[2].value(QLatin1StringView("delta")).toObject().value(QLatin1StringView("partial_json")).toString(),
             QStringLiteral("{}"));
    QCOMPARE(traceOf(translator.translate(data(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})"))), QString());
    const QList<QJsonObject> end = translator.translate(data("[DONE]"));
    QCOMPARE(traceOf(end), QStringLiteral("message_delta message_stop"));
    QCOMPARE(translator.stopReason(), QStringLiteral("tool_use"));
}

// Text after a call opens a new text block; the whitespace around calls, and at the end,
// makes none.
void TestChatStreamTranslator::textAfterTextToolCall()
{
    const QList<QJsonObject> events = translateAll(
        {contentChunk(QStringLiteral("\n\n<tool_call>{\"name\": \"a\"}</tool_call>\n")),
         contentChunk(QStringLiteral("\n<tool_call>{\"name\": \"b\"}</tool_call>\n")),
         contentChunk(QStringLiteral(" ")), contentChunk(QStringLiteral("Then text.")),
         contentChunk(QStringLiteral(" \n"))},
        textToolCallOptions());
    QVERIFY(grammarProblem(events).isEmpty());
    QCOMPARE(traceOf(events), QStringLiteral("message_start [0:tool_use input_json_delta 0] "
                                             "[1:tool_use input_json_delta 1] [2:text text_delta 2] "
                                             "message_delta message_stop"));
    QCOMPARE(assemble(events).joined("text"), QStringLiteral("Then text."));
}

void TestChatStreamTranslator::textToolCallsGetFreshIds()
{
    const QList<QJsonObject> toolUses =
        assemble(translateAll(contentInChunks(QStringLiteral("<tool_call>{\"name\": \"a\"}</tool_call>"
                                                             "<tool_call>{\"name\": \"a\"}</tool_call>"),
                                              4),
                              textToolCallOptions()))
            .toolUses();
    QCOMPARE(toolUses.size(), 2);
    const QString first = toolUses[0].value(QLatin1StringView("id")).toString();
    const QString second = toolUses[1].value(QLatin1StringView("id")).toString();
    QVERIFY2(first.startsWith(QLatin1StringView("toolu_")) && first.size() == 30, qPrintable(first));
    QVERIFY(second.startsWith(QLatin1StringView("toolu_")));
    QVERIFY(first != second);
}

// A call cut off by the end of the stream cannot be made: the client sees what the model wrote.
void TestChatStreamTranslator::unclosedTextToolCallShownAtTheEnd()
{
    const QString answer = QStringLiteral("Calling <tool_call>{\"name\": \"f\", \"arguments\": {\"a\"");
    ChatStreamTranslator translator(textToolCallOptions());
    QList<QJsonObject> events;
    for (const SseEvent &event : contentInChunks(answer, 5, "length"))
        events += translator.translate(event);
    QCOMPARE(assemble(events).joined("text"), QStringLiteral("Calling"));
    events += translator.finish();
    QVERIFY(grammarProblem(events).isEmpty());
    QVERIFY(traceOf(events).startsWith(QLatin1StringView("message_start [0:text text_delta")));
    QVERIFY(traceOf(events).endsWith(QLatin1StringView("text_delta 0] message_delta message_stop")));
    const AssembledMessage message = assemble(events);
    QCOMPARE(message.joined("text"), answer);
    QCOMPARE(message.stop().value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("max_tokens"));
}

void TestChatStreamTranslator::textToolCallThenNativeToolCall()
{
    const QList<QJsonObject> events = translateAll(
        {contentChunk(QStringLiteral("<tool_call>{\"name\": \"a\"}</tool_call>")),
         data(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_b","function":{"name":"b","arguments":"{}"}}]}}]})")},
        textToolCallOptions());
    QVERIFY(grammarProblem(events).isEmpty());
    const QList<QJsonObject> toolUses = assemble(events).toolUses();
    QCOMPARE(toolUses.size(), 2);
    QCOMPARE(toolUses[0].value(QLatin1StringView("name")).toString(), QStringLiteral("a"));
    QCOMPARE(toolUses[1].value(QLatin1StringView("id")).toString(), QStringLiteral("call_b"));
}

// Without the option, markup is text like any other.
void TestChatStreamTranslator::textToolCallsOffByDefault()
{
    const QString answer = QString::fromUtf8(qwenAnswer);
    const QList<QJsonObject> events = translateAll(contentInChunks(answer, 7));
    QCOMPARE(traceOf(events).count(QStringLiteral("tool_use")), 0);
    const AssembledMessage message = assemble(events);
    QCOMPARE(message.joined("text"), answer);
    QCOMPARE(message.stop().value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("end_turn"));
}

// Streams without markup come out the same with the option on, but for their text blocks
// being trimmed: GLM-4.6's lone "\n" before its thinking makes no block any more.
void TestChatStreamTranslator::recordedStreamsWithTextToolCalls()
{
    const auto blocksOf = [](const AssembledMessage &message) {
        QList<QJsonObject> blocks;
        for (QJsonObject block : message.content) {
            if (typeOf(block) == QLatin1StringView("text")) {
                const QString text = block.value(QLatin1StringView("text")).toString().trimmed();
                if (text.isEmpty())
                    continue;
                block.insert(QStringLiteral("text"), text);
            }
            if (typeOf(block) == QLatin1StringView("tool_use") && !block.value(QLatin1StringView("id")).toString().isEmpty())
                block.insert(QStringLiteral("id"), QStringLiteral("(id)"));
            blocks.append(block);
        }
        return blocks;
    };
    for (const RecordedStream &stream : recordedStreams) {
        const QList<SseEvent> upstream = TestData::providerStreamEvents(QString::fromLatin1(stream.fileName));
        const QList<QJsonObject> on = translateAll(upstream, textToolCallOptions());
        QVERIFY2(grammarProblem(on).isEmpty(), stream.fileName);
        const AssembledMessage withOption = assemble(on);
        const AssembledMessage without = assemble(translateAll(upstream));
        QVERIFY2(blocksOf(withOption) == blocksOf(without), stream.fileName);
        QCOMPARE(withOption.stop(), without.stop());
    }
}

QTEST_GUILESS_MAIN(TestChatStreamTranslator)
#include "tst_chatstreamtranslator.moc"
