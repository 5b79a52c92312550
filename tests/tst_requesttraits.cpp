#include "proxy/requesttraits.h"
#include "testdata.h"

#include <QJsonArray>
#include <QTest>

namespace {
using TestData::messagesRequest;
const auto object = TestData::singleQuotedObject;

QJsonObject withMessages(const char *singleQuotedMessages)
{
    return messagesRequest({{QStringLiteral("messages"), TestData::singleQuotedArray(singleQuotedMessages)}});
}
}

class TestRequestTraits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thinking_data()
    {
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<bool>("thinking");
        QTest::newRow("nothing said") << QJsonObject() << false;
        QTest::newRow("enabled with a budget") << object("{'thinking': {'type': 'enabled', 'budget_tokens': 16000}}") << true;
        QTest::newRow("enabled without a budget") << object("{'thinking': {'type': 'enabled'}}") << true;
        QTest::newRow("disabled") << object("{'thinking': {'type': 'disabled'}}") << false;
        // Claude Code's everyday request: the model decides, at medium effort.
        QTest::newRow("adaptive, medium")
            << object("{'thinking': {'type': 'adaptive'}, 'output_config': {'effort': 'medium'}}") << false;
        QTest::newRow("adaptive alone") << object("{'thinking': {'type': 'adaptive'}}") << false;
        QTest::newRow("adaptive, high") << object("{'thinking': {'type': 'adaptive'}, 'output_config': {'effort': 'high'}}")
                                        << true;
        QTest::newRow("effort high") << object("{'output_config': {'effort': 'high'}}") << true;
        QTest::newRow("effort max") << object("{'output_config': {'effort': 'max'}}") << true;
        QTest::newRow("effort low") << object("{'output_config': {'effort': 'low'}}") << false;
        QTest::newRow("effort medium") << object("{'output_config': {'effort': 'medium'}}") << false;
        QTest::newRow("effort in the wrong place") << object("{'effort': 'high'}") << false;
        QTest::newRow("thinking not an object") << object("{'thinking': 'enabled'}") << false;
        QTest::newRow("type case") << object("{'thinking': {'type': 'Enabled'}}") << false;
    }

    void thinking()
    {
        QFETCH(QJsonObject, extra);
        QFETCH(bool, thinking);
        QCOMPARE(RequestTraits::of(messagesRequest(extra)).thinking, thinking);
    }

    // Real captures of Claude Code: adaptive thinking at medium effort is not the thinking
    // scenario, or every request would go to the thinking route.
    void claudeCodeRequests_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *file : {"request-interactive.json", "request-print-turn1.json", "request-print-turn2.json"})
            QTest::newRow(file) << QStringLiteral("claude-code/") + QString::fromLatin1(file);
    }

    void claudeCodeRequests()
    {
        QFETCH(QString, file);
        const QJsonObject json = TestData::readJsonObject(file);
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.value(QLatin1StringView("thinking")).toObject().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("adaptive"));
        const RequestTraits traits = RequestTraits::of(json);
        QCOMPARE(traits.model, json.value(QLatin1StringView("model")).toString());
        QVERIFY(!traits.thinking);
        QVERIFY(!traits.images);
        QVERIFY(!traits.isBackground());
        // A system prompt and tool list of tens of kilobytes: thousands of tokens.
        QVERIFY2(traits.estimatedTokens > 5'000, qPrintable(QString::number(traits.estimatedTokens)));
    }

    void images_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<bool>("images");
        QTest::newRow("text only") << messagesRequest() << false;
        QTest::newRow("text blocks") << withMessages("[{'role': 'user', 'content': [{'type': 'text', 'text': 'hi'}]}]") << false;
        QTest::newRow("image in user content")
            << withMessages("[{'role': 'user', 'content': [{'type': 'text', 'text': 'what is this?'},"
                            " {'type': 'image', 'source': {'type': 'base64', 'media_type': 'image/png', 'data': 'iVBORw0KGgo='}}]}]")
            << true;
        QTest::newRow("image in an earlier turn")
            << withMessages("[{'role': 'user', 'content': [{'type': 'image', 'source': {'type': 'url', 'url': 'https://example.org/a.png'}}]},"
                            " {'role': 'assistant', 'content': 'A cat.'},"
                            " {'role': 'user', 'content': 'And now?'}]")
            << true;
        // Screenshots taken by a tool come back inside its result.
        QTest::newRow("image inside a tool result")
            << withMessages("[{'role': 'user', 'content': [{'type': 'text', 'text': 'take a screenshot'}]},"
                            " {'role': 'assistant', 'content': [{'type': 'tool_use', 'id': 'toolu_1', 'name': 'shot', 'input': {}}]},"
                            " {'role': 'user', 'content': [{'type': 'tool_result', 'tool_use_id': 'toolu_1', 'content':"
                            " [{'type': 'text', 'text': 'done'}, {'type': 'image', 'source': {'type': 'base64',"
                            " 'media_type': 'image/jpeg', 'data': '/9j/4AAQ'}}]}]}]")
            << true;
        QTest::newRow("tool result with text")
            << withMessages("[{'role': 'user', 'content': [{'type': 'tool_result', 'tool_use_id': 'toolu_1', 'content': 'ok'}]}]")
            << false;
        QTest::newRow("tool result with text blocks")
            << withMessages("[{'role': 'user', 'content': [{'type': 'tool_result', 'tool_use_id': 'toolu_1', 'content':"
                            " [{'type': 'text', 'text': 'an image of a cat'}]}]}]")
            << false;
        // The word in text is not an image.
        QTest::newRow("the word image") << withMessages("[{'role': 'user', 'content': 'image'}]") << false;
        QTest::newRow("no messages") << object("{'model': 'm'}") << false;
    }

    void images()
    {
        QFETCH(QJsonObject, json);
        QFETCH(bool, images);
        QCOMPARE(RequestTraits::of(json).images, images);
    }

    void estimatedTokensGrow()
    {
        const qint64 small = RequestTraits::of(messagesRequest()).estimatedTokens;
        QVERIFY(small > 0);

        QJsonObject longer = messagesRequest();
        QJsonArray messages = longer.value(QLatin1StringView("messages")).toArray();
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("content"), QStringLiteral("Hi! How can I help?")}});
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), QString(40'000, QLatin1Char('x'))}});
        longer.insert(QStringLiteral("messages"), messages);
        const qint64 large = RequestTraits::of(longer).estimatedTokens;
        // About four characters a token: 40,000 characters are thousands of tokens more.
        QVERIFY2(large > small + 5'000, qPrintable(QStringLiteral("%1 → %2").arg(small).arg(large)));

        QJsonObject withSystem = messagesRequest(QJsonObject{{QStringLiteral("system"), QString(4'000, QLatin1Char('s'))}});
        QVERIFY(RequestTraits::of(withSystem).estimatedTokens > small);
    }

    void isBackground_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("background");
        QTest::newRow("haiku 4.5") << QStringLiteral("claude-haiku-4-5-20251001") << true;
        QTest::newRow("haiku 3.5") << QStringLiteral("claude-3-5-haiku-20241022") << true;
        QTest::newRow("upper case") << QStringLiteral("Claude-HAIKU-4-5") << true;
        QTest::newRow("sonnet") << QStringLiteral("claude-sonnet-4-5") << false;
        QTest::newRow("opus") << QStringLiteral("claude-opus-5-5") << false;
        QTest::newRow("other provider's model") << QStringLiteral("deepseek-chat") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void isBackground()
    {
        QFETCH(QString, model);
        QFETCH(bool, background);
        QJsonObject json = messagesRequest();
        json.insert(QStringLiteral("model"), model);
        const RequestTraits traits = RequestTraits::of(json);
        QCOMPARE(traits.model, model);
        QCOMPARE(traits.isBackground(), background);
    }

    // Claude Code's WebSearch: the server tool, any version; a client tool of that name is not it.
    void webSearch()
    {
        QJsonObject json = messagesRequest();
        QVERIFY(!RequestTraits::of(json).webSearch);
        json.insert(QStringLiteral("tools"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web_search")},
                                                                    {QStringLiteral("input_schema"), QJsonObject()}}});
        QVERIFY(!RequestTraits::of(json).webSearch);
        json.insert(QStringLiteral("tools"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("web_search_20250305")},
                                                                    {QStringLiteral("name"), QStringLiteral("web_search")},
                                                                    {QStringLiteral("max_uses"), 8}}});
        QVERIFY(RequestTraits::of(json).webSearch);
    }

    void defaults()
    {
        const RequestTraits traits;
        QVERIFY(traits.model.isEmpty());
        QVERIFY(!traits.thinking);
        QVERIFY(!traits.images);
        QVERIFY(!traits.webSearch);
        QCOMPARE(traits.estimatedTokens, qint64(0));
        QVERIFY(!traits.isBackground());
    }
};

QTEST_GUILESS_MAIN(TestRequestTraits)
#include "tst_requesttraits.moc"
