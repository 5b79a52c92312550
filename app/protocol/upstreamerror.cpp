#include "upstreamerror.h"

#include "contextoverflow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
}

QString UpstreamError::messageOf(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonValue error = root.value(QLatin1StringView("error"));
        if (error.isObject()) {
            const QString message = textOf(error.toObject().value(QLatin1StringView("message")));
            if (!message.isEmpty())
                return message;
        }
        for (const QJsonValue &candidate : {error, root.value(QLatin1StringView("message")),
                                            root.value(QLatin1StringView("detail"))}) {
            if (const QString message = textOf(candidate); !message.isEmpty())
                return message;
        }
    }
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
