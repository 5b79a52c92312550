#include "anthropiccontent.h"

#include <QJsonArray>
#include <QJsonDocument>

QString AnthropicContent::typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QList<AnthropicContent::Turn> AnthropicContent::turnsOf(const QJsonObject &request)
{
    QList<Turn> turns;
    const QJsonArray messages = request.value(QLatin1StringView("messages")).toArray();
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        turns.append(Turn{message.value(QLatin1StringView("role")).toString(),
                          message.value(QLatin1StringView("content"))});
    }
    return turns;
}

QString AnthropicContent::textOf(const QJsonValue &content, QLatin1StringView separator)
{
    if (content.isString())
        return content.toString();
    QStringList texts;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString text = block.value(QLatin1StringView("text")).toString();
        if (typeOf(block) == QLatin1StringView("text") && !text.isEmpty())
            texts.append(text);
    }
    return texts.join(separator);
}

QString AnthropicContent::imageUrlOf(const QJsonObject &imageBlock)
{
    const QJsonObject source = imageBlock.value(QLatin1StringView("source")).toObject();
    const QString sourceType = typeOf(source);
    if (sourceType == QLatin1StringView("base64")) {
        return QLatin1StringView("data:") % source.value(QLatin1StringView("media_type")).toString()
             % QLatin1StringView(";base64,") % source.value(QLatin1StringView("data")).toString();
    }
    if (sourceType == QLatin1StringView("url"))
        return source.value(QLatin1StringView("url")).toString();
    return {};
}

AnthropicContent::ToolResult AnthropicContent::toolResultOf(const QJsonObject &toolResultBlock)
{
    ToolResult result;
    result.toolUseId = toolResultBlock.value(QLatin1StringView("tool_use_id")).toString();
    const QJsonValue content = toolResultBlock.value(QLatin1StringView("content"));
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        if (typeOf(block) != QLatin1StringView("image"))
            continue;
        const QString url = imageUrlOf(block);
        if (!url.isEmpty())
            result.imageUrls.append(url);
    }
    result.text = textOf(content, QLatin1StringView("\n"));
    if (result.text.isEmpty())
        result.text = result.imageUrls.isEmpty() ? QStringLiteral("(no content)")
                                                 : QStringLiteral("(see the images below)");
    if (toolResultBlock.value(QLatin1StringView("is_error")).toBool())
        result.text.prepend(QLatin1StringView("Error: "));
    return result;
}

AnthropicContent::UserTurn AnthropicContent::userTurnOf(const QJsonValue &content)
{
    UserTurn turn;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            turn.parts.append(UserPart{UserPart::Kind::Text, content.toString()});
        return turn;
    }
    QList<UserPart> ownParts;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = typeOf(block);
        const QString text = block.value(QLatin1StringView("text")).toString();
        if (type == QLatin1StringView("tool_result")) {
            turn.toolResults.append(toolResultOf(block));
            for (const QString &url : std::as_const(turn.toolResults.last().imageUrls))
                turn.parts.append(UserPart{UserPart::Kind::Image, url});
        } else if (type == QLatin1StringView("text") && !text.isEmpty()) {
            ownParts.append(UserPart{UserPart::Kind::Text, text});
        } else if (type == QLatin1StringView("image")) {
            const QString url = imageUrlOf(block);
            if (!url.isEmpty())
                ownParts.append(UserPart{UserPart::Kind::Image, url});
        }
    }
    turn.parts.append(ownParts);
    return turn;
}

QString AnthropicContent::argumentsOf(const QJsonObject &toolUseBlock)
{
    const QJsonDocument input(toolUseBlock.value(QLatin1StringView("input")).toObject());
    return QString::fromUtf8(input.toJson(QJsonDocument::Compact));
}
