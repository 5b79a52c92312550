#include "apierror.h"

QString ApiError::typeForStatus(int status)
{
    switch (status) {
    case 400: return QStringLiteral("invalid_request_error");
    case 401: return QStringLiteral("authentication_error");
    case 402: return QStringLiteral("billing_error");
    case 403: return QStringLiteral("permission_error");
    case 404: return QStringLiteral("not_found_error");
    case 413: return QStringLiteral("request_too_large");
    case 429: return QStringLiteral("rate_limit_error");
    case 503:
    case 529: return QStringLiteral("overloaded_error");
    case 504: return QStringLiteral("timeout_error");
    default:
        return status >= 400 && status < 500 ? QStringLiteral("invalid_request_error")
                                             : QStringLiteral("api_error");
    }
}

ApiError ApiError::fromStatus(int status, const QString &message)
{
    return ApiError{status, typeForStatus(status), message};
}

QJsonObject ApiError::toJson() const
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}}},
    };
}

int ApiError::statusForType(const QString &type)
{
    for (const int status : {400, 401, 402, 403, 404, 413, 429, 504, 529}) {
        if (typeForStatus(status) == type)
            return status;
    }
    return 500;
}

ApiError ApiError::fromJson(const QJsonObject &json)
{
    const QJsonObject error = json.value(QLatin1StringView("error")).toObject();
    const QString type = error.value(QLatin1StringView("type")).toString();
    return ApiError{statusForType(type), type, error.value(QLatin1StringView("message")).toString()};
}
