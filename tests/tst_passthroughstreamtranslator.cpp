#include "protocol/anthropic/passthroughstreamtranslator.h"

#include "anthropicstream.h"
#include "testdata.h"

#include <QTest>

// JSON in this file is written with single quotes (see TestData::doubleQuoted).
namespace {
SseEvent sse(const char *name, const QByteArray &singleQuoted)
{
    return SseEvent{QByteArray(name), TestData::doubleQuoted(singleQuoted)};
}
}

class TestPassthroughStreamTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // message_delta's counts are cumulative. Anthropic's MessageDeltaUsage types input_tokens
    // and the cache counts as nullable, and other Anthropic-compatible servers leave them out:
    // either way a count not given keeps the one message_start gave, not zero.
    void countsNotGivenInMessageDeltaKeepEarlierOnes_data()
    {
        QTest::addColumn<QByteArray>("deltaUsage");
        QTest::newRow("null") << QByteArray("{'input_tokens': null, 'cache_creation_input_tokens': null, "
                                            "'cache_read_input_tokens': null, 'output_tokens': 30}");
        QTest::newRow("left out") << QByteArray("{'output_tokens': 30}");
    }

    void countsNotGivenInMessageDeltaKeepEarlierOnes()
    {
        QFETCH(QByteArray, deltaUsage);
        PassthroughStreamTranslator translator(AnthropicStream::defaultOptions());
        AnthropicStream::feed(
            translator,
            {sse("message_start", "{'type': 'message_start', 'message': {'id': 'msg_1', 'type': 'message', 'role': 'assistant', "
                                  "'content': [], 'model': 'm', 'stop_reason': null, 'stop_sequence': null, "
                                  "'usage': {'input_tokens': 12, 'cache_read_input_tokens': 300, 'output_tokens': 1}}}"),
             sse("message_delta", "{'type': 'message_delta', 'delta': {'stop_reason': 'end_turn', 'stop_sequence': null}, "
                                  "'usage': " + deltaUsage + "}"),
             sse("message_stop", "{'type': 'message_stop'}")});
        const TokenUsage usage = translator.usage();
        QCOMPARE(usage.input, 12);
        QCOMPARE(usage.cacheRead, 300);
        QCOMPARE(usage.output, 30);
    }
};

QTEST_GUILESS_MAIN(TestPassthroughStreamTranslator)
#include "tst_passthroughstreamtranslator.moc"
