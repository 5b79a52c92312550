#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

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

// A piece of a user message: text, an image by URL, or a PDF file.
struct UserPart
{
    enum class Kind { Text, Image, File };
    Kind kind = Kind::Text;
    QString value;    // the text, the image's URL, or the file as a data: URL
    QString fileName; // a file's name, which OpenAI wants beside its data
};

// A document block's PDF as a file part: a data: URL of the base64 source, named after the
// document's title. nullopt for other sources, which DocumentFitter has turned into text.
std::optional<UserPart> fileOf(const QJsonObject &documentBlock);

// A tool_result as OpenAI's APIs can carry it: their tool answers are text only, so the
// images and files go apart, to follow in a user message.
struct ToolResult
{
    QString toolUseId;
    // Never empty: every call needs its answer, several providers reject an empty one, and
    // to the model an empty one reads as a lost result. "Error: " leads a failed tool's text.
    QString text;
    QList<UserPart> attachments; // images and files
};

ToolResult toolResultOf(const QJsonObject &toolResultBlock);

// A user turn in the order OpenAI's APIs need it: its tool results first, as they must
// directly follow the calls they answer; then what one user message carries, the attachments
// of the tool results before the turn's own text, images and files. Empty text is left out.
struct UserTurn
{
    QList<ToolResult> toolResults;
    QList<UserPart> parts;
};

UserTurn userTurnOf(const QJsonValue &content);

// A tool_use block's input as the JSON text that OpenAI's function-call arguments are.
QString argumentsOf(const QJsonObject &toolUseBlock);

} // namespace AnthropicContent
