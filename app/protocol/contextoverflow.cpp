#include "contextoverflow.h"

#include "upstreamerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
// The wordings with numbers, each with the group of the prompt's size and of the window.
struct NumberedWording
{
    QRegularExpression pattern;
    int requestedGroup;
    int maximumGroup;
};

const QList<NumberedWording> &numberedWordings()
{
    static const QList<NumberedWording> wordings{
        // OpenAI, DeepSeek, vLLM, OpenRouter ("This endpoint's …"), Groq, Together:
        // "maximum context length is 131072 tokens. However, you requested 141980 tokens",
        // "… your messages resulted in 31228 tokens", "… your request has 5000 input tokens".
        {QRegularExpression(QStringLiteral(R"(maximum context length is (\d+) tokens.*?(?:requested|resulted in|has) (?:about )?(\d+))"),
                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption),
         2, 1},
        // Moonshot Kimi: "Your request exceeded model token limit: 262144 (requested: 269030)".
        {QRegularExpression(QStringLiteral(R"(exceeded model token limit: (\d+) \(requested: (\d+)\))"),
                            QRegularExpression::CaseInsensitiveOption),
         2, 1},
        // Gemini: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."
        {QRegularExpression(QStringLiteral(R"(input token count \((\d+)\) exceeds the maximum number of tokens allowed \((\d+)\))"),
                            QRegularExpression::CaseInsensitiveOption),
         1, 2},
        // Qwen (DashScope): "Range of input length should be [1, 129024]".
        {QRegularExpression(QStringLiteral(R"(Range of input length should be \[1, (\d+)\])")), 0, 1},
        // An Anthropic-compatible upstream already says it the way Claude Code expects.
        {QRegularExpression(QStringLiteral(R"(prompt is too long: (\d+) tokens > (\d+) maximum)")), 1, 2},
    };
    return wordings;
}

// Wordings that name an overflow without numbers: OpenAI's Responses API ("Your input exceeds
// the context window of this model"), LM Studio ("… is greater than the context length"),
// Zhipu GLM's code 1261 ("Prompt 超长"), llama.cpp's server ("the request exceeds the available
// context size"), Anthropic's "input is too long".
const QRegularExpression &plainWording()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(exceeds the context window|greater than the context length|exceeds the available context size|)"
                       R"(context length exceeded|prompt 超长|prompt exceeds max length|input is too long)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// OpenAI's and Groq's machine-readable code, wherever the error object carries it.
bool hasOverflowCode(const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QLatin1StringView("error"));
    const QJsonValue code = error.isObject() ? error.toObject().value(QLatin1StringView("code"))
                                             : root.value(QLatin1StringView("code"));
    return code.toString() == QLatin1StringView("context_length_exceeded")
        || (code.toString() == QLatin1StringView("1261")); // Zhipu GLM: "Prompt 超长"
}
}

std::optional<ContextOverflow> ContextOverflow::recognize(int status, const QByteArray &body)
{
    // Only a refusal of the request can be an overflow: a 429's "Request too large … tokens
    // per minute" is a rate limit, and a 5xx is the provider's own failure.
    if (status != 400 && status != 413 && status != 422)
        return std::nullopt;
    const QString message = UpstreamError::messageOf(body);
    for (const NumberedWording &wording : numberedWordings()) {
        const QRegularExpressionMatch match = wording.pattern.match(message);
        if (match.hasMatch()) {
            return ContextOverflow{wording.requestedGroup ? match.captured(wording.requestedGroup).toLongLong() : 0,
                                   match.captured(wording.maximumGroup).toLongLong()};
        }
    }
    if (hasOverflowCode(body) || plainWording().match(message).hasMatch())
        return ContextOverflow{};
    return std::nullopt;
}

ApiError ContextOverflow::toApiError(qint64 estimate, qint64 window) const
{
    const qint64 limit = maximum > 0 ? maximum : window;
    qint64 size = requested > 0 ? requested : estimate;
    if (limit > 0 && size <= limit)
        size = limit + 1; // the provider refused it, so it did not fit, whatever our estimate says
    const qint64 shownLimit = limit > 0 ? limit : qMax<qint64>(size - 1, 0);
    // Not translated: Claude Code reads this message by its exact English wording.
    return ApiError::invalidRequest(QStringLiteral("prompt is too long: %1 tokens > %2 maximum")
                                        .arg(qMax<qint64>(size, 1))
                                        .arg(shownLimit));
}
