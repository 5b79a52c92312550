#include "protocol/anthropic/messageevents.h"

#include "anthropicstream.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
using AnthropicStream::typeOf;
using TestData::compact;
const auto object = TestData::singleQuotedObject;

QJsonObject thinkingTextToolUse()
{
    return object("{'id': 'msg_01XFDUDYJgAACzvnptvVoYEL', 'type': 'message', 'role': 'assistant',"
                  " 'model': 'claude-sonnet-4-5',"
                  " 'content': ["
                  "  {'type': 'thinking', 'thinking': 'The user wants the weather.\\nI should call the tool.',"
                  "   'signature': 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds'},"
                  "  {'type': 'text', 'text': 'Let me check the weather in Paris – über-quick. 🌦'},"
                  "  {'type': 'tool_use', 'id': 'toolu_01A09q90qw90lq917835lq9', 'name': 'get_weather',"
                  "   'input': {'location': 'Paris, France', 'unit': 'celsius', 'days': 3,"
                  "             'options': {'hourly': true, 'fields': ['temp', 'rain']}, 'note': null}}"
                  " ],"
                  " 'stop_reason': 'tool_use', 'stop_sequence': null,"
                  " 'usage': {'input_tokens': 472, 'output_tokens': 89, 'cache_read_input_tokens': 128,"
                  "           'cache_creation_input_tokens': 0}}");
}

// Folds stream events back into a message, the way the Anthropic SDKs accumulate a stream.
QJsonObject fold(const QList<QJsonObject> &events)
{
    QJsonObject message;
    QJsonArray content;
    QHash<qsizetype, QString> partialJson;
    for (const QJsonObject &event : events) {
        const QString type = typeOf(event);
        const qsizetype index = event.value(QLatin1StringView("index")).toInteger(-1);
        if (type == QLatin1StringView("message_start")) {
            message = event.value(QLatin1StringView("message")).toObject();
            content = message.value(QLatin1StringView("content")).toArray();
        } else if (type == QLatin1StringView("content_block_start")) {
            if (index != content.size())
                qFatal("content_block_start out of order: %lld", static_cast<long long>(index));
            content.append(event.value(QLatin1StringView("content_block")));
        } else if (type == QLatin1StringView("content_block_delta")) {
            QJsonObject block = content.at(index).toObject();
            const QJsonObject delta = event.value(QLatin1StringView("delta")).toObject();
            const QString deltaType = typeOf(delta);
            if (deltaType == QLatin1StringView("text_delta")) {
                block[QStringLiteral("text")] = QString(block.value(QLatin1StringView("text")).toString()
                                                        + delta.value(QLatin1StringView("text")).toString());
            } else if (deltaType == QLatin1StringView("thinking_delta")) {
                block[QStringLiteral("thinking")] = QString(block.value(QLatin1StringView("thinking")).toString()
                                                            + delta.value(QLatin1StringView("thinking")).toString());
            } else if (deltaType == QLatin1StringView("signature_delta")) {
                block[QStringLiteral("signature")] = delta.value(QLatin1StringView("signature"));
            } else if (deltaType == QLatin1StringView("input_json_delta")) {
                partialJson[index] += delta.value(QLatin1StringView("partial_json")).toString();
            }
            content[index] = block;
        } else if (type == QLatin1StringView("content_block_stop")) {
            if (partialJson.contains(index)) {
                QJsonObject block = content.at(index).toObject();
                block[QStringLiteral("input")] = QJsonDocument::fromJson(partialJson.value(index).toUtf8()).object();
                content[index] = block;
            }
        } else if (type == QLatin1StringView("message_delta")) {
            const QJsonObject delta = event.value(QLatin1StringView("delta")).toObject();
            for (auto it = delta.begin(); it != delta.end(); ++it)
                message[it.key()] = it.value();
            if (event.contains(QLatin1StringView("usage")))
                message[QStringLiteral("usage")] = event.value(QLatin1StringView("usage"));
        }
    }
    message[QStringLiteral("content")] = content;
    return message;
}
}

class TestMessageEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventSequence()
    {
        const QList<QJsonObject> events = MessageEvents::fromMessage(thinkingTextToolUse());
        QStringList types;
        for (const QJsonObject &event : events)
            types << typeOf(event);
        QCOMPARE(types, QStringList({QStringLiteral("message_start"),
                                     QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
                                     QStringLiteral("content_block_stop"),
                                     QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
                                     QStringLiteral("content_block_stop"),
                                     QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
                                     QStringLiteral("content_block_stop"),
                                     QStringLiteral("message_delta"), QStringLiteral("message_stop")}));
        // Indexes count the blocks: 0, 0, 0, 1, 1, 1, 2, 2, 2.
        for (qsizetype i = 1; i <= 9; ++i) {
            const QJsonValue index = events.at(i).value(QLatin1StringView("index"));
            QVERIFY2(index.isDouble(), qPrintable(QString::number(i)));
            QCOMPARE(index.toInteger(), (i - 1) / 3);
        }
    }

    void messageStartHasAnEmptyMessage()
    {
        const QJsonObject original = thinkingTextToolUse();
        const QJsonObject start = MessageEvents::fromMessage(original).constFirst();
        QCOMPARE(start.keys(), QStringList({QStringLiteral("message"), QStringLiteral("type")}));
        const QJsonObject message = start.value(QLatin1StringView("message")).toObject();
        QCOMPARE(message.value(QLatin1StringView("content")), QJsonValue(QJsonArray()));
        QVERIFY(message.value(QLatin1StringView("stop_reason")).isNull());
        QVERIFY(message.value(QLatin1StringView("stop_sequence")).isNull());
        for (const char *key : {"id", "type", "role", "model"})
            QCOMPARE(message.value(QLatin1StringView(key)), original.value(QLatin1StringView(key)));
    }

    void blockStartsAreEmptyAndDeltasFillThem()
    {
        const QList<QJsonObject> events = MessageEvents::fromMessage(thinkingTextToolUse());

        const QJsonObject thinkingStart = events.at(1).value(QLatin1StringView("content_block")).toObject();
        QCOMPARE(typeOf(thinkingStart), QStringLiteral("thinking"));
        QCOMPARE(thinkingStart.value(QLatin1StringView("thinking")).toString(), QString());
        const QJsonObject thinkingDelta = events.at(2).value(QLatin1StringView("delta")).toObject();
        QCOMPARE(typeOf(thinkingDelta), QStringLiteral("thinking_delta"));
        QCOMPARE(thinkingDelta.value(QLatin1StringView("thinking")).toString(),
                 QStringLiteral("The user wants the weather.\nI should call the tool."));

        const QJsonObject textStart = events.at(4).value(QLatin1StringView("content_block")).toObject();
        QCOMPARE(compact(textStart), QByteArray("{\"text\":\"\",\"type\":\"text\"}"));
        const QJsonObject textDelta = events.at(5).value(QLatin1StringView("delta")).toObject();
        QCOMPARE(typeOf(textDelta), QStringLiteral("text_delta"));
        QCOMPARE(textDelta.value(QLatin1StringView("text")).toString(),
                 QStringLiteral("Let me check the weather in Paris – über-quick. 🌦"));

        const QJsonObject toolStart = events.at(7).value(QLatin1StringView("content_block")).toObject();
        QCOMPARE(compact(toolStart), QByteArray("{\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"input\":{},"
                                                "\"name\":\"get_weather\",\"type\":\"tool_use\"}"));
        const QJsonObject toolDelta = events.at(8).value(QLatin1StringView("delta")).toObject();
        QCOMPARE(typeOf(toolDelta), QStringLiteral("input_json_delta"));
        const QJsonDocument input =
            QJsonDocument::fromJson(toolDelta.value(QLatin1StringView("partial_json")).toString().toUtf8());
        QVERIFY(input.isObject());
        QCOMPARE(input.object(), thinkingTextToolUse()
                                     .value(QLatin1StringView("content"))
                                     .toArray()
                                     .at(2)
                                     .toObject()
                                     .value(QLatin1StringView("input"))
                                     .toObject());

        for (qsizetype i : {3, 6, 9})
            QCOMPARE(events.at(i).keys(), QStringList({QStringLiteral("index"), QStringLiteral("type")}));
    }

    void messageDeltaAndStop()
    {
        const QJsonObject original = thinkingTextToolUse();
        const QList<QJsonObject> events = MessageEvents::fromMessage(original);
        const QJsonObject messageDelta = events.at(events.size() - 2);
        QCOMPARE(typeOf(messageDelta), QStringLiteral("message_delta"));
        const QJsonObject delta = messageDelta.value(QLatin1StringView("delta")).toObject();
        QCOMPARE(delta.value(QLatin1StringView("stop_reason")).toString(), QStringLiteral("tool_use"));
        QVERIFY(delta.value(QLatin1StringView("stop_sequence")).isNull());
        QCOMPARE(messageDelta.value(QLatin1StringView("usage")).toObject(),
                 original.value(QLatin1StringView("usage")).toObject());
        QCOMPARE(compact(events.constLast()), QByteArray("{\"type\":\"message_stop\"}"));
    }

    void foldsBackToTheMessage_data()
    {
        QTest::addColumn<QJsonObject>("message");
        QTest::newRow("thinking, text, tool_use") << thinkingTextToolUse();
        QTest::newRow("text only") << object(
            "{'id': 'msg_1', 'type': 'message', 'role': 'assistant', 'model': 'm',"
            " 'content': [{'type': 'text', 'text': 'Hello!'}], 'stop_reason': 'end_turn', 'stop_sequence': null,"
            " 'usage': {'input_tokens': 3, 'output_tokens': 2}}");
        QTest::newRow("no content") << object(
            "{'id': 'msg_2', 'type': 'message', 'role': 'assistant', 'model': 'm', 'content': [],"
            " 'stop_reason': 'max_tokens', 'stop_sequence': null, 'usage': {'input_tokens': 3, 'output_tokens': 0}}");
        QTest::newRow("stop sequence") << object(
            "{'id': 'msg_3', 'type': 'message', 'role': 'assistant', 'model': 'm',"
            " 'content': [{'type': 'text', 'text': 'one, two'}], 'stop_reason': 'stop_sequence',"
            " 'stop_sequence': ', three', 'usage': {'input_tokens': 3, 'output_tokens': 4}}");
        QTest::newRow("parallel tools, one without arguments") << object(
            "{'id': 'msg_4', 'type': 'message', 'role': 'assistant', 'model': 'm',"
            " 'content': [{'type': 'tool_use', 'id': 'toolu_a', 'name': 'list_files', 'input': {}},"
            "             {'type': 'tool_use', 'id': 'toolu_b', 'name': 'read', 'input': {'path': 'a\\\\b \\\"c\\\".txt'}}],"
            " 'stop_reason': 'tool_use', 'stop_sequence': null, 'usage': {'input_tokens': 9, 'output_tokens': 7}}");
        QTest::newRow("redacted thinking") << object(
            "{'id': 'msg_5', 'type': 'message', 'role': 'assistant', 'model': 'm',"
            " 'content': [{'type': 'redacted_thinking', 'data': 'EmwKAhgBEgy3va3pzix'},"
            "             {'type': 'text', 'text': ''}],"
            " 'stop_reason': 'end_turn', 'stop_sequence': null, 'usage': {'input_tokens': 1, 'output_tokens': 1}}");
    }

    void foldsBackToTheMessage()
    {
        QFETCH(QJsonObject, message);
        const QList<QJsonObject> events = MessageEvents::fromMessage(message);
        QCOMPARE(compact(fold(events)), compact(message));
        // Every block has exactly one start and one stop, whatever its type.
        const qsizetype blocks = message.value(QLatin1StringView("content")).toArray().size();
        qsizetype starts = 0;
        qsizetype stops = 0;
        for (const QJsonObject &event : events) {
            starts += typeOf(event) == QLatin1StringView("content_block_start");
            stops += typeOf(event) == QLatin1StringView("content_block_stop");
        }
        QCOMPARE(starts, blocks);
        QCOMPARE(stops, blocks);
    }
};

QTEST_GUILESS_MAIN(TestMessageEvents)
#include "tst_messageevents.moc"
