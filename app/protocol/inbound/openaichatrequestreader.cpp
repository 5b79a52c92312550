#include "openaichatrequestreader.h"

#include "../jsonfield.h"
#include "../openai/chatcompletion.h"
#include "../toolcallid.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <algorithm>

namespace {
using Problem = std::optional<ApiError>;

const QLatin1StringView contentKey("content");
const QLatin1StringView roleKey("role");
const QLatin1StringView textKey("text");
const QLatin1StringView typeKey("type");

QString typeOf(const QJsonObject &object)
{
    return object.value(typeKey).toString();
}

using JsonField::integerOf;
using JsonField::isSet;

QString indexPath(const QString &path, qsizetype index)
{
    return path % QLatin1Char('[') % QString::number(index) % QLatin1Char(']');
}

QString fieldPath(const QString &path, QLatin1StringView key)
{
    return path % QLatin1Char('.') % key;
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') % text % QLatin1Char('\'');
}

// The wording of OpenAI's own validation errors, so that clients and people recognize them;
// the field path goes into the message because an Anthropic-shaped error has no `param`.
QLatin1StringView jsonTypeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null: return QLatin1StringView("null");
    case QJsonValue::Bool: return QLatin1StringView("a boolean");
    case QJsonValue::Double: return QLatin1StringView("a number");
    case QJsonValue::String: return QLatin1StringView("a string");
    case QJsonValue::Array: return QLatin1StringView("an array");
    case QJsonValue::Object: return QLatin1StringView("an object");
    case QJsonValue::Undefined: break;
    }
    return QLatin1StringView("nothing");
}

ApiError missing(const QString &path)
{
    return ApiError::invalidRequest(QLatin1StringView("Missing required parameter: ") % quoted(path)
                                    % QLatin1Char('.'));
}

ApiError wrongType(const QString &path, QLatin1StringView expected, const QJsonValue &value)
{
    return ApiError::invalidRequest(QLatin1StringView("Invalid type for ") % quoted(path)
                                    % QLatin1StringView(": expected ") % expected
                                    % QLatin1StringView(", but got ") % jsonTypeName(value.type())
                                    % QLatin1StringView(" instead."));
}

ApiError invalidValue(const QString &path, const QString &problem)
{
    return ApiError::invalidRequest(QLatin1StringView("Invalid value for ") % quoted(path)
                                    % QLatin1StringView(": ") % problem);
}

ApiError unsupportedValue(const QString &path, const QString &value, QLatin1StringView supported)
{
    return invalidValue(path, quoted(value) % QLatin1StringView(" is not supported. Supported values are: ")
                                  % supported % QLatin1Char('.'));
}

Problem readRequired(const QJsonObject &object, QLatin1StringView key, const QString &path,
                     QJsonValue::Type type, QJsonValue &value)
{
    value = object.value(key);
    if (value.isUndefined())
        return missing(fieldPath(path, key));
    if (value.type() != type)
        return wrongType(fieldPath(path, key), jsonTypeName(type), value);
    return std::nullopt;
}

Problem readString(const QJsonObject &object, QLatin1StringView key, const QString &path,
                   QString &string)
{
    QJsonValue value;
    if (auto problem = readRequired(object, key, path, QJsonValue::String, value))
        return problem;
    string = value.toString();
    return std::nullopt;
}

// A field that may be left out or null, and otherwise has one JSON type.
Problem checkOptional(const QJsonValue &value, QJsonValue::Type type, const QString &path)
{
    if (isSet(value) && value.type() != type)
        return wrongType(path, jsonTypeName(type), value);
    return std::nullopt;
}

// A field that may be left out or null, and otherwise is a whole number.
Problem readOptionalInteger(const QJsonObject &object, QLatin1StringView key,
                            std::optional<qint64> &integer)
{
    const QJsonValue value = object.value(key);
    integer.reset();
    if (!isSet(value))
        return std::nullopt;
    integer = integerOf(value);
    if (!integer)
        return wrongType(key, QLatin1StringView("an integer"), value);
    return std::nullopt;
}

