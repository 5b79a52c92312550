#include "upstreamerror.h"

#include "contextoverflow.h"
#include "utf8repair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
constexpr qsizetype maxPlainMessage = 500;

int clientStatusFor(int upstreamStatus)
{
    if (upstreamStatus == 422) // validation errors (vLLM, FastAPI servers) are bad requests
        return 400;
    if (upstreamStatus >= 400 && upstreamStatus < 600)
        return upstreamStatus;
    return 502; // anything else is not a response we can stand behind
}

QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject() || value.isArray())
        return QString::fromUtf8(value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                  : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

// A gateway's error page (nginx, Cloudflare, a load balancer) says what happened in its title;
// its markup and styles would only bury that in the client's error.
QString textOfPage(const QByteArray &page)
{
    const QString html = QString::fromUtf8(page);
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression hidden(QStringLiteral("<(script|style|head)[^>]*>.*?</\\1>"),
                                           QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    const QRegularExpressionMatch titled = title.match(html);
    const QString text = titled.hasMatch() ? titled.captured(1) : QString(html).remove(hidden).remove(tag);
    return text.simplified().left(maxPlainMessage);
}

bool isHtmlPage(const QByteArray &body)
{
    const QByteArray start = body.trimmed().left(256).toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}
}

int UpstreamError::statusIn(const QJsonObject &error, int fallback)
{
    // `code` is often the provider's own code instead ("tool_use_failed", Z.ai's "1302"), so
    // only a number in the error range counts.
    for (const char *key : {"status_code", "code"}) {
        const int status = error.value(QLatin1StringView(key)).toInt();
        if (status >= 400 && status < 600)
            return status;
    }
    return fallback;
}

QString UpstreamError::messageOf(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(Utf8Repair::repaired(body));
    if (document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonValue error = root.value(QLatin1StringView("error"));
        if (error.isObject()) {
            QString message = textOf(error.toObject().value(QLatin1StringView("message")));
            // OpenRouter's own message is generic ("Provider returned error"); what the provider
            // behind it said is in metadata.raw, often its whole error body.
            const QJsonValue raw = error.toObject().value(QLatin1StringView("metadata")).toObject().value(QLatin1StringView("raw"));
            if (const QString detail = raw.isString() ? messageOf(raw.toString().toUtf8()) : QString(); !detail.isEmpty())
                message = message.isEmpty() ? detail : message + QStringLiteral(": ") + detail;
            if (!message.isEmpty())
                return message;
        }
        for (const QJsonValue &candidate : {error, root.value(QLatin1StringView("message")),
                                            root.value(QLatin1StringView("detail"))}) {
            if (const QString message = textOf(candidate); !message.isEmpty())
                return message;
        }
    }
    if (isHtmlPage(body))
        return textOfPage(body);
    return QString::fromUtf8(body.trimmed().left(maxPlainMessage));
}

ApiError UpstreamError::fromResponse(int status, const QByteArray &body, PromptSize prompt)
{
    if (const auto overflow = ContextOverflow::recognize(status, body))
        return overflow->toApiError(prompt.estimate, prompt.window);
    QString message = messageOf(body);
    if (message.isEmpty())
        message = QStringLiteral("The upstream answered HTTP %1 with no message.").arg(status);
    else
        message = QStringLiteral("Upstream HTTP %1: %2").arg(status).arg(message);
    return ApiError::fromStatus(clientStatusFor(status), message);
}
