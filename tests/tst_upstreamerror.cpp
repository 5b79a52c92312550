#include "protocol/upstreamerror.h"
#include "protocol/upstreamformat.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {
// An error body in OpenAI's shape, as most providers send it.
QByteArray errorBody(const QString &message, const QString &code = {})
{
    QJsonObject error{{QStringLiteral("message"), message}, {QStringLiteral("type"), QStringLiteral("invalid_request_error")}};
    if (!code.isEmpty())
        error.insert(QStringLiteral("code"), code);
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}
}

class TestUpstreamError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Real error bodies, with the status each provider sent them with (SOURCES.md).
    void recordedErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("providerMessage");
        QTest::newRow("deepseek 401") << QStringLiteral("deepseek-401.json") << 401 << QStringLiteral("authentication_error")
                                      << QStringLiteral("Authentication Fails (no such user)");
        QTest::newRow("openai 429 quota")
            << QStringLiteral("openai-429-insufficient-quota.json") << 429 << QStringLiteral("rate_limit_error")
            << QStringLiteral("You exceeded your current quota, please check your plan and billing details. For more "
                              "information on this error, read the docs: "
                              "https://platform.openai.com/docs/guides/error-codes/api-errors.");
        // OpenRouter's own words are generic; the provider's follow from metadata.raw.
        QTest::newRow("openrouter 429") << QStringLiteral("openrouter-429-upstream-rate-limited.json") << 429
                                        << QStringLiteral("rate_limit_error")
                                        << QStringLiteral("Provider returned error: moonshotai/kimi-k2-0905 is temporarily "
                                                          "rate-limited upstream. Please retry shortly, or add your own key to "
                                                          "accumulate your rate limits: https://openrouter.ai/settings/integrations");
        QTest::newRow("glm 429 concurrency")
            << QStringLiteral("glm-zai-429-concurrency.json") << 429 << QStringLiteral("rate_limit_error")
            << QStringLiteral("High concurrency usage of this API, please reduce concurrency or contact customer service "
                              "to increase limits");
    }

    void recordedErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, providerMessage);
        const QByteArray body = TestData::read(QStringLiteral("provider-streams/") + file);

        QCOMPARE(UpstreamError::messageOf(body), providerMessage);
        const ApiError error = UpstreamError::fromResponse(status, body);
        QCOMPARE(error.status, status);
        QCOMPARE(error.type, type);
        QCOMPARE(error.message, QStringLiteral("Upstream HTTP %1: %2").arg(status).arg(providerMessage));

        const QJsonObject json = error.toJson();
        QCOMPARE(json.value(QLatin1StringView("type")).toString(), QStringLiteral("error"));
        const QJsonObject inner = json.value(QLatin1StringView("error")).toObject();
        QCOMPARE(inner.value(QLatin1StringView("type")).toString(), type);
        QCOMPARE(inner.value(QLatin1StringView("message")).toString(), error.message);
    }

    // A context overflow in any provider's words becomes the one message Claude Code acts on
    // (it compacts on /^prompt is too long: \d+ tokens > \d+ maximum$/), with the provider's
    // numbers where it gives them and the route's window and the estimate where it does not.
    void contextOverflows_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        const auto recorded = [](const char *file) { return TestData::read(QStringLiteral("provider-streams/") + QLatin1StringView(file)); };
        const auto openAiShaped = [](const char *message) { return errorBody(QString::fromUtf8(message)); };
        QTest::newRow("deepseek, recorded") << 400 << recorded("deepseek-400-context-length.json")
                                            << QStringLiteral("prompt is too long: 141980 tokens > 131072 maximum");
        QTest::newRow("openai, recorded") << 400 << recorded("openai-400-context-length.json")
                                          << QStringLiteral("prompt is too long: 4294 tokens > 4097 maximum");
        QTest::newRow("anthropic-compatible, recorded") << 400 << recorded("anthropic-400-prompt-too-long.json")
                                                        << QStringLiteral("prompt is too long: 205351 tokens > 200000 maximum");
        QTest::newRow("openrouter") << 400
            << openAiShaped("This endpoint's maximum context length is 204800 tokens. However, you requested about 274290 "
                            "tokens (254087 of text input, 4203 of tool input, 16000 in the output). Please reduce the length.")
            << QStringLiteral("prompt is too long: 274290 tokens > 204800 maximum");
        QTest::newRow("vllm") << 400
            << openAiShaped("This model's maximum context length is 32768 tokens. However, your request has 40000 input "
                            "tokens. Please reduce the length of the input messages.")
            << QStringLiteral("prompt is too long: 40000 tokens > 32768 maximum");
        QTest::newRow("kimi") << 400
            << openAiShaped("Invalid request: Your request exceeded model token limit: 262144 (requested: 269030)")
            << QStringLiteral("prompt is too long: 269030 tokens > 262144 maximum");
        QTest::newRow("gemini") << 400
            << QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("error"),
                QJsonObject{{QStringLiteral("code"), 400}, {QStringLiteral("status"), QStringLiteral("INVALID_ARGUMENT")},
                            {QStringLiteral("message"), QStringLiteral("The input token count (1200000) exceeds the maximum "
                                                                       "number of tokens allowed (1048576).")}}}}}).toJson()
            << QStringLiteral("prompt is too long: 1200000 tokens > 1048576 maximum");
        // No prompt size in Qwen's words: the estimate stands in.
        QTest::newRow("qwen") << 400
            << errorBody(QStringLiteral("<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 129024]"),
                         QStringLiteral("invalid_parameter_error"))
            << QStringLiteral("prompt is too long: 150000 tokens > 129024 maximum");
        // No numbers at all: the route's window (100000) and the estimate (150000).
        QTest::newRow("openai responses") << 400
            << errorBody(QStringLiteral("Your input exceeds the context window of this model. Please adjust your input and "
                                        "try again."),
                         QStringLiteral("context_length_exceeded"))
            << QStringLiteral("prompt is too long: 150000 tokens > 100000 maximum");
        QTest::newRow("lm studio") << 400
            << QJsonDocument(QJsonObject{{QStringLiteral("error"),
                QStringLiteral("The number of tokens to keep from the initial prompt is greater than the context length. "
                               "Try to load the model with a larger context length, or provide a shorter input")}}).toJson()
            << QStringLiteral("prompt is too long: 150000 tokens > 100000 maximum");
        QTest::newRow("glm 1261") << 400 << errorBody(QStringLiteral("Prompt 超长"), QStringLiteral("1261"))
                                  << QStringLiteral("prompt is too long: 150000 tokens > 100000 maximum");
    }

    void contextOverflows()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const ApiError error = UpstreamError::fromResponse(status, body, {150'000, 100'000});
        QCOMPARE(error.status, 400);
        QCOMPARE(error.type, QStringLiteral("invalid_request_error"));
        QCOMPARE(error.message, message);
        QVERIFY(QRegularExpression(QStringLiteral("^prompt is too long: \\d+ tokens > \\d+ maximum$")).match(error.message).hasMatch());
    }

    // Without the route's window or the provider's, the message still reads as an overflow.
    void overflowWithoutAnyWindow()
    {
        const QByteArray body = errorBody(QStringLiteral("Your input exceeds the context window of this model."),
                                          QStringLiteral("context_length_exceeded"));
        QCOMPARE(UpstreamError::fromResponse(400, body, {150'000, 0}).message,
                 QStringLiteral("prompt is too long: 150000 tokens > 149999 maximum"));
    }

    // The provider refused the prompt, so it did not fit, even when the estimate says it would.
    void estimateBelowTheWindowIsRaisedPastIt()
    {
        const QByteArray body = errorBody(QStringLiteral("Range of input length should be [1, 129024]"));
        QCOMPARE(UpstreamError::fromResponse(400, body, {90'000, 0}).message,
                 QStringLiteral("prompt is too long: 129025 tokens > 129024 maximum"));
    }

    // Look-alikes that are not overflows keep their own status and words: a tokens-per-minute
    // limit, an output cap, a context error from a server fault.
    void notOverflows_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("groq tpm 413")
            << 413 << errorBody(QStringLiteral("Request too large for model `moonshotai/kimi-k2-instruct` in organization "
                                               "`org_01` service tier `on_demand` on tokens per minute (TPM): Limit 10000, "
                                               "Requested 15088, please reduce your message size and try again."),
                                QStringLiteral("rate_limit_exceeded"));
        QTest::newRow("max_tokens too big")
            << 400 << errorBody(QStringLiteral("max_tokens must be less than or equal to 16384, the maximum value for "
                                               "max_tokens is less than the context_window for this model"));
        QTest::newRow("rate limited with a context phrase")
            << 429 << errorBody(QStringLiteral("This model's maximum context length is 131072 tokens. However, you "
                                               "requested 141980 tokens."));
    }

    void notOverflows()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const ApiError error = UpstreamError::fromResponse(status, body, {150'000, 100'000});
        QVERIFY2(error.message.startsWith(QStringLiteral("Upstream HTTP %1: ").arg(status)), qPrintable(error.message));
    }

    void bodyShapes_data()
    {
        QTest::addColumn<int>("upstreamStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");

        QTest::newRow("plain text") << 502 << QByteArrayLiteral("Bad Gateway\n") << 502 << QStringLiteral("api_error")
                                    << QStringLiteral("Upstream HTTP 502: Bad Gateway");
        QTest::newRow("html") << 503 << QByteArrayLiteral("  <html><body>Service Unavailable</body></html>\r\n") << 503
                              << QStringLiteral("overloaded_error") << QStringLiteral("Upstream HTTP 503: Service Unavailable");
        QTest::newRow("nginx error page: its title")
            << 502
            << QByteArrayLiteral("<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title>"
                                 "<style>body{font-family:sans-serif}</style></head>\n<body>\n<center><h1>502 Bad "
                                 "Gateway</h1></center>\n<hr><center>nginx/1.25.3</center>\n</body>\n</html>\n")
            << 502 << QStringLiteral("api_error") << QStringLiteral("Upstream HTTP 502: 502 Bad Gateway");
        QTest::newRow("untitled page: its text, without styles and scripts")
            << 500
            << QByteArrayLiteral("<HTML><HEAD><STYLE>p{color:red}</STYLE><script>var x = 1;</script></HEAD>"
                                 "<BODY><p>Internal   error</p>\n<p>try again</p></BODY></HTML>")
            << 500 << QStringLiteral("api_error") << QStringLiteral("Upstream HTTP 500: Internal error try again");
        QTest::newRow("OpenRouter's raw provider body")
            << 400
            << QByteArrayLiteral("{\"error\":{\"message\":\"Provider returned error\",\"code\":400,\"metadata\":"
                                 "{\"raw\":\"{\\\"error\\\":{\\\"message\\\":\\\"max_tokens is too large\\\"}}\","
                                 "\"provider_name\":\"Chutes\"}}}")
            << 400 << QStringLiteral("invalid_request_error")
            << QStringLiteral("Upstream HTTP 400: Provider returned error: max_tokens is too large");
        QTest::newRow("detail string") << 404 << QByteArrayLiteral("{\"detail\":\"Not Found\"}") << 404
                                       << QStringLiteral("not_found_error") << QStringLiteral("Upstream HTTP 404: Not Found");
        QTest::newRow("detail list (FastAPI 422)")
            << 422 << QByteArrayLiteral("{\"detail\":[{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\"}]}") << 400
            << QStringLiteral("invalid_request_error")
            << QStringLiteral("Upstream HTTP 422: [{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\"}]");
        QTest::newRow("message") << 401 << QByteArrayLiteral("{\"message\":\"Invalid API key\",\"code\":40101}") << 401
                                 << QStringLiteral("authentication_error") << QStringLiteral("Upstream HTTP 401: Invalid API key");
        QTest::newRow("error string (Ollama)") << 404 << QByteArrayLiteral("{\"error\":\"model 'llama9' not found\"}") << 404
                                               << QStringLiteral("not_found_error")
                                               << QStringLiteral("Upstream HTTP 404: model 'llama9' not found");
        QTest::newRow("error.message wins over message")
            << 400 << QByteArrayLiteral("{\"error\":{\"message\":\"inner\"},\"message\":\"outer\"}") << 400
            << QStringLiteral("invalid_request_error") << QStringLiteral("Upstream HTTP 400: inner");
        QTest::newRow("error string wins over detail")
            << 400 << QByteArrayLiteral("{\"error\":\"first\",\"detail\":\"second\"}") << 400
            << QStringLiteral("invalid_request_error") << QStringLiteral("Upstream HTTP 400: first");
        QTest::newRow("message wins over detail")
            << 400 << QByteArrayLiteral("{\"message\":\"first\",\"detail\":\"second\"}") << 400
            << QStringLiteral("invalid_request_error") << QStringLiteral("Upstream HTTP 400: first");
        QTest::newRow("error object without message")
            << 500 << QByteArrayLiteral("{\"error\":{\"code\":\"E42\"}}") << 500 << QStringLiteral("api_error")
            << QStringLiteral("Upstream HTTP 500: {\"code\":\"E42\"}");
        QTest::newRow("percent signs kept") << 429 << QByteArrayLiteral("{\"error\":{\"message\":\"used 100% of %1 %2\"}}")
                                            << 429 << QStringLiteral("rate_limit_error")
                                            << QStringLiteral("Upstream HTTP 429: used 100% of %1 %2");
        QTest::newRow("unicode") << 400 << QByteArray("{\"error\":{\"message\":\"参数错误\"}}") << 400
                                 << QStringLiteral("invalid_request_error") << QStringLiteral("Upstream HTTP 400: 参数错误");
        QTest::newRow("empty body") << 500 << QByteArray() << 500 << QStringLiteral("api_error")
                                    << QStringLiteral("The upstream answered HTTP 500 with no message.");
        QTest::newRow("whitespace body") << 502 << QByteArrayLiteral(" \r\n ") << 502 << QStringLiteral("api_error")
                                         << QStringLiteral("The upstream answered HTTP 502 with no message.");
        QTest::newRow("JSON without a message") << 500 << QByteArrayLiteral("{\"status\":\"error\"}") << 500
                                                << QStringLiteral("api_error")
                                                << QStringLiteral("Upstream HTTP 500: {\"status\":\"error\"}");
    }

    void bodyShapes()
    {
        QFETCH(int, upstreamStatus);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, message);
        const ApiError error = UpstreamError::fromResponse(upstreamStatus, body);
        QCOMPARE(error.status, status);
        QCOMPARE(error.type, type);
        QCOMPARE(error.message, message);
    }

    void statuses_data()
    {
        QTest::addColumn<int>("upstreamStatus");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("400") << 400 << 400 << QStringLiteral("invalid_request_error");
        QTest::newRow("401") << 401 << 401 << QStringLiteral("authentication_error");
        QTest::newRow("402") << 402 << 402 << QStringLiteral("billing_error");
        QTest::newRow("403") << 403 << 403 << QStringLiteral("permission_error");
        QTest::newRow("404") << 404 << 404 << QStringLiteral("not_found_error");
        QTest::newRow("413") << 413 << 413 << QStringLiteral("request_too_large");
        QTest::newRow("418 other 4xx") << 418 << 418 << QStringLiteral("invalid_request_error");
        QTest::newRow("422 is a bad request") << 422 << 400 << QStringLiteral("invalid_request_error");
        QTest::newRow("429") << 429 << 429 << QStringLiteral("rate_limit_error");
        QTest::newRow("500") << 500 << 500 << QStringLiteral("api_error");
        QTest::newRow("502") << 502 << 502 << QStringLiteral("api_error");
        QTest::newRow("503 overloaded") << 503 << 503 << QStringLiteral("overloaded_error");
        QTest::newRow("504") << 504 << 504 << QStringLiteral("timeout_error");
        QTest::newRow("529 overloaded") << 529 << 529 << QStringLiteral("overloaded_error");
        QTest::newRow("599") << 599 << 599 << QStringLiteral("api_error");
        QTest::newRow("200 with an error body") << 200 << 502 << QStringLiteral("api_error");
        QTest::newRow("301 redirect") << 301 << 502 << QStringLiteral("api_error");
        QTest::newRow("304") << 304 << 502 << QStringLiteral("api_error");
        QTest::newRow("100") << 100 << 502 << QStringLiteral("api_error");
        QTest::newRow("0 (no status)") << 0 << 502 << QStringLiteral("api_error");
        QTest::newRow("600") << 600 << 502 << QStringLiteral("api_error");
        QTest::newRow("negative") << -1 << 502 << QStringLiteral("api_error");
    }

    void statuses()
    {
        QFETCH(int, upstreamStatus);
        QFETCH(int, status);
        QFETCH(QString, type);
        const ApiError error = UpstreamError::fromResponse(upstreamStatus, QByteArrayLiteral("{\"error\":{\"message\":\"m\"}}"));
        QCOMPARE(error.status, status);
        QCOMPARE(error.type, type);
        // The message names the status the upstream really sent, even when the client gets another.
        QCOMPARE(error.message, QStringLiteral("Upstream HTTP %1: m").arg(upstreamStatus));
    }

    void longPlainBodyIsCut_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("text") << QByteArray(5000, 'x');
        QTest::newRow("page") << QByteArrayLiteral("<html>") + QByteArray(5000, 'x') + QByteArrayLiteral("</html>");
    }

    void longPlainBodyIsCut()
    {
        QFETCH(QByteArray, body);
        const QString message = UpstreamError::messageOf(body);
        QCOMPARE(message, QString(500, QLatin1Char('x')));
        QVERIFY(UpstreamError::fromResponse(502, body).message.size() < 600);
    }

    void statusInAnErrorObject_data()
    {
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<int>("status");
        QTest::newRow("code 429 (OpenRouter)") << QByteArrayLiteral("{\"code\":429}") << 429;
        QTest::newRow("status_code (Groq)") << QByteArrayLiteral("{\"code\":\"tool_use_failed\",\"status_code\":400}") << 400;
        QTest::newRow("a provider's own code") << QByteArrayLiteral("{\"code\":\"1302\"}") << 502;
        QTest::newRow("a number outside the error range") << QByteArrayLiteral("{\"code\":40101}") << 502;
        QTest::newRow("none") << QByteArrayLiteral("{\"message\":\"m\"}") << 502;
    }

    void statusInAnErrorObject()
    {
        QFETCH(QByteArray, error);
        QFETCH(int, status);
        QCOMPARE(UpstreamError::statusIn(QJsonDocument::fromJson(error).object(), 502), status);
    }

    // OpenRouter sometimes answers 200 with its error body: the error it names, so a rate
    // limit is retried and reaches the client as one.
    void errorInAWholeAnswer()
    {
        const QByteArray body = TestData::read(QStringLiteral("provider-streams/openrouter-429-upstream-rate-limited.json"));
        const auto error = UpstreamFormat::forApi(UpstreamApi::OpenAiChat).errorIn(QJsonDocument::fromJson(body).object());
        QVERIFY(error);
        QCOMPARE(error->status, 429);
        QCOMPARE(error->type, QStringLiteral("rate_limit_error"));
        QVERIFY(error->message.startsWith(QLatin1StringView("Upstream HTTP 200: Provider returned error: moonshotai/kimi-k2-0905")));
    }

    // A long message in JSON is the provider's own words (a context-length report, say): kept whole.
    void longJsonMessageIsKept()
    {
        const QString text(2000, QLatin1Char('y'));
        const QByteArray body = QByteArrayLiteral("{\"error\":{\"message\":\"") + text.toUtf8() + QByteArrayLiteral("\"}}");
        QCOMPARE(UpstreamError::messageOf(body), text);
    }

    void messageOfEmptyIsEmpty()
    {
        QCOMPARE(UpstreamError::messageOf(QByteArray()), QString());
        QCOMPARE(UpstreamError::messageOf(QByteArrayLiteral("   ")), QString());
    }
};

QTEST_GUILESS_MAIN(TestUpstreamError)
#include "tst_upstreamerror.moc"