// Each item of list in order with the path of the item; the first problem wins.
template<typename ReadItem>
Problem readItems(const QJsonArray &list, const QString &path, ReadItem readItem)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (auto problem = readItem(list.at(i), indexPath(path, i)))
            return problem;
    }
    return std::nullopt;
}

// The `function` object of a tool, a tool call or a tool choice, with the name it requires.
struct Function
{
    QString path;
    QJsonObject object;
    QString name;
};

Problem readFunction(const QJsonObject &parent, const QString &parentPath, Function &function)
{
    const QLatin1StringView functionKey("function");
    function.path = fieldPath(parentPath, functionKey);
    QJsonValue value;
    if (auto problem = readRequired(parent, functionKey, parentPath, QJsonValue::Object, value))
        return problem;
    function.object = value.toObject();
    return readString(function.object, QLatin1StringView("name"), function.path, function.name);
}

// {"type": "function", "function": {"name": …}}: a tool, or a tool choice naming one.
Problem readFunctionEntry(const QJsonObject &entry, const QString &path, Function &function)
{
    QString type;
    if (auto problem = readString(entry, typeKey, path, type))
        return problem;
    if (type != QLatin1StringView("function"))
        return unsupportedValue(fieldPath(path, typeKey), type, QLatin1StringView("'function'"));
    return readFunction(entry, path, function);
}

QJsonObject textBlock(const QString &text)
{
    return QJsonObject{{QString(typeKey), QStringLiteral("text")}, {QString(textKey), text}};
}

// Empty text is dropped: Anthropic rejects empty text blocks, and it says nothing anyway.
void appendText(const QString &text, QJsonArray &blocks)
{
    if (!text.isEmpty())
        blocks.append(textBlock(text));
}

// The content parts a role may carry.
enum class Parts { Text, User, Assistant };

QLatin1StringView supportedParts(Parts parts)
{
    switch (parts) {
    case Parts::Text: return QLatin1StringView("'text'");
    case Parts::User: return QLatin1StringView("'text' and 'image_url'");
    case Parts::Assistant: return QLatin1StringView("'text' and 'refusal'");
    }
    return {};
}

// A data: URL carries the image itself, and Anthropic takes it only base64-encoded; an
// http(s) URL is left for the provider to fetch.
Problem readImage(const QJsonObject &part, const QString &path, QJsonArray &blocks)
{
    const QLatin1StringView imageKey("image_url");
    const QString imagePath = fieldPath(path, imageKey);
    QJsonValue image;
    if (auto problem = readRequired(part, imageKey, path, QJsonValue::Object, image))
        return problem;
    QString url;
    if (auto problem = readString(image.toObject(), QLatin1StringView("url"), imagePath, url))
        return problem;
    const QString urlPath = fieldPath(imagePath, QLatin1StringView("url"));

    QJsonObject source;
    const QLatin1StringView dataScheme("data:");
    if (url.startsWith(dataScheme, Qt::CaseInsensitive)) {
        const qsizetype comma = url.indexOf(QLatin1Char(','));
        const QString header = comma < 0 ? QString() : url.mid(dataScheme.size(), comma - dataScheme.size());
        const QString mediaType = header.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
        if (comma < 0 || !header.endsWith(QLatin1StringView(";base64"), Qt::CaseInsensitive)
            || mediaType.isEmpty())
            return invalidValue(urlPath, QStringLiteral("expected a base64 data URL "
                                                        "(data:<media type>;base64,<data>)."));
        source = QJsonObject{{QString(typeKey), QStringLiteral("base64")},
                             {QStringLiteral("media_type"), mediaType},
                             {QStringLiteral("data"), url.mid(comma + 1)}};
    } else if (url.startsWith(QLatin1StringView("https://"), Qt::CaseInsensitive)
               || url.startsWith(QLatin1StringView("http://"), Qt::CaseInsensitive)) {
        source = QJsonObject{{QString(typeKey), QStringLiteral("url")}, {QStringLiteral("url"), url}};
    } else {
        return invalidValue(urlPath, QStringLiteral("expected an http(s) URL or a base64 data URL."));
    }
    blocks.append(QJsonObject{{QString(typeKey), QStringLiteral("image")},
                              {QStringLiteral("source"), source}});
    return std::nullopt;
}

