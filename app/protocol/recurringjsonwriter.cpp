#include "recurringjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
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
        if (const std::optional<QByteArray> json = m_remembered.recall(value)) {
            out += *json;
            continue;
        }
        const QByteArray json = compactJson(value);
        if (Remembered::isWorthRemembering(json.size()))
            m_remembered.remember(value, json, json.size());
        out += json;
    }
    out += '}';
    return out;
}
