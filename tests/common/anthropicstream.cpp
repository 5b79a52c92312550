#include "anthropicstream.h"

#include "protocol/toolcallid.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

namespace {
// Blocks whose input arrives as one input_json_delta: the client's tool calls and the
// server's (a web search's query).
bool takesInput(const QString &blockType)
{
    return blockType == QLatin1StringView("tool_use") || blockType == QLatin1StringView("server_tool_use");
}
}

ResponseOptions AnthropicStream::defaultOptions()
{
    ResponseOptions options;
    options.model = QStringLiteral("claude-sonnet-4-5");
    options.messageId = QStringLiteral("msg_test");
    return options;
}

QString AnthropicStream::typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QJsonObject AnthropicStream::usageJson(qint64 input, qint64 output, qint64 cacheRead)
{
    return QJsonObject{
        {QStringLiteral("input_tokens"), input},
        {QStringLiteral("output_tokens"), output},
        {QStringLiteral("cache_read_input_tokens"), cacheRead},
        {QStringLiteral("cache_creation_input_tokens"), 0},
    };
}

QList<QJsonObject> AnthropicStream::feed(StreamTranslator &translator, const QList<SseEvent> &events)
{
    QList<QJsonObject> translated;
    for (const SseEvent &event : events)
        translated += translator.translate(event);
    return translated + translator.finish();
}

QList<QJsonObject> AnthropicStream::feedInBursts(StreamTranslator &translator, const QList<SseEvent> &events,
                                                 qsizetype burstSize)
{
    QList<QJsonObject> translated;
    for (qsizetype start = 0; start < events.size(); start += burstSize)
        translated += translator.translateBurst(events.mid(start, burstSize));
    return translated + translator.finish();
}

void AnthropicStream::compareAssembled(const QList<QJsonObject> &actual, const QList<QJsonObject> &expected)
{
    const AssembledMessage got = assemble(actual);
    const AssembledMessage wanted = assemble(expected);
    QCOMPARE(got.start, wanted.start);
    QCOMPARE(got.content, wanted.content);
    QCOMPARE(got.delta, wanted.delta);
    QCOMPARE(got.error, wanted.error);
    QCOMPARE(got.errorEvents, wanted.errorEvents);
}

QString AnthropicStream::traceOf(const QList<QJsonObject> &events)
{
    QStringList trace;
    for (const QJsonObject &event : events) {
        const QString type = typeOf(event);
        const QString index = QString::number(event.value(QLatin1StringView("index")).toInt());
        if (type == QLatin1StringView("content_block_start"))
            trace << QLatin1Char('[') + index + QLatin1Char(':')
                         + typeOf(event.value(QLatin1StringView("content_block")).toObject());
        else if (type == QLatin1StringView("content_block_delta"))
            trace << typeOf(event.value(QLatin1StringView("delta")).toObject());
        else if (type == QLatin1StringView("content_block_stop"))
            trace << index + QLatin1Char(']');
        else
            trace << type;
    }
    return trace.join(QLatin1Char(' '));
}

QString AnthropicStream::grammarProblem(const QList<QJsonObject> &events)
{
    enum { BeforeStart, InMessage, InBlock, AfterDelta, Stopped } state = BeforeStart;
    int nextIndex = 0;
    QString blockType;
    int inputDeltas = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject &event = events.at(i);
        const QString type = typeOf(event);
        const int index = event.value(QLatin1StringView("index")).toInt(-1);
        const QString where = QStringLiteral("event %1 (%2): ").arg(i).arg(type);
        if (state == Stopped)
            return where + QStringLiteral("after message_stop");
        if (type == QLatin1StringView("error")) {
            if (i != events.size() - 1)
                return where + QStringLiteral("events follow the error");
            return {};
        }
        if (type == QLatin1StringView("message_start")) {
            if (state != BeforeStart)
                return where + QStringLiteral("not first");
            state = InMessage;
        } else if (state == BeforeStart) {
            return where + QStringLiteral("before message_start");
        } else if (type == QLatin1StringView("content_block_start")) {
            if (state != InMessage)
                return where + QStringLiteral("a block is open or the message has ended");
            if (index != nextIndex++)
                return where + QStringLiteral("expected index %1").arg(nextIndex - 1);
            blockType = typeOf(event.value(QLatin1StringView("content_block")).toObject());
            inputDeltas = 0;
            state = InBlock;
        } else if (type == QLatin1StringView("content_block_delta")) {
            if (state != InBlock || index != nextIndex - 1)
                return where + QStringLiteral("outside its block");
            const QString deltaType = typeOf(event.value(QLatin1StringView("delta")).toObject());
            if (deltaType == QLatin1StringView("input_json_delta"))
                ++inputDeltas;
            if (deltaType != blockType + QStringLiteral("_delta")
                && !(takesInput(blockType) && deltaType == QLatin1StringView("input_json_delta")))
                return where + deltaType + QStringLiteral(" in a block of ") + blockType;
        } else if (type == QLatin1StringView("content_block_stop")) {
            if (state != InBlock || index != nextIndex - 1)
                return where + QStringLiteral("no such open block");
            if (takesInput(blockType) && inputDeltas != 1)
                return where + QStringLiteral("%1 input_json_deltas").arg(inputDeltas);
            state = InMessage;
        } else if (type == QLatin1StringView("message_delta")) {
            if (state != InMessage)
                return where + QStringLiteral("a block is still open");
            state = AfterDelta;
        } else if (type == QLatin1StringView("message_stop")) {
            if (state != AfterDelta)
                return where + QStringLiteral("without message_delta");
            state = Stopped;
        } else {
            return where + QStringLiteral("unknown event");
        }
    }
    return state == Stopped ? QString() : QStringLiteral("ends without message_stop or error");
}