Problem readPart(const QJsonValue &value, const QString &path, Parts parts, QJsonArray &blocks)
{
    if (!value.isObject())
        return wrongType(path, QLatin1StringView("an object"), value);
    const QJsonObject part = value.toObject();
    QString type;
    if (auto problem = readString(part, typeKey, path, type))
        return problem;
    QString text;
    if (type == QLatin1StringView("text")) {
        if (auto problem = readString(part, textKey, path, text))
            return problem;
        appendText(text, blocks);
        return std::nullopt;
    }
    // A refusal the model gave earlier is still what it said.
    if (type == QLatin1StringView("refusal") && parts == Parts::Assistant) {
        if (auto problem = readString(part, QLatin1StringView("refusal"), path, text))
            return problem;
        appendText(text, blocks);
        return std::nullopt;
    }
    if (type == QLatin1StringView("image_url") && parts == Parts::User)
        return readImage(part, path, blocks);
    return unsupportedValue(fieldPath(path, typeKey), type, supportedParts(parts));
}

Problem readContent(const QJsonValue &content, const QString &path, Parts parts, QJsonArray &blocks)
{
    if (content.isString()) {
        appendText(content.toString(), blocks);
        return std::nullopt;
    }
    if (!content.isArray())
        return wrongType(path,
                         parts == Parts::Text ? QLatin1StringView("a string or an array of text parts")
                                              : QLatin1StringView("a string or an array of content parts"),
                         content);
    const auto readContentPart = [parts, &blocks](const QJsonValue &part, const QString &partPath) {
        return readPart(part, partPath, parts, blocks);
    };
    return readItems(content.toArray(), path, readContentPart);
}

Problem readRequiredContent(const QJsonObject &message, const QString &path, Parts parts,
                            QJsonArray &blocks)
{
    const QJsonValue content = message.value(contentKey);
    if (content.isUndefined())
        return missing(fieldPath(path, contentKey));
    return readContent(content, fieldPath(path, contentKey), parts, blocks);
}

Problem readToolCall(const QJsonValue &value, const QString &path, QJsonArray &blocks)
{
    if (!value.isObject())
        return wrongType(path, QLatin1StringView("an object"), value);
    const QJsonObject call = value.toObject();
    const QJsonValue type = call.value(typeKey);
    if (isSet(type) && type.toString() != QLatin1StringView("function"))
        return unsupportedValue(fieldPath(path, typeKey), type.toString(), QLatin1StringView("'function'"));
    const QJsonValue id = call.value(QLatin1StringView("id"));
    if (auto problem = checkOptional(id, QJsonValue::String, fieldPath(path, QLatin1StringView("id"))))
        return problem;
    Function function;
    if (auto problem = readFunction(call, path, function))
        return problem;

    // Arguments are a JSON text; some clients send the object itself, which means the same.
    const QLatin1StringView argumentsKey("arguments");
    const QJsonValue arguments = function.object.value(argumentsKey);
    QJsonObject input;
    if (arguments.isString())
        input = ChatCompletion::toolInputFrom(arguments.toString());
    else if (arguments.isObject())
        input = arguments.toObject();
    else if (isSet(arguments))
        return wrongType(fieldPath(function.path, argumentsKey), QLatin1StringView("a string"), arguments);

    blocks.append(QJsonObject{
        {QString(typeKey), QStringLiteral("tool_use")},
        {QStringLiteral("id"), ToolCallId::toAnthropic(id.toString())},
        {QStringLiteral("name"), function.name},
        {QStringLiteral("input"), input},
    });
    return std::nullopt;
}

