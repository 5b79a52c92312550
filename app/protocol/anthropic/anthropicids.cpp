#include "anthropicids.h"

#include <QRandomGenerator>

namespace {
QString withRandomSuffix(QLatin1StringView prefix)
{
    static constexpr char alphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = prefix;
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 24; ++i)
        id.append(QLatin1Char(alphabet[random->bounded(int(sizeof alphabet) - 1)]));
    return id;
}
}

QString AnthropicIds::newMessageId()
{
    return withRandomSuffix(QLatin1StringView("msg_"));
}

QString AnthropicIds::newToolUseId()
{
    return withRandomSuffix(QLatin1StringView("toolu_"));
}
