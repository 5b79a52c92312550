#include "protocol/anthropic/messagesrequestvalidator.h"
#include "protocol/anthropic/tokenestimator.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject json(const QByteArray &text)
{
    return TestData::parseJson(text).object();
}

const QStringList capturedRequests{
    QStringLiteral("claude-code/request-print-turn1.json"),
    QStringLiteral("claude-code/request-print-turn2.json"),
    QStringLiteral("claude-code/request-interactive.json"),
};
}

// Also holds the TokenEstimator tests (the `estimate*` slots) until they get their own file.
class TestMessagesRequestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, without);
        QFETCH(QString, expectedMessage);

        QJsonObject request = TestData::messagesRequest(json(patch));
        request.remove(without);

        const std::optional<ApiError> error = MessagesRequestValidator::validate(request);
        if (expectedMessage.isEmpty()) {
            QVERIFY2(!error, qPrintable(error ? error->message : QString()));
            return;
        }
        QVERIFY(error);
        QCOMPARE(error->message, expectedMessage);
        QCOMPARE(error->status, 400);
        QCOMPARE(error->type, QStringLiteral("invalid_request_error"));
    }

    void capturedClaudeCodeRequestsAreValid_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : capturedRequests)
            QTest::newRow(qPrintable(file)) << file;
    }

    void capturedClaudeCodeRequestsAreValid()
    {
        QFETCH(QString, file);
        const std::optional<ApiError> error =
            MessagesRequestValidator::validate(TestData::readJsonObject(file));
        QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    }

    void estimate_data();
    void estimate()
    {
        QFETCH(QByteArray, request);
        QFETCH(qint64, expectedTokens);
        QCOMPARE(TokenEstimator::estimateInputTokens(json(request)), expectedTokens);
    }

    void estimateGrowsWithTheRequest()
    {
        QJsonObject request = json(R"({"system":"You are helpful.","messages":[]})");
        QJsonArray messages;
        qint64 previous = TokenEstimator::estimateInputTokens(request);
        for (int i = 1; i <= 40; ++i) {
            messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"), QString(i, QLatin1Char('a'))}});
            request.insert(QStringLiteral("messages"), messages);
            const qint64 estimate = TokenEstimator::estimateInputTokens(request);
            QVERIFY2(estimate > previous, qPrintable(QString::number(i)));
            previous = estimate;
        }
    }

    void estimateCapturedClaudeCodeRequest_data()
    {
        capturedClaudeCodeRequestsAreValid_data();
    }

    // About 49 KB of compact JSON, mostly English prose and JSON schemas: roughly a quarter
    // as many tokens as characters.
    void estimateCapturedClaudeCodeRequest()
    {
        QFETCH(QString, file);
        const qint64 estimate = TokenEstimator::estimateInputTokens(TestData::readJsonObject(file));
        QVERIFY2(estimate >= 10'000 && estimate <= 16'000, qPrintable(QString::number(estimate)));
    }
};

