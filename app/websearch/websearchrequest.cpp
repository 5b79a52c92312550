#include "websearchrequest.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QUrl>

namespace {
const QLatin1StringView ownContentPrefix("ccbridge1.");

QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

bool isWebSearchTool(const QJsonObject &tool)
{
    return typeOf(tool).startsWith(QLatin1StringView("web_search_"));
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray())
        strings << item.toString();
    return strings;
}

QJsonObject functionTool()
{
    const QJsonObject query{{QStringLiteral("type"), QStringLiteral("string")},
                            {QStringLiteral("description"), QStringLiteral("What to search for, as you would type it "
                                                                           "into a search engine.")}};
    return {{QStringLiteral("name"), WebSearchRequest::functionName},
            {QStringLiteral("description"),
             QStringLiteral("Search the web. Returns the title, URL, date and an extract of each page found. Use it "
                            "for anything recent or that you are not sure of, and cite the URLs you use.")},
            {QStringLiteral("input_schema"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                         {QStringLiteral("properties"), QJsonObject{{QStringLiteral("query"), query}}},
                         {QStringLiteral("required"), QJsonArray{QStringLiteral("query")}}}}};
}

QJsonArray contentArray(const QJsonValue &content)
{
    if (content.isString())
        return {QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), content}}};
    return content.toArray();
}

// Consecutive messages of one role as one, as the APIs want turns to alternate.
QJsonArray mergedTurns(const QList<QJsonObject> &messages)
{
    QJsonArray merged;
    for (const QJsonObject &message : messages) {
        if (!merged.isEmpty()) {
            QJsonObject last = merged.last().toObject();
            if (last.value(QLatin1StringView("role")) == message.value(QLatin1StringView("role"))) {
                QJsonArray content = contentArray(last.value(QLatin1StringView("content")));
                for (const QJsonValue &block : contentArray(message.value(QLatin1StringView("content"))))
                    content.append(block);
                last[QStringLiteral("content")] = content;
                merged[merged.size() - 1] = last;
                continue;
            }
        }
        merged.append(message);
    }
    return merged;
}

QJsonObject messageOf(const QString &role, const QJsonArray &content)
{
    return {{QStringLiteral("role"), role}, {QStringLiteral("content"), content}};
}

// An assistant message with searches in it, cut where each search's result stands: the
// calls end one assistant turn, their results are the user's turn, and the rest follows.
QList<QJsonObject> searchesAsCalls(const QJsonObject &message)
{
    QList<QJsonObject> messages;
    QHash<QString, QString> queries;
    QJsonArray assistant;
    for (const QJsonValue &value : message.value(QLatin1StringView("content")).toArray()) {
        QJsonObject block = value.toObject();
        const QString type = typeOf(block);
        if (type == QLatin1StringView("server_tool_use")
            && block.value(QLatin1StringView("name")).toString() == WebSearchRequest::functionName) {
            const QJsonObject input = block.value(QLatin1StringView("input")).toObject();
            queries.insert(block.value(QLatin1StringView("id")).toString(), input.value(QLatin1StringView("query")).toString());
            assistant.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                         {QStringLiteral("id"), block.value(QLatin1StringView("id"))},
                                         {QStringLiteral("name"), WebSearchRequest::functionName},
                                         {QStringLiteral("input"), input}});
        } else if (type == QLatin1StringView("web_search_tool_result")) {
            const QString id = block.value(QLatin1StringView("tool_use_id")).toString();
            const SearchOutcome outcome = WebSearchRequest::outcomeOf(block);
            messages << messageOf(QStringLiteral("assistant"), assistant);
            QJsonObject result{{QStringLiteral("type"), QStringLiteral("tool_result")},
                               {QStringLiteral("tool_use_id"), id},
                               {QStringLiteral("content"), WebSearchRequest::resultText(queries.value(id), outcome)}};
            if (outcome.failed())
                result.insert(QStringLiteral("is_error"), true);
            messages << messageOf(QStringLiteral("user"), {result});
            assistant = {};
        } else {
            if (type == QLatin1StringView("text"))
                block.remove(QStringLiteral("citations")); // they point at results the model reads as text
            assistant.append(block);
        }
    }
    if (!assistant.isEmpty())
        messages << messageOf(QStringLiteral("assistant"), assistant);
    return messages;
}

bool holdsSearches(const QJsonObject &message)
{
    if (message.value(QLatin1StringView("role")).toString() != QLatin1StringView("assistant"))
        return false;
    for (const QJsonValue &block : message.value(QLatin1StringView("content")).toArray()) {
        const QString type = typeOf(block.toObject());
        if (type == QLatin1StringView("server_tool_use") || type == QLatin1StringView("web_search_tool_result"))
            return true;
    }
    return false;
}

bool matchesDomain(const QString &host, QString domain)
{
    domain = domain.section(QLatin1Char('/'), 0, 0).toLower();
    return !domain.isEmpty() && (host == domain || host.endsWith(QLatin1Char('.') + domain));
}
}

