#include "jsonfield.h"

bool JsonField::isSet(const QJsonValue &value)
{
    return !value.isUndefined() && !value.isNull();
}

std::optional<qint64> JsonField::integerOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 integer = value.toInteger();
    if (static_cast<double>(integer) != value.toDouble())
        return std::nullopt;
    return integer;
}
