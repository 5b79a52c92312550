#pragma once

#include <QJsonValue>
#include <QtGlobal>

#include <optional>

// How the request checkers (MessagesRequestValidator, OpenAiChatRequestReader) read a field,
// the way the APIs they stand in for validate one.
namespace JsonField {

// Present and not null: null is how SDKs say "not set".
bool isSet(const QJsonValue &value);

// A whole number as JSON writes it (4096 and 4096.0 alike); nullopt for anything else.
std::optional<qint64> integerOf(const QJsonValue &value);

} // namespace JsonField