Problem readAssistant(const QJsonObject &message, const QString &path, QJsonArray &blocks)
{
    // Content may be null beside tool calls.
    const QJsonValue content = message.value(contentKey);
    if (isSet(content)) {
        if (auto problem = readContent(content, fieldPath(path, contentKey), Parts::Assistant, blocks))
            return problem;
    }
    const QLatin1StringView toolCallsKey("tool_calls");
    const QJsonValue toolCalls = message.value(toolCallsKey);
    if (!isSet(toolCalls))
        return std::nullopt;
    const QString toolCallsPath = fieldPath(path, toolCallsKey);
    if (!toolCalls.isArray())
        return wrongType(toolCallsPath, QLatin1StringView("an array"), toolCalls);
    const auto readCall = [&blocks](const QJsonValue &call, const QString &callPath) {
        return readToolCall(call, callPath, blocks);
    };
    return readItems(toolCalls.toArray(), toolCallsPath, readCall);
}

// A tool message answers one call; Anthropic carries the answer as a tool_result block in a
// user message.
Problem readToolResult(const QJsonObject &message, const QString &path, QJsonArray &blocks)
{
    QString toolCallId;
    if (auto problem = readString(message, QLatin1StringView("tool_call_id"), path, toolCallId))
        return problem;
    QJsonArray parts;
    if (auto problem = readRequiredContent(message, path, Parts::Text, parts))
        return problem;
    // Every call needs its result, even an empty one, so this block is never dropped.
    const QJsonValue content = message.value(contentKey);
    blocks.append(QJsonObject{
        {QString(typeKey), QStringLiteral("tool_result")},
        {QStringLiteral("tool_use_id"), ToolCallId::toAnthropic(toolCallId)},
        {QString(contentKey), content.isString() ? content : QJsonValue(parts)},
    });
    return std::nullopt;
}

// One OpenAI message in Anthropic's terms, before neighbours with the same role are merged.
struct Turn
{
    QString role; // system (also for developer), user (also for tool) or assistant
    QJsonArray blocks;
};

Problem readMessage(const QJsonValue &value, const QString &path, Turn &turn)
{
    if (!value.isObject())
        return wrongType(path, QLatin1StringView("an object"), value);
    const QJsonObject message = value.toObject();
    QString role;
    if (auto problem = readString(message, roleKey, path, role))
        return problem;
    if (role == QLatin1StringView("system") || role == QLatin1StringView("developer")) {
        turn.role = QStringLiteral("system");
        return readRequiredContent(message, path, Parts::Text, turn.blocks);
    }
    if (role == QLatin1StringView("user")) {
        turn.role = role;
        return readRequiredContent(message, path, Parts::User, turn.blocks);
    }
    if (role == QLatin1StringView("assistant")) {
        turn.role = role;
        return readAssistant(message, path, turn.blocks);
    }
    if (role == QLatin1StringView("tool")) {
        turn.role = QStringLiteral("user");
        return readToolResult(message, path, turn.blocks);
    }
    return unsupportedValue(fieldPath(path, roleKey), role,
                            QLatin1StringView("'system', 'developer', 'user', 'assistant' and 'tool'"));
}

QString joinedText(const QJsonArray &blocks)
{
    QStringList texts;
    for (const QJsonValue &block : blocks)
        texts.append(block.toObject().value(textKey).toString());
    return texts.join(QLatin1StringView("\n\n"));
}

// Anthropic wants user and assistant turns to alternate, so a turn with the role of the one
// before it joins it: this is also how tool results and the user's next words share one turn.
void appendTurn(const Turn &turn, QJsonArray &messages)
{
    if (turn.blocks.isEmpty())
        return;
    if (!messages.isEmpty()) {
        QJsonObject last = messages.last().toObject();
        if (last.value(roleKey).toString() == turn.role) {
            QJsonArray blocks = last.value(contentKey).toArray();
            for (const QJsonValue &block : turn.blocks)
                blocks.append(block);
            last.insert(contentKey, blocks);
            messages.replace(messages.size() - 1, last);
            return;
        }
    }
    messages.append(QJsonObject{{QString(roleKey), turn.role}, {QString(contentKey), turn.blocks}});
}

