#include "tokenestimator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

namespace {
// BPE tokenizers average about four characters of English or code per token, while CJK and
// other non-Latin scripts take about one token per character.
constexpr qint64 asciiCharactersPerToken = 4;
// Role markers and separators that wrap every message.
constexpr qint64 tokensPerMessage = 4;
// Anthropic bills an image width*height/750 tokens, about 1,600 for a typical 1092x1092
// image. Decoding images to learn their size is not worth it for an estimate.
constexpr qint64 tokensPerImage = 1600;

class Tally
{
public:
    void addText(QStringView text)
    {
        for (const QChar character : text) {
            if (character.unicode() < 0x80)
                ++m_asciiCharacters;
            else if (!character.isLowSurrogate()) // a surrogate pair is one character
                ++m_otherCharacters;
        }
    }

    // Counted on the UTF-8 bytes: Claude Code's tool schemas are tens of KB, and widening them
    // to UTF-16 only to count would double the cost.
    void addJson(const QJsonObject &object)
    {
        const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
        for (const char byte : json) {
            const auto unit = static_cast<unsigned char>(byte);
            if (unit < 0x80)
                ++m_asciiCharacters;
            else if (unit >= 0xC0) // a lead byte starts a character; continuation bytes do not
                ++m_otherCharacters;
        }
    }

    // A string, or content blocks as a message, system prompt or tool result holds them.
    void addContent(const QJsonValue &content)
    {
        if (content.isString()) {
            addText(content.toString());
            return;
        }
        const QJsonArray blocks = content.toArray();
        for (const QJsonValue &value : blocks) {
            const QJsonObject block = value.toObject();
            const QString type = block.value(QLatin1StringView("type")).toString();
            if (type == QLatin1StringView("text")) {
                addText(block.value(QLatin1StringView("text")).toString());
            } else if (type == QLatin1StringView("image")) {
                m_fixedTokens += tokensPerImage;
            } else if (type == QLatin1StringView("tool_use")) {
                addText(block.value(QLatin1StringView("name")).toString());
                addJson(block.value(QLatin1StringView("input")).toObject());
            } else if (type == QLatin1StringView("tool_result")) {
                addContent(block.value(QLatin1StringView("content")));
            } else if (type == QLatin1StringView("thinking")) {
                addText(block.value(QLatin1StringView("thinking")).toString());
            }
        }
    }

    void addMessage(const QJsonObject &message)
    {
        m_fixedTokens += tokensPerMessage;
        addContent(message.value(QLatin1StringView("content")));
    }

    void addTool(const QJsonObject &tool)
    {
        addText(tool.value(QLatin1StringView("name")).toString());
        addText(tool.value(QLatin1StringView("description")).toString());
        const QJsonValue schema = tool.value(QLatin1StringView("input_schema"));
        if (schema.isObject())
            addJson(schema.toObject());
    }

    Tally &operator+=(const Tally &other)
    {
        m_asciiCharacters += other.m_asciiCharacters;
        m_otherCharacters += other.m_otherCharacters;
        m_fixedTokens += other.m_fixedTokens;
        return *this;
    }

    qint64 tokens() const
    {
        const qint64 asciiTokens =
            (m_asciiCharacters + asciiCharactersPerToken - 1) / asciiCharactersPerToken;
        return asciiTokens + m_otherCharacters + m_fixedTokens;
    }

private:
    qint64 m_asciiCharacters = 0;
    qint64 m_otherCharacters = 0;
    qint64 m_fixedTokens = 0;
};

// The tally of a request's tools. Claude Code sends the same tools, tens of KB of schemas, on
// every turn, and RecurringJsonParser hands them over as the same shared array: comparing it
// with the last one tallied is then a pointer comparison instead of a count over the schemas.
Tally toolsTally(const QJsonArray &tools)
{
    thread_local QJsonArray lastTools;
    thread_local Tally lastTally;
    if (tools == lastTools)
        return lastTally;
    Tally tally;
    for (const QJsonValue &tool : tools)
        tally.addTool(tool.toObject());
    lastTools = tools;
    lastTally = tally;
    return tally;
}
}

qint64 TokenEstimator::estimateInputTokens(const QJsonObject &request)
{
    Tally tally;
    tally.addContent(request.value(QLatin1StringView("system")));
    const QJsonArray messages = request.value(QLatin1StringView("messages")).toArray();
    for (const QJsonValue &message : messages)
        tally.addMessage(message.toObject());
    tally += toolsTally(request.value(QLatin1StringView("tools")).toArray());
    return tally.tokens();
}
