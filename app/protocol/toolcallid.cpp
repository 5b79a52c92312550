#include "toolcallid.h"

#include "anthropic/anthropicids.h"

#include <QRegularExpression>

namespace {
const QString encodedPrefix = QStringLiteral("toolu_hex_");

bool isAnthropicSafe(const QString &id)
{
    static const QRegularExpression safe(QStringLiteral("^[a-zA-Z0-9_-]+$"));
    return safe.match(id).hasMatch();
}
}

QString ToolCallId::toAnthropic(const QString &upstreamId)
{
    if (upstreamId.isEmpty())
        return AnthropicIds::newToolUseId();
    // An upstream id that merely looks encoded is encoded too, so decoding stays unambiguous.
    if (isAnthropicSafe(upstreamId) && !upstreamId.startsWith(encodedPrefix))
        return upstreamId;
    return encodedPrefix + QString::fromLatin1(upstreamId.toUtf8().toHex());
}

QString ToolCallId::toUpstream(const QString &anthropicId)
{
    if (!anthropicId.startsWith(encodedPrefix))
        return anthropicId;
    const QByteArray hex = QStringView(anthropicId).mid(encodedPrefix.size()).toLatin1();
    const auto decoded = QByteArray::fromHex(hex);
    // fromHex() skips invalid characters silently; only a clean round trip counts as ours.
    if (decoded.toHex() != hex.toLower())
        return anthropicId;
    return QString::fromUtf8(decoded);
}