// Leading system and developer messages are the system prompt. Later ones stay where they
// are as role "system" messages (as Claude Code sends them), since moving them to the front
// would change what the model reads when. A request of system messages alone keeps them as
// messages, because Anthropic needs at least one message.
Problem readMessages(const QJsonObject &request, QJsonObject &anthropic)
{
    const QLatin1StringView messagesKey("messages");
    const QString path(messagesKey);
    const QJsonValue value = request.value(messagesKey);
    if (value.isUndefined())
        return missing(path);
    if (!value.isArray())
        return wrongType(path, QLatin1StringView("an array"), value);
    const QJsonArray list = value.toArray();
    if (list.isEmpty())
        return invalidValue(path, QStringLiteral("expected an array with at least one message, "
                                                 "but got an empty array instead."));

    QList<Turn> turns;
    const auto readTurn = [&turns](const QJsonValue &message,
                                   const QString &messagePath) -> Problem {
        Turn turn;
        if (auto problem = readMessage(message, messagePath, turn))
            return problem;
        turns.append(turn);
        return std::nullopt;
    };
    if (auto problem = readItems(list, path, readTurn))
        return problem;

    const QLatin1StringView system("system");
    const bool hasConversation = std::any_of(turns.cbegin(), turns.cend(), [&system](const Turn &turn) {
        return turn.role != system;
    });
    qsizetype first = 0;
    QStringList systemTexts;
    while (hasConversation && turns.at(first).role == system) {
        const QString text = joinedText(turns.at(first).blocks);
        if (!text.isEmpty())
            systemTexts.append(text);
        ++first;
    }
    if (!systemTexts.isEmpty())
        anthropic.insert(system, systemTexts.join(QLatin1StringView("\n\n")));

    QJsonArray messages;
    for (qsizetype i = first; i < turns.size(); ++i)
        appendTurn(turns.at(i), messages);
    // System messages in place carry plain text, as Claude Code's do.
    for (qsizetype i = 0; i < messages.size(); ++i) {
        QJsonObject message = messages.at(i).toObject();
        if (message.value(roleKey).toString() != system)
            continue;
        message.insert(contentKey, joinedText(message.value(contentKey).toArray()));
        messages.replace(i, message);
    }
    anthropic.insert(messagesKey, messages);
    return std::nullopt;
}

Problem readTool(const QJsonValue &value, const QString &path, QJsonArray &tools)
{
    if (!value.isObject())
        return wrongType(path, QLatin1StringView("an object"), value);
    Function function;
    if (auto problem = readFunctionEntry(value.toObject(), path, function))
        return problem;

    QJsonObject anthropicTool{{QStringLiteral("name"), function.name}};
    const QLatin1StringView descriptionKey("description");
    const QJsonValue description = function.object.value(descriptionKey);
    if (auto problem = checkOptional(description, QJsonValue::String,
                                     fieldPath(function.path, descriptionKey)))
        return problem;
    if (description.isString())
        anthropicTool.insert(descriptionKey, description);
    // OpenAI lets a function without parameters take none; Anthropic requires a schema.
    const QLatin1StringView parametersKey("parameters");
    const QJsonValue parameters = function.object.value(parametersKey);
    if (auto problem = checkOptional(parameters, QJsonValue::Object,
                                     fieldPath(function.path, parametersKey)))
        return problem;
    anthropicTool.insert(QStringLiteral("input_schema"),
                         parameters.isObject()
                             ? parameters.toObject()
                             : QJsonObject{{QString(typeKey), QStringLiteral("object")}});
    tools.append(anthropicTool);
    return std::nullopt;
}

Problem readTools(const QJsonObject &request, QJsonObject &anthropic)
{
    const QLatin1StringView toolsKey("tools");
    const QJsonValue value = request.value(toolsKey);
    if (!isSet(value))
        return std::nullopt;
    if (!value.isArray())
        return wrongType(toolsKey, QLatin1StringView("an array"), value);
    QJsonArray tools;
    const auto readOneTool = [&tools](const QJsonValue &tool, const QString &toolPath) {
        return readTool(tool, toolPath, tools);
    };
    if (auto problem = readItems(value.toArray(), toolsKey, readOneTool))
        return problem;
    if (!tools.isEmpty())
        anthropic.insert(toolsKey, tools);
    return std::nullopt;
}

