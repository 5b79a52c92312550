#include "anthropiccontent.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
// A base64 source as the data: URL OpenAI's APIs take for images and files alike.
QString dataUrlOf(const QJsonObject &base64Source)
{
    return QLatin1StringView("data:") % base64Source.value(QLatin1StringView("media_type")).toString()
         % QLatin1StringView(";base64,") % base64Source.value(QLatin1StringView("data")).toString();
}
}

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
    if (sourceType == QLatin1StringView("base64"))
        return dataUrlOf(source);
    if (sourceType == QLatin1StringView("url"))
        return source.value(QLatin1StringView("url")).toString();
    return {};
}

namespace {
// An image or a document block as what a user message can carry; nullopt for other blocks
// and for sources an upstream cannot take.
std::optional<AnthropicContent::UserPart> attachmentOf(const QJsonObject &block)
{
    const QString type = AnthropicContent::typeOf(block);
    if (type == QLatin1StringView("document"))
        return AnthropicContent::fileOf(block);
    if (type != QLatin1StringView("image"))
        return std::nullopt;
    const QString url = AnthropicContent::imageUrlOf(block);
    if (url.isEmpty())
        return std::nullopt;
    return AnthropicContent::UserPart{AnthropicContent::UserPart::Kind::Image, url, {}};
}
}

std::optional<AnthropicContent::UserPart> AnthropicContent::fileOf(const QJsonObject &documentBlock)
{
    const QJsonObject source = documentBlock.value(QLatin1StringView("source")).toObject();
    if (typeOf(source) != QLatin1StringView("base64"))
        return std::nullopt;
    // The extension keeps the type plain to upstreams that go by a file's name.
    QString name = documentBlock.value(QLatin1StringView("title")).toString();
    if (name.isEmpty())
        name = QStringLiteral("document");
    if (!name.endsWith(QLatin1StringView(".pdf"), Qt::CaseInsensitive))
        name += QLatin1StringView(".pdf");
    return UserPart{UserPart::Kind::File, dataUrlOf(source), name};
}

AnthropicContent::ToolResult AnthropicContent::toolResultOf(const QJsonObject &toolResultBlock)
{
    ToolResult result;
    result.toolUseId = toolResultBlock.value(QLatin1StringView("tool_use_id")).toString();
    const QJsonValue content = toolResultBlock.value(QLatin1StringView("content"));
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        if (const auto attachment = attachmentOf(value.toObject()))
            result.attachments.append(*attachment);
    }
    result.text = textOf(content, QLatin1StringView("\n"));
    if (result.text.isEmpty() && result.attachments.isEmpty()) {
        result.text = QStringLiteral("(no content)");
    } else if (result.text.isEmpty()) {
        const bool imagesOnly = std::all_of(result.attachments.cbegin(), result.attachments.cend(),
                                            [](const UserPart &part) { return part.kind == UserPart::Kind::Image; });
        result.text = imagesOnly ? QStringLiteral("(see the images below)") : QStringLiteral("(see the attachments below)");
    }
    if (toolResultBlock.value(QLatin1StringView("is_error")).toBool())
        result.text.prepend(QLatin1StringView("Error: "));
    return result;
}

AnthropicContent::UserTurn AnthropicContent::userTurnOf(const QJsonValue &content)
{
    UserTurn turn;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            turn.parts.append(UserPart{UserPart::Kind::Text, content.toString(), {}});
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
            turn.parts.append(turn.toolResults.last().attachments);
        } else if (type == QLatin1StringView("text") && !text.isEmpty()) {
            ownParts.append(UserPart{UserPart::Kind::Text, text, {}});
        } else if (const auto attachment = attachmentOf(block)) {
            ownParts.append(*attachment);
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
