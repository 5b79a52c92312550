#include "requestadapter.h"

#include "toolschemasanitizer.h"

#include <QJsonArray>
#include <QSet>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QString nameOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("name")).toString();
}

// Claude Code starts its system prompt with a block that changes on every request
// (`x-anthropic-billing-header: cc_version=…; cc_entrypoint=…;`). Anthropic drops it; a
// provider would take it for prompt text, and a prefix that never repeats defeats its cache.
bool isBillingText(const QString &text)
{
    return text.startsWith(QLatin1StringView("x-anthropic-billing-header:"));
}

void stripBillingHeader(QJsonObject &request)
{
    const QJsonValue system = request.value(QLatin1StringView("system"));
    if (system.isString()) {
        const QString text = system.toString();
        if (!isBillingText(text))
            return;
        const qsizetype lineEnd = text.indexOf(u'\n');
        if (lineEnd < 0)
            request.remove(QLatin1StringView("system"));
        else
            request.insert(QStringLiteral("system"), text.mid(lineEnd + 1));
        return;
    }
    const QJsonArray blocks = system.toArray();
    QJsonArray kept;
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString text = block.value(QLatin1StringView("text")).toString();
        if (typeOf(block) != QLatin1StringView("text") || !isBillingText(text))
            kept.append(value);
    }
    if (kept.size() == blocks.size())
        return;
    // An empty system list means nothing, and some translators would turn it into an empty
    // system message, which several providers reject.
    if (kept.isEmpty())
        request.remove(QLatin1StringView("system"));
    else
        request.insert(QStringLiteral("system"), kept);
}

// Tools Anthropic runs itself or defines itself (web search, web fetch, code execution,
// bash_…, text_editor_…) carry a versioned `type`; the client's own tools have none or
// "custom".
bool isServerTool(const QJsonObject &tool)
{
    const QJsonValue type = tool.value(QLatin1StringView("type"));
    return !type.isUndefined() && !type.isNull() && type.toString() != QLatin1StringView("custom");
}

bool isWebSearch(const QJsonObject &tool)
{
    return typeOf(tool).startsWith(QLatin1StringView("web_search"));
}

// Tool calls the model made in earlier turns must carry the names it is offered now.
QJsonArray renamedToolUses(const QJsonArray &messages, const ToolNameMap &toolNames, bool &changed)
{
    QJsonArray result;
    for (const QJsonValue &messageValue : messages) {
        QJsonObject message = messageValue.toObject();
        const QJsonValue content = message.value(QLatin1StringView("content"));
        if (message.value(QLatin1StringView("role")).toString() != QLatin1StringView("assistant")
            || !content.isArray()) {
            result.append(messageValue);
            continue;
        }
        QJsonArray blocks = content.toArray();
        bool messageChanged = false;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            QJsonObject block = blocks.at(i).toObject();
            if (typeOf(block) != QLatin1StringView("tool_use"))
                continue;
            const QString name = nameOf(block);
            const QString upstreamName = toolNames.toUpstream(name);
            if (upstreamName == name)
                continue;
            block.insert(QStringLiteral("name"), upstreamName);
            blocks.replace(i, block);
            messageChanged = true;
        }
        if (messageChanged) {
            message.insert(QStringLiteral("content"), blocks);
            changed = true;
        }
        result.append(messageChanged ? QJsonValue(message) : messageValue);
    }
    return result;
}
}

RequestAdapter::Result RequestAdapter::adapt(const QJsonObject &anthropicRequest, const ProviderRules &rules)
{
    Result result;
    QJsonObject &request = result.request;
    request = anthropicRequest;

    if (rules.stripBillingHeader)
        stripBillingHeader(request);

    const QJsonArray tools = request.value(QLatin1StringView("tools")).toArray();
    QJsonArray kept;
    QSet<QString> dropped;
    bool toolsChanged = false;
    for (const QJsonValue &value : tools) {
        QJsonObject tool = value.toObject();
        if (isServerTool(tool)) {
            // Web search is kept for the format translator, which knows the provider's own
            // search; nothing else Anthropic runs has a counterpart upstream.
            if (isWebSearch(tool) && rules.webSearch != ProviderRules::WebSearch::Drop) {
                kept.append(value);
                continue;
            }
            dropped.insert(nameOf(tool));
            result.notes << QStringLiteral("dropped server tool %1 (%2): the provider has no equivalent")
                                .arg(nameOf(tool), typeOf(tool));
            toolsChanged = true;
            continue;
        }
        const QJsonValue schema = tool.value(QLatin1StringView("input_schema"));
        if (!rules.unsupportedSchemaKeywords.isEmpty() && schema.isObject()) {
            const QJsonObject sanitized =
                ToolSchemaSanitizer::sanitize(schema.toObject(), rules.unsupportedSchemaKeywords);
            if (sanitized != schema.toObject()) {
                tool.insert(QStringLiteral("input_schema"), sanitized);
                toolsChanged = true;
            }
        }
        kept.append(tool);
    }

    result.toolNames = ToolNameMap::forTools(kept, rules.maxToolNameLength, rules.toolNameOverrides);
    if (!result.toolNames.isIdentity()) {
        QString reason = QStringLiteral("the provider takes only letters, digits, '_' and '-' in function names");
        if (rules.maxToolNameLength > 0)
            reason += QStringLiteral(", at most %1 of them").arg(rules.maxToolNameLength);
        for (qsizetype i = 0; i < kept.size(); ++i) {
            QJsonObject tool = kept.at(i).toObject();
            const QString name = nameOf(tool);
            const QString upstreamName = result.toolNames.toUpstream(name);
            if (isServerTool(tool) || upstreamName == name)
                continue;
            tool.insert(QStringLiteral("name"), upstreamName);
            kept.replace(i, tool);
            toolsChanged = true;
            result.notes << QStringLiteral("renamed tool %1 to %2: %3").arg(name, upstreamName, reason);
        }
    }

    // OpenAI-style APIs reject an empty tools list.
    const bool noToolsLeft = !tools.isEmpty() && kept.isEmpty();
    if (noToolsLeft)
        request.remove(QLatin1StringView("tools"));
    else if (toolsChanged)
        request.insert(QStringLiteral("tools"), kept);

    bool messagesChanged = false;
    const QJsonArray messages =
        renamedToolUses(request.value(QLatin1StringView("messages")).toArray(), result.toolNames, messagesChanged);
    if (messagesChanged)
        request.insert(QStringLiteral("messages"), messages);

    const QJsonValue choiceValue = request.value(QLatin1StringView("tool_choice"));
    if (choiceValue.isObject()) {
        QJsonObject choice = choiceValue.toObject();
        const bool namesTool = typeOf(choice) == QLatin1StringView("tool");
        const QString name = nameOf(choice);
        // A choice that can no longer be met would fail the whole request upstream.
        if (noToolsLeft || (namesTool && dropped.contains(name))) {
            request.remove(QLatin1StringView("tool_choice"));
            result.notes << QStringLiteral("removed tool_choice %1: its tools were dropped")
                                .arg(namesTool ? name : typeOf(choice));
        } else if (namesTool && result.toolNames.toUpstream(name) != name) {
            choice.insert(QStringLiteral("name"), result.toolNames.toUpstream(name));
            request.insert(QStringLiteral("tool_choice"), choice);
        }
    }
    return result;
}
