#include "messageevents.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
QJsonObject event(const char *type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), QLatin1StringView(type));
    return fields;
}

// A block as content_block_start announces it, and the one delta that fills it.
QPair<QJsonObject, QJsonObject> splitBlock(const QJsonObject &block)
{
    const QString type = block.value(QLatin1StringView("type")).toString();
    QJsonObject start = block;
    QJsonObject delta;
    if (type == QLatin1StringView("text")) {
        start[QStringLiteral("text")] = QString();
        delta = {{QStringLiteral("type"), QStringLiteral("text_delta")}, {QStringLiteral("text"), block.value(QLatin1StringView("text"))}};
    } else if (type == QLatin1StringView("thinking")) {
        start[QStringLiteral("thinking")] = QString();
        delta = {{QStringLiteral("type"), QStringLiteral("thinking_delta")},
                 {QStringLiteral("thinking"), block.value(QLatin1StringView("thinking"))}};
    } else if (type == QLatin1StringView("tool_use") || type == QLatin1StringView("server_tool_use")) {
        start[QStringLiteral("input")] = QJsonObject();
        delta = {{QStringLiteral("type"), QStringLiteral("input_json_delta")},
                 {QStringLiteral("partial_json"),
                  QString::fromUtf8(QJsonDocument(block.value(QLatin1StringView("input")).toObject()).toJson(QJsonDocument::Compact))}};
    }
    return {start, delta};
}
}

QList<QJsonObject> MessageEvents::ofBlock(qsizetype index, const QJsonObject &block)
{
    const auto [start, delta] = splitBlock(block);
    QList<QJsonObject> events{event("content_block_start", {{QStringLiteral("index"), index}, {QStringLiteral("content_block"), start}})};
    if (!delta.isEmpty())
        events << event("content_block_delta", {{QStringLiteral("index"), index}, {QStringLiteral("delta"), delta}});
    events << event("content_block_stop", {{QStringLiteral("index"), index}});
    return events;
}

QList<QJsonObject> MessageEvents::fromMessage(const QJsonObject &message)
{
    QJsonObject opening = message;
    opening[QStringLiteral("content")] = QJsonArray();
    opening[QStringLiteral("stop_reason")] = QJsonValue::Null;
    opening[QStringLiteral("stop_sequence")] = QJsonValue::Null;
    QList<QJsonObject> events{event("message_start", {{QStringLiteral("message"), opening}})};

    const QJsonArray content = message.value(QLatin1StringView("content")).toArray();
    for (qsizetype index = 0; index < content.size(); ++index)
        events << ofBlock(index, content.at(index).toObject());
    events << event("message_delta",
                    {{QStringLiteral("delta"),
                      QJsonObject{{QStringLiteral("stop_reason"), message.value(QLatin1StringView("stop_reason"))},
                                  {QStringLiteral("stop_sequence"), message.value(QLatin1StringView("stop_sequence"))}}},
                     {QStringLiteral("usage"), message.value(QLatin1StringView("usage"))}});
    events << event("message_stop", {});
    return events;
}
