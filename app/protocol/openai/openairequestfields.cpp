#include "openairequestfields.h"

#include "../anthropic/anthropiccontent.h"

qint64 OpenAiRequestFields::maxTokensFor(const QJsonObject &anthropicRequest,
                                         const RequestOptions &options)
{
    const qint64 maxTokens = anthropicRequest.value(QLatin1StringView("max_tokens")).toInteger();
    if (options.maxOutputTokens > 0)
        return qMin<qint64>(maxTokens, options.maxOutputTokens);
    return maxTokens;
}

QList<QJsonObject> OpenAiRequestFields::functionsFor(const QJsonArray &anthropicTools)
{
    QList<QJsonObject> functions;
    for (const QJsonValue &value : anthropicTools) {
        const QJsonObject tool = value.toObject();
        const QString type = AnthropicContent::typeOf(tool);
        const QJsonValue schema = tool.value(QLatin1StringView("input_schema"));
        if ((!type.isEmpty() && type != QLatin1StringView("custom")) || !schema.isObject())
            continue;
        QJsonObject function{{QStringLiteral("name"), tool.value(QLatin1StringView("name"))},
                             {QStringLiteral("parameters"), schema}};
        const QJsonValue description = tool.value(QLatin1StringView("description"));
        if (description.isString())
            function.insert(QStringLiteral("description"), description);
        functions.append(function);
    }
    return functions;
}

void OpenAiRequestFields::insertToolChoice(const QJsonObject &anthropicRequest,
                                           NamedToolChoice namedToolChoice,
                                           QJsonObject &upstreamRequest)
{
    const QJsonObject choice = anthropicRequest.value(QLatin1StringView("tool_choice")).toObject();
    const QString type = AnthropicContent::typeOf(choice);
    if (type == QLatin1StringView("auto") || type == QLatin1StringView("none"))
        upstreamRequest.insert(QStringLiteral("tool_choice"), type);
    else if (type == QLatin1StringView("any"))
        upstreamRequest.insert(QStringLiteral("tool_choice"), QStringLiteral("required"));
    else if (type == QLatin1StringView("tool"))
        upstreamRequest.insert(QStringLiteral("tool_choice"),
                               namedToolChoice(choice.value(QLatin1StringView("name"))));
    if (choice.value(QLatin1StringView("disable_parallel_tool_use")).toBool())
        upstreamRequest.insert(QStringLiteral("parallel_tool_calls"), false);
}

void OpenAiRequestFields::insertSamplingAndUser(const QJsonObject &anthropicRequest,
                                                QJsonObject &upstreamRequest)
{
    for (const auto key : {QLatin1StringView("temperature"), QLatin1StringView("top_p")}) {
        if (anthropicRequest.value(key).isDouble())
            upstreamRequest.insert(key, anthropicRequest.value(key));
    }
    const QString user = anthropicRequest.value(QLatin1StringView("metadata"))
                             .toObject()
                             .value(QLatin1StringView("user_id"))
                             .toString();
    if (!user.isEmpty())
        upstreamRequest.insert(QStringLiteral("user"), user);
}

QString OpenAiRequestFields::requestedEffort(const QJsonObject &anthropicRequest)
{
    return anthropicRequest.value(QLatin1StringView("output_config"))
        .toObject()
        .value(QLatin1StringView("effort"))
        .toString();
}

QString OpenAiRequestFields::effortForBudget(qint64 budgetTokens)
{
    if (budgetTokens < 4096)
        return QStringLiteral("low");
    return budgetTokens < 16384 ? QStringLiteral("medium") : QStringLiteral("high");
}
