#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Readers of an Anthropic request's content blocks, shared by the Chat Completions and the
// Responses request translators so that both upstreams get the same text, images and tool
// results. Pure; odd shapes read as empty, never crash.
namespace AnthropicContent {

QString typeOf(const QJsonObject &object);

// One entry of a request's `messages`: user, assistant, or system (Claude Code's environment
// details, which the real API takes).
struct Turn
{
    QString role;
    QJsonValue content;
};

QList<Turn> turnsOf(const QJsonObject &request);

// A string, or the non-empty text blocks of a list joined by separator; other blocks are
// not text (images, tool calls, thinking) and are translated elsewhere or dropped.
QString textOf(const QJsonValue &content, QLatin1StringView separator);

// An image block's picture as a URL an upstream can take: a data: URL for a base64 source,
// the URL itself for a url source. Empty for other sources (the Files API's `file`), which
// mean nothing to an upstream.
QString imageUrlOf(const QJsonObject &imageBlock);

// A tool_result as OpenAI's APIs can carry it: their tool answers are text only, so the
// images go apart, to follow in a user message.
struct ToolResult
{
    QString toolUseId;
    // Never empty: every call needs its answer, several providers reject an empty one, and
    // to the model an empty one reads as a lost result. "Error: " leads a failed tool's text.
    QString text;
    QStringList imageUrls;
};

ToolResult toolResultOf(const QJsonObject &toolResultBlock);

// A piece of a user message: text, or an image by URL.
struct UserPart
{
    enum class Kind { Text, Image };
    Kind kind = Kind::Text;
    QString value; // the text, or the image's URL
};

// A user turn in the order OpenAI's APIs need it: its tool results first, as they must
// directly follow the calls they answer; then what one user message carries, the images of
// the tool results before the turn's own text and images. Empty text is left out.
struct UserTurn
{
    QList<ToolResult> toolResults;
    QList<UserPart> parts;
};

UserTurn userTurnOf(const QJsonValue &content);

// A tool_use block's input as the JSON text that OpenAI's function-call arguments are.
QString argumentsOf(const QJsonObject &toolUseBlock);

} // namespace AnthropicContent