QStringList AnthropicStream::fileNamesOf(std::span<const RecordedStream> streams)
{
    QStringList fileNames;
    for (const RecordedStream &stream : streams)
        fileNames << QString::fromLatin1(stream.fileName);
    return fileNames;
}

void AnthropicStream::addRecordedStreamRows(std::span<const RecordedStream> streams)
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("blocks");
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<QJsonObject>("usage");
    QTest::addColumn<qint64>("startInputTokens");
    for (const RecordedStream &stream : streams) {
        QTest::newRow(stream.fileName)
            << QString::fromLatin1(stream.fileName) << QString::fromLatin1(stream.blocks)
            << QString::fromLatin1(stream.stopReason)
            << usageJson(stream.inputTokens, stream.outputTokens, stream.cacheReadTokens)
            << stream.startInputTokens;
    }
}

QString AnthropicStream::AssembledMessage::joined(const char *blockType) const
{
    QString text;
    for (const QJsonObject &block : content) {
        if (typeOf(block) == QLatin1StringView(blockType))
            text += block.value(QLatin1StringView(blockType)).toString();
    }
    return text;
}

QList<QJsonObject> AnthropicStream::AssembledMessage::toolUses() const
{
    QList<QJsonObject> toolUses;
    for (const QJsonObject &block : content) {
        if (typeOf(block) == QLatin1StringView("tool_use"))
            toolUses << block;
    }
    return toolUses;
}

QString AnthropicStream::AssembledMessage::blockTypes() const
{
    QStringList types;
    for (const QJsonObject &block : content)
        types << typeOf(block);
    return types.join(QLatin1Char(' '));
}

QJsonObject AnthropicStream::AssembledMessage::usage() const
{
    return delta.value(QLatin1StringView("usage")).toObject();
}

QJsonObject AnthropicStream::AssembledMessage::stop() const
{
    return delta.value(QLatin1StringView("delta")).toObject();
}

QString AnthropicStream::AssembledMessage::stopReason() const
{
    return stop().value(QLatin1StringView("stop_reason")).toString();
}

QString AnthropicStream::AssembledMessage::errorType() const
{
    return error.value(QLatin1StringView("error"))
        .toObject()
        .value(QLatin1StringView("type"))
        .toString();
}

AnthropicStream::AssembledMessage AnthropicStream::assemble(const QList<QJsonObject> &events)
{
    AssembledMessage message;
    QByteArray partialJson;
    for (const QJsonObject &event : events) {
        const QString type = typeOf(event);
        if (type == QLatin1StringView("message_start")) {
            message.start = event.value(QLatin1StringView("message")).toObject();
        } else if (type == QLatin1StringView("content_block_start")) {
            message.content << event.value(QLatin1StringView("content_block")).toObject();
            partialJson.clear();
        } else if (type == QLatin1StringView("content_block_delta")) {
            const QJsonObject delta = event.value(QLatin1StringView("delta")).toObject();
            QJsonObject &block = message.content.last();
            for (const char *name : {"text", "thinking"}) {
                const QLatin1StringView field(name);
                if (delta.contains(field))
                    block.insert(field, QString(block.value(field).toString()
                                                + delta.value(field).toString()));
            }
            partialJson += delta.value(QLatin1StringView("partial_json")).toString().toUtf8();
        } else if (type == QLatin1StringView("content_block_stop")) {
            if (!partialJson.isEmpty())
                message.content.last().insert(QStringLiteral("input"),
                                              QJsonDocument::fromJson(partialJson).object());
        } else if (type == QLatin1StringView("message_delta")) {
            message.delta = event;
        } else if (type == QLatin1StringView("error")) {
            message.error = event;
            ++message.errorEvents;
        }
    }
    return message;
}

void AnthropicStream::compareToolUses(const QList<QJsonObject> &toolUses,
                                      const QList<UpstreamToolCall> &calls)
{
    QCOMPARE(toolUses.size(), calls.size());
    for (qsizetype i = 0; i < toolUses.size(); ++i) {
        const QString id = toolUses[i].value(QLatin1StringView("id")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^[a-zA-Z0-9_-]+$")).match(id).hasMatch());
        QCOMPARE(ToolCallId::toUpstream(id), calls[i].id);
        QCOMPARE(toolUses[i].value(QLatin1StringView("name")).toString(), calls[i].name);
        QCOMPARE(toolUses[i].value(QLatin1StringView("input")).toObject(),
                 QJsonDocument::fromJson(calls[i].arguments.toUtf8()).object());
    }
}
