#include "protocol/inbound/chatpassthroughcodec.h"

#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject chatRequest()
{
    return QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("seed"), 7}};
}
}

class TestChatPassthroughCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestKeepsTheClientsFieldsWithTheUpstreamModel()
    {
        ChatPassthroughCodec codec(chatRequest(), QStringLiteral("deepseek-chat"));
        const ExchangeCodec::Request request = codec.upstreamRequest();
        QCOMPARE(QJsonDocument::fromJson(request.body).object(),
                 (QJsonObject{{QStringLiteral("model"), QStringLiteral("deepseek-chat")}, {QStringLiteral("seed"), 7}}));
        QVERIFY(request.notes.isEmpty());
    }

    // SseParser joins data lines and drops the space after the colon; the frame puts them back.
    void eventsAreFramedAsTheyCame_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("a chunk") << QByteArray() << QByteArray(R"({"choices":[]})") << QByteArray("data: {\"choices\":[]}\n\n");
        QTest::newRow("named, two lines") << QByteArray("note") << QByteArray("a\nb") << QByteArray("event: note\ndata: a\ndata: b\n\n");
        QTest::newRow("not JSON") << QByteArray() << QByteArray("noise") << QByteArray("data: noise\n\n");
    }

    void eventsAreFramedAsTheyCame()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, frame);
        ChatPassthroughCodec codec(chatRequest(), QStringLiteral("m"));
        const ExchangeCodec::Frames frames = codec.translate({name, data});
        QCOMPARE(frames.bytes, frame);
        QVERIFY(!frames.error);
    }

    void aFinishReasonCompletesAndDoneFinishes()
    {
        ChatPassthroughCodec codec(chatRequest(), QStringLiteral("m"));
        codec.translate({{}, R"({"choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]})"});
        QVERIFY(!codec.isComplete());
        codec.translate({{}, R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2}})"});
        QVERIFY(codec.isComplete());
        QVERIFY(!codec.isFinished());
        QCOMPARE(codec.usage().input, 9);
        QCOMPARE(codec.usage().output, 2);
        QCOMPARE(codec.translate({{}, "[DONE]"}).bytes, QByteArray("data: [DONE]\n\n"));
        QVERIFY(codec.isFinished());
        // Nothing goes out after the end, not even an error.
        QVERIFY(codec.translate({{}, R"({"choices":[]})"}).bytes.isEmpty());
        QVERIFY(codec.fail(ApiError::fromStatus(504, QStringLiteral("late"))).bytes.isEmpty());
    }

    void upstreamErrorsAreReportedAndRelayed()
    {
        ChatPassthroughCodec codec(chatRequest(), QStringLiteral("m"));
        const QByteArray data = R"({"error":{"message":"busy","status_code":503}})";
        const ExchangeCodec::Frames frames = codec.translate({"error", data});
        QVERIFY(frames.error);
        QCOMPARE(frames.error->status, 503);
        QCOMPARE(frames.error->message, QStringLiteral("busy"));
        QCOMPARE(frames.bytes, "event: error\ndata: " + data + "\n\n");
        QVERIFY(codec.isFinished());
    }

    void aBrokenStreamEndsWithAnOpenAiErrorAndDone()
    {
        ChatPassthroughCodec codec(chatRequest(), QStringLiteral("m"));
        const ExchangeCodec::Frames frames = codec.fail(ApiError::fromStatus(502, QStringLiteral("cut")));
        QVERIFY(frames.bytes.endsWith("\n\ndata: [DONE]\n\n"));
        const QJsonObject error = QJsonDocument::fromJson(frames.bytes.mid(6, frames.bytes.indexOf('\n') - 6)).object();
        QCOMPARE(error[QLatin1StringView("error")][QLatin1StringView("message")].toString(), QStringLiteral("cut"));
        QCOMPARE(frames.error->message, QStringLiteral("cut"));
        QVERIFY(codec.isFinished());
    }

    void wholeAnswersAndOpenAiErrorsPassAsTheyAre()
    {
        ChatPassthroughCodec codec(chatRequest(), QStringLiteral("m"));
        const QByteArray raw = R"({"id":"chatcmpl-1", "choices":[],"usage":{"prompt_tokens":4,"completion_tokens":1}})";
        const ExchangeCodec::Answer answer = codec.answer(QJsonDocument::fromJson(raw).object(), raw, true);
        QCOMPARE(answer.bytes, raw);
        QVERIFY(!answer.streamed);
        QCOMPARE(codec.usage().input, 4);
        const QByteArray openAiError = R"({"error":{"message":"too long","code":"context_length_exceeded"}})";
        QCOMPARE(codec.errorBody(openAiError), std::optional<QByteArray>(openAiError));
        QCOMPARE(codec.errorBody("Bad Gateway"), std::nullopt);
        QCOMPARE(codec.errorBody(R"({"detail":"nope"})"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestChatPassthroughCodec)
#include "tst_chatpassthroughcodec.moc"