// Out of the class and hidden from moc, which (as of Qt 6.4) misreads raw string literals
// holding "//" or \" and then loses track of the class.
#ifndef Q_MOC_RUN
void TestMessagesRequestValidator::validate_data()
{
    // Each row patches a minimal valid request: `patch` overrides top-level keys and
    // `without` removes one.
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("without");
    QTest::addColumn<QString>("expectedMessage"); // empty: the request is valid

    const auto valid = [](const char *name, const QByteArray &patch) {
        QTest::newRow(name) << patch << QString() << QString();
    };
    const auto invalid = [](const char *name, const QByteArray &patch, const char *message) {
        QTest::newRow(name) << patch << QString() << QString::fromUtf8(message);
    };
    const auto missing = [](const char *key, const char *message) {
        QTest::addRow("%s missing", key)
            << QByteArray("{}") << QString::fromUtf8(key) << QString::fromUtf8(message);
    };

    valid("minimal", "{}");
    valid("every optional field",
          R"({"system":"Be brief","stream":true,"temperature":0.5,"top_p":1,
              "stop_sequences":["END"],"metadata":{"user_id":"u"},
              "tools":[{"name":"get","input_schema":{"type":"object"}},
                       {"type":"web_search_20250305","name":"web_search"}],
              "tool_choice":{"type":"tool","name":"get"}})");
    valid("optional fields null",
          R"({"stream":null,"temperature":null,"top_p":null,"stop_sequences":null,
              "system":null,"tools":null,"tool_choice":null})");
    valid("system blocks", R"({"system":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}}]})");
    valid("role system inside messages",
          R"({"messages":[{"role":"user","content":"Hi"},
                          {"role":"system","content":[{"type":"text","text":"env"}]}]})");
    valid("blocks of any type",
          R"({"messages":[{"role":"assistant","content":[{"type":"thinking","thinking":"t"},
                          {"type":"tool_use","id":"t1","name":"get","input":{}}]},
                          {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1"}]}]})");
    valid("max_tokens written as 1.0", R"({"max_tokens":1.0})");

    missing("model", "model: Field required");
    invalid("model not a string", R"({"model":42})", "model: Input should be a valid string");
    invalid("model null", R"({"model":null})", "model: Input should be a valid string");
    invalid("model empty", R"({"model":""})", "model: String should have at least 1 character");

    missing("max_tokens", "max_tokens: Field required");
    invalid("max_tokens a string", R"({"max_tokens":"1024"})", "max_tokens: Input should be a valid integer");
    invalid("max_tokens fractional", R"({"max_tokens":10.5})", "max_tokens: Input should be a valid integer");
    invalid("max_tokens null", R"({"max_tokens":null})", "max_tokens: Input should be a valid integer");
    invalid("max_tokens zero", R"({"max_tokens":0})", "max_tokens: Input should be greater than or equal to 1");
    invalid("max_tokens negative", R"({"max_tokens":-5})", "max_tokens: Input should be greater than or equal to 1");

    missing("messages", "messages: Field required");
    invalid("messages an object", R"({"messages":{"role":"user"}})", "messages: Input should be a valid list");
    invalid("messages empty", R"({"messages":[]})", "messages: at least one message is required");
    invalid("message not an object", R"({"messages":["Hello"]})", "messages.0: Input should be a valid dictionary");
    invalid("role missing", R"({"messages":[{"content":"Hello"}]})", "messages.0.role: Field required");
    invalid("role not a string", R"({"messages":[{"role":1,"content":"Hello"}]})",
            "messages.0.role: Input should be a valid string");
    invalid("role unknown", R"({"messages":[{"role":"user","content":"a"},{"role":"tool","content":"b"}]})",
            "messages.1.role: Input should be 'user', 'assistant' or 'system'");
    invalid("content missing", R"({"messages":[{"role":"user"}]})", "messages.0.content: Field required");
    invalid("content a number", R"({"messages":[{"role":"user","content":"a"},{"role":"assistant","content":42}]})",
            "messages.1.content: Input should be a valid list or string");
    invalid("content an object", R"({"messages":[{"role":"user","content":{"type":"text","text":"a"}}]})",
            "messages.0.content: Input should be a valid list or string");
    invalid("block not an object", R"({"messages":[{"role":"user","content":["Hello"]}]})",
            "messages.0.content.0: Input should be a valid dictionary");
    invalid("block without type",
            R"({"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"text":"b"}]}]})",
            "messages.0.content.1.type: Field required");
    invalid("block type not a string", R"({"messages":[{"role":"user","content":[{"type":7}]}]})",
            "messages.0.content.0.type: Input should be a valid string");

    invalid("stream a string", R"({"stream":"yes"})", "stream: Input should be a valid boolean");
    invalid("temperature a string", R"({"temperature":"0.5"})", "temperature: Input should be a valid number");
    invalid("top_p a boolean", R"({"top_p":true})", "top_p: Input should be a valid number");
    invalid("stop_sequences a string", R"({"stop_sequences":"END"})", "stop_sequences: Input should be a valid list");
    invalid("stop sequence a number", R"({"stop_sequences":["END",1]})",
            "stop_sequences.1: Input should be a valid string");
    invalid("system a number", R"({"system":1})", "system: Input should be a valid list or string");
    invalid("system block without type", R"({"system":[{"text":"a"}]})", "system.0.type: Field required");
    invalid("tools an object", R"({"tools":{"name":"get"}})", "tools: Input should be a valid list");
    invalid("tool not an object", R"({"tools":["get"]})", "tools.0: Input should be a valid dictionary");
    invalid("tool without name", R"({"tools":[{"name":"a","input_schema":{}},{"input_schema":{}}]})",
            "tools.1.name: Field required");
    invalid("tool name not a string", R"({"tools":[{"name":1}]})", "tools.0.name: Input should be a valid string");
    invalid("tool_choice a string", R"({"tool_choice":"auto"})", "tool_choice: Input should be a valid dictionary");
    invalid("tool_choice without type", R"({"tool_choice":{}})", "tool_choice.type: Field required");
    invalid("tool_choice tool without name", R"({"tool_choice":{"type":"tool"}})", "tool_choice.name: Field required");
}

// TokenEstimator: ASCII characters / 4 (rounded up over the whole request), one token per
// other character, 4 per message, 1,600 per image.
void TestMessagesRequestValidator::estimate_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<qint64>("expectedTokens");

    const auto row = [](const char *name, const QByteArray &request, qint64 tokens) {
        QTest::newRow(name) << request << tokens;
    };
    row("empty request", "{}", 0);
    row("ascii text", R"({"messages":[{"role":"user","content":"Hello, world!"}]})", 4 + 4);
    row("ascii, exact multiple of four", R"({"messages":[{"role":"user","content":"abcdefgh"}]})", 2 + 4);
    row("cjk", R"({"messages":[{"role":"user","content":"你好世界"}]})", 4 + 4);
    row("ascii and cjk", R"({"messages":[{"role":"user","content":"hi 你好"}]})", 1 + 2 + 4);
    row("emoji is one character", R"({"messages":[{"role":"user","content":"😀"}]})", 1 + 4);
    row("ascii rounded up over the whole request",
        R"({"system":[{"type":"text","text":"ab"}],
            "messages":[{"role":"user","content":[{"type":"text","text":"cd"}]},
                        {"role":"assistant","content":"efgh"}]})",
        2 + 2 * 4);
    row("image",
        R"({"messages":[{"role":"user","content":[
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgoAAAANSUhEUg"}},
            {"type":"text","text":"What is this?"}]}]})",
        1600 + 4 + 4);
    row("tool use input and tool result",
        R"({"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"get","input":{"a":1}}]},
                        {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]})",
        3 + 2 * 4); // "get" + {"a":1} + "ok" = 12 characters
    row("tool result blocks",
        R"({"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[
            {"type":"text","text":"abcd"},
            {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}}]}]}]})",
        1 + 1600 + 4);
    row("thinking counts, its signature does not",
        R"({"messages":[{"role":"assistant","content":[
                {"type":"thinking","thinking":"abcdefgh","signature":"EqQBCkYIBx"},
                {"type":"text","text":"abcd"}]}]})",
        3 + 4);
    row("tools", R"({"messages":[],"tools":[{"name":"get","description":"Gets","input_schema":{"type":"object"}}]})",
        6); // "get" + "Gets" + {"type":"object"} = 24 characters
}
#endif

QTEST_GUILESS_MAIN(TestMessagesRequestValidator)
#include "tst_messagesrequestvalidator.moc"
