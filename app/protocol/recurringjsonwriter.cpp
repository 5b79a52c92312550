#include "recurringjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// The same bounds as RecurringJsonParser's: smaller members are written every time, larger
// ones are one-offs (a long session's messages), and the tools of a few sessions are kept.
constexpr qsizetype recurringMemberMinBytes = 4096;
constexpr qsizetype rememberedBytesLimit = 1024 * 1024;
constexpr qsizetype recurringMemberMaxBytes = rememberedBytesLimit / 4;

bool isContainer(const QJsonValue &value)
{
    return value.isArray() || value.isObject();
}

QByteArray compactJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    // A scalar is written as the only element of an array, without the brackets.
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}
} // namespace

QByteArray RecurringJsonWriter::write(const QJsonObject &object)
{
    QByteArray out = "{";
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (out.size() > 1)
            out += ',';
        out += compactJson(it.key());
        out += ':';
        const QJsonValue value = it.value();
        if (!isContainer(value)) {
            out += compactJson(value);
            continue;
        }
        if (const std::optional<QByteArray> json = recall(value)) {
            out += *json;
            continue;
        }
        const QByteArray json = compactJson(value);
        if (json.size() >= recurringMemberMinBytes && json.size() <= recurringMemberMaxBytes)
            remember(value, json);
        out += json;
    }
    out += '}';
    return out;
}

std::optional<QByteArray> RecurringJsonWriter::recall(const QJsonValue &value)
{
    for (qsizetype i = 0; i < m_remembered.size(); ++i) {
        if (m_remembered[i].value == value) {
            m_remembered.move(i, 0);
            return m_remembered.first().json;
        }
    }
    return std::nullopt;
}

void RecurringJsonWriter::remember(const QJsonValue &value, const QByteArray &json)
{
    m_remembered.prepend({value, json});
    m_rememberedBytes += json.size();
    while (m_rememberedBytes > rememberedBytesLimit) {
        m_rememberedBytes -= m_remembered.last().json.size();
        m_remembered.removeLast();
    }
}
