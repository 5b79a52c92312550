#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>

#include <optional>

// Parses request bodies, reusing the parse of large top-level members that recur from one body
// to the next. Claude Code sends the same tool definitions and system prompt, tens of KB, on
// every turn of a session, and parsing them was most of the CPU a request cost; a parsed
// QJsonArray or QJsonObject is shared, not copied, when it goes into the next request.
class RecurringJsonParser
{
public:
    // The same document and error QJsonDocument::fromJson gives for `json`.
    QJsonDocument parse(const QByteArray &json, QJsonParseError *error);

private:
    struct Remembered
    {
        QByteArray json;
        QJsonValue value;
    };
    std::optional<QJsonValue> recall(QByteArrayView json);
    void remember(QByteArrayView json, const QJsonValue &value);

    QList<Remembered> m_remembered; // the most recently used first
    qsizetype m_rememberedBytes = 0;
};
