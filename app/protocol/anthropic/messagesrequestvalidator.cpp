#include "messagesrequestvalidator.h"

#include "../jsonfield.h"

#include <QJsonArray>
#include <QJsonValue>

namespace {
using Problem = std::optional<ApiError>;

// Anthropic validates with pydantic and reports the first problem as `<field path>: <pydantic
// message>`; the same wording lets people and clients recognize the error.
const QLatin1StringView fieldRequired("Field required");
const QLatin1StringView notAString("Input should be a valid string");
const QLatin1StringView notAList("Input should be a valid list");
const QLatin1StringView notAnObject("Input should be a valid dictionary");
const QLatin1StringView notAListOrString("Input should be a valid list or string");

ApiError fieldError(const QString &path, QLatin1StringView problem)
{
    return ApiError::invalidRequest(path % QLatin1StringView(": ") % problem);
}

QString childPath(const QString &path, qsizetype index)
{
    return path % QLatin1Char('.') % QString::number(index);
}

QString childPath(const QString &path, QLatin1StringView key)
{
    return path % QLatin1Char('.') % key;
}

Problem checkRequiredString(const QJsonObject &object, QLatin1StringView key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fieldError(path, fieldRequired);
    if (!value.isString())
        return fieldError(path, notAString);
    return std::nullopt;
}

// A list whose items each pass checkItem(item, path of the item).
template<typename CheckItem>
Problem checkList(const QJsonValue &value, const QString &path, CheckItem checkItem)
{
    if (!value.isArray())
        return fieldError(path, notAList);
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (auto problem = checkItem(list.at(i), childPath(path, i)))
            return problem;
    }
    return std::nullopt;
}

// An object whose one required field is a string: a content block's type, a tool's name.
Problem checkObjectWithString(const QJsonValue &value, QLatin1StringView key, const QString &path)
{
    if (!value.isObject())
        return fieldError(path, notAnObject);
    return checkRequiredString(value.toObject(), key, childPath(path, key));
}

Problem checkBlock(const QJsonValue &block, const QString &path)
{
    return checkObjectWithString(block, QLatin1StringView("type"), path);
}

// Content (and `system`) is either a string or a list of typed blocks.
Problem checkContent(const QJsonValue &content, const QString &path)
{
    if (content.isString())
        return std::nullopt;
    if (!content.isArray())
        return fieldError(path, notAListOrString);
    return checkList(content, path, checkBlock);
}

Problem checkMessage(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return fieldError(path, notAnObject);
    const QJsonObject message = value.toObject();
    const QString rolePath = childPath(path, QLatin1StringView("role"));
    if (auto problem = checkRequiredString(message, QLatin1StringView("role"), rolePath))
        return problem;
    // Claude Code puts environment details in role "system" messages, which the real API takes.
    const QString role = message.value(QLatin1StringView("role")).toString();
    if (role != QLatin1StringView("user") && role != QLatin1StringView("assistant")
        && role != QLatin1StringView("system"))
        return fieldError(rolePath,
                          QLatin1StringView("Input should be 'user', 'assistant' or 'system'"));
    const QJsonValue content = message.value(QLatin1StringView("content"));
    const QString contentPath = childPath(path, QLatin1StringView("content"));
    if (content.isUndefined())
        return fieldError(contentPath, fieldRequired);
    return checkContent(content, contentPath);
}

Problem checkTool(const QJsonValue &tool, const QString &path)
{
    return checkObjectWithString(tool, QLatin1StringView("name"), path);
}

Problem checkToolChoice(const QJsonObject &choice, const QString &path)
{
    if (auto problem = checkRequiredString(choice, QLatin1StringView("type"),
                                   childPath(path, QLatin1StringView("type"))))
        return problem;
    if (choice.value(QLatin1StringView("type")).toString() != QLatin1StringView("tool"))
        return std::nullopt;
    return checkRequiredString(choice, QLatin1StringView("name"),
                               childPath(path, QLatin1StringView("name")));
}

Problem checkModel(const QJsonObject &request)
{
    const QString path = QStringLiteral("model");
    if (auto problem = checkRequiredString(request, QLatin1StringView("model"), path))
        return problem;
    if (request.value(QLatin1StringView("model")).toString().isEmpty())
        return fieldError(path, QLatin1StringView("String should have at least 1 character"));
    return std::nullopt;
}

Problem checkMaxTokens(const QJsonObject &request)
{
    const QString path = QStringLiteral("max_tokens");
    const QJsonValue maxTokens = request.value(QLatin1StringView("max_tokens"));
    if (maxTokens.isUndefined())
        return fieldError(path, fieldRequired);
    // pydantic takes 1.0 for 1, as integerOf does.
    const std::optional<qint64> value = JsonField::integerOf(maxTokens);
    if (!value)
        return fieldError(path, QLatin1StringView("Input should be a valid integer"));
    if (*value < 1)
        return fieldError(path, QLatin1StringView("Input should be greater than or equal to 1"));
    return std::nullopt;
}

Problem checkMessages(const QJsonObject &request)
{
    const QString path = QStringLiteral("messages");
    const QJsonValue messages = request.value(QLatin1StringView("messages"));
    if (messages.isUndefined())
        return fieldError(path, fieldRequired);
    if (messages.isArray() && messages.toArray().isEmpty())
        return fieldError(path, QLatin1StringView("at least one message is required"));
    return checkList(messages, path, checkMessage);
}

// Optional fields may also be null: SDKs send null for "not set".
Problem checkOptional(const QJsonObject &request)
{
    const auto isSet = [&request](QLatin1StringView key) {
        return JsonField::isSet(request.value(key));
    };

    const QLatin1StringView stream("stream");
    if (isSet(stream) && !request.value(stream).isBool())
        return fieldError(stream, QLatin1StringView("Input should be a valid boolean"));
    for (const auto key : {QLatin1StringView("temperature"), QLatin1StringView("top_p")}) {
        if (isSet(key) && !request.value(key).isDouble())
            return fieldError(key, QLatin1StringView("Input should be a valid number"));
    }

    const QLatin1StringView stopSequences("stop_sequences");
    if (isSet(stopSequences)) {
        const auto checkStop = [](const QJsonValue &stop, const QString &path) -> Problem {
            if (!stop.isString())
                return fieldError(path, notAString);
            return std::nullopt;
        };
        if (auto problem = checkList(request.value(stopSequences), stopSequences, checkStop))
            return problem;
    }

    const QLatin1StringView system("system");
    if (isSet(system)) {
        if (auto problem = checkContent(request.value(system), system))
            return problem;
    }

    const QLatin1StringView tools("tools");
    if (isSet(tools)) {
        if (auto problem = checkList(request.value(tools), tools, checkTool))
            return problem;
    }

    const QLatin1StringView toolChoice("tool_choice");
    if (isSet(toolChoice)) {
        if (!request.value(toolChoice).isObject())
            return fieldError(toolChoice, notAnObject);
        return checkToolChoice(request.value(toolChoice).toObject(), toolChoice);
    }
    return std::nullopt;
}
}

std::optional<ApiError> MessagesRequestValidator::validate(const QJsonObject &request)
{
    for (const auto check : {checkModel, checkMaxTokens, checkMessages, checkOptional}) {
        if (auto problem = check(request))
            return problem;
    }
    return std::nullopt;
}