std::optional<WebSearchRequest::ServerTool> WebSearchRequest::serverToolOf(const QJsonObject &request)
{
    for (const QJsonValue &value : request.value(QLatin1StringView("tools")).toArray()) {
        const QJsonObject tool = value.toObject();
        if (!isWebSearchTool(tool))
            continue;
        return ServerTool{tool.value(QLatin1StringView("max_uses")).toInt(),
                          stringsOf(tool.value(QLatin1StringView("allowed_domains"))),
                          stringsOf(tool.value(QLatin1StringView("blocked_domains")))};
    }
    return std::nullopt;
}

QJsonObject WebSearchRequest::forUpstream(const QJsonObject &request, bool offerFunction)
{
    QJsonObject upstream = request;
    QJsonArray tools;
    for (const QJsonValue &value : request.value(QLatin1StringView("tools")).toArray()) {
        if (!isWebSearchTool(value.toObject()))
            tools.append(value);
        else if (offerFunction)
            tools.append(functionTool());
    }
    const QJsonObject choice = request.value(QLatin1StringView("tool_choice")).toObject();
    const bool choiceNamesSearch = typeOf(choice) == QLatin1StringView("tool")
                                   && choice.value(QLatin1StringView("name")).toString() == functionName;
    if (tools.isEmpty()) {
        upstream.remove(QStringLiteral("tools"));
        upstream.remove(QStringLiteral("tool_choice"));
    } else {
        upstream.insert(QStringLiteral("tools"), tools);
        if (choiceNamesSearch && !offerFunction)
            upstream.remove(QStringLiteral("tool_choice"));
    }

    QList<QJsonObject> messages;
    bool changed = false;
    for (const QJsonValue &value : request.value(QLatin1StringView("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        if (holdsSearches(message)) {
            messages << searchesAsCalls(message);
            changed = true;
        } else {
            messages << message;
        }
    }
    if (changed)
        upstream.insert(QStringLiteral("messages"), mergedTurns(messages));
    return upstream;
}

QString WebSearchRequest::resultText(const QString &query, const SearchOutcome &outcome)
{
    if (outcome.failed())
        return QStringLiteral("The web search for \"%1\" failed: %2").arg(query, outcome.errorMessage);
    if (outcome.results.isEmpty())
        return QStringLiteral("The web search for \"%1\" found nothing.").arg(query);
    QString text = QStringLiteral("Results of the web search for \"%1\":\n").arg(query);
    for (qsizetype index = 0; index < outcome.results.size(); ++index) {
        const SearchResult &result = outcome.results.at(index);
        text += QStringLiteral("\n%1. %2\n   %3\n").arg(index + 1).arg(result.title, result.url);
        if (!result.pageAge.isEmpty())
            text += QStringLiteral("   Published: %1\n").arg(result.pageAge);
        if (!result.snippet.isEmpty())
            text += QStringLiteral("   %1\n").arg(result.snippet);
    }
    return text;
}

QJsonObject WebSearchRequest::resultBlock(const SearchResult &result)
{
    const QByteArray carried = QJsonDocument(QJsonObject{{QStringLiteral("snippet"), result.snippet}}).toJson(QJsonDocument::Compact);
    return {{QStringLiteral("type"), QStringLiteral("web_search_result")},
            {QStringLiteral("url"), result.url},
            {QStringLiteral("title"), result.title},
            {QStringLiteral("encrypted_content"),
             QString(ownContentPrefix + QString::fromLatin1(carried.toBase64(QByteArray::Base64UrlEncoding)))},
            {QStringLiteral("page_age"), result.pageAge.isEmpty() ? QJsonValue() : QJsonValue(result.pageAge)}};
}

SearchOutcome WebSearchRequest::outcomeOf(const QJsonObject &resultBlock)
{
    const QJsonValue content = resultBlock.value(QLatin1StringView("content"));
    if (content.isObject()) {
        const QString code = content.toObject().value(QLatin1StringView("error_code")).toString();
        return SearchOutcome::failure(code.isEmpty() ? QStringLiteral("unavailable") : code, code);
    }
    SearchOutcome outcome;
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject item = value.toObject();
        SearchResult result{item.value(QLatin1StringView("title")).toString(), item.value(QLatin1StringView("url")).toString(),
                            {}, item.value(QLatin1StringView("page_age")).toString()};
        // Anthropic's own encrypted content is theirs to read; only ours carries the extract.
        const QString carried = item.value(QLatin1StringView("encrypted_content")).toString();
        if (carried.startsWith(ownContentPrefix)) {
            const QByteArray json = QByteArray::fromBase64(carried.mid(ownContentPrefix.size()).toLatin1(),
                                                           QByteArray::Base64UrlEncoding);
            result.snippet = QJsonDocument::fromJson(json).object().value(QLatin1StringView("snippet")).toString();
        }
        outcome.results << result;
    }
    return outcome;
}

bool WebSearchRequest::allows(const ServerTool &tool, const QString &url)
{
    const QString host = QUrl(url).host().toLower();
    const auto matches = [&](const QString &domain) { return matchesDomain(host, domain); };
    if (!tool.allowedDomains.isEmpty() && std::none_of(tool.allowedDomains.begin(), tool.allowedDomains.end(), matches))
        return false;
    return std::none_of(tool.blockedDomains.begin(), tool.blockedDomains.end(), matches);
}