Problem readToolChoice(const QJsonObject &request, QJsonObject &anthropic)
{
    const QLatin1StringView choiceKey("tool_choice");
    const QString path(choiceKey);
    const QJsonValue value = request.value(choiceKey);
    QJsonObject choice;
    if (value.isString()) {
        const QString mode = value.toString();
        if (mode == QLatin1StringView("auto") || mode == QLatin1StringView("none"))
            choice.insert(typeKey, mode);
        else if (mode == QLatin1StringView("required"))
            choice.insert(typeKey, QStringLiteral("any"));
        else
            return unsupportedValue(path, mode, QLatin1StringView("'auto', 'none' and 'required'"));
    } else if (value.isObject()) {
        Function function;
        if (auto problem = readFunctionEntry(value.toObject(), path, function))
            return problem;
        choice = QJsonObject{{QString(typeKey), QStringLiteral("tool")},
                             {QStringLiteral("name"), function.name}};
    } else if (isSet(value)) {
        return wrongType(path, QLatin1StringView("a string or an object"), value);
    }

    const QLatin1StringView parallelKey("parallel_tool_calls");
    const QJsonValue parallel = request.value(parallelKey);
    if (auto problem = checkOptional(parallel, QJsonValue::Bool, parallelKey))
        return problem;
    // Anthropic says "one call at a time" inside tool_choice, which "none" cannot carry, and
    // only means something when there are tools.
    if (parallel.isBool() && !parallel.toBool() && anthropic.contains(QLatin1StringView("tools"))) {
        if (choice.isEmpty())
            choice.insert(typeKey, QStringLiteral("auto"));
        if (typeOf(choice) != QLatin1StringView("none"))
            choice.insert(QStringLiteral("disable_parallel_tool_use"), true);
    }
    if (!choice.isEmpty())
        anthropic.insert(choiceKey, choice);
    return std::nullopt;
}

// max_completion_tokens replaced max_tokens in OpenAI's API; new clients send the former.
Problem readMaxTokens(const QJsonObject &request, qint64 &maxTokens)
{
    for (const auto key : {QLatin1StringView("max_completion_tokens"), QLatin1StringView("max_tokens")}) {
        std::optional<qint64> integer;
        if (auto problem = readOptionalInteger(request, key, integer))
            return problem;
        if (!integer)
            continue;
        if (*integer < 1)
            return invalidValue(key, QStringLiteral("expected a value of at least 1, but got ")
                                         % QString::number(*integer) % QLatin1Char('.'));
        maxTokens = *integer;
        return std::nullopt;
    }
    return std::nullopt;
}

Problem readStop(const QJsonObject &request, QJsonObject &anthropic)
{
    const QLatin1StringView stopKey("stop");
    const QJsonValue value = request.value(stopKey);
    QJsonArray sequences;
    if (value.isString()) {
        if (!value.toString().isEmpty())
            sequences.append(value);
    } else if (value.isArray()) {
        const auto readSequence = [&sequences](const QJsonValue &sequence,
                                               const QString &sequencePath) -> Problem {
            if (!sequence.isString())
                return wrongType(sequencePath, QLatin1StringView("a string"), sequence);
            if (!sequence.toString().isEmpty())
                sequences.append(sequence);
            return std::nullopt;
        };
        if (auto problem = readItems(value.toArray(), stopKey, readSequence))
            return problem;
    } else if (isSet(value)) {
        return wrongType(stopKey, QLatin1StringView("a string or an array of strings"), value);
    }
    if (!sequences.isEmpty())
        anthropic.insert(QStringLiteral("stop_sequences"), sequences);
    return std::nullopt;
}

