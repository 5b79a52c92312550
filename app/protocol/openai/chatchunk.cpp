#include "chatchunk.h"

#include "chatcompletion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <simdjson.h>

#include <string>
#include <string_view>

namespace {

using namespace simdjson;

// A JSON string (with its quotes) that simdjson refuses and Qt's parser takes, read as Qt reads
// it, as the translator always did: a lone surrogate (a server that cut a UTF-16 pair in two),
// an unknown escape such as \_ (Qt keeps the character).
std::optional<QString> lenientString(std::string_view quoted)
{
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[").append(quoted.data(), qsizetype(quoted.size())).append(']'));
    if (!document.isArray() || !document.array().first().isString())
        return std::nullopt;
    return document.array().first().toString();
}

// A member's key, in `storage` when simdjson cannot unescape it; false when nobody can.
bool readKey(ondemand::field &member, std::string &storage, std::string_view &key)
{
    // Taken first: unescaping the key lets go of it. It runs from after its opening quote to
    // the closing one, which the parser has already found, so a scan for it ends there.
    const char *start = member.key().raw();
    if (!member.unescaped_key().get(key))
        return true;
    const char *end = start;
    while (*end != '"')
        end += *end == '\\' ? 2 : 1;
    const std::optional<QString> lenient = lenientString(std::string_view(start - 1, size_t(end - start + 2)));
    if (!lenient)
        return false;
    storage = lenient->toStdString();
    key = storage;
    return true;
}

bool typeOf(ondemand::value &value, ondemand::json_type &type)
{
    return !value.type().get(type);
}

// A string member's text; empty for null or any other type, as QJsonValue::toString reads it.
bool readText(ondemand::value value, QString &text)
{
    text.clear();
    ondemand::json_type type;
    if (!typeOf(value, type))
        return false;
    if (type != ondemand::json_type::string)
        return true;
    const std::string_view token = value.raw_json_token();
    std::string_view view;
    if (!value.get_string().get(view)) {
        text = QString::fromUtf8(view.data(), qsizetype(view.size()));
        return true;
    }
    const std::optional<QString> lenient = lenientString(token);
    if (!lenient)
        return false;
    text = *lenient;
    return true;
}

// A rare structured member, handed on as Qt JSON; undefined for anything but an object or an
// array, which QJsonValue::toObject and toArray then read as empty.
bool readStructured(ondemand::value value, QJsonValue &json)
{
    json = QJsonValue(QJsonValue::Undefined);
    ondemand::json_type type;
    if (!typeOf(value, type))
        return false;
    std::string_view raw;
    if (type == ondemand::json_type::object) {
        ondemand::object object;
        if (value.get_object().get(object) || object.raw_json().get(raw))
            return false;
    } else if (type == ondemand::json_type::array) {
        ondemand::array array;
        if (value.get_array().get(array) || array.raw_json().get(raw))
            return false;
    } else {
        return true;
    }
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(raw.data(), qsizetype(raw.size())));
    json = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    return true;
}

bool readArray(ondemand::value value, QJsonArray &array)
{
    QJsonValue json;
    if (!readStructured(value, json))
        return false;
    array = json.toArray();
    return true;
}

bool readUsage(ondemand::value value, std::optional<TokenUsage> &usage)
{
    QJsonValue json;
    if (!readStructured(value, json))
        return false;
    usage = ChatCompletion::usageFrom(json);
    return true;
}

// Hands each member of `object` to `read(key, value)`; false when the JSON is broken or `read`
// says so.
template<typename Read>
bool readMembers(ondemand::object object, Read read)
{
    std::string storage;
    for (auto field : object) {
        std::string_view key;
        if (field.error() || !readKey(field.value_unsafe(), storage, key) || !read(key, field.value_unsafe().value()))
            return false;
    }
    return true;
}

// The same for a member that should be an object: one of any other type has no members, as
// QJsonValue::toObject reads it.
template<typename Read>
bool readObject(ondemand::value value, Read read)
{
    ondemand::json_type type;
    ondemand::object object;
    if (!typeOf(value, type))
        return false;
    if (type != ondemand::json_type::object)
        return true;
    return !value.get_object().get(object) && readMembers(object, read);
}

bool readDelta(ondemand::value value, ChatChunk::Delta &delta)
{
    delta = {};
    return readObject(value, [&delta](std::string_view key, ondemand::value member) {
        return key == "content"             ? readText(member, delta.content)
               : key == "reasoning_content" ? readText(member, delta.reasoningContent)
               : key == "reasoning"         ? readText(member, delta.reasoning)
               : key == "tool_calls"        ? readArray(member, delta.toolCalls)
               : key == "annotations"       ? readArray(member, delta.annotations)
                                            : true;
    });
}

bool readChoice(ondemand::value value, ChatChunk::Choice &choice, std::optional<TokenUsage> &usage)
{
    return readObject(value, [&choice, &usage](std::string_view key, ondemand::value member) {
        if (key == "delta")
            return readDelta(member, choice.delta);
        if (key == "finish_reason")
            return readText(member, choice.finishReason);
        if (key == "usage")
            return readUsage(member, usage);
        if (key != "stop_reason")
            return true;
        QString text;
        ondemand::json_type type = ondemand::json_type::null;
        if (!typeOf(member, type) || !readText(member, text))
            return false;
        choice.stopReason = type == ondemand::json_type::string ? std::optional(text) : std::nullopt;
        return true;
    });
}

bool readChoices(ondemand::value value, ChatChunk &chunk, std::optional<TokenUsage> &usage)
{
    chunk.choice.reset();
    usage.reset();
    ondemand::json_type type;
    ondemand::array choices;
    if (!typeOf(value, type))
        return false;
    if (type != ondemand::json_type::array)
        return true;
    if (value.get_array().get(choices))
        return false;
    for (auto element : choices) {
        ondemand::value choice;
        if (element.get(choice))
            return false;
        chunk.choice.emplace();
        return readChoice(choice, *chunk.choice, usage); // the rest are never read
    }
    return true;
}

bool readTop(ondemand::object top, ChatChunk &chunk)
{
    std::optional<TokenUsage> topUsage;
    std::optional<TokenUsage> choiceUsage;
    const bool read = readMembers(top, [&](std::string_view key, ondemand::value member) {
        if (key == "choices")
            return readChoices(member, chunk, choiceUsage);
        if (key == "usage")
            return readUsage(member, topUsage);
        if (key != "error")
            return true;
        ondemand::json_type type;
        if (!typeOf(member, type))
            return false;
        chunk.carriesError = type == ondemand::json_type::object || type == ondemand::json_type::string;
        return true;
    });
    // Usage at the top level wins.
    chunk.usage = topUsage ? topUsage : choiceUsage;
    return read;
}

std::optional<ChatChunk> readStrict(QByteArrayView json)
{
    // One parser and one padded copy per thread, grown to the largest chunk and reused: the
    // parser reads up to SIMDJSON_PADDING bytes past the end.
    thread_local ondemand::parser parser;
    thread_local std::string padded;
    // Chunks are a few hundred bytes. What a rare large one made them grow to (the parser's
    // indexes take several times the chunk's size) is let go after it, not kept for the life
    // of the thread. Declared first, so that it runs once the document is gone.
    const auto release = qScopeGuard([] {
        constexpr size_t keptBytes = 64 * 1024;
        if (padded.capacity() > keptBytes) {
            parser = ondemand::parser();
            padded = std::string();
        }
    });
    padded.assign(json.data(), size_t(json.size()));
    padded.resize(size_t(json.size()) + SIMDJSON_PADDING);

    ondemand::document document;
    ondemand::object top;
    if (parser.iterate(padded.data(), size_t(json.size()), padded.size()).get(document)
        || document.get_object().get(top))
        return std::nullopt;
    ChatChunk chunk;
    const char *rest = nullptr;
    // Nothing may follow the object: the location is past the end once all of it was read.
    if (!readTop(top, chunk) || document.current_location().get(rest) != OUT_OF_BOUNDS)
        return std::nullopt;
    return chunk;
}

} // namespace

std::optional<ChatChunk> ChatChunk::read(QByteArrayView json)
{
    if (std::optional<ChatChunk> chunk = readStrict(json))
        return chunk;
    // Qt's parser takes raw control characters in strings, which RFC 8259 forbids and
    // simdjson refuses, and the translator always took them: such a chunk is written again as
    // strict JSON and read. Only chunks simdjson refused pay for it.
    const QJsonDocument lenient = QJsonDocument::fromJson(json.toByteArray());
    if (!lenient.isObject())
        return std::nullopt;
    return readStrict(lenient.toJson(QJsonDocument::Compact));
}
