#include "chatchunkreference.h"
#include "protocol/openai/chatchunk.h"
#include "testdata.h"

#include <QTest>

// ChatChunk reads a chunk as the stream translator read it through QJsonObject
// (ChatChunkReference): every event of every recorded stream, and the shapes no recording has.
class TestChatChunk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRecordedStreamsAsQtJson_data();
    void readsRecordedStreamsAsQtJson();
    void readsChunkAsQtJson_data();
    void readsChunkAsQtJson();
    void readsDeltaOfFirstChoice();
    void readsOnAfterALargeChunk();
};

void TestChatChunk::readsRecordedStreamsAsQtJson_data()
{
    QTest::addColumn<QString>("fileName");
    for (const QString &name : TestData::providerStreamNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestChatChunk::readsRecordedStreamsAsQtJson()
{
    QFETCH(QString, fileName);
    const QList<SseEvent> events = TestData::providerStreamEvents(fileName);
    QVERIFY(!events.isEmpty());
    for (const SseEvent &event : events) {
        const QByteArray data = event.data.trimmed();
        QVERIFY2(ChatChunkReference::same(ChatChunk::read(data), ChatChunkReference::read(data)),
                 data.constData());
    }
}

void TestChatChunk::readsChunkAsQtJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("isChunk");
    const auto row = [](const char *name, const QByteArray &singleQuoted, bool isChunk) {
        QTest::newRow(name) << TestData::doubleQuoted(singleQuoted) << isChunk;
    };
    row("cut line", "{'choices':[{'delta':{'content':'hel", false);
    row("something after the object", "{'choices':[]} {}", false);
    row("an array", "[{'choices':[]}]", false);
    row("text", "'chunk'", false);
    row("escapes", "{'choices':[{'delta':{'content':'caf\\u00e9 \\ud83d\\ude00\\n\\'q\\''}}]}", true);
    row("null content and reason", "{'choices':[{'delta':{'content':null},'finish_reason':null}]}", true);
    row("members of other types", "{'choices':[{'delta':{'content':5,'tool_calls':'x','reasoning':[1]},'stop_reason':7}]}", true);
    row("delta not an object", "{'choices':[{'delta':'x','finish_reason':'stop'}]}", true);
    row("choice not an object", "{'choices':[3]}", true);
    row("choices not an array", "{'choices':{'delta':{'content':'a'}}}", true);
    row("no choices", "{'choices':[],'usage':{'prompt_tokens':3,'completion_tokens':4}}", true);
    row("usage in the choice (Moonshot)", "{'choices':[{'delta':{},'usage':{'prompt_tokens':3,'completion_tokens':4}}]}", true);
    row("top usage wins", "{'usage':{'prompt_tokens':1,'completion_tokens':2},'choices':[{'usage':{'prompt_tokens':3,'completion_tokens':4}}]}", true);
    row("null usage", "{'usage':null,'choices':[{'usage':{'prompt_tokens':3,'completion_tokens':4}}]}", true);
    row("cached tokens (DeepSeek)", "{'usage':{'prompt_tokens':9,'completion_tokens':1,'prompt_cache_hit_tokens':8}}", true);
    row("stop sequence (vLLM)", "{'choices':[{'delta':{},'finish_reason':'stop','stop_reason':'END'}]}", true);
    row("error object", "{'error':{'message':'overloaded','code':529}}", true);
    row("error text", "{'error':'overloaded'}", true);
    row("error null", "{'error':null,'choices':[{'delta':{'content':'a'}}]}", true);
    row("error number", "{'error':5}", true);
    row("a member twice", "{'choices':[{'delta':{'content':'a','content':'b'}}],'choices':[{'delta':{'content':'c'},'finish_reason':'stop','finish_reason':null}]}", true);
    row("choices, then not", "{'choices':[{'delta':{'content':'a'}}],'choices':null}", true);
    row("tool call and citations", "{'choices':[{'delta':{'tool_calls':[{'index':0,'id':'call_1','function':{'name':'f','arguments':'{}'}}],'annotations':[{'type':'url_citation','url_citation':{'url':'https://a.example'}}]}}]}", true);
    // What RFC 8259 forbids but Qt's parser (and so the translator) always took.
    QTest::newRow("raw control character") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"a\x01" "b\"}}]}") << true;
    row("lone surrogate", "{'choices':[{'delta':{'content':'a\\ud83d'}}]}", true);
    row("lone surrogate in a key", "{'x\\ud83d':1,'choices':[{'delta':{'content':'a'}}]}", true);
    row("unknown escape in a key", "{'choices':[{'delta':{},'finish\\_reason':'stop'}]}", true);
    row("unknown escape in a value", "{'choices':[{'delta':{'content':'a\\_b'}}]}", true);
}

void TestChatChunk::readsChunkAsQtJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, isChunk);
    const std::optional<ChatChunk> chunk = ChatChunk::read(json);
    QCOMPARE(chunk.has_value(), isChunk);
    QVERIFY(ChatChunkReference::same(chunk, ChatChunkReference::read(json)));
}

void TestChatChunk::readsDeltaOfFirstChoice()
{
    const std::optional<ChatChunk> chunk = ChatChunk::read(TestData::doubleQuoted(
        "{'id':'x','choices':[{'index':0,'delta':{'reasoning_content':'hm','content':'Hi'},"
        "'logprobs':null,'finish_reason':'length'},{'index':1,'delta':{'content':'no'}}],"
        "'usage':{'prompt_tokens':10,'completion_tokens':2}}"));
    QVERIFY(chunk && chunk->choice);
    QCOMPARE(chunk->choice->delta.content, QStringLiteral("Hi"));
    QCOMPARE(chunk->choice->delta.reasoningContent, QStringLiteral("hm"));
    QCOMPARE(chunk->choice->finishReason, QStringLiteral("length"));
    QVERIFY(!chunk->carriesError);
    QVERIFY(chunk->usage);
    QCOMPARE(chunk->usage->output, qint64(2));
}

// The buffers a large chunk grew are let go after it; the chunks after it read as before.
void TestChatChunk::readsOnAfterALargeChunk()
{
    const QString large(200 * 1024, QLatin1Char('a'));
    const QByteArray json =
        TestData::doubleQuoted("{'choices':[{'delta':{'content':'") + large.toUtf8() + TestData::doubleQuoted("'}}]}");
    const std::optional<ChatChunk> first = ChatChunk::read(json);
    QVERIFY(first && first->choice);
    QCOMPARE(first->choice->delta.content, large);
    const std::optional<ChatChunk> next = ChatChunk::read(TestData::doubleQuoted("{'choices':[{'delta':{'content':'b'}}]}"));
    QVERIFY(next && next->choice);
    QCOMPARE(next->choice->delta.content, QStringLiteral("b"));
}

QTEST_GUILESS_MAIN(TestChatChunk)
#include "tst_chatchunk.moc"