// Thinking tokens for an effort; 0 for none. "minimal" and "none" are OpenAI's ways of
// asking for (next to) no reasoning, and Anthropic's smallest budget (1024) is more than that.
Problem readThinkingBudget(const QJsonObject &request, int &budget)
{
    const QLatin1StringView effortKey("reasoning_effort");
    const QJsonValue value = request.value(effortKey);
    budget = 0;
    if (auto problem = checkOptional(value, QJsonValue::String, effortKey))
        return problem;
    if (!isSet(value))
        return std::nullopt;
    const QString effort = value.toString();
    if (effort == QLatin1StringView("low"))
        budget = OpenAiChatRequestReader::lowThinkingBudget;
    else if (effort == QLatin1StringView("medium"))
        budget = OpenAiChatRequestReader::mediumThinkingBudget;
    else if (effort == QLatin1StringView("high"))
        budget = OpenAiChatRequestReader::highThinkingBudget;
    else if (effort != QLatin1StringView("minimal") && effort != QLatin1StringView("none"))
        return unsupportedValue(effortKey, effort,
                                QLatin1StringView("'none', 'minimal', 'low', 'medium' and 'high'"));
    return std::nullopt;
}

// Fields copied when they have the type both APIs give them.
Problem copyTyped(const QJsonObject &request, QLatin1StringView key, QJsonValue::Type type,
                  QJsonObject &anthropic)
{
    const QJsonValue value = request.value(key);
    if (auto problem = checkOptional(value, type, key))
        return problem;
    if (isSet(value))
        anthropic.insert(key, value);
    return std::nullopt;
}

// Only one answer is ever produced.
Problem checkChoiceCount(const QJsonObject &request)
{
    const QLatin1StringView countKey("n");
    std::optional<qint64> count;
    if (auto problem = readOptionalInteger(request, countKey, count))
        return problem;
    if (count && *count != 1)
        return invalidValue(countKey, QStringLiteral("only one choice (n = 1) is supported, but got ")
                                          % QString::number(*count) % QLatin1Char('.'));
    return std::nullopt;
}

Problem readUser(const QJsonObject &request, QJsonObject &anthropic)
{
    const QLatin1StringView userKey("user");
    const QJsonValue value = request.value(userKey);
    if (auto problem = checkOptional(value, QJsonValue::String, userKey))
        return problem;
    if (!value.toString().isEmpty())
        anthropic.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("user_id"), value}});
    return std::nullopt;
}

Problem readRequest(const QJsonObject &request, int defaultMaxTokens, QJsonObject &anthropic)
{
    const QLatin1StringView modelKey("model");
    if (request.contains(modelKey))
        anthropic.insert(modelKey, request.value(modelKey));
    if (auto problem = readMessages(request, anthropic))
        return problem;
    if (auto problem = checkChoiceCount(request))
        return problem;
    if (auto problem = readTools(request, anthropic))
        return problem;
    if (auto problem = readToolChoice(request, anthropic))
        return problem;
    if (auto problem = readStop(request, anthropic))
        return problem;
    if (auto problem = readUser(request, anthropic))
        return problem;
    for (const auto key : {QLatin1StringView("temperature"), QLatin1StringView("top_p")}) {
        if (auto problem = copyTyped(request, key, QJsonValue::Double, anthropic))
            return problem;
    }
    if (auto problem = copyTyped(request, QLatin1StringView("stream"), QJsonValue::Bool, anthropic))
        return problem;

    qint64 maxTokens = defaultMaxTokens;
    if (auto problem = readMaxTokens(request, maxTokens))
        return problem;
    int budget = 0;
    if (auto problem = readThinkingBudget(request, budget))
        return problem;
    if (budget > 0) {
        anthropic.insert(QStringLiteral("thinking"),
                         QJsonObject{{QString(typeKey), QStringLiteral("enabled")},
                                     {QStringLiteral("budget_tokens"), budget}});
        // Anthropic counts thinking inside max_tokens and wants room beyond the budget; the
        // client's limit is then kept for the answer on top of the thinking.
        if (maxTokens <= budget)
            maxTokens += budget;
    }
    anthropic.insert(QStringLiteral("max_tokens"), maxTokens);
    return std::nullopt;
}
}

OpenAiChatRequestReader::Result OpenAiChatRequestReader::read(const QJsonObject &openAiRequest,
                                                              int defaultMaxTokens)
{
    Result result;
    if (auto problem = readRequest(openAiRequest, defaultMaxTokens, result.anthropicRequest)) {
        result.anthropicRequest = {};
        result.error = problem;
    }
    return result;
}
