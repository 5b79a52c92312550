#include "websearchcitations.h"

#include "websearchrequest.h"

#include "protocol/anthropic/anthropicids.h"

QList<SearchResult> WebSearchCitations::resultsOf(const QJsonArray &annotations)
{
    QList<SearchResult> results;
    for (const QJsonValue &value : annotations) {
        const QJsonObject annotation = value.toObject();
        if (annotation.value(QLatin1StringView("type")).toString() != QLatin1StringView("url_citation"))
            continue;
        const QJsonObject citation = annotation.value(QLatin1StringView("url_citation")).toObject();
        const QString url = citation.value(QLatin1StringView("url")).toString();
        const bool seen = std::any_of(results.cbegin(), results.cend(), [&url](const SearchResult &result) { return result.url == url; });
        if (url.isEmpty() || seen)
            continue;
        results << SearchResult{citation.value(QLatin1StringView("title")).toString(), url,
                                citation.value(QLatin1StringView("content")).toString(), {}};
    }
    return results;
}

QList<QJsonObject> WebSearchCitations::blocksFor(const QList<SearchResult> &results)
{
    const QString id = QStringLiteral("srv") + AnthropicIds::newToolUseId();
    QJsonArray content;
    for (const SearchResult &result : results)
        content.append(WebSearchRequest::resultBlock(result));
    return {{{QStringLiteral("type"), QStringLiteral("server_tool_use")},
             {QStringLiteral("id"), id},
             {QStringLiteral("name"), WebSearchRequest::functionName},
             {QStringLiteral("input"), QJsonObject{{QStringLiteral("query"), QString()}}}},
            {{QStringLiteral("type"), QStringLiteral("web_search_tool_result")},
             {QStringLiteral("tool_use_id"), id},
             {QStringLiteral("content"), content}}};
}

QJsonObject WebSearchCitations::withSearches(QJsonObject usage, int searches)
{
    if (searches > 0)
        usage.insert(QStringLiteral("server_tool_use"), QJsonObject{{QStringLiteral("web_search_requests"), searches}});
    return usage;
}
