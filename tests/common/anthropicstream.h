#pragma once

#include "protocol/sseevent.h"
#include "protocol/streamtranslator.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTest>

#include <span>

// The Anthropic Messages stream as a client reads it, for the translators' tests: the grammar
// its events must follow, a one-line trace of them, the message a client assembles from them
// (as Anthropic's SDKs do), and what the recorded-stream tests share.
namespace AnthropicStream {
// The options the translator suites start from: the model and message id they expect back.
ResponseOptions defaultOptions();

// An object's "type": an event's, a block's or a delta's.
QString typeOf(const QJsonObject &object);

// Anthropic's usage object as message_start, message_delta and a whole message carry it.
QJsonObject usageJson(qint64 input, qint64 output, qint64 cacheRead = 0);

// Feeds `events` to `translator` as the proxy does: every event, then finish() when the
// upstream closes; returns what the translator sent.
QList<QJsonObject> feed(StreamTranslator &translator, const QList<SseEvent> &events);

// feed(), with the events handed over `burstSize` at a time (translateBurst), as the proxy
// hands over what one read of a fast upstream brought.
QList<QJsonObject> feedInBursts(StreamTranslator &translator, const QList<SseEvent> &events, qsizetype burstSize);

// A helper with QCOMPARE: `actual` and `expected` give a client the same message (start,
// blocks with their text joined, message_delta, error), however their deltas were cut. The
// caller returns if QTest::currentTestFailed().
void compareAssembled(const QList<QJsonObject> &actual, const QList<QJsonObject> &expected);

// feed() to a fresh Translator for each call; a suite keeps one as its translateAll.
template<typename Translator>
struct TranslateAll
{
    QList<QJsonObject> operator()(const QList<SseEvent> &events,
                                  const ResponseOptions &options = defaultOptions()) const
    {
        Translator translator(options);
        return feed(translator, events);
    }
};

// A compact picture of the event sequence: `[0:text` opens block 0, `0]` closes it, deltas
// appear by their delta type, other events by their type.
QString traceOf(const QList<QJsonObject> &events);

// What breaks Anthropic's event grammar, or an empty string: message_start first; blocks with
// indexes 0, 1, 2… each started, given deltas of its own kind and stopped before the next;
// a tool_use block gets exactly one input_json_delta; then message_delta and message_stop.
// An error event may come at any point, and ends the stream.
QString grammarProblem(const QList<QJsonObject> &events);

// A recorded upstream stream (tests/data/provider-streams) and what its translation comes to.
struct RecordedStream
{
    const char *fileName;
    const char *blocks;          // the content block types in order
    const char *stopReason;      // or the error type, for a stream that ends in an error
    qint64 inputTokens;          // input tokens that were not read from the cache
    qint64 outputTokens;
    qint64 cacheReadTokens;
    qint64 startInputTokens = 0; // in message_start
};

QStringList fileNamesOf(std::span<const RecordedStream> streams);
// The columns fileName, blocks, stopReason, usage (message_delta's) and startInputTokens,
// and a row for each stream.
void addRecordedStreamRows(std::span<const RecordedStream> streams);

// The message a client builds from the events.
struct AssembledMessage
{
    QJsonObject start;          // message_start's message
    QList<QJsonObject> content; // the blocks with their text joined and tool inputs parsed
    QJsonObject delta;          // the message_delta event
    QJsonObject error;          // the (last) error event
    int errorEvents = 0;

    // The text of every block of `blockType` ("text", "thinking"), run together.
    QString joined(const char *blockType) const;
    QList<QJsonObject> toolUses() const;
    // The block types in order, separated by spaces: "thinking text tool_use".
    QString blockTypes() const;

    QJsonObject usage() const;
    QJsonObject stop() const; // stop_reason and stop_sequence
    QString stopReason() const;
    QString errorType() const;
};

AssembledMessage assemble(const QList<QJsonObject> &events);

// A tool call as the upstream made it, read from its own stream.
struct UpstreamToolCall
{
    QString id;
    QString name;
    QString arguments; // JSON text
};

// Compares tool_use blocks with the upstream's calls, in order: the ids are valid for
// Anthropic and decode to the upstream's, the names match, and the inputs are the arguments
// parsed. A helper with QCOMPARE: the caller returns if QTest::currentTestFailed().
void compareToolUses(const QList<QJsonObject> &toolUses, const QList<UpstreamToolCall> &calls);

// The proxy hands over each read of the upstream as one burst: the client must get the same
// message as from the events one by one, in no more events. Checks `upstream` in bursts of
// 2, 7 and all. A helper with QCOMPARE: the caller returns if QTest::currentTestFailed().
template<typename Translator>
void compareBurstsWithOneByOne(const QList<SseEvent> &upstream)
{
    Translator oneByOne(defaultOptions());
    const QList<QJsonObject> expected = feed(oneByOne, upstream);
    for (const qsizetype burstSize : {qsizetype(2), qsizetype(7), upstream.size()}) {
        Translator translator(defaultOptions());
        const QList<QJsonObject> events = feedInBursts(translator, upstream, burstSize);
        const QString problem = grammarProblem(events);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + traceOf(events)));
        compareAssembled(events, expected);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("in bursts of %1").arg(burstSize)));
        QVERIFY(events.size() <= expected.size());
    }
}
}
