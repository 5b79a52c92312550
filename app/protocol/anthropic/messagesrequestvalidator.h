#pragma once

#include "apierror.h"

#include <QJsonObject>

#include <optional>

// Checks the shape of a Messages API request before anything is translated or sent, so
// that wrong types get a clear invalid_request_error naming the field (`messages.2.content`)
// instead of an upstream's puzzling reply.
namespace MessagesRequestValidator {
std::optional<ApiError> validate(const QJsonObject &request);
}
